"""Load test: wrk on the public pages while a manager publishes in the admin (issue 7).

    .venv/bin/python bench/load_publish.py                 # 16 connections × 60 s, as the issue asks
    .venv/bin/python bench/load_publish.py --duration 10   # a quick look

gunicorn serves the site with the production settings (DEBUG off, HTTPS enforced, CSP, django-axes,
timeouts) on 127.0.0.1, as if behind a TLS proxy: every request carries X-Forwarded-Proto: https.
The database is PostgreSQL (LOAD_DATABASE_URL, default postgres://…/cms_load), filled with the
demo content (seed_demo) on the first run; the page cache uses Redis database 4 when Redis
answers, else it is off. While wrk requests a rotation of public pages, a manager signs in
through the admin login form (an HTTP client keeping cookies) and publishes approved pieces one after
another; each must answer with the redirect of a successful publish and then appear on its own
page, in the listing and in the RSS feed. The table goes to stdout and bench/results/load-publish.md.

Needs wrk (`apt-get install wrk`), PostgreSQL and the project's virtualenv; installs nothing.
Exits non-zero if wrk saw any error or a publish did not appear.
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PORT = 8791
BASE = f"http://127.0.0.1:{PORT}"
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
ENV = {
    "DATABASE_URL": os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cms_load"),
    "SECRET_KEY": "load-test-only-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1",
    "PROXY_SSL_HEADER": "1",
    "SITE_URL": f"https://127.0.0.1:{PORT}",
    "LOG_LEVEL": "ERROR",
    "BIND": f"127.0.0.1:{PORT}",
    "WEB_CONCURRENCY": "4",
}
os.environ.update(ENV)
for name in ("DEBUG", "SECURE_HTTPS", "REDIS_URL", "PAGE_CACHE"):
    os.environ.pop(name, None)
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings"
sys.path.insert(0, str(ROOT))


def redis_answers() -> bool:
    return (
        shutil.which("redis-cli") is not None
        and subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True).returncode == 0
    )


def prepare_database():
    """Create, migrate and fill the load-test database the first time."""
    import psycopg

    name = ENV["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect(ENV["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    manage = lambda *args: subprocess.run([PY, "manage.py", *args], cwd=ROOT, check=True)  # noqa: E731
    manage("migrate", "--no-input", "--verbosity", "0")
    manage("setup_roles")
    import django

    django.setup()
    from publications.models import Publication

    if Publication.objects.count() < 500:
        manage("seed_demo")
    manage("collectstatic", "--no-input", "--verbosity", "0")


def publishable_pieces(count: int) -> list[tuple[int, str, str]]:
    """Approved pieces that pass the publish gate: (id, title, public path)."""
    from publications.models import Publication, Status
    from publications.workflow.gate import publish_gate_problems

    found = []
    for piece in Publication.objects.filter(status=Status.APPROVED, draft_of__isnull=True).order_by("pk"):
        if not publish_gate_problems(piece):
            found.append((piece.pk, piece.title, piece.get_absolute_url()))
        if len(found) == count:
            break
    return found


def reset_published(ids):
    """Put the pieces the last run published back to approved, so every run publishes."""
    from publications.models import Publication, Status

    Publication.objects.filter(pk__in=ids).update(status=Status.APPROVED, first_published_at=None)


def public_paths() -> list[str]:
    from cms.taxonomies.models import Center, Topic
    from people.models import Person
    from publications.models import Publication

    pieces = [p.get_absolute_url() for p in Publication.objects.published().order_by("-publication_date")[:40]]
    experts = [p.get_absolute_url() for p in Person.objects.experts().order_by("pk")[:10]]
    topics = [t.get_absolute_url() for t in Topic.objects.order_by("pk")[:5]]
    centers = [c.get_absolute_url() for c in Center.objects.order_by("pk")[:3]]
    return [
        "/",
        "/publications/",
        "/publications/?page=2",
        "/experts/",
        "/centers/",
        "/topics/",
        "/regions/",
        "/search/?q=security",
        "/search/?q=china+trade",
        "/feeds/latest/rss/",
        "/sitemap.xml",
        "/robots.txt",
        *pieces,
        *experts,
        *topics,
        *centers,
    ]


def wrk_script(paths: list[str]) -> str:
    quoted = ",".join('"' + path.replace('"', '\\"') + '"' for path in paths)
    return f"""
paths = {{{quoted}}}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {{["X-Forwarded-Proto"] = "https"}})
end
-- wrk counts a redirect as a success; every public URL here answers 200, so anything else
-- (a 301 to https from a broken proxy header, a 404, a 503) is counted as an error.
local threads = {{}}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  not_ok = 0
end
function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("not_ok")
  end
  io.write(string.format("Non-200 responses: %d\\n", total))
end
"""


class ProxyCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Send Secure cookies over the loopback http that stands in for the TLS proxy."""

    def return_ok_secure(self, cookie, request):
        return True


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping HTTP client (standard library only) that does not follow redirects."""

    def __init__(self, headers=None):
        self.cookies = http.cookiejar.CookieJar(ProxyCookiePolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)
        self.headers = {**PROXY_HEADERS, **(headers or {})}

    def request(self, path, data=None, headers=None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(BASE + path, data=body, headers={**self.headers, **(headers or {})})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def cookie(self, name) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == name)


def manager_session() -> Browser:
    browser = Browser({"Origin": f"https://127.0.0.1:{PORT}"})
    browser.request("/admin/login/")
    status, _ = browser.request(
        "/admin/login/",
        {
            "username": "manager",
            "password": "manager",
            "csrfmiddlewaretoken": browser.cookie("csrftoken"),
            "next": "/admin/",
        },
        headers={"Referer": f"https://127.0.0.1:{PORT}/admin/login/"},
    )
    if status != 302:
        raise SystemExit(f"The manager could not sign in: {status}")
    return browser


def publish(browser, piece_id) -> int:
    change = f"/admin/publications/publication/{piece_id}/change/"
    _, page = browser.request(change)
    version = re.search(r'name="expected_version" value="(\d+)"', page)
    status, _ = browser.request(
        f"/admin/publications/publication/{piece_id}/workflow/publish/",
        {
            "csrfmiddlewaretoken": browser.cookie("csrftoken"),
            "go_live_at": "",
            "expire_at": "",
            **({"expected_version": version.group(1)} if version else {}),
        },
        headers={"Referer": f"https://127.0.0.1:{PORT}{change}"},
    )
    return status


def appeared(path: str, title: str, deadline: float) -> tuple[bool, float]:
    """Wait until an anonymous reader sees the piece on its page, the listing and the feed."""
    start = time.monotonic()
    reader = Browser()
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")[:60]
    while time.monotonic() < deadline:
        page_status, _ = reader.request(path)
        _, listing = reader.request("/publications/")
        _, feed = reader.request("/feeds/latest/rss/")
        if page_status == 200 and escaped in listing and escaped in feed.replace("&amp;amp;", "&amp;"):
            return True, time.monotonic() - start
        time.sleep(0.2)
    return False, time.monotonic() - start


def parse_wrk(output: str) -> dict:
    def number(pattern, default="0"):
        found = re.search(pattern, output)
        return found.group(1) if found else default

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": int(number(r"(\d+) requests in")),
        "rps": float(number(r"Requests/sec:\s+([\d.]+)")),
        "p50": number(r"50%\s+(\S+)", "?"),
        "p99": number(r"99%\s+(\S+)", "?"),
        "non_200": int(number(r"Non-200 responses: (\d+)", "-1")),
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--publishes", type=int, default=3, help="pieces the manager publishes during the load")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    if redis_answers():
        os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/4"
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "-n", "4", "flushdb"], capture_output=True, check=True)
    else:
        os.environ["PAGE_CACHE"] = "off"
    prepare_database()
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()  # a lockout left by an earlier, interrupted run
    pieces = publishable_pieces(args.publishes)
    if len(pieces) < args.publishes:
        raise SystemExit(f"Only {len(pieces)} approved pieces pass the publish gate; reseed the database.")
    paths = public_paths()

    server = subprocess.Popen([PY, "-m", "gunicorn", "cms.wsgi"], cwd=ROOT, start_new_session=True)
    results, publishes = {}, []
    try:
        for _ in range(150):
            try:
                if urllib.request.urlopen(BASE + "/healthz", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start")
        session = manager_session()

        def publisher():
            time.sleep(min(10, args.duration / 6))
            spacing = args.duration * 0.6 / len(pieces)
            for piece_id, title, path in pieces:
                started = time.monotonic()
                status = publish(session, piece_id)
                seen, after = appeared(path, title, deadline=started + 20)
                publishes.append({"id": piece_id, "status": status, "appeared": seen, "seconds": after})
                time.sleep(max(0.0, spacing - (time.monotonic() - started)))

        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(wrk_script(paths))
        thread = threading.Thread(target=publisher)
        thread.start()
        wrk = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                lua.name,
                BASE,
            ],
            capture_output=True,
            text=True,
        )
        thread.join()
        os.unlink(lua.name)
        results = parse_wrk(wrk.stdout)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        reset_published([piece_id for piece_id, _, _ in pieces])

    ok = (
        results["non_200"] == 0
        and results["socket_errors"] == 0
        and publishes
        and all(p["status"] == 302 and p["appeared"] for p in publishes)
    )
    cache = "Redis" if os.environ.get("REDIS_URL") else "off"
    lines = [
        f"# Load while publishing ({time.strftime('%Y-%m-%d %H:%M')})",
        "",
        f"gunicorn ({ENV['WEB_CONCURRENCY']} workers), PostgreSQL, production settings behind a simulated TLS proxy, "
        f"page cache {cache}; wrk {args.connections} connections × {args.duration} s over {len(paths)} public URLs.",
        "",
        "| requests | req/s | p50 | p99 | not 200 | socket errors |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {results['requests']} | {results['rps']:.0f} | {results['p50']} | {results['p99']} "
        f"| {results['non_200']} | {results['socket_errors']} |",
        "",
        "| publication | publish POST | visible on page, listing and RSS | after |",
        "| ---: | ---: | --- | ---: |",
        *[
            f"| {p['id']} | {p['status']} | {'yes' if p['appeared'] else 'NO'} | {p['seconds']:.2f} s |"
            for p in publishes
        ],
        "",
        f"Result: {'PASS' if ok else 'FAIL'}",
    ]
    report = "\n".join(lines)
    print(report)
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "load-publish.md").write_text(report + "\n")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
