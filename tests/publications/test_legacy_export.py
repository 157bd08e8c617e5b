"""Exporting publications in the old site's format, and the round trip import → export → import."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from publications.legacy.exporter import legacy_export_pages
from publications.legacy.format import parse_legacy_page
from publications.models import Status
from tests.factories import AuthorshipFactory, CenterFactory, DisclaimerFactory, PersonFactory, PublicationFactory
from tests.factories.legacy import SEED_FILE, SEED_LEGACY_ID, database_state, legacy_page_text, run_import, seed_text

pytestmark = pytest.mark.django_db


def export(outdir) -> list[Path]:
    call_command("export_legacy", str(outdir), stdout=StringIO(), stderr=StringIO())
    return sorted(Path(outdir).iterdir())


def write_varied_pages(folder: Path) -> None:
    """The seed page and pages that use every part of the format."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SEED_FILE.name).write_text(seed_text(), encoding="utf-8")
    pages = {
        "several-authors.txt": legacy_page_text(
            title="Vietnam, China and the Army Drill",
            authors=[
                ("Nguyễn Khắc Giang", "Visiting Fellow, Carnegie China", "Nguyễn Khắc Giang studies Vietnam."),
                ("Александр Баунов", "Senior Fellow, Carnegie Russia Eurasia Center", "Баунов пишет о России."),
                ("赵通", "Fellow, Carnegie China", ""),
                ("Jane Roe", "", "Jane Roe is a professor."),
            ],
            date=datetime.date(2025, 7, 14),
            centers=["Carnegie China"],
            primary_center="Carnegie China",
            programs=["Asia Program"],
            projects=["China's Neighborhood"],
            newsletters=["Carnegie Global Briefing", "Strategic Europe Newsletter"],
            other_newsletters=["Carnegie Politika Digest"],
            regions=["Asia", "Southeast Asia"],
            collections=[],
        ),
        "no-authors.txt": legacy_page_text(
            title="Carnegie Announces a New Center", authors=[], type_key="legacypressrelease", source=""
        ),
        "markup.txt": legacy_page_text(
            title='Tags like <script>alert(1)</script> & "quotes"',
            dek="A dek with <b>bold</b> & an ampersand.",
            paragraphs=[
                "<script>alert(1)</script>",
                "Two  spaces\tand a tab & an ampersand &amp; an entity",
                "\u202eRight-to-left override and emoji 👩‍👩‍👧",
                "Q: A question?",
                "A: An answer.",
                "About the Author",
            ],
        ),
        "unknown-type-own-disclaimer.txt": legacy_page_text(
            title="An Op-Ed", type_key="legacy-op-ed", disclaimer="The author's own disclaimer.", source=""
        ),
        "bare.txt": legacy_page_text(title="Only a Title", dek="", source="", image_credit="", topics=[]),
        "source-no-dek.txt": legacy_page_text(title="Outlet Without Dek", dek=""),
    }
    for name, text in pages.items():
        (folder / "more" / name).parent.mkdir(exist_ok=True)
        (folder / "more" / name).write_text(text, encoding="utf-8")


def test_import_export_import_changes_nothing(tmp_path):
    DisclaimerFactory(
        text="<p>Carnegie does not take institutional positions on public policy issues; the views "
        "represented herein are those of the author(s) and do not necessarily reflect the views "
        "of Carnegie, its staff, or its trustees.</p>"
    )
    write_varied_pages(tmp_path / "legacy")
    _out, err, status = run_import(tmp_path / "legacy")
    # The press release without authors fails the publish gate: held as a draft, so not exported.
    assert (status, err) == (
        0,
        f"{tmp_path / 'legacy' / 'more' / 'no-authors.txt'}: held as a draft, not public: Add at least one author.\n",
    )
    before = database_state()

    files = export(tmp_path / "exported")
    out, err, status = run_import(tmp_path / "exported", "--report", tmp_path / "report.json")

    assert len(files) == 6
    assert (status, err) == (0, "")
    assert "0 created, 0 updated, 6 unchanged, 0 failed" in out
    assert database_state() == before


def test_exporting_twice_writes_the_same_files(tmp_path):
    write_varied_pages(tmp_path / "legacy")
    run_import(tmp_path / "legacy")
    first = export(tmp_path / "one")
    run_import(tmp_path / "one")

    second = export(tmp_path / "two")

    assert [f.name for f in first] == [f.name for f in second]
    assert [f.read_bytes() for f in first] == [f.read_bytes() for f in second]


def test_the_export_of_the_seed_reads_like_the_old_sites_file(tmp_path):
    call_command("import_legacy", str(SEED_FILE), stdout=StringIO())

    [path] = export(tmp_path)

    text = path.read_text(encoding="utf-8")
    assert path.name == f"000_{SEED_LEGACY_ID}.txt"
    assert text.startswith(
        'Stefan Lehne\n{\n"id": "9b75ff939e830440",\n"authors": [\n"Stefan Lehne"\n],\n"type": "legacyinthemedia",'
    )
    original, exported = seed_text().split("\n"), text.split("\n")
    start = original.index("}Source: Getty")
    body_end = original.index("About the Author") + 3
    # The export adds two metadata lines, the id and the language (so that neither is guessed again
    # on the way back); from the credit to the bio, the exported page is the original line for line.
    assert '"language": "en",' in exported[: start + 2]
    assert exported[start + 2 : body_end + 2] == original[start:body_end]
    assert exported[body_end + 2 :] == ["Stefan Lehne", "Recent Work", original[-17], "More Work from Carnegie Europe"]
    page = parse_legacy_page(text, file_name=path.name)
    assert page.legacy_id == SEED_LEGACY_ID and page.id_in_metadata


def test_a_piece_written_in_the_cms_exports_its_body_as_one_line_per_paragraph(tmp_path):
    center = CenterFactory(name="Carnegie Europe")
    publication = PublicationFactory(
        published=True,
        primary_center=center,
        publication_date=datetime.date(2024, 3, 1),
        body="<h2>Heading</h2><p>First &amp; <em>second</em>\nline</p><ul><li>One</li><li>Two</li></ul>",
    )
    AuthorshipFactory(publication=publication, person=PersonFactory(name="Rosa Balfour", bio="<p>Rosa &amp; bio.</p>"))

    [path] = export(tmp_path)

    page = parse_legacy_page(path.read_text(encoding="utf-8"), file_name=path.name)
    assert page.legacy_id == f"cms-{publication.pk}"
    assert page.paragraphs == ["Heading", "First & second line", "One", "Two"]
    assert page.date == datetime.date(2024, 3, 1)
    assert [(a.name, a.bio) for a in page.authors] == [("Rosa Balfour", "Rosa & bio.")]
    assert page.type_key == publication.publication_type.label


def test_line_breaks_typed_into_a_title_or_dek_do_not_break_the_file(tmp_path):
    PublicationFactory(published=True, title="A title\r\nin two lines", dek="A dek\rwith\nbreaks")

    [path] = export(tmp_path)

    page = parse_legacy_page(path.read_text(encoding="utf-8"), file_name=path.name)
    assert (page.title, page.dek) == ("A title in two lines", "A dek with breaks")


def test_only_public_pieces_are_exported(tmp_path):
    PublicationFactory(published=True, title="Public piece")
    PublicationFactory(title="Draft piece", status=Status.DRAFT)
    PublicationFactory(title="Unpublished piece", status=Status.UNPUBLISHED)

    files = export(tmp_path)

    assert [parse_legacy_page(f.read_text(), file_name=f.name).title for f in files] == ["Public piece"]


def test_export_file_names_stay_inside_the_folder_whatever_the_id(tmp_path):
    PublicationFactory(published=True, legacy_id="../../outside/x")

    files = export(tmp_path / "out")

    assert [f.name for f in files] == ["000_outside-x.txt"]
    assert not (tmp_path / "outside").exists()


def test_export_never_writes_through_a_link_planted_in_the_folder(tmp_path):
    call_command("import_legacy", str(SEED_FILE), stdout=StringIO())
    target = tmp_path / "elsewhere.txt"
    target.write_text("untouched")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / f"000_{SEED_LEGACY_ID}.txt").symlink_to(target)

    with pytest.raises(CommandError, match="cannot write"):
        call_command("export_legacy", str(tmp_path / "out"), stdout=StringIO())

    assert target.read_text() == "untouched"


def test_exporting_many_pieces_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    center = CenterFactory()
    for _ in range(12):
        publication = PublicationFactory(published=True, primary_center=center)
        AuthorshipFactory(publication=publication)
        AuthorshipFactory(publication=publication)

    # 1 disclaimers + per batch 10 (pieces, bylines, 6 taxonomies, collections, recent work)
    # + 2 for the center's rail + 1 empty batch at the end.
    with django_assert_max_num_queries(14):
        pages = list(legacy_export_pages(batch_size=50))

    assert len(pages) == 12
    assert all(len(page.authors) == 2 and page.authors[0].recent_work == [] for page in pages)
    assert all(len(page.rail_lines) == 15 for page in pages)
