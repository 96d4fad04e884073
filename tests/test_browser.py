"""The HTML report in a real browser: pages load cleanly, links resolve, figures render, no code for readers.

Builds the report for the seeds and for a hand-made corpus with eight outlets (once per module),
then opens the pages in headless Chromium through Playwright. Skipped where Debian's `chromium`
is not installed (`apt-get install -y chromium`; `.ci/run` does that before `make test`).
"""
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import report
from analysis.paths import DATA, REPORTS, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CORPUS_MANY = Path(__file__).parent / "fixtures" / "corpus_many"
CORPORA = {"seeds": (SEEDS, DATA / "articles.csv"), "many": (CORPUS_MANY, None)}
SUMMARY = "07-summarize-outlets"
# Code input of a notebook cell in nbconvert's lab template (and the classic one).
CODE_INPUT = ".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .input_area"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium`")]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for name, (corpus, manifest) in CORPORA.items():
        out = tmp_path_factory.mktemp(f"report-{name}")
        assert report.build(corpus, manifest, out, progress=False) == 0, f"report for {name} failed"
        built[name] = out / "html"
    return built


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from disk, with the console errors and outside requests it produced."""

    def __init__(self, browser, path: Path, width: int = 1200):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri(), wait_until="load")

    def _route(self, route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:  # a mailed report must not need the network
            self.outside.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


def local_path(url: str) -> Path:
    from urllib.parse import unquote, urlparse
    parsed = urlparse(url)
    assert parsed.scheme == "file", f"link leaves the report: {url}"
    return Path(unquote(parsed.path))


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_every_page_linked_from_the_index_loads_cleanly(reports, browser, corpus):
    index = Visit(browser, reports[corpus] / "index.html")
    links = index.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert not index.errors and not index.outside
    index.close()
    n_articles = len(list((reports[corpus] / "articles").glob("*.html")))
    assert sum("/articles/" in link for link in links) == n_articles > 0
    assert sum("/reader/" in link for link in links) == len(report.notebooks()) > 0
    for link in sorted(set(links)):
        path = local_path(link.split("#")[0])
        assert path.is_file(), f"index links to a missing page: {path}"
        visit = Visit(browser, path)
        assert not visit.errors, f"{path.name}: console errors {visit.errors}"
        assert not visit.outside, f"{path.name}: requests outside the report {visit.outside}"
        inner = visit.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for target in inner:  # article pages link to each other and back to the index
            if target.startswith("file:"):
                assert local_path(target.split("#")[0]).is_file(), f"{path.name} links to a missing {target}"
        visit.close()


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_readers_reports_show_figures_and_no_code(reports, browser, corpus):
    n_figures = 0
    for path in sorted((reports[corpus] / "reader").glob("*.html")):
        visit = Visit(browser, path)
        assert visit.page.locator(CODE_INPUT).count() == 0, f"{path.name}: code cells in the reader's version"
        widths = visit.page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
        assert all(width > 0 for width in widths), f"{path.name}: a figure did not render {widths}"
        n_figures += len(widths)
        visit.close()
        full = Visit(browser, reports[corpus] / "full" / path.name)
        assert full.page.locator(CODE_INPUT).count() > 0, f"{path.name}: the full version lost its code"
        full.close()
    assert n_figures > 0


def test_summary_lists_every_outlet_with_links_to_its_articles(reports, browser):
    manifest = pd.read_csv(CORPUS_MANY / "articles.csv", dtype=str)
    assert manifest["outlet"].nunique() > 5
    visit = Visit(browser, reports["many"] / "reader" / f"{SUMMARY}.html")
    rows = visit.page.locator("table.nc-summary tbody tr")
    assert rows.count() == manifest["outlet"].nunique()
    hrefs = visit.page.eval_on_selector_all("table.nc-summary a[href]", "links => links.map(a => a.href)")
    assert len(hrefs) == len(manifest) and all(local_path(h).is_file() for h in hrefs)
    visit.close()


def test_screenshots_of_the_summary_and_an_article(reports, browser, tmp_path):
    shots = {"summary.png": (reports["seeds"] / "reader" / f"{SUMMARY}.html", 1200),
             "summary-many-outlets.png": (reports["many"] / "reader" / f"{SUMMARY}.html", 1200),
             "index.png": (reports["seeds"] / "index.html", 1200)}
    article = sorted((reports["seeds"] / "articles").glob("*.html"))[0]
    shots["article-mobile.png"] = (article, 390)
    saved = REPORTS / "screenshots"
    for name, (page, width) in shots.items():
        visit = Visit(browser, page, width=width)
        visit.page.screenshot(path=str(tmp_path / name), full_page=True)
        visit.close()
        assert (tmp_path / name).stat().st_size > 10_000
        try:
            saved.mkdir(parents=True, exist_ok=True)
            shutil.copy(tmp_path / name, saved / name)
        except OSError:  # a read-only checkout still gets the test result
            pass
