"""Which pieces a member of staff works on: their centers' pieces (SECURITY-CASES 26).

A center's editorial staff (`Center.staff`) see and change only the pieces whose primary center
is one of theirs, plus pieces that have no primary center yet (begun by staff of no center, or
imported). A pending change belongs to its live piece's desk as well as its own. Superusers and
staff who belong to no center work across the institution. The admin filters its lists with
`scoped()`, answers another center's piece by ID with 403, and the workflow services refuse it
too. Public pieces of any center may still be referred to (a translation's original, a
collection's items): `referable()`. Which centers a user works for (`center_scope`) and a
disclaimer's desk need only `Center.staff`, so they live below, in `cms/scope.py`.
"""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.taxonomies.scope import EVERY_CENTER, center_scope
from people.models import Affiliation, Person
from publications.models import Authorship, CollectionItem, Publication, Status

# The refusals below are English constants (tests compare them); their users translate them with gettext.
OFF_DESK = gettext_noop("This piece belongs to another center's desk; its own staff or a manager there can act on it.")


def home_center_ids(publication) -> set[int]:
    """The centers whose desks a piece is on: its primary center and, for a pending change, its live piece's."""
    centers = {publication.primary_center_id}
    if publication.draft_of_id:
        centers.add(publication.draft_of.primary_center_id)
    return centers - {None}


def within_scope(user, publication) -> bool:
    return covers(user, home_center_ids(publication))


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
    return queryset.filter(
        Q(pk__in=scoped(Publication.objects.all(), user)) | Q(pk__in=Publication.objects.published())
    )


# People and images are on desks too (issue 13): a page shows a person's bio and links and an
# image's file, so changing them changes live pages as surely as editing a piece would.

MANAGER_PERMISSION = "publications.publish_publication"

PERSON_OFF_DESK = gettext_noop(
    "This person is affiliated with another center, so they are on that center's desk: "
    "its own staff or a manager there can change them."
)
PERSON_PUBLIC = gettext_noop(
    "This person is on the public site or on their way to it (a profile page, or the byline of a piece "
    "that is live, scheduled, in review, approved, unpublished or a pending change of a live piece), so only "
    "a manager can change them. Ask a manager of your center to make the change."
)
IMAGE_OFF_DESK = gettext_noop(
    "This image is used by another center's pieces or people, so it is on that center's desk: "
    "its own staff or a manager there can change it."
)
IMAGE_PUBLIC = gettext_noop(
    "This image is shown on the public site or on its way to it (by a piece that is live, scheduled or past "
    "its editors, or by a public person), so only a manager can change it. To show another picture, upload a new image and choose it in the piece's pending change."
)


def is_manager(user) -> bool:
    """Managers decide what readers see: they publish pieces and change what live pages show."""
    return user.has_perm(MANAGER_PERMISSION)


def covers(user, center_ids: set[int]) -> bool:
    """Whether `user`'s desk takes in every one of `center_ids` (none: every desk does)."""
    scope = center_scope(user)
    return scope is EVERY_CENTER or set(center_ids) <= scope


def person_center_ids(person) -> set[int]:
    """A person belongs to the centers of their affiliations (none: to every desk). One query."""
    if person.pk is None:
        return set()
    return set(person.affiliations.exclude(center=None).values_list("center_id", flat=True))


def _pieces_using(image) -> QuerySet:
    # Images in a body are `<figure data-image="ID">` (cms/richtext/rendering.py), not a relation.
    return Publication.objects.filter(Q(lead_image=image) | Q(body__contains=f'data-image="{image.pk}"'))


def image_center_ids(image) -> set[int]:
    """An image belongs to the desks of the pieces and people that use it (none: every desk). Three queries."""
    if image.pk is None:
        return set()
    pieces = _pieces_using(image)
    centers = set(pieces.values_list("primary_center_id", flat=True))
    centers |= set(pieces.filter(draft_of__isnull=False).values_list("draft_of__primary_center_id", flat=True))
    centers |= set(Affiliation.objects.filter(person__headshot=image).values_list("center_id", flat=True))
    return centers - {None}


def pieces_on_their_way() -> QuerySet:
    """Pieces readers see, or will see without an editor changing them again.

    Live and scheduled pieces, and those past the editors' hands: in review or approved (the
    manager's review covers the piece's fields, not the bios it shows), unpublished (a manager
    republishes in one step) and every pending change of a live piece. Only plain drafts and
    pieces sent back for changes are the editors' own.
    """
    return Publication.objects.filter(
        Q(status__in=[Status.PUBLISHED, Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED])
        | Q(draft_of__isnull=False)
    )


def person_is_public(person) -> bool:
    """Whether changing `person` changes what readers see now or once a manager publishes a piece."""
    return (
        person.has_profile or Authorship.objects.filter(person=person, publication__in=pieces_on_their_way()).exists()
    )


def image_is_public(image) -> bool:
    # The same reach as people's: a file swapped after review would go live unseen.
    if _pieces_using(image).filter(pk__in=pieces_on_their_way()).exists():
        return True
    public_people = Q(has_profile=True) | Q(authorships__publication__in=pieces_on_their_way())
    return Person.objects.filter(public_people, headshot=image).exists()


def person_change_refusal(user, person) -> str | None:
    """Why `user` may not change or delete `person`, or None when they may."""
    if person.pk is None:
        return None
    if not covers(user, person_center_ids(person)):
        return _(PERSON_OFF_DESK)
    if not is_manager(user) and person_is_public(person):
        return _(PERSON_PUBLIC)
    return None


def image_change_refusal(user, image) -> str | None:
    """Why `user` may not change or delete `image`, or None when they may."""
    if image.pk is None:
        return None
    if not covers(user, image_center_ids(image)):
        return _(IMAGE_OFF_DESK)
    if not is_manager(user) and image_is_public(image):
        return _(IMAGE_PUBLIC)
    return None


def collection_center_ids(collection, *, leaving_out=()) -> set[int]:
    """A collection belongs to the desks of the pieces in it (none: every desk). One query."""
    items = CollectionItem.objects.filter(collection=collection).exclude(publication__in=list(leaving_out))
    return set(items.values_list("publication__primary_center_id", flat=True)) - {None}
