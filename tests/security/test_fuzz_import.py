"""Hypothesis throws arbitrary bytes and damaged pages at the legacy importer.

The importer must take any input without raising, write nothing for a file it refuses, and
store only sanitized HTML for a file it accepts.
"""

import random

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from cms.audit.models import AuditEntry
from cms.richtext.sanitizer import sanitize_html
from cms.taxonomies.models import Center, Topic
from people.models import Person
from publications.legacy.importer import import_legacy_file
from publications.models import Authorship, Publication, Revision
from tests.factories.legacy import legacy_page_text, seed_text
from tests.security.checks import live_markup
from tests.security.payloads import PAYLOADS
from tests.security.test_fuzz import FUZZ, url_text

pytestmark = pytest.mark.django_db


def rows() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Publication, Person, Topic, Center, AuditEntry, Authorship, Revision)
    }


def import_in_savepoint(content: bytes):
    """Import once and undo it, so every example starts from the same database."""
    with transaction.atomic():
        before = rows()
        result = import_legacy_file(path="fuzz/page.txt", content=content)
        after = rows()
        stored = list(Publication.objects.filter(legacy_id=result.legacy_id).values_list("body", "disclaimer_override"))
        bios = list(Person.objects.values_list("bio", flat=True))
        transaction.set_rollback(True)
    return result, before, after, stored, bios


def assert_imported_safely(result, before, after, stored, bios):
    # "held": stored as a draft because the publish gate refused it (a damaged page often lacks an author).
    assert result.status in {"created", "updated", "unchanged", "held", "failed"}
    if result.status == "failed":
        assert result.errors and after == before, "a refused file must write nothing"
        return
    for html in [value for pair in stored for value in pair] + bios:
        assert sanitize_html(html) == html
        assert live_markup(html, fragment=True) == []


@FUZZ
@given(content=st.binary(max_size=4000))
def test_the_importer_survives_any_bytes(content):
    assert_imported_safely(*import_in_savepoint(content))


@FUZZ
@given(seed=st.integers(min_value=0), cuts=st.integers(min_value=1, max_value=6), junk=st.binary(max_size=40))
def test_the_importer_survives_a_damaged_real_page(seed, cuts, junk):
    """The real seed page with slices cut out, bytes inserted or the end truncated."""
    data = bytearray(seed_text().encode("utf-8"))
    rng = random.Random(seed)
    for _ in range(cuts):
        at = rng.randrange(len(data))
        choice = rng.random()
        if choice < 0.4:
            del data[at : at + rng.randrange(1, 200)]
        elif choice < 0.8:
            data[at:at] = junk
        else:
            del data[at:]
        if not data:
            break
    assert_imported_safely(*import_in_savepoint(bytes(data)))


@FUZZ
@given(
    title=st.one_of(st.sampled_from(PAYLOADS), url_text.filter(lambda t: "\n" not in t and "\r" not in t)),
    paragraphs=st.lists(st.one_of(st.sampled_from(PAYLOADS), url_text), max_size=5),
    bio=st.sampled_from(PAYLOADS),
)
def test_imported_markup_is_stored_sanitized(title, paragraphs, bio):
    text = legacy_page_text(
        title=title or "Untitled",
        paragraphs=[p.replace("\n", " ") for p in paragraphs if p.strip()] or ["Text."],
        authors=[("Fuzz Author", "Senior Fellow, Carnegie Europe", bio.replace("\n", " "))],
    )
    assert_imported_safely(*import_in_savepoint(text.encode("utf-8")))
