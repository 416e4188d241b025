"""Cross-article entity resolution: which node an article's entity joins, by which rule, with what score.

Rules, tried in order (the thresholds and extra alias pairs are data, ``extractors/lexicons/resolution.json``):

1. ``knowledge-base``: the entity matched a gazetteer entry; the entry's id is the node;
2. ``alias-pair``: a pair listed in the resolution data;
3. ``same-name``: one of its names has the match key of a name of the node (same type family);
4. ``acronym``: an all-capitals Latin name equals the initials of a node's multi-word Latin name (PIF);
5. ``transliteration``: an Arabic name and a Latin name share a consonant skeleton (ميتا / Meta);
6. ``person-part``: a bare given name or surname joins the one person node with that part, when only one has it (a
   full name joins that way only when its given name is the node's, spelled another way).

A name a user split off (``alaqat split NAME``, the ``apart`` keys) overrides them all: an entity with that name
gets a node of its own (rule ``manual-split``), and no other entity joins that node.

Two people who share a surname stay apart: full names join only on the same key (never on a bare surname they both
repeat), and a bare part joins only an unambiguous full name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from extractors.lexicon import load_json
from extractors.normalize import is_arabic_char, match_key, name_key, skeleton

__all__ = ["skeleton", "Match", "Resolver", "family"]

_FAMILY = {"ORG": "org", "PRODUCT": "org", "PERSON": "person", "LOC": "loc", "MISC": "misc"}


def family(etype: str) -> str:
    """The type family in which names are compared: organizations and products together, people apart.

    >>> family("PRODUCT"), family("PERSON")
    ('org', 'person')
    """
    return _FAMILY.get(etype, "misc")


@lru_cache(maxsize=1)
def _config() -> dict:
    return load_json("resolution")


@lru_cache(maxsize=262_144)
def _key(name: str) -> str:
    return match_key(name)


def _script(name: str) -> str:
    return "ar" if any(is_arabic_char(c) for c in name) else "lat"


def _dictionary_word(name: str) -> bool:
    """True for a one-word Arabic name that is an Arabic dictionary word (آبار), not a transliteration (ميتا).

    >>> _dictionary_word("آبار"), _dictionary_word("ميتا")
    (True, False)
    """
    from extractors.ner.dictionary import known_word

    return " " not in name.strip() and known_word(name)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@dataclass(frozen=True)
class Match:
    """Why an entity joined a node."""

    node: str
    rule: str
    score: float = 1.0


class Resolver:
    """Indexes the names of the nodes built so far and finds the node a new entity belongs to."""

    def __init__(self, apart: frozenset[str] = frozenset()) -> None:
        cfg = _config()
        self.apart = apart
        self.split_nodes = {f"{fam}:{key}" for fam in set(_FAMILY.values()) for key in apart}
        self.min_skeleton = cfg["min_skeleton"]
        self.min_fuzzy = cfg["min_fuzzy_skeleton"]
        self.ratio = cfg["fuzzy_ratio"]
        self.pairs = {frozenset(match_key(n) for n in pair) for pair in cfg["alias_pairs"]}
        self.never = {frozenset(match_key(n) for n in pair) for pair in cfg["never_join"]}
        self.keys: dict[tuple[str, str], str] = {}
        self.skeletons: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self.buckets: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self.initials: dict[str, str] = {}
        self.parts: dict[str, set[str]] = defaultdict(set)
        self.seen: set[tuple[str, str, str]] = set()
        self.node_keys: dict[str, set[str]] = defaultdict(set)

    def add(self, node: str, etype: str, names: set[str]) -> None:
        """Record the names of ``node`` (after an entity joined it)."""
        fam = family(etype)
        for name in names:
            if (node, fam, name) in self.seen:
                continue
            self.seen.add((node, fam, name))
            key = _key(name)
            if not key:
                continue
            self.node_keys[node].add(key)
            self.keys.setdefault((fam, key), node)
            sk = skeleton(name)
            if len(sk) >= self.min_skeleton:
                self.skeletons[(fam, _script(name), sk)].add(node)
                if len(sk) >= self.min_fuzzy:
                    self.buckets[(fam, _script(name), sk[:2])].add(sk)
            if fam == "org" and _script(name) == "lat" and (ini := _initials(name)):
                self.initials.setdefault(ini, node)
            if fam == "person" and len(key.split()) >= 2:
                words = key.split()
                self.parts[words[0]].add(node)
                self.parts[words[-1]].add(node)

    def find(self, etype: str, names: set[str], canonical: str | None = None) -> Match | None:
        """The node an entity with these names joins, or None for a new node (never a ``never_join`` pair).

        >>> r = Resolver(apart=frozenset({"zephyra"}))
        >>> r.add("org:زيفيرا", "ORG", {"زيفيرا"})
        >>> r.find("ORG", {"Zephyra"})
        Match(node='org:zephyra', rule='manual-split', score=1.0)
        """
        split = self.apart & {_key(n) for n in names}
        if split:
            return Match(f"{family(etype)}:{min(split)}", "manual-split")
        match = self._find(etype, names, canonical)
        if match is not None and match.node in self.split_nodes:
            return None
        if match is None or not self.never:
            return match
        keys = {_key(n) for n in names}
        if any(frozenset((a, b)) in self.never for a in keys for b in self.node_keys.get(match.node, ())):
            return None
        return match

    def _find(self, etype: str, names: set[str], canonical: str | None = None) -> Match | None:
        if canonical:
            return Match(canonical, "knowledge-base")
        fam = family(etype)
        keys = {_key(n) for n in names} - {""}
        for pair in self.pairs:
            if pair & keys:
                for other in pair - keys:
                    if (fam, other) in self.keys:
                        return Match(self.keys[(fam, other)], "alias-pair")
        full = {k for k in keys if len(k.split()) >= 2} if fam == "person" else set()
        for key in sorted(full or keys):  # a person with a full name joins on it, never on a bare part (ماير)
            if (fam, key) in self.keys:
                return Match(self.keys[(fam, key)], "same-name")
        if fam == "org":
            for name in sorted(names):
                if name.isupper() and name.isalpha() and name in self.initials:
                    return Match(self.initials[name], "acronym")
            match = self._transliteration(fam, names)
            if match:
                return match
        if fam == "person":  # a bare part (وانج) joins the one person who has it; a full name, when its given name agrees
            for key in sorted(keys):
                if len(key.split()) == 1 and len(self.parts.get(key, ())) == 1:
                    node = next(iter(self.parts[key]))
                    if not full or self._same_given_name(full, node):
                        return Match(node, "person-part")
        return None

    def _same_given_name(self, full: set[str], node: str) -> bool:
        """True when a full name's first word and one of the node's full names' first word are one name spelled
        two ways (ماسايوشي / ماسايوشى، أليكس / ألكس): ماريزا ماير and روبن ماير are two people."""
        from rapidfuzz import fuzz

        firsts = {k.split()[0] for k in full}
        theirs = {k.split()[0] for k in self.node_keys.get(node, ()) if len(k.split()) >= 2}
        return any(fuzz.ratio(skeleton(a), skeleton(b)) >= self.ratio for a in firsts for b in theirs)

    def _transliteration(self, fam: str, names: set[str]) -> Match | None:
        from rapidfuzz import fuzz

        for name in sorted(names):
            sk = skeleton(name)
            if len(sk) < self.min_skeleton:
                continue
            other = "lat" if _script(name) == "ar" else "ar"
            nodes = self.skeletons.get((fam, other, sk), set())
            if len(sk) <= 2:  # آبار (wells) is no spelling of Uber: two consonants match only names no dictionary holds
                arabic = [name] if other == "lat" else [k for n in nodes for k in self.node_keys.get(n, ())
                                                        if _script(k) == "ar" and skeleton(k) == sk]
                if any(_dictionary_word(a) for a in arabic):
                    continue
            if len(nodes) == 1 and len(sk) >= max(self.min_skeleton, 3 if len(name) > 4 else 2):
                return Match(next(iter(nodes)), "transliteration", 1.0)
            if len(sk) >= self.min_fuzzy:
                best = max(
                    ((fuzz.ratio(sk, s), n) for s in sorted(self.buckets.get((fam, other, sk[:2]), ()))
                     for n in sorted(self.skeletons[(fam, other, s)])),
                    default=(0, None),
                )
                if best[0] >= self.ratio:
                    return Match(best[1], "transliteration", round(best[0] / 100, 3))
        return None
