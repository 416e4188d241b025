"""Money amounts, percentages and dates in Arabic news text, parsed into numbers, ISO codes and ISO dates.

Handles digits in both scripts (``14.3``, ``١٤٫٣``), scale words with and without
a number (``14.3 مليار``, ``مليار دولار``, dual ``ملياري``), number words
(``ثلاثة مليارات``), currency words and signs, approximators (``نحو 15 مليار``),
and percentages (``49٪``, ``44.29 بالمئة``). The vocabulary is in
``lexicons/quantities.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from extractors.lexicon import load_json
from extractors.normalize import fold, to_ascii_digits
from extractors.text import Token, tokenize

__all__ = ["Quantity", "find_quantities", "parse_amount", "parse_percent"]

_CLITIC = re.compile(r"^(?:[وف]?[بل]|[وف])(?=.)")
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_YEAR_CUES = {fold(w) for w in ("في", "عام", "عامي", "سنة", "منذ", "حتى", "نهاية", "بداية", "مطلع", "اواخر")}


@dataclass(frozen=True)
class Quantity:
    """A number found in text: a money amount, a percentage or a date, with its character span."""

    kind: Literal["money", "percent", "date"]
    start: int
    end: int
    text: str
    value: float | None = None
    currency: str | None = None
    iso: str | None = None
    approximate: bool = False
    context: str | None = None
    """For money: ``valuation``, ``assets``, ``revenue`` or ``per_share`` when the words before say so."""


@dataclass(frozen=True)
class _Vocab:
    scales: dict[str, float]
    numbers: dict[str, float]
    currencies: dict[tuple[str, ...], str]
    approximators: tuple[tuple[str, ...], ...]
    percent_signs: tuple[tuple[str, ...], ...]
    contexts: dict[tuple[str, ...], str]
    months: dict[tuple[str, ...], int]
    deal_words: frozenset[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = load_json("quantities")

    def words(phrase: str) -> tuple[str, ...]:
        return tuple(fold(phrase).split())

    contexts = {
        words(p): kind for kind, phrases in data["amount_contexts"].items() if kind != "_about" for p in phrases
    }
    return _Vocab(
        scales={fold(k): float(v) for k, v in data["scales"].items()},
        numbers={fold(k): float(v) for k, v in data["number_words"].items()},
        currencies={words(k): v for k, v in data["currencies"].items()},
        approximators=tuple(sorted((words(p) for p in data["approximators"]), key=len, reverse=True)),
        percent_signs=tuple(sorted((words(p) for p in data["percent_signs"]), key=len, reverse=True)),
        contexts=contexts,
        months={words(k): int(v) for k, v in data["months"].items()},
        deal_words=frozenset(fold(w) for w in data["deal_words"]["words"]),
    )


def _number(token: Token) -> float | None:
    if token.kind != "num":
        return None
    digits = to_ascii_digits(token.text)
    if re.fullmatch(r"\d{1,3}(,\d{3})+", digits):
        digits = digits.replace(",", "")
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return None


def _bare(word: str) -> str:
    word = fold(word)
    return word.rstrip("ـ")


def _match_phrase(folded: list[str], i: int, phrases) -> int:
    """Length of the longest phrase of ``phrases`` starting at ``folded[i]`` (0 when none)."""
    if i >= len(folded):
        return 0
    for phrase in _by_first_word(phrases).get(folded[i], ()):
        if tuple(folded[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


_FIRST_WORDS: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]] = {}


def _by_first_word(phrases) -> dict[str, list[tuple[str, ...]]]:
    """The phrases of a vocabulary table by their first word, longest first (made once per table; the table is
    kept with it, so its id stays its own)."""
    entry = _FIRST_WORDS.get(id(phrases))
    if entry is None:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            if phrase:
                index.setdefault(phrase[0], []).append(phrase)
        entry = _FIRST_WORDS[id(phrases)] = (phrases, index)
    return entry[1]


def _strip_clitic(word: str) -> str:
    return _CLITIC.sub("", word)


def find_quantities(text: str, default_year: int | None = None, tokens: list[Token] | None = None) -> list[Quantity]:
    """Find money amounts, percentages and dates in ``text``, or only in ``tokens`` of it when given (a sentence's
    tokens, already made, with their offsets into ``text``).

    >>> [(q.kind, q.value, q.currency) for q in find_quantities("استثمار بقيمة 14.3 مليار دولار")]
    [('money', 14300000000.0, 'USD')]
    >>> [(q.value, q.approximate) for q in find_quantities("نحو 15 مليار دولار")]
    [(15000000000.0, True)]
    >>> [q.value for q in find_quantities("استحوذت على 49٪ من أسهمها")]
    [49.0]
    >>> [q.iso for q in find_quantities("وقعت الصفقة في 26 مارس 2019") if q.kind == "date"]
    ['2019-03-26']
    """
    vocab = _vocab()
    tokens = tokenize(text) if tokens is None else tokens
    folded = [_bare(t.text) for t in tokens]
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        quantity, used = _money_at(text, tokens, folded, i, vocab)
        if quantity is None:
            quantity, used = _percent_at(text, tokens, folded, i, vocab)
        if quantity is None:
            quantity, used = _date_at(text, tokens, folded, i, vocab, default_year)
        if quantity is None:
            i += 1
            continue
        found.append(quantity)
        i += used
    return found


def _money_at(text, tokens, folded, i, vocab):
    start_i = i
    value: float | None = None
    if tokens[i].text in ("$", "€", "£") and i + 1 < len(tokens) and _number(tokens[i + 1]) is not None:
        sign_currency = vocab.currencies[(tokens[i].text,)]
        value = _number(tokens[i + 1])
        j = i + 2
        scale = vocab.scales.get(folded[j]) if j < len(tokens) else None
        if scale:
            value, j = value * scale, j + 1
        return _money(text, tokens, folded, start_i, j, value, sign_currency, vocab), j - start_i
    number = _number(tokens[i])
    word = _strip_clitic(folded[i])
    j = i
    if number is not None:
        value, j = number, i + 1
    elif word in vocab.numbers and i + 1 < len(tokens) and _strip_clitic(folded[i + 1]) in vocab.scales:
        value, j = vocab.numbers[word], i + 1
    if value is not None and j < len(tokens) and folded[j] in vocab.scales:
        value *= vocab.scales[folded[j]] if vocab.scales[folded[j]] not in (2e12, 2e9, 2e6, 2e3) else vocab.scales[folded[j]] / 2
        j += 1
    elif value is None and word in vocab.scales:
        value, j = vocab.scales[word], i + 1
    if value is None or j >= len(tokens):
        return None, 0
    length = _match_phrase(folded, j, vocab.currencies)
    if not length:
        return None, 0
    currency = vocab.currencies[tuple(folded[j : j + length])]
    return _money(text, tokens, folded, start_i, j + length, value, currency, vocab), j + length - start_i


def _money(text, tokens, folded, i, j, value, currency, vocab) -> Quantity:
    approximate = any(
        tuple(folded[max(0, i - len(p)) : i]) == p for p in vocab.approximators
    )
    context = None
    before = folded[max(0, i - 3) : i]
    stripped = [_strip_clitic(w) for w in before]
    far = [_strip_clitic(w) for w in folded[max(0, i - 6) : i]]
    for phrase, kind in vocab.contexts.items():
        n = len(phrase)
        if n == 1 and (phrase[0] in before or phrase[0] in stripped or _strip_clitic(phrase[0]) in stripped):
            context = kind  # بأصول تبلغ 73 مليار: the word may stand up to three words before the amount
        elif n == 1 and kind == "valuation" and _strip_clitic(phrase[0]) in far:
            context = kind  # تقدر قيمة شركة نوفالين بنحو 60 مليار: a valuation word up to six words back
        elif n > 1 and tuple(before[-n:]) == phrase:
            context = kind
    if context == "valuation" and any(w in vocab.deal_words or _strip_clitic(w) in vocab.deal_words
                                      or w.startswith("لل") and "ال" + w[2:] in vocab.deal_words
                                      for w in folded[max(0, i - 10) : i]):
        context = None  # في صفقة بلغت قيمتها 14.7 مليار، صفقة … وتقدر بـ10.5 مليارات: the deal's value is its price
    after = " ".join(folded[j : j + 2])
    if any(" ".join(p) in after for p, kind in vocab.contexts.items() if kind == "per_share"):
        context = "per_share"
    start, end = tokens[i].start, tokens[j - 1].end
    value = round(value, 4)  # 4.1 × 1e9 is 4100000000.0, not 4099999999.9999995
    return Quantity("money", start, end, text[start:end], value=value, currency=currency,
                    approximate=approximate, context=context)


def _percent_at(text, tokens, folded, i, vocab):
    number = _number(tokens[i])
    if number is None or i + 1 >= len(tokens):
        return None, 0
    length = _match_phrase(folded, i + 1, vocab.percent_signs)
    if not length or number > 100:
        return None, 0
    start, end = tokens[i].start, tokens[i + length].end
    return Quantity("percent", start, end, text[start:end], value=number), length + 1


def _date_at(text, tokens, folded, i, vocab, default_year):
    day = _number(tokens[i])
    if day is not None and day == int(day) and 1 <= day <= 31 and i + 1 < len(tokens):
        length = _match_phrase(folded, i + 1, vocab.months)
        if length:
            month = vocab.months[tuple(folded[i + 1 : i + 1 + length])]
            j = i + 1 + length
            j += _match_phrase(folded, j, vocab.months)  # يونيو حزيران: the Levantine name may follow
            year = _year(tokens, j)
            if year is None and default_year is None:
                return None, 0
            end = tokens[j].end if year is not None else tokens[j - 1].end
            iso = f"{year or default_year:04d}-{month:02d}-{int(day):02d}"
            return Quantity("date", tokens[i].start, end, text[tokens[i].start:end], iso=iso), j - i + (year is not None)
    length = _match_phrase(folded, i, vocab.months)
    if length and (year := _year(tokens, i + length)) is not None:
        month = vocab.months[tuple(folded[i : i + length])]
        end = tokens[i + length].end
        return Quantity("date", tokens[i].start, end, text[tokens[i].start:end], iso=f"{year:04d}-{month:02d}"), length + 1
    if tokens[i].kind == "num" and _YEAR.match(to_ascii_digits(tokens[i].text)) and i > 0 and {folded[i - 1], _strip_clitic(folded[i - 1])} & _YEAR_CUES:
        return Quantity("date", tokens[i].start, tokens[i].end, tokens[i].text, iso=to_ascii_digits(tokens[i].text)), 1
    return None, 0


def _year(tokens: list[Token], j: int) -> int | None:
    if j < len(tokens) and tokens[j].kind == "num" and _YEAR.match(to_ascii_digits(tokens[j].text)):
        return int(to_ascii_digits(tokens[j].text))
    return None


def parse_amount(text: str) -> tuple[float, str] | None:
    """Parse the first money amount of ``text`` into ``(value, ISO currency)``.

    >>> parse_amount("305 ملايين جنيه إسترليني")
    (305000000.0, 'GBP')
    >>> parse_amount("١٤٫٣ مليار دولار")
    (14300000000.0, 'USD')
    >>> parse_amount("ملياري دولار")
    (2000000000.0, 'USD')
    >>> parse_amount("لا مبلغ هنا") is None
    True
    """
    for q in find_quantities(text):
        if q.kind == "money":
            return q.value, q.currency
    return None


def parse_percent(text: str) -> float | None:
    """Parse the first percentage of ``text``.

    >>> parse_percent("بحصة تبلغ 44.29 بالمئة"), parse_percent("49٪")
    (44.29, 49.0)
    """
    for q in find_quantities(text):
        if q.kind == "percent":
            return q.value
    return None
