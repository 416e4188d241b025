"""Load alaqat's lexicons (JSON data files in ``extractors/lexicons/``) once, folded for matching.

Every list in a lexicon is matched after :func:`extractors.normalize.fold`, so a
file lists words as they are usually written and the loader folds them. Users
can add knowledge-base entries with their own gazetteer file (same format as
``gazetteer.json``), passed to :func:`load_gazetteer`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from extractors.normalize import fold, match_key

__all__ = ["trigger_final_words", "LEXICON_DIR", "load_json", "folded_set", "Cues", "load_cues", "GazetteerEntry", "Gazetteer", "load_gazetteer"]

LEXICON_DIR = Path(__file__).with_name("lexicons")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """Read ``extractors/lexicons/NAME.json``.

    >>> "entries" in load_json("gazetteer")
    True
    """
    path = LEXICON_DIR / f"{name}.json"
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def folded_set(words: list[str]) -> frozenset[str]:
    """Fold each word (and multi-word phrase) of a lexicon list.

    >>> sorted(folded_set(["الأمير", "رئيسة"]))
    ['الامير', 'رييسه']
    """
    return frozenset(" ".join(fold(w).split()) for w in words)


@dataclass(frozen=True)
class Cues:
    """The folded word lists of ``cues.json`` and ``first_names.json``."""

    org_heads_dropped: frozenset[str]
    org_heads_kept: frozenset[str]
    product_heads: frozenset[str]
    work_heads: frozenset[str]
    latin_org_words: frozenset[str]
    latin_generic: frozenset[str]
    person_titles: frozenset[str]
    speech_verbs: frozenset[str]
    name_connectors: frozenset[str]
    stopwords: frozenset[str]
    places: frozenset[str]
    gentilics: frozenset[str]
    first_names: frozenset[str]
    appointment_verbs: frozenset[str] = field(default_factory=frozenset)
    accusative_titles: frozenset[str] = field(default_factory=frozenset)
    common_words: frozenset[str] = field(default_factory=frozenset)
    head_nouns: frozenset[str] = field(default_factory=frozenset)
    """Every head noun: organization heads kept or dropped from names, and product heads."""
    letter_names: frozenset[str] = field(default_factory=frozenset)
    unit_words: frozenset[str] = field(default_factory=frozenset)
    product_unit_words: frozenset[str] = field(default_factory=frozenset)
    date_words: frozenset[str] = field(default_factory=frozenset)
    class_nouns: frozenset[str] = field(default_factory=frozenset)
    list_words: frozenset[str] = field(default_factory=frozenset)
    months: frozenset[str] = field(default_factory=frozenset)
    sector_words: frozenset[str] = field(default_factory=frozenset)
    sector_adjectives: frozenset[str] = field(default_factory=frozenset)
    chain_nouns: frozenset[str] = field(default_factory=frozenset)
    product_class_nouns: frozenset[str] = field(default_factory=frozenset)
    name_adjectives: frozenset[str] = field(default_factory=frozenset)
    superlatives: frozenset[str] = field(default_factory=frozenset)
    department_nouns: frozenset[str] = field(default_factory=frozenset)
    eponym_heads: frozenset[str] = field(default_factory=frozenset)
    unit_countries: frozenset[str] = field(default_factory=frozenset)
    max_title_words: int = field(default=4)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Load the cue lexicon.

    >>> cues = load_cues()
    >>> "شركه" in cues.org_heads_dropped, "روبرت" in cues.first_names
    (True, True)
    """
    data = load_json("cues")
    lists = {key: folded_set(value["words"]) for key, value in data.items() if isinstance(value, dict)}
    titles = lists["person_titles"]
    return Cues(
        org_heads_dropped=lists["org_heads_dropped"],
        org_heads_kept=lists["org_heads_kept"],
        product_heads=lists["product_heads"],
        work_heads=lists["work_heads"],
        latin_org_words=lists["latin_org_words"],
        latin_generic=lists["latin_generic"],
        person_titles=titles,
        speech_verbs=lists["speech_verbs"],
        name_connectors=lists["name_connectors"],
        stopwords=lists["stopwords"],
        places=lists["places"],
        gentilics=lists["gentilics"],
        first_names=folded_set(load_json("first_names")["names"]),
        appointment_verbs=lists["appointment_verbs"],
        accusative_titles=lists["accusative_titles"],
        common_words=_common_words(),
        head_nouns=lists["org_heads_kept"] | lists["org_heads_dropped"] | lists["product_heads"],
        letter_names=lists["letter_names"],
        unit_words=lists["unit_words"] | lists["product_unit_words"],
        product_unit_words=lists["product_unit_words"],
        date_words=lists["date_words"],
        class_nouns=lists["class_nouns"],
        list_words=lists["list_words"],
        months=folded_set(list(load_json("quantities")["months"])),
        sector_words=lists["sector_words"],
        sector_adjectives=lists["sector_adjectives"],
        chain_nouns=lists["chain_nouns"],
        product_class_nouns=lists["product_class_nouns"],
        name_adjectives=lists["name_adjectives"],
        superlatives=lists["superlatives"],
        department_nouns=lists["department_nouns"],
        eponym_heads=lists["eponym_heads"],
        unit_countries=lists["unit_countries"] - lists["gentilics"],
        max_title_words=max(len(t.split()) for t in titles),
    )


def _common_words() -> frozenset[str]:
    """The ordinary-words vocabulary (``common_words.txt``, one folded word a line, ``#`` comments)."""
    path = LEXICON_DIR / "common_words.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class GazetteerEntry:
    """A known entity: canonical id, type, display label and every spelling."""

    id: str
    type: str
    label: str
    names: tuple[str, ...]
    weak_names: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    """Known entities indexed by the match key of each of their names."""

    entries: dict[str, GazetteerEntry]
    strong: dict[str, str]
    weak: dict[str, str]
    max_words: int

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every name's match key: a span whose first word is not one of them names no entry."""
        return frozenset(key.split(" ", 1)[0] for key in (*self.strong, *self.weak))

    def lookup(self, key: str) -> tuple[GazetteerEntry, bool] | None:
        """Return ``(entry, is_strong)`` for a match key, or None.

        >>> g = load_gazetteer()
        >>> entry, strong = g.lookup("انفيديا")
        >>> entry.id, strong
        ('nvidia', True)
        """
        if key in self.strong:
            return self.entries[self.strong[key]], True
        if key in self.weak:
            return self.entries[self.weak[key]], False
        return None


def load_gazetteer(extra: str | Path | None = None) -> Gazetteer:
    """Load the bundled gazetteer, plus the entries of ``extra`` (same JSON format) when given.

    An extra entry with an id that already exists replaces the bundled one.
    """
    if extra is None:
        return _default_gazetteer()
    from extractors.errors import LexiconError

    raw = list(load_json("gazetteer")["entries"])
    try:
        with open(extra, encoding="utf-8") as handle:
            raw += json.load(handle)["entries"]
        return _index(tuple(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in raw))
    except OSError as err:
        raise LexiconError(f"{extra}: cannot read the gazetteer ({err.strerror}): check the path given to --gazetteer") from err
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise LexiconError(
            f"{extra}: not a gazetteer ({type(err).__name__}: {str(err)[:80]}): write "
            '{"entries": [{"id", "type", "names"}, ...]} as in extractors/lexicons/gazetteer.json'
        ) from err


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    raw = load_json("gazetteer")["entries"]
    return _index(tuple(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in raw))


@lru_cache(maxsize=4)
def _index(raw_entries: tuple[str, ...]) -> Gazetteer:
    entries: dict[str, GazetteerEntry] = {}
    for text in raw_entries:
        item = json.loads(text)
        names = tuple(item.get("names", ()))
        weak = tuple(item.get("weak_names", ()))
        entries[item["id"]] = GazetteerEntry(
            id=item["id"],
            type=item["type"],
            label=item.get("label") or _display_label(names or weak),
            names=names,
            weak_names=weak,
            role=item.get("role"),
        )
    strong: dict[str, str] = {}
    weak_index: dict[str, str] = {}
    for entry in entries.values():
        for name in entry.names:
            strong.setdefault(match_key(name), entry.id)
        for name in entry.weak_names:
            weak_index.setdefault(match_key(name), entry.id)
    longest = max(len(k.split()) for k in list(strong) + list(weak_index))
    return Gazetteer(entries=entries, strong=strong, weak=weak_index, max_words=longest)


def _display_label(names: tuple[str, ...]) -> str:
    """The first Arabic-script name, else the first name: labels follow the articles' script."""
    for name in names:
        if any("\u0600" <= c <= "\u06ff" for c in name):
            return name
    return names[0]


@lru_cache(maxsize=1)
def trigger_final_words() -> frozenset[str]:
    """Last words of the relation triggers (منافسي، طرحت، استحواذ ...): a weak name right after one is a name.

    Prepositions and other short function words are left out.

    >>> "منافسي" in trigger_final_words(), "من" in trigger_final_words()
    (True, False)
    """
    stop = {fold(w) for w in ("من", "في", "على", "مع", "ل", "ب", "إلى", "عن", "بين", "مثل", "هو", "هي", "منها", "بينها", "وبين")}
    words = set()
    for entry in load_json("relations")["entries"]:
        for phrase in entry["triggers"]:
            last = fold(phrase).split()[-1]
            if last not in stop and len(last) > 2:
                words.add(last)
    return frozenset(words)
