"""The two issue forms as GitHub reads them (.github/ISSUE_TEMPLATE/*.yml), generated from
the questions of spec.py, so that the committed forms are the model's (a test compares them)."""

from __future__ import annotations

from pathlib import Path

import yaml

from ...read.frontmatter import decode_content, split_front_matter
from ...read.yamltext import parse_yaml
from ...vacancy.keys import Top
from .spec import GROUPS, Question, questions

FORMS_DIR = Path(".github") / "ISSUE_TEMPLATE"
VACANCY_FORM, WITHDRAW_FORM = "nieuwe-vacature.yml", "vacature-offline.yml"
VACANCY_LABEL, WITHDRAW_LABEL = "vacature-formulier", "vacature-offline"

PUBLIC = ("**Let op: in een openbare repository is een issue openbaar zodra je het opent.** Iedereen "
          "kan het meteen lezen, ook vóór de dag van publicatie. Moet een vacature geheim blijven tot "
          "ze online komt? Gebruik dan dit formulier niet. Werk dan in een private repository of in een "
          "branch.")
VACANCY_INTRO = (PUBLIC + "\n\nVul de vragen in en klik op **Create**. Een robot maakt dan een voorstel "
                 "(een pull request) met het bestand van de vacature. Hij controleert alles en zet "
                 "het resultaat als reactie onder dit issue. Pas je het issue aan, dan past hij het "
                 "voorstel aan. Laat een vraag leeg als de vacature er niets over zegt. Verzin niets. "
                 "Uitleg over elk veld: `content/LEESMIJ.md`.")
WITHDRAW_INTRO = ("Haal een vacature offline vóór haar laatste dag. Een robot maakt een voorstel (een pull "
                  "request) dat de laatste dag om te solliciteren vervroegt. Na het samenvoegen staat de "
                  "vacature vanaf de dag erna in het archief.")
WITHDRAW_QUESTIONS = (
    Question("vacancy", "input", "Vacature", "Het webadres of de bestandsnaam van de vacature.",
             example="maatschappelijk-werker of https://…/vacatures/maatschappelijk-werker/", required=True),
    Question(str(Top.CLOSES), "input", "Laatste dag om te solliciteren", "Schrijf JJJJ-MM-DD. "
             "Vanaf de dag erna is de vacature gesloten. Wil je ze meteen offline? Kies dan de dag "
             "van gisteren.",
             example="2027-01-31", required=True),
)


def block_titles(root: Path) -> dict[str, str]:
    """name → title of every block in content/blocks/ (a block without a readable title keeps
    its name: the build itself reports it)."""
    titles = {}
    for path in sorted((root / "content" / "blocks").glob("*.md")):
        text, _ = decode_content(path.read_bytes())
        split, _ = split_front_matter(text or "")
        doc, _ = parse_yaml(split.front_matter) if split else (None, [])
        title = doc.data.get("title") if doc and isinstance(doc.data, dict) else None
        titles[path.stem] = title.strip() if isinstance(title, str) and title.strip() else path.stem
    return titles


def vacancy_form(root: Path) -> str:
    body: list[dict] = [_markdown(VACANCY_INTRO)]
    asked = {q.id: q for q in questions(block_titles(root))}
    for heading, group in GROUPS:
        body.append(_markdown(f"### {heading}"))
        body += [_element(asked[q.id]) for q in group]
    body += [_element(q) for q in asked.values() if q.id in ("blocks", "draft")]
    return _dump({"name": "Nieuwe vacature", "description": "Stel een nieuwe vacature voor, zonder YAML.",
                  "title": "Nieuwe vacature: ", "labels": [VACANCY_LABEL], "body": body})


def withdraw_form() -> str:
    body = [_markdown(PUBLIC), _markdown(WITHDRAW_INTRO), *(_element(q) for q in WITHDRAW_QUESTIONS)]
    return _dump({"name": "Vacature offline halen",
                  "description": "Sluit een vacature vroeger dan gepland.",
                  "title": "Vacature offline halen: ", "labels": [WITHDRAW_LABEL], "body": body})


def write_forms(root: Path) -> list[Path]:
    """Write both forms into root/.github/ISSUE_TEMPLATE/; returns the paths written."""
    folder = root / FORMS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in ((VACANCY_FORM, vacancy_form(root)), (WITHDRAW_FORM, withdraw_form())):
        (folder / name).write_text(text, "utf-8", newline="\n")
        written.append(folder / name)
    return written


def _markdown(text: str) -> dict:
    return {"type": "markdown", "attributes": {"value": text}}


def _element(q: Question) -> dict:
    attributes: dict = {"label": q.label}
    if q.help:
        attributes["description"] = q.help
    if q.kind == "checkboxes":
        attributes["options"] = [{"label": option} for option in q.options]
    elif q.kind == "dropdown":
        attributes["options"] = list(q.options)
    elif q.example:
        attributes["placeholder"] = q.example
    element = {"type": q.kind, "id": q.id, "attributes": attributes}
    if q.required:
        element["validations"] = {"required": True}
    return element


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    # Texts over more lines as a block, as a person would write them.
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(str, _text)

HEADER = ("# Generated by `python build.py form write` from the vacancy model (werkenbij/github/forms/).\n"
          "# Do not edit by hand: change the questions there and generate again.\n")


def _dump(form: dict) -> str:
    return HEADER + yaml.dump(form, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
