"""Publications' models: the piece, its bylines, revisions and collection items, and the labels of kinds and disclaimers."""

from publications.models.labels import (
    Disclaimer,
    DisclaimerQuerySet,
    PublicationType,
    default_plural,
    most_specific_disclaimer,
)
from publications.models.publication import (
    NEWEST_FIRST,
    Authorship,
    AuthorshipManager,
    CollectionItem,
    NewestFirstIndex,
    Publication,
    PublicationQuerySet,
    Status,
    byline_prefetch,
    prefetch_bylines,
)
from publications.models.revision import Revision

__all__ = [
    "NEWEST_FIRST",
    "Authorship",
    "AuthorshipManager",
    "CollectionItem",
    "Disclaimer",
    "DisclaimerQuerySet",
    "NewestFirstIndex",
    "Publication",
    "PublicationQuerySet",
    "PublicationType",
    "Revision",
    "Status",
    "byline_prefetch",
    "default_plural",
    "most_specific_disclaimer",
    "prefetch_bylines",
]
