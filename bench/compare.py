"""Before and after: the same pages served by two commits against one database, in one run.

    make bench-compare                                                  # 3a5180b against HEAD
    .venv/bin/python bench/compare.py --before 3a5180b --after HEAD --duration 15 --rounds 3

A refactoring promises "no slower" (issue 14: the publication page and the listing stay within
5%). Two runs of bench/run.py on different days measure the machine as much as the code, so
this script serves both commits side by side: each is checked out in a detached worktree under
var/bench-compare/, gets its own gunicorn (page cache off, same workers, same database), and
wrk measures every page at 4 connections, alternating before and after in rounds (B A A B B A …)
so that whatever the machine does meanwhile falls on both sides alike. Only one server is
measured at a time; the other one idles.

The database is bench/run.py's (BENCH_DATABASE_URL, the 100,000-piece corpus), migrated by the
newer commit: both commits must read the same tables, which holds for a change whose migrations
only add columns or touch Django's state. Results: a table of median requests/s and p50/p99 per
side and the difference, in bench/results/compare-BEFORE-AFTER.md and .json.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench.run  # noqa: E402
from bench.run import ENV, PY, RESULTS, ensure_services, prepare_database, warm, wrk  # noqa: E402

PAGES = ("robots.txt (floor)", "publication, 3 authors", "listing: type+region+year")
TOLERANCE = 0.05


# The editable install's finder maps `cms`, `publications` and `people` to this checkout, and would
# supply a module one commit lacks (a file the other moved) from here: each tree's Python drops it.
NO_EDITABLE_FINDER = """import sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in (getattr(f, "__module__", "") or "")]
sys.path_hooks[:] = [h for h in sys.path_hooks if "editable" not in (getattr(h, "__module__", "") or "")]
"""


def python_path(tree: Path) -> str:
    site = tree / "var" / "bench-site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitecustomize.py").write_text(NO_EDITABLE_FINDER)
    return f"{site}:{tree}"


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def checkout(revision: str) -> Path:
    """A detached worktree of `revision` that shares this checkout's virtualenv and node_modules."""
    commit = git("rev-parse", "--short", revision)
    tree = ROOT / "var" / "bench-compare" / commit
    if not tree.exists():
        git("worktree", "add", "--detach", str(tree), commit)
        for shared in (".venv", "node_modules"):
            if (ROOT / shared).exists():
                (tree / shared).symlink_to(ROOT / shared)
    env = {**os.environ, "PYTHONPATH": python_path(tree)}
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=tree, env=env, check=True)
    return tree


class Server(bench.run.Server):
    """gunicorn serving one worktree's code on its own port, page cache off."""

    def __init__(self, tree: Path, port: int):
        self.port = port
        # The virtualenv installs the main checkout as an editable package: PYTHONPATH and the
        # working directory put the worktree's own packages first.
        env = {**os.environ, "BIND": f"127.0.0.1:{port}", "PAGE_CACHE": "off", "PYTHONPATH": python_path(tree)}
        self.start(cwd=tree, env=env, port=port, log_name=f"bench-compare-{port}.log")


def summarise(runs: list[dict]) -> dict:
    return {
        "rps": round(statistics.median(r["rps"] for r in runs), 1),
        "p50_ms": round(statistics.median(r["p50_ms"] for r in runs), 2),
        "p99_ms": round(statistics.median(r["p99_ms"] for r in runs), 2),
        "errors": sum(r["errors"] for r in runs),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="3a5180b")
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--duration", type=int, default=15, help="Seconds per wrk run.")
    parser.add_argument("--rounds", type=int, default=4, help="wrk runs per page and side.")
    args = parser.parse_args()

    ensure_services()
    (ROOT / "var").mkdir(exist_ok=True)
    prepare_database()
    from django.db import connection

    from bench.pages import bench_pages

    pages = {name: url for name, url in bench_pages().items() if name in PAGES}
    connection.close()
    sides = {"before": git("rev-parse", "--short", args.before), "after": git("rev-parse", "--short", args.after)}
    servers = {side: Server(checkout(commit), 8770 + i) for i, (side, commit) in enumerate(sides.items())}
    runs = {(side, name): [] for side in sides for name in pages}
    try:
        for server in servers.values():
            for url in pages.values():
                warm(f"http://127.0.0.1:{server.port}{url}")
        for round_number in range(args.rounds):
            # B A, then A B: neither side always runs first, after the other has warmed the database.
            order = ["before", "after"] if round_number % 2 == 0 else ["after", "before"]
            for name, url in pages.items():
                for side in order:
                    print(f"round {round_number + 1}/{args.rounds}, {side} ({sides[side]}): {name}", flush=True)
                    result = wrk(f"http://127.0.0.1:{servers[side].port}{url}", connections=4, duration=args.duration)
                    runs[(side, name)].append(result)
    finally:
        for server in servers.values():
            server.stop()

    rows = []
    for name, url in pages.items():
        before, after = summarise(runs[("before", name)]), summarise(runs[("after", name)])
        change = after["rps"] / before["rps"] - 1
        rows.append(
            {
                "page": name,
                "url": url,
                "before": before,
                "after": after,
                "rps_change": round(change, 4),
                "within_tolerance": change >= -TOLERANCE,
            }
        )
    meta = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "before": sides["before"],
        "after": sides["after"],
        "cpus": os.cpu_count(),
        "database": ENV["DATABASE_URL"].rsplit("/", 1)[1],
        "duration": args.duration,
        "rounds": args.rounds,
        "connections": 4,
        "load": round(os.getloadavg()[0], 2),
    }
    lines = [
        f"# Before/after: {sides['before']} → {sides['after']} ({meta['date']})",
        "",
        f"{meta['cpus']} CPUs, database {meta['database']}, page cache off, 4 connections, "
        f"{args.rounds} alternating rounds of {args.duration} s per page and side; medians. "
        f"Load average at the end: {meta['load']}.",
        "",
        "| page | before req/s | after req/s | change | before p50 / p99 ms | after p50 / p99 ms | errors | within 5% |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        b, a = row["before"], row["after"]
        lines.append(
            f"| {row['page']} | {b['rps']} | {a['rps']} | {row['rps_change']:+.1%} | {b['p50_ms']} / {b['p99_ms']} "
            f"| {a['p50_ms']} / {a['p99_ms']} | {b['errors'] + a['errors']} | {'yes' if row['within_tolerance'] else 'NO'} |"
        )
    text = "\n".join(lines) + "\n"
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / f"compare-{sides['before']}-{sides['after']}"
    stem.with_suffix(".md").write_text(text)
    stem.with_suffix(".json").write_text(json.dumps({"meta": meta, "rows": rows, "pages": pages}, indent=2) + "\n")
    print(text)
    sys.exit(0 if all(row["within_tolerance"] for row in rows) else 1)


if __name__ == "__main__":
    main()
