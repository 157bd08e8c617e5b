"""Measure the public site with wrk against gunicorn on PostgreSQL with the 100,000-piece corpus.

    make bench                                   # what issue 6 asks: 30 s per run
    .venv/bin/python bench/run.py --duration 5   # a quick look while developing

For each page of bench/pages.py (the floor /robots.txt first), at 4 and 16 connections, with
the page cache off and then on (Redis), wrk runs for --duration seconds. The results table
(requests/s, p50 and p99 latency, errors, queries per page, ratio to the floor measured in
the same run), worker memory and the targets of issue 6, met or missed, go to
bench/results/latest.md and latest.json. For each target missed with the cache off, py-spy
profiles one worker serving that page and the report lists where the time goes.

Needs PostgreSQL and Redis (started like .ci/run does when they are not running) and wrk.
The database (BENCH_DATABASE_URL, default postgres://…/cms_perf) is filled with
`generate_corpus` first if it holds fewer than 100,000 publications (about 5 minutes on the 2-core machine).
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
RESULTS = ROOT / "bench" / "results"
PORT = 8765
REDIS_URL = "redis://127.0.0.1:6379/3"  # a database of its own: it is flushed before each run
CORPUS_SIZE = 100_000

# The process and everything it starts use these; production differs only through them.
ENV = {
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cms_perf"),
    "SECRET_KEY": "bench-only-not-a-secret",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_HTTPS": "0",  # wrk speaks plain http to 127.0.0.1
    "CONN_MAX_AGE": "600",
    "LOG_LEVEL": "ERROR",
}
os.environ.update(ENV)
os.environ.pop("DEBUG", None)
os.environ.pop("REDIS_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
sys.path.insert(0, str(ROOT))

TARGETS_NOTE = (
    "Targets (issue 6, 2 cores): cache off: publication page ≥ 0.25 of the floor's requests/s and p50 < 15 ms; "
    "listing and expert page p50 < 25 ms; search p50 < 60 ms; home p50 < 20 ms. Cache on: every page ≥ 0.8 of "
    "the floor. No errors; worker memory < 150 MB. Latency targets are read at 4 connections."
)


def run(command, **kwargs):
    return subprocess.run(command, cwd=ROOT, check=True, **kwargs)


def ensure_services():
    """Start PostgreSQL and Redis the way .ci/run does when they are not running."""
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode != 0:
        cluster = sorted(os.listdir("/etc/postgresql"))[0]
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "start"], check=True)
        for _ in range(30):
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0:
                break
            time.sleep(1)
    if subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True).returncode != 0:
        subprocess.run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "--port",
                "6379",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            check=True,
        )
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `make bench` installs it (apt-get install wrk).")


def prepare_database():
    database = ENV["DATABASE_URL"].rsplit("/", 1)[1]
    exists = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-Atc",
            f"SELECT 1 FROM pg_database WHERE datname = '{database}'",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not exists:
        run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f'CREATE DATABASE "{database}"'])
    run([PY, "manage.py", "migrate", "--no-input", "-v0"], env={**os.environ, "DB_STATEMENT_TIMEOUT_MS": "0"})
    import django

    django.setup()
    from publications.models import Publication

    if Publication.objects.count() < CORPUS_SIZE:
        print(f"Filling {database} with the corpus (generate_corpus, about 5 minutes)…", flush=True)
        run(
            [PY, "manage.py", "generate_corpus", "--publications", str(CORPUS_SIZE), "--people", "5000"],
            env={**os.environ, "PAGE_CACHE": "off"},
        )
    run([PY, "manage.py", "collectstatic", "--no-input", "-v0"])


def count_queries(pages: dict[str, str]) -> dict[str, dict[str, int]]:
    """Queries per page: rendered (cache off), and a second visit with the cache on."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    counts = {}
    client = Client(HTTP_HOST="127.0.0.1")
    with connection.execute_wrapper(count):
        for name, url in pages.items():
            with override_settings(PAGE_CACHE=False):
                executed.clear()
                client.get(url)
                off = len(executed)
            cache.clear()
            with override_settings(PAGE_CACHE=True):
                client.get(url)
                executed.clear()
                client.get(url)
                on = len(executed)
            counts[name] = {"off": off, "on": on}
    return counts


class Server:
    """gunicorn with gunicorn.conf.py, on PORT, with the page cache on or off."""

    def __init__(self, *, cache: bool, workers: int | None = None):
        env = {**os.environ, "BIND": f"127.0.0.1:{PORT}", "PAGE_CACHE": "on" if cache else "off"}
        if cache:
            env["REDIS_URL"] = REDIS_URL
            subprocess.run(["redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "flushdb"], capture_output=True, check=True)
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        self.start(cwd=ROOT, env=env, port=PORT, log_name="bench-gunicorn.log")

    def start(self, *, cwd: Path, env: dict, port: int, log_name: str):
        """Run gunicorn on `cwd`'s code and wait until it answers; exit the benchmark if it never does."""
        # Open for as long as gunicorn runs: stop() closes it.
        self.log = open(ROOT / "var" / log_name, "a")  # noqa: SIM115
        self.process = subprocess.Popen(
            [PY, "-m", "gunicorn", "cms.wsgi"], cwd=cwd, env=env, stdout=self.log, stderr=self.log
        )
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        sys.exit(f"gunicorn did not start: see var/{log_name}")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def memory(self) -> dict[str, float]:
        """The largest worker's resident and proportional set size, in MB (PSS shares preloaded pages)."""
        rss, pss = [], []
        for pid in self.workers():
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
            rss.append(int(fields["Rss"].split()[0]) / 1024)
            pss.append(int(fields["Pss"].split()[0]) / 1024)
        return {"workers": len(rss), "max_rss_mb": round(max(rss), 1), "max_pss_mb": round(max(pss), 1)}

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, *, connections: int, duration: int) -> dict:
    threads = min(connections, 2)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": round(to_ms(latency["50"]), 2),
        "p99_ms": round(to_ms(latency["99"]), 2),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def warm(url: str):
    for _ in range(3):
        with urllib.request.urlopen(url, timeout=30) as response:
            if response.status != 200:
                sys.exit(f"{url} answered {response.status}")
            response.read()


def profile(name: str, url: str, seconds: int = 10) -> str:
    """py-spy on a single worker serving `url` (cache off): the heaviest frames of our code and overall."""
    server = Server(cache=False, workers=1)
    try:
        warm(url)
        (pid,) = server.workers()
        raw = ROOT / "var" / "bench-profile.txt"
        load = subprocess.Popen(["wrk", "-t1", "-c2", f"-d{seconds + 2}s", url], stdout=subprocess.DEVNULL)
        subprocess.run(
            [
                shutil.which("py-spy") or str(ROOT / ".venv/bin/py-spy"),
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(seconds),
                "--format",
                "raw",
                "--output",
                str(raw),
                "--nonblocking",
            ],
            capture_output=True,
            check=True,
        )
        load.wait()
    finally:
        server.stop()
    inclusive, own, total = Counter(), Counter(), 0
    for line in raw.read_text().splitlines():
        stack, count = line.rsplit(" ", 1)
        count = int(count)
        total += count
        frames = stack.split(";")
        for frame in set(frames):
            inclusive[frame] += count
        own[frames[-1]] += count
    ours = [(frame, n) for frame, n in inclusive.most_common() if re.search(r"\((cms|people|publications)/", frame)]
    lines = [f"#### {name} ({total} samples, one worker, cache off)", "", "Our code, inclusive time:", ""]
    lines += [f"- {n / total:5.1%} `{frame}`" for frame, n in ours[:10]]
    lines += ["", "Where the time is spent (own time):", ""]
    lines += [f"- {n / total:5.1%} `{frame}`" for frame, n in own.most_common(8)]
    return "\n".join(lines) + "\n"


def evaluate(results: list[dict], memory: dict, queries: dict) -> list[dict]:
    """Issue 6's targets, each met or missed, from this run's numbers."""

    def row(cache, page, connections=4):
        return next(
            (r for r in results if r["cache"] == cache and r["page"] == page and r["connections"] == connections),
            None,
        )

    targets = []

    def check(text, value, ok, page=None):
        targets.append({"target": text, "measured": value, "met": bool(ok), "page": page})

    def p50_check(text, page, ok):
        # A run with --only measures some pages: a target whose page was not measured is left out.
        measured = row("off", page)
        if measured is not None:
            check(text, f"{measured['p50_ms']} ms", ok(measured["p50_ms"]), page)

    publication = row("off", "publication, 3 authors")
    if publication is not None:
        check(
            "cache off: publication page ≥ 0.25 × floor req/s",
            f"{publication['ratio']:.2f} × floor",
            publication["ratio"] >= 0.25,
            "publication, 3 authors",
        )
    for page, limit in [
        ("publication, 3 authors", 15),
        ("listing: type+region+year", 25),
        ("expert page", 25),
        ("search: common word", 60),
        ("search: rare word", 60),
        ("home", 20),
    ]:
        p50_check(f"cache off: {page} p50 < {limit} ms", page, lambda p50, limit=limit: p50 < limit)
    # Issue 15: search in each language within 1.2 × English (the English-only search of this run).
    from bench.pages import LANGUAGE_SEARCHES

    english = row("off", "search: common word, en")
    for language in LANGUAGE_SEARCHES:
        if english is not None:
            p50_check(
                f"cache off: search: {language} p50 ≤ 1.2 × English ({english['p50_ms']} ms)",
                f"search: {language}",
                lambda p50: p50 <= 1.2 * english["p50_ms"],
            )
    for result in results:
        if result["cache"] == "on" and result["page"] != FLOOR:
            check(
                f"cache on: {result['page']} at {result['connections']} connections ≥ 0.8 × floor",
                f"{result['ratio']:.2f} × floor",
                result["ratio"] >= 0.8,
            )
    errors = sum(result["errors"] for result in results)
    check("no errors in any run", f"{errors} errors", errors == 0)
    for cache, stats in memory.items():
        check(
            f"worker memory < 150 MB (cache {cache})",
            f"RSS {stats['max_rss_mb']} MB, PSS {stats['max_pss_mb']} MB",
            stats["max_rss_mb"] < 150,
        )
    check(
        "queries per page fixed (budgets pinned in tests; cache hits 0)",
        ", ".join(f"{name}: {count['off']}/{count['on']}" for name, count in queries.items()),
        all(count["on"] == 0 for name, count in queries.items() if name != FLOOR),
    )
    return targets


FLOOR = "robots.txt (floor)"


def report(meta, results, memory, queries, targets, profiles):
    header = "| page | conns | cache | req/s | p50 ms | p99 ms | errors | queries | × floor |"
    lines = [header, "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(
            f"| {r['page']} | {r['connections']} | {r['cache']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | "
            f"{r['p99_ms']:.2f} | {r['errors']} | {queries[r['page']][r['cache']]} | {r['ratio']:.2f} |"
        )
    target_lines = ["| target | measured | met |", "|---|---|---|"]
    target_lines += [f"| {t['target']} | {t['measured']} | {'yes' if t['met'] else '**no**'} |" for t in targets]
    memory_lines = [
        f"- cache {cache}: {m['workers']} workers, largest RSS {m['max_rss_mb']} MB, PSS {m['max_pss_mb']} MB"
        for cache, m in memory.items()
    ]
    text = "\n".join(
        [
            "# Benchmark: public pages on 100,000 publications"
            + (f" (only the pages matching “{meta['only']}”)" if meta.get("only") else ""),
            "",
            f"{meta['date']} · commit {meta['commit']} · {meta['cpus']} CPUs · gunicorn {meta['workers']} workers "
            f"(sync, preloaded) · PostgreSQL {meta['postgres']} · {meta['publications']:,} publications, "
            f"{meta['people']:,} people · wrk {meta['duration']} s per run · load average before/after "
            f"{meta['load_before']} / {meta['load_after']}",
            "",
            "Queries: rendered (cache off) and on a cached visit. × floor: requests/s over /robots.txt's in the "
            "same mode at the same connections.",
            "",
            *lines,
            "",
            "## Worker memory (after the runs)",
            "",
            *memory_lines,
            "",
            "## Targets",
            "",
            TARGETS_NOTE,
            "",
            *target_lines,
            "",
            *(["## Profiles of missed targets (py-spy)", "", *profiles] if profiles else []),
        ]
    )
    from django.utils.text import slugify

    RESULTS.mkdir(parents=True, exist_ok=True)
    # A partial run (--only) keeps its own files, so latest.* always holds a whole run.
    name = f"only-{slugify(meta['only'])}" if meta.get("only") else "latest"
    (RESULTS / f"{name}.md").write_text(text + "\n")
    (RESULTS / f"{name}.json").write_text(
        json.dumps(
            {"meta": meta, "results": results, "memory": memory, "queries": queries, "targets": targets}, indent=2
        )
        + "\n"
    )
    print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "30")))
    parser.add_argument("--connections", default="4,16")
    parser.add_argument("--no-profile", action="store_true", help="Skip the py-spy profiles of missed targets.")
    parser.add_argument(
        "--only",
        default="",
        help="Measure only the pages whose name contains this text (and the floor); results go to only-<text>.*",
    )
    args = parser.parse_args()
    connections = [int(c) for c in args.connections.split(",")]

    ensure_services()
    (ROOT / "var").mkdir(exist_ok=True)
    prepare_database()
    from django.db import connection

    from bench.pages import bench_pages
    from people.models import Person
    from publications.models import Publication

    pages = {
        name: path for name, path in bench_pages().items() if name == FLOOR or args.only.casefold() in name.casefold()
    }
    queries = count_queries(pages)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    meta = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "cpus": os.cpu_count(),
        "workers": int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() * 2 + 1)),
        "postgres": postgres,
        "publications": Publication.objects.count(),
        "people": Person.objects.count(),
        "duration": args.duration,
        "only": args.only,
        "load_before": round(os.getloadavg()[0], 2),
        "pages": pages,
    }
    connection.close()

    results, memory = [], {}
    for cache in (False, True):
        mode = "on" if cache else "off"
        server = Server(cache=cache)
        try:
            for url in pages.values():
                warm(f"http://127.0.0.1:{PORT}{url}")
            for count in connections:
                floor = None
                for name, url in pages.items():
                    print(f"cache {mode}, {count} connections: {name}", flush=True)
                    result = wrk(f"http://127.0.0.1:{PORT}{url}", connections=count, duration=args.duration)
                    floor = floor or result["rps"]
                    results.append(
                        {
                            "page": name,
                            "url": url,
                            "cache": mode,
                            "connections": count,
                            **result,
                            "ratio": round(result["rps"] / floor, 3),
                        }
                    )
            memory[mode] = server.memory()
        finally:
            server.stop()
    meta["load_after"] = round(os.getloadavg()[0], 2)
    targets = evaluate(results, memory, queries)
    profiles = []
    if not args.no_profile:
        for page in sorted({t["page"] for t in targets if not t["met"] and t["page"]}):
            profiles.append(profile(page, f"http://127.0.0.1:{PORT}{pages[page]}"))
    report(meta, results, memory, queries, targets, profiles)


if __name__ == "__main__":
    main()
