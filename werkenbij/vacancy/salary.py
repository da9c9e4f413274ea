"""The salary: its scale, the published scales, and gross amounts per month in euro."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .words import json_number, money

PER = "month"  # every amount is per month: the feed and the JSON-LD say so


@dataclass(frozen=True, kw_only=True)
class Salary:
    """The salary scale (e.g. B1-B3), a link to the published scales, and gross monthly amounts
    in euro: for a full-time job, or (`for_hours`) for the hours the vacancy states."""

    scale: str = ""
    url: str = ""
    min: Decimal | None = None
    max: Decimal | None = None
    for_hours: bool = False
    note: str = ""


def salary_amounts(salary: Salary) -> str:
    """'Bruto € 2.412,49 per maand voor een voltijdse job'; '' without amounts."""
    low, high = salary.min, salary.max
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low != high:
        amount = f"{money(low)} tot {money(high)}"
    elif low is not None:
        amount = money(low) if high is not None else f"vanaf {money(low)}"
    else:
        amount = f"tot {money(high)}"
    basis = "voor de uren van deze job" if salary.for_hours else "voor een voltijdse job"
    return f"Bruto {amount} per maand {basis}"


def salary_range(salaries: tuple[Salary, ...]) -> dict:
    """The lowest and highest amount the page states, when every scale states it on the same
    basis: a start salary of two scales is no maximum of either."""
    if not salaries or any(s.min is None and s.max is None for s in salaries) or \
            len({s.for_hours for s in salaries}) > 1:
        return {}
    lows, highs = [s.min for s in salaries], [s.max for s in salaries]
    amounts = {}
    if all(low is not None for low in lows):
        amounts["minValue"] = json_number(min(lows))
    if all(high is not None for high in highs):
        amounts["maxValue"] = json_number(max(highs))
    return amounts
