"""Writes to the audit log: one entry per change, and deletes that leave their entry behind.

The log itself is `cms.audit.models.AuditEntry`. Every service writes its entry inside its own
transaction, so an entry is never written for a change that did not happen, nor the reverse.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.utils.translation import gettext as _

from cms.audit.models import AuditEntry


def record_audit(*, actor, action: str, obj, message: str = "") -> AuditEntry:
    """Write one audit entry; call it inside the transaction of the change it records. 1 query."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=actor.get_username() if getattr(actor, "pk", None) else "system",
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        message=message,
    )


def delete_audited(*, objects, by) -> None:
    """Delete `objects` (a queryset, or a list of rows of one model), each with a DELETE entry.

    Refuses a user without the model's delete permission. Entries and deletes share one
    transaction. Rules about which rows a user may delete beyond the model permission (a desk,
    a live piece) are the caller's: its service or admin checks them first. Publications have
    their own service, `publications.workflow.editing.delete_publication`.
    """
    rows = list(objects)
    if not rows:
        return
    model = type(rows[0])
    opts = model._meta
    if not (by and by.has_perm(f"{opts.app_label}.delete_{opts.model_name}")):
        raise PermissionDenied(_("You are not allowed to delete %(things)s.") % {"things": opts.verbose_name_plural})
    with transaction.atomic(using=router.db_for_write(model)):
        for row in rows:
            record_audit(actor=by, action=AuditEntry.Action.DELETE, obj=row)
        if len(rows) == 1:
            rows[0].delete()
        else:
            # Exactly the rows audited above, in one collector run as the admin's "delete selected" does.
            model._default_manager.filter(pk__in=[row.pk for row in rows]).delete()
