"""Which centers a member of staff works for: the desk scope that needs nothing but `Center.staff`.

A center's editorial staff (`Center.staff`) work on their centers' desks only; superusers and
staff who belong to no center work across the institution (EVERY_CENTER). What lies on a desk
(pieces, people, images, collections) is decided by the apps that own those records, above this
one: `publications/scope.py`. A disclaimer names its center itself, so its desk is decided here.
"""

EVERY_CENTER = None


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


DISCLAIMER_OFF_DESK = (
    "This disclaimer covers pieces beyond your centers (another center's, or every center's), so only "
    "someone who works across centers, or a manager of that center, can change it."
)


def disclaimer_change_refusal(user, disclaimer) -> str | None:
    """A disclaimer is on its center's desk; one for every center is on no single desk."""
    scope = center_scope(user)
    if scope is EVERY_CENTER or (disclaimer.center_id is not None and disclaimer.center_id in scope):
        return None
    return DISCLAIMER_OFF_DESK
