"""Fill a database with an archive of a real think tank's size, for measuring the site.

    python manage.py generate_corpus --publications 100000 --people 5000 [--seed N]

The demo site (seed_demo: centers, taxonomies, disclaimers, users, hand-written pieces) comes
first; generated people and publications then bring the totals to the numbers asked for. Rows
go in with bulk inserts, a batch at a time. The same seed gives the same archive; running the
command again with other numbers or another seed replaces the generated rows (legacy ids
starting with "corpus-") and leaves everything else alone.

The search vector is filled by its trigger on every insert, as in production. Switching the
trigger off and filling every vector with one UPDATE afterwards (--defer-search-vectors, which
also rebuilds the GIN index once) was measured and is no faster: on 10,000 pieces, 101 s of
database time with the trigger against 110 s deferred, since to_tsvector over ~1,500-word
bodies costs the same either way and the UPDATE writes every row twice. The whole 100,000
takes about 20 minutes on two cores, most of it in to_tsvector, nh3 and the text generator.
Meant for a database of its own (e.g. DATABASE_URL=postgres://…/cms_perf), never production.
"""

import datetime
import time
from collections import defaultdict
from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from taggit.models import Tag, TaggedItem

from cms.kit.slugs import base_slug
from cms.pagecache import cache as pagecache
from cms.taxonomies.models import Center, Newsletter, Program, Project, Region, Topic
from people.models import Affiliation, Person
from publications.corpus import Corpus
from publications.models import Authorship, Publication, PublicationType

PREFIX = "corpus-"
BATCH = 1000
TRIGGER = "publications_publication_search_vector"
SEARCH_INDEX = "pub_search_vector_idx"


def submitted_at(piece) -> datetime.datetime | None:
    """When a corpus piece in review was submitted: the morning of its date, as if on time."""
    if piece.status != "in_review" or piece.date is None:
        return None
    return datetime.datetime.combine(piece.date, datetime.time(9), tzinfo=datetime.UTC)


class Command(BaseCommand):
    help = "Fill the database with a large generated archive (default 100,000 publications, 5,000 people)."

    def add_arguments(self, parser):
        parser.add_argument("--publications", type=int, default=100_000, help="Total publications wanted.")
        parser.add_argument("--people", type=int, default=5_000, help="Total people wanted.")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same archive.")
        parser.add_argument(
            "--defer-search-vectors",
            action="store_true",
            help="Turn the search-vector trigger off during the load and fill the vectors at the end (for comparing).",
        )

    def handle(self, *args, publications, people, seed, defer_search_vectors, **options):
        if publications < 0 or people < 0:
            raise CommandError("--publications and --people must be zero or more.")
        self.timings = {}
        started = time.monotonic()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # The one UPDATE and the index build run longer than a page's statement timeout.
                cursor.execute("SET statement_timeout = 0")
        with self.timed("demo site (seed_demo)"):
            call_command("seed_demo", stdout=StringIO())
        with self.timed("remove an earlier corpus"):
            self.remove_corpus()
        corpus = Corpus(seed)
        person_ids = self.load_people(corpus, max(0, people - Person.objects.count()))
        deferred = connection.vendor == "postgresql" and defer_search_vectors
        self.load_publications(corpus, max(0, publications - Publication.objects.count()), person_ids, deferred)
        if connection.vendor == "postgresql":
            # VACUUM too: after a bulk load no page is marked all-visible yet, so every
            # "index-only" scan would still visit the table (autovacuum catches up later).
            # (VACUUM cannot run inside a transaction, as when a test calls the command.)
            statement = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            with self.timed(statement), connection.cursor() as cursor:
                cursor.execute(statement)
        # Everything changed at once: no cached page may survive it.
        pagecache.purge_everything()
        self.stdout.write(
            self.style.SUCCESS(
                f"Corpus ready in {time.monotonic() - started:.0f} s: {Publication.objects.count()} publications, "
                f"{Person.objects.count()} people, {Authorship.objects.count()} bylines."
            )
        )
        for label, seconds in self.timings.items():
            self.stdout.write(f"  {label:<44} {seconds:7.1f} s")

    # -- helpers ------------------------------------------------------------------------------

    class _Timer:
        def __init__(self, command, label):
            self.command, self.label = command, label

        def __enter__(self):
            self.started = time.monotonic()

        def __exit__(self, *exc):
            self.command.timings[self.label] = self.command.timings.get(self.label, 0) + time.monotonic() - self.started

    def timed(self, label):
        return self._Timer(self, label)

    def remove_corpus(self):
        pieces = Publication.objects.filter(legacy_id__startswith=PREFIX)
        # Translations point at originals with SET NULL; delete in one statement per table.
        ids = list(pieces.values_list("pk", flat=True))
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(Publication), object_id__in=chunk
            ).delete()
            Publication.objects.filter(pk__in=chunk).delete()
        Person.objects.filter(legacy_id__startswith=PREFIX).delete()

    def lookups(self):
        by_name = lambda model: {row.name: row.pk for row in model.objects.all()}  # noqa: E731
        return {
            "centers": by_name(Center),
            "regions": by_name(Region),
            "topics": by_name(Topic),
            "programs": by_name(Program),
            "projects": by_name(Project),
            "newsletters": by_name(Newsletter),
            "types": dict(PublicationType.objects.values_list("legacy_key", "pk")),
        }

    # -- people -------------------------------------------------------------------------------

    def load_people(self, corpus: Corpus, count: int) -> list[int]:
        """Create `count` people with titles and expertise; return their ids in corpus order."""
        ids = self.lookups()
        with self.timed("people: generate"):
            specs = corpus.people(count, taken_names=set(Person.objects.values_list("name", flat=True)))
        taken = set(Person.objects.values_list("slug", flat=True))
        rows = []
        for number, spec in enumerate(specs):
            slug = stem = base_slug(spec.name, max_length=190)
            suffix = 2
            while slug in taken:
                slug, suffix = f"{stem}-{suffix}", suffix + 1
            taken.add(slug)
            rows.append(
                Person(
                    name=spec.name,
                    sort_name=spec.sort_name,
                    slug=slug,
                    kind=spec.kind,
                    is_current=spec.is_current,
                    has_profile=spec.has_profile,
                    short_bio=spec.short_bio,
                    bio=spec.bio,
                    legacy_id=f"{PREFIX}person-{number}",
                )
            )
        with self.timed("people: insert"), transaction.atomic():
            Person.objects.bulk_create(rows, batch_size=BATCH)
            person_ids = [row.pk for row in rows]
            Affiliation.objects.bulk_create(
                [
                    Affiliation(
                        person_id=pk,
                        title_line=spec.title_line,
                        center_id=ids["centers"][spec.centers[0]] if spec.centers else None,
                    )
                    for pk, spec in zip(person_ids, specs, strict=True)
                ],
                batch_size=BATCH,
            )
            Person.topics.through.objects.bulk_create(
                [
                    Person.topics.through(person_id=pk, topic_id=ids["topics"][name])
                    for pk, spec in zip(person_ids, specs, strict=True)
                    for name in spec.topics
                ],
                batch_size=BATCH,
            )
            Person.regions.through.objects.bulk_create(
                [
                    Person.regions.through(person_id=pk, region_id=ids["regions"][name])
                    for pk, spec in zip(person_ids, specs, strict=True)
                    for name in spec.regions
                ],
                batch_size=BATCH,
            )
        return person_ids

    # -- publications -------------------------------------------------------------------------

    def load_publications(self, corpus: Corpus, count: int, person_ids: list[int], deferred: bool):
        ids = self.lookups()
        title_of = {person_ids[i]: spec.title_line for i, spec in enumerate(corpus.persons)}
        taken = set(Publication.objects.values_list("slug", flat=True))
        tags: dict[str, int] = {}
        content_type = ContentType.objects.get_for_model(Publication)
        pk_of: dict[int, int] = {}
        if deferred:
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE publications_publication DISABLE TRIGGER {TRIGGER}")
                cursor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
        try:
            batch = []
            for piece in corpus.pieces(count) if count else []:
                batch.append(piece)
                if len(batch) == BATCH:
                    self.insert_batch(batch, ids, person_ids, title_of, taken, tags, content_type, pk_of)
                    batch = []
                    self.stdout.write(f"  {len(pk_of):>7} publications", ending="\r")
                    self.stdout.flush()
            self.insert_batch(batch, ids, person_ids, title_of, taken, tags, content_type, pk_of)
        finally:
            if deferred:
                self.fill_search_vectors()

    def insert_batch(self, batch, ids, person_ids, title_of, taken, tags, content_type, pk_of):
        if not batch:
            return
        with self.timed("publications: build rows"):
            rows = []
            for piece in batch:
                slug = stem = base_slug(piece.title, max_length=190)
                suffix = 2
                while slug in taken:
                    slug, suffix = f"{stem}-{suffix}", suffix + 1
                taken.add(slug)
                rows.append(
                    Publication(
                        title=piece.title,
                        slug=slug,
                        dek=piece.dek,
                        body=piece.body,
                        publication_type_id=ids["types"][piece.type],
                        publication_date=piece.date,
                        language=piece.language,
                        translation_of_id=pk_of.get(piece.translation_of) if piece.translation_of is not None else None,
                        primary_center_id=ids["centers"][piece.primary_center],
                        status=piece.status,
                        go_live_at=piece.go_live_at,
                        expire_at=piece.expire_at,
                        is_featured=piece.is_featured,
                        source_name=piece.source_name,
                        lead_image_credit=piece.lead_image_credit,
                        first_published_at=None,
                        legacy_id=f"{PREFIX}{piece.index}",
                        # The corpus has no editors to name; the review queue says "unknown" for who.
                        submitted_at=submitted_at(piece),
                    )
                )
        with self.timed("publications: insert rows"), transaction.atomic():
            Publication.objects.bulk_create(rows, batch_size=BATCH)
        for piece, row in zip(batch, rows, strict=True):
            pk_of[piece.index] = row.pk
        # A translation follows its original closely, mostly in the same batch: it gets its
        # original's id once the batch has ids, so that every translation is an edition of its work.
        unlinked = []
        for piece, row in zip(batch, rows, strict=True):
            if piece.translation_of is not None and row.translation_of_id is None:
                row.translation_of_id = pk_of[piece.translation_of]
                unlinked.append(row)
        with self.timed("publications: link editions"):
            Publication.objects.bulk_update(unlinked, ["translation_of"], batch_size=BATCH)
        through_rows = defaultdict(list)
        bylines, keyword_rows = [], []
        for piece, row in zip(batch, rows, strict=True):
            for relation, names in [
                ("centers", piece.centers),
                ("regions", piece.regions),
                ("topics", piece.topics),
                ("programs", piece.programs),
                ("projects", piece.projects),
                ("newsletters", piece.newsletters),
            ]:
                through = getattr(Publication, relation).through
                target = through._meta.get_field(relation[:-1]).attname
                through_rows[through].extend(
                    through(publication_id=row.pk, **{target: ids[relation][name]}) for name in names
                )
            for position, (person, role) in enumerate(piece.authors):
                person_id = person_ids[person]
                bylines.append(
                    Authorship(
                        publication_id=row.pk,
                        person_id=person_id,
                        role=role,
                        position=position,
                        title_line=title_of[person_id],
                    )
                )
            for word in piece.keywords:
                if word.lower() not in tags:
                    tags[word.lower()] = (
                        Tag.objects.filter(name__iexact=word).first() or Tag.objects.create(name=word)
                    ).pk
                keyword_rows.append(TaggedItem(content_type=content_type, object_id=row.pk, tag_id=tags[word.lower()]))
        with self.timed("publications: insert relations"), transaction.atomic():
            for through, rows_of_through in through_rows.items():
                through.objects.bulk_create(rows_of_through, batch_size=5000)
            Authorship.objects.bulk_create(bylines, batch_size=5000)
            TaggedItem.objects.bulk_create(keyword_rows, batch_size=5000)

    def fill_search_vectors(self):
        """Turn the trigger back on, compute every missing vector in one statement, rebuild the GIN index."""
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE publications_publication ENABLE TRIGGER {TRIGGER}")
            with self.timed("search vectors: one UPDATE"):
                # The trigger computes each vector with its row's language (migration 0010).
                cursor.execute("UPDATE publications_publication SET search_vector = NULL WHERE search_vector IS NULL")
            with self.timed("search vectors: rebuild GIN index"):
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON publications_publication USING gin (search_vector)"
                )
            with self.timed("VACUUM after the UPDATE"):
                cursor.execute("VACUUM publications_publication")
