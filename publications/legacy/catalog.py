"""What one import run knows about the database: terms, types, people and disclaimers by name.

The import (publications/legacy/importer.py) decides when it is loaded, committed and
discarded: a `LegacyImporter` keeps one for its batch, `import_legacy_file` makes a fresh one
when its caller passes none.
"""

import unicodedata
from dataclasses import dataclass

from django.db.models import Case, Exists, F, Max, OuterRef, Value, When

from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Affiliation, Person
from publications.legacy.format import (
    html_to_paragraphs,
    name_key,
)
from publications.models import CollectionItem, Disclaimer, Publication, PublicationType


@dataclass(frozen=True)
class PersonState:
    pk: int
    imported_bio: str  # what the importer last wrote
    bio_untouched: bool  # the bio still equals it: editors have not changed it
    has_affiliation: bool


class LegacyCatalog:
    """What one import run knows about the database: terms, types, people, disclaimers by name.

    Each table is read once, before the run's first file, so a batch of thousands of files does
    not look up the same topic or author thousands of times. Rows written while a file is imported only
    join the catalog when that file's transaction commits (`commit`); a failed or dry-run
    file leaves nothing behind, not even here. Writes that depend on a row's current state
    (a bio editors may have just changed) are checked against the database, not the catalog.
    """

    def __init__(self):
        self._ids: dict = {}  # model -> {name_key: pk}
        self._people: dict[int, PersonState] | None = None
        self._disclaimers: list | None = None  # [(center_id, type_id, plain text)]
        self._positions: dict[int, int] = {}  # collection id -> last position
        self._shared_names: set[str] = set()  # people's names that several people share
        self._pending: dict = {}
        self.discard()
        self.legacy_ids: dict[str, str] = {}  # legacy id -> path, for the files of this run
        # What `survey_legacy_file` saw of the whole batch before it was imported:
        # legacy id -> {path: page digest}; and the digest of every file read, by path.
        self.batch: dict[str, dict[str, str]] = {}
        self.digests: dict[str, str] = {}
        # Warnings about a person are given once a run, not once a file.
        self.kept_bios: set[int] = set()
        self.reported_people: set[int] = set()
        self.reported_kinds: set[int] = set()
        self._site_units: list[tuple] | None = None  # (name key, "center"/"programme", pk, model)
        self._unit_names: dict[tuple, str] = {}  # (pk, model) -> name, for the report
        # The legacy ids that editions already in the CMS name as their original (`awaited_original`).
        self._awaited: set[str] | None = None

    def clashing_files(self, legacy_id: str, *, path: str, digest: str) -> list[str]:
        """The other files of the surveyed batch that claim this legacy id with other content."""
        claims = self.batch.get(legacy_id, {})
        return sorted(other for other, other_digest in claims.items() if other != path and other_digest != digest)

    def load(self) -> None:
        """Read the tables names are looked up in, once per run.

        Called before a file's transaction starts, so the catalog never holds a row that a
        failed file wrote.
        """
        for model in (Center, Region, Topic, Program, Project, Collection, Newsletter, PublicationType, Person):
            self._table(model)
        if self._people is None:
            self._people = person_states(Person.objects.all())
        if self._site_units is None:
            self._site_units = []
            for model, what in ((Center, "center"), (Program, "programme")):
                for pk, name, other_names in model.objects.values_list("pk", "name", "other_names"):
                    self._unit_names[pk, model] = name
                    for variant in [name, *other_names.splitlines()]:
                        if variant.strip():
                            self._site_units.append((name_key(variant), what, pk, model))
        if self._disclaimers is None:
            self._disclaimers = [(d.center_id, d.publication_type_id, _plain(d.text)) for d in Disclaimer.objects.all()]
        if self._awaited is None:
            self._awaited = set(
                Publication.objects.exclude(awaited_original="").values_list("awaited_original", flat=True)
            )

    def commit(self) -> None:
        for model, rows in self._pending.pop("ids", {}).items():
            self._ids[model].update(rows)
        if self._people is not None:
            self._people.update(self._pending.pop("people", {}))
        if self._disclaimers is not None:
            self._disclaimers.extend(self._pending.pop("disclaimers", []))
        self._positions.update(self._pending.pop("positions", {}))
        if self._awaited is not None:
            self._awaited.update(self._pending.pop("awaited", set()))
        self.discard()

    def discard(self) -> None:
        self._pending = {"ids": {}, "people": {}, "disclaimers": [], "positions": {}, "created": [], "awaited": set()}

    def _table(self, model) -> dict[str, int]:
        if model not in self._ids:
            rows: dict[str, int] = {}
            field_name = "label" if model is PublicationType else "name"
            for pk, name in model.objects.order_by("pk").values_list("pk", field_name):
                key = name_key(name)
                if key in rows and model is Person:
                    self._shared_names.add(key)
                rows.setdefault(key, pk)
            if model is PublicationType:
                legacy_keys = model.objects.exclude(legacy_key="").order_by("-pk").values_list("pk", "legacy_key")
                rows.update((f"legacy:{name_key(legacy_key)}", pk) for pk, legacy_key in legacy_keys)
            self._ids[model] = rows
        return self._ids[model]

    def is_awaited(self, legacy_id: str) -> bool:
        """Whether an edition in the CMS (or written by this file) waits for the page with this legacy id."""
        return legacy_id in (self._awaited or ()) or legacy_id in self._pending["awaited"]

    def await_original(self, legacy_id: str) -> None:
        self._pending["awaited"].add(legacy_id)

    def note_created(self, row) -> None:
        """Remember a row the file being imported created, for its audit entry."""
        self._pending["created"].append(row)

    def take_created(self) -> list:
        rows, self._pending["created"] = self._pending["created"], []
        return rows

    def find(self, model, key: str) -> int | None:
        return self._table(model).get(key) or self._pending["ids"].get(model, {}).get(key)

    def add(self, model, key: str, pk: int) -> None:
        self._pending["ids"].setdefault(model, {})[key] = pk

    def ids(self, model, names: list[str], **create_fields) -> list[int]:
        """Return the ids of the rows named `names`, creating the missing ones at top level."""
        ids = []
        for name in names:
            key = name_key(name)
            pk = self.find(model, key)
            if pk is None:
                row = model.objects.create(name=name, **create_fields)
                self.note_created(row)
                pk = row.pk
                self.add(model, key, pk)
                self._unit_names[pk, model] = name
            if pk not in ids:
                ids.append(pk)
        return ids

    def person(self, pk: int) -> PersonState:
        if pk in self._pending["people"]:
            return self._pending["people"][pk]
        if pk not in self._people:  # created after the catalog was read
            self._people.update(person_states(Person.objects.filter(pk=pk)))
        return self._people[pk]

    def set_person(self, state: PersonState) -> None:
        self._pending["people"][state.pk] = state

    def shares_name(self, key: str) -> bool:
        self._table(Person)
        return key in self._shared_names

    def site_unit_in_title(self, title_line: str, *, what_only: str = "") -> tuple[str, str, int] | None:
        """The center or programme of the site a title line names, in any of its names: (what, name, pk).

        Names are the rows' names and their `other_names` (translations, other spellings), and
        those of the centers and programmes this run has created from the pages' metadata. The
        longest name found wins, so "Carnegie Europe" beats "Carnegie".
        """
        units = list(self._site_units or [])
        for model, what in ((Center, "center"), (Program, "programme")):
            # Rows created by this run (committed, or by the file being imported).
            for key, pk in [*self._table(model).items(), *self._pending["ids"].get(model, {}).items()]:
                units.append((key, what, pk, model))
        line = name_key(title_line)
        found = [(len(key), what, pk, model) for key, what, pk, model in units if key and names_in_text(key, line)]
        if what_only:
            found = [match for match in found if match[1] == what_only]
        if not found:
            return None
        _length, what, pk, model = max(found, key=lambda match: match[0])
        return what, self._unit_names.get((pk, model), ""), pk

    def center_in_title(self, title_line: str) -> int | None:
        """The center a title line names, in any of its names ("Senior Fellow, Carnegie Europe")."""
        named = self.site_unit_in_title(title_line, what_only="center")
        return named[2] if named else None

    def next_position(self, collection_id: int) -> int:
        """The position after the last item of a curated collection."""
        last = self._pending["positions"].get(collection_id, self._positions.get(collection_id))
        if last is None:
            last = CollectionItem.objects.filter(collection_id=collection_id).aggregate(last=Max("position"))["last"]
            last = -1 if last is None else last
        self._pending["positions"][collection_id] = last + 1
        return last + 1

    def disclaimer(self, *, center_id, type_id) -> str | None:
        """The plain text of the narrowest disclaimer for this center and type, or None."""
        best = None
        for row_center, row_type, text in self._disclaimers + self._pending["disclaimers"]:
            if row_center not in (None, center_id) or row_type not in (None, type_id):
                continue
            rank = (2 if row_center else 0) + (1 if row_type else 0)
            if best is None or rank > best[0]:
                best = (rank, text)
        return best[1] if best else None

    def add_disclaimer(self, text: str) -> None:
        self._pending["disclaimers"].append((None, None, _plain(text)))


def names_in_text(name: str, text: str) -> bool:
    """Whether `text` contains `name` as whole words (both already folded with `name_key`).

    Word edges count only between Latin or Cyrillic letters and digits: Arabic writes its
    prepositions onto the next word ("بمركز", at the center) and Chinese has no spaces at all.
    """
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not (_joined(before, name[0]) or _joined(after, name[-1])):
            return True
        start = text.find(name, start + 1)
    return False


def _joined(neighbour: str, edge: str) -> bool:
    def spaced_word_character(character: str) -> bool:
        return character.isdigit() or (
            character.isalpha() and unicodedata.name(character, "").startswith(("LATIN", "CYRILLIC"))
        )

    return bool(neighbour) and spaced_word_character(neighbour) and spaced_word_character(edge)


def person_states(people) -> dict[int, PersonState]:
    rows = people.annotate(
        untouched=Case(When(bio=F("imported_bio"), then=Value(True)), default=Value(False)),
        has_affiliation=Exists(Affiliation.objects.filter(person=OuterRef("pk"))),
    ).values_list("pk", "imported_bio", "untouched", "has_affiliation")
    return {row[0]: PersonState(*row) for row in rows}


def _plain(html: str) -> str:
    return " ".join(" ".join(html_to_paragraphs(html)).split())
