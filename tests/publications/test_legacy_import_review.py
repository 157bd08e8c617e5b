"""What the legacy import decides for editors (issue 13, items 12–14): each page's language,
whether a new author is one of the site's experts, and which pages the publish gate holds back."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from cms.audit.models import AuditEntry
from people.models import Person
from publications import revisions
from publications.legacy import importer
from publications.models import Publication, Status
from publications.workflow import editing, publishing, review
from tests.factories import CenterFactory, DisclaimerFactory, ProgramFactory
from tests.factories.legacy import (
    legacy_page_text,
    publication_audit,
    run_import,
    seed_page,
)

pytestmark = pytest.mark.django_db

ARABIC = [
    "اتفقت صربيا وكوسوفو الشهر الماضي على تبادل المبعوثين للمرة الأولى استجابة لضغوط الاتحاد الأوروبي.",
    "ويرى الباحثون أن هذه الخطوة تسهل الاتصال المباشر بين الحكومتين وتخفف من حدة التوتر في المنطقة.",
]
RUSSIAN = [
    "В прошлом месяце Сербия и Косово впервые договорились обменяться представителями по настоянию Евросоюза.",
    "По мнению экспертов, этот шаг облегчит прямые контакты между правительствами и снизит напряженность.",
]
CHINESE = [
    "塞尔维亚和科索沃上个月首次同意互派代表，以回应欧盟推动双方改善关系的努力。",
    "专家认为，这一举措将便利两国政府之间的直接沟通，并有助于缓和地区紧张局势。",
]
PORTUGUESE = [
    "A Sérvia e o Kosovo concordaram no mês passado em trocar enviados pela primeira vez, em resposta à União Europeia.",
    "Segundo os especialistas, este passo facilitará o contacto direto entre os dois governos da região.",
]


def import_text(text, *, path="legacy/page.txt", **kwargs):
    return importer.import_legacy_file(path=path, content=text.encode("utf-8"), **kwargs)


def write_pages(folder, pages: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")


# 12. Language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "title", "language"),
    [
        (ARABIC, "صربيا وكوسوفو تتبادلان المبعوثين", "ar"),
        (RUSSIAN, "Сербия и Косово обменяются представителями", "ru"),
        (CHINESE, "塞尔维亚和科索沃互派代表", "zh-hans"),
    ],
)
def test_a_page_in_arabic_russian_or_chinese_renders_with_its_own_lang_detected_from_the_text(
    client, paragraphs, title, language
):
    DisclaimerFactory()
    result = import_text(legacy_page_text(title=title, dek="", paragraphs=paragraphs))

    assert result.status == "created", (result.errors, result.held)
    publication = Publication.objects.get()
    assert (publication.language, publication.import_language_source) == (language, "detected")
    assert (result.language, result.language_source) == (language, "detected")
    html = client.get(publication.get_absolute_url()).content.decode()
    # The page's chrome speaks the interface's language (English here); the work's own text
    # declares its language where it is, and the page in that language declares it throughout.
    assert '<html lang="en" dir="ltr">' in html
    assert f'<h1 id="publication-title" lang="{language}" dir="auto">' in html
    assert f'<div class="body" lang="{language}" dir="auto">' in html
    in_language = client.get(f"/{language}{publication.get_absolute_url()}").content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in in_language


def test_the_metadata_language_wins_over_what_the_text_looks_like():
    result = import_text(legacy_page_text(language="ru"))

    publication = Publication.objects.get()
    assert (publication.language, publication.import_language_source) == ("ru", "metadata")
    assert result.as_report()["language"] == {"code": "ru", "from": "metadata"}


@pytest.mark.parametrize(("tag", "language"), [("ar-EG", "ar"), ("zh-CN", "zh-hans"), ("Russian", "ru"), ("EN", "en")])
def test_metadata_language_tags_and_names_map_to_the_sites_languages(tag, language):
    import_text(legacy_page_text(language=tag))

    assert Publication.objects.get().language == language


def test_a_metadata_language_the_site_does_not_have_is_reported_and_the_text_decides():
    result = import_text(legacy_page_text(language="Klingon", dek="", paragraphs=RUSSIAN))

    assert Publication.objects.get().language == "ru"
    assert result.language_source == "detected"
    assert any("“Klingon” is not one of the site's languages" in warning for warning in result.warnings)


def test_a_page_in_a_language_the_site_does_not_publish_falls_back_to_english_with_a_note():
    result = import_text(legacy_page_text(title="Sérvia e Kosovo", dek="", paragraphs=PORTUGUESE))

    publication = Publication.objects.get()
    assert (publication.language, publication.import_language_source) == ("en", "default")
    [note] = [warning for warning in result.warnings if "language" in warning]
    assert "pt" in note and "not one of the site's languages" in note and "English" in note


def test_a_page_too_short_to_tell_falls_back_to_english_with_a_note():
    result = import_text(legacy_page_text(title="Q&A", dek="", paragraphs=["Yes."]))

    assert (result.language, result.language_source) == ("en", "default")
    assert any("too short to tell" in warning for warning in result.warnings)


def test_a_metadata_language_that_is_not_text_is_refused_with_its_line():
    text = legacy_page_text().replace('"authors": [', '"language": ["ar"],\n"authors": [', 1)

    result = import_text(text)

    assert result.status == "failed"
    assert result.errors == ["line 3: “language” must be a language tag such as “ar”, not a list"]


def test_the_report_says_where_each_pages_language_came_from(tmp_path):
    write_pages(
        tmp_path / "pages",
        {
            "ru.txt": legacy_page_text(title="Сербия и Косово", dek="", paragraphs=RUSSIAN),
            "tagged.txt": legacy_page_text(title="Tagged", language="ar"),
        },
    )

    run_import(tmp_path / "pages", "--report", tmp_path / "report.json")

    report = {entry["path"].rsplit("/", 1)[1]: entry for entry in json.loads((tmp_path / "report.json").read_text())}
    assert report["ru.txt"]["language"] == {"code": "ru", "from": "detected"}
    assert report["tagged.txt"]["language"] == {"code": "ar", "from": "metadata"}


def test_an_exported_page_keeps_its_language_on_its_way_back():
    import_text(legacy_page_text(language="uk"))
    [page] = services_pages()

    assert page.language == "uk"


def services_pages():
    from publications.legacy.exporter import legacy_export_pages

    return list(legacy_export_pages())


# 13. Experts and outside contributors ---------------------------------------------------------


def author_kind_after_import(title_line, **kwargs):
    import_text(legacy_page_text(authors=[("Amal Haddad", title_line, "A bio.")]), **kwargs)
    return Person.objects.get(name="Amal Haddad").kind


@pytest.mark.parametrize(
    ("other_names", "title_line"),
    [
        ("مركز مالكوم كير–كارنيغي للشرق الأوسط", "باحثة أولى في مركز مالكوم كير–كارنيغي للشرق الأوسط"),
        ("مركز مالكوم كير–كارنيغي للشرق الأوسط", "باحثة أولى بمركز مالكوم كير–كارنيغي للشرق الأوسط"),
        ("Ближневосточный центр Карнеги\nЦентра Карнеги", "Старший научный сотрудник Центра Карнеги"),
        ("卡内基中东中心", "卡内基中东中心高级研究员"),
    ],
)
def test_staff_whose_title_line_names_a_site_center_in_arabic_russian_or_chinese_are_experts(other_names, title_line):
    center = CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center", other_names=other_names)

    assert author_kind_after_import(title_line) == Person.Kind.EXPERT
    assert Person.objects.get(name="Amal Haddad").affiliations.get().center == center


def test_a_center_created_by_an_earlier_file_of_the_batch_counts_for_the_next_files_authors(tmp_path):
    write_pages(
        tmp_path / "pages",
        {
            "a.txt": legacy_page_text(title="First", centers=["Carnegie China"], primary_center="Carnegie China"),
            "b.txt": legacy_page_text(title="Second", authors=[("Zhao Tong", "Fellow, Carnegie China", "A bio.")]),
        },
    )

    run_import(tmp_path / "pages")

    assert Person.objects.get(name="Zhao Tong").kind == Person.Kind.EXPERT


def test_staff_whose_title_line_names_a_programme_of_the_site_are_experts():
    ProgramFactory(name="Democracy, Conflict, and Governance Program")

    kind = author_kind_after_import("Senior Fellow, Democracy, Conflict, and Governance Program")

    assert kind == Person.Kind.EXPERT


def test_a_title_line_naming_a_center_the_page_itself_brings_makes_an_expert():
    # The seed's metadata names Carnegie Europe; the import creates it before the author.
    assert author_kind_after_import("Senior Fellow, Carnegie Europe") == Person.Kind.EXPERT


def test_the_word_carnegie_alone_no_longer_makes_an_expert():
    CenterFactory(name="Carnegie Europe")

    assert author_kind_after_import("Professor, Carnegie Mellon University") == Person.Kind.CONTRIBUTOR


def test_a_center_name_inside_a_longer_word_does_not_count():
    ProgramFactory(name="Asia Program")

    assert author_kind_after_import("Director, Eurasia Programme Office, Oxford") == Person.Kind.CONTRIBUTOR


def test_the_editors_choice_decides_a_new_authors_kind_and_the_report_lists_everyone_created(tmp_path):
    CenterFactory(name="Carnegie Europe")
    write_pages(
        tmp_path / "pages",
        {
            "page.txt": legacy_page_text(
                authors=[
                    ("Amal Haddad", "Professor, University of Beirut", "A bio."),
                    ("Stefan Lehne", "Senior Fellow, Carnegie Europe", "A bio."),
                    ("Jane Roe", "Nonresident Scholar, Carnegie Europe", "A bio."),
                    ("John Doe", "Journalist", "A bio."),
                ]
            )
        },
    )
    (tmp_path / "kinds.txt").write_text("# decided by the desk\ncontributor: Jane Roe\n", encoding="utf-8")

    out, err, status = run_import(
        tmp_path / "pages",
        "--expert",
        "amal haddad",
        "--kinds",
        tmp_path / "kinds.txt",
        "--report",
        tmp_path / "report.json",
    )

    assert (status, err) == (0, "")
    assert "Created 2 experts and 2 outside contributors" in out
    kinds = dict(Person.objects.values_list("name", "kind"))
    assert kinds == {
        "Amal Haddad": "expert",
        "Stefan Lehne": "expert",
        "Jane Roe": "contributor",
        "John Doe": "contributor",
    }
    [entry] = json.loads((tmp_path / "report.json").read_text())
    assert entry["people_created"] == [
        {"name": "Amal Haddad", "kind": "expert", "why": "chosen by the editors (import option)"},
        {"name": "Stefan Lehne", "kind": "expert", "why": "the title line names the site's center “Carnegie Europe”"},
        {"name": "Jane Roe", "kind": "contributor", "why": "chosen by the editors (import option)"},
        {"name": "John Doe", "kind": "contributor", "why": "the title line names no center or programme of the site"},
    ]


def test_the_editors_choice_does_not_change_people_who_already_exist_and_says_so():
    Person.objects.create(name="Amal Haddad", kind=Person.Kind.CONTRIBUTOR)

    result = import_text(
        legacy_page_text(authors=[("Amal Haddad", "Professor", "A bio.")]), people_kinds={"Amal Haddad": "expert"}
    )

    assert Person.objects.get().kind == Person.Kind.CONTRIBUTOR
    assert result.people_created == []
    assert any("applies only to people the import creates" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("args", "kinds_file", "message"),
    [
        (
            ["--expert", "Jane Roe", "--contributor", "jane roe"],
            None,
            "Jane Roe is chosen as expert (--expert) and as contributor",
        ),
        ([], "expert Jane Roe\n", "kinds.txt:1: expected “expert: Name” or “contributor: Name”"),
        ([], "staff: Jane Roe\n", "kinds.txt:1: expected"),
    ],
)
def test_a_contradictory_or_unreadable_choice_of_kinds_stops_before_anything_is_imported(
    tmp_path, args, kinds_file, message
):
    write_pages(tmp_path / "pages", {"page.txt": legacy_page_text()})
    if kinds_file is not None:
        (tmp_path / "kinds.txt").write_text(kinds_file, encoding="utf-8")
        args = [*args, "--kinds", tmp_path / "kinds.txt"]

    with pytest.raises(CommandError) as refused:
        call_command("import_legacy", str(tmp_path / "pages"), *map(str, args), stdout=StringIO(), stderr=StringIO())

    assert message in str(refused.value)
    assert not Publication.objects.exists()


# 14. The publish gate -------------------------------------------------------------------------


def held_page(**changes):
    paragraphs = [
        *seed_page().paragraphs[:2],
        "REQUIRED IMAGE: map of the Western Balkans",
        *seed_page().paragraphs[2:],
    ]
    return legacy_page_text(**{"paragraphs": paragraphs, **changes})


def test_a_page_that_fails_the_publish_gate_is_stored_as_a_draft_with_the_reasons_and_not_public(client):
    DisclaimerFactory()

    result = import_text(held_page())

    publication = Publication.objects.get()
    assert result.status == "held"
    assert result.held == ["The body still contains placeholder text (REQUIRED IMAGE)."]
    assert publication.status == Status.DRAFT
    assert publication.import_held_reasons == "The body still contains placeholder text (REQUIRED IMAGE)."
    assert publication.first_published_at is None
    assert "REQUIRED IMAGE" in publication.body  # stored as the file has it, for a manager to fix
    assert result.url == reverse("admin:publications_publication_change", args=[publication.pk])
    assert client.get(publication.get_absolute_url()).status_code == 404
    assert (
        publication_audit()
        .get()
        .message.endswith("held as a draft: The body still contains placeholder text (REQUIRED IMAGE).")
    )


def test_a_held_page_does_not_stop_the_batch_and_the_report_lists_it_as_held_with_its_reasons(tmp_path):
    DisclaimerFactory()
    write_pages(
        tmp_path / "pages",
        {
            "a-held.txt": held_page(title="Needs a Map"),
            "b-fine.txt": legacy_page_text(title="Ready to Go"),
            "c-no-author.txt": legacy_page_text(title="A Press Release", authors=[], source=""),
        },
    )

    out, err, status = run_import(tmp_path / "pages", "--report", tmp_path / "report.json")

    assert status == 0
    assert "1 created, 0 updated, 0 unchanged, 0 failed, 2 held" in out
    assert err.splitlines() == [
        f"{tmp_path / 'pages' / 'a-held.txt'}: held as a draft, not public: The body still contains placeholder text (REQUIRED IMAGE).",
        f"{tmp_path / 'pages' / 'c-no-author.txt'}: held as a draft, not public: Add at least one author.",
    ]
    report = json.loads((tmp_path / "report.json").read_text())
    assert [(entry["status"], entry["held"]) for entry in report] == [
        ("held", ["The body still contains placeholder text (REQUIRED IMAGE)."]),
        ("created", []),
        ("held", ["Add at least one author."]),
    ]
    assert Publication.objects.get(title="Ready to Go").status == Status.PUBLISHED


def test_a_live_imported_page_whose_new_version_fails_the_gate_is_taken_off_the_site(client):
    DisclaimerFactory()
    import_text(legacy_page_text(page_id="p-1"))
    live = Publication.objects.get()
    assert client.get(live.get_absolute_url()).status_code == 200

    result = import_text(held_page(page_id="p-1"))

    live.refresh_from_db()
    assert (result.status, live.status) == ("held", Status.DRAFT)
    assert live.import_held_reasons == "The body still contains placeholder text (REQUIRED IMAGE)."
    assert client.get(live.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UNPUBLISH).exists()


def test_a_page_an_earlier_import_published_past_the_gate_is_taken_off_the_site_when_imported_again(client):
    DisclaimerFactory()
    import_text(held_page(page_id="p-1"))
    # What the importer did before it ran the gate: the same page, live.
    Publication.objects.update(status=Status.PUBLISHED, import_held_reasons="")
    publication = Publication.objects.get()
    assert client.get(publication.get_absolute_url()).status_code == 200

    result = import_text(held_page(page_id="p-1"))

    publication.refresh_from_db()
    assert (result.status, publication.status) == ("held", Status.DRAFT)
    assert client.get(publication.get_absolute_url()).status_code == 404


def test_a_held_page_imported_again_unchanged_stays_held_and_once_fixed_goes_live(client):
    DisclaimerFactory()
    import_text(held_page(page_id="p-1"))

    again = import_text(held_page(page_id="p-1"))
    assert again.status == "held"
    assert Publication.objects.get().status == Status.DRAFT

    fixed = import_text(legacy_page_text(page_id="p-1"))

    publication = Publication.objects.get()
    assert fixed.status == "updated"
    assert (publication.status, publication.import_held_reasons) == (Status.PUBLISHED, "")
    assert publication.first_published_at is not None
    assert client.get(publication.get_absolute_url()).status_code == 200


def test_managers_find_held_imports_in_a_queue_with_their_reasons(manager_client):
    DisclaimerFactory()
    import_text(held_page(title="Needs a Map"))
    import_text(legacy_page_text(title="Ready to Go"))
    held = Publication.objects.get(title="Needs a Map")

    dashboard = manager_client.get(reverse("admin:index")).content.decode()
    queue = manager_client.get(reverse("admin:publications_publication_changelist") + "?held=1").content.decode()
    page = manager_client.get(reverse("admin:publications_publication_change", args=[held.pk])).content.decode()

    assert "<strong>1</strong> held by the legacy import" in dashboard
    assert "Needs a Map" in queue and "Ready to Go" not in queue
    assert "held by the import (1 problem)" in queue
    assert "The body still contains placeholder text (REQUIRED IMAGE)." in page


def test_a_manager_fixes_a_held_page_and_the_usual_workflow_publishes_it(client, editor, manager):
    DisclaimerFactory()
    import_text(held_page())
    publication = Publication.objects.get()
    publication.body = publication.body.replace("REQUIRED IMAGE: map of the Western Balkans", "The map is below.")
    publication.save()

    review.submit_for_review(publication=publication, by=manager)
    review.approve_publication(publication=publication, by=manager)
    publishing.publish_publication(publication=publication, by=manager)

    publication.refresh_from_db()
    assert (publication.status, publication.import_held_reasons) == (Status.PUBLISHED, "")
    assert client.get(publication.get_absolute_url()).status_code == 200


# Importing again respects what people did in the CMS -------------------------------------------


def fix_in_the_admin(publication, manager):
    """What the admin's save does: a new version, the edited row, and the editor's revision."""
    publication.body = publication.body.replace("REQUIRED IMAGE: map of the Western Balkans", "The map is below.")
    publication.version += 1
    publication.save()
    editing.record_edit(publication=publication, by=manager, created=False)


def fix_without_the_admin(publication, manager):
    # Any other path (a shell, a script): no revision and no new version, only new content.
    Publication.objects.filter(pk=publication.pk).update(
        body=publication.body.replace("REQUIRED IMAGE: map of the Western Balkans", "The map is below.")
    )


@pytest.mark.parametrize("fix", [fix_in_the_admin, fix_without_the_admin], ids=["in the admin", "by another path"])
def test_a_manager_s_fix_to_a_held_page_survives_importing_the_unchanged_file_again(client, manager, fix):
    DisclaimerFactory()
    import_text(held_page(page_id="p-1"))
    fix(Publication.objects.get(), manager)

    again = import_text(held_page(page_id="p-1"))

    publication = Publication.objects.get()
    assert "The map is below." in publication.body and "REQUIRED IMAGE" not in publication.body
    assert publication.status == Status.DRAFT
    assert again.status == "unchanged"
    assert any("changed in the CMS since the import wrote it: left as it is" in w for w in again.warnings)
    assert again.url == reverse("admin:publications_publication_change", args=[publication.pk])


def test_a_held_page_a_manager_is_editing_is_not_published_over_when_a_corrected_file_arrives(client, manager):
    DisclaimerFactory()
    import_text(held_page(page_id="p-1"))
    publication = Publication.objects.get()
    revisions.autosave_draft(
        publication=publication,
        by=manager,
        expected_version=publication.version,
        fields={"body": "<p>The manager's own rewrite, not saved yet.</p>"},
    )

    corrected = import_text(legacy_page_text(page_id="p-1", dek="The file's own corrected dek."))

    publication.refresh_from_db()
    assert publication.status == Status.DRAFT
    assert publication.dek != "The file's own corrected dek."
    assert client.get(publication.get_absolute_url()).status_code == 404
    assert any("left as it is" in w for w in corrected.warnings)


def test_a_held_page_people_saved_before_the_import_remembered_its_writes_is_left_alone(manager):
    DisclaimerFactory()
    import_text(held_page(page_id="p-1"))
    publication = Publication.objects.get()
    # As a page held by an import made before this version: nothing recorded of its write.
    Publication.objects.update(import_version=None, import_digest="")
    editing.record_edit(publication=publication, by=manager, created=False)

    fixed_file = import_text(legacy_page_text(page_id="p-1"))

    assert Publication.objects.get().status == Status.DRAFT
    assert fixed_file.status == "unchanged"


def test_a_held_page_a_manager_fixed_and_sent_to_review_keeps_the_fix_when_the_file_is_imported_again(manager):
    DisclaimerFactory()
    import_text(held_page(page_id="p-1"))
    fix_in_the_admin(Publication.objects.get(), manager)
    review.submit_for_review(publication=Publication.objects.get(), by=manager)

    again = import_text(held_page(page_id="p-1"))

    publication = Publication.objects.get()
    assert (publication.status, "REQUIRED IMAGE" in publication.body) == (Status.IN_REVIEW, False)
    assert again.status == "unchanged"
    assert any(w.startswith("the publication is in review in the CMS: left as it is") for w in again.warnings)


def test_a_language_editors_corrected_stays_when_the_page_is_imported_again():
    import_text(legacy_page_text(page_id="p-1"))
    Publication.objects.update(language="fr")  # an editor's correction of the detected English

    again = import_text(legacy_page_text(page_id="p-1", dek="A new dek from the old site."))

    publication = Publication.objects.get()
    assert (publication.language, publication.dek) == ("fr", "A new dek from the old site.")
    assert (again.language, again.language_source) == ("fr", "cms")
    assert any(
        w.startswith("kept the language editors set in the CMS, French, rather than English") for w in again.warnings
    )


def test_a_language_the_metadata_names_overrides_the_one_in_the_cms():
    import_text(legacy_page_text(page_id="p-1"))
    Publication.objects.update(language="fr")

    import_text(legacy_page_text(page_id="p-1", language="de"))

    assert Publication.objects.get().language == "de"


def test_a_language_only_the_import_chose_follows_the_file_when_it_changes():
    import_text(legacy_page_text(page_id="p-1", title="Serbia and Kosovo"))

    again = import_text(legacy_page_text(page_id="p-1", title="صربيا وكوسوفو تتبادلان المبعوثين", paragraphs=ARABIC))

    assert Publication.objects.get().language == "ar"
    assert (again.language, again.language_source) == ("ar", "detected")
