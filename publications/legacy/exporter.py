"""Reading the site for `manage.py export_legacy`: every public piece as a `LegacyPage`.

The counterpart of the import in publications/legacy/format.py, which formats each page
(`format_legacy_page`). Operators only: nothing here is a public page, and nothing declares
page-cache dependencies.
"""

from collections.abc import Iterator

from django.db.models import Exists, F, OuterRef, Prefetch, Window
from django.db.models.functions import RowNumber

from publications.legacy.format import LegacyAuthor, LegacyPage, html_to_paragraphs
from publications.models import (
    Authorship,
    CollectionItem,
    Disclaimer,
    Publication,
    byline_prefetch,
    most_specific_disclaimer,
)
from publications.queries.publication_page import RAIL_LENGTH, RECENT_WORK_PER_AUTHOR


def legacy_export_pages(*, batch_size: int = 200) -> Iterator[LegacyPage]:
    """Yield every public piece as a `LegacyPage` for `manage.py export_legacy`, oldest first.

    Pieces are read by primary key in batches, so memory stays flat however many there are.
    Operators only (a management command). Budget: 1 query for the disclaimers; per batch 10
    (pieces, bylines, centers, regions, topics, programs, projects, newsletters, collections,
    the authors' recent work); and 2 per center the first time its "More Work" rail is needed.
    """
    disclaimers = list(Disclaimer.objects.all())
    rails: dict[int, list[Publication]] = {}
    last_pk = 0
    while True:
        batch = list(
            Publication.objects.published()
            .filter(pk__gt=last_pk)
            .order_by("pk")
            .select_related("publication_type", "primary_center", "lead_image")
            .annotate(
                # An edition names its original only when the original is public, so exported too.
                original_public=Exists(Publication.objects.published().filter(pk=OuterRef("translation_of_id"))),
                original_legacy_id=F("translation_of__legacy_id"),
            )
            .prefetch_related(
                byline_prefetch(),
                "centers",
                "regions",
                "topics",
                "programs",
                "projects",
                "newsletters",
                Prefetch(
                    "collection_items", queryset=CollectionItem.objects.select_related("collection").order_by("pk")
                ),
            )[:batch_size]
        )
        if not batch:
            return
        last_pk = batch[-1].pk
        recent = _newest_work_of({row.person_id for publication in batch for row in publication.byline})
        for publication in batch:
            if publication.primary_center_id and publication.primary_center_id not in rails:
                rails[publication.primary_center_id] = list(
                    Publication.objects.published()
                    .filter(primary_center_id=publication.primary_center_id)
                    .for_cards()
                    .newest_first()[: RAIL_LENGTH + 1]
                )
            yield _legacy_page_of(publication, recent, rails.get(publication.primary_center_id, []), disclaimers)


def export_id(legacy_id: str | None, pk: int) -> str:
    """The id a piece's file carries: its legacy id, or `cms-<pk>` for a piece made in the CMS."""
    return legacy_id or f"cms-{pk}"


def _newest_work_of(person_ids: set[int]) -> dict[int, list[Publication]]:
    """Each person's newest public pieces, one more than a page lists (the page itself may be among them)."""
    if not person_ids:
        return {}
    rows = (
        Authorship.objects.filter(
            person_id__in=person_ids, publication__in=Publication.objects.published().values("pk")
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("person_id"),
                order_by=[F("publication__publication_date").desc(nulls_last=True), F("publication_id").desc()],
            )
        )
        .filter(rank__lte=RECENT_WORK_PER_AUTHOR + 1)
        .select_related("publication", "publication__publication_type")
        .defer("publication__body")
        .order_by("person_id", "rank")
    )
    newest: dict[int, list[Publication]] = {}
    for row in rows:
        newest.setdefault(row.person_id, []).append(row.publication)
    return newest


def _legacy_page_of(publication, recent, rail, disclaimers) -> LegacyPage:
    def listed(piece):
        return f"{piece.title}{piece.publication_type.label}"

    if publication.disclaimer_override:
        disclaimer = publication.disclaimer_override
    else:
        applicable = [
            d
            for d in disclaimers
            if d.center_id in (None, publication.primary_center_id)
            and d.publication_type_id in (None, publication.publication_type_id)
        ]
        chosen = most_specific_disclaimer(applicable)
        disclaimer = chosen.text if chosen else ""
    rail_lines = []
    for piece in [piece for piece in rail if piece.pk != publication.pk][:RAIL_LENGTH]:
        rail_lines += [f"- {listed(piece)}", piece.dek, ", ".join(row.person.name for row in piece.byline)]
    newsletters = list(publication.newsletters.all())
    return LegacyPage(
        legacy_id=export_id(publication.legacy_id, publication.pk),
        id_in_metadata=True,
        title=publication.title,
        type_key=publication.publication_type.legacy_key or publication.publication_type.label,
        authors=[
            LegacyAuthor(
                name=row.person.name,
                title_line=row.title_line,
                bio=" ".join(html_to_paragraphs(row.person.bio)),
                recent_work=[listed(piece) for piece in recent.get(row.person_id, []) if piece.pk != publication.pk][
                    :RECENT_WORK_PER_AUTHOR
                ],
            )
            for row in publication.byline
        ],
        dek=publication.dek,
        image_credit=publication.image_credit,
        source=publication.source_name,
        paragraphs=html_to_paragraphs(publication.body),
        date=publication.publication_date,
        # Written always, so that a page exported from the CMS keeps its language on its way back.
        language=publication.language,
        translation_of=(
            export_id(publication.original_legacy_id, publication.translation_of_id)
            if publication.original_public
            else ""
        ),
        centers=[center.name for center in publication.centers.all()],
        primary_center=publication.primary_center.name if publication.primary_center else "",
        collections=[item.collection.name for item in publication.collection_items.all()],
        regions=[region.name for region in publication.regions.all()],
        topics=[topic.name for topic in publication.topics.all()],
        programs=[program.name for program in publication.programs.all()],
        projects=[project.name for project in publication.projects.all()],
        newsletters=[n.name for n in newsletters if n.language == "en"],
        other_newsletters=[n.name for n in newsletters if n.language != "en"],
        disclaimer=" ".join(html_to_paragraphs(disclaimer)),
        rail_center=publication.primary_center.name if publication.primary_center else "",
        rail_lines=rail_lines,
    )
