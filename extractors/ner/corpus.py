"""Read the NER corpora (ANERcorp CoNLL, NewsFANEGold) and turn them into spaCy training data.

ANERcorp is read as it is. NewsFANEGold is brought to ANERcorp's conventions
(its split proclitics re-attached, its fine types mapped to PERS / ORG / LOC /
MISC by ``newsfane_types.json``) and every sentence that also occurs in the
ANERcorp test split is dropped, compared on a folded, punctuation-free key, so
that no test sentence reaches training.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from extractors.normalize import fold, has_arabic_letter

__all__ = [
    "Sentence",
    "read_conll",
    "read_newsfane",
    "sentence_key",
    "drop_overlapping",
    "to_docbin",
    "common_words",
]

Sentence = tuple[list[str], list[str]]
"""A sentence as parallel lists of words and BIO tags (``None`` for a token whose label is unknown)."""

_NON_WORD = re.compile(r"[\W_]+")
_PROCLITIC_TOKENS = {"و", "ف", "ب", "ل", "ك"}
_TYPES_FILE = Path(__file__).with_name("newsfane_types.json")


def read_conll(path: str | Path) -> list[Sentence]:
    """Read ``token TAG`` lines with blank lines between sentences.

    The tag is the last field, so a token holding a space survives.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "s.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("أعلن O\\nبنك B-ORG\\nالرياض I-ORG\\n\\nقال O\\n")
    >>> read_conll(p)
    [(['أعلن', 'بنك', 'الرياض'], ['O', 'B-ORG', 'I-ORG']), (['قال'], ['O'])]
    """
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    sentences.append((words, tags))
                    words, tags = [], []
                continue
            word, _, tag = line.rpartition(" ") if " " in line else line.rpartition("\t")
            if not word.strip():
                continue
            words.append(word.strip())
            tags.append(tag.strip() or "O")
    if words:
        sentences.append((words, tags))
    return sentences


def read_newsfane(path: str | Path, types: dict[str, str] | None = None) -> list[Sentence]:
    """Read NewsFANEGold, map fine types to coarse ones and re-attach split proclitics.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "f.txt")
    >>> text = "\\u200eو\\tO\\n\\u200eالمانيا\\tB-Nation\\n\\u200eو\\tO\\n\\u200eشركة\\tB-Commercial\\n\\t\\n"
    >>> _ = open(p, "w", encoding="utf-8").write(text)
    >>> read_newsfane(p)
    [(['والمانيا', 'وشركة'], ['B-LOC', 'B-ORG'])]
    """
    types = types if types is not None else json.loads(_TYPES_FILE.read_text(encoding="utf-8"))
    out = []
    for words, tags in _read_tab_sentences(path):
        coarse = [_coarse(tag, types) for tag in tags]
        out.append(_attach_proclitics(words, _repair_bio(coarse)))
    return [s for s in out if s[0]]


def _read_tab_sentences(path: str | Path) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            word, _, tag = line.rstrip("\r\n").partition("\t")
            word = word.replace("\u200e", "").strip()
            if not word:
                if words:
                    yield words, tags
                    words, tags = [], []
                continue
            words.append(word)
            tags.append(tag.strip() or "O")
    if words:
        yield words, tags


def _coarse(tag: str, types: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    bio, fine = tag.split("-", 1)
    coarse = types.get(fine, "O")
    return "O" if coarse == "O" else f"{bio}-{coarse}"


def _repair_bio(tags: list[str]) -> list[str]:
    fixed = []
    for i, tag in enumerate(tags):
        if tag and tag.startswith("I-") and (i == 0 or not fixed[-1] or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def _attach_proclitics(words: list[str], tags: list[str]) -> Sentence:
    out_w: list[str] = []
    out_t: list[str] = []
    pending = ""
    for word, tag in zip(words, tags):
        if word in _PROCLITIC_TOKENS and tag == "O":
            pending += word
            continue
        out_w.append(pending + word)
        out_t.append(tag)
        pending = ""
    if pending:
        out_w.append(pending)
        out_t.append("O")
    return out_w, out_t


def sentence_key(words: Iterable[str]) -> str:
    """Folded text of a sentence with every space and punctuation mark removed.

    Used to find the same sentence in corpora with different tokenization.

    >>> sentence_key(["و", "الصادرات", "6.3"]) == sentence_key(["والصادرات", "63"])
    True
    """
    return _NON_WORD.sub("", fold("".join(words)))


def drop_overlapping(sentences: list[Sentence], forbidden: list[Sentence], min_chars: int = 20) -> list[Sentence]:
    """Drop every sentence that equals, contains or is contained in a forbidden sentence.

    Short keys (under ``min_chars``) only count when equal, so that a two-word
    fragment does not knock out every sentence holding those words.

    >>> test = [(["أعلن", "البنك", "الأهلي", "عن", "أرباح", "قياسية"], ["O"] * 6)]
    >>> train = [(["أعلن", "البنك", "الأهلي", "عن", "أرباح", "قياسية", "اليوم"], ["O"] * 7),
    ...          (["ارتفعت", "أسهم", "شركة", "سابك"], ["O"] * 4)]
    >>> [" ".join(w) for w, _ in drop_overlapping(train, test)]
    ['ارتفعت أسهم شركة سابك']
    """
    keys = {sentence_key(w) for w, _ in forbidden}
    long_keys = [k for k in keys if len(k) >= min_chars]
    joined = "\n".join(keys)
    kept = []
    for words, tags in sentences:
        key = sentence_key(words)
        if key in keys or (len(key) >= min_chars and key in joined):
            continue
        if any(k in key for k in long_keys):
            continue
        kept.append((words, tags))
    return kept


def to_docbin(sentences: list[Sentence], path: str | Path, label_map: dict[str, str] | None = None) -> int:
    """Write sentences to a spaCy ``DocBin`` file; return the number of entity spans written."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("ar").vocab
    label_map = label_map or {}
    db = DocBin()
    n_ents = 0
    for words, tags in sentences:
        mapped = _repair_bio([t if t in ("O", None) else f"{t[:2]}{label_map.get(t[2:], t[2:])}" for t in tags])
        doc = Doc(vocab, words=words, ents=mapped)
        n_ents += len(doc.ents)
        db.add(doc)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n_ents


def common_words(sentences: list[Sentence], min_count: int = 3, min_outside: float = 0.95) -> list[str]:
    """Folded words that occur at least ``min_count`` times and almost never inside a name.

    Used as a vocabulary of ordinary Arabic words: a word after شركة that is not one of them is likely a name.

    >>> common_words([(["ذكاء", "شركة", "سابك"], ["O", "O", "B-ORG"])] * 3)
    ['ذكاء', 'شركه']
    """
    from collections import Counter

    seen: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for words, tags in sentences:
        for word, tag in zip(words, tags):
            key = fold(word)
            if not has_arabic_letter(key):
                continue
            seen[key] += 1
            outside[key] += tag == "O"
    return sorted(w for w, n in seen.items() if n >= min_count and outside[w] / n >= min_outside)
