"""Fill the database with a believable think-tank site for demos and local development.

    python manage.py seed_demo

The content is deterministic (fixed seeds, fixed reference date) and the command is idempotent:
rows are matched on their slug (taxonomies, people), label (content types), scope (disclaimers),
legacy_id (publications) or username (users), so running it again changes nothing and creates
no duplicates. Rows that are not demo content are never touched.

Over 400 lines on purpose: one writer per kind of demo row, run in dependency order in one
transaction; each writer is short, and together they are the one place that says what a demo site holds.
"""

import datetime
import time
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from cms.kit.slugs import base_slug
from cms.richtext.sanitizer import paragraphs_to_html, sanitize_html
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Affiliation, Person, PersonLink, default_sort_name
from publications.demo import data, editions, generator, translations
from publications.models import (
    Authorship,
    CollectionItem,
    Disclaimer,
    Publication,
    PublicationType,
    Revision,
    Status,
)
from publications.models.publication import SEARCHED_FIELDS
from publications.segmentation import search_words_of
from publications.snapshots import take_snapshot

# Publication fields the command owns (the slug is only set when a piece is first created).
PUBLICATION_FIELDS = [
    "title",
    "dek",
    "body",
    "publication_type_id",
    "publication_date",
    "language",
    "translation_of_id",
    "primary_center_id",
    "lead_image_credit",
    "source_name",
    "source_url",
    "disclaimer_override",
    "is_featured",
    "status",
    "go_live_at",
]


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo site: centers, taxonomies, people, 500+ publications, users."

    def handle(self, *args, **options):
        started = time.monotonic()
        people, pubs, collection_items = generator.build()
        self.changes = {"created": 0, "updated": 0}
        with transaction.atomic():
            centers = self.seed_centers()
            types = self.seed_types()
            regions = self.seed_regions()
            topics = self.seed_slugged(
                Topic,
                [(name, "") for name, _bio, _phrases in data.TOPICS],
                extra={name: {"translations": translations.topic_translations(name)} for name, *_ in data.TOPICS},
            )
            programs = self.seed_slugged(Program, data.PROGRAMS)
            projects = self.seed_slugged(
                Project,
                [(name, desc) for name, _program, desc in data.PROJECTS],
                extra={name: {"program": programs[program] if program else None} for name, program, _ in data.PROJECTS},
            )
            collections = self.seed_slugged(Collection, [(name, desc) for name, desc, _size in data.COLLECTIONS])
            newsletters = self.seed_slugged(
                Newsletter,
                [(name, desc) for name, _lang, desc in data.NEWSLETTERS],
                extra={name: {"language": lang} for name, lang, _desc in data.NEWSLETTERS},
            )
            self.seed_disclaimers(centers, types)
            persons = self.seed_people(people, centers, topics, regions)
            self.seed_publications(
                pubs,
                collection_items,
                persons=persons,
                centers=centers,
                types=types,
                regions=regions,
                topics=topics,
                programs=programs,
                projects=projects,
                collections=collections,
                newsletters=newsletters,
            )
            self.seed_users()
            self.seed_submissions([spec.legacy_id for spec in pubs])
            self.seed_edition_sources([spec.legacy_id for spec in pubs])
        self.report(time.monotonic() - started)

    # -- taxonomies ---------------------------------------------------------------------------

    def upsert(self, model, lookup, defaults, create_defaults=None):
        obj, created = model.objects.update_or_create(
            **lookup, defaults=defaults, create_defaults={**defaults, **(create_defaults or {})}
        )
        if created:
            self.changes["created"] += 1
        return obj

    def seed_centers(self):
        result = {}
        for order, (name, short_name, city, is_global, description) in enumerate(data.CENTERS):
            result[name] = self.upsert(
                Center,
                {"slug": base_slug(name)},
                {
                    "name": name,
                    "short_name": short_name,
                    "city": city,
                    "is_global": is_global,
                    "order": order,
                    "description": f"<p>{description}</p>",
                    "translations": translations.center_translations(name),
                },
            )
        return result

    def seed_types(self):
        result = {}
        for order, (label, plural, legacy_key, shows_source) in enumerate(data.PUBLICATION_TYPES):
            result[legacy_key] = self.upsert(
                PublicationType,
                {"label": label},
                {"plural_label": plural, "legacy_key": legacy_key, "order": order, "shows_source": shows_source},
            )
        # Keyed by label as well, for the type-scoped disclaimer.
        result.update({t.label: t for t in list(result.values())})
        return result

    def seed_regions(self):
        result = {}
        for name, parent, _phrase, description in data.REGIONS:  # parents come first
            result[name] = self.upsert(
                Region,
                {"slug": base_slug(name)},
                {
                    "name": name,
                    "parent": result[parent] if parent else None,
                    "description": f"<p>{description}</p>" if description else "",
                    "translations": translations.region_translations(name),
                },
            )
        return result

    def seed_slugged(self, model, rows, extra=None):
        result = {}
        for name, description in rows:
            defaults = {"name": name, "description": f"<p>{description}</p>" if description else ""}
            defaults.update((extra or {}).get(name, {}))
            result[name] = self.upsert(model, {"slug": base_slug(name)}, defaults)
        return result

    def seed_disclaimers(self, centers, types):
        for name, center, type_label, text in data.DISCLAIMERS:
            self.upsert(
                Disclaimer,
                {
                    "center": centers[center] if center else None,
                    "publication_type": types[type_label] if type_label else None,
                },
                {"name": name, "text": text},
            )

    # -- people -------------------------------------------------------------------------------

    def seed_people(self, people, centers, topics, regions):
        result = {}
        for spec in people:
            person = self.upsert(
                Person,
                {"slug": spec.slug},
                {
                    "name": spec.name,
                    "sort_name": spec.sort_name or default_sort_name(spec.name),
                    "kind": spec.kind,
                    "is_current": spec.is_current,
                    "has_profile": spec.has_profile,
                    "short_bio": spec.short_bio,
                    "bio": spec.bio,
                    "languages": spec.languages,
                    "email": spec.email,
                    "translations": translations.person_translations(spec.slug),
                },
            )
            person.topics.set([topics[t] for t in spec.topics])
            person.regions.set([regions[r] for r in spec.regions])
            self.sync_ordered(
                Affiliation.objects.filter(person=person),
                [
                    {"title_line": title, "center_id": centers[center].pk if center else None}
                    for title, center in spec.affiliations
                ],
                lambda values, position, person=person: Affiliation(person=person, position=position, **values),
            )
            self.sync_ordered(
                PersonLink.objects.filter(person=person),
                [{"label": label, "url": url} for label, url in spec.links],
                lambda values, position, person=person: PersonLink(person=person, position=position, **values),
            )
            result[spec.slug] = person
        return result

    def sync_ordered(self, queryset, desired, build):
        """Make the rows of `queryset` (ordered by position) match `desired`, position by position."""
        existing = list(queryset.order_by("position", "pk"))
        for position, values in enumerate(desired):
            if position < len(existing):
                row = existing[position]
                values = {**values, "position": position}
                if any(getattr(row, k) != v for k, v in values.items()):
                    for k, v in values.items():
                        setattr(row, k, v)
                    row.save()
            else:
                build(values, position).save()
        surplus = [row.pk for row in existing[len(desired) :]]
        if surplus:
            queryset.model.objects.filter(pk__in=surplus).delete()

    # -- publications ---------------------------------------------------------------------------

    def seed_publications(
        self,
        pubs,
        collection_items,
        *,
        persons,
        centers,
        types,
        regions,
        topics,
        programs,
        projects,
        collections,
        newsletters,
    ):
        legacy_ids = [p.legacy_id for p in pubs]
        existing = {
            row["legacy_id"]: row
            for row in Publication.objects.filter(legacy_id__in=legacy_ids).values("id", "legacy_id", "slug")
        }
        taken = set(Publication.objects.exclude(legacy_id__in=legacy_ids).values_list("slug", flat=True))
        taken.update(row["slug"] for row in existing.values())

        def values_for(spec, ids):
            if spec.body is None:
                body = paragraphs_to_html(data.SEED_BODY_FILE.read_text(encoding="utf-8"))
            else:
                body = spec.body
            return {
                "title": spec.title.strip(),
                "dek": spec.dek,
                "body": sanitize_html(body),
                "publication_type_id": types[spec.type].pk,
                "publication_date": spec.date,
                "language": spec.language,
                "translation_of_id": ids.get(spec.translation_of) if spec.translation_of else None,
                "primary_center_id": centers[spec.primary_center].pk,
                "lead_image_credit": spec.lead_image_credit,
                "source_name": spec.source_name,
                "source_url": spec.source_url,
                "disclaimer_override": sanitize_html(spec.disclaimer_override),
                "is_featured": spec.is_featured,
                "status": spec.status,
                "go_live_at": spec.go_live_at,
            }

        # 1. Create the pieces that do not exist yet, with slugs of our own (bulk_create skips save()).
        new = []
        for spec in pubs:
            if spec.legacy_id in existing:
                continue
            stem = base_slug(spec.title, max_length=Publication._meta.get_field("slug").max_length - 6)
            slug, counter = stem, 2
            while slug in taken:
                slug = f"{stem}-{counter}"
                counter += 1
            taken.add(slug)
            new.append(Publication(legacy_id=spec.legacy_id, slug=slug, **values_for(spec, {})))
        Publication.objects.bulk_create(new, batch_size=200)
        self.changes["created"] += len(new)

        # 2. Bring every demo piece up to date (translations need their original's id).
        ids = dict(Publication.objects.filter(legacy_id__in=legacy_ids).values_list("legacy_id", "id"))
        current = {
            row["legacy_id"]: row
            for row in Publication.objects.filter(legacy_id__in=legacy_ids).values(
                "id", "legacy_id", *PUBLICATION_FIELDS
            )
        }
        changed, changed_fields = [], set()
        for spec in pubs:
            wanted = values_for(spec, ids)
            row = current[spec.legacy_id]
            diff = {k: v for k, v in wanted.items() if row[k] != v}
            if diff:
                changed.append(Publication(pk=row["id"], **wanted))
                changed_fields.update(diff)
        if changed:
            if SEARCHED_FIELDS.intersection(changed_fields):
                # bulk_update() skips the field's pre_save: the segmented words are written here.
                for publication in changed:
                    publication.search_words = search_words_of(publication)
                changed_fields.add("search_words")
            Publication.objects.bulk_update(changed, sorted(changed_fields), batch_size=200)
            self.changes["updated"] += len(changed)

        pub_ids = list(ids.values())
        by_spec = [(ids[spec.legacy_id], spec) for spec in pubs]

        # 3. Relations. Each is synced as a set of (publication, target) pairs, so reruns are no-ops.
        def pairs(attr, lookup):
            return {(pk, lookup[name].pk) for pk, spec in by_spec for name in getattr(spec, attr)}

        center_pairs = pairs("centers", centers) | {(pk, centers[spec.primary_center].pk) for pk, spec in by_spec}
        self.sync_pairs(Publication.centers.through, "publication_id", "center_id", center_pairs, pub_ids)
        self.sync_pairs(Publication.regions.through, "publication_id", "region_id", pairs("regions", regions), pub_ids)
        self.sync_pairs(Publication.topics.through, "publication_id", "topic_id", pairs("topics", topics), pub_ids)
        self.sync_pairs(
            Publication.programs.through, "publication_id", "program_id", pairs("programs", programs), pub_ids
        )
        self.sync_pairs(
            Publication.projects.through, "publication_id", "project_id", pairs("projects", projects), pub_ids
        )
        self.sync_pairs(
            Publication.newsletters.through,
            "publication_id",
            "newsletter_id",
            pairs("newsletters", newsletters),
            pub_ids,
        )

        # Bylines: Authorship.objects.create() would copy the person's title line; bulk_create does not, so
        # the generator always supplies the title the person held when the piece appeared.
        self.sync_rows(
            Authorship,
            scope={"publication_id__in": pub_ids},
            key=("publication_id", "person_id"),
            desired={
                (pk, persons[slug].pk): {"role": role, "position": position, "title_line": title}
                for pk, spec in by_spec
                for position, (slug, role, title) in enumerate(spec.authors)
            },
        )
        self.sync_rows(
            CollectionItem,
            scope={"publication_id__in": pub_ids, "collection_id__in": [c.pk for c in collections.values()]},
            key=("collection_id", "publication_id"),
            desired={
                (collections[name].pk, ids[legacy_id]): {"position": position}
                for name, items in collection_items.items()
                for position, legacy_id in enumerate(items)
            },
        )
        self.seed_keywords(by_spec, pub_ids)

    def sync_pairs(self, through, source, target, desired, scope_ids):
        existing = {
            (s, t): pk
            for pk, s, t in through.objects.filter(**{f"{source}__in": scope_ids}).values_list("pk", source, target)
        }
        surplus = [pk for pair, pk in existing.items() if pair not in desired]
        if surplus:
            through.objects.filter(pk__in=surplus).delete()
        missing = sorted(desired - existing.keys())
        through.objects.bulk_create([through(**{source: s, target: t}) for s, t in missing], batch_size=500)

    def sync_rows(self, model, *, scope, key, desired):
        """Make rows of `model` within `scope` match `desired` ({key tuple: field values})."""
        fields = sorted({f for values in desired.values() for f in values})
        existing = {
            tuple(row[k] for k in key): row for row in model.objects.filter(**scope).values("pk", *key, *fields)
        }
        surplus = [row["pk"] for k, row in existing.items() if k not in desired]
        if surplus:
            model.objects.filter(pk__in=surplus).delete()
        create, update = [], []
        for k, values in desired.items():
            row = existing.get(k)
            if row is None:
                create.append(model(**dict(zip(key, k, strict=True)), **values))
            elif any(row[f] != v for f, v in values.items()):
                update.append(model(pk=row["pk"], **dict(zip(key, k, strict=True)), **values))
        model.objects.bulk_create(create, batch_size=500)
        if update:
            model.objects.bulk_update(update, fields, batch_size=500)

    def seed_keywords(self, by_spec, pub_ids):
        wanted_names = sorted({word for _pk, spec in by_spec for word in spec.keywords}, key=str.lower)
        tags = {}
        for name in wanted_names:
            tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
            tags[name.lower()] = tag.pk
        content_type = ContentType.objects.get_for_model(Publication)
        self.sync_pairs_generic(
            content_type,
            {(pk, tags[word.lower()]) for pk, spec in by_spec for word in spec.keywords},
            pub_ids,
        )

    def sync_pairs_generic(self, content_type, desired, scope_ids):
        rows = TaggedItem.objects.filter(content_type=content_type, object_id__in=scope_ids)
        existing = {(o, t): pk for pk, o, t in rows.values_list("pk", "object_id", "tag_id")}
        surplus = [pk for pair, pk in existing.items() if pair not in desired]
        if surplus:
            TaggedItem.objects.filter(pk__in=surplus).delete()
        TaggedItem.objects.bulk_create(
            [
                TaggedItem(content_type=content_type, object_id=o, tag_id=t)
                for o, t in sorted(desired - existing.keys())
            ],
            batch_size=500,
        )

    # -- users ----------------------------------------------------------------------------------

    def seed_users(self):
        # The roles' groups come from setup_roles, so that the demo users get exactly its permissions.
        call_command("setup_roles", stdout=StringIO())
        User = get_user_model()
        for username, password, is_staff, is_superuser in data.USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    email=f"{username}@example.org",
                    is_staff=is_staff,
                    is_superuser=is_superuser,
                )
                user.set_password(password)
                user.save()
                self.changes["created"] += 1
            role = data.USER_ROLES.get(username)
            if role:
                user.groups.add(Group.objects.get(name=role))

    def seed_submissions(self, legacy_ids):
        """Say who submitted the demo pieces that are past submission, as submit_for_review would.

        The pieces are written in bulk with their status, so nothing else records it; the review
        queue would show them as submitted by nobody, at no time. Only rows without a
        submission get one, so reruns change nothing.
        """
        editor = get_user_model().objects.filter(username="editor").first()
        unsubmitted = Publication.objects.filter(
            legacy_id__in=legacy_ids,
            status__in=[Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED],
            submitted_at__isnull=True,
        ).order_by("pk")
        now = timezone.now()
        rows = []
        for hours, piece in enumerate(unsubmitted, start=1):
            # A few hours apart, so the queue's "oldest first" reads like a working week.
            piece.submitted_by, piece.submitted_at = editor, now - datetime.timedelta(hours=5 * hours)
            rows.append(piece)
        Publication.objects.bulk_update(rows, ["submitted_by", "submitted_at"], batch_size=200)
        self.changes["updated"] += len(rows)

    def seed_edition_sources(self, legacy_ids):
        """Record the original's revision each demo edition was translated from, as create_edition does.

        The pieces are written in bulk, so no revision exists; editions already tracked are left
        alone, so reruns change nothing. The editions of `editions.EDITIONS_BEHIND` were translated
        before their original's last paragraph (an update) was added and published: they are
        behind, and the edition tracker's queue and their pages show it. The other editions of
        those originals were translated from the updated text.
        """
        behind = {slug: (changed_on, note) for slug, changed_on, note in editions.EDITIONS_BEHIND}
        changed_on_of = {
            original_id: behind[slug][0]
            for slug, original_id in Publication.objects.filter(legacy_id__in=behind).values_list(
                "legacy_id", "translation_of_id"
            )
        }
        updated = set(
            Revision.objects.filter(
                publication_id__in=changed_on_of,
                kind=Revision.Kind.PUBLISH,
                note__in=[note for _on, note in behind.values()],
            ).values_list("publication_id", flat=True)
        )
        untracked = Publication.objects.filter(
            legacy_id__in=legacy_ids, translation_of__isnull=False, source_revision__isnull=True
        ).select_related("translation_of")
        snapshots, revisions, sources = {}, [], []
        for edition in untracked.order_by("pk"):
            original = edition.translation_of
            if original.pk not in snapshots:
                snapshots[original.pk] = take_snapshot(original)
            snapshot = dict(snapshots[original.pk])
            translated = edition.publication_date or data.REFERENCE_DATE
            if edition.legacy_id in behind:
                changed_on, note = behind[edition.legacy_id]
                snapshot["body"] = snapshot["body"].rsplit("\n", 1)[0]  # without the last paragraph
                if original.pk not in updated:
                    revisions.append(
                        self.revision(
                            original, data=snapshots[original.pk], on=changed_on, kind=Revision.Kind.PUBLISH, note=note
                        )
                    )
                    updated.add(original.pk)
                translated = min(translated, changed_on - datetime.timedelta(days=1))
            elif original.pk in changed_on_of:
                translated = max(translated, changed_on_of[original.pk])
            source = self.revision(original, data=snapshot, on=translated)
            revisions.append(source)
            sources.append((edition, source))
        # In bulk, like the pieces themselves (45 editions: 3.7 s of saves and purges one by one).
        dated = [revision.created_at for revision in revisions]
        Revision.objects.bulk_create(revisions, batch_size=200)  # created_at is set to now on insert …
        for revision, created_at in zip(revisions, dated, strict=True):
            revision.created_at = created_at
        Revision.objects.bulk_update(revisions, ["created_at"], batch_size=200)  # … so it is moved after
        for edition, source in sources:
            edition.source_revision_id = source.pk
        Publication.objects.bulk_update([edition for edition, _ in sources], ["source_revision"], batch_size=200)
        self.changes["created"] += len(revisions)

    def revision(self, publication, *, data, on, kind=Revision.Kind.SAVE, note=""):
        """An unsaved revision of `publication`, dated as the demo's story has it."""
        return Revision(
            publication=publication,
            kind=kind,
            version=publication.version,
            data=data,
            note=note,
            created_at=timezone.make_aware(datetime.datetime.combine(on, datetime.time(9))),
        )

    # -- summary --------------------------------------------------------------------------------

    def report(self, seconds):
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo site ready in {seconds:.1f} s: {self.changes['created']} rows created, "
                f"{self.changes['updated']} publications updated."
            )
        )
        for label, count in summary_counts().items():
            self.stdout.write(f"  {label:<28} {count:>6}")


def summary_counts() -> dict[str, int]:
    """Row counts per model (and per relation table) that the demo content fills."""
    models = [
        ("Centers", Center),
        ("Content types", PublicationType),
        ("Regions", Region),
        ("Topics", Topic),
        ("Programs", Program),
        ("Projects", Project),
        ("Collections", Collection),
        ("Newsletters", Newsletter),
        ("Disclaimers", Disclaimer),
        ("People", Person),
        ("Affiliations", Affiliation),
        ("Person links", PersonLink),
        ("Publications", Publication),
        ("Authorships", Authorship),
        ("Collection items", CollectionItem),
        ("Publication centers", Publication.centers.through),
        ("Publication regions", Publication.regions.through),
        ("Publication topics", Publication.topics.through),
        ("Publication programs", Publication.programs.through),
        ("Publication projects", Publication.projects.through),
        ("Publication newsletters", Publication.newsletters.through),
        ("Person topics", Person.topics.through),
        ("Person regions", Person.regions.through),
        ("Keywords", Tag),
        ("Keyword uses", TaggedItem),
        ("Users", get_user_model()),
    ]
    return {label: model._default_manager.count() for label, model in models}
