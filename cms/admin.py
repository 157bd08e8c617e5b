"""The project's own admins: users, groups and keywords, audited like every other record."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db import router, transaction
from taggit.admin import TagAdmin
from taggit.forms import MergeTagsForm
from taggit.models import Tag

from cms.audit.admin import AuditedAdminMixin
from cms.audit.models import AuditEntry
from cms.audit.services import record_audit

# Who may do what is decided by users' groups and permissions: every change to them is audited.
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class AuditedUserAdmin(AuditedAdminMixin, UserAdmin):
    pass


@admin.register(Group)
class AuditedGroupAdmin(AuditedAdminMixin, GroupAdmin):
    pass


# Keywords (django-taggit's tags on pieces and images) are shown on public pages and listings.
admin.site.unregister(Tag)


@admin.register(Tag)
class AuditedKeywordAdmin(AuditedAdminMixin, TagAdmin):
    def merge_tags_view(self, request):
        # taggit's merge writes rows itself, past log_change: audit it in the merge's transaction.
        form = MergeTagsForm(request.POST) if request.method == "POST" else None
        if form is None or not form.is_valid():
            return super().merge_tags_view(request)
        selected = [pk for pk in request.session.get("selected_tag_ids", "").split(",") if pk.isdigit()]
        merged = ", ".join(Tag.objects.filter(pk__in=selected).order_by("name").values_list("name", flat=True))
        with transaction.atomic(using=router.db_for_write(Tag)):
            response = super().merge_tags_view(request)
            target = Tag.objects.get(name=form.cleaned_data["new_tag_name"])
            record_audit(
                actor=request.user, action=AuditEntry.Action.EDIT, obj=target, message=f"Merged {merged} into it."
            )
        return response
