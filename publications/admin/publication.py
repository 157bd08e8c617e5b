"""The publication's model admin: list, form, desk scope, and the URLs of its desk views.

Status never changes through the form: every workflow button posts to a view in desk_views.py
that calls one service (publications/workflow/, revisions.py, previews.py). The custom views are plain functions of
this model admin (its permissions and desk scope), wired in `PublicationAdmin.get_urls` so their
names stay `admin:publications_publication_…`.
"""

import functools

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.audit.models import AuditEntry
from cms.taxonomies.scope import EVERY_CENTER, center_scope
from publications import desk
from publications.admin import calendar, desk_views, editions, review_queue
from publications.admin.filters import HeldImportFilter, LanguageFilter, MineFilter, RegionWithSubregionsFilter
from publications.admin.publication_form import AuthorshipInline, PublicationAdminForm, PublicationCollectionInline
from publications.models import Authorship, Publication, Status
from publications.scope import OFF_DESK, referable, scoped, within_scope
from publications.workflow import editing, gate


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
        ("language", LanguageFilter),
        "import_language_source",
        "is_featured",
        "publication_date",
    ]
    list_select_related = ["publication_type", "primary_center", "pending_change"]
    search_fields = ["title", "dek", "slug", "authorships__person__name", "legacy_id"]
    search_help_text = gettext_lazy("Search by title, dek, slug, author name or legacy id.")
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
        (gettext_lazy("Body"), {"fields": ["body"]}),
        (
            gettext_lazy("Centers and taxonomies"),
            {
                "fields": ["primary_center", "centers", "programs", "projects", "regions", "topics", "keywords"],
            },
        ),
        (gettext_lazy("Lead image"), {"fields": ["lead_image", "lead_image_credit", "lead_image_alt"]}),
        (
            gettext_lazy("Original source (for pieces that first appeared elsewhere)"),
            {"fields": ["source_name", "source_url"]},
        ),
        (
            gettext_lazy("Home page, newsletters and translations"),
            {
                "fields": ["is_featured", "newsletters", "translation_of"],
                "classes": ["collapse"],
            },
        ),
        (gettext_lazy("Disclaimer"), {"fields": ["disclaimer_override"], "classes": ["collapse"]}),
        (
            gettext_lazy("Status and schedule (changed with the workflow buttons)"),
            {
                "fields": ["status", "held_reasons", "go_live_at", "expire_at"],
            },
        ),
        (
            gettext_lazy("Record"),
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
                raise PermissionDenied(_(OFF_DESK))
        return publication

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The form limits the primary center to the user's centers (PublicationAdminForm).
        return type(form.__name__, (form,), {"user": request.user})

    def has_view_permission(self, request, obj=None):
        if self.off_desk(request, obj):
            return False
        return super().has_view_permission(request, obj)

    @admin.display(description=gettext_lazy("held by the legacy import"))
    def held_reasons(self, publication):
        if not publication.import_held_reasons:
            return "—"
        return format_html_join("", "<p>{}</p>", ((reason,) for reason in publication.import_held_reasons.splitlines()))

    @admin.display(description=gettext_lazy("authors"))
    def byline(self, publication):
        return ", ".join(row.person.name for row in getattr(publication, "byline_rows", []))

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_label(self, publication):
        label = publication.get_status_display()
        if (
            publication.status == Status.PUBLISHED
            and publication.go_live_at
            and publication.go_live_at > timezone.now()
        ):
            when = date_format(timezone.localtime(publication.go_live_at), "SHORT_DATETIME_FORMAT")
            label = _("Scheduled for %(when)s") % {"when": when}
        if publication.draft_of_id:
            label = _("%(status)s (pending change of a live piece)") % {"status": label}
        elif getattr(publication, "pending_change", None) is not None:
            label = _("%(status)s · change pending") % {"status": label}
        if publication.import_held_reasons:
            count = len(publication.import_held_reasons.splitlines())
            label = ngettext(
                "%(status)s · held by the import (%(count)d problem)",
                "%(status)s · held by the import (%(count)d problems)",
                count,
            ) % {"status": label, "count": count}
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
        if publication is not None:
            extra_context.update(editions.editions_context(request, publication))
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
            # The desk's views are plain functions of this model admin (its permissions and desk);
            # wraps() keeps their names for the resolver and error pages, where partial() would not.
            @functools.wraps(function)
            def bound(request, *args, **kwargs):
                return function(self, request, *args, **kwargs)

            return self.admin_site.admin_view(bound)

        return [
            path("review-queue/", view(review_queue.review_queue_view), name="publications_publication_review_queue"),
            path("schedule/", view(calendar.schedule_view), name="publications_publication_schedule"),
            path(
                "editions-behind/",
                view(editions.editions_behind_view),
                name="publications_publication_editions_behind",
            ),
            path("<int:pk>/translate/", view(editions.translate_view), name="publications_publication_translate"),
            path(
                "<int:pk>/up-to-date/",
                view(editions.mark_up_to_date_view),
                name="publications_publication_mark_up_to_date",
            ),
            path(
                "<int:pk>/workflow/<str:action>/",
                view(desk_views.workflow_view),
                name="publications_publication_workflow",
            ),
            path("<int:pk>/revisions/", view(desk_views.revisions_view), name="publications_publication_revisions"),
            path("<int:pk>/autosave/", view(desk_views.autosave_view), name="publications_publication_autosave"),
            path("aids/", view(desk_views.aids_view), name="publications_publication_aids"),
            path(
                "<int:pk>/revisions/<int:revision_id>/restore/",
                view(desk_views.restore_view),
                name="publications_publication_restore",
            ),
        ] + super().get_urls()
