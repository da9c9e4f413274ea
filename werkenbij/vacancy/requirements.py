"""What a candidate needs: diploma, experience, driving licence and other conditions."""

from __future__ import annotations

from dataclasses import dataclass

DIPLOMA_LEVELS = ("geen", "lager secundair", "secundair", "bachelor", "master")
# Google's credentialCategory values for the diploma levels. Lower secondary school has none:
# "high school" would ask more than the vacancy does.
CREDENTIALS = {"secundair": "high school", "bachelor": "bachelor degree",
               "master": "postgraduate degree"}


@dataclass(frozen=True, kw_only=True)
class Requirements:
    """What a candidate needs. `diploma` as written; `diploma_level` one of DIPLOMA_LEVELS;
    `experience_months`: 0 means no experience is needed, None that the posting does not say."""

    diploma: str = ""
    diploma_level: str = ""
    experience_months: int | None = None
    experience: str = ""
    driving_licence: str = ""  # the category, e.g. B
    driving_licence_required: bool = True
    final_year_students: bool = False
    other: tuple[str, ...] = ()
