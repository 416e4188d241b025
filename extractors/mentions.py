"""Find the names in a document: organizations, people, products and places, with their spans.

Several matchers propose candidate spans over the tokens of each sentence and
the most reliable proposal wins where they overlap:

1. the gazetteer (known entities in both scripts, with attached clitics
   removed: لميتا → ميتا); weak names (ordinary words such as تداول) only
   with context;
2. quoted names after a head noun (شركة “كريم”), Latin-script spans inside
   Arabic text (Scale AI, GPT-5, TBD Labs) typed by the words around them;
3. head nouns (شركة X، بنك X، صندوق X، نموذج X), titles (الرئيس التنفيذي X)
   and given names (روبن ماير);
4. the statistical model (spaCy, trained on ANERcorp and NewsFANEGold).

The lexicons behind every matcher are data files in ``extractors/lexicons/``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extractors.lexicon import (
    Cues,
    Gazetteer,
    GazetteerEntry,
    load_cues,
    load_gazetteer,
    load_json,
    trigger_final_words,
)
from extractors.ner.dictionary import in_dictionary, known_word
from extractors.normalize import corporate_suffix, fold, match_key, name_key
from extractors.records import Document, Mention, MentionSource, Sentence
from extractors.text import Token, tokenize

__all__ = ["MentionFinder", "find_mentions", "strip_proclitic", "without_possessive"]

_MOVING_VERBS = frozenset(fold(w) for w in ("دخلت", "دخل", "تدخل", "يدخل", "ستدخل", "سيدخل", "غادرت", "غادر", "تغادر",
                                             "زارت", "زار", "وصلت", "وصل", "اختارت", "اختار"))
_QUOTATION_OPENERS = frozenset({"ليس", "ليست", "لسنا", "لن", "لم", "لا", "قد", "سوف", "إن", "أن", "كان", "كانت", "هذا",
                                 "هذه", "نحن", "هو", "هي", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
                                 "الأربعاء", "الخميس", "الجمعة"})
"""Words a quotation or a named day opens, as written: quotes around them hold no company's name."""
_MADE_BY_RELATIVES = frozenset({"التي", "الذي", "والتي", "والذي"})
_MADE_IT = frozenset(fold(w) for w in ("طورتها", "طورته", "طورها", "طوره", "أطلقتها", "أطلقته", "أطلقها", "أطلقه",
                                       "صنعتها", "صنعته", "أنتجتها", "أنتجته", "تطورها", "تطوره", "يطورها", "يطوره",
                                       "ابتكرتها", "ابتكرته", "صممتها", "صممته"))
"""A relative clause's verb of making with a pronoun for its antecedent (التي طورتها X): the antecedent is a product."""
_OPEN_QUOTES = {"«", "“", '"', "„", "‘", "'", "”"}
_CLOSE_QUOTES = {"»", "”", '"', "’", "'", "“", "″"}
_LATIN_JOINERS = {"&", "-", ".", "'"}
_PROCLITIC_SPLITS = ("وال", "فال", "بال", "كال", "وب", "ول", "وك", "فب", "فل", "لل", "و", "ف", "ب", "ل", "ك")

# Priority of each matcher: higher wins an overlap.
_PRIORITY: dict[str, int] = {"latin-version": 7, "quoted-extended": 7, "gazetteer-extended": 7, "head-extended": 7, "gazetteer": 6, "quoted": 5, "latin": 4, "head": 3, "suffixed": 3, "complement": 3, "title": 3, "given-name": 3,
             "coordinated": 3, "owned": 3, "listed": 4, "acronym": 3, "repeat": 2, "model": 2, "weak": 1}
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")
"""A Latin word of initials (J.P): a period and a space after it go on with the name (J.P. Morgan)."""
_PREPOSITIONS = {"علي", "في", "مع", "من", "الي", "عن", "بين", "ل", "لـ"}
_BRACKETS = {"(", ")", "[", "]", "/"}
_HONORIFIC_WORDS = {"السيد", "السيده", "الشيخ", "الشيخه", "الامير", "الاميره", "الدكتور", "الدكتوره", "المهندس", "المهندسه"}
_FOREIGN_JOINERS = {"اند", "ان", "ين", "اوف", "او", "دي", "دو", "لا", "فون", "فان"}
"""Function words inside transliterated names: آند (and), إن (LinkedIn), أوف (of), دي / دو / لا / فون / فان."""
_DEFINITE_HEADS = {"الشركه", "الموسسه", "الهييه", "المجموعه", "البنك", "المصرف", "الصندوق", "الاتحاد"}


@lru_cache(maxsize=131_072)
def strip_proclitic(folded: str) -> tuple[tuple[int, str], ...]:
    """Ways to read a folded word as proclitic + rest: ``(characters removed, rest)``; the word itself first.

    ``لل`` + X is read as the definite ``ال`` + X, as Arabic spells it.

    >>> strip_proclitic("لميتا")
    ((0, 'لميتا'), (1, 'ميتا'))
    >>> strip_proclitic("للاهلي")
    ((0, 'للاهلي'), (1, 'الاهلي'), (1, 'لاهلي'))
    """
    out = [(0, folded)]
    for clitic in _PROCLITIC_SPLITS:
        if not folded.startswith(clitic) or len(folded) - len(clitic) < 2:
            continue
        if clitic in ("وال", "فال", "بال", "كال"):
            out.append((len(clitic) - 2, "ال" + folded[len(clitic):]))
        elif clitic == "لل":
            out.append((1, "ال" + folded[2:]))
        else:
            out.append((len(clitic), folded[len(clitic):]))
    seen, unique = set(), []
    for item in out:
        if item[1] not in seen:
            seen.add(item[1])
            unique.append(item)
    return tuple(unique)


@dataclass
class _Candidate:
    start: int
    end: int
    type: str
    source: MentionSource
    canonical: str | None = None
    clitic: int = 0
    """Characters of proclitic to drop from the first token."""
    confirmed: bool = True
    """False for a proposal that needs the model or a list to confirm it (a quoted span, the word after شركة)."""


@dataclass
class _Sent:
    index: int
    tokens: list[Token]
    folded: list[str]
    candidates: list[_Candidate] = field(default_factory=list)


class MentionFinder:
    """Finds mentions with a gazetteer, cue lexicons and, when available, the statistical model."""

    def __init__(self, gazetteer: Gazetteer | None = None, cues: Cues | None = None, model: Any = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.cues = cues or load_cues()
        self.model = model
        self.model_seconds = 0.0

    # -- public ---------------------------------------------------------------------------
    def find(self, document: Document, sentences: list[Sentence], sentence_tokens: list[list[Token]] | None = None,
             model_spans: list[list[tuple[int, int, str]]] | None = None) -> list[Mention]:
        """Return the mentions of ``document``, in text order, with ids m0, m1, ...

        ``sentence_tokens`` and ``model_spans`` (from :meth:`tag`), when given, are each sentence's tokens and the
        model's spans over them, made by the caller for many documents at once."""
        sents = []
        for n, sentence in enumerate(sentences):
            tokens = tokenize(sentence.text, offset=sentence.start) if sentence_tokens is None else sentence_tokens[n]
            sents.append(_Sent(sentence.index, tokens, [fold(t.text).rstrip("ـ") for t in tokens]))
        strong_ids: set[str] = set()
        for s in sents:
            self._gazetteer(s)
            self._gazetteer_extended(s)
            strong_ids |= {c.canonical for c in s.candidates if c.source == "gazetteer" and c.canonical}
        if model_spans is None:
            model_spans = self.tag([[s.tokens for s in sents]])[0]
        words = Counter(w for s in sents for w in s.folded)
        for s, spans in zip(sents, model_spans):
            self._spelled_acronyms(s)
            self._listed_after_class_noun(s)
            self._quoted_and_heads(s)
            self._sector_extended(s)
            self._suffixed(s)
            self._latin(s)
            self._titles(s)
            self._speakers_with_titles(s)
            self._title_complements(s)
            self._appointments(s)
            self._given_names(s)
            for start, end, label in spans:
                self._model_candidate(s, start, end, label, words)
            self._drop_eponyms(s)
            self._products_a_relative_names(s)
            self._drop_glosses(s)
            self._local_units(s)
        for s in sents:
            self._definite_heads(s)
            self._heads_beyond_known_names(s)
            self._people_named_like_companies(s)
        self._weak_in_context(sents, strong_ids)
        for s in sents:
            self._products_of_known_names(s)
            s.candidates = _resolve_overlaps(s.candidates) + [c for c in s.candidates if not c.confirmed]
            self._coordinated(s)
            s.candidates = _resolve_overlaps(s.candidates)
        self._repeats(sents)
        mentions: list[Mention] = []
        for s in sents:
            for cand in _resolve_overlaps(s.candidates):
                mention = self._to_mention(document, s, cand, len(mentions))
                if mention is not None:
                    mentions.append(mention)
        return mentions

    # -- matchers -------------------------------------------------------------------------
    def _gazetteer(self, s: _Sent) -> None:
        n = len(s.tokens)
        stops = _stops(s.tokens)
        for i in range(n):
            if s.tokens[i].kind == "sym":
                continue
            for clitic, first in strip_proclitic(s.folded[i]):
                if clitic and s.tokens[i].kind != "ar":
                    continue
                opening = match_key(first).split(" ", 1)[0]
                if opening and opening not in self.gazetteer.first_words:
                    continue  # the key of every span from here starts with this word
                for length in range(min(self.gazetteer.max_words + 2, stops[i] - i), 0, -1):
                    end = i + length
                    if s.tokens[end - 1].kind == "sym":
                        continue
                    key = match_key(" ".join([first] + s.folded[i + 1 : end]))
                    hit = self.gazetteer.lookup(key) if key else None
                    if hit is None:
                        continue
                    entry, strong = hit
                    if not _hamza_agrees(s.tokens[i:end], entry):
                        continue  # فئات (categories) is not فيات (Fiat): folding dropped a hamza no spelling has
                    source = "gazetteer" if strong else "weak"
                    s.candidates.append(_Candidate(i, end, entry.type, source, entry.id, clitic))
                    break

    def _spelled_acronyms(self, s: _Sent) -> None:
        """جي بي مورغان تشيس، إتش إس بي سي: two or more spelled-out Latin letters (not all of them function words),
        with the transliterated words that follow, are one organization's name."""
        n = len(s.tokens)
        k = 0
        while k < n:
            joined = int(self._joined_letter(s, k))  # وإم إس سي: و joins a second acronym to a list
            if not (joined or self._spelled_letter(s, k) and not (k > 0 and self._spelled_letter(s, k - 1))):
                k += 1
                continue
            end = k + 1 if joined else k
            while end < n and self._spelled_letter(s, end):
                end += 1
            letters = ([s.folded[k][1:]] if joined else []) + s.folded[k + joined : end]
            if sum(w not in self.cues.stopwords for w in letters) >= 2:
                while end < n and end - k < 6 and s.tokens[end].kind == "ar" and self._foreign(s.folded[end]) \
                        and not self._joined_letter(s, end):
                    end += 1
                s.candidates.append(_Candidate(k, end, "ORG", "acronym", clitic=joined))
            k = end

    def _people_named_like_companies(self, s: _Sent) -> None:
        """هنري فورد، ويليام كلاي فورد: a known company's name right after a given name is the person's family name,
        so the person wins over the company there."""
        people = [c for c in s.candidates if c.source == "given-name"]
        s.candidates = [
            c for c in s.candidates
            if not (c.source in ("gazetteer", "weak") and c.type == "ORG" and not c.clitic
                    and any(p.start < c.start and c.end <= p.end for p in people))
        ]

    def _listed_after_class_noun(self, s: _Sent) -> None:
        """شركات مثل زيفيرون وبلوماتيكس وأوركينا: every item of a list opened by a class noun and a list word is an
        organization (items of up to three name-like words, split at و and commas)."""
        cues = self.cues
        n = len(s.tokens)
        for i in range(n - 2):
            pair = " ".join(s.folded[i : i + 2])
            if s.folded[i] in cues.class_nouns or pair in cues.class_nouns:
                etype = "ORG"
            elif s.folded[i] in cues.product_class_nouns:
                etype = "PRODUCT"  # برامج مثل «فوتوشوب» و«بريمير برو»
            else:
                continue
            k = next((k + 1 for k in range(i + 1, min(i + 4, n)) if s.folded[k] in cues.list_words), None)
            conjunction = 0  # the first item has no و
            while k is not None and k < n:
                if s.folded[k] == "و" and conjunction == 0 and k > 0 and s.tokens[k - 1].text in _CLOSE_QUOTES:
                    k += 1  # «X» و«Y»: a separate و before a quote
                quoted = self._quoted_at(s, k)
                if quoted is not None:
                    start, end = quoted
                    s.candidates.append(_Candidate(start, end, etype, "quoted"))
                    end += 1
                    conjunction = 0
                    if end < n and s.tokens[end].text in ("،", ",", "و") or end < n and s.folded[end] == "و":
                        k = end + (1 if s.tokens[end].text in ("،", ",") else 0)
                        continue
                    break
                end = k
                while end < n and end - k < 3 and self._list_item_word(s, end, conjunction if end == k else 0):
                    end += 1
                if end == k:
                    break
                s.candidates.append(_Candidate(k, end, etype, "listed", clitic=conjunction))
                if end < n and s.tokens[end].text in ("،", ","):
                    end += 1
                    conjunction = 1 if end < n and s.folded[end].startswith("و") else 0
                elif end < n and s.folded[end].startswith("و") and len(s.folded[end]) > 3:
                    conjunction = 1
                else:
                    break
                k = end

    def _list_item_word(self, s: _Sent, k: int, clitic: int) -> bool:
        """True when token ``k`` (without ``clitic`` letters of conjunction) can be a word of a listed name: Latin,
        or an Arabic word that is no ordinary word; inside an item, a word with و starts the next item."""
        tok = s.tokens[k]
        if tok.kind == "lat":
            return True
        word = s.folded[k][clitic:]
        if tok.kind != "ar" or not clitic and word.startswith("و") and self._foreign(word[1:]):
            return False
        return not self._common(word) and word not in self.cues.stopwords and word not in self.cues.places and (
            self._foreign(word) or self.gazetteer.lookup(word) is not None or word in self.cues.letter_names
        )

    def _gazetteer_extended(self, s: _Sent) -> None:
        """A known name followed by a unit word (``unit_words`` in cues.json) or by Latin words after a Latin name is
        another name (جوجل كلاود، أوبن إيه آي غلوبال، Google Cloud): proposed whole, with no knowledge-base link. A
        known person's name takes the family name after it."""
        known = [c for c in s.candidates if c.source in ("gazetteer", "weak")]
        starts = {c.start for c in known}
        for cand in known:
            if cand.type == "PERSON":  # منصور بن زايد آل نهيان: the known person goes on with his family name
                if cand.source == "gazetteer":
                    cand.end = self._family_parts(s, cand.end)
                continue
            k = cand.end
            before = s.folded[max(0, cand.start - 3) : cand.start]
            if any(w in self.cues.person_titles for w in before):
                continue  # الرئيس التنفيذي لشركة نوكيا بيكا لوندمارك: the words after are the person
            if k >= len(s.tokens) or s.tokens[k].kind != s.tokens[cand.end - 1].kind:
                continue
            if s.tokens[k].kind == "lat" and cand.source == "gazetteer":
                end = k  # Sony Honda Mobility: adjacent Latin words are one name, known names inside it or not
                while end < len(s.tokens) and s.tokens[end].kind == "lat":
                    end += 1
            elif k in starts:
                continue
            elif s.folded[k] in self.cues.unit_words or " ".join(s.folded[k : k + 2]) in self.cues.unit_words:
                end = k + (1 if s.folded[k] in self.cues.unit_words else 2)
            elif self._foreign(s.folded[k]) and k + 1 < len(s.tokens) and s.folded[k + 1] in self.cues.unit_words:
                end = k + 2  # تاليس ألينيا سبيس: a transliterated word and a unit word after the known name
            else:
                continue
            if end > k:
                product = cand.type == "ORG" and (self._names_a_product(s, k, end) or s.tokens[k].kind == "lat"
                                                  and self._head_before(s, cand.start) == "PRODUCT")
                s.candidates.append(
                    _Candidate(cand.start, end, "PRODUCT" if product else cand.type, "gazetteer-extended", clitic=cand.clitic)
                )

    def _names_a_product(self, s: _Sent, k: int, end: int) -> bool:
        """True when the words ``k:end`` after a company's name make it a product's: a product word last (سامسونج باي،
        لولو أونلاين: ``product_unit_words`` in cues.json) or a Latin model designation (جيلي EX5، Tesla Model Y)."""
        return s.folded[end - 1] in self.cues.product_unit_words or any(
            t.kind in ("lat", "num") and _model_designation(t.text) for t in s.tokens[k:end])

    def _products_of_known_names(self, s: _Sent) -> None:
        """A quoted name that goes on after a known company's name with a product word or a model («لولو أونلاين»،
        «جيلي EX5») is a product of that company, not the company."""
        known = [c for c in s.candidates if c.source == "gazetteer" and c.type == "ORG"]
        for cand in s.candidates:
            if cand.source == "quoted" and cand.type == "ORG":
                inner = next((c for c in known if c.start == cand.start and c.end < cand.end), None)
                if inner is not None and self._names_a_product(s, inner.end, cand.end):
                    cand.type = "PRODUCT"

    def _sector_extended(self, s: _Sent) -> None:
        """A name after a head noun followed by لل and a line of business (``sector_words`` in cues.json: شركة سهام
        للتأمينات، صندوق الكويت للتنمية، شركة النخبة للتطوير العقاري) is one name. After a known name the same words
        describe it (شركة نون للتجارة الإلكترونية is نون), so known names are left as they are."""
        known = {(c.start, c.end) for c in s.candidates if c.source in ("gazetteer", "weak")}
        for cand in list(s.candidates):
            if cand.type != "ORG" or cand.source != "head" or (cand.start, cand.end) in known:
                continue
            end = self._sector_end(s, cand.end)
            if end is not None:
                s.candidates.append(_Candidate(cand.start, end, "ORG", "head-extended", clitic=cand.clitic))
        for i in range(len(s.tokens) - 2):  # شركة الواحة للتطوير العقاري: a definite word between head and sector
            head_type, kept = self._head_at(s, i)
            if head_type != "ORG" or kept:
                continue
            for n in (1, 2):  # شركة نجوم الشاشة للترفيه: or a noun and the definite word it governs
                words = s.folded[i + 1 : i + 1 + n]
                if (i + 1, i + 1 + n) in known or not words[-1].startswith("ال") \
                        or n == 2 and (words[0].startswith(("ال", "و")) or s.tokens[i + 1].kind != "ar") \
                        or any(w in self.cues.stopwords or w in self.cues.places or w in self.cues.gentilics
                               or self._head_at_word(w.removeprefix("ال")) for w in words):
                    continue
                end = self._sector_end(s, i + 1 + n)
                if end is not None:
                    s.candidates.append(_Candidate(i + 1, end, "ORG", "head-extended"))

    def _sector_end(self, s: _Sent, k: int) -> int | None:
        """End of a sector phrase that starts at token ``k`` (للتطوير العقاري), or None when none starts there."""
        word = s.folded[k] if k < len(s.tokens) and s.tokens[k].kind == "ar" else ""
        if not (word.startswith("لل") and word[2:] in self.cues.sector_words):
            return None
        end = k + 1
        while end < len(s.tokens) and end - k <= 2 and s.folded[end] in self.cues.sector_adjectives:
            end += 1
        return end

    def _quoted_and_heads(self, s: _Sent) -> None:
        for i, tok in enumerate(s.tokens):
            head_type, kept = self._head_at(s, i)
            if head_type is None:
                continue
            indefinite = not any(rest.startswith("ال") for _, rest in strip_proclitic(s.folded[i]))
            # (الشركة خالد …: after a definite head noun, a person or a transliterated word is not its name)
            j = i + 1
            # Skip up to two definite adjectives between a product head and its Latin name (النموذج الرائد GPT-5).
            while head_type == "PRODUCT" and j < len(s.tokens) and j - i <= 2 and s.tokens[j].kind == "ar" \
                    and (s.folded[j].startswith("ال") or s.folded[j].startswith("وال")):  # مشروعها السكني والتجاري «X»
                j += 1
            if head_type == "ORG" and not kept and indefinite:
                j = self._after_description(s, j)  # شركة التأجير الإيرلندية أفولون: the name after its description
            if j >= len(s.tokens):
                continue
            quoted = self._quoted_at(s, j)
            if quoted is not None:
                start, end = quoted
                s.candidates.append(_Candidate(start, end, head_type, "quoted"))
                continue
            if s.tokens[j].kind == "lat":
                continue  # the Latin matcher types it with this head
            if indefinite and i > 0 and s.folded[i - 1] in self.cues.superlatives:
                continue  # أكبر شركة كيماويات، ثاني أكبر صندوق تقاعد: a description, no name follows
            if kept:
                end = self._kept_head_name(s, i)
                if end is not None:
                    clitic = next((c for c, rest in strip_proclitic(s.folded[i]) if rest in self.cues.org_heads_kept), 0)
                    s.candidates.append(_Candidate(i, end, head_type, "head", clitic=clitic))
            elif indefinite and self._given_name_at(s, j) and self._person_extent(s, j + 1, max_parts=1):
                # مجموعة طلعت مصطفى، شركة عبد اللطيف جميل: a company named after its founder
                end = self._family_parts(s, self._person_extent(s, j + 1, max_parts=1))
                s.candidates.append(_Candidate(j, end, head_type, "head"))
            elif indefinite and (self._spelled_letter(s, j) or s.tokens[j].kind == "ar" and self._foreign(s.folded[j])
                                 and not self._possessed(s, j)) \
                    and not any(c.start == j for c in s.candidates if c.source == "gazetteer"):
                # شركة بي سي بي، شركة إكويتي تراست، شركة لينكد إن: transliterated words after a head noun are a name
                s.candidates.append(_Candidate(j, self._foreign_run_end(s, j), head_type, "head"))
            elif s.tokens[j].kind == "ar" and self._name_like(s, j) and not s.folded[j].startswith("ال") \
                    and s.folded[j] not in self.cues.sector_words and not self._possessed(s, j):
                s.candidates.append(_Candidate(j, j + 1, head_type, "head", confirmed=False))
        # Short quoted spans anywhere: names when the model or a later match confirms them. A quote that
        # closes one span never opens the next.
        i = 0
        while i < len(s.tokens):
            quoted = self._quoted_at(s, i) if s.tokens[i].text in _OPEN_QUOTES else None
            if quoted is None:
                i += 1
                continue
            if quoted[1] - quoted[0] <= 3:
                trade = any(self._sector_end(s, k) == quoted[1] for k in range(quoted[0] + 1, quoted[1]))
                s.candidates.append(_Candidate(quoted[0], quoted[1], "ORG", "quoted", confirmed=trade))  # «رافد للأبراج»
            i = quoted[1] + 1

    def _suffixed(self, s: _Sent) -> None:
        """A business word of a transliterated name (فنتشرز، كابيتال، تيليكوم، باور: ``unit_words`` in cues.json) after
        one or two name words is the end of an organization's name (ريادة فنتشرز، هوايو باور، رافد تيليكوم), whatever
        those words are; a known name before it is left to the gazetteer's extension."""
        n = len(s.tokens)
        for k in range(1, n):
            if s.tokens[k].kind != "ar" or s.folded[k] not in self.cues.unit_words or s.folded[k] in self.cues.product_unit_words \
                    or any(c in "ئؤأإ" for c in s.tokens[k].text[1:]):
                continue  # مقطع فيديو، بأي: a product word or an ordinary word folded like a business word
            if any(c.start <= k - 1 < c.end and c.source in ("gazetteer", "weak") for c in s.candidates):
                continue
            if k + 1 < n and self._name_goes_on(s, k + 1):
                continue  # كابيتال بريدج: the business word opens a name that goes on
            start = k
            while start > max(0, k - 3) and self._suffix_name_word(s, start - 1) and not self._possessed(s, start - 1) \
                    and (start == k or not s.folded[start - 1].startswith("ال")) \
                    and (start > k - 2 or self._foreign(s.folded[start - 1])):
                # شنغهاي نيو إنرجي موتورز، العدل غروب; not قادته ألجبرا فنتشرز or المالي كامكو إنفست
                start -= 1
                if s.folded[start].startswith("و"):
                    break  # وفوداكوم وأوراسكوم تليكوم: a conjunction opens the last item of a list
            if start == k:
                continue
            end = k + 1
            while end < n and s.tokens[end].kind == "ar" and s.folded[end] in self.cues.unit_words:
                end += 1
            first = s.folded[start]
            clitic = int(first[:1] in ("ل", "ب", "و") and first not in self.cues.common_words
                         and first not in self.cues.first_names
                         and (first[1:] in self.cues.common_words
                              or first[0] == "و" and self._foreign(first[1:]) and not in_dictionary(first)
                              or first[0] == "و" and self._after_list_item(s, start)))
            s.candidates.append(_Candidate(start, end, "ORG", "suffixed", clitic=clitic))

    def _name_goes_on(self, s: _Sent, k: int) -> bool:
        """True when token ``k`` can continue a name: an Arabic word that is no function word, nationality, place,
        definite word, conjunction-led word or business word."""
        w = s.folded[k]
        return s.tokens[k].kind == "ar" and w not in self.cues.stopwords and w not in self.cues.gentilics \
            and w not in self.cues.places and not w.startswith(("ال", "و")) and w not in self.cues.unit_words \
            and w not in self.cues.speech_verbs and not self._common(w) and not (w[:1] in ("ل", "ب") and known_word(w[1:]))

    def _suffix_name_word(self, s: _Sent, k: int) -> bool:
        """True for a word that may begin a name ending in a business word: an Arabic word that is no function word,
        title, verb of saying, place, nationality, head noun, given name or ordinary word (متحدث باسم، الاستثمار
        المباشر)."""
        w = s.folded[k]
        return s.tokens[k].kind == "ar" and w not in self.cues.stopwords and w not in self.cues.person_titles \
            and w not in self.cues.speech_verbs and w not in self.cues.places and w not in self.cues.gentilics \
            and not self._head_at_word(w) and not (w.startswith("ال") and self._head_at_word(w[2:])) \
            and not self._future_verb(w) and w not in self.cues.sector_words and w not in self.cues.first_names \
            and not self._common(w) and not (w.startswith("ال") and self._common(w[2:]))

    def _head_at(self, s: _Sent, i: int) -> tuple[str | None, bool]:
        word = s.folded[i]
        cues = self.cues
        readings = strip_proclitic(word)
        if any(rest in cues.org_heads_kept for _, rest in readings):
            return "ORG", True  # لمجموعة الريادة القابضة: the kept head behind its preposition
        for _, rest in readings:
            if rest in cues.org_heads_dropped:
                return "ORG", False
            if rest in cues.product_heads or without_possessive(rest) in cues.product_heads:
                if i + 1 < len(s.folded) and s.folded[i + 1] in cues.chain_nouns:
                    return "ORG", False  # سلسلة المطاعم «X»: a chain of outlets is a company
                return "PRODUCT", False  # سيارتها «زيفيرا إكس»: its car
        return None, False

    def _quoted_at(self, s: _Sent, i: int) -> tuple[int, int] | None:
        if i >= len(s.tokens) or s.tokens[i].text not in _OPEN_QUOTES or _attached(s.tokens, i) == "before":
            return None
        for j in range(i + 1, min(i + 8, len(s.tokens))):
            if s.tokens[j].text in _CLOSE_QUOTES and _attached(s.tokens, j) != "after":
                if j == i + 1:
                    return None
                if any(t.kind == "sym" and t.text not in _LATIN_JOINERS for t in s.tokens[i + 1 : j]):
                    return None
                if s.tokens[i + 1].text in _QUOTATION_OPENERS:
                    return None  # «ليست للبيع في الوقت الحالي»، «الجمعة البيضاء»: a quotation or a day, not a name
                return i + 1, j
        return None

    def _after_description(self, s: _Sent, j: int) -> int:
        """Where the name starts after a company's description of one to three definite words ending in a nationality
        (التأجير الإيرلندية، التجارة الإلكترونية المصرية): at a transliterated word that follows them; ``j`` itself when
        no such word follows."""
        k = j
        while k < len(s.tokens) and k - j < 3 and s.tokens[k].kind == "ar" and s.folded[k].startswith("ال") \
                and not self._foreign(s.folded[k][2:]) and self.gazetteer.lookup(s.folded[k]) is None:
            k += 1
        word = s.folded[k] if k < len(s.tokens) else ""
        if k > j and s.folded[k - 1] in self.cues.gentilics and s.tokens[k].kind == "ar" and self._foreign(word) \
                and not known_word(without_possessive(word)) \
                and word not in self.cues.first_names and not word.startswith(("و", "ل", "ب")):
            return k
        return j

    def _kept_head_name(self, s: _Sent, i: int) -> int | None:
        """End of a name that keeps its head noun (بنك قطر الوطني), or None when what follows is generic."""
        cues = self.cues
        j = i + 1
        words = []
        founder = self._given_name_at(s, j) and self._person_extent(s, j + 1, max_parts=1)
        founder_end = self._family_parts(s, founder) if founder else 0  # مجموعة طلعت مصطفى القابضة
        while j < len(s.tokens) and j - i <= 6 and s.tokens[j].kind == "ar":
            w = s.folded[j]
            core = w[1:] if w.startswith("و") and w[1:].startswith("ال") else w
            if self._spelled_letter(s, j):
                words.append(w)
                j += 1
                continue
            if w in cues.stopwords or core in cues.stopwords or w in ("التابع", "التابعه"):
                break
            if w.startswith("و") and self._head_at_word(core[2:] if core.startswith("ال") else core):
                break  # بنك الرياض والبنك الأهلي: a second head noun starts a second name
            if w in cues.person_titles or w in _HONORIFIC_WORDS:
                break  # مجموعة الخطوط الجوية القطرية السيد بدر المير، مؤسسة قطر المستفيد: a title or apposition
            foreign_run = all(self._foreign(x) for x in words) and self._foreign(w) and not w.startswith("و") \
                or words and w in cues.unit_words  # مؤسسة جنرال موتورز، مجموعة سيركل هيلث
            if j > i + 1 and not core.startswith("ال") and w not in cues.places and not foreign_run and j >= founder_end:
                break
            words.append(w)
            j += 1
        if not words or not founder_end and ("ال" + words[0] in cues.gentilics or self._describes(words[0])
                                             or self._verb_with_object(s, i + 1)):
            return None  # بنك سعودي، صندوق استثماري، مجموعة تأمين: a description, not a name (مجموعة كمال نصار is one)
        if (self._foreign(words[0]) or any(w in cues.unit_words for w in words)) and founder_end == 0:
            # مجموعة نورينكو الدفاعية الصينية: after a transliterated name, definite adjectives describe it
            while len(words) > 1 and words[-1].startswith(("ال", "وال")) and words[-1] not in cues.unit_words \
                    and not corporate_suffix(words[-1]):  # (مجموعة سيركل هيلث القابضة keeps its suffix)
                words.pop()
                j -= 1
        proper = any(w in cues.places or w in cues.gentilics for w in words) or not words[0].startswith("ال")
        if len(words) >= 2 or proper and words[0] not in cues.stopwords:
            return j
        if self._sector_end(s, j) is not None:
            return j  # صندوق الشرق للابتكار: a kept head noun, one word and a line of business are one name
        return None

    def _verb_with_object(self, s: _Sent, j: int) -> bool:
        """True for a present-tense verb with an object pronoun (تقوده، يقودها، تملكها): a clause about the noun
        before it (تحالف تقوده X), never a name."""
        text, word = s.tokens[j].text, s.folded[j]
        return s.tokens[j].kind == "ar" and word[:1] in ("ت", "ي") and text.endswith(("ه", "ها", "هم", "هما")) \
            and len(word) >= 4 and known_word(word) and word not in self.cues.first_names

    def _foreign_run_end(self, s: _Sent, j: int) -> int:
        """End of a run of transliterated words and spelled letters from token ``j``, with the function words that
        foreign names hold (لينكد إن، جونسون آند جونسون، كول أوف ديوتي) when a transliterated word follows them."""
        k = j
        while k < len(s.tokens) and s.tokens[k].kind == "ar":
            if k > j and s.folded[k].startswith("و") and self._foreign(s.folded[k][1:]):
                break  # زيفيرا ونوفالين: و starts the next name
            if k > j and self._given_name_at(s, k):
                break  # لشركة زيفيرا سارة العلي: a given name starts the person after the company
            if self._spelled_letter(s, k) or self._foreign(s.folded[k]):
                k += 1
            elif k > j and (s.folded[k] in self.cues.unit_words or corporate_suffix(s.folded[k])):
                k += 1  # بلوفيكس لابز، زينورا كورب: a unit word or a corporate suffix ends the name
            elif s.folded[k] in _FOREIGN_JOINERS and k + 1 < len(s.tokens) and s.tokens[k + 1].kind == "ar" and self._foreign(s.folded[k + 1]):
                k += 2
            elif s.folded[k] in ("ان", "ين") and k == j + 1 and self._name_final(s, k + 1):
                k += 1  # لينكد إن مقابل …: إن ends the name only where no clause can follow it
                break
            else:
                break
        return max(k, j + 1)

    def _name_final(self, s: _Sent, k: int) -> bool:
        """True when token ``k`` can follow a name but cannot start a reported clause (punctuation, a price word,
        a preposition)."""
        return k >= len(s.tokens) or s.tokens[k].kind == "sym" or s.folded[k] in ("مقابل", "في", "علي", "من", "مع", "بقيمه")

    def _given_name_at(self, s: _Sent, j: int) -> bool:
        """True when token ``j`` is a given name as written (not على، a preposition that folds like علي)."""
        return s.folded[j] in self.cues.first_names and not s.tokens[j].text.endswith("ى") and s.folded[j] not in self.cues.stopwords

    def _future_verb(self, word: str) -> bool:
        """True for a future-tense verb (سيعمل، ستباشر): the future prefix and a dictionary verb after it."""
        if word[:1] in ("و", "ف") and word[1:3] in ("سي", "ست", "سن"):
            word = word[1:]  # وسيعمل
        return word.startswith(("سي", "ست", "سن")) and len(word) >= 5 and word not in self.cues.first_names \
            and known_word(word)

    def _spelled_letter(self, s: _Sent, j: int) -> bool:
        """True when token ``j`` is a spelled-out Latin letter next to another one (تي إم جي): part of an acronym."""
        letters = self.cues.letter_names
        if s.folded[j] not in letters:
            return False
        return (j > 0 and (s.folded[j - 1] in letters or self._joined_letter(s, j - 1))) \
            or (j + 1 < len(s.tokens) and s.folded[j + 1] in letters)

    def _joined_letter(self, s: _Sent, j: int) -> bool:
        """True when token ``j`` is و on a spelled-out letter before another letter (وسي إم إيه): a list's next
        acronym."""
        word = s.folded[j]
        return word.startswith("و") and word[1:] in self.cues.letter_names and j + 1 < len(s.tokens) \
            and s.folded[j + 1] in self.cues.letter_names

    def _foreign(self, word: str) -> bool:
        """True for a word no Arabic dictionary or common-word list holds (a transliterated name: جنرال، موتورز)."""
        return not (word.startswith("ال") or self._common(word) or known_word(word) or word in self.cues.places
                    or word in self.cues.stopwords or word in self.cues.sector_words or len(word) < 3)

    def _describes(self, word: str) -> bool:
        """True for an indefinite word that describes a head noun instead of naming it: an ordinary word, a
        line of business (صندوق تقاعد، مؤسسة تمويل), a relational adjective (استثماري، إفريقي، تأمين) that is
        not a place, or a feminine participle (مؤسسة مرخصة، شركة متخصصة)."""
        if word.startswith("ال") or word in self.cues.places:
            return False
        nisba = word.endswith(("ي", "يه")) and len(word) >= 5 and known_word(word)
        participle = word.startswith("م") and word.endswith("ه") and len(word) >= 5 and known_word(word) \
            and not self.gazetteer.lookup(word) and word not in self.cues.first_names  # مؤسسة مرخصة
        return self._common(word) or nisba or participle or word in self.cues.sector_words

    def _ordinary_noun(self, word: str) -> bool:
        """True for a word that cannot be a surname: a common word with a proclitic (لخطط), or a common word of four
        letters or more that is not a relational adjective (names such as راي، تركية، جمعة stay possible)."""
        if word in self.cues.first_names or self.gazetteer.lookup(word):
            return False
        if any(clitic and rest in self.cues.common_words for clitic, rest in strip_proclitic(word)):
            return True
        return word in self.cues.common_words and len(word) >= 4 and not word.endswith(("ي", "يه"))

    def _preposition_phrase(self, s: _Sent, k: int) -> bool:
        """True when token ``k`` is ل / ب / ك on a word that no lexicon names: an ordinary word (لخطط، بخطة), or ل
        on a dictionary word before a definite one (لريادة الأعمال). It opens a prepositional phrase, never a part of
        a person's name (بشارة، لطفي، بركات، بيطار stay names)."""
        word = s.folded[k]
        if word in self.cues.first_names or word in self.cues.common_words or self.gazetteer.lookup(word):
            return False
        construct = k + 1 < len(s.folded) and s.folded[k + 1].startswith("ال") and known_word(word)
        return any(
            clitic and word[0] in "لبك" and (len(rest) >= 3 and rest in self.cues.common_words
                                            or construct and word[0] == "ل" and len(rest) >= 4 and known_word(rest))
            for clitic, rest in strip_proclitic(word)
        )

    def _description(self, s: _Sent, start: int, end: int) -> bool:
        """True for two or more indefinite ordinary words (حصة صغيرة، صفقة ضخمة): quoted after a deal verb they
        describe, they do not name."""
        words = s.folded[start:end]
        return len(words) >= 2 and all(
            t.kind == "ar" and not any(rest.startswith("ال") for _, rest in strip_proclitic(w))
            and (w in self.cues.common_words or known_word(w))
            for t, w in zip(s.tokens[start:end], words)
        )

    def _common(self, word: str) -> bool:
        """True for an ordinary word (in the common-words vocabulary, with or without a clitic)."""
        return any(rest in self.cues.common_words or rest in self.cues.stopwords for _, rest in strip_proclitic(word))

    def _name_like(self, s: _Sent, j: int) -> bool:
        w = s.folded[j]
        return (
            len(w) >= 2
            and w not in self.cues.stopwords
            and w not in self.cues.person_titles
            and w not in self.cues.gentilics
            and not s.tokens[j].kind == "num"
            and not self._accusative(w)
        )

    def _hyphenated_given_name(self, s: _Sent, i: int) -> bool:
        """True when the given name at token ``i`` is the second half of a hyphenated one (جان-لوك، جان-بيير): a
        given name and a hyphen touching both."""
        return i >= 2 and s.tokens[i - 1].text in "-‐" and s.tokens[i - 2].end == s.tokens[i - 1].start \
            and s.tokens[i - 1].end == s.tokens[i].start and s.folded[i - 2] in self.cues.first_names

    def _title_complements(self, s: _Sent) -> None:
        """The organization a person's title governs with ل (الرئيسة التنفيذية لمرسال، الرئيس التنفيذي للمدائن):
        the word after the preposition is a name, when it is no ordinary word, place, head noun or known name, with
        the transliterated or business words after it (لأطلس تاورز)."""
        n = len(s.tokens)
        for j in range(1, n):
            word = s.folded[j]
            if s.tokens[j].kind != "ar" or not word.startswith("ل") or word.startswith("لدي"):
                continue
            title = self._title_before(s, j)
            one = s.folded[title] if title is not None and j - title == 1 else ""
            if title is None or one and (self._common(one) or self._common(one[2:])):
                continue  # العالم (the world / a scientist): a one-word title that is also an ordinary word
            if any(c.start <= j < c.end for c in s.candidates):
                continue
            rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
            bare = rest[2:] if rest.startswith("ال") else rest
            if len(bare) < 3 or self._common(rest) or rest == bare and self._common(bare) or rest in self.cues.places \
                    or bare in self.cues.places or self._head_at_word(bare) or rest in self.cues.stopwords \
                    or rest in self.cues.gentilics or rest in self.cues.first_names or self._accusative(rest) \
                    or bare in self.cues.department_nouns:
                continue
            end = j + 1
            while end < n and end - j < 4 and s.tokens[end].kind == "ar" \
                    and (s.folded[end] in self.cues.unit_words or self._foreign(s.folded[end])
                         or end == j + 1 and self._definite_name_word(s.folded[end])):
                end += 1  # لأطلس تاورز، لأسمدة الكرنك
            place = end == j + 1 and end < n and s.folded[end] in self.cues.places
            sector = self._sector_end(s, end + 1 if place else end)
            if sector is not None:
                end = sector  # لنجم الخليج للرياضة: a line of business ends the name
            s.candidates.append(_Candidate(j, end, "ORG", "complement", clitic=1))

    def _definite_name_word(self, word: str) -> bool:
        """True for a definite word that can go on with a name (الكرنك): no ordinary word, nationality, place, sector
        adjective or title."""
        return word.startswith("ال") and not self._common(word) and not self._common(word[2:]) \
            and word not in self.cues.gentilics and word not in self.cues.places and word not in self.cues.sector_adjectives \
            and word not in self.cues.person_titles and word not in self.cues.stopwords

    def _governed_by_apposed_title(self, s: _Sent, i: int, j: int) -> bool:
        """True when token ``j``, right after a title that starts at ``i``, is ل / ب on a word no given-names list
        holds, and the title stands in apposition after a person (يوسف بنعلي، المدير العام لأطلس تاورز): the word opens
        the company the title governs, not a second person (ليزار ديف after a bare title stays possible)."""
        apposed = i > 1 and s.tokens[i - 1].text in ("،", ",") and s.tokens[i - 2].kind == "ar" and any(
            s.folded[k] in self.cues.first_names for k in range(max(0, i - 6), i - 1))
        return apposed and s.folded[j][:1] in ("ل", "ب") and s.folded[j] not in self.cues.first_names

    def _title_before(self, s: _Sent, j: int) -> int | None:
        """Start of a person title that ends right before token ``j``, or None; a feminine title (الرئيسة التنفيذية)
        and one joined by و (والرئيس التنفيذي) count."""
        for size in range(self.cues.max_title_words, 0, -1):
            if j - size < 0:
                continue
            words = list(s.folded[j - size : j])
            if words[0].startswith("و") and len(words[0]) > 3:
                words[0] = words[0][1:]
            if self._is_title(words):
                return j - size
        return None

    def _is_title(self, words: list[str], indefinite: bool = False) -> bool:
        """True when the folded ``words`` are a person's title, in the masculine or the feminine (الرئيسة التنفيذية);
        with ``indefinite``, also without the article its listed form has (محللة for المحللة)."""
        masculine = [w[:-1] if w.endswith("ه") and len(w) > 4 else w for w in words]
        for form in (words, masculine):
            phrase = " ".join(form)
            if phrase in self.cues.person_titles or indefinite and not phrase.startswith("ال") \
                    and "ال" + phrase in self.cues.person_titles:
                return True
        return False

    def _possessed(self, s: _Sent, k: int) -> bool:
        """True for a dictionary word with a possessive pronoun (خدمة عملائها، منصة تطبيقها): a noun phrase, never a
        name after a head noun."""
        stem = without_possessive(s.folded[k])
        seated = s.tokens[k].text.rstrip("هما")[-1:] in ("ئ", "ؤ")  # عملائها، شركائه: a hamza seat before the pronoun
        return s.tokens[k].text.endswith(("ها", "هم", "هما", "ه")) and stem != s.folded[k] \
            and (known_word(s.folded[k]) or known_word(stem) or seated)

    def _given_ali(self, s: _Sent, k: int) -> bool:
        """True for علي written with ي (not the preposition على) before a family name or another given name (حسن علي
        الموسوي، يوسف بن علي الكواري): a name part, though its folded form is a function word."""
        if s.folded[k] != "علي" or not s.tokens[k].text.endswith("ي") or k + 1 >= len(s.tokens):
            return False
        after = s.folded[k + 1]
        family = after.startswith("ال") and len(after) >= 5 and not self._common(after) and not self._common(after[2:])
        return s.tokens[k + 1].kind == "ar" and (family or after in self.cues.first_names and not self._common(after))

    def _inflected_phrase(self, s: _Sent, cand: _Candidate) -> bool:
        """True for words no name is written with: a case ending in tanween (باباً، لاحقاً), or one dictionary word
        behind a preposition and the article (بالإجماع، بالكامل)."""
        if any(c in "\u064b\u064c\u064d" for t in s.tokens[cand.start : cand.end] for c in t.text):
            return True
        word = s.folded[cand.start]
        return cand.end - cand.start == 1 and word.startswith(("بال", "وبال")) and known_word(word[word.index("ال") + 2 :])

    def _accusative(self, word: str) -> bool:
        """True for an indefinite accusative (صندوقا، مقرا، بنكا): a head noun or ordinary word with the alef of
        tanween, which describes (وتمتلك الشركة صندوقا للاستثمار) and never names."""
        stem = word[:-1]
        return word.endswith("ا") and len(stem) >= 3 and (stem in self.cues.common_words or self._head_at_word(stem))

    def _latin(self, s: _Sent) -> None:
        cues = self.cues
        i, n = 0, len(s.tokens)
        while i < n:
            if s.tokens[i].kind != "lat":
                i += 1
                continue
            j = i + 1
            while j < n and (
                s.tokens[j].kind == "lat"
                or (s.tokens[j].kind == "num" and s.tokens[j - 1].kind == "lat")
                or (s.tokens[j].text in _LATIN_JOINERS and j + 1 < n and s.tokens[j + 1].kind == "lat"
                    and (s.tokens[j].end == s.tokens[j + 1].start or _INITIALS.fullmatch(s.tokens[j - 1].text)
                         or s.tokens[j].text == "&"))
            ):  # Souq.com، J.P. Morgan، e& enterprise
                j += 1
            if j < n and s.tokens[j].text == "+" and s.tokens[j].start == s.tokens[j - 1].end:
                j += 1  # OSN+، Disney+: the plus belongs to the name
            words = [match_key(t.text) for t in s.tokens[i:j] if t.kind != "sym"]
            if all(w in cues.latin_generic for w in " ".join(words).split()):
                i = j
                continue
            if j - i == 1 and len(s.tokens[i].text) == 1 and not self._head_before(s, i):
                i = j
                continue
            versioned = j - i > 1 and s.tokens[j - 1].kind == "num"
            etype = self._latin_type(s, i, j, words)
            s.candidates.append(_Candidate(i, j, etype, "latin-version" if versioned else "latin"))
            self._confirm_quote_around(s, i, j, etype)
            i = j

    def _confirm_quote_around(self, s: _Sent, i: int, j: int, etype: str) -> None:
        """A quote that holds a Latin name and Arabic words (روبوتات الفرز «حامل X200») is the whole name: the Latin
        name confirms it and gives it its type."""
        for cand in s.candidates:
            if cand.source == "quoted" and not cand.confirmed and cand.start <= i and j <= cand.end \
                    and cand.end - cand.start > j - i \
                    and all(t.kind in ("ar", "lat", "num") for t in s.tokens[cand.start : cand.end]):
                cand.confirmed, cand.type = True, etype

    def _drop_glosses(self, s: _Sent) -> None:
        """Drop the Latin candidates that are the English for the Arabic term before them (see :meth:`_gloss`)."""
        s.candidates = [c for c in s.candidates if not (s.tokens[c.start].kind == "lat" and self._gloss(s, c.start, c.end))]

    def _gloss(self, s: _Sent, i: int, j: int) -> bool:
        """True for two or more Latin words in parentheses after three ordinary Arabic words, none a head noun, a
        line of business (نبع للحوسبة السحابية (Nabaa Cloud)) or in a name (في صورة دين جريء (Venture Debt)): the
        English for a term, not a name. One word (Souqly) or an acronym (IHC) is a name whatever precedes it."""
        if not (i >= 3 and s.tokens[i - 1].text == "(" and j < len(s.tokens) and s.tokens[j].text == ")"):
            return False
        words = [t for t in s.tokens[i:j] if t.kind == "lat"]
        if len(words) < 2 or any(t.text.isupper() for t in words):
            return False  # Souqly, IHC: one word or an acronym is a name
        before = range(max(0, i - 4), i - 1)
        return all(s.tokens[k].kind == "ar" and known_word(s.folded[k]) and s.folded[k] not in self.cues.places
                   and not self._head_at_word(s.folded[k]) and self._sector_end(s, k) is None for k in before) \
            and not any(c.start < i - 1 and c.end > i - 4 for c in s.candidates)

    def _head_before(self, s: _Sent, i: int) -> str | None:
        for back in (1, 2, 3):
            k = i - back
            if k < 0:
                return None
            head_type, _ = self._head_at(s, k)
            if head_type:
                return head_type
            if not (s.folded[k].startswith("ال") and s.tokens[k].kind == "ar") and s.tokens[k].text not in _OPEN_QUOTES:
                return None
        return None

    def _described_by_head(self, s: _Sent, i: int) -> bool:
        """True when a head noun stands right before token ``i``, with only quotes, nationality or name adjectives
        between (الشركة الإماراتية «القابضة»). A family name between (مجموعة المنصوري القابضة) makes the word the end
        of a longer name, not a name the head noun describes."""
        k = i - 1
        while k >= 0 and (s.tokens[k].text in _OPEN_QUOTES or s.folded[k] in self.cues.gentilics
                          or s.folded[k] in self.cues.name_adjectives):
            k -= 1
        return k >= 0 and self._head_at(s, k)[0] is not None

    def _latin_type(self, s: _Sent, i: int, j: int, words: list[str]) -> str:
        head = self._head_before(s, i)
        if head:
            return head
        if any(w in self.cues.latin_org_words for w in " ".join(words).split()):
            return "ORG"
        if any(ch.isdigit() for t in s.tokens[i:j] for ch in t.text):
            return "PRODUCT"
        return "ORG"

    def _titles(self, s: _Sent) -> None:
        cues = self.cues
        n = len(s.tokens)
        for i in range(n):
            length = 0
            for size in range(cues.max_title_words, 0, -1):
                phrase = " ".join(s.folded[i : i + size])
                if len(s.folded[i : i + size]) == size and phrase in cues.person_titles:
                    length = size
                    break
            if not length:
                continue
            j = i + length
            # Skip an organization phrase after the title: الرئيس التنفيذي لشركة أبل، تيم كوك
            skipped = 0
            named = False
            while j < n and skipped < 5:
                found = next((c for c in s.candidates if c.start <= j < c.end and c.source == "gazetteer"), None)
                if found is not None and found.type == "PERSON":
                    named = True  # the title's person is already known
                    break
                head, _ = self._head_at(s, j)
                if not (
                    found is not None
                    or s.folded[j].startswith(("ال", "لل"))
                    or head is not None
                    or s.tokens[j].kind == "lat"
                    or s.tokens[j].text in ("،", ",", "-", "(", ")")
                ):
                    break
                j += 1
                skipped += 1
            if named:
                continue
            end = self._person_extent(s, j, max_parts=2)
            plain = end is not None and (
                s.folded[end - 1].startswith("ال") and s.folded[j] not in cues.first_names
                or all(self._common(s.folded[k]) for k in range(j, end) if s.folded[k] not in cues.name_connectors)
            )
            followed_by_number = end is not None and end < n and s.tokens[end].kind == "num"
            # مديرةً إبداعية للعلامة: a nisba adjective or a word with لل goes on with the title, it names no one
            plain = plain or end is not None and (any(s.folded[k].startswith("لل") for k in range(j, end))
                                                  or s.folded[j].endswith("يه") and s.folded[j] not in cues.first_names)
            complement = j == i + length and self._governed_by_apposed_title(s, i, j)
            if end is not None and end - j >= 2 and self._terminated(s, end) and not plain and not followed_by_number \
                    and not complement:
                s.candidates.append(_Candidate(j, end, "PERSON", "title"))

    def _speakers_with_titles(self, s: _Sent) -> None:
        """وقال غساب المنديل، مؤسس «جاهز»: two to four name words between a verb of saying and a comma, with a person's
        title after the comma, are the speaker's name, whatever the words are."""
        n = len(s.tokens)
        for i in range(n - 4):
            if s.folded[i] not in self.cues.speech_verbs:
                continue
            comma = next((k for k in range(i + 3, min(i + 6, n)) if s.tokens[k].text in ("،", ",")), None)
            if comma is None or self._title_at(s, comma + 1) is None:
                continue
            words = range(i + 1, comma)
            if all(s.tokens[k].kind == "ar" and self._head_at(s, k)[0] is None
                   and (s.folded[k] not in self.cues.stopwords or s.folded[k] in self.cues.name_connectors
                        or s.folded[k - 1] in self.cues.name_connectors)  # بن علي: a name after بن
                   and self._title_at(s, k) is None
                   and (s.folded[k][:1] not in ("ل", "ب") or s.folded[k] in self.cues.name_connectors) for k in words):
                s.candidates.append(_Candidate(i + 1, comma, "PERSON", "title"))

    def _conjoined_after_a_name(self, s: _Sent, k: int) -> bool:
        """True for و on a transliterated word right after a comma or a closing bracket (DHL وفيديكس، X، وترانسكارغو):
        the conjunction of a list, not the first letter of a name."""
        return self._after_list_item(s, k) and self._conjunction_on_foreign_word(s, k)

    def _after_list_item(self, s: _Sent, k: int) -> bool:
        """True when token ``k`` follows what ends an item of a list: a comma, a closing bracket or a nationality
        (X، وY؛ (STV) ورائد فنتشرز؛ موزاييك الأمريكية ونوتريان)."""
        return k > 0 and (s.tokens[k - 1].text in ("،", ",", ")") or s.folded[k - 1] in self.cues.gentilics)

    def _conjunction_on_foreign_word(self, s: _Sent, k: int) -> bool:
        """True for و on a transliterated word that is no known name or given name as written (وفيديكس، not وارنر)."""
        word = s.folded[k]
        return s.tokens[k].kind == "ar" and word.startswith("و") and len(word) >= 5 and self._foreign(word[1:]) \
            and not known_word(without_possessive(word[1:])) and self.gazetteer.lookup(word) is None \
            and word not in self.cues.first_names  # (ومقره: a noun with a pronoun)

    def _company_nationality(self, s: _Sent, start: int, k: int) -> bool:
        """True when token ``k`` is a feminine nationality (السعودية، الإسبانية) closing a name that opens with a
        transliterated word, not a given name: the adjective agrees with an unwritten شركة."""
        first = s.folded[start]
        return s.folded[k] in self.cues.gentilics and s.folded[k].endswith("يه") and first not in self.cues.first_names \
            and any(self._foreign(rest) or k - start == 1 and self.gazetteer.lookup(rest) is not None
                    for _, rest in strip_proclitic(first)[:2])

    def _local_units(self, s: _Sent) -> None:
        """Extend a company's name over a country right after it (بنك عوده مصر، لافارج المغرب): the company's unit
        there. Not after a verb of moving, whose object the country is (دخلت أمازون مصر)."""
        for c in s.candidates:
            k = c.end
            if c.type != "ORG" or k >= len(s.tokens) or s.folded[k] not in self.cues.unit_countries \
                    or s.folded[c.end - 1] in self.cues.places \
                    or any(o.start <= k < o.end and o.type != "LOC" for o in s.candidates):
                continue
            if c.start > 0 and any(rest in _MOVING_VERBS for _, rest in strip_proclitic(s.folded[c.start - 1])[:2]):
                continue
            c.end = k + 1
            c.canonical = None  # the unit is not the parent's knowledge-base entry

    def _products_a_relative_names(self, s: _Sent) -> None:
        """A name that a relative clause says a company made (منصة «فيناكل» المصرفية التي طورتها «إنفوسيس»، «سحاب» الذي
        أطلقته X) is a product, whatever head noun or quotes typed it; a known company keeps its type."""
        for c in s.candidates:
            if c.type != "ORG" or c.canonical or c.source not in ("quoted", "head"):
                continue
            k = c.end
            while k < len(s.tokens) and (s.tokens[k].text in _CLOSE_QUOTES or s.folded[k].startswith("ال")
                                          and s.folded[k] not in _MADE_BY_RELATIVES) and k - c.end < 3:
                k += 1  # the closing quote and up to two adjectives (المصرفية)
            if k + 1 < len(s.tokens) and s.folded[k] in _MADE_BY_RELATIVES and s.folded[k + 1] in _MADE_IT:
                c.type = "PRODUCT"

    def _drop_eponyms(self, s: _Sent) -> None:
        """Drop the persons named in a place or an institution (مدينة الملك عبدالله الاقتصادية، جامعة محمد الخامس): a
        name after an eponym head noun, or after one and an honorific title, is part of that place's name."""
        def eponym(c: _Candidate) -> bool:
            k = c.start - 1
            if k >= 1 and s.folded[k] in self.cues.person_titles:
                k -= 1
            return k >= 0 and any(rest in self.cues.eponym_heads for _, rest in strip_proclitic(s.folded[k])[:2])
        s.candidates = [c for c in s.candidates if c.type != "PERSON" or not eponym(c)]

    def _title_at(self, s: _Sent, j: int) -> int | None:
        """End of a person's title that starts at token ``j`` (مؤسس، المحللة، محللة، الرئيسة التنفيذية), or None."""
        for size in range(self.cues.max_title_words, 0, -1):
            words = list(s.folded[j : j + size])
            if len(words) == size and self._is_title(words, indefinite=True):
                return j + size
        return None

    def _appointments(self, s: _Sent) -> None:
        """``تعيين X رئيسا / مديرا …``: the words between an appointment verb and an accusative title are a name."""
        cues = self.cues
        for i in range(len(s.tokens) - 2):
            if not _strip_all(s.folded[i]) & cues.appointment_verbs:
                continue
            j = i + 1
            while j < len(s.tokens) and any(c.start <= j < c.end and c.type == "ORG" for c in s.candidates):
                j += 1
            end = self._person_extent(s, j, max_parts=3)
            if end is not None and end - j >= 2 and end < len(s.tokens) and s.folded[end] in cues.accusative_titles:
                s.candidates.append(_Candidate(j, end, "PERSON", "title"))

    def _given_names(self, s: _Sent) -> None:
        cues = self.cues
        for i, tok in enumerate(s.tokens):
            if tok.kind != "ar" or s.folded[i] in cues.stopwords and not tok.text.endswith("ي"):  # على (not ليلى، مصطفى)
                continue
            after = s.folded[i + 1] if i + 1 < len(s.tokens) else ""
            if s.folded[i] in cues.stopwords and (self._common(after) or after.startswith("ال") and self._common(after[2:])):
                continue  # التوقيع علي الاتفاق: على written with ي before an ordinary word
            for clitic, rest in strip_proclitic(s.folded[i])[:2]:
                prepositional = s.folded[i][:1] in "لب" and len(rest) >= 3 and s.folded[i] not in cues.common_words
                compound = rest == "عبد" and i + 1 < len(s.tokens) and "عبد" + s.folded[i + 1] in cues.first_names
                if clitic and not (s.folded[i].startswith("و") and (len(rest) >= 4 or compound) or prepositional):
                    continue
                given = i + 1
                if compound:
                    rest, given = "عبد" + s.folded[i + 1], i + 2  # عبد الله written as two words
                if rest in cues.first_names:
                    end = self._person_extent(s, given, max_parts=1)
                    trade = self._trade_name_end(s, given, end)
                    if trade is not None:  # ناصر للتجزئة، العليان للاستثمار: a line of business makes a company
                        s.candidates.append(_Candidate(i, trade, "ORG", "suffixed", clitic=clitic))
                    elif end is not None:
                        end = self._family_parts(s, end)
                        while end - i > 1 and (self._preposition_phrase(s, end - 1) or s.folded[end - 1].startswith("لل")):
                            end -= 1  # جامعة الملك عبدالله للعلوم: a name ends before a preposition
                        start = i - 2 if not clitic and self._hyphenated_given_name(s, i) else i  # جان-لوك ميرسييه
                        if end - i > 1 and s.folded[end - 1] in cues.unit_words:
                            break  # سهيل سات، إيفا فارما: a business word makes a company (see _suffixed), not a person
                        s.candidates.append(_Candidate(start, end, "PERSON", "given-name", clitic=clitic if start == i else 0))
                    break

    def _trade_name_end(self, s: _Sent, given: int, end: int | None) -> int | None:
        """End of a line of business (للتجزئة، للتطوير العقاري) right after a given name or its family name, which
        makes the name a company's; None when there is none."""
        for k in range(given, (end or given) + 1):
            found = self._sector_end(s, k)
            if found is not None:
                return found
        return None

    def _family_parts(self, s: _Sent, k: int, most: int = 2) -> int:
        """Extend a person's name over a patronymic chain and a family name (أحمد حميد الطاير، عبد الله محمد صالح):
        given names, connectors (بن، آل) and definite words that are no ordinary word, nationality or place."""
        cues = self.cues
        parts = 0
        while k < len(s.tokens) and parts < most and s.tokens[k].kind == "ar":
            w = s.folded[k]
            if w in cues.name_connectors and k + 1 < len(s.tokens) and s.tokens[k + 1].kind == "ar":
                after_al = w == "ال" and s.folded[k + 1] not in cues.stopwords  # آل الشيخ، آل ثاني: whatever word follows آل
                if after_al or self._name_like(s, k + 1) and not self._ordinary_noun(s.folded[k + 1]) or self._given_ali(s, k + 1):
                    k += 2  # بن سليم، آل نهيان: a connector always brings the name after it
                    parts += 1
                    continue
                break
            joined = self._joined_patronymic(s, k)
            if joined:  # يوسف محمد بنعبد الله: بن written onto a grandfather's name
                k += joined
                parts += 1
                continue
            ends = self._terminated(s, k + 1) or k + 1 < len(s.tokens) and s.folded[k + 1] in cues.person_titles
            ordinary = self._common(w) or self._common(w[2:])
            participle = self._definite_participle(w)  # ناصف ساويرس المساهم الرئيسي
            before = s.folded[k - 1]
            conjoined = w.startswith("و") and (self._foreign(w[1:]) or w[1:] in cues.first_names)  # وماغنوس: the next name
            foreign = self._foreign(w) and (self._foreign(before) or before in cues.first_names) and not conjoined \
                and not self.gazetteer.lookup(w)
            if foreign:  # ميشيل جونستون هولثاوس، جان بيير فاليرو: a transliterated part after a name part
                parts += 1
                k += 1
                continue
            given_family = w[2:] in cues.first_names and before in cues.first_names  # الجوهرة عبدالله الفايز
            family = (w.startswith("ال") and len(w) >= 5 and (ends or not ordinary or given_family) and (not participle or self._name_closes(s, k + 1))
                      and w not in cues.gentilics and w not in cues.stopwords and w not in cues.sector_adjectives
                      and not corporate_suffix(w)  # كمال نصار القابضة: a holding company, not a family name
                      and not self._head_at_word(w) and not self._head_at_word(w[2:])
                      and w not in cues.places and w not in cues.person_titles and w[2:] not in cues.person_titles)
            # كريم سليمان خوري، الذي: an indefinite family name right before punctuation (not مناصب في، استقالته)
            last = parts == 0 and k + 1 < len(s.tokens) and s.tokens[k + 1].kind == "sym" and len(w) >= 3 \
                and not w.startswith(("ال", "و", "بال", "لل", "كال")) and not ordinary and not participle \
                and not s.tokens[k].text.endswith(("ه", "ها", "هم", "هما")) and w not in cues.gentilics \
                and w not in cues.places and w not in cues.person_titles and not self._head_at_word(w) \
                and w not in cues.stopwords
            if not (family or last or w in cues.first_names and not self._common(w)):
                break
            parts += 1
            k += 1
        while s.folded[k - 1] in cues.name_connectors:
            k -= 1
        return k

    def _joined_patronymic(self, s: _Sent, k: int) -> int:
        """Tokens of a patronymic written with بن attached (بنسعيد، بنعبد الله) at token ``k``, else 0."""
        w, names = s.folded[k], self.cues.first_names
        if not w.startswith("بن") or len(w) < 5:
            return 0
        if w[2:] == "عبد" and k + 1 < len(s.tokens) and "عبد" + s.folded[k + 1] in names:
            return 2
        return int(w[2:] in names)

    def _names_without_head(self, words: tuple[str, ...]) -> bool:
        """True when the words after a head noun still name something on their own: a word that is no ordinary word,
        or a name adjective or nationality at the end (الواحة الوطني), not a common phrase (كرة القدم after اتحاد كرة
        القدم)."""
        folded = [fold(w) for w in words]
        ordinary = [self._common(w) or known_word(w[2:] if w.startswith("ال") else w) for w in folded]
        return not all(ordinary) or folded[-1] in self.cues.name_adjectives or folded[-1] in self.cues.gentilics \
            or len(folded) >= 2 and corporate_suffix(folded[-1])  # الراشد القابضة after مجموعة الراشد القابضة

    def _name_closes(self, s: _Sent, k: int) -> bool:
        """True when token ``k`` closes a name for certain: the end, punctuation, a verb of saying or إن / أن (باسل
        عادل المعشر إن …), so a definite word before it is a family name, not the start of an apposition."""
        return k >= len(s.tokens) or s.tokens[k].kind == "sym" or s.folded[k] in self.cues.speech_verbs \
            or s.folded[k] in ("ان", "انه", "انها")

    def _definite_participle(self, word: str) -> bool:
        """True for a definite participle (المساهم، المستفيد، المنافس): after a name it starts an apposition, it does
        not go on with the name; name and sector adjectives (المتحدة، المصرفية) and nisbas (المهيري) are not such."""
        return (word.startswith("الم") and len(word) >= 6 and not word.endswith(("ي", "يه")) and known_word(word[2:])
                and word not in self.cues.name_adjectives and word not in self.cues.sector_adjectives)

    def _person_extent(self, s: _Sent, j: int, max_parts: int = 1) -> int | None:
        """End of the name parts that start at token ``j`` (up to ``max_parts``, connectors such as بن، آل not counted)."""
        cues = self.cues
        n = len(s.tokens)
        k = j
        parts = 0
        chained = False
        while k < n and parts < max_parts and s.tokens[k].kind == "ar":
            w = s.folded[k]
            if w in cues.name_connectors and k + 1 < n and s.tokens[k + 1].kind == "ar":
                k += 1
                max_parts += 1  # محمد بن سلمان آل سعود: a connector always brings the part after it
                chained = True
                continue
            if chained and s.folded[k - 1] not in cues.name_connectors:
                break  # أحمد بن سعيد آل مكتوم مجلس: after a connector's part only another connector goes on
            joined = self._joined_patronymic(s, k)
            if joined:  # يوسف بنعبد الله
                k += joined
                parts += 1
                continue
            if not (self._name_like(s, k) or self._given_ali(s, k)) or w in cues.places or w in cues.speech_verbs \
                    or w in cues.accusative_titles or w in cues.sector_adjectives:
                break  # علامة كريم التجارية: a line-of-business adjective is no name part
            if self._ordinary_noun(w) or self._preposition_phrase(s, k):
                break  # علي اتفاق، منصور منصب، رانيا لخطط: an ordinary noun after a given name is not its surname
            if w.startswith("و") and (w[1:] in cues.first_names or without_possessive(w[1:]) != w[1:]
                                      and known_word(without_possessive(w[1:]))):
                break  # هالة عبد الرحمن وشريكها طارق: و on a noun with a pronoun joins the next clause part
            parts += 1
            k += 1
        while k > j and s.folded[k - 1] in cues.name_connectors:
            k -= 1
        return k if parts else None

    def _terminated(self, s: _Sent, k: int) -> bool:
        """True when token ``k`` cannot continue a name: end of sentence, punctuation, a function word, a verb of saying."""
        if k >= len(s.tokens):
            return True
        w = s.folded[k]
        return s.tokens[k].kind in ("sym", "num") or w in self.cues.stopwords or w in self.cues.speech_verbs or w in self.cues.person_titles

    def tag(self, documents: list[list[list[Token]]]) -> list[list[list[tuple[int, int, str]]]]:
        """The model's spans ``(start, end, label)`` over each sentence (a token list) of each document: the
        sentences of all the documents go through the model as one stream, in order; none without a model."""
        if self.model is None:
            return [[[] for _ in doc] for doc in documents]
        import time

        from extractors.ner.model import tag_sentences

        start = time.perf_counter()
        spans = tag_sentences(self.model, [[t.text for t in tokens] for doc in documents for tokens in doc])
        self.model_seconds += time.perf_counter() - start
        out, k = [], 0
        for doc in documents:
            out.append(spans[k : k + len(doc)])
            k += len(doc)
        return out

    def _model_candidate(self, s: _Sent, start: int, end: int, label: str, words: Counter[str]) -> None:
        types = {"PERS": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "PRODUCT": "PRODUCT"}
        etype = types.get(label)
        if etype is None:
            return
        while start < end and (s.folded[start] in self.cues.stopwords or s.tokens[start].kind == "sym"
                               or self._future_verb(s.folded[start])):
            start += 1
        while end > start and s.tokens[end - 1].kind == "sym":
            end -= 1
        if etype == "PERSON" and self._is_title(s.folded[start:end]):
            return  # رائد الأعمال، رجل الأعمال: a title alone names no one
        title = self._title_before(s, start) if etype == "PERSON" else None
        governed = title is not None and self._governed_by_apposed_title(s, title, start)
        if governed:
            etype = "ORG"  # يوسف بنعلي، المدير العام لأطلس تاورز: the company the apposed title governs
        while end - start > 1 and self._outside_a_name(s, end - 1, etype):
            end -= 1
        owned = etype == "PERSON" and _owned_after(s, end)
        if owned:
            etype = "ORG"  # داسيا، التابعة لمجموعة رينو: what is owned is a company, not a person
        if etype in ("PERSON", "ORG") and end - start > 1 and self._company_nationality(s, start, end - 1):
            etype, end = "ORG", end - 1  # وترانسكارغو السعودية: a feminine nationality agrees with a company
        suffixed = etype in ("PERSON", "ORG") and end < len(s.tokens) and self._company_nationality(s, start, end) \
            or etype == "PERSON" and end - start > 1 and s.folded[end - 1] in self.cues.unit_words \
            and s.folded[end - 1] not in self.cues.product_unit_words
        if suffixed:
            etype = "ORG"  # ماروبيني اليابانية، نواتوم الإسبانية، رائد فنتشرز: a nationality after the span or a unit
            # word closing it is a company word like a suffix
        if start >= end:
            return
        head_type, kept = self._head_at(s, start)
        if head_type and not kept and end - start > 1:
            start += 1
        if etype == "ORG" and self._government_of_place(s, start, end):
            etype = "LOC"  # حكومة دبي، الحكومة السعودية: a bare government stands for its country or city
        second = self._second_name_at(s, start, end) if etype in ("ORG", "PRODUCT") else None
        if second is not None:  # زين ونوفالين: two names the model took for one
            self._model_candidate(s, start, second, label, words)
            s.candidates.append(_Candidate(second, end, etype, "coordinated", clitic=1))
            return
        clitic = 0
        if governed:
            clitic = 1
        elif s.tokens[start].kind == "ar" and etype != "LOC":
            clitic = self._clitic_by_evidence(s.folded[start], words, person=etype == "PERSON") \
                or int(etype == "ORG" and self._conjoined_after_a_name(s, start))
        source = "owned" if owned else "suffixed" if suffixed else "model"
        s.candidates.append(_Candidate(start, end, etype, source, clitic=clitic))
        # A model span confirms an unconfirmed quoted or head proposal that it overlaps.
        for cand in s.candidates:
            if not cand.confirmed and cand.start < end and start < cand.end:
                cand.confirmed = True
                if etype in ("PERSON", "PRODUCT") and cand.source == "quoted":
                    cand.type = etype

    def _outside_a_name(self, s: _Sent, k: int, etype: str) -> bool:
        """True when the last word of a model span cannot end a name of its type: a particle that is no given name
        (سامي قد، but يوسف علي), or a preposition on an ordinary word (الملكة رانيا لخطط العمل، وزارة الدفاع بقيمة),
        which for a company is ب or ك only: ل may open its line of business (للصناعات)."""
        word = s.folded[k]
        if word in self.cues.stopwords and word not in self.cues.first_names:
            return True
        return self._preposition_phrase(s, k) and (etype == "PERSON" or word[0] in "بك")

    def _government_of_place(self, s: _Sent, start: int, end: int) -> bool:
        """True for ``حكومة`` and a place or a nationality after it, and nothing else (حكومة أبوظبي، الحكومة الفرنسية)."""
        if end - start < 2 or not any(rest in ("حكومه", "الحكومه") for _, rest in strip_proclitic(s.folded[start])):
            return False
        return all(w in self.cues.places or w in self.cues.gentilics or w[2:] in self.cues.places
                   for w in s.folded[start + 1 : end])

    def _second_name_at(self, s: _Sent, start: int, end: int) -> int | None:
        """Token inside a span where a second, coordinated name starts: و on a transliterated or known word after a
        known name or a transliterated word (زين ونوفالين، فيرانتيس وأوبر), or None."""
        for k in range(start + 1, end):
            word = s.folded[k]
            rest = word[1:]
            if not word.startswith("و") or len(rest) < 3 or rest == s.folded[start]:
                continue  # جونسون وجونسون is one name
            first_named = self.gazetteer.lookup(match_key(" ".join(s.folded[start:k]))) is not None \
                or k - start == 1 and self._foreign(s.folded[start])
            if first_named and (self._foreign(rest) or self.gazetteer.lookup(rest) is not None):
                return k
        return None

    def _clitic_by_evidence(self, word: str, words: Counter[str] | None = None, person: bool = False) -> int:
        """Characters of proclitic to strip from a model span's first word (the model keeps clitics attached, as
        ANERcorp does): before the definite article (والاتحاد، للشركة); when the rest is a known name or a head noun
        (ببنك); when the rest stands alone elsewhere in the article (لناصف after ناصف); or و / ل before a person's
        name (ويوفراج); or when the rest is an ordinary noun (لرابطة) — unless the word as written is itself a known name (وليد، لبنى) or recurs as written while
        the rest never stands alone (وانج)."""
        words = words if words is not None else Counter()
        stripped = strip_proclitic(word)[1:]
        for clitic, rest in stripped:
            if word.startswith(("وال", "بال", "لل")) and rest.startswith("ال") and len(rest) >= 5:
                return clitic
        if person and word in self.cues.first_names:
            return 0  # برايان، وسام: a given name as written is not a clitic on another (رايان، سام)
        for clitic, rest in sorted(stripped):  # وكريم is و + كريم before و + ك + ريم
            if self.gazetteer.lookup(rest) or rest in self.cues.first_names or rest in self.cues.places:
                return clitic
        if word in self.cues.first_names or self.gazetteer.lookup(word):
            return 0
        if words[word] >= 2 and not any(words[rest] for _, rest in stripped):
            return 0
        for clitic, rest in stripped:
            if len(rest) >= 3 and (rest in words or self._head_at_word(rest) or person and clitic == 1 and word[0] in "ول"):
                return clitic
            if len(rest) >= 4 and rest in self.cues.common_words:
                return clitic  # لرابطة دوري المحترفين: an ordinary noun that begins a name after a preposition
        return 0

    def _ordinary_word(self, key: str) -> bool:
        """True for a word of the common-words list or a verb of saying, with or without a proclitic, that no
        lexicon names (a given name or a known entity)."""
        if key in self.cues.first_names or self.gazetteer.lookup(key):
            return False
        forms = {rest for _, rest in strip_proclitic(key)}
        return bool(forms & (self.cues.common_words | self.cues.speech_verbs))

    def _dated(self, s: _Sent, k: int) -> bool:
        """True when the month name at token ``k`` is a date: شهر before it, a number beside it, or a date word
        after it (في نيسان الماضي، 15 نيسان 2024)."""
        words = self.cues.date_words
        b, a = k - 1, k + 1
        while b >= 0 and s.folded[b] in _BRACKETS:  # أبريل (نيسان) الماضي: a month glossed in brackets
            b -= 1
        while a < len(s.tokens) and s.folded[a] in _BRACKETS:
            a += 1
        before = s.folded[b] if b >= 0 else ""
        after = s.folded[a] if a < len(s.tokens) else ""
        after_two = " ".join(s.folded[a : a + 2])
        numbers = any(0 <= i < len(s.tokens) and s.tokens[i].kind == "num" for i in (b, a))
        months = before in self.cues.months or after in self.cues.months
        return before in words or after in words or after_two in words or numbers or months

    def _bare_head(self, key: str) -> bool:
        """True for a head noun alone (الشركة، المجموعة، البنك): a description, never a name."""
        return " " not in key and (self._head_at_word(key) or key.startswith("ال") and self._head_at_word(key[2:]))

    def _head_at_word(self, word: str) -> bool:
        return word in self.cues.head_nouns

    def _weak_in_context(self, sents: list[_Sent], strong_ids: set[str]) -> None:
        """Keep a weak gazetteer match with context: quoted, after a head noun or a relation trigger, beside a
        strong name in a list, or when the entity is named with context elsewhere in the article."""
        promoted = set(strong_ids)
        for s in sents:
            for cand in s.candidates:
                if cand.source != "weak":
                    continue
                quoted = cand.start > 0 and s.tokens[cand.start - 1].text in _OPEN_QUOTES
                confirmed = any(
                    o is not cand and (o.start, o.end) == (cand.start, cand.end) and o.confirmed
                    and o.source != "weak" for o in s.candidates
                )
                listed = any(o.source == "gazetteer" and self._in_list(s, o, cand) for o in s.candidates)
                after_trigger = cand.start > 0 and _strip_all(s.folded[cand.start - 1]) & trigger_final_words()
                if _inside_person(s, cand) or _starts_person(s, cand):
                    continue  # تعيين كريم الدباغ: a given name that is also a company starts a person
                if self._ends_another_name(s, cand):
                    continue  # برايم القابضة، كونتكت المالية القابضة: the last word of another company's name
                owned = _owned_after(s, cand.end)  # بنده التابعة لمجموعة صافولا
                if cand.canonical in promoted or quoted or confirmed or listed or after_trigger or owned \
                        or self._described_by_head(s, cand.start):
                    cand.source = "gazetteer"
                    promoted.add(cand.canonical)
        for s in sents:
            for cand in s.candidates:
                if cand.source == "weak" and cand.canonical in promoted and not _inside_person(s, cand) \
                        and not self._ends_another_name(s, cand):
                    cand.source = "gazetteer"

    def _ends_another_name(self, s: _Sent, cand: _Candidate) -> bool:
        """True when the word before a weak name with no proclitic is a transliterated word or a definite noun (not a
        function word or a place): the name (القابضة) is an adjective or the last word of a longer one (برايم
        القابضة، كونتكت المالية القابضة، الشركة الأردنية القابضة); after و it starts a new one (أوبر الأمريكية وكريم)."""
        start = cand.start
        if start == 0 or cand.clitic or s.tokens[start - 1].kind not in ("ar", "lat"):
            return False
        prev = s.folded[start - 1]
        if s.tokens[start - 1].kind == "lat":
            return True
        if prev in self.cues.stopwords or prev in self.cues.speech_verbs or prev in self.cues.places:
            return False
        return prev.startswith("ال") or any(self._foreign(rest) for _, rest in strip_proclitic(prev))

    def _in_list(self, s: _Sent, a: _Candidate, b: _Candidate) -> bool:
        """True when ``a`` and ``b`` stand next to each other in a list (A و B، A، B)."""
        first, second = (a, b) if a.start < b.start else (b, a)
        gap = [t.text for t in s.tokens[first.end : second.start]]
        if any(g not in ("،", ",", "و", "أو", ")") and g not in _OPEN_QUOTES | _CLOSE_QUOTES for g in gap):
            return False  # (أرامكس (Aramex) وبروليكس: a Latin version in brackets stays in the list)
        separated = any(g in ("،", ",", "و", "أو") for g in gap)
        return separated or s.folded[second.start].startswith("و")

    def _coordinated(self, s: _Sent) -> None:
        """Names in a list share their type: «A» و«B» after a confirmed name; و + two name-like words after a person."""
        confirmed = [c for c in s.candidates if c.confirmed and c.source != "weak"]
        for cand in s.candidates:
            if cand.source != "quoted" or cand.confirmed:
                continue
            before = [s.folded[k] for k in range(max(0, cand.start - 8), cand.start - 1)]
            governed = cand.start >= 2 and s.folded[cand.start - 2] in _PREPOSITIONS
            after_trigger = (governed or len(before) and _strip_all(before[-1]) & trigger_final_words()) and any(
                _strip_all(w) & trigger_final_words() for w in before
            )
            if after_trigger and not self._description(s, cand.start, cand.end) \
                    or any(self._in_list(s, o, cand) for o in confirmed if o.type != "PERSON"):
                cand.confirmed = True
        companies = [o for o in confirmed if o.type == "ORG" and o.source in ("gazetteer", "gazetteer-extended", "head", "suffixed",
                                                                              "quoted", "latin", "acronym")]
        for cand in s.candidates:  # سامسونغ وترانسشن: a lone transliterated word listed with a company is one
            if cand.source == "model" and cand.type in ("PERSON", "ORG") and cand.end - cand.start == 1 \
                    and self._foreign(s.folded[cand.start]) and s.folded[cand.start] not in self.cues.first_names \
                    and any(self._in_list(s, o, cand) for o in companies):
                word = s.folded[cand.start]
                cand.type, cand.source = "ORG", "coordinated"
                cand.clitic = int(word.startswith("و") and self._foreign(word[1:]) and len(word) > 4)
        for o in companies:  # DHL وبروكسيما: the last item of a list, which no matcher proposed
            k = o.end + int(o.end < len(s.tokens) and s.tokens[o.end].text in {")"} | _CLOSE_QUOTES)
            k += int(k < len(s.tokens) and s.folded[k] in self.cues.gentilics)  # نون أكاديمي السعودية وأبواب الأردنية
            if k + 1 >= len(s.tokens) or any(c.start <= k < c.end and c.source != "weak" for c in s.candidates):
                continue
            if self._conjunction_on_foreign_word(s, k) and not self._foreign(s.folded[k + 1]) \
                    or self._item_before_its_nationality(s, k):
                s.candidates.append(_Candidate(k, k + 1, "ORG", "coordinated", clitic=1))
        for c in [c for c in confirmed if c.type == "PERSON"]:
            k = c.end
            if k + 1 < len(s.tokens) and s.tokens[k].kind == "ar" and s.folded[k].startswith("و") and len(s.folded[k]) > 3:
                first = s.folded[k][1:]
                if first in self.cues.stopwords or first.startswith("ال") or not self._name_like(s, k + 1):
                    continue
                if _strip_all(s.folded[k]) & trigger_final_words() or _strip_all(s.folded[k + 1]) & trigger_final_words():
                    continue
                taken = any(o.start <= k + 1 < o.end for o in s.candidates if o is not c and o.source != "model")
                if s.folded[k + 1].startswith("ال") or taken:
                    continue
                if self._terminated(s, k + 2):
                    s.candidates.append(_Candidate(k, k + 2, "PERSON", "coordinated", clitic=1))

    def _item_before_its_nationality(self, s: _Sent, k: int) -> bool:
        """True for و and an undefined word before a feminine nationality (وأبواب الأردنية): a definite adjective
        after an indefinite word agrees only with a name, here a company's."""
        word = s.folded[k]
        return s.tokens[k].kind == "ar" and word.startswith("و") and len(word) >= 4 and not word[1:].startswith("ال") \
            and word[1:] not in self.cues.stopwords and word[1:] not in self.cues.places and not self._head_at_word(word[1:]) \
            and s.folded[k + 1] in self.cues.gentilics and s.folded[k + 1].endswith("يه")

    def _heads_beyond_known_names(self, s: _Sent) -> None:
        """A head-noun name that goes on past a known name with words that are no nationality or place (بنك الخليج
        الأول after the known بنك الخليج) is a name of its own: it outranks the known name inside it."""
        known = [c for c in s.candidates if c.source in ("gazetteer", "weak")]
        for cand in s.candidates:
            if cand.source != "head":
                continue
            for k in known:
                extra = s.folded[k.end : cand.end]
                if cand.start <= k.start and k.end < cand.end and all(
                    w.startswith(("ال", "وال", "لل")) and w not in self.cues.gentilics and w not in self.cues.places for w in extra
                ):
                    cand.source = "head-extended"
                    break

    def _definite_heads(self, s: _Sent) -> None:
        """Names built on a definite head: الشركة السعودية للكهرباء، المؤسسة العامة للتأمينات الاجتماعية, or with an
        adjective of a line of business after a name adjective (المؤسسة العربية المصرفية البحرينية)."""
        cues = self.cues
        for i in range(len(s.tokens) - 2):
            head = s.folded[i]
            rest = [r for _, r in strip_proclitic(head)]
            if not any(r in _DEFINITE_HEADS for r in rest):
                continue
            adjective = s.folded[i + 1]
            if adjective not in cues.gentilics and adjective not in cues.name_adjectives:
                continue
            j = i + 2
            if s.folded[j].startswith("لل") and len(s.folded[j]) > 4:
                j += 1
                while j < len(s.tokens) and j - i < 6 and s.folded[j].startswith(("ال", "وال")) and s.folded[j] not in cues.stopwords:
                    j += 1
            elif adjective in cues.name_adjectives and s.folded[j] in cues.sector_adjectives:
                j += 1
                while j < len(s.tokens) and j - i < 5 and (s.folded[j] in cues.gentilics or s.folded[j] in cues.sector_adjectives):
                    j += 1
            else:
                continue
            clitic = next((c for c, r in strip_proclitic(head) if r in _DEFINITE_HEADS), 0)
            s.candidates.append(_Candidate(i, j, "ORG", "head", clitic=clitic))

    def _before_line_of_business(self, words: tuple[str, ...]) -> tuple[str, ...] | None:
        """The words of a company's name before its line of business (الحكمة of الحكمة للأدوية، سينرجي of سينرجي
        للإنتاج الفني), which the article may use alone; None when they are no name by themselves: a head noun, a
        place, a nationality or another adjective of relation (الوطنية، العربية), or a function word."""
        cut = next((k for k, w in enumerate(words) if k and w.startswith("لل") and fold(w[2:]) in self.cues.sector_words), None)
        if cut is None:
            return None
        short = words[1:cut] if self._head_at_word(fold(words[0])) else words[:cut]  # مجموعة الواحة للتجزئة
        if not short:
            return None
        last = fold(short[-1])
        if self._head_at_word(fold(short[0])) or last.endswith(("يه", "ي")) or any(
                fold(w) in self.cues.places or fold(w) in self.cues.gentilics or fold(w) in self.cues.stopwords
                or fold(w)[2:] in self.cues.places for w in short) or len(short) == 1 and len(last) < 3:
            return None
        return short

    def _repeats(self, sents: list[_Sent]) -> None:
        """Names found once are names everywhere in the article: a person's surname, a Latin name, a transliterated
        name first seen after a head noun or in a list, a quoted name that is no ordinary word."""
        names: dict[tuple[str, ...], str] = {}
        quoted: set[str] = set()  # one-word names seen in quotes: ordinary words are names elsewhere only before a
        # line of business
        for s in sents:
            for c in s.candidates:
                if not c.confirmed or c.source == "weak":
                    continue
                words = tuple(match_key(t.text) for t in s.tokens[c.start : c.end] if t.kind != "sym")
                if c.clitic and words:
                    words = (strip_proclitic(words[0])[-1][1],) + words[1:]
                if c.type == "ORG" and c.source == "quoted" and len(words) == 1 and words[0] not in self.cues.stopwords:
                    quoted.add(words[0])
                if c.type == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3:
                    names.setdefault((words[-1],), "PERSON")
                if c.type != "PERSON" and len(words) == 1 and c.source in ("head", "listed") and len(words[0]) >= 4 \
                        and self._foreign(words[0]):
                    names.setdefault(words, c.type)  # شركة فيرانتيس … وقالت فيرانتيس
                if c.type != "PERSON" and (s.tokens[c.start].kind == "lat" or len(words) >= 2):
                    names.setdefault(words, c.type)
                    short = tuple(name_key(" ".join(words)).split())
                    if c.type == "ORG" and len(short) < len(words) and all(self._foreign(w) for w in short):
                        names.setdefault(short, c.type)  # زينورا after زينورا كورب
                    if c.type == "ORG" and c.source.startswith("head") and 2 <= len(short) < len(words):
                        names.setdefault(short, c.type)  # مجموعة الظفرة after مجموعة الظفرة القابضة
                    if c.source.startswith("head") and self._head_at_word(words[0]) and len(words) >= 3 \
                            and self._names_without_head(words[1:]):
                        names.setdefault(words[1:], c.type)  # الواحة الوطني after بنك الواحة الوطني
                    trade = self._before_line_of_business(words) if c.type == "ORG" else None
                    if trade:
                        names.setdefault(trade, c.type)  # الحكمة after الحكمة للأدوية
        quoted -= {k[0] for k in names if len(k) == 1}
        rare = {w for w in quoted if len(w) >= 3 and not self._common(w)}
        names.update({(w,): "ORG" for w in rare})  # «دكّة» … وتأسست دكة عام 2018: a quoted name no ordinary word
        names = {k: v for k, v in names.items() if not (len(k) == 1 and k[0] in self.cues.stopwords)}
        self._quoted_before_line_of_business(sents, quoted - rare)
        if not names:
            return
        beginnings = {k[:n] for k in names for n in range(1, len(k))}
        for s in sents:
            keys = [match_key(t.text) for t in s.tokens]
            stops = _stops(s.tokens)
            for i in range(len(s.tokens)):
                for clitic, first in strip_proclitic(s.folded[i]):
                    if clitic and s.tokens[i].kind != "ar":
                        continue
                    words = _longest_name(s.tokens, stops, keys, i, match_key(first), names, beginnings)
                    if words:
                        s.candidates.append(_Candidate(i, i + len(words), names[words], "repeat", clitic=clitic))

    def _quoted_before_line_of_business(self, sents: list[_Sent], quoted: set[str]) -> None:
        """A one-word name the article quoted («مزن») is a company where it stands unquoted before a line of business
        (أعلنت مزن للحوسبة السحابية): the word alone may be an ordinary one, the phrase is a trade name."""
        for s in sents:
            for i in range(len(s.tokens) - 1):
                for clitic, rest in strip_proclitic(s.folded[i]):
                    if rest in quoted and self._sector_end(s, i + 1) is not None:
                        s.candidates.append(_Candidate(i, i + 1, "ORG", "repeat", clitic=clitic))
                        break

    # -- output ---------------------------------------------------------------------------
    def _to_mention(self, document: Document, s: _Sent, cand: _Candidate, number: int) -> Mention | None:
        if not cand.confirmed or cand.source == "weak":
            return None
        first = s.tokens[cand.start]
        start = first.start + cand.clitic
        end = s.tokens[cand.end - 1].end
        surface = document.text[start:end]
        if cand.clitic and fold(first.text).startswith("لل"):
            surface = "ال" + surface[1:]
        surface = surface.strip(" \"'«»“”‘’()[]،,.:؛")
        key = name_key(surface)
        if not key or len(key) < 2:
            return None
        if cand.type != "PERSON" and (key in self.cues.stopwords and not (cand.canonical and self._named_there(s, cand))
                                      or self._bare_head(key)):
            return None  # (قال مصدر مطلع: a function word; «مصدر» quoted, or الرئيس التنفيذي لمصدر, is the company)
        if key in self.cues.gentilics and not cand.canonical:
            return None  # السعودي، الإماراتية: a nationality alone describes, it does not name
        if cand.source == "model" and cand.end - cand.start == 1 and first.kind == "ar" and self._ordinary_word(key):
            return None  # تشغيل، وأضاف: one ordinary word or verb of saying is not a name
        if not cand.canonical and self._inflected_phrase(s, cand):
            return None  # «تفتح باباً»، «بالإجماع»: quoted words of a sentence, not a name
        if cand.end - cand.start == 1 and key in self.cues.months and self._dated(s, cand.start):
            return None
        etype = cand.type
        if cand.canonical:
            etype = self.gazetteer.entries[cand.canonical].type
        elif etype in ("ORG", "MISC", "PERSON") and key in self.cues.places:
            etype = "LOC"
        return Mention(
            id=f"m{number}",
            text=surface,
            start=start,
            end=max(end, start),
            type=etype,
            key=key,
            sentence=s.index,
            source=cand.source,
            canonical=cand.canonical,
        )


    def _named_there(self, s: _Sent, cand: _Candidate) -> bool:
        """True when a known name spelled like a function word is used as a name: quoted («مصدر»), or governed by a
        title with لـ (الرئيس التنفيذي لمصدر)."""
        return _quoted(s, cand) or bool(cand.clitic) and s.folded[cand.start][:1] == "ل" \
            and self._title_before(s, cand.start) is not None


def _attached(tokens: list[Token], i: int) -> str | None:
    """``before`` when token ``i`` touches the token before it and not the one after (a closing mark: «…الأدوية" وأضاف»),
    ``after`` for the reverse (an opening mark), else None: how a quote mark that both opens and closes is used.

    >>> from extractors.text import tokenize
    >>> tokens = tokenize('للمرضى" وأضاف "وايث')
    >>> _attached(tokens, 1), _attached(tokens, 3)
    ('before', 'after')
    """
    before = i > 0 and tokens[i - 1].end == tokens[i].start
    after = i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end
    return "before" if before and not after else "after" if after and not before else None


def _hamza_agrees(tokens: list[Token], entry: GazetteerEntry) -> bool:
    """False when the written words carry a hamza seat (ئ، ؤ) that no spelling of the entry has: folding reads ئ
    as ي and ؤ as و, which turns ordinary words into names (فئات → فيات)."""
    seats = {c for t in tokens for c in t.text if c in "ئؤ"}
    return not seats or any(seats & set(name) for name in entry.names + entry.weak_names)


def _model_designation(word: str) -> bool:
    """True for a Latin word that designates a model rather than a unit: a digit or one or two capitals (R2, X1, Y,
    Model), as in Tesla Model Y or Rivian R2.

    >>> [_model_designation(w) for w in ("R2", "Y", "Model", "Cloud", "AI")]
    [True, True, True, False, True]
    """
    return any(c.isdigit() for c in word) or (len(word) <= 2 and word.isupper()) or word.lower() == "model"


def without_possessive(word: str) -> str:
    """A noun without a possessive suffix (سيارتها -> سياره، هاتفه -> هاتف), folded; the word itself when it has none.

    >>> without_possessive("سيارتها"), without_possessive("هاتفه"), without_possessive("نظام")
    ('سياره', 'هاتف', 'نظام')
    """
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem[:-1] + "ه" if stem.endswith("ت") else stem
    return word


def _longest_name(tokens: list[Token], stops: list[int], keys: list[str], i: int, first: str,
                  names: dict[tuple[str, ...], str], beginnings: set[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The longest of ``names`` that the tokens from ``i`` on spell (``first`` the first word's key, ``keys`` those of
    the tokens) and can join into (``stops`` from :func:`_stops`). Words are read only while they begin a name, so the
    work is the length of the names that start here, not of the longest name of the article."""
    found, words = None, (first,)
    while True:
        if words in names and _joinable_at(tokens, stops, i, i + len(words)):
            found = words
        if words not in beginnings or i + len(words) >= len(tokens):
            return found
        words += (keys[i + len(words)],)


def _inside_person(s: _Sent, cand: _Candidate) -> bool:
    """True when ``cand`` starts inside a person's name found by a given name or a title (عبدالله الراجحي)."""
    return any(
        o.type == "PERSON" and o.source in ("given-name", "title") and o.start < cand.start < o.end for o in s.candidates
    )


def _starts_person(s: _Sent, cand: _Candidate) -> bool:
    """True when a person's name found by a given name starts where ``cand`` starts and goes on past it."""
    return any(o.type == "PERSON" and o.source == "given-name" and o.start == cand.start and o.end > cand.end
               for o in s.candidates)


def _strip_all(word: str) -> set[str]:
    return {rest for _, rest in strip_proclitic(word)}


def _stops(tokens: list[Token]) -> list[int]:
    """For each token, where the next punctuation that no name can hold is (a Latin joiner can be inside one):
    ``tokens[i:end]`` can be one name only when ``end <= stops[i]``. Made once per sentence, it makes the name
    matchers linear in the tokens.

    >>> _stops([Token("Souq", 0, 4, "lat"), Token(".", 4, 5, "sym"), Token("com", 5, 8, "lat"), Token("،", 8, 9, "sym")])
    [3, 3, 3, 3]
    """
    stops, nxt = [0] * len(tokens), len(tokens)
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].kind == "sym" and tokens[k].text not in _LATIN_JOINERS:
            nxt = k
        stops[k] = nxt
    return stops


def _joinable_at(tokens: list[Token], stops: list[int], start: int, end: int) -> bool:
    """True when ``tokens[start:end]`` can form one name: no punctuation except joiners inside Latin names."""
    return end <= stops[start] and tokens[start].kind != "sym" and tokens[end - 1].kind != "sym"


@lru_cache(maxsize=1)
def _owner_participles() -> frozenset[str]:
    """The owner words of the relation lexicon that describe the noun before them (التابعة، المملوكة), folded."""
    return frozenset(fold(w) for w in load_json("relations")["slots"]["owner_words"] if w.startswith("ال"))


def _owned_after(s: _Sent, k: int) -> bool:
    """True when an owner word (التابعة، المملوكة) follows token ``k``, after a comma or a closing quote at most."""
    while k < len(s.tokens) and s.tokens[k].text in {"،", ","} | _CLOSE_QUOTES:
        k += 1
    return k < len(s.tokens) and s.folded[k] in _owner_participles()


def _quoted(s: _Sent, cand: _Candidate) -> bool:
    """True when the candidate stands alone between quote marks («مصدر»)."""
    return 0 < cand.start and cand.end < len(s.tokens) and s.tokens[cand.start - 1].text in _OPEN_QUOTES \
        and s.tokens[cand.end].text in _CLOSE_QUOTES


def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the best non-overlapping candidates: by matcher priority, then length, then position.

    A quoted name that starts with a known name and goes on («فودافون مصر») is a name of its own: it outranks the
    known name inside it.
    """
    for cand in candidates:
        if cand.source == "quoted" and cand.confirmed and any(
            o.source == "gazetteer" and o.start == cand.start and o.end < cand.end for o in candidates
        ):
            cand.source = "quoted-extended"
    ranked = sorted(
        candidates,
        key=lambda c: (-_PRIORITY[c.source] + (0 if c.confirmed else 10),
                       -(c.end - c.start), c.start),
    )
    taken: list[_Candidate] = []
    used: set[int] = set()
    for cand in ranked:
        span = set(range(cand.start, cand.end))
        if span & used:
            continue
        taken.append(cand)
        used |= span
    return sorted(taken, key=lambda c: c.start)


def find_mentions(document: Document, sentences: list[Sentence], finder: MentionFinder | None = None) -> list[Mention]:
    """Find the mentions of a document's sentences.

    >>> from extractors.pipeline import segment
    >>> doc = Document(id="t", text="استحوذت شركة أوبر على منافستها كريم، وقال الرئيس التنفيذي دارا خسروشاهي إن الصفقة مهمة.")
    >>> [(m.text, m.type) for m in find_mentions(doc, segment(doc), MentionFinder())]
    [('أوبر', 'ORG'), ('كريم', 'ORG'), ('دارا خسروشاهي', 'PERSON')]
    """
    return (finder or MentionFinder()).find(document, sentences)
