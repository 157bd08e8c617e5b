"""Importing the old site's page files: faithful pages, idempotent runs, nothing half-written."""

import json
import os
import time
import unicodedata
from io import StringIO

import pytest

from cms.audit.models import AuditEntry
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Region, Topic
from people.models import Affiliation, Person
from publications.legacy import importer
from publications.legacy.catalog import LegacyCatalog
from publications.legacy.format import (
    LegacyFormatError,
    html_to_paragraphs,
    iter_legacy_paths,
    parse_legacy_page,
    read_legacy_file,
)
from publications.legacy.importer import import_legacy_file
from publications.management.progress import ProgressBar
from publications.models import Authorship, CollectionItem, Disclaimer, Publication, PublicationType, Status
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    NewsletterFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
)
from tests.factories.legacy import (
    SEED_FILE,
    SEED_LEGACY_ID,
    database_state,
    legacy_page_text,
    publication_audit,
    run_import,
    seed_page,
    seed_text,
)

pytestmark = pytest.mark.django_db

LEHNE_BIO_START = "Stefan Lehne is a senior fellow at Carnegie Europe in Brussels"


def import_text(text, *, path="legacy/page.txt", **kwargs):
    content = text.encode("utf-8") if isinstance(text, str) else text
    return import_legacy_file(path=path, content=content, **kwargs)


def import_seed(**kwargs):
    return import_text(SEED_FILE.read_bytes(), path=f"legacy/{SEED_FILE.name}", **kwargs)


def nothing_written():
    return not any(
        model.objects.exists()
        for model in (Publication, Person, Authorship, Topic, Region, Center, Collection, PublicationType, Disclaimer)
    )


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


# The seed page -------------------------------------------------------------------------------


def test_the_seed_page_imports_and_its_public_page_shows_what_the_old_page_showed(client):
    result = import_seed()

    assert result.status == "created", result.errors
    publication = Publication.objects.get()
    assert result.url == publication.get_absolute_url()
    response = client.get(result.url)
    assert response.status_code == 200
    html = response.content.decode()
    for shown in [
        "Global Insider: Envoy Exchange Part of Promising Shift in Serbia-Kosovo Relations",
        "Serbia and Kosovo agreed last month to exchange envoys for the first time",
        ">Stefan Lehne<",  # byline and bio heading
        "Source: Getty",
        "Source: World Politics Review",
        "<p>WPR: What were the factors that drove Serbia and Kosovo to exchange envoys for the first time?</p>",
        "<p>Stefan Lehne: Whatever their differences on the status issue",
        "Senior Fellow, Carnegie Europe",
        LEHNE_BIO_START,
        "Carnegie does not take institutional positions on public policy issues",
        "Date not recorded",
    ]:
        assert shown in html, shown


def test_the_seed_page_is_published_undated_and_filed_like_the_old_page():
    import_seed()

    publication = Publication.objects.get()
    assert publication.status == Status.PUBLISHED and publication.is_public
    assert publication.publication_date is None
    assert publication.legacy_id == SEED_LEGACY_ID
    assert publication.publication_type.label == "In the Media"
    assert publication.publication_type.legacy_key == "legacyinthemedia"
    assert publication.publication_type.shows_source
    assert publication.primary_center.name == "Carnegie Europe"
    assert {c.name for c in publication.centers.all()} == {
        "Carnegie Endowment for International Peace",
        "Carnegie Europe",
    }
    assert {c.name for c in publication.collections.all()} == {
        "Europe’s Eastern Neighborhood",
        "EU Integration and Enlargement",
    }
    assert {t.name for t in publication.topics.all()} == {"Foreign Policy", "EU", "Political Reform"}
    assert publication.lead_image_credit == "Source: Getty"
    assert publication.source_name == "World Politics Review"
    assert [row.title_line for row in publication.authorships.all()] == ["Senior Fellow, Carnegie Europe"]
    assert len(html_to_paragraphs(publication.body)) == 6


def test_the_recent_work_disclaimer_and_more_work_rail_are_not_imported_as_body_text():
    import_seed()

    body = Publication.objects.get().body
    for left_out in [
        "Recent Work",
        "What Can the EU Do About Trump 2.0?",
        "More Work from",
        "Malaysia’s Year",
        "About the Author",
        "institutional positions",
    ]:
        assert left_out not in body
    assert html_to_paragraphs(body)[-1].startswith("Stefan Lehne: Progress should certainly be achievable")


def test_a_site_with_its_own_disclaimer_shows_it_and_keeps_no_copy_per_piece():
    DisclaimerFactory(text=f"<p>{seed_page().disclaimer}</p>")

    import_seed()

    assert Publication.objects.get().disclaimer_override == ""
    assert Disclaimer.objects.count() == 1


def test_a_page_whose_disclaimer_differs_from_the_sites_keeps_its_own():
    DisclaimerFactory(text="<p>Carnegie China does not take institutional positions.</p>")

    import_text(legacy_page_text(disclaimer="This page's own disclaimer & terms."))

    assert Publication.objects.get().disclaimer_override == "<p>This page's own disclaimer &amp; terms.</p>"


def test_a_site_without_any_disclaimer_gets_the_files_as_its_default():
    result = import_seed()

    assert Disclaimer.objects.get().text.startswith("<p>Carnegie does not take institutional positions")
    assert any("site default" in warning for warning in result.warnings)


# Types, centers and taxonomies -----------------------------------------------------------------


def test_a_legacy_type_name_maps_to_the_content_type_that_carries_it():
    media = PublicationTypeFactory(label="Media Appearance", legacy_key="legacyinthemedia")

    import_seed()

    assert Publication.objects.get().publication_type == media
    assert PublicationType.objects.count() == 1


def test_a_legacy_type_name_finds_a_content_type_by_its_label():
    media = PublicationTypeFactory(label="In the Media")

    import_seed()

    assert Publication.objects.get().publication_type == media


def test_an_unknown_type_is_created_not_dropped():
    result = import_text(legacy_page_text(type_key="legacyoped"))

    created = Publication.objects.get().publication_type
    assert (created.label, created.legacy_key) == ("Oped", "legacyoped")
    assert any("unknown type “legacyoped”" in warning for warning in result.warnings)

    import_text(legacy_page_text(type_key="legacyoped", title="A second op-ed"))
    assert PublicationType.objects.count() == 1


def test_existing_regions_are_matched_by_name_and_missing_ones_created_at_top_level():
    europe = RegionFactory(name="Europe")
    eastern = RegionFactory(name="eastern europe", parent=europe)

    import_seed()

    regions = {region.name: region for region in Region.objects.all()}
    assert set(regions) == {"Europe", "eastern europe", "Western Europe"}
    assert regions["Western Europe"].parent is None
    assert set(Publication.objects.get().regions.all()) == {europe, eastern, regions["Western Europe"]}


def test_taxonomy_terms_are_created_once_for_a_whole_batch(tmp_path):
    for n in range(3):
        (tmp_path / f"page-{n}.txt").write_text(
            legacy_page_text(
                title=f"Piece {n}",
                topics=["Foreign Policy", "Nuclear Policy"],
                programs=["Europe Program"],
                projects=["Strategic Europe"],
                newsletters=["Carnegie Global Briefing"],
                other_newsletters=["Carnegie Politika Digest"],
            ),
            encoding="utf-8",
        )

    run_import(tmp_path)

    assert Topic.objects.filter(name="Nuclear Policy").count() == 1
    assert Program.objects.get().publications.count() == 3
    assert Newsletter.objects.get(name="Carnegie Global Briefing").language == "en"
    assert Newsletter.objects.get(name="Carnegie Politika Digest").publications.count() == 3
    assert Center.objects.filter(name="Carnegie Europe").count() == 1


def test_imported_pieces_join_the_end_of_a_curated_collection():
    collection = Collection.objects.create(name="EU Integration and Enlargement")
    earlier = PublicationFactory(published=True)
    CollectionItem.objects.create(collection=collection, publication=earlier, position=4)

    import_seed()

    item = CollectionItem.objects.get(collection=collection, publication__legacy_id=SEED_LEGACY_ID)
    assert item.position == 5


PROGRAMME_AFFILIATION = "Democracy, Conflict, and Governance Program; Technology and International Affairs Program"


def with_text_fields(text: str, **values: str) -> str:
    """The page with the metadata's "…All" text fields set as the old exporter wrote them."""
    for key, value in values.items():
        text = text.replace(f'"{key}": ""', f'"{key}": {json.dumps(value, ensure_ascii=False)}', 1)
    return text


def test_names_with_commas_stay_whole_in_every_list_field():
    text = with_text_fields(
        legacy_page_text(
            authors=[
                ("John Smith, Jr.", "Senior Fellow, Carnegie Europe", "John Smith, Jr. writes on Europe."),
                ("Jane Roe", "Professor, University of Vienna", "Jane Roe teaches law."),
            ],
            centers=["Carnegie Europe", "Carnegie Endowment for International Peace, Washington"],
            collections=["War, Peace, and Diplomacy"],
            regions=["Europe, Middle East, and Africa"],
            topics=["Democracy, Governance, and Rule of Law", "EU"],
            programs=["Sustainability, Climate, and Geopolitics Program"],
            projects=["Arms, Trade, and Security"],
        ),
        centerAffiliationAll="Malcolm H. Kerr Carnegie Middle East Center, Beirut; Carnegie Europe",
        programAffiliation=PROGRAMME_AFFILIATION,
        englishNewsletterAll="Strategic Europe, Weekly; Carnegie Politika, in English",
        nonEnglishNewsletterAll="Carnegie Politika, по-русски",
    )

    result = import_text(text)

    assert result.status == "created", result.errors
    publication = Publication.objects.get()
    assert {c.name for c in publication.centers.all()} == {
        "Carnegie Europe",
        "Carnegie Endowment for International Peace, Washington",
        "Malcolm H. Kerr Carnegie Middle East Center, Beirut",
    }
    assert {p.name for p in publication.programs.all()} == {
        "Sustainability, Climate, and Geopolitics Program",
        "Democracy, Conflict, and Governance Program",
        "Technology and International Affairs Program",
    }
    assert {n.name for n in publication.newsletters.all()} == {
        "Strategic Europe, Weekly",
        "Carnegie Politika, in English",
        "Carnegie Politika, по-русски",
    }
    assert [r.name for r in publication.regions.all()] == ["Europe, Middle East, and Africa"]
    assert {t.name for t in publication.topics.all()} == {"Democracy, Governance, and Rule of Law", "EU"}
    assert [p.name for p in publication.projects.all()] == ["Arms, Trade, and Security"]
    assert list(Collection.objects.values_list("name", flat=True)) == ["War, Peace, and Diplomacy"]
    assert [(row.person.name, row.person.bio) for row in Authorship.objects.order_by("position")] == [
        ("John Smith, Jr.", "<p>John Smith, Jr. writes on Europe.</p>"),
        ("Jane Roe", "<p>Jane Roe teaches law.</p>"),
    ]
    assert not any("byline" in warning for warning in result.warnings)


def test_a_programme_name_with_commas_finds_the_programme_the_site_already_has():
    programme = Program.objects.create(name="Democracy, Conflict, and Governance Program")

    import_text(with_text_fields(legacy_page_text(), programAffiliation=PROGRAMME_AFFILIATION))

    assert Program.objects.count() == 2
    assert programme in Publication.objects.get().programs.all()
    assert not Program.objects.filter(name__in=["Democracy", "Conflict", "and Governance Program"]).exists()


def test_names_with_commas_are_exported_and_read_back_whole():
    from publications.legacy.format import format_legacy_page

    page = parse_legacy_page(
        with_text_fields(
            legacy_page_text(),
            englishNewsletterAll="Strategic Europe, Weekly; Carnegie Politika, in English",
            programAffiliation=PROGRAMME_AFFILIATION,
        )
    )

    again = parse_legacy_page(format_legacy_page(page))

    assert again.newsletters == ["Strategic Europe, Weekly", "Carnegie Politika, in English"]
    assert again.programs == [
        "Democracy, Conflict, and Governance Program",
        "Technology and International Affairs Program",
    ]


# People ----------------------------------------------------------------------------------------


def test_people_are_matched_by_name_whatever_the_case_or_accents_encoding():
    giang = PersonFactory(name=unicodedata.normalize("NFD", "Nguyễn Khắc Giang"), bio="<p>Written by editors.</p>")

    import_text(legacy_page_text(authors=[("NGUYỄN KHẮC GIANG", "Visiting Fellow, Carnegie China", "A bio.")]))

    assert Person.objects.get() == giang
    assert [a.person for a in Authorship.objects.all()] == [giang]


def test_a_new_author_gets_a_profile_with_the_title_line_and_bio_of_the_page():
    CenterFactory(name="Carnegie Europe", slug="carnegie-europe")

    import_seed()

    lehne = Person.objects.get()
    assert lehne.name == "Stefan Lehne"
    assert lehne.slug == "stefan-lehne"
    assert lehne.kind == Person.Kind.EXPERT
    assert lehne.title_line == "Senior Fellow, Carnegie Europe"
    assert lehne.affiliations.get().center.name == "Carnegie Europe"
    assert lehne.bio.startswith(f"<p>{LEHNE_BIO_START}")


def test_an_author_from_outside_carnegie_is_an_outside_contributor():
    import_text(legacy_page_text(authors=[("Jane Roe", "Professor, University of Vienna", "Jane Roe teaches law.")]))

    assert Person.objects.get().kind == Person.Kind.CONTRIBUTOR


def test_a_bio_edited_in_the_cms_is_not_overwritten_by_a_later_import():
    import_seed()
    lehne = Person.objects.get()
    lehne.bio = "<p>Stefan Lehne, as the editors now describe him.</p>"
    lehne.save()

    result = import_text(
        legacy_page_text(authors=[("Stefan Lehne", "Senior Fellow, Carnegie Europe", "A newer bio.")]), path="other.txt"
    )

    lehne.refresh_from_db()
    assert lehne.bio == "<p>Stefan Lehne, as the editors now describe him.</p>"
    assert "kept Stefan Lehne's bio as it is in the CMS, where it was written or changed" in result.warnings


def test_a_bio_nobody_edited_follows_the_newest_file():
    import_seed()

    import_text(legacy_page_text(authors=[("Stefan Lehne", "Senior Fellow, Carnegie Europe", "A newer bio.")]))

    assert Person.objects.get().bio == "<p>A newer bio.</p>"


def test_an_existing_title_line_is_left_to_editors_but_the_byline_keeps_the_title_of_the_page():
    lehne = PersonFactory(name="Stefan Lehne", title_line="Nonresident Scholar, Carnegie Europe")

    import_seed()

    assert list(Affiliation.objects.filter(person=lehne).values_list("title_line", flat=True)) == [
        "Nonresident Scholar, Carnegie Europe"
    ]
    assert Authorship.objects.get().title_line == "Senior Fellow, Carnegie Europe"


def test_names_with_diacritics_and_in_other_scripts_become_people_with_readable_slugs(client):
    names = ["Nguyễn Khắc Giang", "Александр Баунов", "مهى يحيى", "赵通"]
    text = legacy_page_text(authors=[(name, "Fellow, Carnegie China", f"{name} writes.") for name in names])

    result = import_text(text)

    assert result.status == "created", result.errors
    people = {person.name: person for person in Person.objects.all()}
    assert set(people) == set(names)
    assert people["Nguyễn Khắc Giang"].slug == "nguyen-khac-giang"
    assert all(person.slug for person in people.values())
    assert [row.person.name for row in Authorship.objects.order_by("position")] == names
    html = client.get(result.url).content.decode()
    assert all(name in html for name in names)
    assert client.get(people["Александр Баунов"].get_absolute_url()).status_code == 200


def test_the_same_author_twice_in_one_file_is_kept_once():
    text = legacy_page_text(
        authors=[
            ("Stefan Lehne", "Senior Fellow, Carnegie Europe", "Bio one."),
            ("Elina Noor", "Senior Fellow, Carnegie China", "Bio two."),
            ("Stefan Lehne", "Senior Fellow, Carnegie Europe", "Bio one."),
        ]
    )

    result = import_text(text)

    assert result.status == "created"
    assert [row.person.name for row in Authorship.objects.order_by("position")] == ["Stefan Lehne", "Elina Noor"]
    assert any("listed twice" in warning for warning in result.warnings)


def test_when_the_byline_disagrees_the_metadata_the_about_section_confirms_wins_with_a_warning():
    text = seed_text().replace("Stefan Lehne\n{", "Stefan Lehne and Someone Else\n{", 1)

    result = import_text(text)

    assert [p.name for p in Person.objects.all()] == ["Stefan Lehne"]
    assert result.warnings[0].startswith("line 1: the byline “Stefan Lehne and Someone Else” differs")


LEHNE = ("Stefan Lehne", "Senior Fellow, Carnegie Europe", "Stefan Lehne writes on the EU.")
NOOR = ("Elina Noor", "Senior Fellow, Carnegie China", "Elina Noor writes on Southeast Asia.")
BALFOUR = ("Rosa Balfour", "Director, Carnegie Europe", "Rosa Balfour writes on Europe.")


def with_metadata_authors(text: str, *names: str) -> str:
    """The page with the metadata's authors replaced, byline and About section left as they are."""
    start = text.index('"authors": [')
    end = text.index("]", start) + 1
    return text[:start] + '"authors": ' + json.dumps(list(names), indent=0, ensure_ascii=False) + text[end:]


def test_each_author_gets_the_title_line_and_bio_of_the_block_that_names_them_when_byline_and_metadata_disagree():
    # The page shows Noor first; the metadata lists Lehne first.
    text = with_metadata_authors(legacy_page_text(authors=[NOOR, LEHNE]), "Stefan Lehne", "Elina Noor")

    result = import_text(text)

    assert result.status == "created", result.errors
    people = {person.name: person for person in Person.objects.all()}
    assert people["Stefan Lehne"].bio == "<p>Stefan Lehne writes on the EU.</p>"
    assert people["Elina Noor"].bio == "<p>Elina Noor writes on Southeast Asia.</p>"
    assert people["Elina Noor"].title_line == "Senior Fellow, Carnegie China"
    assert [(row.person.name, row.title_line) for row in Authorship.objects.order_by("position")] == [
        ("Stefan Lehne", "Senior Fellow, Carnegie Europe"),
        ("Elina Noor", "Senior Fellow, Carnegie China"),
    ]
    assert any(
        warning.startswith("line 1: the byline “Elina Noor, Stefan Lehne” differs") for warning in result.warnings
    )


def test_a_file_whose_byline_metadata_and_about_section_disagree_is_refused_naming_both_lists():
    text = with_metadata_authors(legacy_page_text(authors=[LEHNE, BALFOUR]), "Stefan Lehne", "Elina Noor")

    result = import_text(text)

    assert result.status == "failed"
    [error] = result.errors
    assert error.startswith("line 1: the authors cannot be reconciled")
    assert "the byline reads “Stefan Lehne, Rosa Balfour”" in error
    assert "the metadata's authors are “Stefan Lehne”, “Elina Noor”" in error
    assert nothing_written()


def test_a_bio_is_not_given_to_an_author_its_block_does_not_name_even_when_byline_and_metadata_agree():
    text = legacy_page_text(authors=[NOOR]).replace("Elina Noor\n{", "Stefan Lehne\n{", 1)
    text = with_metadata_authors(text, "Stefan Lehne")

    result = import_text(text)

    assert result.status == "failed"
    assert "“About the Author(s)” names “Elina Noor”" in result.errors[0]
    assert "the metadata's authors are “Stefan Lehne”" in result.errors[0]
    assert nothing_written()


def without_recent_work(text: str) -> str:
    """The page as older exports wrote it: "About the Author" blocks without their name lines."""
    lines = text.split("\n")
    about = lines.index("About the Author")
    closing = lines.index("Recent Work")
    return "\n".join(lines[: about + 3] + lines[closing + 1 :])


def test_without_name_lines_a_byline_that_disagrees_with_the_metadata_is_refused():
    text = without_recent_work(seed_text()).replace("Stefan Lehne\n{", "Elina Noor\n{", 1)

    result = import_text(text)

    assert result.status == "failed"
    assert "the byline reads “Elina Noor”, the metadata's authors are “Stefan Lehne”" in result.errors[0]
    assert nothing_written()


def test_without_name_lines_blocks_follow_the_byline_when_it_agrees_with_the_metadata():
    result = import_text(without_recent_work(seed_text()))

    assert result.status == "created", result.errors
    assert Person.objects.get().bio.startswith(f"<p>{LEHNE_BIO_START}")


def test_title_lines_and_bios_written_before_each_authors_recent_work_are_read_by_name():
    grouped = legacy_page_text(authors=[LEHNE, NOOR]).split("\n")
    about = grouped.index("About the Authors")
    lehne_pair, noor_pair = grouped[about + 1 : about + 3], grouped[about + 3 : about + 5]
    first_close = grouped.index("Recent Work")
    second_close = grouped.index("Recent Work", first_close + 1)
    interleaved = (
        grouped[: about + 1]
        + lehne_pair
        + grouped[about + 5 : first_close + 1]
        + noor_pair
        + grouped[first_close + 1 :]
    )
    assert interleaved[second_close] == "Recent Work"

    page = parse_legacy_page("\n".join(interleaved))

    assert [(a.name, a.title_line, a.bio) for a in page.authors] == [LEHNE, NOOR]
    assert page.disclaimer.startswith("Carnegie does not take institutional positions")


def test_a_block_without_recent_work_goes_to_the_author_its_bio_names_and_never_by_position():
    lines = legacy_page_text(authors=[BALFOUR, ("Elina Noor", "Senior Fellow, Carnegie China", "She writes."), LEHNE])
    lines = lines.split("\n")
    about = lines.index("About the Authors")
    pairs = lines[about + 1 : about + 7]
    lehne_list_start = lines.index("Recent Work", lines.index("Recent Work") + 1) + 1
    # Balfour and Noor have no recent work, so only Lehne's block, the last, has a name line.
    text = "\n".join(lines[: about + 1] + pairs + lines[lehne_list_start:])

    result = import_text(text)

    assert result.status == "created", result.errors
    people = {person.name: person for person in Person.objects.all()}
    assert people["Rosa Balfour"].bio == "<p>Rosa Balfour writes on Europe.</p>"
    assert people["Stefan Lehne"].bio == "<p>Stefan Lehne writes on the EU.</p>"
    assert people["Elina Noor"].bio == ""
    assert "no title line and bio in “About the Author(s)” is Elina Noor's: imported without them" in result.warnings


def test_when_only_some_authors_have_a_name_line_a_bio_that_names_nobody_is_left_out_not_guessed():
    lehne = ("Stefan Lehne", "Senior Fellow, Carnegie Europe", "He writes on the EU.")
    lines = legacy_page_text(authors=[lehne, BALFOUR]).split("\n")
    first_close = lines.index("Recent Work")
    # Balfour has no recent work: her name line and "Recent Work" are missing.
    text = "\n".join(lines[: first_close + 1] + lines[first_close + 3 :])

    result = import_text(text)

    assert result.status == "created", result.errors
    people = {person.name: person for person in Person.objects.all()}
    assert people["Rosa Balfour"].bio == "<p>Rosa Balfour writes on Europe.</p>"
    assert people["Stefan Lehne"].bio == ""
    assert any("(title line “Senior Fellow, Carnegie Europe”) names none of the authors" in w for w in result.warnings)


# Idempotence -----------------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing():
    import_seed()
    before = database_state()

    result = import_seed()

    assert result.status == "unchanged"
    assert result.url == Publication.objects.get().get_absolute_url()
    assert database_state() == before


def test_a_changed_file_updates_its_publication_and_makes_no_duplicate():
    import_seed()
    publication = Publication.objects.get()
    changed = legacy_page_text(
        dek="A sharper dek.",
        topics=["Foreign Policy", "Security"],
        paragraphs=["A new first paragraph.", *seed_page().paragraphs],
    )

    result = import_text(changed, path=f"legacy/{SEED_FILE.name}")

    assert result.status == "updated"
    updated = Publication.objects.get()
    assert updated.pk == publication.pk and updated.slug == publication.slug
    assert updated.dek == "A sharper dek."
    assert updated.version == publication.version + 1
    assert {t.name for t in updated.topics.all()} == {"Foreign Policy", "Security"}
    assert html_to_paragraphs(updated.body)[0] == "A new first paragraph."
    assert list(publication_audit().values_list("action", flat=True)) == ["edit", "create"]


def test_readers_see_a_changed_file_at_once_even_with_the_page_cached(client, django_capture_on_commit_callbacks):
    result = import_seed()
    assert "Serbia and Kosovo agreed last month" in client.get(result.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        import_text(legacy_page_text(dek="A sharper dek."), path=f"legacy/{SEED_FILE.name}")

    html = client.get(result.url).content.decode()
    assert "A sharper dek." in html
    assert "Serbia and Kosovo agreed last month" not in html


def test_an_id_key_in_the_metadata_identifies_the_page_whatever_the_file_is_called():
    import_text(legacy_page_text(page_id="page-42"), path="a.txt")

    result = import_text(legacy_page_text(page_id="page-42", title="A corrected title"), path="renamed.txt")

    assert result.status == "updated"
    assert Publication.objects.get().legacy_id == "page-42"


def test_without_an_id_a_page_is_known_by_its_type_title_and_authors():
    first = import_text(legacy_page_text(), path="one.txt")
    again = import_text(legacy_page_text(), path="two.txt")
    other = import_text(legacy_page_text(title="Another piece"), path="three.txt")

    assert (first.status, again.status, other.status) == ("created", "unchanged", "created")
    assert Publication.objects.count() == 2
    assert len(first.legacy_id) == 16


def test_a_piece_unpublished_in_the_cms_stays_unpublished_when_imported_again():
    import_seed()
    Publication.objects.update(status=Status.UNPUBLISHED)

    result = import_seed()

    assert Publication.objects.get().status == Status.UNPUBLISHED
    assert any("unpublished in the CMS" in warning for warning in result.warnings)


@pytest.mark.parametrize("changed_first", [True, False], ids=["changed file first", "changed file last"])
def test_two_files_claiming_one_page_with_different_content_are_both_refused_whatever_their_order(
    tmp_path, changed_first
):
    original, changed = legacy_page_text(page_id="same"), legacy_page_text(page_id="same", dek="Different.")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(changed if changed_first else original, encoding="utf-8")
    b.write_text(original if changed_first else changed, encoding="utf-8")
    (tmp_path / "c.txt").write_text(legacy_page_text(title="Another piece"), encoding="utf-8")
    report = tmp_path / "report.json"

    out, err, status = run_import(tmp_path, "--report", report)

    assert status == 1
    assert list(Publication.objects.values_list("title", flat=True)) == ["Another piece"]
    assert f"{a}: the same page (legacy id same) as {b}, with different content: none of these files is imported" in err
    assert f"{b}: the same page (legacy id same) as {a}, with different content: none of these files is imported" in err
    assert "1 created, 0 updated, 0 unchanged, 2 failed" in out
    assert [entry["status"] for entry in json.loads(report.read_text(encoding="utf-8"))] == [
        "failed",
        "failed",
        "created",
    ]


def test_the_same_page_twice_word_for_word_in_one_batch_is_imported_once(tmp_path):
    (tmp_path / "a.txt").write_text(legacy_page_text(page_id="same"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(legacy_page_text(page_id="same").replace("\n", "\r\n"), encoding="utf-8")

    out, err, status = run_import(tmp_path, "-v", "2")

    assert status == 0, err
    assert Publication.objects.count() == 1
    assert "1 created, 0 updated, 1 unchanged, 0 failed" in out
    assert (
        f"{tmp_path / 'b.txt'}: warning: the same page as {tmp_path / 'a.txt'} (legacy id same), word for word" in err
    )


def test_files_of_one_page_are_refused_by_the_service_too_once_the_batch_is_surveyed():
    files = {"a.txt": legacy_page_text(page_id="same"), "b.txt": legacy_page_text(page_id="same", title="Changed")}
    catalog = LegacyCatalog()
    for path, text in files.items():
        importer.survey_legacy_file(path=path, content=text.encode(), catalog=catalog)

    results = [import_text(text, path=path, catalog=catalog) for path, text in reversed(files.items())]

    assert [result.status for result in results] == ["failed", "failed"]
    assert "as a.txt, with different content" in results[0].errors[0]
    assert not Publication.objects.exists()


# Dates -----------------------------------------------------------------------------------------


def test_a_date_key_in_the_metadata_sets_the_publication_date():
    import datetime

    import_text(legacy_page_text(date=datetime.date(2013, 5, 8)))

    assert Publication.objects.get().publication_date == datetime.date(2013, 5, 8)


def test_a_file_without_a_date_keeps_a_date_editors_have_since_recorded():
    import datetime

    import_seed()
    Publication.objects.update(publication_date=datetime.date(2013, 5, 8))

    assert import_seed().status == "unchanged"
    assert Publication.objects.get().publication_date == datetime.date(2013, 5, 8)


def test_undated_imports_sort_after_dated_pieces():
    dated = PublicationFactory(published=True)
    import_seed()

    assert list(Publication.objects.published().newest_first())[-1].legacy_id == SEED_LEGACY_ID
    assert list(Publication.objects.published().newest_first())[0] == dated


# Markup ----------------------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</title><script>alert(2)</script>",
    "{{7*7}}",
]


def test_markup_written_as_text_shows_as_text_and_never_runs(client):
    text = legacy_page_text(
        title=f"Title {PAYLOADS[2]}",
        dek=f"Dek {PAYLOADS[1]}",
        image_credit=f"Source: {PAYLOADS[1]}",
        paragraphs=[f"Body {payload}" for payload in PAYLOADS],
        authors=[("Stefan Lehne", f"Fellow {PAYLOADS[1]}", f"Bio {PAYLOADS[0]}")],
    )

    result = import_text(text)

    publication = Publication.objects.get()
    assert "<script>" not in publication.body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in publication.body
    html = client.get(result.url).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Body {{7*7}}" in html


# Bad input -------------------------------------------------------------------------------------

SEED = SEED_FILE.read_text(encoding="utf-8")
CENTER_AFFILIATION_KEY = '"centerAffiliationAll"'
TOPICS_KEY = '"topics"'


def cut(fragment: str) -> str:
    """The seed page cut off just before `fragment`."""
    return SEED[: SEED.index(fragment)]


BAD_FILES = {
    "not UTF-8": (
        SEED.encode("utf-8").replace(b"agreed last month", b"agr\xe9ed last month", 1),
        f"line {line_of(SEED, 'Serbia and Kosovo agreed')}: the file is not UTF-8 text (byte 0xe9)",
    ),
    "Windows-1252": (SEED.encode("cp1252", errors="replace"), "the file is not UTF-8 text"),
    "empty": (b"", "the file is empty"),
    "only blank lines": (b"\n \r\n\n", "the file is empty"),
    "JSON missing": ("Stefan Lehne\nGlobal Insider\nDek\n\nBody\n", "line 2: the metadata is missing"),
    "nothing after the byline": ("Stefan Lehne\n", "line 1: the metadata is missing"),
    "JSON malformed": (
        SEED.replace('"type": "legacyinthemedia",', '"type": "legacyinthemedia"', 1),
        f"line {line_of(SEED, CENTER_AFFILIATION_KEY)}: the metadata is not valid JSON",
    ),
    "JSON not an object": (
        'Stefan Lehne\n["Stefan Lehne"]\nTitle\n',
        "line 2: the metadata must be a JSON object ({…}), not a list",
    ),
    "JSON a bare string": ('Stefan Lehne\n"Stefan Lehne"\nTitle\n', "line 2: the metadata is missing"),
    "a string where a list is expected": (
        SEED.replace('"topics": [\n"Foreign Policy",\n"EU",\n"Political Reform"\n]', '"topics": "Foreign Policy"', 1),
        f"line {line_of(SEED, TOPICS_KEY)}: “topics” must be a list of names, not text",
    ),
    "a number among the authors": (
        SEED.replace('"authors": [\n"Stefan Lehne"\n]', '"authors": [\n42\n]', 1),
        "“authors” item 1 must be a name, not a number",
    ),
    "missing keys": (
        SEED.replace('"programs": [],\n"projects": [],\n', "", 1),
        "line 2: the metadata lacks “programs”, “projects”",
    ),
    "a key twice": (
        SEED.replace('"programs": [],', '"programs": [],\n"programs": ["X"],', 1),
        "the key “programs” twice",
    ),
    "no type": (SEED.replace('"type": "legacyinthemedia"', '"type": ""', 1), "the metadata has no “type”"),
    "an id that is a path": (
        SEED.replace('{\n"authors"', '{\n"id": "../../etc/passwd",\n"authors"', 1),
        "line 3: “id” may only hold letters, digits, dots, dashes and underscores",
    ),
    "a date that is not a date": (
        SEED.replace('{\n"authors"', '{\n"date": "May 2013",\n"authors"', 1),
        "“date” must be a date",
    ),
    "no title": (
        SEED.replace("}Source: Getty\nGlobal Insider", "}Source: Getty\n\nGlobal Insider", 1),
        "the title is missing",
    ),
    "no blank line before the body": (
        SEED.replace("World Politics Review\n\n", "World Politics Review\n", 1),
        "expected one blank line",
    ),
    "cut off in the metadata": (
        cut('"regions"'),
        "the metadata stops before its closing brace: the file looks cut off",
    ),
    "cut off in the body": (cut("WPR: From the EU"), "the file ends before “About the Author(s)”: it looks cut off"),
    "cut off in the bios": (cut("Stefan Lehne is a senior fellow"), "it looks cut off"),
    "cut off in the recent work": (cut("Can the EU Meet"), "the file looks cut off"),
    "cut off before the disclaimer": (
        cut("Carnegie does not take"),
        "the file ends before the disclaimer: it looks cut off",
    ),
    "a NUL character": (
        SEED.replace("WPR: What were", "WPR:\x00 What were", 1),
        f"line {line_of(SEED, 'WPR: What were')}: the file contains a NUL character",
    ),
    "nested 100,000 deep": (
        'Stefan Lehne\n{"authors": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        "the metadata is nested too deeply",
    ),
    "a title too long for the site": (
        SEED.replace("Global Insider: Envoy", "Global Insider: " + "Envoy " * 60, 1),
        "field title is 4",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_with_a_reason_and_writes_nothing(case):
    content, reason = BAD_FILES[case]

    started = time.monotonic()
    result = import_text(content)

    assert time.monotonic() - started < 5
    assert result.status == "failed"
    assert result.url is None
    assert len(result.errors) == 1 and reason in result.errors[0], result.errors
    assert nothing_written()


def test_unknown_extra_metadata_keys_are_ignored_with_a_warning():
    text = SEED.replace(
        '{\n"authors"', '{\n"legacyUrl": "https://carnegieendowment.org/x",\n"views": [1, 2],\n"authors"', 1
    )

    result = import_text(text)

    assert result.status == "created"
    assert "line 3: ignored the unknown metadata key “legacyUrl”" in result.warnings
    assert "line 4: ignored the unknown metadata key “views”" in result.warnings


@pytest.mark.parametrize(
    "variant",
    [
        lambda text: text + "\n",
        lambda text: text + "\n\n\n",
        lambda text: text.replace("\n", "\r\n"),
        lambda text: "\ufeff" + text,
        lambda text: unicodedata.normalize("NFD", text),
    ],
    ids=["trailing newline", "trailing blank lines", "CRLF", "BOM", "decomposed accents"],
)
def test_harmless_variations_of_a_file_import_as_the_same_page(variant):
    import_seed()
    before = database_state()

    result = import_text(variant(SEED), path=f"legacy/{SEED_FILE.name}")

    assert result.status == "unchanged", result.errors
    assert database_state() == before


def test_a_failure_late_in_a_file_rolls_back_everything_that_file_wrote(monkeypatch):
    def broken_audit(**kwargs):
        raise importer.DatabaseError("disk full")

    monkeypatch.setattr(importer, "record_audit", broken_audit)
    catalog = LegacyCatalog()

    result = import_text(legacy_page_text(topics=["Brand New Topic"]), catalog=catalog)

    assert result.status == "failed" and "disk full" in result.errors[0]
    assert nothing_written()
    monkeypatch.undo()
    # The run's catalog forgot the rolled-back rows, so the next file creates them afresh.
    assert import_text(legacy_page_text(topics=["Brand New Topic"]), catalog=catalog).status == "created"
    assert Publication.objects.get().topics.get().name == "Brand New Topic"


def test_duplicate_titles_get_distinct_slugs_never_an_integrity_error():
    PublicationFactory(title="Café Diplomacy", slug="cafe-diplomacy")
    titles = ["Café Diplomacy", unicodedata.normalize("NFD", "CAFÉ Diplomacy"), "café diplomacy"]

    results = [import_text(legacy_page_text(title=title, page_id=f"cafe-{n}")) for n, title in enumerate(titles)]

    assert [r.status for r in results] == ["created"] * 3
    assert sorted(Publication.objects.values_list("slug", flat=True)) == [
        "cafe-diplomacy",
        "cafe-diplomacy-2",
        "cafe-diplomacy-3",
        "cafe-diplomacy-4",
    ]


def test_a_dry_run_reports_what_would_happen_and_writes_nothing():
    result = import_seed(dry_run=True)

    assert (result.status, result.url, result.errors) == ("created", None, [])
    assert nothing_written()


def test_a_dry_run_of_a_changed_file_reports_an_update_without_making_it():
    import_seed()
    before = database_state()

    result = import_text(legacy_page_text(dek="New dek."), path=f"legacy/{SEED_FILE.name}", dry_run=True)

    assert result.status == "updated"
    assert result.url == Publication.objects.get().get_absolute_url()
    assert database_state() == before


# Reading files ---------------------------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk

    with pytest.raises(LegacyFormatError, match="the file is 50.0 MB; a legacy page is at most 10 MB"):
        read_legacy_file(str(path))


def test_a_1_gb_file_is_refused_quickly(tmp_path):
    path = tmp_path / "dump.txt"
    with open(path, "wb") as handle:
        handle.truncate(1024 * 1024 * 1024)
    started = time.monotonic()

    _out, err, status = run_import(path)

    assert time.monotonic() - started < 10  # reading it would take far longer
    assert status == 1
    assert f"{path}: the file is 1024.0 MB" in err


def test_symbolic_links_missing_files_and_other_files_are_reported_or_skipped(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(SEED, encoding="utf-8")
    root = tmp_path / "export"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "000_9b75ff939e830440.txt").write_text(SEED, encoding="utf-8")
    (root / "link.txt").symlink_to(outside)
    (root / "linked-folder").symlink_to(tmp_path)
    (root / "notes.md").write_text("not a page", encoding="utf-8")
    (root / ".hidden.txt").write_text("not a page", encoding="utf-8")

    found = list(iter_legacy_paths([str(root), str(tmp_path / "missing.txt"), str(root / "link.txt")]))

    assert found == [
        (str(root / "linked-folder"), "is a symbolic link; links are not followed"),
        (str(root / "link.txt"), "is a symbolic link; links are not followed"),
        (str(root / "sub" / "000_9b75ff939e830440.txt"), None),
        (str(tmp_path / "missing.txt"), "no such file or folder"),
        (str(root / "link.txt"), "is a symbolic link; links are not followed"),
    ]


def test_a_link_swapped_in_after_the_walk_is_still_not_followed(tmp_path):
    target = tmp_path / "secret.txt"
    target.write_text(SEED, encoding="utf-8")
    (tmp_path / "page.txt").symlink_to(target)

    with pytest.raises(LegacyFormatError, match="symbolic link"):
        read_legacy_file(str(tmp_path / "page.txt"))


def test_a_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")

    with pytest.raises(LegacyFormatError, match="not a regular file"):
        read_legacy_file(str(tmp_path / "pipe.txt"))


# The command -----------------------------------------------------------------------------------


def test_file_37_of_50_fails_alone_and_the_report_and_exit_status_name_it(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    for n in range(1, 51):
        text = legacy_page_text(title=f"Piece number {n}")
        if n == 37:
            text = text[: text.index("About the Author")]
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    report = tmp_path / "report.json"

    out, err, status = run_import(folder, "--report", report)

    assert status == 1
    assert Publication.objects.count() == 49
    assert not Publication.objects.filter(title="Piece number 37").exists()
    last_line = line_of(SEED, "About the Author") - 1
    assert err.splitlines()[0] == (
        f"{folder / '037.txt'}: line {last_line}: the file ends before “About the Author(s)”: it looks cut off"
    )
    assert "50 files" in out and "49 created, 0 updated, 0 unchanged, 1 failed" in out
    entries = json.loads(report.read_text(encoding="utf-8"))
    assert len(entries) == 50
    assert [e["path"] for e in entries if e["status"] == "failed"] == [str(folder / "037.txt")]
    assert set(entries[0]) >= {"path", "status", "url", "errors"}
    assert entries[0]["url"].startswith("/publications/piece-number-1/")
    assert entries[36]["url"] is None and "cut off" in entries[36]["errors"][0]


def test_a_second_run_reports_everything_unchanged_and_exits_0(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(legacy_page_text(title=f"Piece {n}"), encoding="utf-8")
    run_import(tmp_path)

    out, err, status = run_import(tmp_path)

    assert (status, err) == (0, "")
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in out


def test_the_command_dry_run_writes_nothing_and_says_so(tmp_path):
    (tmp_path / "000_9b75ff939e830440.txt").write_text(SEED, encoding="utf-8")
    report = tmp_path / "report.json"

    out, _err, status = run_import(tmp_path, "--dry-run", "--report", report)

    assert status == 0
    assert "Dry run, nothing written" in out and "1 created" in out
    assert json.loads(report.read_text())[0]["status"] == "created"
    assert nothing_written()


def test_a_missing_path_fails_the_run_with_its_name(tmp_path):
    _out, err, status = run_import(tmp_path / "nope")

    assert status == 1
    assert f"{tmp_path / 'nope'}: no such file or folder" in err


def test_an_unwritable_report_stops_before_anything_is_imported(tmp_path):
    (tmp_path / "page.txt").write_text(SEED, encoding="utf-8")

    _out, _err, status = run_import(tmp_path, "--report", tmp_path / "missing-folder" / "report.json")

    assert status == 1
    assert nothing_written()


def test_the_progress_bar_draws_on_a_terminal_only():
    class Terminal(StringIO):
        def isatty(self):
            return True

    terminal, pipe = Terminal(), StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(stream, 200)
        bar.update(50, failed=2, force=True)
        bar.clear()

    assert "[#######-----------------------] 50/200 files · 2 failed" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_every_import_is_in_the_audit_log_as_the_system():
    import_seed()

    entry = publication_audit().get()
    assert (entry.actor, entry.actor_name, entry.action) == (None, "system", "create")
    assert entry.message == f"Imported from the legacy site: {SEED_FILE.name}"


def test_the_parser_reads_back_exactly_the_file_it_was_given():
    from publications.legacy.format import format_legacy_page

    assert format_legacy_page(parse_legacy_page(SEED, file_name=SEED_FILE.name)) == SEED


# Exports made before issue 13 ----------------------------------------------------------------


def old_export(**keys) -> str:
    """The seed page as the exporter before issue 13 wrote it: several newsletters joined with ", "."""
    text = seed_text()
    for key, value in keys.items():
        text = text.replace(f'"{key}": ""', f'"{key}": {json.dumps(value, ensure_ascii=False)}', 1)
    return text


def test_an_old_export_s_joined_newsletters_are_read_as_the_sites_newsletters_with_a_note():
    for name in ("Strategic Europe", "Diwan", "Carnegie Politika"):
        NewsletterFactory(name=name)

    result = import_text(
        old_export(englishNewsletterAll="Strategic Europe, Diwan", nonEnglishNewsletterAll="Diwan|Carnegie Politika")
    )

    assert result.status == "created", result.errors
    assert {n.name for n in Publication.objects.get().newsletters.all()} == {
        "Strategic Europe",
        "Diwan",
        "Carnegie Politika",
    }
    assert Newsletter.objects.count() == 3
    assert any(
        w.startswith("read the newsletters “Strategic Europe, Diwan” as “Strategic Europe”, “Diwan”")
        for w in result.warnings
    )


def test_a_newsletter_whose_name_holds_a_comma_stays_whole_unless_every_part_is_a_known_newsletter():
    NewsletterFactory(name="Strategic Europe")
    NewsletterFactory(name="Carnegie Politika, in English")

    result = import_text(old_export(englishNewsletterAll="Strategic Europe, Weekly; Carnegie Politika, in English"))

    assert {n.name for n in Publication.objects.get().newsletters.all()} == {
        "Strategic Europe, Weekly",
        "Carnegie Politika, in English",
    }
    assert any("created the newsletter “Strategic Europe, Weekly” as one name" in w for w in result.warnings)


# Bylines joined in words ----------------------------------------------------------------------


def page_without_name_lines(byline: str, *authors) -> str:
    """A page whose About section has title lines and bios only, in byline order, and no "Recent Work"."""
    text = legacy_page_text(authors=list(authors), byline=byline)
    for name, _title, _bio in authors:
        text = text.replace(f"\n{name}\nRecent Work", "", 1)
    return text


@pytest.mark.parametrize(
    ("byline", "first", "second"),
    [
        ("Stefan Lehne and Elina Noor", "Stefan Lehne", "Elina Noor"),
        ("Stefan Lehne & Elina Noor", "Stefan Lehne", "Elina Noor"),
        ("أحمد ناجي وعمرو حمزاوي", "أحمد ناجي", "عمرو حمزاوي"),
        ("Дмитрий Тренин и Александр Габуев", "Дмитрий Тренин", "Александр Габуев"),
        ("赵通、王涛", "赵通", "王涛"),
        ("赵通和王涛", "赵通", "王涛"),
    ],
)
def test_a_byline_joining_the_metadata_s_two_authors_in_words_reconciles_without_name_lines(byline, first, second):
    text = page_without_name_lines(
        byline,
        (first, "Senior Fellow, Carnegie Europe", f"{first} writes on Europe."),
        (second, "Fellow, Carnegie China", f"{second} writes on Asia."),
    )
    assert "Recent Work" not in text

    result = import_text(text)

    assert result.status == "created", result.errors
    bylines = [(row.person.name, row.title_line) for row in Authorship.objects.order_by("position")]
    assert bylines == [(first, "Senior Fellow, Carnegie Europe"), (second, "Fellow, Carnegie China")]
    assert Person.objects.get(name=second).bio == f"<p>{second} writes on Asia.</p>"


# The audit log covers every row the import creates ---------------------------------------------


def test_people_and_terms_the_import_creates_are_in_the_audit_log_as_the_system():
    import_text(seed_text(), path="legacy/batch/page.txt")

    person = Person.objects.get()
    entries = AuditEntry.objects.exclude(pk__in=publication_audit())
    created = {(entry.content_type.model, entry.object_id) for entry in entries}
    assert ("person", str(person.pk)) in created
    for model in (Center, Topic, Region, PublicationType):
        assert {(model._meta.model_name, str(pk)) for pk in model.objects.values_list("pk", flat=True)} <= created
    assert {(e.actor, e.actor_name, e.action, e.message) for e in entries} == {
        (None, "system", "create", "Created by the legacy import from legacy/batch/page.txt")
    }


def test_a_dry_run_or_a_second_import_adds_no_audit_entry_for_people_or_terms():
    import_seed(dry_run=True)
    assert not AuditEntry.objects.exists()
    import_seed()
    count = AuditEntry.objects.count()

    import_seed()

    assert AuditEntry.objects.count() == count


def test_the_import_makes_no_library_images_so_it_leaves_no_renditions_to_make():
    """The old site's pages name a lead image's credit, never its picture (legacy/format.py): the import
    creates no Image, so it has no renditions to make. One that did would call
    cms.media.renditions.make_renditions for its images at the end of the batch, as the demo loader would."""
    from cms.media.models import Image

    DisclaimerFactory()

    _out, _err, status = run_import(SEED_FILE)

    assert status == 0 and Publication.objects.exists()
    assert not Image.objects.exists()
