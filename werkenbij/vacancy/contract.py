"""The kinds of contract a vacancy offers, the filter's categories, and their Dutch words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .words import months_label


class Status(StrEnum):
    CONTRACTUAL = "contractueel"
    STATUTORY = "statutair"
    STUDENT = "jobstudent"
    TRAINEESHIP = "stage"


class Duration(StrEnum):
    OPEN_ENDED = "onbepaalde duur"
    FIXED_TERM = "bepaalde duur"
    REPLACEMENT = "vervanging"


class Category(StrEnum):
    """What the filter offers, in its order: a steady job, a temporary one, a student job or a
    traineeship."""

    STEADY = "vaste job"
    TEMPORARY = "tijdelijke job"
    STUDENT = "studentenjob"
    TRAINEESHIP = "stage"


# As written in a file, and offered by the form's dropdowns.
CONTRACT_STATUSES = tuple(status.value for status in Status)
CONTRACT_DURATIONS = tuple(duration.value for duration in Duration)


@dataclass(frozen=True, kw_only=True)
class Contract:
    """One kind of contract a vacancy offers. `status` is one of CONTRACT_STATUSES, `duration`
    one of CONTRACT_DURATIONS (`months` for a fixed term). `written` is a plain-string contract
    as the editor wrote it: shown as is, its status and duration recognised from its words."""

    status: str = ""
    duration: str = ""
    months: int | None = None
    note: str = ""
    written: str = ""

    @property
    def category(self) -> Category | None:
        """Where the filter puts it, or None when its words do not say."""
        if self.status == Status.STUDENT:
            return Category.STUDENT
        if self.status == Status.TRAINEESHIP:
            return Category.TRAINEESHIP
        if self.duration in (Duration.FIXED_TERM, Duration.REPLACEMENT):  # a fixed term is never steady
            return Category.TEMPORARY
        if self.status == Status.STATUTORY or self.duration == Duration.OPEN_ENDED:
            return Category.STEADY
        return None

    @property
    def temporary(self) -> bool:
        return self.category in (Category.TEMPORARY, Category.STUDENT)


def contract_label(contract: Contract, first: bool = True) -> str:
    """'Contractueel, bepaalde duur (18 maanden)'; a plain-text contract as written. `first`:
    it opens the sentence (the next ones follow '; of ')."""
    if contract.written:
        text = contract.written
    else:
        duration = contract.duration
        if contract.months:
            duration += f" ({months_label(contract.months)})"
        text = ", ".join(part for part in (contract.status, duration) if part)
    if contract.note:
        text += f" ({contract.note})" if not contract.note.startswith("(") else f" {contract.note}"
    return text[:1].upper() + text[1:] if first else text


def contracts_label(contracts: tuple[Contract, ...]) -> str:
    return "; of ".join(contract_label(c, first=i == 0) for i, c in enumerate(contracts))
