"""Which of the site's content languages (settings.CONTENT_LANGUAGES) a text or a language tag is.

Detection uses py3langid, the maintained fork of langid.py: a naive Bayes model over byte
n-grams for 97 languages that ships inside the wheel (4.6 MB; nothing is downloaded at run
time). It was chosen over lingua-language-detector, which is more accurate on a few words
but a 170 MB wheel; legacy pages are paragraphs long, where both are right. The model loads
once per process (about 1.3 s) and classifies a page in about a millisecond.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.conf import settings

# The detector's codes (ISO 639-1, or 639-3 for varieties) that mean one of the site's languages.
DETECTED_ALIASES = {"zh": "zh-hans", "wuu": "zh-hans", "arz": "ar", "ary": "ar"}
# Below this probability the detector is guessing: short or mixed pages fall back to the default.
MIN_CONFIDENCE = 0.6
# Fewer letters than this say too little about a language to detect it.
MIN_LETTERS = 20
# Enough text to decide (a page's first paragraphs): 1 ms a page, where 20,000 characters cost 9 ms.
DETECT_CHARACTERS = 3_000


def site_languages() -> dict[str, str]:
    """The site's content languages: code -> English name."""
    return dict(settings.CONTENT_LANGUAGES)


def site_language(tag: str) -> str | None:
    """The site's language for a language tag or English name ("ar", "zh-CN", "Russian"), or None.

    Chinese in any form is the site's Chinese (Simplified), the only Chinese it has.
    """
    languages = site_languages()
    value = tag.strip().casefold().replace("_", "-")
    if not value:
        return None
    by_code = {code.casefold(): code for code in languages}
    if value in by_code:
        return by_code[value]
    primary = value.split("-", 1)[0]
    if primary == "zh" and "zh-hans" in languages:
        return "zh-hans"
    if primary in by_code:
        return by_code[primary]
    for code, name in languages.items():
        if value in (name.casefold(), name.casefold().split(" (")[0]):
            return code
    return None


@dataclass(frozen=True)
class Detection:
    """What the detector said: the site's language it maps to (None when it does not), and why."""

    language: str | None
    detected: str  # the detector's own code, or "" when the text was too short to try
    confidence: float

    def describe(self) -> str:
        name = site_languages().get(self.language, self.detected)
        return f"{name} ({self.detected}, {self.confidence:.0%} sure)"


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Detection:
    """Detect the language of `text` and map it to one of the site's languages.

    `language` is None when the text is too short, the detector is unsure, or it found a
    language the site does not publish in; the caller decides what to fall back to.
    """
    text = text[:DETECT_CHARACTERS]
    if sum(1 for character in text if character.isalpha()) < MIN_LETTERS:
        return Detection(None, "", 0.0)
    detected, confidence = _identifier().classify(text)
    if confidence < MIN_CONFIDENCE:
        return Detection(None, detected, confidence)
    code = DETECTED_ALIASES.get(detected, detected)
    return Detection(code if code in site_languages() else None, detected, confidence)
