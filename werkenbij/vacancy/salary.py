"""The salary: its scale, the published scales, and gross amounts per month in euro."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal

from .hours import Hours, hours_amount
from .words import json_number, money

PER = "month"  # every amount is per month: the feed and the JSON-LD say so
CENT = Decimal("0.01")


@dataclass(frozen=True)
class JobHours:
    """The fixed weekly hours of a part-time job (`hours`, as the page writes them: `label`)
    and the full week they count against: a full-time amount × hours ÷ full week is its pay."""

    hours: Decimal
    full_week: Decimal
    label: str


@dataclass(frozen=True, kw_only=True)
class Salary:
    """The salary scale (e.g. B1-B3), a link to the published scales, and gross monthly amounts
    in euro: for a full-time job, or (`for_hours`) for the hours the vacancy states.
    `job_hours`: set when the amounts are for full time and the job is part time with fixed
    hours, so that every place that states the amounts also states the pay for those hours."""

    scale: str = ""
    url: str = ""
    min: Decimal | None = None
    max: Decimal | None = None
    for_hours: bool = False
    note: str = ""
    job_hours: JobHours | None = None


def part_time_hours(hours: Hours | None, full_time_hours: int) -> JobHours | None:
    """The fixed hours of a part-time job, or None: full time, a range (19 tot 25 uur) or only
    words leave the actual pay unknown, so none is made up."""
    if hours is None:
        return None
    full = hours.full_week or Decimal(full_time_hours)
    if hours.share is not None and 0 < hours.share < 100:
        return JobHours(hours.share * full / 100, full, hours_amount(hours))
    if hours.low is not None and hours.low == hours.high and 0 < hours.low < full:
        return JobHours(hours.low, full, hours_amount(hours))
    return None


def with_job_hours(salaries: tuple[Salary, ...], hours: Hours | None,
                   full_time_hours: int) -> tuple[Salary, ...]:
    """Each full-time salary with amounts learns the job's part-time hours (see Salary)."""
    job = part_time_hours(hours, full_time_hours)
    if job is None:
        return salaries
    return tuple(replace(s, job_hours=job) if not s.for_hours and (s.min or s.max) else s
                 for s in salaries)


def for_job_hours(amount: Decimal | None, job: JobHours) -> Decimal | None:
    """amount × hours ÷ full week, in cents (rounded as `money` shows cents)."""
    if amount is None:
        return None
    return (amount * job.hours / job.full_week).quantize(CENT, rounding=ROUND_HALF_EVEN)


def _range(low: Decimal | None, high: Decimal | None) -> str:
    if low is not None and high is not None and low != high:
        return f"{money(low)} tot {money(high)}"
    if low is not None:
        return money(low) if high is not None else f"vanaf {money(low)}"
    return f"tot {money(high)}"


def salary_amounts(salary: Salary) -> str:
    """'Bruto € 2.412,49 per maand voor een voltijdse job'; for a part-time job followed by
    '. Voor 19 uur per week is dat € 1.206,25 per maand'; '' without amounts."""
    low, high = salary.min, salary.max
    if low is None and high is None:
        return ""
    basis = "voor de uren van deze job" if salary.for_hours else "voor een voltijdse job"
    words = f"Bruto {_range(low, high)} per maand {basis}"
    job = salary.job_hours
    if job is not None:
        words += (f". Voor {job.label} is dat "
                  f"{_range(for_job_hours(low, job), for_job_hours(high, job))} per maand")
    return words


def paid_amounts(salary: Salary) -> tuple[Decimal | None, Decimal | None]:
    """The amounts for the job's own hours where the page states them, else as written."""
    if salary.job_hours is None:
        return salary.min, salary.max
    return for_job_hours(salary.min, salary.job_hours), for_job_hours(salary.max, salary.job_hours)


def salary_range(salaries: tuple[Salary, ...]) -> dict:
    """The lowest and highest amount the page states for the job's hours (the part-time pay
    where it states one), when every scale states it on the same basis: a start salary of two
    scales is no maximum of either."""
    if not salaries or any(s.min is None and s.max is None for s in salaries) or \
            len({s.for_hours or s.job_hours is not None for s in salaries}) > 1:
        return {}
    paid = [paid_amounts(s) for s in salaries]
    lows, highs = [low for low, _ in paid], [high for _, high in paid]
    amounts = {}
    if all(low is not None for low in lows):
        amounts["minValue"] = json_number(min(lows))
    if all(high is not None for high in highs):
        amounts["maxValue"] = json_number(max(highs))
    return amounts
