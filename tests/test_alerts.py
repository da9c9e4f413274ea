"""Alerts: an Atom feed per team, place and contract kind, offered under the list ("Volg deze
selectie") and in the page head; and the e-mail sign-up that posts to the owner's newsletter
service, with a Content-Security-Policy that lets forms post there and nowhere else."""

from __future__ import annotations

import contextlib
import http.server
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from lxml import etree

from helpers import FIXTURES, ROOT, build_site, parse, read_site, running, serve, text_of
from werkenbij.problems import ConfigError
from werkenbij.read.config import load_config
from werkenbij.render.assets import CSP
from werkenbij.render.feeds import selections, selections_of

TODAY = date(2025, 10, 1)
ATOM = "{http://www.w3.org/2005/Atom}"
SIGNUP = """newsletter:
  action: {action}
  email_field: EMAIL
  service: Nieuwsbriefdienst Voorbeeld
  hidden:
    lijst: vacatures-wsw
"""


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "complete", root)
    return root


def with_signup(root: Path, action: str) -> Path:
    config = root / "site_config.yaml"
    config.write_text(config.read_text("utf-8") + SIGNUP.format(action=action), "utf-8")
    return root


def feed_files(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in (output / "feeds").rglob("*.xml"))


# -- feeds ------------------------------------------------------------------------------------

def check_atom(data: bytes, self_path: str) -> list[str]:
    """The feed parses, has what RFC 4287 requires (id, title, updated, an author, and per entry
    id, title, updated and a link); returns its entries' links."""
    feed = etree.fromstring(data)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None, name
    assert feed.find(f"{ATOM}id").text.startswith("urn:uuid:")
    [me] = feed.findall(f"{ATOM}link[@rel='self']")
    assert me.get("href").endswith(self_path)
    links = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        links.append(urlsplit(entry.find(f"{ATOM}link[@rel='alternate']").get("href")).path)
    return links


@pytest.mark.parametrize("fixture, day", [("complete", TODAY), ("real", date(2026, 2, 10)),
                                          ("real", date(2022, 11, 14))])
def test_one_valid_atom_feed_per_team_place_and_contract_kind(tmp_path, fixture, day):
    """Built with the build's own checks (links, sitemap): they accept every feed."""
    root = FIXTURES / fixture
    output = build_site(tmp_path / "output", day, root=root)
    content = read_site(day, root=root)
    expected = selections(content.vacancies)
    assert feed_files(output) == sorted(s.path for s in expected) != []
    open_paths = {f"/vacatures/{v.slug}/" for v in content.vacancies
                  if not v.draft and f"/vacatures/{v.slug}/" in (output / "feed.xml").read_text("utf-8")}
    for selection in expected:
        links = check_atom((output / selection.path).read_bytes(), selection.path)
        wanted = {f"/vacatures/{v.slug}/" for v in content.vacancies if selection in selections_of(v)}
        assert set(links) == wanted & open_paths, selection.path
    check_atom((output / "feed.xml").read_bytes(), "feed.xml")
    assert b"feeds/" not in (output / "sitemap.xml").read_bytes()  # the sitemap lists pages only


def test_the_list_offers_a_feed_for_each_choice_of_its_open_vacancies(tmp_path):
    output = build_site(tmp_path / "output", TODAY, root=FIXTURES / "complete")
    home = parse(output / "index.html")
    alerts = home.select_one(".alerts")
    assert text_of(alerts.find("h3")) == "Volg deze selectie"
    offered = {a["href"]: text_of(a) for a in alerts.select(".feed-links a")}
    assert offered == {
        "/feed.xml": "Alle open vacatures",
        "/feeds/team/testteam.xml": "Vacatures van team Testteam",
        "/feeds/team/no.xml": "Vacatures van team no",  # yaml-tekst.md: 'no' stays text
        "/feeds/plaats/kortrijk.xml": "Vacatures in Kortrijk",
        "/feeds/contract/vaste-job.xml": "Vacatures voor een vaste job",
        "/feeds/contract/tijdelijke-job.xml": "Vacatures voor een tijdelijke job"}
    assert all((output / href.lstrip("/")).is_file() for href in offered)
    head = {link["href"] for link in home.select('head link[rel="alternate"][type="application/atom+xml"]')}
    assert head == set(offered)
    assert alerts.find("form") is None  # the sign-up is off by default
    page = parse(output / "vacatures/maatschappelijk-werker/index.html")
    assert [(link["title"], link["href"]) for link in page.select('head link[rel="alternate"]')] == [
        ("Open vacatures (Atom)", "/feed.xml"),
        ("Vacatures van team Testteam (Atom)", "/feeds/team/testteam.xml"),
        ("Vacatures in Kortrijk (Atom)", "/feeds/plaats/kortrijk.xml"),
        ("Vacatures voor een tijdelijke job (Atom)", "/feeds/contract/tijdelijke-job.xml")]


def test_feeds_live_under_a_sub_path_and_stay_byte_identical(tmp_path):
    one = build_site(tmp_path / "one", TODAY, root=FIXTURES / "complete", base_url="https://example.org/wb/")
    two = build_site(tmp_path / "two", TODAY, root=FIXTURES / "complete", base_url="https://example.org/wb/")
    assert all((one / p).read_bytes() == (two / p).read_bytes() for p in feed_files(one))
    assert b'href="https://example.org/wb/feeds/plaats/kortrijk.xml"' in \
        (one / "feeds/plaats/kortrijk.xml").read_bytes()
    assert parse(one / "index.html").select_one('.alerts a[href="/wb/feeds/plaats/kortrijk.xml"]')


# -- e-mail sign-up and the Content-Security-Policy ------------------------------------------

def csp_of(page) -> str:
    return page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_without_a_newsletter_forms_may_post_nowhere(tmp_path):
    output = build_site(tmp_path / "output", TODAY, root=FIXTURES / "complete")
    assert load_config(ROOT).newsletter is None  # the seed names no newsletter service
    assert "form-action 'none'" in CSP
    assert all(csp_of(parse(p)) == CSP for p in output.rglob("*.html"))
    assert "form-action 'none'" in (output / "_headers").read_text("utf-8")


def test_the_sign_up_form_and_the_policy_name_exactly_the_services_origin(site):
    with_signup(site, "https://nieuwsbrief.example.be/inschrijven?lijst=7")
    output = build_site(site / "output", TODAY, root=site)
    home = parse(output / "index.html")
    form = home.select_one(".alerts form")
    assert (form["method"], form["action"]) == ("post", "https://nieuwsbrief.example.be/inschrijven?lijst=7")
    field = form.select_one('input[type="email"]')
    assert (field["name"], field["autocomplete"], field.has_attr("required")) == ("EMAIL", "email", True)
    assert text_of(home.find("label", attrs={"for": field["id"]})) == "Je e-mailadres"
    hidden = form.select('input[type="hidden"]')
    assert [(i["name"], i["value"]) for i in hidden] == [("lijst", "vacatures-wsw")]
    assert text_of(home.select_one("#nieuwsbrief-privacy")) == (
        "Je e-mailadres gaat naar Nieuwsbriefdienst Voorbeeld. Die dienst stuurt de e-mails over nieuwe "
        "vacatures voor Stad Kortrijk.")
    assert home.select("script:not([src]):not([type='application/ld+json'])") == []
    policy = CSP.replace("form-action 'none'", "form-action https://nieuwsbrief.example.be")
    assert all(csp_of(parse(p)) == policy for p in output.rglob("*.html"))
    assert f"Content-Security-Policy: {policy}; frame-ancestors 'none'" in \
        (output / "_headers").read_text("utf-8")


@pytest.mark.parametrize("action", ["http://nieuwsbrief.example.be/in", "javascript:alert(1)",
                                    "https://nieuwsbrief.example.be/\"><script>", "mailto:a@b.be"])
def test_a_sign_up_to_anything_but_an_https_service_is_refused(site, action):
    with_signup(site, json.dumps(action))
    with pytest.raises(ConfigError) as caught:
        load_config(site)
    [problem] = caught.value.problems
    assert problem.path == "site_config.yaml" and problem.line == 21 + _lines_before_newsletter(site)
    assert problem.message.startswith("'newsletter': 'action' (het adres waar het formulier naartoe gaat")
    assert problem.fix.startswith("Schrijf het volledige adres dat je nieuwsbriefdienst geeft, met https://.")


def _lines_before_newsletter(root: Path) -> int:
    lines = (root / "site_config.yaml").read_text("utf-8").splitlines()
    return lines.index("newsletter:") + 2 - 21  # 'action' is on the line after 'newsletter:'


class Recorder(http.server.BaseHTTPRequestHandler):
    """A newsletter service on 127.0.0.1 that keeps every POST it gets."""

    posts: list[dict] = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        Recorder.posts.append({"path": self.path, "form": parse_qs(self.rfile.read(length).decode())})
        body = b"<!doctype html><html lang=nl><title>Ingeschreven</title><p>Ingeschreven.</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def newsletter_service():
    Recorder.posts = []
    with running(Recorder) as origin:
        yield origin


def test_the_sign_up_posts_the_address_to_the_service_under_the_sites_own_policy(browser, site):
    with newsletter_service() as service:
        with_signup(site, f"{service}/inschrijven")
        output = build_site(site / "output", TODAY, root=site)
        assert f"form-action {service};" in csp_of(parse(output / "index.html"))
        violations = []
        with serve(output) as base:
            page = browser.new_page()
            page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text
                    else None)
            page.goto(base)
            page.get_by_label("Je e-mailadres").fill("kandidaat@example.org")
            with page.expect_navigation():
                page.get_by_role("button", name="Schrijf je in").click()
            assert page.url == f"{service}/inschrijven"
            page.close()
    assert violations == []
    assert Recorder.posts == [{"path": "/inschrijven",
                               "form": {"EMAIL": ["kandidaat@example.org"], "lijst": ["vacatures-wsw"]}}]


def test_the_policy_stops_a_form_that_posts_elsewhere(browser, site):
    """The other half of the proof: the same page, its form pointed at another origin in the
    browser, posts nothing."""
    with newsletter_service() as service, newsletter_service() as other:
        with_signup(site, f"{service}/inschrijven")
        output = build_site(site / "output", TODAY, root=site)
        with serve(output) as base:
            page = browser.new_page()
            page.goto(base)
            page.eval_on_selector(".signup", "(form, to) => form.action = to", f"{other}/inschrijven")
            page.get_by_label("Je e-mailadres").fill("kandidaat@example.org")
            page.get_by_role("button", name="Schrijf je in").click(no_wait_after=True)
            page.wait_for_timeout(500)
            page.close()
    assert Recorder.posts == []


# -- accessibility of the new states ------------------------------------------------------------

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = {"smal": {"width": 360, "height": 800}, "breed": {"width": 1280, "height": 900}}
VNU = ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.fixture(scope="module")
def alert_sites(tmp_path_factory):
    """The list with the feeds to follow, without and with the e-mail sign-up."""
    sites = {}
    for name, signup in (("zonder-inschrijving", False), ("met-inschrijving", True)):
        root = tmp_path_factory.mktemp(name) / "site"
        shutil.copytree(FIXTURES / "complete", root)
        if signup:
            with_signup(root, "https://nieuwsbrief.example.be/inschrijven")
            config = root / "site_config.yaml"
            config.write_text(config.read_text("utf-8") + "  privacy_url: https://nieuwsbrief.example.be/privacy\n",
                              "utf-8")
        sites[name] = build_site(root / "output", TODAY, root=root)
    return sites


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_alerts(browser, alert_sites, width, scheme):
    axe, found = Axe(), []
    for name, folder in alert_sites.items():
        with serve(folder) as base:
            context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme)
            page = context.new_page()
            for path in ("", "vacatures/maatschappelijk-werker/"):
                page.goto(base + path)
                result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
                found += [(name, path, v["id"], [n["target"] for n in v["nodes"]][:3])
                          for v in result.response["violations"]]
            if name == "met-inschrijving":  # the field focused and filled in is a state too
                page.goto(base)
                page.get_by_label("Je e-mailadres").fill("kandidaat@example.org")
                result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
                found += [(name, "ingevuld", v["id"]) for v in result.response["violations"]]
                assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
            context.close()
    assert found == []


def test_nu_html_checker_finds_no_error_in_the_alerts(alert_sites):
    pages = [str(folder / path) for folder in alert_sites.values()
             for path in ("index.html", "vacatures/maatschappelijk-werker/index.html")]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert [m for m in messages if m["type"] == "error"] == []
    assert len(pages) == 4
