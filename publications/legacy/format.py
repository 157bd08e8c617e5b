"""The old site's export format: one published page per text file, read and written here.

Over 400 lines on purpose: the format notes below are the one description of the format, and
the reader (`read`, `parse`) and the writer (`format_legacy_page`) that follow them stay next
to each other so that a rule and its inverse change together (import → export → import
changes nothing).

A page file reads, top to bottom (the seed is tests/publications/legacy_files/000_9b75ff939e830440.txt):

    Stefan Lehne                                   the byline: the authors joined with ", "
    {                                              a JSON object of metadata (authors, type,
    "authors": ["Stefan Lehne"], …                 centers, primaryCenter, regions, topics, …)
    }Source: Getty                                 the lead-image credit, glued to the brace
    Global Insider: Envoy Exchange …               the title
    Serbia and Kosovo agreed last month …          the dek
    Source: World Politics Review                  the outlet (media pieces only)
                                                   one blank line
    WPR: What were the factors …                   the body, one paragraph per line
    About the Author                               or "About the Authors"; then per author,
    Senior Fellow, Carnegie Europe                 in byline order, a title line
    Stefan Lehne is a senior fellow …              and a bio line
    - What Can the EU Do About Trump 2.0?Article   per author: recent work (title + type label),
    Stefan Lehne                                   the author's name,
    Recent Work                                    and "Recent Work"
    Carnegie does not take institutional …         the disclaimer
    More Work from Carnegie China                  the center rail, three lines per item
    - Malaysia’s Year as ASEAN Chair…Commentary
    …

Lists. The metadata's list keys ("authors", "centers", "topics", …) are JSON arrays: each item
is one name, whatever it holds, so "John Smith, Jr." and "Democracy, Conflict, and Governance
Program" stay whole. The text keys centerAffiliationAll, programAffiliation, englishNewsletterAll
and nonEnglishNewsletterAll hold several names separated by semicolons ("Democracy, Conflict, and
Governance Program; Technology and International Affairs Program"); commas belong to the names
and never split. Except in exports made before that rule, whose exporter joined newsletters
with ", " ("|" separated too): the import (`_split_old_joined_newsletters`, which knows the
site) splits a newsletter value the site does not know as a whole when every ", "- or "|"-part
is a newsletter of the site, with a report note. The byline is never split: it is only compared
with the authors joined by ", ", its separators folded first (`byline_key`: ", ", " and ",
" & ", the Arabic " و", the Russian " и ", the Chinese "、" and "和"), so "A and B" reads as A, B.

Authors. "About the Author(s)" has one block per author: a title line and a bio, then the
author's recent work closed by the author's name line and "Recent Work". The title lines and
bios stand either each before its own recent-work list or all before the first; either way the
n-th title line and bio go with the n-th name line. The metadata's authors are the page's
authors when they are reconciled: the byline reads as them joined by ", ", or the name lines
name exactly them (in any order). A title line and bio go to the author their name line names,
never to whoever stands at the same position; only a page without name lines whose byline
agrees with the metadata pairs blocks with authors in byline order, as the format promises. When
some author has no recent work, hence no name line, nothing tells whose title line and bio is
whose: each goes to the author whose name its bio starts with, else it is left out with a
warning. A page that cannot be reconciled (byline, metadata and name lines disagree; a name line names
someone who is not an author; title lines, bios and name lines do not pair up) is refused with
a reason naming the lists.

One page, one file. Within one batch, files that claim one legacy id (see below) must say the
same (`page_digest`): then they are one page, imported once; else every one of them is refused,
naming the others, so the outcome never depends on the order of the files.

This module only turns bytes into a `LegacyPage` and back; it never touches the database.
Writing pages into the CMS is `publications/legacy/importer.py`; reading them out of it is
`publications/legacy/exporter.py`.

Each page gets a stable legacy id, so that importing it again updates the same publication:
the metadata's "id" key when it has one; else the id in the exporter's file name
(`000_9b75ff939e830440.txt`); else a hash of the fields that identify a page (type, title,
authors).

What the import decides from a page (publications/legacy/importer.py, issue 13 items 12–14):

- Language: the metadata's optional "language" key (a tag like "ar", "zh-CN", or an English
  name like "Russian"), when it names one of the site's languages; else detected from the
  title, dek and body with py3langid (publications/languages.py); else English, with a note
  in the report. Chinese in any form is the site's Chinese (Simplified). The publication
  records where its language came from (`import_language_source`: metadata, detected or
  default) and so does the report. The export always writes the key, so a page goes back with
  the language editors gave it. Imported again, a page takes a detected or default language
  only while its stored one is what the import last wrote (`imported_language`): a language
  editors corrected stays, with a warning; the metadata's key always decides.
- Editions: the metadata's optional "translationOf" key is the legacy id of the page this one
  translates (the old site's id of the original). The page becomes that original's edition in
  its language; while the original is not in the CMS the page waits for it
  (`Publication.awaited_original`) and the two are linked when it is imported, in the same
  batch or a later one, so files may come in any order. A page naming itself, an original in
  its own language, an original that is itself an edition, or an original that has an edition
  in its language already is refused with the reason; a waiting page that cannot be linked
  when its original arrives stays as it is, with a warning on the original's file. Without the
  key a page keeps the link editors gave it. The export writes the key for every edition whose
  original is public (and so exported too), with the id the export gives that original.
- Kind of a new author: an expert when the title line names a center or programme of the site,
  by its name or one of its `other_names` (translations and spellings kept in the admin), as
  whole words in Latin and Cyrillic script and anywhere in Arabic and Chinese script (Arabic
  writes prepositions onto the next word, Chinese has no spaces); centers and programmes the
  page's own metadata names count too. The editors' choice (`--expert`, `--contributor`,
  `--kinds FILE`) comes first. Otherwise an outside contributor. People who already exist keep
  the kind the CMS gives them. The report lists each person created, with the kind and why.
- Publish gate: a page is public only if `publish_gate_problems` passes; else it is stored as
  a draft with the gate's reasons (`Publication.import_held_reasons`) and reported `held`. A
  live page whose new file fails is held the same way; a page the import held goes live once a
  later file passes; publishing it in the CMS clears the reasons. A held page people changed
  since the import wrote it (its version moved past `import_version`, its content no longer
  matches `import_digest`, or a person saved or autosaved a revision of it) is left whole,
  neither rewritten nor published, with a warning; so is a page in any other workflow state
  (in review, approved, unpublished, a draft without held reasons).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Legacy pages are text: the longest real ones are a few hundred kilobytes. Anything much
# bigger is refused before it is read, so a stray dump cannot exhaust memory.
MAX_FILE_BYTES = 10 * 1024 * 1024

LIST_KEYS = ("authors", "centers", "collections", "regions", "topics", "programs", "projects")
TEXT_KEYS = (
    "type",
    "primaryCenter",
    "centerAffiliationAll",
    "englishNewsletterAll",
    "nonEnglishNewsletterAll",
    "programAffiliation",
)
OPTIONAL_KEYS = ("id", "date", "language", "translationOf")
# A language tag is short ("zh-Hans-CN"); a longer value is no tag and is cut before it is reported.
LANGUAGE_TAG_LENGTH = 40
# The order in which the old exporter wrote its keys; `format_legacy_page` keeps it.
KEY_ORDER = (
    "id",
    "authors",
    "type",
    "date",
    "language",
    "translationOf",
    "centerAffiliationAll",
    "centers",
    "collections",
    "englishNewsletterAll",
    "nonEnglishNewsletterAll",
    "primaryCenter",
    "programAffiliation",
    "programs",
    "projects",
    "regions",
    "topics",
)
# The old site's own type names, with the label and whether pieces of the type cite an outlet,
# for a site whose content types do not carry these legacy keys yet.
KNOWN_TYPES = {
    "legacyarticle": ("Article", False),
    "legacycommentary": ("Commentary", False),
    "legacyresearchpaper": ("Research Paper", False),
    "legacyinthemedia": ("In the Media", True),
    "legacyqa": ("Q&A", False),
    "legacyevent": ("Event", False),
    "legacypodcast": ("Podcast", False),
    "legacymultimedia": ("Multimedia", False),
    "legacybook": ("Book", False),
    "legacytestimony": ("Testimony", False),
    "legacypressrelease": ("Press Release", False),
}
ABOUT_HEADINGS = ("About the Author", "About the Authors")
RECENT_WORK = "Recent Work"
MORE_WORK = "More Work from"
SOURCE = "Source:"
# Ids end up in file names when pages are exported again, so they are kept to a safe alphabet.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")
EXPORTER_FILE_NAME = re.compile(r"\d+_([0-9a-f]{16})\.txt")
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
# The "…All" metadata fields hold several names in one string, separated by semicolons; names
# themselves hold commas ("Democracy, Conflict, and Governance Program"), so commas never split.
NAME_SEPARATOR = re.compile(r"\s*;\s*")
LIST_SEPARATOR = "; "
# How bylines join names: commas, "and" / "&" (with an Oxford comma or without), the Arabic "و"
# written onto the next name, the Russian "и", and the Chinese "、", "，" and "和". Both sides of
# a comparison are folded alike, so a name that holds one of these still matches itself.
BYLINE_SEPARATORS = re.compile(r"\s*,?\s+(?:and|&)\s+|\s*&\s*|\s*[,，、]\s*|\s+و\s*|\s+и\s+|\s*和\s*")


class LegacyFormatError(ValueError):
    """A page file that cannot be read; `line` is the 1-based line the problem is on, if any."""

    def __init__(self, message: str, *, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class LegacyAuthor:
    name: str
    title_line: str = ""
    bio: str = ""
    # The author's "Recent Work" items as printed: title and type label glued together.
    recent_work: list[str] = field(default_factory=list)


@dataclass
class LegacyPage:
    """Everything a page file says, in the order the file says it."""

    legacy_id: str
    title: str
    type_key: str
    authors: list[LegacyAuthor] = field(default_factory=list)
    dek: str = ""
    image_credit: str = ""
    source: str = ""
    paragraphs: list[str] = field(default_factory=list)
    date: datetime.date | None = None
    language: str = ""  # the metadata's "language" as written (a tag like "ar" or a name); "" when absent
    translation_of: str = ""  # the metadata's "translationOf": the legacy id of the page this one translates
    centers: list[str] = field(default_factory=list)
    primary_center: str = ""
    collections: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    newsletters: list[str] = field(default_factory=list)  # English ones
    other_newsletters: list[str] = field(default_factory=list)  # in other languages
    disclaimer: str = ""
    rail_center: str = ""
    rail_lines: list[str] = field(default_factory=list)
    # Whether the id came from the metadata (else: the file name or the identity hash).
    id_in_metadata: bool = False
    byline: str | None = None  # line 1 as written, when it differs from the authors
    warnings: list[str] = field(default_factory=list)
    # The text the page was parsed from (empty for a page built in code): the importer names the
    # line of a value too long for its column. Not part of what the page says.
    source_text: str = field(default="", repr=False, compare=False)


# -- reading files ---------------------------------------------------------------------------


def iter_legacy_paths(roots: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield `(path, problem)` for every page file under `roots`, in a stable order.

    A root may be a file (read whatever its name) or a folder, walked recursively for `*.txt`
    files; hidden files are skipped. Symbolic links are reported, never followed, so an
    import reads nothing outside the folders it was given. `problem` is None for a file to read.
    """
    for root in roots:
        try:
            info = os.lstat(root)
        except FileNotFoundError:
            yield root, "no such file or folder"
            continue
        except OSError as error:
            yield root, f"cannot be read ({error.strerror})"
            continue
        if stat.S_ISLNK(info.st_mode):
            yield root, "is a symbolic link; links are not followed"
        elif stat.S_ISDIR(info.st_mode):
            yield from _walk(root)
        else:
            yield root, None


def _walk(folder: str) -> Iterator[tuple[str, str | None]]:
    for current, dirnames, filenames in os.walk(folder, followlinks=False):
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            if os.path.islink(os.path.join(current, name)):
                yield os.path.join(current, name), "is a symbolic link; links are not followed"
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(".txt"):
                continue
            path = os.path.join(current, name)
            if os.path.islink(path):
                yield path, "is a symbolic link; links are not followed"
            else:
                yield path, None


def read_legacy_file(path: str, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of one page file, refusing links, non-files and files over `max_bytes`.

    The size is checked before reading and the read is capped, so a huge or growing file
    costs no memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise LegacyFormatError("no such file") from None
    except OSError as error:
        if os.path.islink(path):
            raise LegacyFormatError("is a symbolic link; links are not followed") from None
        raise LegacyFormatError(f"cannot be read ({error.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise LegacyFormatError("is not a regular file")
        if info.st_size > max_bytes:
            raise LegacyFormatError(_too_large(info.st_size, max_bytes))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LegacyFormatError(_too_large(len(data), max_bytes))
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MB; a legacy page is at most "
        f"{max_bytes // 1024 // 1024} MB, so it was not read"
    )


def decode_legacy_bytes(data: bytes) -> str:
    """Return the text of a page file: UTF-8 (a BOM is fine), NFC, any line endings as "\\n".

    Text in another encoding is refused, never guessed.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LegacyFormatError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); export it again as UTF-8",
            line=line,
        ) from None
    return text


def normalize_text(text: str) -> str:
    """Return text with "\\n" line endings and composed (NFC) characters."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def name_key(name: str) -> str:
    """Return the form in which two names count as the same: NFC, case and spacing folded."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


# -- parsing ---------------------------------------------------------------------------------


def read(path: str, *, max_bytes: int = MAX_FILE_BYTES) -> LegacyPage:
    """Read and parse one page file in one call; raise LegacyFormatError saying why it cannot be."""
    return parse(read_legacy_file(path, max_bytes=max_bytes), path=path)


def parse(content: bytes | str, *, path: str) -> LegacyPage:
    """Parse a page file's bytes (or its decoded text); `path` gives the id of a page whose metadata has none."""
    text = decode_legacy_bytes(content) if isinstance(content, bytes) else content
    return parse_legacy_page(text, file_name=os.path.basename(path))


def parse_legacy_page(text: str, *, file_name: str = "") -> LegacyPage:
    """Parse the text of one page file; raise LegacyFormatError with the line of the problem."""
    text = normalize_text(text)
    if not text.strip():
        raise LegacyFormatError("the file is empty")
    nul = text.find("\x00")
    if nul != -1:
        raise LegacyFormatError("the file contains a NUL character", line=text.count("\n", 0, nul) + 1)
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()

    byline = lines[0].strip()
    if byline.startswith("{"):
        raise LegacyFormatError("the byline (the authors' names) is missing before the metadata", line=1)
    if len(lines) < 2:
        raise LegacyFormatError("the metadata is missing: the file ends after the byline", line=1)

    metadata, json_end_line, credit = _read_metadata(text, lines)
    warnings: list[str] = []
    values = _check_metadata(metadata, text, warnings)

    page = LegacyPage(legacy_id="", title="", type_key=values["type"], warnings=warnings)
    page.image_credit = credit
    page.date = values["date"]
    page.language = values["language"]
    page.translation_of = values["translationOf"] or ""
    page.primary_center = values["primaryCenter"]
    page.centers = _unique(values["centers"] + _split_names(values["centerAffiliationAll"]))
    page.programs = _unique(values["programs"] + _split_names(values["programAffiliation"]))
    page.newsletters = _split_names(values["englishNewsletterAll"])
    page.other_newsletters = _split_names(values["nonEnglishNewsletterAll"])
    for key in ("collections", "regions", "topics", "projects"):
        setattr(page, key, _unique(values[key]))

    names = values["authors"]
    if byline != ", ".join(names):
        page.byline = byline

    body_start = _read_header(page, lines, json_end_line + 1)
    if names:
        body_end, blocks = _read_about_section(page, lines, body_start, names)
        page.authors = _reconcile_authors(names, byline, blocks, warnings)
    else:
        if page.byline is not None:
            warnings.append(f"line 1: the byline “{byline}” differs from the metadata's authors (none)")
        body_end = _read_tail_without_authors(page, lines, body_start)
    page.paragraphs = [line.strip() for line in lines[body_start:body_end] if line.strip()]

    _drop_repeated_authors(page)
    page.legacy_id, page.id_in_metadata = _legacy_id(values["id"], file_name, page)
    page.source_text = text
    return page


def _read_metadata(text: str, lines: list[str]) -> tuple[dict, int, str]:
    """Decode the JSON object that starts on line 2; return it, its last line (0-based), the credit."""
    start = len(lines[0]) + 1
    first = lines[1].lstrip()
    if not first or first[0] not in "{[":
        raise LegacyFormatError("the metadata is missing: expected a JSON object starting with “{”", line=2)
    start += len(lines[1]) - len(first)
    decoder = json.JSONDecoder(object_pairs_hook=_refuse_repeated_keys)
    try:
        metadata, end = decoder.raw_decode(text, start)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()):
            raise LegacyFormatError(
                "the metadata stops before its closing brace: the file looks cut off",
                line=error.lineno,
            ) from None
        raise LegacyFormatError(f"the metadata is not valid JSON ({error.msg})", line=error.lineno) from None
    except RepeatedKey as error:
        raise LegacyFormatError(f"the metadata has the key “{error.key}” twice", line=2) from None
    except RecursionError:
        raise LegacyFormatError("the metadata is nested too deeply to be a page's metadata", line=2) from None
    if not isinstance(metadata, dict):
        raise LegacyFormatError(f"the metadata must be a JSON object ({{…}}), not {_json_kind(metadata)}", line=2)
    end_line = text.count("\n", 0, end)
    line_end = text.find("\n", end)
    credit = text[end : line_end if line_end != -1 else len(text)].strip()
    return metadata, end_line, credit


class RepeatedKey(ValueError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def _refuse_repeated_keys(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise RepeatedKey(key)
        result[key] = value
    return result


def _json_kind(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _key_line(text: str, key: str) -> int | None:
    """The line on which the metadata names `key`, for error messages."""
    at = text.find(f'"{key}"')
    return text.count("\n", 0, at) + 1 if at != -1 else 2


def _check_metadata(metadata: dict, text: str, warnings: list[str]) -> dict:
    """Return the metadata's values with their types checked; raise for missing or wrong keys."""
    missing = [key for key in (*LIST_KEYS, *TEXT_KEYS) if key not in metadata]
    if missing:
        listed = ", ".join(f"“{key}”" for key in missing)
        raise LegacyFormatError(f"the metadata lacks {listed}", line=2)
    for key in metadata:
        if key not in LIST_KEYS and key not in TEXT_KEYS and key not in OPTIONAL_KEYS:
            warnings.append(f"line {_key_line(text, key)}: ignored the unknown metadata key “{key}”")

    values: dict = {}
    for key in LIST_KEYS:
        value = metadata[key]
        if value is None:
            value = []
        if not isinstance(value, list):
            raise LegacyFormatError(
                f"“{key}” must be a list of names, not {_json_kind(value)}", line=_key_line(text, key)
            )
        names = []
        for position, item in enumerate(value, start=1):
            if not isinstance(item, str):
                raise LegacyFormatError(
                    f"“{key}” item {position} must be a name, not {_json_kind(item)}", line=_key_line(text, key)
                )
            name = " ".join(item.split())
            if name:
                names.append(name)
            elif key == "authors":
                raise LegacyFormatError(f"“authors” item {position} is empty", line=_key_line(text, key))
        values[key] = names
    for key in TEXT_KEYS:
        value = metadata[key]
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise LegacyFormatError(f"“{key}” must be text, not {_json_kind(value)}", line=_key_line(text, key))
        values[key] = " ".join(value.split())
    if not values["type"]:
        raise LegacyFormatError("the metadata has no “type”", line=_key_line(text, "type"))

    values["id"] = _check_id(metadata.get("id"), text)
    values["translationOf"] = _check_id(metadata.get("translationOf"), text, key="translationOf")
    values["date"] = _check_date(metadata.get("date"), text)
    language = metadata.get("language")
    if language is not None and not isinstance(language, str):
        raise LegacyFormatError(
            f"“language” must be a language tag such as “ar”, not {_json_kind(language)}",
            line=_key_line(text, "language"),
        )
    values["language"] = " ".join((language or "").split())[:LANGUAGE_TAG_LENGTH]
    return values


def _check_id(value, text: str, *, key: str = "id") -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise LegacyFormatError(f"“{key}” must be text or a number, not {_json_kind(value)}", line=_key_line(text, key))
    value = str(value).strip()
    if not SAFE_ID.fullmatch(value):
        raise LegacyFormatError(
            f"“{key}” may only hold letters, digits, dots, dashes and underscores (at most 120), "
            "starting with a letter or digit",
            line=_key_line(text, key),
        )
    return value


def _check_date(value, text: str) -> datetime.date | None:
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise LegacyFormatError("“date” must be a date written YYYY-MM-DD", line=_key_line(text, "date")) from None


def _split_names(value: str) -> list[str]:
    return _unique(part for part in NAME_SEPARATOR.split(value) if part.strip())


def _unique(names: Iterable[str]) -> list[str]:
    seen, result = set(), []
    for name in names:
        key = name_key(name)
        if key not in seen:
            seen.add(key)
            result.append(name.strip())
    return result


def _read_header(page: LegacyPage, lines: list[str], start: int) -> int:
    """Read title, dek and outlet from `start`; return the index of the body's first line."""
    header_end = start
    while header_end < len(lines) and lines[header_end].strip():
        header_end += 1
    header = [line.strip() for line in lines[start:header_end]]
    if not header:
        raise LegacyFormatError("the title is missing: expected it right after the metadata", line=start + 1)
    if len(header) > 3:
        raise LegacyFormatError(
            "expected one blank line between the title, dek and source and the body", line=start + 4
        )
    page.title = header[0]
    rest = header[1:]
    if rest and rest[-1].startswith(SOURCE) and (len(rest) == 2 or len(rest) == 1):
        page.source = rest.pop()[len(SOURCE) :].strip()
    elif len(rest) == 2:
        raise LegacyFormatError("expected “Source: <outlet>” or a blank line after the dek", line=start + 3)
    page.dek = rest[0] if rest else ""
    return header_end


def _about_heading(line: str) -> bool:
    return line.strip() in ABOUT_HEADINGS


@dataclass
class _AboutBlock:
    """One author's part of "About the Author(s)": title line and bio, and the name line of the
    author's "Recent Work" list when the page has one."""

    title_line: str
    bio: str
    name: str | None = None
    recent_work: list[str] = field(default_factory=list)
    has_pair: bool = True  # False for a name line whose title line and bio cannot be told


def _read_about_section(
    page: LegacyPage, lines: list[str], body_start: int, names: list[str]
) -> tuple[int, list[_AboutBlock]]:
    """Read the authors' blocks, disclaimer and rail; return the body's end and the blocks.

    Each "Recent Work" line closes one author's block and the line before it is that author's
    name. The title lines and bios come before the blocks, either each before its own block or
    all of them first; either way the n-th title line and bio belong to the n-th name line.
    """
    about = next((i for i in range(len(lines) - 1, body_start - 1, -1) if _about_heading(lines[i])), None)
    if about is None:
        raise LegacyFormatError("the file ends before “About the Author(s)”: it looks cut off", line=len(lines))
    rail = next((i for i in range(about + 1, len(lines)) if lines[i].startswith(MORE_WORK)), len(lines))
    closing = [i for i in range(about + 1, rail) if lines[i].strip() == RECENT_WORK]

    pair_lines: list[int] = []  # indexes of the title and bio lines, in page order
    segments: list[range] = []  # the title and bio lines before each name line's list
    named: list[tuple[str, list[str]]] = []
    position = about + 1
    for closing_line in closing:
        name_line = closing_line - 1
        if name_line < position or not lines[name_line].strip() or lines[name_line].startswith("- "):
            raise LegacyFormatError(f"expected the author's name before “{RECENT_WORK}”", line=closing_line + 1)
        first_item = name_line
        while first_item > position and lines[first_item - 1].startswith("- "):
            first_item -= 1
        segments.append(range(position, first_item))
        pair_lines.extend(range(position, first_item))
        named.append((lines[name_line].strip(), [line[2:].strip() for line in lines[first_item:name_line]]))
        position = closing_line + 1

    if not named:
        # No name lines: the page says only that the blocks come in byline order.
        needed = about + 1 + 2 * len(names)
        if needed > len(lines):
            missing = names[(len(lines) - about - 1) // 2]
            raise LegacyFormatError(
                f"the file ends inside “About the Author(s)” before the bio of {missing}: it looks cut off",
                line=len(lines),
            )
        pair_lines = list(range(about + 1, needed))
        position = needed
    if position < len(lines) and lines[position].startswith("- "):
        end = position
        while end < len(lines) and lines[end].startswith("- "):
            end += 1
        raise LegacyFormatError(
            f"expected the author's name and “{RECENT_WORK}” after the recent-work list: the file looks cut off",
            line=min(end + 1, len(lines)),
        )
    if len(pair_lines) % 2:
        raise LegacyFormatError(
            f"“About the Author(s)” has {len(pair_lines)} lines of title lines and bios: expected a title "
            "line and a bio per author, so whose is whose cannot be told",
            line=about + 1,
        )
    blocks = [_AboutBlock(title_line=lines[at].strip(), bio=lines[at + 1].strip()) for at in pair_lines[::2]]
    if len(blocks) == len(named):
        for about_block, (name, items) in zip(blocks, named, strict=True):
            about_block.name, about_block.recent_work = name, items
    else:
        # Some authors have no recent work, hence no name line, and nothing in the page says
        # which title line and bio stand for which name line: the blocks stay unnamed.
        blocks.extend(
            _AboutBlock(title_line="", bio="", name=name, recent_work=items, has_pair=False) for name, items in named
        )
    _read_disclaimer_and_rail(page, lines, position)
    return about, blocks


def _reconcile_authors(
    names: list[str], byline: str, blocks: list[_AboutBlock], warnings: list[str]
) -> list[LegacyAuthor]:
    """The page's authors with the title line and bio each About block gives them.

    The metadata's authors are used when the byline or the About section's name lines confirm
    them; a block's title line and bio go to the author its name line names, never to whoever
    stands at the same position. See the format notes at the top of this module.
    """
    keys = {name_key(name) for name in names}
    byline_agrees = byline_key(byline) == byline_key(", ".join(names))
    block_names = [block.name for block in blocks if block.name is not None]

    def refuse(why: str):
        raise LegacyFormatError(
            f"the authors cannot be reconciled: the byline reads “{byline}”, the metadata's authors are "
            f"{_listed(names)}{why}; correct the file so that they agree",
            line=1,
        )

    strangers = [name for name in block_names if name_key(name) not in keys]
    if strangers:
        refuse(f", and “About the Author(s)” names {_listed(block_names)}")
    if not byline_agrees:
        if not block_names:
            refuse(", and “About the Author(s)” names nobody that would settle it")
        if {name_key(name) for name in block_names} != keys:
            refuse(f", and “About the Author(s)” names only {_listed(block_names)}")
        warnings.append(
            f"line 1: the byline “{byline}” differs from the metadata's authors; the metadata's authors, "
            "whom “About the Author(s)” names, were used"
        )

    authors = [LegacyAuthor(name=name) for name in names]
    if not block_names:
        # Byline and metadata agree and the page names no block: the format's byline order holds.
        for author, block in zip(authors, blocks, strict=False):
            author.title_line, author.bio = block.title_line, block.bio
        return authors
    by_name: dict[str, _AboutBlock] = {}
    for block in blocks:
        if block.name is not None:
            by_name.setdefault(name_key(block.name), block)
    unnamed = [block for block in blocks if block.name is None]
    seen = set()
    for author in authors:
        key = name_key(author.name)
        if key in seen:
            continue  # listed twice: dropped later
        seen.add(key)
        block = by_name.get(key)
        if block is not None:
            author.recent_work = block.recent_work
        if block is None or not block.has_pair:
            # A title line and bio without a name line are still this author's when the bio
            # starts with the author's name.
            block = next((b for b in unnamed if _starts_with_name(b.bio, author.name)), None)
            if block is None:
                warnings.append(
                    f"no title line and bio in “About the Author(s)” is {author.name}'s: imported without them"
                )
                continue
            unnamed.remove(block)
        author.title_line, author.bio = block.title_line, block.bio
    for block in unnamed:
        warnings.append(
            f"a block of “About the Author(s)” (title line “{block.title_line}”) names none of the authors: "
            "its title line and bio were not imported"
        )
    return authors


def byline_key(byline: str) -> str:
    """A byline folded for comparison: "A and B", "A & B", "A, B, and C", "A و B", "A и B", "A、B" read as "A, B"."""
    return BYLINE_SEPARATORS.sub(", ", name_key(byline))


def _starts_with_name(bio: str, name: str) -> bool:
    bio, name = name_key(bio), name_key(name)
    return bio.startswith(name) and not bio[len(name) : len(name) + 1].isalnum()


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"“{name}”" for name in names) or "none"


def _read_disclaimer_and_rail(page: LegacyPage, lines: list[str], position: int) -> None:
    rail = next((i for i in range(position, len(lines)) if lines[i].startswith(MORE_WORK)), None)
    disclaimer = [line.strip() for line in lines[position:rail] if line.strip()]
    if not disclaimer and rail is None:
        raise LegacyFormatError("the file ends before the disclaimer: it looks cut off", line=len(lines))
    page.disclaimer = " ".join(disclaimer)
    if rail is not None:
        page.rail_center = lines[rail][len(MORE_WORK) :].strip()
        page.rail_lines = [line.rstrip() for line in lines[rail + 1 :]]


def _read_tail_without_authors(page: LegacyPage, lines: list[str], body_start: int) -> int:
    """A page without authors has no "About" section: the disclaimer is the line before the rail."""
    rail = next((i for i in range(len(lines) - 1, body_start - 1, -1) if lines[i].startswith(MORE_WORK)), len(lines))
    disclaimer = rail - 1
    while disclaimer >= body_start and not lines[disclaimer].strip():
        disclaimer -= 1
    if disclaimer < body_start:
        raise LegacyFormatError("the file ends before the disclaimer: it looks cut off", line=len(lines))
    _read_disclaimer_and_rail(page, lines, disclaimer)
    return disclaimer


def _drop_repeated_authors(page: LegacyPage) -> None:
    seen, kept = set(), []
    for author in page.authors:
        key = name_key(author.name)
        if key in seen:
            page.warnings.append(f"{author.name} is listed twice among the authors; kept once, in the first place")
            continue
        seen.add(key)
        kept.append(author)
    page.authors = kept


def _legacy_id(metadata_id: str | None, file_name: str, page: LegacyPage) -> tuple[str, bool]:
    if metadata_id:
        return metadata_id, True
    match = EXPORTER_FILE_NAME.fullmatch(file_name)
    if match:
        return match.group(1), False
    identity = "\x1f".join([name_key(page.type_key), name_key(page.title), *(name_key(a.name) for a in page.authors)])
    return hashlib.sha256(identity.encode()).hexdigest()[:16], False


def page_digest(page: LegacyPage) -> str:
    """A fingerprint of what a page says, so that two files can be told to be the same page.

    Warnings and where the id came from are left out: a file with the id in its metadata and
    one named after it, saying the same, are one page.
    """
    fields = dataclasses.asdict(page)
    for key in ("warnings", "id_in_metadata", "source_text"):
        fields.pop(key, None)
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()


# -- writing ---------------------------------------------------------------------------------


def format_legacy_page(page: LegacyPage, *, include_id: bool | None = None) -> str:
    """Return the text of a page file for `page`: what `parse_legacy_page` reads back as `page`.

    The metadata carries the page's id when `include_id` is true (by default: when the id
    came from the metadata), so that a renamed file still updates the same publication.
    """
    if include_id is None:
        include_id = page.id_in_metadata
    metadata = {
        "id": page.legacy_id if include_id else None,
        "authors": [author.name for author in page.authors],
        "type": page.type_key,
        "date": page.date.isoformat() if page.date else None,
        "language": page.language or None,
        "translationOf": page.translation_of or None,
        "centerAffiliationAll": "",
        "centers": page.centers,
        "collections": page.collections,
        "englishNewsletterAll": LIST_SEPARATOR.join(page.newsletters),
        "nonEnglishNewsletterAll": LIST_SEPARATOR.join(page.other_newsletters),
        "primaryCenter": page.primary_center,
        "programAffiliation": "",
        "programs": page.programs,
        "projects": page.projects,
        "regions": page.regions,
        "topics": page.topics,
    }
    ordered = {key: metadata[key] for key in KEY_ORDER if metadata[key] is not None}
    lines = [page.byline if page.byline is not None else ", ".join(ordered["authors"])]
    lines.extend(json.dumps(ordered, indent=0, ensure_ascii=False).split("\n"))
    lines[-1] += _one_line(page.image_credit)
    lines.append(_one_line(page.title))
    if page.dek:
        lines.append(_one_line(page.dek))
    if page.source:
        lines.append(f"{SOURCE} {_one_line(page.source)}")
    lines.append("")
    lines.extend(_one_line(paragraph) for paragraph in page.paragraphs if paragraph.strip())
    if page.authors:
        lines.append(ABOUT_HEADINGS[0] if len(page.authors) == 1 else ABOUT_HEADINGS[1])
        for author in page.authors:
            lines.extend([_one_line(author.title_line), _one_line(author.bio)])
        for author in page.authors:
            lines.extend(f"- {_one_line(item)}" for item in author.recent_work)
            lines.extend([_one_line(author.name), RECENT_WORK])
    lines.append(_one_line(page.disclaimer))
    lines.append(f"{MORE_WORK} {_one_line(page.rail_center)}".rstrip())
    lines.extend(_one_line(line) for line in page.rail_lines)
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """Text that stays on its line: a line break inside a title or bio would end the field."""
    return LINE_BREAKS.sub(" ", text).strip()


class _BlockText(HTMLParser):
    """Collects the text of each block element (paragraph, heading, list item…) of an HTML body."""

    BLOCKS = {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "figcaption",
        "caption",
        "tr",
        "div",
        "aside",
        "figure",
        "table",
        "ul",
        "ol",
        "section",
        "article",
        "pre",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def flush(self):
        text = "".join(self.current).replace("\r", " ").replace("\n", " ").strip()
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        self.current.append(data)


def html_to_paragraphs(html: str) -> list[str]:
    """Return the plain text of each paragraph, heading or list item of sanitized HTML."""
    parser = _BlockText()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return parser.paragraphs
