"""Benchmark the legacy importer: generate page files, import them, print time and peak memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms .venv/bin/python bench/import_legacy.py
    .venv/bin/python bench/import_legacy.py --files 2000          # SQLite, smaller

Generates `--files` page files in the old site's format (10,000 by default; varied titles,
bodies, 1–3 authors out of 400, types, centers and taxonomies) in folders of 1,000, then
imports growing batches (1,000, then half, then all of them) into a scratch database
(`test_<name>`, created here and dropped at the end, so no real data is touched). Each
import runs in a fresh process, whose peak resident memory is reported: memory is flat when
that figure does not grow with the batch. Finally the largest batch is imported again, when
every file is unchanged. Prints a table; nothing is asserted.
"""

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

FOLDER_SIZE = 1000


def setup_django():
    import django

    django.setup()


# -- generating files --------------------------------------------------------------------------

FIRST = [
    "Stefan",
    "Elina",
    "Rosa",
    "Sophia",
    "Thomas",
    "Nguyễn Khắc",
    "Александр",
    "Maha",
    "Zhao",
    "Milan",
    "Ana",
    "Søren",
    "Jan",
    "Paul",
    "Marta",
    "Yasmine",
    "Kateryna",
    "Raja",
    "Sheena",
    "Rick",
]
LAST = [
    "Lehne",
    "Noor",
    "Balfour",
    "Besch",
    "de Waal",
    "Giang",
    "Баунов",
    "Yahya",
    "Tong",
    "Nič",
    "Kovač",
    "Kjærgaard",
    "Łukasz",
    "Busbarat",
    "Mohan",
    "Farouk",
    "Shevchenko",
    "Waters",
    "Greitens",
    "Dalton",
]
CENTERS = [
    "Carnegie Endowment for International Peace",
    "Carnegie Europe",
    "Carnegie China",
    "Carnegie Russia Eurasia Center",
    "Carnegie India",
    "Malcolm H. Kerr Carnegie Middle East Center",
    "Carnegie California",
]
TYPES = [
    "legacyarticle",
    "legacycommentary",
    "legacyresearchpaper",
    "legacyinthemedia",
    "legacyqa",
    "legacyevent",
    "legacypodcast",
    "legacybook",
    "legacyoldformat",
]
REGIONS = [
    "Europe",
    "Eastern Europe",
    "Western Europe",
    "Balkans",
    "Russia",
    "Ukraine",
    "China",
    "Southeast Asia",
    "South Asia",
    "India",
    "Middle East",
    "Gulf",
    "North Africa",
    "United States",
    "Latin America",
]
TOPICS = [
    "Foreign Policy",
    "EU",
    "Political Reform",
    "Security",
    "Trade",
    "Climate",
    "Technology",
    "Democracy",
    "Nuclear Policy",
    "Economy",
    "Energy",
    "Migration",
    "Defense",
    "Governance",
    "Human Rights",
]
COLLECTIONS = [
    "Europe’s Eastern Neighborhood",
    "EU Integration and Enlargement",
    "China’s Neighborhood",
    "Ukraine at War",
    "The Future of Democracy",
]
WORDS = (
    "policy security europe china reform election border trade talks envoy alliance sanctions energy "
    "summit economy migration democracy neighbors integration leaders agreement dialogue region"
).split()


def page_for(n: int, rng: random.Random):
    from publications.legacy.format import LegacyAuthor, LegacyPage

    # One export of the old site prints the same title line and bio for a person in every file.
    chosen = rng.sample(range(400), rng.randint(1, 3))
    authors = [
        LegacyAuthor(
            name=f"{FIRST[i % 20]} {LAST[i // 20]}",
            title_line=f"{['Senior Fellow', 'Fellow', 'Nonresident Scholar'][i % 3]}, {CENTERS[i % 7]}",
            bio=f"{FIRST[i % 20]} {LAST[i // 20]} works on {WORDS[i % len(WORDS)]} and {WORDS[i // 20]} at Carnegie.",
        )
        for i in chosen
    ]
    type_key = rng.choice(TYPES)
    centers = rng.sample(CENTERS, rng.randint(1, 2))

    def sentence(words):
        return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."

    paragraphs = [
        (f"{rng.choice(['Q', 'A', authors[0].name])}: " if type_key == "legacyqa" else "")
        + " ".join(sentence(rng.randint(8, 20)) for _ in range(rng.randint(2, 6)))
        for _ in range(rng.randint(4, 14))
    ]
    return LegacyPage(
        legacy_id=hashlib.sha256(str(n).encode()).hexdigest()[:16],
        title=f"{sentence(rng.randint(4, 10))[:-1]} ({n})",
        type_key=type_key,
        authors=authors,
        dek=sentence(rng.randint(12, 25)),
        image_credit=rng.choice(["Source: Getty", "Source: Reuters", ""]),
        source="World Politics Review" if type_key == "legacyinthemedia" else "",
        paragraphs=paragraphs,
        centers=centers,
        primary_center=centers[0],
        collections=rng.sample(COLLECTIONS, rng.randint(0, 1)),
        regions=rng.sample(REGIONS, rng.randint(1, 3)),
        topics=rng.sample(TOPICS, rng.randint(1, 3)),
        disclaimer="Carnegie does not take institutional positions on public policy issues; the views represented "
        "herein are those of the author(s) and do not necessarily reflect the views of Carnegie, its staff, or its "
        "trustees.",
        rail_center=centers[0],
    )


def generate(folder: Path, count: int) -> None:
    from publications.legacy.format import format_legacy_page

    rng = random.Random(20261126)
    for n in range(count):
        page = page_for(n, rng)
        part = folder / f"part-{n // FOLDER_SIZE:02d}"
        part.mkdir(exist_ok=True)
        # The exporter's naming: the legacy id comes from the file name.
        (part / f"{n:05d}_{page.legacy_id}.txt").write_text(format_legacy_page(page), encoding="utf-8")


# -- measuring ---------------------------------------------------------------------------------


def cpu_seconds_of(pid: int) -> float | None:
    """CPU time (user + system) of a process on this machine, from /proc; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(paths: list[str]) -> None:
    """Import `paths` in this process; print times, peak RSS and the command's summary as JSON.

    Besides the wall time it reports the CPU time of this process and of its database server
    process (when that runs on this machine): on a busy machine they show what the import
    itself costs, whatever else competes for the processors.
    """
    setup_django()
    from django.core.management import CommandError, call_command
    from django.db import connection

    backend = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
    db_before = cpu_seconds_of(backend) if backend else None
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    out = StringIO()
    started = time.perf_counter()
    try:
        call_command("import_legacy", *paths, stdout=out, stderr=StringIO())
    except CommandError as error:
        out.write(str(error))
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    db_after = cpu_seconds_of(backend) if backend else None
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": usage.ru_utime + usage.ru_stime - usage_before.ru_utime - usage_before.ru_stime,
                "db_cpu": db_after - db_before if db_before is not None and db_after is not None else None,
                "peak_mb": usage.ru_maxrss / 1024,
                "summary": out.getvalue().strip(),
            }
        )
    )


def measure(paths: list[Path], database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": ""}
    completed = subprocess.run(
        [sys.executable, __file__, "--child", *map(str, paths)], env=env, capture_output=True, text=True
    )
    if completed.returncode:
        sys.exit(f"The import process failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def scratch_database():
    """Create and migrate `test_<name>`; return (URL for child processes, teardown callback)."""
    from django.db import connection

    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        settings_dict.setdefault("TEST", {})["NAME"] = str(Path(tempfile.gettempdir()) / "cms-bench.sqlite3")
    old_name = settings_dict["NAME"]
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    if connection.vendor == "sqlite":
        url = f"sqlite:///{name}"
    else:
        user, host, port = settings_dict["USER"], settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
        password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
        url = f"postgres://{user}{password}@{host}:{port}/{name}"
    return url, lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.paths)
        return

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    with tempfile.TemporaryDirectory(prefix="legacy-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        generate(folder, args.files)
        size_mb = sum(f.stat().st_size for f in folder.rglob("*.txt")) / 1024 / 1024
        print(f"Generated {args.files} files ({size_mb:.0f} MB) in {time.perf_counter() - started:.1f} s")
        url, teardown = scratch_database()
        print(f"Database: {connection.vendor}, scratch database {url.rsplit('/', 1)[-1]}\n")
        parts = sorted(folder.iterdir())
        sizes = sorted({max(1, len(parts) // 10), max(1, len(parts) // 2), len(parts)})
        rows = []
        try:
            for count in sizes:
                call_command("flush", interactive=False, verbosity=0)
                batch = parts[:count]
                files = sum(1 for p in batch for _ in p.iterdir())
                rows.append((f"{files:,} new", measure(batch, url)))
            rows.append((f"{files:,} again", measure(parts, url)))
        finally:
            teardown()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{'import':<14} {'wall s':>7} {'files/s':>8} {'CPU s':>6} {'DB CPU s':>9} {'peak RSS MB':>12}  summary")
    for label, row in rows:
        files = int(label.split()[0].replace(",", ""))
        db_cpu = f"{row['db_cpu']:>9.1f}" if row["db_cpu"] is not None else f"{'–':>9}"
        print(
            f"{label:<14} {row['seconds']:>7.1f} {files / row['seconds']:>8.0f} {row['cpu']:>6.1f} {db_cpu} "
            f"{row['peak_mb']:>12.0f}  {row['summary'].splitlines()[0]}"
        )
    print(
        f"\nLoad average at the end: {load:.1f} on {os.cpu_count()} processors. CPU s: the importer's own "
        "processor time; DB CPU s: its PostgreSQL server process's."
    )


if __name__ == "__main__":
    main()
