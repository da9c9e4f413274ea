"""Where things are on a page, measured in the browser from what a reader sees (text and
links), not from class names: the home page's results and a vacancy page's key facts. Shared by
the layout tests and bench/phone.py."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date

from werkenbij.schedule import vacancy_state
from werkenbij.vacancy import Vacancy
from werkenbij.vacancy.hours import hours_label
from werkenbij.vacancy.place import towns
from werkenbij.vacancy.salary import salary_amounts

# The results of a list: each item of a list in <main> whose heading links to a vacancy page.
RESULTS = """
() => [...document.querySelectorAll('main li')]
  .filter(li => li.querySelector('h2 a[href*="/vacatures/"], h3 a[href*="/vacatures/"]')
                && li.getClientRects().length)
  .map(li => {
    const r = li.getBoundingClientRect(), h = li.querySelector('h2 a, h3 a').getBoundingClientRect();
    return {title: li.querySelector('h2, h3').innerText.trim(), top: r.top + scrollY,
            bottom: r.bottom + scrollY, titleTop: h.top + scrollY, text: li.innerText};
  })
"""

# The top (page coordinates) of the first visible, innermost element whose text holds `needle`
# (white space folded), or null.
TEXT_TOP = """
(text) => {
  const fold = s => s.replace(/\\s+/g, ' ');
  const needle = fold(text);
  const holds = e => fold(e.innerText || '').includes(needle);
  const found = [...document.querySelectorAll('main *')].find(e =>
    e.getClientRects().length && holds(e) && ![...e.children].some(holds));
  return found ? found.getBoundingClientRect().top + scrollY : null;
}
"""

# The first visible link in <main> that leads to applying: to the apply section, or out to apply.
APPLY_TOP = """
() => {
  const link = [...document.querySelectorAll('main a[href]')].find(a =>
    a.getClientRects().length && /solliciteer/i.test(a.innerText));
  return link ? link.getBoundingClientRect().top + scrollY : null;
}
"""

# The apply section itself: its heading "Solliciteren".
APPLY_BOX_TOP = """
() => {
  const h = [...document.querySelectorAll('main h2')].find(e =>
    e.getClientRects().length && e.innerText.trim() === 'Solliciteren');
  return h ? h.getBoundingClientRect().top + scrollY : null;
}
"""

H1_TOP = "() => document.querySelector('h1').getBoundingClientRect().top + scrollY"
PAGE_HEIGHT = "() => document.documentElement.scrollHeight"


@dataclass(frozen=True)
class ListGeometry:
    heading_top: float
    first_title_top: float
    count: int
    average_height: float  # list height / results: each result with its share of the gaps
    total_height: float

    @property
    def screens(self) -> float:
        return self.total_height / 800


def list_geometry(page) -> ListGeometry:
    results = page.evaluate(RESULTS)
    total = results[-1]["bottom"] - results[0]["top"] if results else 0
    return ListGeometry(page.evaluate(H1_TOP), results[0]["titleTop"] if results else 0,
                        len(results), total / max(len(results), 1), total)


def key_fact_texts(vacancy: Vacancy, full_time_hours: int, today) -> dict[str, str]:
    """The words of each key fact a job seeker looks for first, as the site writes them."""
    state = vacancy_state(vacancy, today)
    texts = {}
    if state.closes:
        texts["closing date"] = format_date(state.closes, "d MMMM y", locale="nl_BE")
    places = towns(vacancy.locations)
    if places:
        texts["place"] = places[0]
    if vacancy.hours:
        texts["hours"] = hours_label(vacancy.hours, full_time_hours).split(" (")[0]
    amounts = [salary_amounts(s) for s in vacancy.salaries if salary_amounts(s)]
    if amounts:
        texts["pay"] = amounts[0].removeprefix("Bruto ").split(" per maand")[0]
    return texts


def fact_tops(page, texts: dict[str, str]) -> dict[str, float | None]:
    tops = {name: page.evaluate(TEXT_TOP, text) for name, text in texts.items()}
    tops["apply"] = page.evaluate(APPLY_TOP)
    tops["apply box"] = page.evaluate(APPLY_BOX_TOP)
    return tops
