"""Real-browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

One Chromium for the whole session (starting it costs about a second); every test opens its own
browser contexts (a fresh cookie jar each, so an editor, a manager and a reader can work side by
side) and they are closed after it. Every page opened through `open_page` records its console:
a test whose pages reported a Content Security Policy violation or an uncaught script error, or
(when the project enforces a policy) received an HTML page without one, fails in its teardown,
so no test has to remember to check. A failed test leaves screenshots in tests/artifacts/failures/.

Playwright never downloads a browser here: it launches the `chromium` on PATH (Debian's package,
installed by .ci/run). Without it the tests are skipped with the reason, except in CI (CI=true),
where they fail.
"""

import datetime
import json
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

# Playwright's sync API runs an asyncio event loop in the test thread, and Django refuses ORM
# calls from a thread with a running loop. Our ORM calls (factories, checks) are plain
# synchronous code; only the check is fooled, so it is switched off before any test runs.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.helpers import ARTIFACTS  # noqa: E402
from tests.factories import (  # noqa: E402
    CenterFactory,
    DisclaimerFactory,
    ImageFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

REPO = Path(__file__).resolve().parents[2]
FAILURES = ARTIFACTS / "failures"
AXE_SOURCE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery staple"
# The flags: no GPU, no sandbox (CI runs as root), and no traffic to Google's services.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# A CSP violation appears in Chromium's console as "Refused to … because it violates the
# following Content Security Policy directive"; the listener below also logs every
# `securitypolicyviolation` event, so a change in Chromium's wording cannot hide one.
CSP_MARKERS = ("Content Security Policy", "CSP violation")
REPORT_CSP_EVENTS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} `
                + `at ${event.sourceFile || document.location.href}:${event.lineNumber}`);
});
"""


def missing(reason: str):
    """Fail in CI, where a missing browser is a broken install; skip with the reason elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    """The session's one Chromium, launched from Debian's package."""
    executable = shutil.which("chromium")
    if executable is None:
        missing("Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)")
    driver = sync_playwright().start()
    try:
        browser = driver.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
    except PlaywrightError as error:
        driver.stop()
        missing(f"Chromium at {executable} did not start: {error}")
    yield browser
    browser.close()
    driver.stop()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SOURCE.exists():
        missing("axe-core is not installed: run `npm ci` (make test does)")
    return AXE_SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def axe_report():
    """Every axe run of the session, by page; written to tests/artifacts/axe-report.json at the end."""
    report: dict[str, dict] = {}
    yield report
    if report:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "axe-report.json").write_text(json.dumps(report, indent=2, sort_keys=True), encoding="utf-8")


class ConsoleLog:
    """What the pages of one test printed to the console or threw, and pages served without a CSP."""

    def __init__(self):
        self.messages: list[str] = []
        self.csp_violations: list[str] = []
        self.page_errors: list[str] = []
        self.pages_without_csp: list[str] = []

    def check_policy(self, response):
        # "No violation" means something only if the policy was enforced on the page.
        if (
            response.request.resource_type == "document"
            and "text/html" in response.headers.get("content-type", "")
            and "content-security-policy" not in response.headers
        ):
            self.pages_without_csp.append(f"{response.status} {response.url}")

    def watch(self, page):
        def on_console(message):
            line = f"[{message.type}] {page.url}: {message.text}"
            self.messages.append(line)
            if any(marker in message.text for marker in CSP_MARKERS):
                self.csp_violations.append(line)

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.page_errors.append(f"{page.url}: {error}"))


def serve_media(route):
    """Answer /media/ requests from MEDIA_ROOT, as the web server in front of Django does.

    The live server serves static files but not uploads; without this, every lead image and
    rendition would be a broken image in the screenshots.
    """
    root = Path(settings.MEDIA_ROOT).resolve()
    relative = route.request.url.split(settings.MEDIA_URL.strip("/") + "/", 1)[1].split("?", 1)[0]
    path = (root / relative).resolve()
    if path.is_relative_to(root) and path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404, body="not found")


@pytest.fixture
def console_log():
    log = ConsoleLog()
    yield log
    assert not log.csp_violations, "Content Security Policy violations:\n" + "\n".join(log.csp_violations)
    assert not log.page_errors, "Uncaught script errors:\n" + "\n".join(log.page_errors)
    if settings.SECURE_CSP:
        assert not log.pages_without_csp, "Pages served without the enforced policy (SECURE_CSP):\n" + "\n".join(
            log.pages_without_csp
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_failed = report.failed
    return report


@pytest.fixture
def open_page(request, chromium, live_server, console_log):
    """Call `open_page(user=None, viewport=DESKTOP)` for a page in a new context, signed in as `user`.

    Signing in goes through the admin's login form, as a person does.
    """
    contexts = []

    def open_(user=None, *, viewport=DESKTOP):
        context = chromium.new_context(base_url=live_server.url, viewport=viewport)
        context.set_default_timeout(10_000)
        context.add_init_script(REPORT_CSP_EVENTS)
        context.route(f"{live_server.url}/{settings.MEDIA_URL.strip('/')}/**", serve_media)
        contexts.append(context)
        context.on("page", console_log.watch)
        context.on("response", console_log.check_policy)
        page = context.new_page()
        if user is not None:
            sign_in(page, user)
        return page

    yield open_
    # A failed test leaves a picture of every page it had open, to see what the browser saw.
    failed = getattr(request.node, "call_failed", False)
    for number, context in enumerate(contexts):
        if failed:
            for index, tab in enumerate(context.pages):
                FAILURES.mkdir(parents=True, exist_ok=True)
                tab.screenshot(path=str(FAILURES / f"{request.node.name}-{number}-{index}.png"), full_page=True)
        context.close()


def sign_in(page, user):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


@pytest.fixture(autouse=True)
def empty_page_cache():
    """The live server shares this process's cache: no test may see pages a previous one stored."""
    cache.clear()


@pytest.fixture
def page(open_page):
    """An anonymous reader's page at desktop width."""
    return open_page()


@pytest.fixture
def public_site():
    """A small public site: one full publication page, 24 more pieces on its topic, experts, a disclaimer."""
    europe = CenterFactory(name="Carnegie Europe", slug="carnegie-europe")
    eurasia = CenterFactory(name="Carnegie Russia Eurasia Center", slug="carnegie-russia-eurasia")
    commentary = PublicationTypeFactory(label="Commentary")
    security = TopicFactory(name="Security", slug="security")
    balkans = RegionFactory(name="Western Balkans", slug="western-balkans", parent=RegionFactory(name="Europe"))
    DisclaimerFactory(name="Site default", text="<p>Carnegie does not take institutional positions.</p>")
    baker = PersonFactory(
        name="Yuri Baker",
        slug="yuri-baker",
        title_line="Senior Fellow, Carnegie Europe",
        headshot=ImageFactory(file__width=400, file__height=400, file__color="#8a6f5a", alt_text="Yuri Baker"),
    )
    adams = PersonFactory(name="Zoe Adams", slug="zoe-adams", title_line="Director, Carnegie Russia Eurasia Center")
    piece = PublicationFactory(
        published=True,
        title="Bridges over the Ibar",
        slug="bridges-over-the-ibar",
        publication_type=commentary,
        primary_center=europe,
        publication_date=datetime.date(2026, 11, 20),
        authors=[baker, adams],
        lead_image=ImageFactory(
            file__width=1600,
            file__height=900,
            file__color="#6a9fb5",
            alt_text="The main bridge over the Ibar river in Mitrovica",
            credit="Photo: Ana Petrović",
        ),
        is_featured=True,
        body=(
            "<p>Mitrovica’s bridge over the Ibar has been closed to cars for a decade. "
            "Reopening it is a test of the Brussels dialogue.</p>"
            "<table><tr><th>Year</th><th>Crossings by car</th><th>Crossings on foot</th><th>Incidents</th>"
            "<th>Talks held</th><th>Agreements signed</th></tr>"
            "<tr><td>2023</td><td>0</td><td>1,204,311</td><td>17</td><td>9</td><td>2</td></tr></table>"
            "<p>The full text: https://www.example.org/a/very/long/address/that/does/not/break/by/itself/"
            "because/it/has/no/spaces/in/it/at/all</p>"
        ),
    )
    piece.centers.add(europe, eurasia)
    piece.topics.add(security)
    piece.regions.add(balkans)
    more = []
    for number in range(24):
        center = europe if number % 2 else eurasia
        other = PublicationFactory(
            published=True,
            title=f"Security notes {number + 1}",
            publication_type=commentary,
            primary_center=center,
            publication_date=datetime.date(2026, 10, 1) + datetime.timedelta(days=number),
            authors=[baker if number % 3 else adams],
        )
        other.centers.add(center)
        other.topics.add(security)
        more.append(other)
    return {"piece": piece, "more": more, "baker": baker, "adams": adams, "europe": europe, "security": security}
