"""The shape of a work: an original and at most one edition per language (the tracker is publications/editions.py).

Checked by `Publication.clean`, so the admin's form, `save_publication` and `create_edition`
refuse the same things; the database keeps one edition per language on its own
(`one_edition_per_language`), whatever wrote the row.
"""

from django.utils.translation import gettext


def edition_problems(publication) -> list[str]:
    """Return what breaks the shape of `publication`'s work (empty when nothing does). 0–3 queries.

    An edition's original is always an original (no chains), never a pending change, never the
    piece itself, and in another language than the edition. A pending change of an edition
    (`draft_of`) carries its live edition's link and is checked as that edition.
    """
    pieces = type(publication)._default_manager
    language_name = gettext(publication.get_language_display())  # Django's catalog names languages
    own = publication.draft_of_id or publication.pk
    if publication.translation_of_id is None:
        if own and publication.language:
            taken = pieces.filter(translation_of_id=own, draft_of__isnull=True, language=publication.language)
            if taken.exists():
                return [
                    gettext(
                        "This piece has an edition in %(language)s: an original and its editions are each "
                        "in a different language."
                    )
                    % {"language": language_name}
                ]
        return []
    original = (
        pieces.filter(pk=publication.translation_of_id)
        .only("pk", "title", "language", "translation_of_id", "draft_of_id")
        .first()
    )
    if original is None:
        return []
    if own and original.pk == own:
        return [gettext("A piece cannot be a translation of itself.")]
    if original.translation_of_id is not None:
        return [
            gettext("“%(title)s” is itself an edition of another piece: choose that original instead.")
            % {"title": original.title}
        ]
    if original.draft_of_id is not None:
        return [
            gettext("“%(title)s” is a pending change: choose the live piece it changes.") % {"title": original.title}
        ]
    if original.language == publication.language:
        return [
            gettext("The original is in %(language)s too: an edition is in another language.")
            % {"language": language_name}
        ]
    others = pieces.filter(translation_of_id=original.pk, draft_of__isnull=True).exclude(
        pk__in=[pk for pk in (publication.pk, publication.draft_of_id) if pk]
    )
    if own and pieces.filter(translation_of_id=own, draft_of__isnull=True).exists():
        return [gettext("This piece has editions of its own, so it is an original and cannot be an edition.")]
    if others.filter(language=publication.language).exists():
        return [
            gettext("“%(title)s” already has an edition in %(language)s: open that one instead.")
            % {"title": original.title, "language": language_name}
        ]
    return []
