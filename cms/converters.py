class UnicodeSlugConverter:
    """Slugs in any script ("nguyen-khac-giang", "дмитрий-тренин").

    Anything else (a NUL byte, a slash, punctuation) does not match, so it is a 404 before
    any query runs.
    """

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
