"""Arabic text normalization: display text for evidence, folded keys for matching.

Two forms are kept apart on purpose. :func:`clean_text` produces the text that
spans and evidence point into (Unicode-normalized, invisible controls removed,
diacritics kept). :func:`match_key` folds a string for comparison only:
dediacritized, tatweel removed, alef / alef maksura / teh marbuta folded, Latin
lower-cased, punctuation dropped. Folding is one translation table equal to camel-tools' ``dediac_ar`` and
``normalize_alef_ar`` / ``normalize_alef_maksura_ar`` / ``normalize_teh_marbuta_ar`` (a test compares them on every
character), so commands that only match names (queries, explain) start without camel-tools, whose character tables
take half a second to import. :func:`clean_text` is likewise camel-tools' ``normalize_unicode`` (its two ligature
fixes, then NFKC) as one translation (a test compares them on every character): camel-tools applies the fixes in a
Python loop over the characters, which was a third of the main process's work in a parallel build.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean_text", "fold", "match_key", "light_stem", "is_arabic_char", "arabic_ratio", "to_ascii_digits", "skeleton", "name_key", "corporate_suffix"]

# Bidi marks, zero-width characters and the byte-order mark carry no meaning for
# extraction but break matching; they are removed from the display text.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_SURROGATE = re.compile("[\ud800-\udfff]")
"""Lone surrogates (bytes a reader decoded with ``surrogateescape``): no text, and no UTF-8 encoder accepts them."""
_PUNCT = re.compile(r"[\"'“”‘’«»()\[\]{}.,،:;!?؟\-_/\\|⬤•·]+")
_SPACES = re.compile(r"\s+")
_FOLD = str.maketrans(
    {**dict.fromkeys("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"),  # diacritics, tatweel
     **dict.fromkeys("\u0625\u0623\u0671\u0622", "\u0627"),  # إ أ ٱ آ → ا
     "\u0649": "\u064a", "\u0629": "\u0647", "ئ": "ي", "ؤ": "و"}  # ى → ي، ة → ه
)
_LIGATURES = str.maketrans({"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"})  # camel-tools' _UNICODE_CHAR_FIX
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_NOT_ARABIC = re.compile("[^\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]+")
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")


def clean_text(text: str) -> str:
    """Return the display form of an article: NFKC-normalized, invisible marks removed, LF newlines, a lone
    surrogate replaced by U+FFFD.

    >>> clean_text("\\ufeffميتا\\u200f\\r\\nMeta\\udcd8")
    'ميتا\\nMeta\ufffd'
    """
    text = _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text.translate(_LIGATURES)))


@lru_cache(maxsize=131_072)
def fold(text: str) -> str:
    """Fold Arabic letters for matching while keeping length-changing steps out.

    Dediacritizes, removes tatweel, folds alef forms, alef maksura and teh marbuta,
    and lower-cases Latin.

    >>> fold("عُيّن الرئيسُ التنفيذيّ لإنفيديا")
    'عين الرييس التنفيذي لانفيديا'
    """
    return text.translate(_FOLD).lower()


@lru_cache(maxsize=131_072)
def match_key(text: str) -> str:
    """Return the key two spellings of one name share: folded, punctuation-free, single-spaced.

    >>> match_key("«إنفيديا»") == match_key("انفيديا")
    True
    >>> match_key("Scale  AI")
    'scale ai'
    """
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text))).strip()


def has_arabic_letter(text: str) -> bool:
    """True when ``text`` holds a basic Arabic letter (hamza to yeh; not digits, punctuation or diacritics).

    >>> has_arabic_letter("لـGPT"), has_arabic_letter("٢٠٢٦ ،"), has_arabic_letter("Nvidia")
    (True, False, False)
    """
    return any("\u0621" <= c <= "\u064a" for c in text)


def is_arabic_char(ch: str) -> bool:
    """True for a letter of the Arabic script blocks.

    >>> is_arabic_char("م"), is_arabic_char("M")
    (True, False)
    """
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 when there are no letters).

    >>> arabic_ratio("ميتا Meta")
    0.5
    """
    letters = _NOT_LETTERS.sub("", text)
    if not letters:
        return 0.0
    return len(_NOT_ARABIC.sub("", letters)) / len(letters)


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits (and the Arabic decimal separator) with ASCII.

    >>> to_ascii_digits("١٤٫٣")
    '14.3'
    """
    return text.translate(_ARABIC_INDIC)


_PROCLITICS = re.compile(r"^(?:[وف]?(?:بال|كال|لل|ال|ب|ل|ك)|[وف])(?=\w{2,})")
_ENCLITICS = re.compile(r"(?:هما|كما|هم|هن|كم|كن|نا|ها|ه|ي)$")


@lru_cache(maxsize=131_072)
def light_stem(word: str) -> str:
    """Fold ``word`` and strip one layer of common proclitics and a pronoun suffix.

    A coarse, rule-based stem used only as a statistical feature: it is allowed to
    over-strip, because the model also sees the unstripped form.

    >>> light_stem("والشركات"), light_stem("بمنافسيها"), light_stem("لميتا")
    ('شركات', 'منافسي', 'ميتا')
    """
    w = fold(word)
    if len(w) <= 3:
        return w
    w = _PROCLITICS.sub("", w)
    if len(w) > 4:
        w = _ENCLITICS.sub("", w)
    return w


@lru_cache(maxsize=262_144)
def skeleton(name: str) -> str:
    """The consonant skeleton of a name in either script: shared letter classes, vowels dropped, doubles merged.

    >>> skeleton("ميتا"), skeleton("Meta")
    ('MT', 'MT')
    >>> skeleton("إنفيديا"), skeleton("Nvidia"), skeleton("أرامكو"), skeleton("Aramco")
    ('NFD', 'NFD', 'RMK', 'RMK')
    >>> skeleton("جوجل") == skeleton("Google"), skeleton("تليفونيكا") == skeleton("Telefonica")
    (True, True)
    """
    from extractors.lexicon import load_json

    cfg = load_json("resolution")["skeleton"]
    text = fold(name)
    out = []
    if any(is_arabic_char(c) for c in text):
        out = [cfg["arabic"].get(c, "") for c in text]
    else:
        text = text.lower()
        for digraph, value in cfg["latin_digraphs"].items():
            text = text.replace(digraph, value)
        out = [c if c.isupper() else cfg["latin"].get(c, "") for c in text]
    merged = re.sub(r"(.)\1+", r"\1", "".join(out))
    return merged


@lru_cache(maxsize=1)
def _corporate_suffixes() -> tuple[tuple[str, ...], ...]:
    from extractors.lexicon import load_json

    words = load_json("resolution")["corporate_suffixes"]["words"]
    return tuple(sorted({tuple(match_key(w).split()) for w in words}, key=len, reverse=True))


def corporate_suffix(word: str) -> bool:
    """True for a one-word corporate suffix (folded): كورب، جروب، Inc.

    >>> corporate_suffix("كورب"), corporate_suffix("inc"), corporate_suffix("ميتا")
    (True, True, False)
    """
    return (word,) in _corporate_suffixes()


@lru_cache(maxsize=262_144)
def name_key(text: str) -> str:
    """The key one entity's names share: :func:`match_key` without a trailing corporate suffix.

    >>> name_key("إنفيديا كورب") == name_key("انفيديا"), name_key("Carlyle Group"), name_key("Group")
    (True, 'carlyle', 'group')
    """
    words = match_key(text).split()
    for suffix in _corporate_suffixes():
        if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
            return " ".join(words[: -len(suffix)])
    return " ".join(words)
