"""Tokens and sentences of Arabic news text, with character offsets into the display text.

Tokenization keeps clitics attached (as ANERcorp does) and splits punctuation,
including Arabic punctuation (، ؛ ؟) and the quotes Arabic news uses (« » “ ” ").
Latin names keep inner hyphens and dots (``GPT-5``, ``Souq.com``), and so do dotted Arabic acronyms
(``بي.سي.بي``: dots between groups of at most three letters); numbers keep
their decimal separators (``14.3``, ``١٤٫٣``). Sentences end at ``. ! ? ؟ …`` and
at line breaks, so headlines, bullet points and table rows (``a | b |``) each
stand alone. A run of text without sentence punctuation longer than
:data:`MAX_SENTENCE_CHARS` is cut at clause marks (``، ؛ ,``) or spaces, so the
work per sentence and the evidence it gives stay bounded whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Token", "tokenize", "split_sentences", "MAX_SENTENCE_CHARS"]

MAX_SENTENCE_CHARS = 1000
"""The longest sentence :func:`split_sentences` yields; a longer unpunctuated run is cut into clauses."""

_ARABIC_LETTERS = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"
_ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_TOKEN = re.compile(
    rf"(?P<num>[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*)"
    rf"|(?P<ar>[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{_ARABIC_MARKS}]*(?:\.[{_ARABIC_LETTERS}]{{1,3}}(?![{_ARABIC_LETTERS}]))*)"
    rf"|(?P<lat>[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9]|['’](?=[A-Za-z])|[-.&](?=[A-Za-z0-9]))*)"
    rf"|(?P<oth>[^\W\d_]+)"
    rf"|(?P<sym>\S)",
)
_SENTENCE_END = re.compile(r"(?:[.!?؟…]+|\.\.+)[\"'”»’)\]]*(?=\s|$)|\n+")
_ABBREVIATION = re.compile(r"(?:^|[\s(«\"])(?:[A-Z](?:\.[A-Z])*|Inc|Co|Corp|Ltd|Jr|Mr|Dr|St|د)$")
_CLAUSE_END = re.compile(r"[،؛,;]\s")


class Token(tuple):
    """A token as ``(text, start, end, kind)``; ``kind`` is num, ar, lat (Latin script), oth (other scripts) or sym."""

    __slots__ = ()

    def __new__(cls, text: str, start: int, end: int, kind: str) -> "Token":
        return super().__new__(cls, (text, start, end, kind))

    text = property(lambda self: self[0])
    start = property(lambda self: self[1])
    end = property(lambda self: self[2])
    kind = property(lambda self: self[3])


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens whose offsets are shifted by ``offset``.

    >>> [t.text for t in tokenize('لـ"سوفت بنك" 49٪ وGPT-5 (Team).')]
    ['لـ', '"', 'سوفت', 'بنك', '"', '49', '٪', 'و', 'GPT-5', '(', 'Team', ')', '.']
    """
    return [
        Token(m.group(), m.start() + offset, m.end() + offset, m.lastgroup or "sym")
        for m in _TOKEN.finditer(text)
    ]


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` character spans of the sentences of ``text``, trimmed of spaces.

    >>> text = "ارتفع السهم 4.3٪. هل تنجح الصفقة؟ نعم\\nالقيمة | 14.3 مليار دولار |"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['ارتفع السهم 4.3٪.', 'هل تنجح الصفقة؟', 'نعم', 'القيمة | 14.3 مليار دولار |']
    >>> [text[s:e] for text in ["عين بنك (J.P. Morgan) مستشارا. وقال د. سامي إن الصفقة تمت."] for s, e in split_sentences(text)]
    ['عين بنك (J.P. Morgan) مستشارا.', 'وقال د. سامي إن الصفقة تمت.']
    """
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() == "." and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start()):
            continue  # J.P. Morgan، Inc.، د. محمد: a period that closes an abbreviation, not a sentence
        end = m.end() if m.group()[0] != "\n" else m.start()
        yield from _trimmed(text, start, end)
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> Iterator[tuple[int, int]]:
    """The span trimmed of spaces, cut into pieces of at most ``limit`` characters (see :func:`_cut`)."""
    while end - start > limit:
        cut = _cut(text, start, start + limit)
        yield from _trimmed(text, start, cut, limit)
        start = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        yield start, end


def _cut(text: str, start: int, end: int) -> int:
    """Where to cut ``text[start:end]``: after its last clause mark in the second half, else at its last space,
    else at ``end``.

    >>> text = "كلمة " * 30 + "، " + "كلمة " * 30
    >>> _cut(text, 0, 200) == text.index("،") + 1
    True
    >>> _cut("كلمة " * 100, 0, 33)
    29
    """
    clause = [m.end() - 1 for m in _CLAUSE_END.finditer(text, start + (end - start) // 2, end)]
    if clause:
        return clause[-1]
    space = text.rfind(" ", start + 1, end)
    return space if space > start else end
