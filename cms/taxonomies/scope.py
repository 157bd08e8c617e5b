"""Which centers a member of staff works for: the desk scope that needs nothing but `Center.staff`.

A center's editorial staff (`Center.staff`) work on their centers' desks only; superusers and
staff who belong to no center work across the institution (EVERY_CENTER). What lies on a desk
(pieces, people, images, collections) is decided by the apps that own those records, above this
one: `publications/scope.py`.
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
