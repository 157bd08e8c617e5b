from django.db import models
from django.utils.text import slugify

# Latin letters that Unicode does not decompose into a base letter plus an accent, so that
# slugify would drop them ("Søren" → "sren").
_LATIN_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
    }
)


def base_slug(text: str, *, max_length: int = 200) -> str:
    """Return an ASCII slug where the text allows one, else a Unicode slug, never an empty one.

    Names in Latin script lose their diacritics ("Nguyễn" → "nguyen"); names in other scripts
    (Cyrillic, Arabic, Chinese) keep their letters rather than becoming an empty slug.
    """
    slug = slugify(text.translate(_LATIN_LETTERS)) or slugify(text, allow_unicode=True) or "item"
    return slug[:max_length].strip("-") or "item"


def unique_slug(instance, text: str, *, field: str = "slug") -> str:
    """Return a slug for `instance` from `text` that no other row of its model uses.

    The slug always fits its column: a long stem is cut to make room for the "-2" suffix
    rather than the suffix pushing the slug past the column.
    """
    max_length = instance._meta.get_field(field).max_length
    stem = base_slug(text, max_length=max_length)
    # Every candidate starts with this much of the stem, however long its suffix grows.
    common = stem[: max(1, max_length - 12)]
    siblings = type(instance)._default_manager.exclude(pk=instance.pk)
    taken = set(siblings.filter(**{f"{field}__startswith": common}).order_by().values_list(field, flat=True))
    candidate, counter = stem, 2
    while candidate in taken:
        suffix = f"-{counter}"
        candidate = f"{stem[: max_length - len(suffix)].rstrip('-')}{suffix}"
        counter += 1
    return candidate


class SlugOnFirstSave(models.Model):
    """Fill a blank `slug` on save from the field named by `slug_source`, unique in its model.

    Only a blank slug is filled (the first save, or an editor who cleared it): a page's address
    never changes because its name did. The uniqueness lookup is the one query this adds, and
    only when there is a slug to make. A subclass that tidies its source field (strips it) does
    so in its own save() before calling super().save(), so the slug is made from the tidy text.
    """

    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source))
        super().save(*args, **kwargs)
