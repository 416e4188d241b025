"""Features of a candidate pair: two mentions of different entities in one sentence.

The pair is read in text order (``a`` before ``b``); the classifier's labels say which of them is the head. Features
are strings (value 1) that generalise past the words of the training sentences:

* the entity types of the pair and the distance between them (bucketed);
* the stems of the words between, before ``a`` and after ``b`` (a light stem, and a crude lemma that also drops
  the imperfect and future prefixes, so يستحوذ، ستستحوذ and استحوذت share ``استحوذ``);
* which trigger-lexicon relations have a trigger between, just before or just after the pair;
* which relations the rules found between these two entities in this sentence, and in which direction;
* cues of negation, hedging, reported speech, lists and prepositions governing either mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from extractors.normalize import light_stem

__all__ = ["lemma", "pair_features", "MAX_GAP"]

MAX_GAP = 30
"""Pairs further apart than this many tokens are not candidates (it also keeps the work per sentence linear)."""

_IMPERFECT = ("سي", "ست", "سن", "ي", "ت", "ن")
_GOVERNING = {"في", "من", "علي", "الي", "مع", "عن", "ل", "لـ", "ب", "بين", "لدي"}
_NEGATION = {"لم", "لن", "لا", "ليس", "ليست", "نفي", "نفت", "ينفي", "تنفي", "غير", "دون"}
_HEDGE = {"محادثات", "مفاوضات", "تدرس", "يدرس", "قد", "ربما", "محتمل", "محتمله", "تسعي", "يسعي", "عرض", "تعتزم", "يعتزم"}
_SPEECH = {"قال", "قالت", "اعلن", "اعلنت", "اكد", "اكدت", "ذكر", "ذكرت", "اوضح", "اوضحت", "ان", "انه", "انها", "بان"}
_LIST = {"و", "،", ",", "او"}


@lru_cache(maxsize=131_072)
def lemma(folded: str) -> str:
    """A crude lemma of a folded word: the light stem without an imperfect or future prefix.

    >>> lemma("يستحوذ") == lemma("ستستحوذ") == lemma("استحوذ")
    True
    """
    stem = light_stem(folded)
    for prefix in _IMPERFECT:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 4:
            rest = stem[len(prefix):]
            return "ا" + rest if rest.startswith(("ست", "نت", "فت")) and not rest.startswith("ا") else rest
    if stem.endswith("ت") and len(stem) >= 5:
        return stem[:-1]
    return stem


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def pair_features(
    folded: Sequence[str],
    a: tuple[int, int, str],
    b: tuple[int, int, str],
    triggers: Sequence[frozenset[str]],
    rules: frozenset[str],
    mentions_between: int,
) -> list[str]:
    """The features of the pair ``a``, ``b`` (token start, end, type; ``a`` first) in a sentence of folded words.

    ``triggers[k]`` holds the relations whose trigger lexicon matches word ``k``; ``rules`` holds the rule findings
    for the pair as ``REL>`` (``a`` is the head), ``REL<`` or ``REL=`` (symmetric).

    >>> words = "استحوذت اوبر علي كريم".split()
    >>> trig = [frozenset({"ACQUIRED"}), frozenset(), frozenset(), frozenset()]
    >>> feats = pair_features(words, (1, 2, "ORG"), (3, 4, "ORG"), trig, frozenset(), 0)
    >>> "types=ORG>ORG" in feats, "before_trigger=ACQUIRED" in feats, "between=علي" in feats
    (True, True, True)
    """
    a_start, a_end, a_type = a
    b_start, b_end, b_type = b
    gap = b_start - a_end
    between = folded[a_end:b_start]
    types = f"{a_type}>{b_type}"
    feats = [f"types={types}", f"gap={_bucket(gap)}", f"mentions_between={_bucket(mentions_between)}"]
    for word in between[:12]:
        feats.append(f"between={lemma(word)}")
    if between:
        feats += [f"first_between={lemma(between[0])}", f"last_between={lemma(between[-1])}"]
        if len(between) <= 3:
            feats.append(f"short_between={'_'.join(lemma(w) for w in between)}")
        if all(w in _LIST for w in between):
            feats.append("listed")
    else:
        feats.append("adjacent")
    for k in range(max(0, a_start - 3), a_start):
        feats.append(f"before={lemma(folded[k])}")
    if a_start > 0:
        feats.append(f"word_before={lemma(folded[a_start - 1])}")
        if folded[a_start - 1] in _GOVERNING:
            feats.append("a_governed")
    for k in range(b_end, min(len(folded), b_end + 3)):
        feats.append(f"after={lemma(folded[k])}")
    if b_start > 0 and folded[b_start - 1] in _GOVERNING:
        feats.append(f"b_governed={folded[b_start - 1]}")
    if folded[a_start][:1] in ("ل", "ب") and a_type != "PERSON":
        feats.append("a_clitic_prep")
    if folded[b_start][:1] in ("ل", "ب") and b_type != "PERSON":
        feats.append("b_clitic_prep")
    regions = (
        ("between_trigger", range(a_end, b_start)),
        ("before_trigger", range(max(0, a_start - 6), a_start)),
        ("after_trigger", range(b_end, min(len(folded), b_end + 4))),
    )
    for name, region in regions:
        for rel in sorted(set().union(*(triggers[k] for k in region)) if region else ()):
            feats += [f"{name}={rel}", f"{name}={rel}|{types}"]
    for rule in sorted(rules):
        feats += [f"rule={rule}", f"rule={rule}|{types}"]
    window = folded[max(0, a_start - 8) : b_end]
    if any(w in _NEGATION for w in window):
        feats.append("negated")
    if any(w in _HEDGE for w in window):
        feats.append("hedged")
    if any(w in _SPEECH for w in between):
        feats.append("speech_between")
    return feats
