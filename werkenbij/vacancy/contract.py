"""The kinds of contract a vacancy offers, the filter's categories, and their Dutch words."""

from __future__ import annotations

from dataclasses import dataclass

from .words import months_label

CONTRACT_STATUSES = ("contractueel", "statutair", "jobstudent", "stage")
CONTRACT_DURATIONS = ("onbepaalde duur", "bepaalde duur", "vervanging")


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
    def category(self) -> str:
        """What the filter offers: a steady job, a temporary one, a student job or a traineeship."""
        if self.status in ("jobstudent", "stage"):
            return {"jobstudent": "studentenjob", "stage": "stage"}[self.status]
        if self.duration in ("bepaalde duur", "vervanging"):  # a fixed term is never steady
            return "tijdelijke job"
        if self.status == "statutair" or self.duration == "onbepaalde duur":
            return "vaste job"
        return ""

    @property
    def temporary(self) -> bool:
        return self.category in ("tijdelijke job", "studentenjob")


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
