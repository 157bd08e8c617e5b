"""The editors' and managers' desk: publications with their byline, workflow, revisions and previews.

Status never changes through the form: every workflow button posts to a view here that calls
one service (publications/workflow/, revisions.py, previews.py). Also registered here, because they need pieces: the
admins of people, images, collections and the audit log (subclasses of people's and the
platform's), and the desk counts panel on the admin index.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Prefetch, Q
from django.db.models.functions import Cast
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join

from cms.admin import AuditEntryAdmin, ImageAdmin
from cms.admin_audit import AuditedAdminMixin
from cms.admin_inlines import LabelledTabularInline
from cms.admin_refusals import RefusesChangesMixin
from cms.desk_views import BadBody, read_desk_body
from cms.models import AuditEntry, Center, Collection, Image, Region, descendant_region_ids
from cms.scope import EVERY_CENTER, center_scope
from people.admin import PersonAdmin
from people.models import Person
from publications import desk, previews, revisions
from publications.calendar import publishing_calendar
from publications.models import Authorship, CollectionItem, Publication, Revision, Status
from publications.revisions import compare_revisions
from publications.scope import (
    OFF_DESK,
    collection_center_ids,
    covers,
    image_change_refusal,
    is_manager,
    person_change_refusal,
    referable,
    scoped,
    within_scope,
)
from publications.workflow import editing, gate, publishing, review


class BylineFormSet(BaseInlineFormSet):
    """The byline rows: a title at publication left blank is filled from the person's profile."""

    def save_new(self, form, commit=True):
        form.instance.fill_title_line()
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        obj.fill_title_line()
        return super().save_existing(form, obj, commit)


class AuthorshipInline(LabelledTabularInline):
    model = Authorship
    formset = BylineFormSet
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["position", "person", "role", "title_line"]
    verbose_name = "contributor"
    verbose_name_plural = "contributors (byline order: lowest position first)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class DeskCollectionFormSet(BaseInlineFormSet):
    """A center's staff, managers included, put their piece only into collections of their own desk.

    A collection has no center of its own: it belongs to the desks of the pieces in it (an empty
    one to every desk). Placing a piece in a collection that shows other centers' pieces is
    curating those centers' page, which staff of every center those pieces come from, or who
    work across centers, do.
    """

    user = None

    def clean(self):
        super().clean()
        scope = center_scope(self.user) if self.user is not None else EVERY_CENTER
        if scope is EVERY_CENTER:
            return
        own_pieces = {self.instance.pk, self.instance.draft_of_id} - {None}
        for form in self.forms:
            collection = getattr(form, "cleaned_data", {}).get("collection")
            if collection is None or self._should_delete_form(form) or "collection" not in form.changed_data:
                continue
            other_centers = collection_center_ids(collection, leaving_out=own_pieces) - scope
            if other_centers:
                names = ", ".join(Center.objects.filter(pk__in=other_centers).values_list("name", flat=True))
                form.add_error(
                    "collection",
                    f"“{collection}” also holds pieces of {names}: only their desk or someone who works "
                    "across centers can add a piece to it. Ask them, or choose a collection of your own center.",
                )


class PublicationCollectionInline(LabelledTabularInline):
    model = CollectionItem
    formset = DeskCollectionFormSet
    extra = 0
    autocomplete_fields = ["collection"]
    fields = ["collection", "position"]
    verbose_name = "collection"
    verbose_name_plural = "collections"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("collection")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})


class RegionWithSubregionsFilter(admin.SimpleListFilter):
    """Filter by region the way readers find pieces: Europe includes Eastern Europe."""

    title = "region (with sub-regions)"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Region.objects.order_by("name").values_list("pk", "name")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            region_id = int(self.value())
        except ValueError:
            return queryset.none()
        return queryset.filter(regions__in=descendant_region_ids([region_id])).distinct()


class MineFilter(admin.SimpleListFilter):
    title = "created by"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", "Me")]

    def queryset(self, request, queryset):
        return queryset.filter(created_by=request.user) if self.value() == "1" else queryset


class HeldImportFilter(admin.SimpleListFilter):
    """Managers' queue of legacy pages the publish gate held back (import_legacy_file)."""

    title = "held by the legacy import"
    parameter_name = "held"

    def lookups(self, request, model_admin):
        return [("1", "Held, not public")]

    def queryset(self, request, queryset):
        return queryset.exclude(import_held_reasons="") if self.value() == "1" else queryset


# django-taggit stores a keyword in 100 characters and, when two keywords slugify alike,
# appends "_1", "_2"… to the slug with no room left for it: a database error, not a form error.
MAX_KEYWORD_LENGTH = 90


class PublicationAdminForm(forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Publication
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
        user = getattr(self, "user", None)
        scope = center_scope(user) if user is not None else EVERY_CENTER
        primary_center = self.fields.get("primary_center")
        if primary_center is not None and scope is not EVERY_CENTER:
            # A center's staff file every piece under one of their centers: they cannot move it
            # to another desk, nor clear the center and leave it open to every desk.
            primary_center.queryset = primary_center.queryset.filter(pk__in=scope)
            primary_center.required = True
            names = ", ".join(primary_center.queryset.values_list("name", flat=True))
            message = f"You work for {names}: choose one of your centers. A manager of another center can take the piece over."
            primary_center.error_messages["invalid_choice"] = primary_center.error_messages["required"] = message
        translation_of = self.fields.get("translation_of")
        if translation_of is not None and user is not None and scope is not EVERY_CENTER:
            # The current original stays choosable even if it is no longer public: the box would
            # otherwise show empty and the save would drop the link.
            current = translation_of.queryset.filter(pk=self.instance.translation_of_id)
            translation_of.queryset = referable(translation_of.queryset, user) | current

    def clean_keywords(self):
        keywords = self.cleaned_data.get("keywords") or []
        for keyword in keywords:
            if len(keyword) > MAX_KEYWORD_LENGTH:
                raise ValidationError(
                    f"A keyword is at most {MAX_KEYWORD_LENGTH} characters; “{keyword[:40]}…” has {len(keyword)}. "
                    "Separate keywords with commas."
                )
        return keywords

    def clean(self):
        cleaned = super().clean()
        self._check_added_centers(cleaned.get("centers"))
        if self.instance.pk:
            # The admin validates inside the save's transaction, so the service's lock holds until
            # the save commits; refused here, the stale save is a form error that keeps the text.
            editing.check_publication_version(
                publication=self.instance, expected_version=cleaned.get("expected_version")
            )
        return cleaned

    def _check_added_centers(self, centers):
        """A center's staff add only their own centers; other centers' listings are those centers' to fill."""
        user = getattr(self, "user", None)
        scope = center_scope(user) if user is not None else EVERY_CENTER
        if centers is None or scope is EVERY_CENTER:
            return
        # Centers already on the piece stay: a pending change keeps its live piece's centers.
        already = set(self.instance.centers.values_list("pk", flat=True)) if self.instance.pk else set()
        added_elsewhere = [center for center in centers if center.pk not in scope and center.pk not in already]
        if added_elsewhere:
            own = ", ".join(Center.objects.filter(pk__in=scope).values_list("name", flat=True))
            others = ", ".join(center.name for center in added_elsewhere)
            self.add_error(
                "centers",
                f"You work for {own}: you can add only your own centers, not {others}. "
                "Ask a manager who works across centers to add another center's listing.",
            )


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    form = PublicationAdminForm
    change_form_template = "admin/publications/publication/change_form.html"
    list_display = [
        "title",
        "byline",
        "publication_type",
        "primary_center",
        "status_label",
        "publication_date",
        "updated_at",
    ]
    list_filter = [
        "status",
        HeldImportFilter,
        MineFilter,
        "publication_type",
        "primary_center",
        "centers",
        "topics",
        RegionWithSubregionsFilter,
        "language",
        "import_language_source",
        "is_featured",
        "publication_date",
    ]
    list_select_related = ["publication_type", "primary_center", "pending_change"]
    search_fields = ["title", "dek", "slug", "authorships__person__name", "legacy_id"]
    search_help_text = "Search by title, dek, slug, author name or legacy id."
    date_hierarchy = "publication_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "publication_type",
        "primary_center",
        "centers",
        "programs",
        "projects",
        "regions",
        "topics",
        "newsletters",
        "lead_image",
        "translation_of",
    ]
    inlines = [AuthorshipInline, PublicationCollectionInline]
    readonly_fields = [
        "status",
        "held_reasons",
        "go_live_at",
        "expire_at",
        "legacy_id",
        "import_language_source",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "dek",
                    "publication_type",
                    "publication_date",
                    "language",
                    "expected_version",
                ]
            },
        ),
        ("Body", {"fields": ["body"]}),
        (
            "Centers and taxonomies",
            {
                "fields": ["primary_center", "centers", "programs", "projects", "regions", "topics", "keywords"],
            },
        ),
        ("Lead image", {"fields": ["lead_image", "lead_image_credit", "lead_image_alt"]}),
        ("Original source (for pieces that first appeared elsewhere)", {"fields": ["source_name", "source_url"]}),
        (
            "Home page, newsletters and translations",
            {
                "fields": ["is_featured", "newsletters", "translation_of"],
                "classes": ["collapse"],
            },
        ),
        ("Disclaimer", {"fields": ["disclaimer_override"], "classes": ["collapse"]}),
        (
            "Status and schedule (changed with the workflow buttons)",
            {
                "fields": ["status", "held_reasons", "go_live_at", "expire_at"],
            },
        ),
        (
            "Record",
            {"fields": ["legacy_id", "import_language_source", "created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user).prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("person").order_by("position", "pk"),
                to_attr="byline_rows",
            )
        )

    def get_search_results(self, request, queryset, search_term):
        # The autocompletes that link a piece to another (a translation's original, a
        # collection's items) may offer any public piece too, not only the user's desk.
        linking = (request.GET.get("model_name"), request.GET.get("field_name")) in {
            ("publication", "translation_of"),
            ("collectionitem", "publication"),
        }
        if linking and center_scope(request.user) is not EVERY_CENTER:
            queryset = referable(Publication.objects.all(), request.user)
        return super().get_search_results(request, queryset, search_term)

    def get_object(self, request, object_id, from_field=None):
        publication = super().get_object(request, object_id, from_field)
        if publication is None and from_field is None:
            # Another center's piece is refused by name, not reported as missing: the editor
            # followed a link or typed an ID, and "it does not exist" would be untrue.
            try:
                pk = self.model._meta.pk.to_python(object_id)
            except ValidationError:
                return None
            if Publication.objects.filter(pk=pk).exists():
                raise PermissionDenied(OFF_DESK)
        return publication

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The form limits the primary center to the user's centers (PublicationAdminForm).
        return type(form.__name__, (form,), {"user": request.user})

    def has_view_permission(self, request, obj=None):
        if self.off_desk(request, obj):
            return False
        return super().has_view_permission(request, obj)

    @admin.display(description="held by the legacy import")
    def held_reasons(self, publication):
        if not publication.import_held_reasons:
            return "—"
        return format_html_join("", "<p>{}</p>", ((reason,) for reason in publication.import_held_reasons.splitlines()))

    @admin.display(description="authors")
    def byline(self, publication):
        return ", ".join(row.person.name for row in getattr(publication, "byline_rows", []))

    @admin.display(description="status", ordering="status")
    def status_label(self, publication):
        label = publication.get_status_display()
        if (
            publication.status == Status.PUBLISHED
            and publication.go_live_at
            and publication.go_live_at > timezone.now()
        ):
            label = f"Scheduled for {timezone.localtime(publication.go_live_at):%Y-%m-%d %H:%M}"
        if publication.draft_of_id:
            label = f"{label} (pending change of a live piece)"
        elif getattr(publication, "pending_change", None) is not None:
            label = f"{label} · change pending"
        if publication.import_held_reasons:
            count = len(publication.import_held_reasons.splitlines())
            label = f"{label} · held by the import ({count} problem{'s' if count != 1 else ''})"
        return label

    # Live pieces are read-only: a change goes through a pending copy that a manager publishes.
    def is_live(self, obj) -> bool:
        return obj is not None and obj.status == Status.PUBLISHED and not obj.draft_of_id

    # Another center's piece is out of reach altogether (publications/scope.py).
    def off_desk(self, request, obj) -> bool:
        return obj is not None and not within_scope(request.user, obj)

    def has_change_permission(self, request, obj=None):
        if self.is_live(obj) or self.off_desk(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.is_live(obj) or self.off_desk(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        editing.delete_publications(publications=[obj], by=request.user)

    def delete_queryset(self, request, queryset):
        editing.delete_publications(publications=queryset, by=request.user)

    def get_view_on_site_url(self, obj=None):
        # A piece readers cannot see yet opens in the staff preview instead of a public 404.
        if obj is not None and obj.pk and not obj.is_public:
            return reverse("publications:preview", args=[obj.pk])
        return super().get_view_on_site_url(obj)

    def save_model(self, request, obj, form, change):
        # Saved with its relations and inlines in save_related, by the one service for saves.
        pass

    def save_related(self, request, form, formsets, change):
        editing.save_publication(
            publication=form.instance,
            by=request.user,
            expected_version=form.cleaned_data.get("expected_version"),
            save_related=lambda: super(PublicationAdmin, self).save_related(request, form, formsets, change),
            validate=False,  # the ModelForm ran the model's validation
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        publication = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            **(self.workflow_context(request, publication) if publication else {}),
        }
        extra_context["desk"] = self.desk_context(request, publication)
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "desk": self.desk_context(request, None)}
        return super().add_view(request, form_url, extra_context)

    def desk_context(self, request, publication: Publication | None) -> dict:
        """The writing aids panel and autosave: their endpoints, and the autosave to offer back."""
        editable = publication is not None and self.has_change_permission(request, publication)
        return {
            "aids_url": reverse("admin:publications_publication_aids"),
            "autosave_url": reverse("admin:publications_publication_autosave", args=[publication.pk])
            if editable
            else "",
            "offer": desk.autosave_to_offer(publication=publication, user=request.user) if editable else None,
        }

    def workflow_context(self, request, publication: Publication) -> dict:
        user = request.user
        status = publication.status
        can_review = user.has_perm("publications.review_publication")
        can_publish = user.has_perm("publications.publish_publication")
        can_edit = user.has_perm("publications.change_publication")
        pending = Publication.objects.filter(draft_of=publication).first() if self.is_live(publication) else None
        return {
            "workflow": {
                "publication": publication,
                "is_live": self.is_live(publication),
                "is_scheduled": status == Status.PUBLISHED
                and publication.go_live_at
                and publication.go_live_at > timezone.now(),
                "pending_change": pending,
                "can_submit": user.has_perm("publications.submit_publication")
                and status in {Status.DRAFT, Status.CHANGES_REQUESTED},
                "can_review": can_review and status == Status.IN_REVIEW,
                "can_publish": can_publish and status in {Status.APPROVED, Status.UNPUBLISHED},
                "can_unpublish": can_publish and status == Status.PUBLISHED,
                "can_start_change": can_edit and self.is_live(publication) and pending is None,
                "can_share": can_edit,
                "gate_problems": gate.publish_gate_problems(publication)
                if status in {Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED}
                else [],
                "history": AuditEntry.objects.filter(
                    content_type__app_label="publications",
                    content_type__model="publication",
                    object_id=str(publication.pk),
                )[:10],
                "revision_count": publication.revisions.count(),
                "now": timezone.localtime(),
            }
        }

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path("review-queue/", view(self.review_queue_view), name="publications_publication_review_queue"),
            path("schedule/", view(self.schedule_view), name="publications_publication_schedule"),
            path("<int:pk>/workflow/<str:action>/", view(self.workflow_view), name="publications_publication_workflow"),
            path("<int:pk>/revisions/", view(self.revisions_view), name="publications_publication_revisions"),
            path("<int:pk>/autosave/", view(self.autosave_view), name="publications_publication_autosave"),
            path("aids/", view(self.aids_view), name="publications_publication_aids"),
            path(
                "<int:pk>/revisions/<int:revision_id>/restore/",
                view(self.restore_view),
                name="publications_publication_restore",
            ),
        ] + super().get_urls()

    def _publication_or_404(self, request, pk) -> Publication:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(scoped(Publication.objects.all(), request.user), pk=pk)

    def workflow_view(self, request, pk, action):
        """Run one workflow step through its service: a role refusal is a 403, a state conflict a message."""
        if request.method != "POST":
            raise Http404
        publication = self._publication_or_404(request, pk)
        change_url = reverse("admin:publications_publication_change", args=[publication.pk])
        user = request.user
        raw_version = request.POST.get("expected_version", "")
        expected_version = int(raw_version) if raw_version.isascii() and raw_version.isdigit() else None
        try:
            if action == "submit":
                review.submit_for_review(publication=publication, by=user)
                messages.success(request, "Submitted for review. Managers have been told.")
            elif action == "approve":
                review.approve_publication(publication=publication, by=user, expected_version=expected_version)
                messages.success(request, "Approved. It can now be published.")
            elif action == "request-changes":
                review.request_changes(
                    publication=publication,
                    by=user,
                    comment=request.POST.get("comment", ""),
                    expected_version=expected_version,
                )
                messages.success(request, "Sent back to the editor with your comment.")
            elif action == "publish":
                go_live_at, expire_at = self._schedule_from(request)
                target = publishing.publish_publication(
                    publication=publication,
                    by=user,
                    go_live_at=go_live_at,
                    expire_at=expire_at,
                    expected_version=expected_version,
                )
                change_url = reverse("admin:publications_publication_change", args=[target.pk])
                if target.go_live_at:
                    messages.success(
                        request, f"Scheduled: it goes live {timezone.localtime(target.go_live_at):%Y-%m-%d %H:%M}."
                    )
                else:
                    messages.success(request, "Published. It is live now.")
            elif action == "unpublish":
                publishing.unpublish_publication(publication=publication, by=user)
                messages.success(request, "Unpublished. Readers no longer see it.")
            elif action == "start-change":
                copy = review.start_change(publication=publication, by=user)
                messages.success(
                    request,
                    "This is a pending change: readers keep seeing the live piece until a manager publishes it.",
                )
                change_url = reverse("admin:publications_publication_change", args=[copy.pk])
            elif action == "share":
                token = previews.create_preview_link_token(publication=publication, by=user)
                link = request.build_absolute_uri(reverse("publications:preview_share", args=[token]))
                days = max(settings.PREVIEW_LINK_MAX_AGE // 86400, 1)
                messages.success(
                    request,
                    format_html(
                        'Share link (read-only, valid for {} day{}): <a href="{}">{}</a>',
                        days,
                        "" if days == 1 else "s",
                        link,
                        link,
                    ),
                )
            else:
                raise Http404
        # PermissionDenied is not caught: the buttons are only shown to those who may use them,
        # so a refusal means a forged or stale request, answered with the 403 page and its reason.
        except ValidationError as refusal:
            for message in refusal.messages:
                messages.error(request, message)
        # The review queue's row actions come back to the queue, so a manager works down it.
        if request.POST.get("from") == "review-queue" and action in {"approve", "request-changes"}:
            return HttpResponseRedirect(reverse("admin:publications_publication_review_queue"))
        return HttpResponseRedirect(change_url)

    def autosave_view(self, request, pk):
        """Keep the form's text as an autosave revision (JSON in, JSON out); see revisions.autosave_draft."""
        if request.method != "POST":
            return JsonResponse({"error": "POST the form's text."}, status=405)
        publication = self._publication_or_404(request, pk)
        if not self.has_change_permission(request, publication):
            return JsonResponse({"error": "You cannot edit this piece."}, status=403)
        try:
            # Autosave takes what Django reads at all (2.5 MB, several times the longest report),
            # so it keeps bodies the writing aids refuse; over it, the editor is told, not dropped.
            data = read_desk_body(
                request,
                limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
                too_long="This text is too long to autosave. Save the form to keep it.",
                key="fields",
                kind=dict,
                expected='Send {"expected_version": n, "fields": {…}}.',
                html_of=lambda data: [str(data["fields"].get("body") or "")],
                too_deep="The body nests too deeply to autosave. Save the form to keep it.",
            )
        except BadBody as refusal:
            return refusal.response
        raw_version = str(data.get("expected_version", ""))
        try:
            revision = revisions.autosave_draft(
                publication=publication,
                by=request.user,
                expected_version=int(raw_version) if raw_version.isascii() and raw_version.isdigit() else None,
                fields=data["fields"],
            )
        except PermissionDenied as refusal:
            return JsonResponse({"error": str(refusal)}, status=403)
        except ValidationError as refusal:
            return JsonResponse({"error": " ".join(refusal.messages), "code": refusal.code}, status=409)
        saved_at = timezone.localtime(revision.created_at)
        return JsonResponse(
            {"revision": revision.pk, "saved_at": saved_at.isoformat(), "label": f"Autosaved at {saved_at:%H:%M:%S}"}
        )

    def aids_view(self, request):
        """Word count, reading time, previews and the publish gate for the form's current values."""
        if request.method != "POST":
            return JsonResponse({"error": "POST the form's values."}, status=405)
        if not self.has_change_permission(request) and not self.has_add_permission(request):
            return JsonResponse({"error": "You cannot edit publications."}, status=403)
        try:
            data = read_desk_body(
                request,
                limit=desk.AIDS_MAX_BYTES,
                too_long="This text is too long for the writing aids (over 600 KB); autosave still keeps it.",
                key="fields",
                kind=dict,
                expected='Send {"fields": {…}}.',
                html_of=lambda data: [str(data["fields"].get(name) or "") for name in ("body", "disclaimer_override")],
                too_deep="The writing aids pause: the body nests too deeply to read.",
            )
        except BadBody as refusal:
            return refusal.response
        publication_id = data.get("publication")
        publication = (
            scoped(Publication.objects.select_related("draft_of"), request.user).filter(pk=publication_id).first()
            if isinstance(publication_id, int) and 0 < publication_id < 2**63
            else None
        )
        has_author = data.get("has_author")
        aids = desk.writing_aids(
            fields=data["fields"],
            publication=publication,
            has_author=has_author if isinstance(has_author, bool) else None,
            site_url=request.build_absolute_uri("/"),
        )
        return JsonResponse(aids.as_json())

    def _schedule_from(self, request):
        def parse(name):
            raw = (request.POST.get(name) or "").strip()
            if not raw:
                return None
            try:
                moment = parse_datetime(raw)
            except ValueError:
                moment = None
            if moment is None:
                raise ValidationError(f"“{raw}” is not a date and time (use the picker or YYYY-MM-DD HH:MM).")
            return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

        return parse("go_live_at"), parse("expire_at")

    def review_queue_view(self, request):
        """The managers' queue: pieces awaiting review, oldest submission first."""
        if not request.user.has_perm("publications.review_publication"):
            raise PermissionDenied
        waiting = (
            scoped(Publication.objects.filter(status=Status.IN_REVIEW), request.user)
            .select_related("submitted_by", "publication_type", "primary_center", "draft_of")
            .order_by("submitted_at", "pk")
        )
        return TemplateResponse(
            request,
            "admin/publications/publication/review_queue.html",
            {
                **self.admin_site.each_context(request),
                "title": "Review queue",
                "waiting": waiting,
                "opts": self.model._meta,
            },
        )

    def schedule_view(self, request):
        """A calendar of what goes live or expires in the coming weeks, by center."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        weeks = request.GET.get("weeks", "4")
        weeks = min(max(int(weeks), 1), 26) if weeks.isascii() and weeks.isdigit() else 4
        center_slug = request.GET.get("center", "").replace("\x00", "")
        return TemplateResponse(
            request,
            "admin/publications/publication/schedule.html",
            {
                **self.admin_site.each_context(request),
                "title": "Publishing schedule",
                "opts": self.model._meta,
                "calendar": publishing_calendar(
                    weeks=weeks, center_slug=center_slug, center_ids=center_scope(request.user)
                ),
                "weeks": weeks,
                "centers": Center.objects.all(),
                "center_slug": center_slug,
            },
        )

    def revisions_view(self, request, pk):
        """The revision history, and a field-by-field comparison of two revisions (?a=&b=)."""
        publication = self._publication_or_404(request, pk)
        # Snapshots hold whole bodies: load only the two being compared.
        revisions = list(
            publication.revisions.select_related("created_by").defer("data").order_by("-created_at", "-pk")
        )
        by_id = {revision.pk: revision for revision in revisions}
        comparison, older, newer = None, None, None
        try:
            a, b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
        except ValueError:
            a = b = 0
        if a in by_id and b in by_id:
            pair = Revision.objects.in_bulk([a, b])
            older, newer = sorted([pair[a], pair[b]], key=lambda r: (r.created_at, r.pk))
            comparison = compare_revisions(older.data, newer.data)
        return TemplateResponse(
            request,
            "admin/publications/publication/revisions.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Revisions of “{publication.title}”",
                "opts": self.model._meta,
                "publication": publication,
                "revisions": revisions,
                "rows": desk.revision_rows(revisions),
                "comparison": comparison,
                "older": older,
                "newer": newer,
                "can_restore": request.user.has_perm("publications.change_publication"),
            },
        )

    def restore_view(self, request, pk, revision_id):
        if request.method != "POST":
            raise Http404
        publication = self._publication_or_404(request, pk)
        revision = get_object_or_404(Revision, pk=revision_id, publication=publication)
        try:
            restored = revisions.restore_revision(revision=revision, by=request.user)
        except ValidationError as refusal:
            for message in refusal.messages:
                messages.error(request, message)
            return HttpResponseRedirect(reverse("admin:publications_publication_revisions", args=[pk]))
        messages.success(request, "Restored as a new draft revision. Earlier revisions are kept.")
        return HttpResponseRedirect(reverse("admin:publications_publication_change", args=[restored.pk]))


COLLECTION_OFF_DESK = (
    "This collection holds pieces of other centers, so it is on their desks as well as yours: only "
    "someone who works across centers can change it."
)


@admin.register(Collection)
class CollectionAdmin(AuditedAdminMixin, RefusesChangesMixin, admin.ModelAdmin):
    """Registered here, not in cms/, because its ordered items are publications.

    A collection is on the desks of its pieces (scope.collection_center_ids), as it is when a
    piece is put into it from the piece's page: a center's staff, managers included, change only
    collections on their desk, or the other door would let a center's manager curate another's.
    """

    class ItemInline(LabelledTabularInline):
        model = CollectionItem
        extra = 0
        autocomplete_fields = ["publication"]
        fields = ["position", "publication"]
        verbose_name = "publication"
        verbose_name_plural = "publications (in curated order: lowest position first)"

        def get_queryset(self, request):
            items = super().get_queryset(request).select_related("publication", "collection")
            if center_scope(request.user) is EVERY_CENTER:
                return items
            # Another center's unpublished pieces stay out of sight; saving leaves them in place.
            return items.filter(publication__in=referable(Publication.objects.all(), request.user))

        def formfield_for_foreignkey(self, db_field, request, **kwargs):
            if db_field.name == "publication":
                kwargs["queryset"] = referable(Publication.objects.all(), request.user)
            return super().formfield_for_foreignkey(db_field, request, **kwargs)

    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]
    inlines = [ItemInline]

    def change_refusal(self, request, obj):
        return None if covers(request.user, collection_center_ids(obj)) else COLLECTION_OFF_DESK

    def has_delete_permission(self, request, obj=None):
        # The confirmation page lists every item: not for a desk that may not see them all.
        if obj is not None and center_scope(request.user) is not EVERY_CENTER:
            hidden = obj.items.exclude(publication__in=referable(Publication.objects.all(), request.user))
            if hidden.exists():
                return False
        return super().has_delete_permission(request, obj)


@admin.register(Person)
class PersonOnDeskAdmin(PersonAdmin):
    """People on desks: registered here, like CollectionAdmin, because it takes the pieces that
    name a person to know whether they are on the public site and on whose desk (scope.py).

    Everyone on the staff reads every person and may name them in a byline; a person who is
    public is changed by managers only, and one affiliated with another center by its desk.
    """

    def change_refusal(self, request, obj):
        return person_change_refusal(request.user, obj)

    def may_make_public(self, request):
        return is_manager(request.user)


@admin.register(Image)
class ImageOnDeskAdmin(ImageAdmin):
    """Images on desks: registered here, like PersonOnDeskAdmin, because it takes the pieces and
    people that show an image to know whether it is on the public site and on whose desk."""

    def change_refusal(self, request, obj):
        # Replacing the file of an image a live page shows changes that page at once.
        return image_change_refusal(request.user, obj)


@admin.register(AuditEntry)
class AuditLogOnDeskAdmin(AuditEntryAdmin):
    """The audit log narrowed to the reader's desk: registered here because entries name pieces."""

    def get_queryset(self, request):
        entries = super().get_queryset(request)
        if center_scope(request.user) is EVERY_CENTER:
            return entries
        # A center's staff read the history of their own desk's pieces, not other centers' titles.
        visible = scoped(Publication.objects.all(), request.user).annotate(key=Cast("pk", CharField())).values("key")
        publication_type = ContentType.objects.get_for_model(Publication)
        return entries.filter(~Q(content_type=publication_type) | Q(object_id__in=visible))


def desk_counts_panel(request) -> dict | None:
    """Return the editorial desk's counts for the admin index, or None for staff who may not read publications.

    Five counts, six for managers (held imports), each narrowed to the user's desk.
    """
    user = request.user
    if not user.has_perm("publications.view_publication"):
        return None
    now = timezone.now()
    # A center's staff count their own center's desk (publications/scope.py).
    pieces = scoped(Publication.objects.all(), user)
    counts = {
        "in_review": pieces.filter(status=Status.IN_REVIEW).count(),
        "changes_requested": pieces.filter(status=Status.CHANGES_REQUESTED).count(),
        "approved": pieces.filter(status=Status.APPROVED).count(),
        "scheduled": pieces.filter(
            status=Status.PUBLISHED, go_live_at__gt=now, go_live_at__lte=now + datetime.timedelta(days=7)
        ).count(),
        "my_drafts": pieces.filter(status__in=[Status.DRAFT, Status.CHANGES_REQUESTED], created_by=user).count(),
    }
    can_publish = is_manager(user)
    if can_publish:
        # Legacy pages the publish gate held back: managers decide what goes live.
        counts["held_imports"] = pieces.exclude(import_held_reasons="").count()
    return {
        "counts": counts,
        "can_review": user.has_perm("publications.review_publication"),
        "can_publish": can_publish,
    }


admin.site.register_dashboard_panel("admin/publications/desk_counts_panel.html", desk_counts_panel)
