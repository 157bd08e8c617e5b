"""What the writing aids cost per body kind and size, up to the largest body they accept.

    DEBUG=1 .venv/bin/python bench/writing_aids.py

Prints a table (body kind × size → seconds for desk.writing_aids, the view's work after the
checks) and writes bench/results/writing-aids.md. Bodies the endpoint refuses (nested past
cms.richtext.sanitizer.MAX_HTML_NESTING) are marked "refused" with the time the check took.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")

import django  # noqa: E402

django.setup()

from cms.richtext.sanitizer import MAX_HTML_NESTING, too_deeply_nested  # noqa: E402
from publications.desk import AIDS_MAX_BYTES  # noqa: E402


def repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def fitted(body: str, size: int) -> str:
    """`body` cut back to whole top-level units so that it stays within `size` bytes."""
    return body if len(body) <= size else body[: body.rindex("</ul>", 0, size) + len("</ul>")]


def nested(tag: str, depth: int, size: int) -> str:
    unit = f"<{tag}>" * depth + "<p>Words of the report.</p>" + f"</{tag}>" * depth
    return repeat(unit, size)


KINDS = {
    "paragraphs": lambda size: repeat("<p>A sentence of a long report, with <strong>bold</strong> words.</p>", size),
    f"blockquote ×{MAX_HTML_NESTING}": lambda size: nested("blockquote", MAX_HTML_NESTING, size),
    f"div ×{MAX_HTML_NESTING}": lambda size: nested("div", MAX_HTML_NESTING, size),
    "lists ×100": lambda size: fitted(nested("ul><li", 100, size).replace("</ul><li>", "</li></ul>"), size),
    # The tags the publish checks read, as densely as a body can hold them.
    "links": lambda size: repeat(
        '<p><a href="/publications/x">A link</a> and <sup data-note="A note.">1</sup></p>', size
    ),
    "headings": lambda size: repeat("<h2>A heading</h2><h3>A subheading</h3>", size),
    "div unclosed (refused)": lambda size: repeat("<div>", size),
    "b unclosed": lambda size: repeat("<b>", size),
    # HTML ignores the "/" on ordinary elements, so these nest as deep as the unclosed divs.
    "div/ self-closed (refused)": lambda size: repeat("<div/>", size),
    "span/ self-closed (refused)": lambda size: repeat("<span/>", size),
    "blockquote/ self-closed (refused)": lambda size: repeat("<blockquote/>", size),
}
SIZES = [100_000, 500_000, AIDS_MAX_BYTES - 1000]


def run() -> list[tuple[str, int, str]]:
    from publications.desk import writing_aids

    rows = []
    for kind, make in KINDS.items():
        for size in SIZES:
            body = make(size)
            start = time.perf_counter()
            if too_deeply_nested(body):
                rows.append((kind, len(body), f"refused in {time.perf_counter() - start:.3f}"))
                continue
            writing_aids(
                fields={"title": "Bench", "body": body}, publication=None, has_author=False, site_url="http://x/"
            )
            rows.append((kind, len(body), f"{time.perf_counter() - start:.3f}"))
            print(f"{kind:34} {len(body):>9,} {rows[-1][2]}", flush=True)
    return rows


if __name__ == "__main__":
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    rows = run()
    lines = [
        "# Writing aids: seconds per body",
        "",
        f"Cap: {AIDS_MAX_BYTES:,} bytes of request; nesting limit {MAX_HTML_NESTING}.",
        "",
        "| body kind | bytes | seconds |",
        "|---|---:|---:|",
    ]
    lines += [f"| {kind} | {size:,} | {seconds} |" for kind, size, seconds in rows]
    out = ROOT / "bench" / "results" / "writing-aids.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
