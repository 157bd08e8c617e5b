"""The legacy import links editions the old site's metadata relates ("translationOf"), and the export writes them back."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from cms.audit.models import AuditEntry
from publications.models import Publication, Status
from tests.factories import PublicationFactory
from tests.factories.legacy import SEED_FILE, SEED_LEGACY_ID, database_state, legacy_page_text, run_import, seed_text

pytestmark = pytest.mark.django_db

ARABIC = {
    "title": "تبادل المبعوثين جزء من تحول واعد في العلاقات بين صربيا وكوسوفو",
    "dek": "اتفقت صربيا وكوسوفو الشهر الماضي على تبادل المبعوثين للمرة الأولى.",
    "paragraphs": ["ستبقى صربيا وكوسوفو جارتين مهما اختلفتا على مسألة الوضع القانوني."],
    "language": "ar",
}
RUSSIAN = {
    "title": "Обмен посланниками: многообещающий сдвиг в отношениях Сербии и Косово",
    "dek": "В прошлом месяце Сербия и Косово впервые договорились обменяться посланниками.",
    "paragraphs": ["Какими бы ни были их разногласия о статусе, Сербия и Косово всегда останутся соседями."],
    "language": "ru",
}


def edition_text(page_id: str, original_id: str = SEED_LEGACY_ID, **text) -> str:
    return legacy_page_text(page_id=page_id, translation_of=original_id, **{**ARABIC, **text})


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def work_of(legacy_id: str) -> dict[str, str]:
    """The editions of the work the page with `legacy_id` belongs to, {language: legacy id}."""
    piece = Publication.objects.get(legacy_id=legacy_id)
    original = piece.translation_of or piece
    editions = {edition.language: edition.legacy_id for edition in original.translations.all()}
    return {original.language: original.legacy_id, **editions}


@pytest.mark.parametrize("edition_file", ["000_arabic.txt", "zzz_arabic.txt"], ids=["edition-first", "original-first"])
def test_an_edition_and_its_original_in_one_batch_are_linked_whatever_their_order(tmp_path, edition_file):
    write(tmp_path, {SEED_FILE.name: seed_text(), edition_file: edition_text("ar-envoys")})

    out, err, status = run_import(tmp_path)

    assert status == 0, err
    assert "2 created, 0 updated, 0 unchanged, 0 failed" in out
    assert work_of("ar-envoys") == {"en": SEED_LEGACY_ID, "ar": "ar-envoys"}
    edition = Publication.objects.get(legacy_id="ar-envoys")
    assert (edition.language, edition.status, edition.awaited_original) == ("ar", Status.PUBLISHED, "")


def test_an_edition_imported_before_its_original_waits_for_it_and_is_linked_by_a_later_batch(tmp_path):
    write(tmp_path / "first", {"arabic.txt": edition_text("ar-envoys")})
    write(tmp_path / "second", {SEED_FILE.name: seed_text()})

    _out, err, status = run_import(tmp_path / "first", "-v", "2")

    assert status == 0, err
    assert (
        f"{tmp_path / 'first' / 'arabic.txt'}: warning: its original (legacy id {SEED_LEGACY_ID}) is not in the CMS "
        "yet: the two are linked as editions of one work when that page is imported"
    ) in err
    edition = Publication.objects.get(legacy_id="ar-envoys")
    assert edition.translation_of is None and edition.is_public

    _out, err, status = run_import(tmp_path / "second", "-v", "2")

    assert status == 0, err
    assert (
        f"{tmp_path / 'second' / SEED_FILE.name}: warning: linked the page with legacy id ar-envoys to this page "
        "as its Arabic edition"
    ) in err
    assert work_of(SEED_LEGACY_ID) == {"en": SEED_LEGACY_ID, "ar": "ar-envoys"}
    assert AuditEntry.objects.filter(
        object_id=str(edition.pk), message__startswith="Linked by the legacy import"
    ).exists()
    # Linked once: importing both again changes nothing.
    before = database_state()
    write(tmp_path / "third", {"arabic.txt": edition_text("ar-envoys"), SEED_FILE.name: seed_text()})
    out, err, status = run_import(tmp_path / "third")
    assert (status, err) == (0, "")
    assert "0 created, 0 updated, 2 unchanged, 0 failed" in out
    assert database_state() == before


def test_a_work_with_several_editions_is_linked_from_its_metadata(tmp_path):
    write(
        tmp_path,
        {
            "arabic.txt": edition_text("ar-envoys"),
            "russian.txt": edition_text("ru-envoys", **RUSSIAN),
            SEED_FILE.name: seed_text(),
        },
    )

    _out, err, status = run_import(tmp_path)

    assert status == 0, err
    assert work_of("ru-envoys") == {"en": SEED_LEGACY_ID, "ar": "ar-envoys", "ru": "ru-envoys"}


@pytest.mark.parametrize(
    ("files", "refused", "reason"),
    [
        (
            {"self.txt": legacy_page_text(page_id="self", translation_of="self", **ARABIC)},
            "self.txt",
            "“translationOf” names the page itself (legacy id self): a page cannot be a translation of itself",
        ),
        (
            {"english.txt": edition_text("en-copy", title="The Same Piece in English", language="en")},
            "english.txt",
            f"“translationOf” names the page with legacy id {SEED_LEGACY_ID}, which cannot take this page as an "
            "edition: The original is in English too: an edition is in another language.",
        ),
        (
            {"a-arabic.txt": edition_text("ar-envoys"), "b-arabic.txt": edition_text("ar-other", title="ترجمة أخرى")},
            "b-arabic.txt",
            "already has an edition in Arabic: open that one instead.",
        ),
        (
            {
                "a-arabic.txt": edition_text("ar-envoys"),
                "b-russian.txt": edition_text("ru-envoys", original_id="ar-envoys", **RUSSIAN),
            },
            "b-russian.txt",
            "is itself an edition of another piece: choose that original instead.",
        ),
    ],
    ids=["itself", "same-language", "second-edition-in-a-language", "edition-of-an-edition"],
)
def test_an_edition_the_original_cannot_take_is_refused_with_the_reason_and_nothing_written(
    tmp_path, files, refused, reason
):
    write(tmp_path / "seed", {SEED_FILE.name: seed_text()})
    run_import(tmp_path / "seed")
    write(tmp_path / "batch", files)
    report = tmp_path / "report.json"

    out, err, status = run_import(tmp_path / "batch", "--report", report)

    assert status == 1
    assert f"{tmp_path / 'batch' / refused}: " in err and reason in err
    assert "1 failed" in out
    refused_entry = next(entry for entry in json.loads(report.read_text()) if entry["path"].endswith(refused))
    assert refused_entry["status"] == "failed"
    refused_title = Publication.objects.filter(legacy_id__in=["self", "en-copy", "ar-other", "ru-envoys"])
    assert not refused_title.exists()


def test_a_translation_of_key_that_is_no_id_is_refused_with_its_line(tmp_path):
    text = edition_text("ar-envoys").replace(f'"translationOf": "{SEED_LEGACY_ID}"', '"translationOf": ["a", "b"]')
    write(tmp_path, {"arabic.txt": text})

    _out, err, status = run_import(tmp_path)

    assert status == 1
    assert f"{tmp_path / 'arabic.txt'}: line 9: “translationOf” must be text or a number, not a list" in err
    assert not Publication.objects.exists()


def test_a_re_import_without_the_key_leaves_a_link_editors_made(tmp_path):
    write(tmp_path / "seed", {SEED_FILE.name: seed_text()})
    run_import(tmp_path / "seed")
    write(tmp_path / "ar", {"arabic.txt": legacy_page_text(page_id="ar-envoys", **ARABIC)})
    run_import(tmp_path / "ar")
    edition = Publication.objects.get(legacy_id="ar-envoys")
    Publication.objects.filter(pk=edition.pk).update(translation_of=Publication.objects.get(legacy_id=SEED_LEGACY_ID))

    _out, err, status = run_import(tmp_path / "ar")

    assert status == 0, err
    assert work_of("ar-envoys") == {"en": SEED_LEGACY_ID, "ar": "ar-envoys"}


def export(outdir: Path) -> dict[str, dict]:
    """Export the site; return each file's metadata by the page's id."""
    call_command("export_legacy", str(outdir), stdout=StringIO(), stderr=StringIO())
    metadata = {}
    for path in outdir.iterdir():
        text = path.read_text(encoding="utf-8")
        meta = json.loads(text[text.index("{") : text.index("}") + 1])
        metadata[meta["id"]] = meta
    return metadata


def test_export_writes_each_editions_language_and_original_and_the_round_trip_changes_nothing(tmp_path):
    write(
        tmp_path / "legacy",
        {
            "arabic.txt": edition_text("ar-envoys"),
            "russian.txt": edition_text("ru-envoys", **RUSSIAN),
            SEED_FILE.name: seed_text(),
        },
    )
    run_import(tmp_path / "legacy")
    before = database_state()

    metadata = export(tmp_path / "exported")

    assert metadata["ar-envoys"]["language"] == "ar"
    assert metadata["ar-envoys"]["translationOf"] == SEED_LEGACY_ID
    assert metadata["ru-envoys"]["translationOf"] == SEED_LEGACY_ID
    assert "translationOf" not in metadata[SEED_LEGACY_ID] and metadata[SEED_LEGACY_ID]["language"] == "en"
    out, err, status = run_import(tmp_path / "exported")
    assert (status, err) == (0, "")
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in out
    assert database_state() == before


def test_export_names_an_original_made_in_the_cms_by_its_export_id_and_a_private_one_not_at_all(tmp_path):
    original = PublicationFactory(status=Status.PUBLISHED, language="en", legacy_id=None)
    PublicationFactory(status=Status.PUBLISHED, language="ar", translation_of=original, legacy_id="ar-public")
    draft = PublicationFactory(status=Status.DRAFT, language="en", legacy_id=None)
    PublicationFactory(status=Status.PUBLISHED, language="ru", translation_of=draft, legacy_id="ru-of-draft")

    metadata = export(tmp_path / "exported")

    assert metadata["ar-public"]["translationOf"] == f"cms-{original.pk}"
    # The draft is not exported, so the edition's file does not point at a page that is not there.
    assert "translationOf" not in metadata["ru-of-draft"]
    assert f"cms-{draft.pk}" not in metadata
