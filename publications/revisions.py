"""Field-by-field comparison of two revision snapshots, in words an editor understands."""

from dataclasses import dataclass

from django.utils.html import strip_tags

from cms.models import Center, Collection, Image, Newsletter, Program, Project, PublicationType, Region, Topic
from people.models import Person
from publications.models import Publication
from publications.snapshots import MANY_TO_MANY, RECORDED_FIELDS

RELATED_MODELS = {
    "publication_type": PublicationType,
    "primary_center": Center,
    "lead_image": Image,
    "translation_of": Publication,
    "centers": Center,
    "programs": Program,
    "projects": Project,
    "regions": Region,
    "topics": Topic,
    "newsletters": Newsletter,
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


def _names(model, ids) -> dict:
    return {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)} if ids else {}


def _describe(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    model = RELATED_MODELS.get(name)
    if model is not None:
        ids = value if isinstance(value, list) else [value]
        names = _names(model, ids)
        return ", ".join(names.get(pk, f"(deleted #{pk})") for pk in ids)
    if name in {"body", "disclaimer_override"}:
        return strip_tags(value)
    return str(value)


def _describe_contributors(rows) -> str:
    names = _names(Person, [row["person"] for row in rows])
    ordered = sorted(rows, key=lambda row: row["position"])
    return (
        "; ".join(
            f"{names.get(row['person'], '(deleted person)')} ({row['role']}{', ' + row['title_line'] if row['title_line'] else ''})"
            for row in ordered
        )
        or "—"
    )


def _describe_collections(rows) -> str:
    names = _names(Collection, [row["collection"] for row in rows])
    return ", ".join(f"{names.get(row['collection'], '(deleted)')} #{row['position']}" for row in rows) or "—"


def compare_revisions(older: dict, newer: dict) -> list[FieldChange]:
    """Return the fields that differ between two snapshots, labelled and described for editors."""
    changes = []
    for name in RECORDED_FIELDS + MANY_TO_MANY:
        if older.get(name) != newer.get(name):
            label = Publication._meta.get_field(name).verbose_name
            changes.append(
                FieldChange(str(label).capitalize(), _describe(name, older.get(name)), _describe(name, newer.get(name)))
            )
    if older.get("keywords") != newer.get("keywords"):
        changes.append(
            FieldChange(
                "Keywords", ", ".join(older.get("keywords", [])) or "—", ", ".join(newer.get("keywords", [])) or "—"
            )
        )
    if older.get("contributors") != newer.get("contributors"):
        changes.append(
            FieldChange(
                "Contributors",
                _describe_contributors(older.get("contributors", [])),
                _describe_contributors(newer.get("contributors", [])),
            )
        )
    if older.get("collections") != newer.get("collections"):
        changes.append(
            FieldChange(
                "Collections",
                _describe_collections(older.get("collections", [])),
                _describe_collections(newer.get("collections", [])),
            )
        )
    return changes
