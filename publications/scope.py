"""Which pieces a member of staff works on: their centers' pieces (SECURITY-CASES 26).

A center's editorial staff (`Center.staff`) see and change only the pieces whose primary center
is one of theirs, plus pieces that have no primary center yet (begun by staff of no center, or
imported). A pending change belongs to its live piece's desk as well as its own. Superusers and
staff who belong to no center work across the institution. The admin filters its lists with
`scoped()`, answers another center's piece by ID with 403, and the workflow services refuse it
too. Public pieces of any center may still be referred to (a translation's original, a
collection's items): `referable()`.
"""

from django.db.models import Q, QuerySet

from publications.models import Publication

EVERY_CENTER = None
OFF_DESK = "This piece belongs to another center's desk; its own staff or a manager there can act on it."


def center_scope(user) -> frozenset[int] | None:
    """The ids of the centers whose pieces `user` may work on, or EVERY_CENTER (None)."""
    if not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return EVERY_CENTER
    # Several permission checks run per admin page; the user object lives for one request.
    if not hasattr(user, "_center_scope"):
        # .all() reads a prefetch (review emails check every manager at once); values_list would not.
        user._center_scope = frozenset(center.pk for center in user.staffed_centers.all()) or EVERY_CENTER
    return user._center_scope


def home_center_ids(publication) -> set[int]:
    """The centers whose desks a piece is on: its primary center and, for a pending change, its live piece's."""
    centers = {publication.primary_center_id}
    if publication.draft_of_id:
        centers.add(publication.draft_of.primary_center_id)
    return centers - {None}


def within_scope(user, publication) -> bool:
    scope = center_scope(user)
    return scope is EVERY_CENTER or home_center_ids(publication) <= scope


def on_desks(center_ids: frozenset[int]) -> Q:
    """The condition on publications for the pieces on the desks of `center_ids`."""
    return Q(Q(primary_center__isnull=True) | Q(primary_center__in=center_ids)) & Q(
        Q(draft_of__isnull=True) | Q(draft_of__primary_center__isnull=True) | Q(draft_of__primary_center__in=center_ids)
    )


def scoped(queryset: QuerySet, user) -> QuerySet:
    """`queryset` of publications narrowed to the pieces `user` may work on."""
    scope = center_scope(user)
    return queryset if scope is EVERY_CENTER else queryset.filter(on_desks(scope))


def referable(queryset: QuerySet, user) -> QuerySet:
    """`queryset` narrowed to what `user` may link a piece to: their desk's pieces and any public piece."""
    if center_scope(user) is EVERY_CENTER:
        return queryset
    return queryset.filter(Q(pk__in=scoped(Publication.objects.all(), user)) | Q(pk__in=Publication.objects.published()))
