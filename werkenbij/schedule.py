"""Time: the build date, whether a vacancy is open on it, and where each procedure step stands."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from .models import parse_day
from .problems import UsageError
from .vacancy import Step, Vacancy

BRUSSELS = ZoneInfo("Europe/Brussels")


def resolve_build_date(option: str | None, environ: dict[str, str] | None = None) -> date:
    """`--date YYYY-MM-DD`, else SOURCE_DATE_EPOCH, else today; both in Europe/Brussels."""
    environ = os.environ if environ is None else environ
    if option is not None:  # an empty --date is a mistake, not "today"
        day = parse_day(option)
        if day is None:
            raise UsageError(f"--date '{option}' is geen geldige datum. Gebruik JJJJ-MM-DD.")
        return day
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        # The reproducible-builds form: ASCII digits only. int() would also take -1,
        # 1_700_000_000 and other scripts' digits.
        if not re.fullmatch(r"[0-9]{1,11}", epoch):
            raise UsageError(f"SOURCE_DATE_EPOCH '{epoch}' is geen aantal seconden sinds 1970.")
        return datetime.fromtimestamp(int(epoch), BRUSSELS).date()
    return datetime.now(BRUSSELS).date()


class StepStatus(StrEnum):
    """Where a step stands on the build date; the label is what a visitor reads."""

    PAST = "voorbij"
    NEXT = "volgende stap"
    PLANNED = "gepland"
    UNDATED = "geen datum"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class StepView:
    step: Step
    status: StepStatus


@dataclass(frozen=True, kw_only=True)
class VacancyState:
    """A vacancy seen on one build date.

    `closes` is the last day to apply as the file gives it; `open_ended` means it has none on
    purpose (closes: doorlopend). Otherwise, and also when open-ended, the last day is the
    earliest the vacancy itself implies: the day before `selection_starts` (its first dated
    step; not for open-ended recruitment), the day before `work_starts` (nobody applies for a
    job that has begun) and, when open-ended, `work_ends`.
    """

    is_open: bool
    closes: date | None
    selection_starts: date | None
    steps: tuple[StepView, ...]
    open_ended: bool = False
    work_starts: date | None = None
    work_ends: date | None = None

    @property
    def ends_by(self) -> tuple[str, date] | None:
        """What ends the time to apply, and its day: ("last_day", the written last day), ("selection",
        the first step's day), ("work", the first workday) or ("end", the last workday)."""
        if self.closes:
            return "last_day", self.closes
        one_day = timedelta(days=1)
        candidates = [("work", self.work_starts, self.work_starts and self.work_starts - one_day)]
        if self.open_ended:
            candidates.append(("end", self.work_ends, self.work_ends))
        else:
            candidates.append(("selection", self.selection_starts,
                               self.selection_starts and self.selection_starts - one_day))
        known = [(last, reason, day) for reason, day, last in candidates if day]
        if not known:
            return None
        _, reason, day = min(known)
        return reason, day

    @property
    def last_day(self) -> date | None:
        """The last day to apply, as written or as worked out; None when nothing ends it."""
        ends = self.ends_by
        if ends is None:
            return None
        reason, day = ends
        return day - timedelta(days=1) if reason in ("selection", "work") else day

    @property
    def closes_at(self) -> datetime | None:
        """While open: the moment it closes (see `closing_moment`) of its last day to apply.
        None when closed, or when no day is known."""
        if not self.is_open or self.last_day is None:
            return None
        return closing_moment(self.last_day)

    @property
    def first_dated_step(self) -> Step | None:
        return next((v.step for v in self.steps if v.step.date), None)

    @property
    def selection_done(self) -> bool:
        """Closed, and every step lies in the past: the dated ones, and the undated ones before a
        dated step that has begun. An undated step after the last date may still come."""
        return not self.is_open and any(v.step.date for v in self.steps) and \
            all(v.status == StepStatus.PAST for v in self.steps)


def closing_moment(last_day: date) -> datetime:
    """The end of the last day to apply, in Brussels, whatever the season: the JSON-LD's
    validThrough, and the moment a page built earlier closes itself in the browser."""
    return datetime.combine(last_day, time(23, 59, 59), BRUSSELS)


def is_shown(vacancy: Vacancy, today: date, drafts: bool) -> bool:
    """On the site on `today`: not a draft (unless drafts are previewed), and its `published`
    day has come (a later day schedules it). Shown means open or in the archive."""
    return (drafts or not vacancy.draft) and (vacancy.published is None or vacancy.published <= today)


def vacancy_state(vacancy: Vacancy, today: date) -> VacancyState:
    state = dates_of(vacancy)
    is_open = state.last_day is None or today <= state.last_day
    return replace(state, is_open=is_open, steps=step_statuses(vacancy.procedure, today, is_open))


def dates_of(vacancy: Vacancy) -> VacancyState:
    """The vacancy's dates before any build date is applied (is_open and steps not yet known):
    what ends the time to apply, and its last day, do not depend on the day."""
    starts = next((step.date for step in vacancy.procedure if step.date), None)
    return VacancyState(is_open=True, closes=vacancy.closes, selection_starts=starts, steps=(),
                        open_ended=vacancy.open_ended, work_starts=vacancy.start_date,
                        work_ends=vacancy.end_date)


def step_statuses(steps: tuple[Step, ...], today: date, is_open: bool) -> tuple[StepView, ...]:
    """A dated step is past once its day is over; an undated step (a cv screening, a reserve
    list) is past once a later dated step has begun.

    While the vacancy is open or a dated step still lies ahead, the first step that is not past
    is the next step and the rest are planned. After that nothing is planned any more: an
    undated step left over (a reserve list, months later) says it has no date.
    """
    past = [False] * len(steps)
    later_started = False
    for index in range(len(steps) - 1, -1, -1):
        step_date = steps[index].date
        past[index] = step_date < today if step_date else later_started
        later_started = later_started or (step_date is not None and step_date <= today)
    ongoing = is_open or any(step.date and step.date >= today for step in steps)
    views, next_given = [], False
    for step, is_past in zip(steps, past, strict=True):
        if is_past:
            status = StepStatus.PAST
        elif not ongoing:
            status = StepStatus.UNDATED
        elif not next_given:
            status, next_given = StepStatus.NEXT, True
        else:
            status = StepStatus.PLANNED
        views.append(StepView(step, status))
    return tuple(views)
