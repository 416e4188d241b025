"""Turn business-news articles with gold entity names into NER training sentences.

Two sources share one aligner:

* annotated articles (``../shared/eval/dev``: ``articles/*.txt`` and a ``gold.json`` whose entities list their
  written forms and the articles they occur in);
* sentences written for alaqat (``data/train/*.jsonl``: ``{"text", "entities": [{"text", "type"}], ...}``).

Every written form of a gold name is found in the article's tokens (folded, proclitic allowed on the first word,
as ANERcorp keeps clitics attached), longest first. Gold marks ORG, PERSON and PRODUCT only, so a token outside
every gold name is a certain ``O`` only when it is an ordinary word (in the Arabic dictionary, a function word, a
number or punctuation); an unknown word could be an unannotated place or event, so it is left missing (``None``),
spaCy's missing-value annotation. Optional gold entities are missing too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from extractors.lexicon import load_cues
from extractors.ner.dictionary import in_dictionary
from extractors.normalize import fold, match_key
from extractors.text import split_sentences, tokenize

__all__ = ["GoldName", "Tagged", "gold_names_by_article", "align_text", "read_annotated_articles", "read_written"]

GoldName = tuple[tuple[str, ...], str | None]
"""A name as folded words, and its NER label (``None`` for a name to leave unannotated)."""

Tagged = tuple[list[str], list[str | None]]
"""A sentence as words and BIO tags, ``None`` where the label is unknown."""

LABELS = {"ORG": "ORG", "PERSON": "PERS", "PRODUCT": "PRODUCT"}
_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_COMPANY_WORD = "شركه"
_TITLE_WORDS = {"حاكم", "ولي", "امير", "ملك", "سمو", "صاحب", "خادم"}


def _label(gold_type: str | list[str], optional: bool) -> str | None:
    first = gold_type[0] if isinstance(gold_type, list) else gold_type
    return None if optional else LABELS.get(first)


def _name_words(name: str) -> tuple[str, ...]:
    """A gold name as folded words; empty for a title standing for a person (ولي العهد، حاكم دبي), which is not a
    name to learn.

    >>> _name_words("شركة أوبر"), _name_words("حاكم دبي")
    (('اوبر',), ())
    """
    words = tuple(match_key(t.text) for t in tokenize(name) if t.kind != "sym")
    if len(words) > 1 and words[0] == _COMPANY_WORD:
        words = words[1:]  # "شركة X" is annotated as X, the head noun outside the name
    titles = load_cues().person_titles | _TITLE_WORDS
    if words and (words[0] in titles or " ".join(words[:2]) in titles):
        return ()
    return tuple(w for w in words if w)


def gold_names_by_article(gold: dict) -> dict[str, list[GoldName]]:
    """Map each article file name to its gold names, longest first.

    >>> gold = {"entities": [{"type": "ORG", "names": ["شركة أوبر", "Uber"], "articles": ["a.txt"]}]}
    >>> gold_names_by_article(gold)["a.txt"]
    [(('uber',), 'ORG'), (('اوبر',), 'ORG')]
    """
    out: dict[str, list[GoldName]] = {}
    for entity in gold.get("entities", ()):
        label = _label(entity["type"], bool(entity.get("optional")))
        for article in entity.get("articles", ()):
            names = out.setdefault(article, [])
            for name in entity["names"]:
                words = _name_words(name)
                if words and (words, label) not in names:
                    names.append((words, label))
    for names in out.values():
        names.sort(key=lambda item: (-len(item[0]), item[0]))
    return out


def _matches_first(word: str, first: str) -> bool:
    if word == first:
        return True
    for clitic in _PROCLITICS:
        if word.startswith(clitic):
            rest = word[len(clitic):]
            if rest == first or (clitic.endswith("ال") and "ال" + rest == first) or (clitic == "لل" and "ال" + rest == first):
                return True
    return False


def _ordinary(word: str, kind: str) -> bool:
    if kind in ("sym", "num"):
        return True
    if kind != "ar":
        return False
    cues = load_cues()
    folded = fold(word)
    if folded in cues.places or folded in cues.gentilics:
        return False
    return folded in cues.stopwords or folded in cues.common_words or in_dictionary(word)


def align_text(text: str, names: list[GoldName]) -> Iterator[Tagged]:
    """Yield the sentences of ``text`` tagged with ``names`` (see the module docstring).

    >>> names = [(("اوبر",), "ORG"), (("كريم",), "ORG")]
    >>> list(align_text("استحوذت شركة أوبر على لكريم مقابل 3 مليارات.", names))[0][1]
    ['O', 'O', 'B-ORG', 'O', 'B-ORG', 'O', 'O', 'O', 'O']
    """
    for start, end in split_sentences(text):
        tokens = [t for t in tokenize(text[start:end])]
        keys = [match_key(t.text) for t in tokens]
        tags: list[str | None] = [None] * len(tokens)
        for i in range(len(tokens)):
            if tags[i] is not None:
                continue
            for words, label in names:
                n = len(words)
                if i + n > len(tokens) or not _matches_first(keys[i], words[0]) or tuple(keys[i + 1 : i + n]) != words[1:]:
                    continue
                if any(tags[k] is not None for k in range(i, i + n)):
                    continue
                for k in range(i, i + n):
                    tags[k] = "-" if label is None else ("B-" if k == i else "I-") + label
                break
        final = [None if tag == "-" else tag if tag else ("O" if _ordinary(t.text, t.kind) else None)
                 for t, tag in zip(tokens, tags)]
        yield [t.text for t in tokens], final


def read_annotated_articles(articles: str | Path, gold_path: str | Path) -> list[Tagged]:
    """Tagged sentences of every article in ``articles`` that the gold file names."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    by_article = gold_names_by_article(gold)
    out: list[Tagged] = []
    for path in sorted(Path(articles).glob("*.txt")):
        names = by_article.get(path.name)
        if names:
            out.extend(align_text(path.read_text(encoding="utf-8"), names))
    return out


def read_written(paths: Iterable[str | Path]) -> list[Tagged]:
    """Tagged sentences of alaqat's own annotated business sentences (``data/train/*.jsonl``)."""
    out: list[Tagged] = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            names = sorted(
                {(_name_words(e["text"]), LABELS.get(e["type"])) for e in item.get("entities", ()) if _name_words(e["text"])},
                key=lambda g: (-len(g[0]), g[0]),
            )
            out.extend(align_text(item["text"], names))
    return out
