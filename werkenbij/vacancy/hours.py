"""Working time: how a posting writes it, whether it is full or part time, and its Dutch words."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .words import number


class WorkTime(StrEnum):
    """Full or part time: what the filter offers and the cards carry."""

    FULL = "voltijds"
    PART = "deeltijds"


# The words a posting may write instead of hours.
WORK_TIMES = (WorkTime.FULL.value, WorkTime.PART.value, f"{WorkTime.FULL} of {WorkTime.PART}")
# Hours a written file may leave unquoted although YAML would read a number: 38, 28,5, 19-25,
# 25,34/38, 20%. The reader (read/vacancy_fields.py) takes more; these it takes as written.
HOURS_PLAIN = r"[0-9]{1,2}(,[0-9]{1,2})?(-[0-9]{1,2}(,[0-9]{1,2})?)?(/[0-9]{1,2})?|[0-9]{1,3}%"


@dataclass(frozen=True, kw_only=True)
class Hours:
    """Working time as the posting states it.

    `low`/`high`: hours per week, equal when fixed, None when only a share of full time or a
    word (`words`: one of WORK_TIMES) is written. `share`: per cent of a full-time job.
    `full_week`: the full week the posting itself counts from ("25,34/38" → 38), else None and
    the site's `full_time_hours` count. `note`: what the numbers cannot say (school weeks …).
    """

    low: Decimal | None = None
    high: Decimal | None = None
    share: Decimal | None = None
    full_week: Decimal | None = None
    words: str = ""
    note: str = ""


def work_times(hours: Hours | None, full_time_hours: int) -> tuple[WorkTime, ...]:
    """(FULL,), (PART,), both, or () when the posting does not say: from the
    words, the share of full time, or the hours against the full week (the posting's own
    or the site's `full_time_hours`)."""
    if hours is None:
        return ()
    if hours.words:
        return tuple(w for w in WorkTime if w in hours.words)
    if hours.share is not None:
        return (WorkTime.FULL,) if hours.share >= 100 else (WorkTime.PART,)
    if hours.low is None or hours.high is None:  # only a note: the posting does not say
        return ()
    full = hours.full_week or Decimal(full_time_hours)
    if hours.low >= full:
        return (WorkTime.FULL,)
    if hours.high < full:
        return (WorkTime.PART,)
    return (WorkTime.FULL, WorkTime.PART)


def hours_amount(hours: Hours) -> str:
    """The hours without the kind: '28,5 uur per week', '25,34/38 uur per week', '20 % van een
    voltijdse job', '19 tot 25 uur per week', 'voltijds'. Empty when only a note is written."""
    if hours.words:
        return hours.words
    if hours.share is not None:
        return f"{number(hours.share)} % van een voltijdse job"
    if hours.low is None or hours.high is None:
        return ""
    if hours.full_week is not None:
        return f"{number(hours.low)}/{number(hours.full_week)} uur per week"
    if hours.low != hours.high:
        return f"{number(hours.low)} tot {number(hours.high)} uur per week"
    return f"{number(hours.low)} uur per week"


def hours_label(hours: Hours, full_time_hours: int) -> str:
    """'28,5 uur per week (deeltijds)', 'Voltijds of deeltijds'."""
    amount = hours_amount(hours)
    if hours.words:
        return amount[:1].upper() + amount[1:]
    kinds = " of ".join(work_times(hours, full_time_hours))
    return f"{amount} ({kinds})" if amount and kinds else amount
