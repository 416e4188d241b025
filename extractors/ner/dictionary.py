"""Is a word an ordinary Arabic word? A dictionary test for the NER model.

Names the corpora never saw are the model's main weakness, and most of them
(دويسنبرج، رامسفيلد، أوبن إيه آي) are transliterations that no Arabic dictionary
holds, while an unseen ordinary word (بمنافسيها، والمستثمرين) is in one once its
clitics and suffixes are removed. The stems come from the Ayaspell Arabic
hunspell dictionary (Debian package hunspell-ar, GPL 2 / LGPL 2.1 / MPL 1.1),
folded and stored in ``extractors/lexicons/arabic_stems.txt``; this module only
strips affixes and looks the candidates up, so it needs no spell-checker at run
time. Regenerate the list with ``python -m extractors.ner.dictionary
/usr/share/hunspell/ar.dic``.

On ANERcorp train, 2% of the Arabic-script words outside names are unknown to
this test, against 30% of the words inside person names.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from extractors.lexicon import LEXICON_DIR
from extractors.normalize import fold, has_arabic_letter, light_stem

__all__ = ["STEMS_FILE", "load_stems", "candidate_stems", "in_dictionary", "stems_from_hunspell"]

STEMS_FILE = LEXICON_DIR / "arabic_stems.txt"
_PREFIXES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ول", "فل", "وب", "فب", "وك", "ال", "و", "ف", "ب", "ل",
             "ك", "س")
_PRONOUNS = ("هما", "كما", "ها", "هم", "كم", "نا", "ني", "ه", "ك", "ي")
_ENDINGS = ("تان", "تين", "ات", "ون", "ين", "ان", "وا", "ي", "ت", "ا", "ه")
_HEADER = "# "


@lru_cache(maxsize=1)
def load_stems() -> frozenset[str]:
    """The folded dictionary stems of ``arabic_stems.txt``.

    >>> "شركه" in load_stems(), "دويسنبرج" in load_stems()
    (True, False)
    """
    with open(STEMS_FILE, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith(_HEADER))


def candidate_stems(word: str) -> set[str]:
    """The folded word with a proclitic, a pronoun suffix and an inflectional ending removed where present.

    Each removal leaves at least two letters; a ت bared by a removal is also tried as ة (شركتها → شركه).

    >>> sorted(s for s in candidate_stems("وشركتها") if not s.startswith("و"))
    ['شرك', 'شركت', 'شركته', 'شركتها', 'شركه']
    """
    folded = fold(word)
    stems = {folded} | {folded[len(p):] for p in _PREFIXES if folded.startswith(p) and len(folded) - len(p) >= 2}
    for suffixes in (_PRONOUNS, _ENDINGS):
        for stem in list(stems):
            for suffix in suffixes:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                    bare = stem[: -len(suffix)]
                    stems.add(bare)
                    if bare.endswith("ت"):
                        stems.add(bare[:-1] + "ه")
    return stems


@lru_cache(maxsize=262_144)
def in_dictionary(word: str) -> bool:
    """Whether ``word``, once its clitics and suffix are removed, is an Arabic dictionary word.

    >>> in_dictionary("بمنافسيها"), in_dictionary("والمستثمرين"), in_dictionary("لدويسنبرج"), in_dictionary("رامسفيلد")
    (True, True, False, False)
    """
    stems = load_stems()
    return any(stem in stems for stem in candidate_stems(word))


@lru_cache(maxsize=262_144)
def known_word(word: str) -> bool:
    """Whether ``word`` itself, or its light stem (one proclitic layer and a pronoun suffix off), is a dictionary
    stem: stricter than :func:`in_dictionary`, whose affix stripping also finds stems inside transliterated names.

    >>> known_word("الأمريكية"), known_word("ومقرها"), known_word("صندوقاً"), known_word("سيشمل"), known_word("رقمية")
    (True, True, True, True, True)
    >>> known_word("سيكويا"), known_word("موتورز"), known_word("تراست"), known_word("إيرتل")
    (False, False, False, False)
    """
    stems = load_stems()
    folded = fold(word)
    stem = light_stem(folded)
    variants = {folded, folded[2:] if folded.startswith("ال") else folded, stem}
    if stem.endswith("ت"):
        variants.add(stem[:-1] + "ه")  # شركتنا → شركه
        if folded.endswith("ت") and (folded.startswith("ا") or len(folded) == 4):
            variants.add(folded[:-1])  # a past verb: اندمجت → اندمج، باعت → باع
    bare = folded[2:] if folded.startswith("ال") else folded
    if bare.endswith("يه") and len(bare) >= 5:
        variants.add(bare[:-2])  # a relative adjective (nisba): رقمية → رقم، السحابية → سحاب
    if folded.endswith(("وا", "تا")) and len(folded) >= 5:
        variants.add(folded[:-2])  # استقالوا
    if folded.endswith("ا") and len(folded) >= 5:
        variants.add(folded[:-1])  # tanween: صندوقا، تمويلا
    for ending in ("تان", "تين", "ات", "ون", "ين", "ان"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            variants |= {stem[: -len(ending)], stem[: -len(ending)] + "ه"}  # علاقات، مستثمرين
    verb_like = not folded.endswith("ا") or folded.endswith("وا")
    for prefix in ("سي", "ست", "سن", "ي", "ت", "ن") if verb_like else ():
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 3:
            rest = folded[len(prefix):]
            variants |= {rest, "ا" + rest}  # سيشمل، تتعاون; سيستثمر → استثمر
    return any(w in stems for w in variants)


def stems_from_hunspell(dic_path: str | Path) -> list[str]:
    """The folded stems of a hunspell ``.dic`` file (its ``stem/FLAGS`` lines), sorted."""
    stems = set()
    with open(dic_path, encoding="utf-8") as handle:
        for line in handle:
            stem = line.strip().split("/")[0]
            if stem and not stem.isdigit() and has_arabic_letter(stem):
                stems.add(fold(stem))
    return sorted(stems)


if __name__ == "__main__":  # pragma: no cover - regeneration helper
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/ar.dic"
    header = (
        "# Folded stems of the Ayaspell Arabic hunspell dictionary 3.2 (Debian hunspell-ar; (c) 2006-2008 Mohamed\n"
        "# Kebdani; GPL 2.0 / LGPL 2.1 / MPL 1.1, http://ayaspell.sourceforge.net/). Used by extractors/ner/dictionary.py.\n"
        "# Regenerate: python -m extractors.ner.dictionary /usr/share/hunspell/ar.dic\n"
    )
    STEMS_FILE.write_text(header + "\n".join(stems_from_hunspell(source)) + "\n", encoding="utf-8")
