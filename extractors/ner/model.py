"""Load the shipped spaCy NER model and tag pre-tokenized sentences with it.

The model is loaded lazily, once per process, from ``data/models/ar_alaqat_ner``
(or the folder named by ``ALAQAT_NER_MODEL``). The text is tokenized by
:func:`extractors.text.tokenize`, not by spaCy, so model spans line up with the
rule-based matchers' tokens.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.errors import ModelError

__all__ = [
    "DEFAULT_MODEL", "model_path", "load_model", "tag_sentences", "name_forms", "consistent_spans", "quoted_titles",
    "document_context",
]

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "data" / "models" / "ar_alaqat_ner"


def model_path() -> Path:
    """The model folder in use: ``$ALAQAT_NER_MODEL`` or the bundled one.

    >>> model_path().name
    'ar_alaqat_ner'
    """
    return Path(os.environ.get("ALAQAT_NER_MODEL") or DEFAULT_MODEL)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Any:
    """Load the spaCy pipeline at ``path`` (default :func:`model_path`); raise ModelError if it is missing."""
    folder = Path(path) if path else model_path()
    if not (folder / "config.cfg").is_file():
        raise ModelError(
            f"no NER model at {folder}: run `make train-ner` to build it, "
            "or set ALAQAT_NER_MODEL to a model folder"
        )
    import spacy
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    import extractors.ner.features  # noqa: F401  (registers the Arabic lexical features)

    nlp = spacy.load(folder, exclude=["tokenizer"])
    # numpy's BLAS multiplies these matrices faster than blis (same weights, same spans), on one thread: a second
    # thread costs more CPU than it saves, and --jobs runs one process per core.
    threadpool_limits(1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        for layer in component.model.walk():
            layer.ops = ops
    return nlp


MAX_WORDS = 300
"""Longest piece of a sentence the model reads at once: a text without sentence punctuation is tagged in pieces, so
its memory stays bounded (real sentences are far shorter)."""
BATCH_WORDS = 8000
"""Most words in one batch of the model: the batches of a long text hold fewer sentences, not more memory."""


def tag_sentences(nlp: Any, sentences: list[list[str]], batch_size: int = 256) -> list[list[tuple[int, int, str]]]:
    """Tag each sentence (a list of words); return its entity spans as ``(start, end, label)`` token indices.

    The sentences go through the model in batches of at most ``batch_size`` sentences and :data:`BATCH_WORDS` words:
    a stream that spans many articles fills the batches (the spans of a sentence do not depend on the others); a
    sentence longer than :data:`MAX_WORDS` is read in pieces of that length.
    """
    from spacy.tokens import Doc

    pieces = _pieces(sentences)
    spans: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
    for batch in _batches(pieces):
        docs = [Doc(nlp.vocab, words=sentences[n][a:b]) for n, a, b in batch]
        for (n, a, _), doc in zip(batch, nlp.pipe(docs, batch_size=len(docs))):
            spans[n] += [(a + e.start, a + e.end, e.label_) for e in doc.ents]
    return spans


def _pieces(sentences: list[list[str]]) -> list[tuple[int, int, int]]:
    """``(sentence, start, end)`` of every piece of at most :data:`MAX_WORDS` words, in order (one for an empty one).

    >>> _pieces([["a"] * 650, ["b"], []])
    [(0, 0, 300), (0, 300, 600), (0, 600, 650), (1, 0, 1), (2, 0, 0)]
    """
    return [(n, a, min(a + MAX_WORDS, len(words))) for n, words in enumerate(sentences)
            for a in range(0, max(len(words), 1), MAX_WORDS)]


def _batches(pieces: list[tuple[int, int, int]], batch_size: int = 256) -> list[list[tuple[int, int, int]]]:
    """The pieces in order, grouped into batches of at most ``batch_size`` pieces and :data:`BATCH_WORDS` words."""
    batches: list[list[tuple[int, int, int]]] = [[]]
    words = 0
    for piece in pieces:
        size = piece[2] - piece[1]
        if batches[-1] and (len(batches[-1]) >= batch_size or words + size > BATCH_WORDS):
            batches.append([])
            words = 0
        batches[-1].append(piece)
        words += size
    return [b for b in batches if b]


_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


def name_forms(name: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name as written, then with each proclitic attached to its first word (ل + ال → لل).

    >>> name_forms(("الأهلي",))[:4]
    [('الأهلي',), ('والأهلي',), ('فالأهلي',), ('بالأهلي',)]
    >>> ("للأهلي",) in name_forms(("الأهلي",)), ("لمجلس", "الأمن") in name_forms(("مجلس", "الأمن"))
    (True, True)
    """
    first, rest = name[0], name[1:]
    forms = [name]
    for clitic in _PROCLITICS:
        attached = clitic + first[1:] if clitic.endswith("ل") and first.startswith("ال") else clitic + first
        forms.append((attached, *rest))
    return forms


def consistent_spans(
    sentences: list[list[str]], spans: list[list[tuple[int, int, str]]], window: int = 40
) -> list[list[tuple[int, int, str]]]:
    """Document-level label consistency: a name the model tagged in one sentence is tagged where it recurs.

    Each sentence sees the names tagged within ``window`` sentences of it; an untagged occurrence of such a name
    (two letters or more), bare or with a proclitic attached (بالأهلي after الأهلي), gets that name's most
    frequent label. Longer names are placed first.

    >>> words = [["قال", "دويسنبرج", "إن"], ["وكان", "لدويسنبرج", "رأي"]]
    >>> consistent_spans(words, [[(1, 2, "PERS")], []])
    [[(1, 2, 'PERS')], [(1, 2, 'PERS')]]
    """
    from collections import Counter, defaultdict

    out = []
    for i, words in enumerate(sentences):
        names: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for j in range(max(0, i - window), min(len(sentences), i + window + 1)):
            for start, end, label in spans[j]:
                for form in name_forms(tuple(sentences[j][start:end])):
                    names[form][label] += 1
        found = list(spans[i])
        used = {k for start, end, _ in found for k in range(start, end)}
        for name, labels in sorted(names.items(), key=lambda item: (-len(item[0]), item[0])):
            n = len(name)
            if n == 1 and len(name[0]) < 3:
                continue
            label = labels.most_common(1)[0][0]
            for k in range(len(words) - n + 1):
                if tuple(words[k : k + n]) == name and not used & set(range(k, k + n)):
                    found.append((k, k + n, label))
                    used |= set(range(k, k + n))
        out.append(sorted(found))
    return out


_QUOTES = {"«": "»", '"': '"', "“": "”"}


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    from extractors.lexicon import load_cues

    cues = load_cues()
    return cues.work_heads | cues.product_heads


def quoted_titles(words: list[str], spans: list[tuple[int, int, str]], max_words: int = 6) -> list[tuple[int, int, str]]:
    """Add a quoted title after a work or product head noun (برنامج «...»، بعنوان «...»، سيارة «...») as MISC.

    A title already covered by a tagged span is left alone.

    >>> words = "قدمت برنامجا بعنوان « حديث الأسواق » على القناة".split()
    >>> quoted_titles(words, [])
    [(4, 6, 'MISC')]
    """
    from extractors.normalize import fold, light_stem

    heads = _title_heads()
    found = list(spans)
    used = {k for start, end, _ in found for k in range(start, end)}
    for i, word in enumerate(words[1:-2], start=1):
        close = _QUOTES.get(word)
        if close is None or not (fold(words[i - 1]) in heads or light_stem(words[i - 1]) in heads):
            continue
        end = next((j for j in range(i + 2, min(len(words), i + max_words + 2)) if words[j] == close), None)
        if end is not None and not used & set(range(i + 1, end)):
            found.append((i + 1, end, "MISC"))
            used |= set(range(i + 1, end))
    return sorted(found)


def document_context(
    sentences: list[list[str]], spans: list[list[tuple[int, int, str]]], window: int = 40
) -> list[list[tuple[int, int, str]]]:
    """What alaqat adds to the model's spans within a document: :func:`consistent_spans`, then :func:`quoted_titles`.

    >>> words = [["قال", "دويسنبرج"], ["ولدويسنبرج", "برنامج", "«", "سوق", "»"]]
    >>> document_context(words, [[(1, 2, "PERS")], []])
    [[(1, 2, 'PERS')], [(0, 1, 'PERS'), (3, 4, 'MISC')]]
    """
    spans = consistent_spans(sentences, spans, window=window)
    return [quoted_titles(words, found) for words, found in zip(sentences, spans)]
