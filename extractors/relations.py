"""Find relations between the entities of a document by applying the trigger lexicon.

One small engine reads ``lexicons/relations.json``: at each trigger it tries the
entry's frames in order, filling the head and tail slots with mentions of
fitting types (before or after the trigger, after a preposition, the article's
salient entity for pronoun suffixes and definite descriptions, or every pair of
a coordinated list). Denied facts (نفى، لم ...) are dropped; hedges set the
deal status and lower confidence. Amounts and stakes in the sentence are put on
deal relations. The same fact read twice in a document becomes one relation
with all its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from extractors.amounts import Quantity, find_quantities
from extractors.entities import nationalities, same_country
from extractors.errors import LexiconError
from extractors.lexicon import load_cues, load_json
from extractors.ner.dictionary import known_word
from extractors.mentions import strip_proclitic, without_possessive
from extractors.normalize import fold, light_stem, match_key
from extractors.records import (
    SCORED_TYPES,
    SYMMETRIC_RELATIONS,
    Document,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Relation,
    RelationType,
    Sentence,
)
from extractors.rel.features import MAX_GAP, lemma, pair_features
from extractors.rel.model import RelationModel, parse_label
from extractors.text import Token, tokenize

__all__ = ["find_relations", "ALLOWED_TYPES", "PairCandidate", "pair_candidates", "extraction_pairs"]

ALLOWED_TYPES: dict[str, tuple[set[str], set[str]]] = {
    "INVESTED_IN": ({"ORG", "PERSON"}, {"ORG"}),
    "ACQUIRED": ({"ORG", "PERSON"}, {"ORG", "PRODUCT"}),
    "MERGED_WITH": ({"ORG"}, {"ORG", "PRODUCT"}),
    "FOUNDED": ({"PERSON", "ORG"}, {"ORG", "PRODUCT"}),
    "LEADS": ({"PERSON"}, {"ORG"}),
    "WORKS_FOR": ({"PERSON"}, {"ORG"}),
    "LEFT": ({"PERSON"}, {"ORG"}),
    "COMPETES_WITH": ({"ORG", "PRODUCT"}, {"ORG", "PRODUCT"}),
    "PARTNERS_WITH": ({"ORG"}, {"ORG"}),
    "CUSTOMER_OF": ({"ORG"}, {"ORG"}),
    "CONTRACT_WITH": ({"ORG"}, {"ORG"}),
    "PART_OF": ({"ORG", "PRODUCT"}, {"ORG"}),
    "PRODUCT_OF": ({"PRODUCT"}, {"ORG"}),
}
PRICED_RELATIONS = {"ACQUIRED", "INVESTED_IN", "MERGED_WITH", "CONTRACT_WITH", "PARTNERS_WITH"}
"""Relations a money amount of their sentence or article attaches to (a joint venture worth N is a partnership's)."""
_BEATS_CONTRACT = {"PARTNERS_WITH", "ACQUIRED", "INVESTED_IN", "MERGED_WITH"}
DATED_RELATIONS = {"ACQUIRED", "INVESTED_IN", "MERGED_WITH", "CONTRACT_WITH", "FOUNDED", "LEFT", "PARTNERS_WITH"}
STATUS_RELATIONS = {"ACQUIRED", "MERGED_WITH", "INVESTED_IN"}
_ROUND_REACH = 30
"""Tokens back from a participation trigger (بمشاركة) in which its funding round is looked for."""
_COORD_GAP = {"،", ",", "و", "او", "أو", "ثم", "«", "»", "“", "”", '"', "'", "ـ", "(", ")"}
_COORD_GAP_FOLDED = frozenset(fold(x) for x in _COORD_GAP)
_DEFAULT_WINDOW = 15
_CLAUSE_BREAKS = {"ان", "انه", "انها", "بان", "لان", ":"}
_QUOTES = {"«", "»", "“", "”", '"', "'", "‘", "’", "(", ")"}
_PRONOUN_SUFFIXES = ("ها", "ه", "هم", "هما", "هن")
_PRONOUN_SUBJECTS = {"انها", "انه", "بانها", "بانه", "وانها", "وانه", "لانها", "كونها", "انهما", "بانهما"}
"""A complementizer with a pronoun just before a trigger: the subject is the party the article is about."""
_DURATION_UNITS = frozenset({"سنه", "سنوات", "سنين", "اعوام", "عاما", "عام", "عقد", "عقدين", "عقود", "اشهر", "شهرا", "شهور",
                             "سنتين", "عامين"})
_DURATION_WORDS = frozenset({"اكثر", "من", "نحو", "قرابه", "حوالي", "لمده", "مده", "ثلاث", "اربع", "خمس", "ست", "سبع",
                             "ثماني", "ثمان", "تسع", "عشر", "بضع", "عده", "احدي", "اثنتي", "حاليا"})
"""Words of a duration between a verb and its preposition (عمل سبع سنوات في، أمضى أكثر من عقد في)."""
_LIST_INTRO = {"بينها", "بينهم", "مثل", "منها", "منهم", "وهي", "وهم", "ابرزها", "ابرزهم", "ابرزهما", "اهمها", "اهمهم",
               "خاصه", "بما"}
_RAISED_IT = frozenset({"جمعتها", "جمعها", "تجمعها", "يجمعها", "اغلقتها", "اغلقها"})
"""A verb of raising with an object pronoun (the round): its subject is the company funded."""
_ANY = frozenset({"أي", "بأي", "لأي", "وأي", "أية", "بأية", "لأية"})
"""أي (any) as written (not إي or آي of a transliteration): after لم / لا / لن it denies the deal it names."""
_RAISE_VERBS = frozenset(fold(w) for w in ("جمعت", "جمع", "تجمع", "يجمع", "حصلت", "حصل", "تحصل", "يحصل", "أغلقت", "أغلق",
                                            "تلقت", "تلقى"))
"""Verbs whose subject raised a funding round (وكانت المنصة قد جمعت تمويلا قادته X)."""
_YEAR_WORDS = frozenset({"عام", "سنه", "في", "خلال", "منذ"})
_HOLD_VERBS = frozenset(fold(w) for w in ("يشغل", "تشغل", "شغل", "شغلت", "سيشغل", "ستشغل", "يتولى", "تتولى", "تولى",
                                          "تولت", "سيتولى", "ستتولى"))
_PARTICIPATION = frozenset({"بمشاركه", "وبمشاركه"})
_CONTRACT_WORDS = frozenset({"عقد", "العقد", "عقدا", "عقود", "العقود", "عقدين", "العقدين"})
_DECADE_AFTER = frozenset(fold(w) for w in ("الأخير", "الماضي", "المقبل", "القادم", "الحالي", "الجاري", "الأخيرين",
                                            "الماضيين", "المقبلين", "الأخيرة", "الماضية", "المقبلة", "من الزمن"))
_DECADE_BEFORE = frozenset(fold(w) for w in ("خلال", "منذ", "طوال", "مدى", "قرابة", "نحو", "حوالي", "أكثر", "أقل", "قرن"))
_DEAL_NOUNS = frozenset(fold(w) for w in ("صفقة", "الصفقة", "عملية", "العملية", "تحالف", "التحالف", "ائتلاف", "كونسورتيوم"))
_HONORIFICS = frozenset({"مهندس", "مهندسه"})
"""Job titles that are also forms of address right before a name (المهندس فهد الدوسري)."""
_POST_WORD = "منصب"
"""The role of a staff relation found from the word for a post alone (يشغل منصب …)."""
_LISTED = frozenset(fold(w) for w in ("المدرجة", "المدرج", "مدرجة", "مدرج", "والمدرجة", "المدرجتين"))
_UNDER_WHICH = frozenset(fold(w) for w in ("بموجبها", "بموجبه", "بمقتضاها", "بمقتضاه", "وبموجبها", "وبموجبه"))
_DENIAL_VERBS = frozenset(fold(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفي"))
_THAT = frozenset(fold(w) for w in ("ذلك", "هذه", "هذا", "الخبر", "الأنباء", "التقارير", "تلك"))
_SEAT_WORDS = frozenset(fold(w) for w in ("مقرها", "ومقرها", "مقره", "ومقره", "مقرها الرئيسي", "ومقرها الرئيسي"))
_MERGE_NOUNS = frozenset(fold(w) for w in ("دمج", "بدمج", "لدمج", "ودمج"))
_PARTNER_WORDS = frozenset(fold(w) for w in ("شريكه", "شريكته", "شريكها", "شريكيه", "شركاؤه", "شركائه"))
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللاتي"})
_LEAD_VERBS = frozenset({"قاد", "قادت", "يقود", "تقود", "سيقود", "ستقود", "قادها", "قادتها", "يقودها", "تقودها", "قاده",
                         "قادته", "يقوده", "تقوده", "بقياده", "وبقياده"})
"""Verbs (and بقيادة) whose subject or object leads a funding round: an investor, never the company funded."""
_CHARGED = frozenset({"المكلف", "المكلفه", "المسوول", "المسووله"})
"""Words after a title that give it a charge of its own (المدير العام المكلف بالشبكات)."""
_OWNER_ADVERBS = frozenset({"بالكامل", "كليا", "جزييا", "باغلبيتها", "بالاغلبيه", "حاليا", "مباشره"})
"""Words that may stand between an owner word and its owner (المملوكة بالكامل لـX)."""
_STAKE_WORDS = frozenset({"حصه", "حصص"})
"""A stake in a company (folded), the object of a purchase or a holding."""
_KNOWN_STAKES = frozenset({"الحصه", "الحصص", "الاسهم", "حصتها", "حصته", "حصتهم"})
"""A stake already named (definite or with a pronoun): من after it names who sells it."""
_PRICE_WORDS = {"لقاء", "مقابل", "بقيمه", "بمبلغ", "بنحو", "بحوالي", "نحو", "حوالي"}
_SHARE_WORDS = {"بنسبه", "بحصه", "%", "٪"}
"""Words of a holder's share in a list of holders (X بنسبة 43% وY بنسبة 33%): the list goes on across them."""
_DEAL_WORDS = {"صفقه", "الصفقه", "قيمتها", "قيمه", "بلغت", "البالغه", "تبلغ", "تقدر", "وتقدر", "يقدر"}


@dataclass(frozen=True)
class _Trigger:
    words: tuple[str, ...]
    relation: str
    role: str | None
    frames: tuple[dict[str, Any], ...]
    overlap: bool = False
    """Structural patterns (X من Y, حصة X في Y) that may match inside another trigger."""
    no_amount: bool = False
    pronoun: bool = False
    """The trigger carries a pronoun suffix (رئيسها، استحواذه): its salient party is the nearest antecedent."""
    gap: tuple[int, int] | None = None
    """Tokens of a subject standing inside the phrase (قادت شركة X جولة): they fill the ``before`` slot."""
    marbuta: bool = False
    """The one-word trigger ends with ة (شريكة، الرئيسة): the same word with ه is a noun with a pronoun (شريكه)."""
    reciprocal: bool = True
    """A symmetric trigger with a dual subject relates the two (تتنافس الشركتان); not one that faces others (تواجه)."""


@dataclass(frozen=True)
class _Lexicon:
    by_first: dict[str, tuple[_Trigger, ...]]
    by_lemma: dict[str, tuple[_Trigger, ...]]
    """One-word triggers by lemma: other inflections of a listed form (شراكتهما، ستستحوذ، التحالف) match too."""
    deny_near: frozenset[str]
    deny_near_window: int
    deny_scope: frozenset[str]
    deny_scope_window: int
    hedge: dict[str, str]
    hedge_confidence: float
    roles: dict[str, str]
    definite: frozenset[str]
    prepositions: frozenset[str]
    owner_words: frozenset[str]
    title_words: frozenset[str]
    duals: frozenset[str]
    round_words: frozenset[str]
    dual_heads: frozenset[str]
    controlling_words: frozenset[str]


_Slot = Annotated[str, StringConstraints(pattern=r"^(before|after|object|subject|salient|next|funded|round|prep:\S+)$")]


class _Frame(BaseModel):
    """One way to fill a trigger's slots (see ``lexicons/README.md``); unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    head: _Slot | None = None
    tail: _Slot | None = None
    pair: Literal["coord-before", "coord-after"] | None = None
    window: int = Field(default=_DEFAULT_WINDOW, ge=0)
    tail_window: int | None = Field(default=None, ge=0)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    listed: bool | Literal["head", "tail", "both"] = Field(default=False, alias="list")
    list_head: bool = False
    adjacent: bool = False
    head_types: list[Literal["ORG", "PERSON", "PRODUCT"]] | None = None
    tail_types: list[Literal["ORG", "PERSON", "PRODUCT"]] | None = None

    @model_validator(mode="after")
    def _slots(self) -> "_Frame":
        if self.pair is None and (self.head is None or self.tail is None):
            raise ValueError("a frame needs a head and a tail slot, or a pair")
        return self


class _Entry(BaseModel):
    """One entry of ``lexicons/relations.json``: a relation, its trigger phrases, frames and an example."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    relation: RelationType
    example: str = Field(min_length=1)
    triggers: list[Annotated[str, StringConstraints(min_length=1)]] = Field(min_length=1)
    frames: list[_Frame] = Field(min_length=1)
    role: str | None = None
    overlap: bool = False
    no_amount: bool = False
    reciprocal: bool = True
    expect: list[tuple[str, RelationType, str]] = Field(default_factory=list)
    """The facts the example states, as (head label, relation, tail label); a test extracts each example."""


def _validated(entries: list[dict]) -> None:
    """Check every entry against :class:`_Entry`; raise LexiconError naming the entry that is wrong."""
    for n, entry in enumerate(entries):
        try:
            _Entry.model_validate(entry)
        except ValidationError as err:
            problem = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in err.errors())
            raise LexiconError(
                f"lexicons/relations.json entry {n} ({entry.get('relation', '?')}: {entry.get('example', '')!r}): "
                f"{problem}: fix the entry (see extractors/lexicons/README.md)"
            ) from None


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_json("relations")
    _validated(data["entries"])
    by_first: dict[str, list[_Trigger]] = {}
    roles = {" ".join(fold(k).split()): v for k, v in data["roles"]["map"].items()}
    for entry in data["entries"]:
        listed = {tuple(fold(phrase).split()) for phrase in entry["triggers"]}
        for phrase in entry["triggers"]:
            words = tuple(fold(phrase).split())
            pronoun = any(w.endswith(("ها", "هم", "هما")) or w.endswith("ه") and not w.endswith("ة") for w in phrase.split())
            trig = _Trigger(
                words, entry["relation"], entry.get("role"), tuple(entry["frames"]),
                entry.get("overlap", False), entry.get("no_amount", False), pronoun, marbuta=phrase.endswith("ة"),
                reciprocal=entry.get("reciprocal", True),
            )
            by_first.setdefault(words[0], []).append(trig)
            indefinite = indefinite_title(words)
            forms = (feminine_title(words), accusative_title(words)) + (
                (indefinite, accusative_title(indefinite), feminine_title(indefinite)) if indefinite else ()
            ) if entry.get("role") == "title" and not pronoun else ()
            for form in forms:  # الرئيسة التنفيذية، عضوا مستقلا: a woman's title, a title as a state, same trigger
                if form and form not in listed:
                    listed.add(form)
                    by_first.setdefault(form[0], []).append(replace(trig, words=form, marbuta=form[-1].endswith("ه")))
                    roles.setdefault(" ".join(form), roles.get(" ".join(words)))
    by_lemma: dict[str, dict[tuple[str, str], _Trigger]] = {}
    for trigs in by_first.values():
        for trig in trigs:
            word = trig.words[0]
            prepositional = word[:1] in ("ب", "ل", "ك") and not word.startswith("ال") and light_stem(word) != word
            if len(trig.words) == 1 and len(word) >= 4 and not trig.overlap and not prepositional:
                # بقيادة (led by) keeps its preposition: قيادة alone is leading a team, not a funding round
                by_lemma.setdefault(lemma(word), {}).setdefault((trig.relation, str(trig.frames)), trig)
    neg = data["negation"]
    return _Lexicon(
        by_first={k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in by_first.items()},
        by_lemma={k: tuple(v.values()) for k, v in by_lemma.items()},
        deny_near=frozenset(fold(w) for w in neg["deny_near"]),
        deny_near_window=neg["deny_near_window"],
        deny_scope=frozenset(fold(w) for w in neg["deny_scope"]),
        deny_scope_window=neg["deny_scope_window"],
        hedge={fold(k): v for k, v in neg["hedge"].items()},
        hedge_confidence=neg["hedge_confidence"],
        roles={k: v for k, v in roles.items() if v},
        definite=frozenset(" ".join(fold(w).split()) for w in data["definite_descriptions"]["words"]),
        prepositions=frozenset(fold(w) for w in data["slots"]["prepositions"]),
        owner_words=frozenset(fold(w) for w in data["slots"]["owner_words"]),
        title_words=frozenset(fold(w) for w in data["slots"]["title_words"]),
        duals=frozenset(fold(w) for w in data["slots"]["duals"]),
        round_words=frozenset(" ".join(fold(w).split()) for w in data["slots"]["round_words"]),
        dual_heads=frozenset(fold(w) for w in data["slots"]["dual_heads"]),
        controlling_words=frozenset(fold(w) for w in data["slots"]["controlling_words"]),
    )


@dataclass
class _M:
    """A mention placed on the sentence's tokens."""

    mention: Mention
    entity: Entity
    start: int
    end: int
    sentence: int

    @property
    def type(self) -> str:
        return self.entity.type


SALIENCE_WINDOW = 50
"""Sentences back that salience looks at, besides the lede: a mention 50 sentences back weighs 0.85 ** 50 (0.0003)
of one in the sentence itself, and the window keeps each question's work bounded in a long text (an article of
news has fewer sentences, so its answers are those of the whole article)."""


class _Salience:
    """Which entity an article is about at a given point: recent mentions and sentence subjects weigh most."""

    def __init__(self, placed: list[list[_M]], heads: dict[str, frozenset[str]] | None = None,
                 countries: dict[str, frozenset[str]] | None = None) -> None:
        self.placed = placed
        self.heads = heads or {}
        """The head nouns each entity was named with (مجموعة «X»، بنك X): a definite description with one of them
        (المجموعة، البنك) refers to that entity first."""
        self.countries = countries or {}
        """The countries each entity was named or described with (أجنحة عمان، «X» الكويتية), as stems: a description
        with a nationality (الشركة العمانية، العملاق الأمريكي) refers to an entity of that country first."""

    def best(self, types: set[str], sentence: int, token: int, exclude: set[str], head: str | None = None,
             country: frozenset[str] = frozenset()) -> _M | None:
        scores: dict[str, float] = {}
        last: dict[str, _M] = {}
        lede: set[str] = set()
        for s in sorted({*range(min(2, sentence + 1)), *range(max(0, sentence - SALIENCE_WINDOW), sentence + 1)}):
            first_seen = False
            for m in self.placed[s]:
                if s == sentence and m.start >= token:
                    break
                if m.type not in types or m.entity.id in exclude:
                    continue
                weight = 0.85 ** (sentence - s) * (2.0 if not first_seen else 1.0)
                if s <= 1 and not first_seen:
                    lede.add(m.entity.id)
                first_seen = True
                scores[m.entity.id] = scores.get(m.entity.id, 0.0) + weight
                last[m.entity.id] = m
        for eid in lede:
            if eid in scores:
                scores[eid] += 1.5
        if not scores:
            return None
        native = [eid for eid in scores if same_country(country, self.countries.get(eid, frozenset()))]
        pool = native or list(scores)
        named = [eid for eid in pool if head in self.heads.get(eid, ())]
        return last[max(named or pool, key=lambda k: (scores[k], k))]


def find_relations(
    document: Document,
    sentences: list[Sentence],
    mentions: list[Mention],
    entities: list[Entity],
    model: RelationModel | None = None,
    rules: bool = True,
    sentence_tokens: list[list[Token]] | None = None,
) -> list[Relation]:
    """Apply the trigger lexicon to every sentence, then the relation model (when given) to every pair of mentions
    in a sentence that the rules left unrelated; return one relation per fact, with all its evidence. With
    ``rules=False`` only the model's relations are kept (and it sees no rule findings), for ablations.
    ``sentence_tokens``: the tokens of each sentence, when the caller made them already.

    >>> from extractors.pipeline import extract
    >>> ex = extract(Document(id="t", text="استحوذت شركة أمازون على شركة نون مقابل 580 مليون دولار."))
    >>> names = {e.id: e.label for e in ex.entities}
    >>> [(names[r.head], r.relation, names[r.tail], r.amount, r.currency) for r in ex.relations]
    [('أمازون', 'ACQUIRED', 'نون', 580000000.0, 'USD')]
    """
    lex = _lexicon()
    year = int(document.date[:4]) if document.date and document.date[:4].isdigit() else None
    token_lists, folded_lists, placed = _sentence_views(sentences, mentions, entities, sentence_tokens)
    salience = _Salience(placed, _named_heads(folded_lists, placed), _named_countries(folded_lists, placed))
    found: dict[tuple[str, str, str], Relation] = {}
    prices: list[tuple[Quantity, frozenset[str]]] = []
    table_starts = _table_starts(sentences)
    for sentence, tokens, folded, ms in zip(sentences, token_lists, folded_lists, placed):
        quantities = find_quantities(document.text, default_year=year, tokens=tokens)
        prices += [(q, frozenset(m.entity.id for m in ms)) for q in _prices(quantities, tokens, folded)]
        covered = {k for m in ms for k in range(m.start, m.end)}
        ctx = _Context(sentence, tokens, folded, ms, salience, lex, quantities, table_starts[sentence.index])
        hits: list[tuple[_Trigger, int, int]] = []
        i = 0
        while i < len(tokens):
            match = _triggers_at(lex, folded, i, covered, overlap=False)
            if match:
                hits += [(t, i, end) for t, end in match]
                i = i + 1 if any(t.gap for t, _ in match) else max(end for _, end in match)
            else:
                i += 1
        for i in range(len(tokens)):
            hits += [(t, i, end) for t, end in _triggers_at(lex, folded, i, covered, overlap=True)]
        hits = [(t, i, end) for t, i, end in hits if not _marbuta(t, tokens[i].text) and not _decade(t, folded, i)]
        ruled: list[Relation] = []
        for trig, start, end in hits:
            ruled += ctx.apply(trig, start, end, document)
        if model is not None:
            ruled = (ruled if rules else []) + _classified(model, ctx, folded, ms, ruled if rules else [], document)
        for rel in ruled:
            key = _fact_key(rel)
            found[key] = _merge(found.get(key), rel)
    for rel in _named_units(document, sentences, mentions, entities) + _ministers(document, sentences, folded_lists, placed, entities):
        found[_fact_key(rel)] = _merge(found.get(_fact_key(rel)), rel)
    for key, rel in found.items():  # evidence deduplicated once per fact: linear in its repeats
        found[key] = rel.model_copy(update={"evidence": tuple(dict.fromkeys(rel.evidence))})
    _implied(found)
    return _priced(list(found.values()), prices)


def _named_units(
    document: Document, sentences: list[Sentence], mentions: list[Mention], entities: list[Entity]
) -> list[Relation]:
    """A known name extended by a unit word (أوبر إيتس، جوجل كلاود، سامسونج كابيتال) names a product (PRODUCT_OF)
    or a unit (PART_OF) of the entity whose name it starts with, when the article names that entity too."""
    entity_of = {mid: e for e in entities for mid in e.mentions}
    keys = {e.key: e for e in entities}
    out = []
    for m in mentions:
        unit = entity_of.get(m.id)
        if m.source != "gazetteer-extended" or unit is None:
            continue
        words = m.key.split()
        base = next((keys[" ".join(words[:n])] for n in range(len(words) - 1, 0, -1) if " ".join(words[:n]) in keys), None)
        if base is None or base.id == unit.id:
            continue
        relation = "PRODUCT_OF" if unit.type == "PRODUCT" else "PART_OF"
        sentence = sentences[m.sentence]
        evidence = Evidence(document=document.id, sentence=sentence.text, start=sentence.start, end=sentence.end,
                            trigger=m.text, date=document.date, title=document.title)
        out.append(Relation(head=unit.id, tail=base.id, relation=relation, head_mention=m.id, confidence=0.7,
                            evidence=(evidence,)))
    return out


def _ministers(document: Document, sentences: list[Sentence], folded_lists: list[list[str]],
               placed: list[list["_M"]], entities: list[Entity]) -> list[Relation]:
    """A minister leads the ministry the article names after his portfolio: «X، وزير الاستثمار» and «وزارة
    الاستثمار» (LEADS, role minister)."""
    ministries = {}
    for e in entities:
        words = match_key(e.label).split()
        if e.type == "ORG" and len(words) >= 2 and words[0] == "وزاره":
            ministries.setdefault(words[1], e)
    out = []
    for sentence, folded, ms in zip(sentences, folded_lists, placed):
        for m in ms:
            k = m.end + (1 if m.end < len(folded) and folded[m.end] in ("،", ",") else 0)
            if m.type != "PERSON" or k + 1 >= len(folded) or folded[k] not in ("وزير", "وزيره"):
                continue
            ministry = ministries.get(folded[k + 1])
            if ministry is None:
                continue
            evidence = Evidence(document=document.id, sentence=sentence.text, start=sentence.start, end=sentence.end,
                                trigger=" ".join(folded[k : k + 2]), date=document.date, title=document.title)
            out.append(Relation(head=m.entity.id, tail=ministry.id, relation="LEADS", role="minister",
                                head_mention=m.mention.id, confidence=0.7, evidence=(evidence,)))
    return out


def _prices(quantities: list[Quantity], tokens: list[Token], folded: list[str]) -> list[Quantity]:
    """The money amounts of a sentence that a price word introduces (مقابل، بقيمة، لقاء، بمبلغ، صفقة …)."""
    out = []
    for q in quantities:
        if q.kind != "money" or q.context is not None:
            continue
        k = next((k for k, t in enumerate(tokens) if t.start >= q.start), len(tokens))
        before = {rest for w in folded[max(0, k - 4) : k] for _, rest in strip_proclitic(w)[:2]}
        if before & (_PRICE_WORDS | _DEAL_WORDS):
            out.append(q)
    return out


def _priced(relations: list[Relation], prices: list[tuple[Quantity, frozenset[str]]]) -> list[Relation]:
    """A deal read without an amount (often from a headline) takes the price stated in another sentence of the
    article that names both its parties, else one of them, when exactly one such price is stated."""
    out = []
    for rel in relations:
        if rel.relation in PRICED_RELATIONS and rel.amount is None:
            both = {q.value: q for q, ids in prices if rel.head in ids and rel.tail in ids}
            own = both if len(both) == 1 else {q.value: q for q, ids in prices if rel.head in ids or rel.tail in ids}
            if len(own) == 1:
                q = next(iter(own.values()))
                rel = rel.model_copy(update={"amount": q.value, "currency": q.currency, "approximate": q.approximate})
        out.append(rel)
    return out


def _fact_key(rel: Relation) -> tuple[str, str, str]:
    if rel.relation in SYMMETRIC_RELATIONS and rel.tail < rel.head:
        return (rel.tail, rel.relation, rel.head)
    return (rel.head, rel.relation, rel.tail)


def _sentence_views(
    sentences: list[Sentence], mentions: list[Mention], entities: list[Entity],
    sentence_tokens: list[list[Token]] | None = None,
) -> tuple[list[list[Token]], list[list[str]], list[list["_M"]]]:
    """Each sentence's tokens (``sentence_tokens`` when given), folded words and mentions placed on its tokens."""
    entity_of = {mid: e for e in entities for mid in e.mentions}
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    token_lists, folded_lists, placed = [], [], []
    for n, sentence in enumerate(sentences):
        words = tokenize(sentence.text, offset=sentence.start) if sentence_tokens is None else sentence_tokens[n]
        token_lists.append(words)
        folded_lists.append([fold(t.text).rstrip("ـ") for t in words])
        placed.append(_place(words, by_sentence.get(sentence.index, []), entity_of))
    return token_lists, folded_lists, placed


@dataclass(frozen=True)
class PairCandidate:
    """Two mentions of different entities in one sentence (``a`` first in the text) and the pair's features."""

    sentence: int
    a: "_M"
    b: "_M"
    features: tuple[str, ...]


@lru_cache(maxsize=1)
def _trigger_lemmas() -> dict[str, frozenset[str]]:
    """The relations each trigger's first word (as a lemma) may express; function words (التي، على) express none.

    >>> [lemma(w) in _trigger_lemmas() for w in ("التي", "علي")], "CUSTOMER_OF" in _trigger_lemmas()[lemma("تعتمد")]
    ([False, False], True)
    """
    by_lemma: dict[str, set[str]] = {}
    stopwords = load_cues().stopwords
    for first, triggers in _lexicon().by_first.items():
        if len(first) >= 3 and first not in stopwords:
            for trig in triggers:
                by_lemma.setdefault(lemma(first), set()).add(trig.relation)
    return {k: frozenset(v) for k, v in by_lemma.items()}


def _word_relations(folded: list[str]) -> list[frozenset[str]]:
    """For each word, the relations whose trigger lexicon holds a word of the same lemma."""
    lemmas = _trigger_lemmas()
    empty: frozenset[str] = frozenset()
    return [empty.union(*(lemmas.get(lemma(rest), empty) for _, rest in strip_proclitic(w)[:3])) for w in folded]


def pair_candidates(folded: list[str], ms: list["_M"], sentence: int, ruled: list[Relation]) -> list[PairCandidate]:
    """Every pair of scored-type mentions of different entities at most ``MAX_GAP`` tokens apart, with features;
    ``ruled`` are the rules' relations in this sentence (they become features of their pairs)."""
    scored = [m for m in ms if m.type in SCORED_TYPES]
    if len(scored) < 2:
        return []
    triggers = _word_relations(folded)
    by_pair: dict[tuple[str, str], set[str]] = {}
    for rel in ruled:
        by_pair.setdefault((rel.head, rel.tail), set()).add(rel.relation)
    out = []
    for n, a in enumerate(scored):
        for k, b in enumerate(scored[n + 1 :], start=n + 1):
            if b.start - a.end > MAX_GAP:
                break
            if a.entity.id == b.entity.id or b.start < a.end:
                continue
            rules = {f"{r}{'=' if r in SYMMETRIC_RELATIONS else '>'}" for r in by_pair.get((a.entity.id, b.entity.id), ())}
            rules |= {f"{r}{'=' if r in SYMMETRIC_RELATIONS else '<'}" for r in by_pair.get((b.entity.id, a.entity.id), ())}
            features = pair_features(
                folded, (a.start, a.end, a.type), (b.start, b.end, b.type), triggers, frozenset(rules), k - n - 1
            )
            out.append(PairCandidate(sentence, a, b, tuple(features)))
    return out


def extraction_pairs(extraction: Extraction) -> list[PairCandidate]:
    """The candidate pairs of an extraction, with the rule findings of its relations as features (for training)."""
    sentences = list(extraction.sentences)
    _, folded_lists, placed = _sentence_views(sentences, list(extraction.mentions), list(extraction.entities))
    out = []
    for sentence, folded, ms in zip(sentences, folded_lists, placed):
        ruled = [r for r in extraction.relations if any(e.start == sentence.start for e in r.evidence)]
        out += pair_candidates(folded, ms, sentence.index, ruled)
    return out


def _classified(model: RelationModel, ctx: "_Context", folded: list[str], ms: list["_M"], ruled: list[Relation],
                document: Document) -> list[Relation]:
    """The model's relations for the pairs of one sentence, where the types allow them and the rules did not."""
    known = {_fact_key(r) for r in ruled}
    stakes = {frozenset((r.head, r.tail)) for r in ruled if r.relation in ("ACQUIRED", "INVESTED_IN")}
    out = []
    for cand in pair_candidates(folded, ms, ctx.sentence.index, ruled):
        for label, probability in model.predict(list(cand.features)):
            relation, first_is_head = parse_label(label)
            head, tail = (cand.a, cand.b) if first_is_head else (cand.b, cand.a)
            head_types, tail_types = ALLOWED_TYPES[relation]
            if head.type not in head_types or tail.type not in tail_types:
                continue
            pair = frozenset((head.entity.id, tail.entity.id))
            if relation in ("CUSTOMER_OF", "ACQUIRED", "INVESTED_IN") and pair in stakes:
                continue  # the rules read this deal already: a stake's buyer is no customer, an investment no purchase
            rel = ctx.classified(relation, head, tail, cand.a.start, cand.b.end, probability, document)
            if _fact_key(rel) not in known:
                known.add(_fact_key(rel))
                out.append(rel)
    return out


def _table_starts(sentences: list[Sentence]) -> list[int | None]:
    """For each table row (a sentence with ``|``), the index of its table's first row; None for other sentences.

    >>> rows = ["قال", "أ | ب |", "ج | د |", "انتهى", "هـ | و |"]
    >>> _table_starts([Sentence(index=n, start=0, end=0, text=t) for n, t in enumerate(rows)])
    [None, 1, 1, None, 4]
    """
    starts: list[int | None] = []
    for n, sentence in enumerate(sentences):
        if "|" not in sentence.text:
            starts.append(None)
        else:
            starts.append(n if not starts or starts[-1] is None else starts[-1])
    return starts


def _implied(found: dict[tuple[str, str, str], Relation]) -> None:
    """A person who left an organization worked for it: LEFT implies WORKS_FOR (at lower confidence). An agreement
    that is a partnership, a deal or a purchase is that relation: CONTRACT_WITH gives way to it. A post held (منصب) is
    the leader's post when its title leads (يشغل منصب الرئيس التنفيذي): WORKS_FOR gives way to LEADS."""
    specific = {frozenset((h, t)) for (h, r, t) in found if r in _BEATS_CONTRACT}
    for key in [k for k in found if k[1] == "CONTRACT_WITH" and frozenset((k[0], k[2])) in specific]:
        del found[key]
    posts = [k for k, r in found.items() if k[1] == "WORKS_FOR" and r.role == _POST_WORD and (k[0], "LEADS", k[2]) in found]
    for key in posts:
        del found[key]
    for (head, rel, tail), relation in list(found.items()):
        if rel == "LEFT" and (head, "WORKS_FOR", tail) not in found and (head, "LEADS", tail) not in found:
            found[(head, "WORKS_FOR", tail)] = relation.model_copy(
                update={"relation": "WORKS_FOR", "confidence": round(relation.confidence * 0.8, 3)}
            )


def _named_heads(folded_lists: list[list[str]], placed: list[list["_M"]]) -> dict[str, frozenset[str]]:
    """The head nouns each entity is named with in the article, just before a mention or as its first word (شركة
    X، مجموعة «Y»، بنك البلاد), without the article: ``شركه``, ``مجموعه``, ``بنك``."""
    heads: dict[str, set[str]] = {}
    for folded, ms in zip(folded_lists, placed):
        for m in ms:
            k = m.start
            while k > 0 and folded[k - 1] in _QUOTES:
                k -= 1
            for word in ([folded[k - 1]] if k > 0 else []) + [folded[m.start]]:
                head = _head_noun(word)
                if head:
                    heads.setdefault(m.entity.id, set()).add(head)
    return {eid: frozenset(h) for eid, h in heads.items()}


def _named_countries(folded_lists: list[list[str]], placed: list[list["_M"]]) -> dict[str, frozenset[str]]:
    """The countries each entity is named with (أجنحة عمان، الاتصالات السعودية) or described by right after a
    mention («مزارع الأطلس» المغربية), as stems (see :func:`extractors.entities.nationalities`)."""
    countries: dict[str, set[str]] = {}
    for folded, ms in zip(folded_lists, placed):
        for m in ms:
            k = m.end
            while k < len(folded) and folded[k] in _QUOTES:
                k += 1
            found = nationalities(m.entity.key) | (_description_country(folded[k : k + 1]) if k < len(folded) else frozenset())
            if found:
                countries.setdefault(m.entity.id, set()).update(found)
    return {eid: frozenset(c) for eid, c in countries.items()}


def _description_country(words: list[str]) -> frozenset[str]:
    """The countries of nationality adjectives among ``words`` (العمانية → عمان), as stems."""
    gentilics = load_cues().gentilics
    return nationalities(" ".join(w for w in words if w in gentilics))


def _head_noun(word: str) -> str | None:
    """The head noun a folded word is, without clitics and the article (لشركة → شركه, المجموعة → مجموعه), or None."""
    for _, rest in strip_proclitic(word)[:3]:
        bare = rest[2:] if rest.startswith("ال") else rest
        if bare in load_cues().head_nouns:
            return bare
    return None


@lru_cache(maxsize=65_536)
def _is_head(word: str) -> bool:
    return any(rest in load_cues().head_nouns for _, rest in strip_proclitic(word)[:2])


def _place(tokens: list[Token], mentions: list[Mention], entity_of: dict[str, Entity]) -> list[_M]:
    placed = []
    for m in mentions:
        if m.id not in entity_of:
            continue
        start = next((k for k, t in enumerate(tokens) if t.start <= m.start < t.end or t.start >= m.start), None)
        end = next((k + 1 for k in range(len(tokens) - 1, -1, -1) if tokens[k].start < m.end), None)
        if start is None or end is None or end <= start:
            continue
        placed.append(_M(m, entity_of[m.id], start, end, m.sentence))
    return sorted(placed, key=lambda p: p.start)


_TITLE_ADJECTIVES = frozenset(fold(w) for w in ("العام", "عام", "المنتدب", "المشارك", "السابق", "القادم", "الجديد",
                                                  "المؤقت", "المكلف"))
_NOT_PERSONS = frozenset(fold(w) for w in ("منصب", "مناصب", "لقيادة", "حاكم"))


def feminine_title(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The feminine form of a folded title (a woman's title names the same relation), or None when it has none:
    the title noun and the adjectives agreeing with it take ة (folded ه), an accusative ا gives way to it; the
    noun a title governs stays (رئيسة مجلس الإدارة، نائبة الرئيس).

    >>> " ".join(feminine_title(("الرييس", "التنفيذي", "السابق")))
    'الرييسه التنفيذيه السابقه'
    >>> " ".join(feminine_title(("رييسا", "تنفيذيا", "ل"))), " ".join(feminine_title(("نايب", "الرييس")))
    ('رييسه تنفيذيه ل', 'نايبه الرييس')
    >>> feminine_title(("رييسه",)), feminine_title(("مناصب", "عليا"))
    (None, None)
    """
    first = words[0]
    if first.endswith("ه") or first in _NOT_PERSONS or len(first) < 3:
        return None
    out = [_feminine_word(first)]
    k = 1
    while k < len(words) and (words[k].endswith(("ي", "يا")) or words[k] in _TITLE_ADJECTIVES
                              or words[k].endswith("ا") and words[k][:-1] in _TITLE_ADJECTIVES):
        out.append(_feminine_word(words[k]))
        k += 1
    return tuple(out) + words[k:]


def indefinite_title(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A definite folded title without its articles (المدير المالي → مدير مالي), from which appointments make their
    accusative (عيّنت X مديرا ماليا، مديرة مالية); None for a title that does not open with the article.

    >>> " ".join(indefinite_title(("المدير", "المالي"))), indefinite_title(("نايب", "الرييس"))
    ('مدير مالي', None)
    """
    if not words[0].startswith("ال") or len(words[0]) < 5:
        return None
    k = 0
    while k < len(words) and words[k].startswith("ال") and len(words[k]) > 3:
        k += 1
    return tuple(w[2:] for w in words[:k]) + words[k:]


def accusative_title(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The accusative of an indefinite folded title, as appointments write it (عُيّن عضوا مستقلا، انضم مستشارا), or
    None: the title noun and its adjectives take ا; a definite title, or one already ending in ا or ة, has none.

    >>> " ".join(accusative_title(("عضو", "مستقل"))), " ".join(accusative_title(("مستشار", "ل")))
    ('عضوا مستقلا', 'مستشارا ل')
    >>> accusative_title(("الرييس", "التنفيذي")), accusative_title(("رييسا", "تنفيذيا"))
    (None, None)
    """
    first = words[0]
    if first.startswith("ال") or first.endswith(("ا", "ه")) or first in _NOT_PERSONS or len(first) < 3:
        return None
    out = [first + "ا"]
    k = 1
    while k < len(words) and not words[k].startswith("ال") and len(words[k]) > 2 and (
            words[k].endswith("ي") or words[k] in _TITLE_ADJECTIVES or words[k] in ("مستقل", "منتدب", "مشارك")):
        out.append(words[k] + "ا")
        k += 1
    return tuple(out) + words[k:]


def _feminine_word(word: str) -> str:
    return (word[:-1] if word.endswith("ا") and len(word) > 3 else word) + "ه"


def _marbuta(trig: _Trigger, text: str) -> bool:
    """True when a trigger with a pronoun suffix ه (مؤسسه: its founder) matched a word written with ة (مؤسسة: an
    institution), or the other way round (شريكة: a partner; شريكه: his partner): folding makes them one string,
    the text tells them apart."""
    if len(trig.words) != 1 or not trig.words[0].endswith("ه"):
        return False
    return trig.pronoun and text.endswith("ة") or trig.marbuta and text.endswith("ه")


def _decade(trig: _Trigger, folded: list[str], i: int) -> bool:
    """True when the contract word a trigger starts with is a decade (خلال العقد الأخير، منذ أكثر من عقد، عقدين)."""
    if trig.words[0] not in _CONTRACT_WORDS:
        return False
    after = folded[i + 1] if i + 1 < len(folded) else ""
    before = folded[i - 1] if i >= 1 else ""
    if before == "من" and i >= 2:  # لأكثر من عقد
        before = strip_proclitic(folded[i - 2])[-1][1]
    return after in _DECADE_AFTER or before in _DECADE_BEFORE or folded[i] in ("عقدين", "العقدين")


def _triggers_at(lex: _Lexicon, folded: list[str], i: int, covered: set[int], overlap: bool) -> list[tuple[_Trigger, int]]:
    """Every trigger of the longest phrase that starts at token ``i`` (one per lexicon entry)."""
    if i in covered:
        return []
    found: list[tuple[_Trigger, int]] = []
    for _, first in strip_proclitic(folded[i]):
        for trig in lex.by_first.get(first, ()):
            if trig.overlap != overlap:
                continue
            n = len(trig.words)
            if not _rest_matches(trig.words[1:], folded, i + 1):
                continue
            if any(k in covered for k in range(i, min(i + n, len(folded))) if trig.words[k - i] not in ("ل", "ب")):
                continue
            end = i + n
            if trig.words[-1] in ("ل", "ب") and n > 1 and not (i + n - 1 < len(folded) and folded[i + n - 1] == trig.words[-1]):
                end = i + n - 1  # attached preposition: the next token carries it and the mention
            found.append((trig, end))
    split = _split_triggers(lex, folded, i, covered) + _dated_triggers(lex, folded, i) \
        if not overlap and all(len(t.words) == 1 for t, _ in found) else []
    if not found and not overlap:
        split += _duration_triggers(lex, folded, i, covered)
    if not found and not split and not overlap:
        found = _lemma_triggers(lex, folded, i)
    if not found and not split:
        return []
    longest = max((len(t.words) for t, _ in found), default=0)
    seen, out = set(), []
    for trig, end in found:
        if len(trig.words) == longest and id(trig) not in seen:
            seen.add(id(trig))
            out.append((trig, end))
    return out + split  # a phrase around its subject (قادت شركة X جولة) is read beside the one-word trigger


def _split_triggers(lex: _Lexicon, folded: list[str], i: int, covered: set[int]) -> list[tuple[_Trigger, int]]:
    """A phrase trigger with its subject inside, as verb-first Arabic puts it (قادت شركة X جولة تمويل، وقعت X
    اتفاقية): the words after the first one follow one mention (with its head noun and quotes); the trigger then
    carries the subject's tokens (``gap``), which fill its ``before`` slot."""
    j = i + 1
    while j < len(folded) and j - i <= 2 and j not in covered and (_is_head(folded[j]) or folded[j] in _QUOTES):
        j += 1
    start = j
    while j < len(folded) and j in covered and not (j > start and folded[j].startswith("و")):
        j += 1  # one subject: a list (X وY) is not split around
    if j == start or j - start > 6:
        return []
    while j < len(folded) and folded[j] in _QUOTES:
        j += 1
    found = []
    for _, first in strip_proclitic(folded[i]):
        for trig in lex.by_first.get(first, ()):
            if len(trig.words) > 1 and not trig.overlap and _rest_matches(trig.words[1:], folded, j):
                found.append((replace(trig, gap=(start, j)), j + len(trig.words) - 1))
    return found


def _dated_triggers(lex: _Lexicon, folded: list[str], i: int) -> list[tuple[_Trigger, int]]:
    """A phrase trigger whose verb is followed by a year before the rest of the phrase (وكانت «X» قد تأسست عام 2020
    على يد …): the year is skipped, and the subject is looked for as if the phrase were whole."""
    j = i + 1
    if j < len(folded) and folded[j] in _YEAR_WORDS:
        j += 1
    if not (j < len(folded) and len(folded[j]) == 4 and folded[j].isdigit()):
        return []
    j += 1
    found = []
    for _, first in strip_proclitic(folded[i]):
        for trig in lex.by_first.get(first, ()):
            if len(trig.words) > 1 and not trig.overlap and _rest_matches(trig.words[1:], folded, j):
                found.append((trig, j + len(trig.words) - 1))
    return found


def _duration_triggers(lex: _Lexicon, folded: list[str], i: int, covered: set[int]) -> list[tuple[_Trigger, int]]:
    """A phrase trigger whose verb is followed by a duration before its preposition (عمل سبع سنوات في X، أمضى أكثر من
    عقد مهندسا في X): the duration, and one accusative role after it, are skipped."""
    j = i + 1
    while j < len(folded) and j - i <= 4 and folded[j] not in _DURATION_UNITS:
        if not (folded[j].isdigit() or folded[j] in _DURATION_WORDS):
            return []
        j += 1
    if j >= len(folded) or folded[j] not in _DURATION_UNITS or j == i + 1 and folded[j] not in ("عقد", "عامين", "سنتين"):
        return []
    j += 1
    if j < len(folded) and folded[j].endswith("ا") and j not in covered and folded[j] not in ("في", "لدي"):
        j += 1  # مصمما، مهندسا: the role held there
    found = []
    for _, first in strip_proclitic(folded[i]):
        for trig in lex.by_first.get(first, ()):
            if len(trig.words) == 2 and trig.words[1] in ("في", "لدي") and _rest_matches(trig.words[1:], folded, j):
                found.append((trig, j + 1))
    return found


def _lemma_triggers(lex: _Lexicon, folded: list[str], i: int) -> list[tuple[_Trigger, int]]:
    """One-word triggers that share the lemma of the word at ``i`` (with a proclitic removed); a pronoun suffix on
    the word makes the trigger refer back to the salient party."""
    for _, rest in strip_proclitic(folded[i])[:3]:
        triggers = lex.by_lemma.get(lemma(rest)) if len(rest) >= 4 else None
        if not triggers and rest.endswith("ت") and len(rest) >= 5:
            triggers = lex.by_lemma.get(lemma(rest[:-1]))  # نافست: a perfect whose first letter looks like a prefix
        # مؤسسة (an institution) is not مؤسس (a founder): a final ه (teh marbuta, folded) must agree
        suffixed = rest.endswith(("ها", "هم", "هما"))
        triggers = [t for t in triggers or () if (t.words[0].endswith("ه") == rest.endswith("ه") or suffixed)
                    and (suffixed or rest.endswith("ه") or not t.pronoun)]  # سيارتها (its car) is not سيارة
        if triggers:
            pronoun = rest.endswith(_PRONOUN_SUFFIXES) and not rest.endswith("ه") or rest.endswith(("هما", "هم"))
            return [(replace(t, pronoun=t.pronoun or pronoun), i + 1) for t in triggers]
    return []


def _rest_matches(words: tuple[str, ...], folded: list[str], i: int) -> bool:
    for k, word in enumerate(words):
        if i + k >= len(folded):
            return False
        token = folded[i + k]
        if word in ("ل", "ب") and k == len(words) - 1:
            if token != word and not token.startswith(word):
                return False
        elif token != word:
            return False
    return True


class _Context:
    """One trigger occurrence in one sentence: fills the frames' slots."""

    def __init__(self, sentence, tokens, folded, ms, salience, lex, quantities, table_start: int | None) -> None:
        self.sentence = sentence
        self.table_start = table_start
        self.trigger: _Trigger | None = None
        self.trigger_end = 0
        self.tokens = tokens
        self.folded = folded
        self.ms = ms
        self.salience = salience
        self.lex = lex
        self.quantities = quantities
        self.denial_at = next((k for k, (w, nxt) in enumerate(zip(folded, folded[1:]))
                               if nxt in _THAT and strip_proclitic(w)[-1][1] in _DENIAL_VERBS), None)
        """Where the sentence denies what it told before (غير أن مصدرا نفى ذلك), or None."""

    def apply(self, trig: _Trigger, start: int, end: int, document: Document) -> list[Relation]:
        self.trigger_end = end
        self.trigger = trig
        if self._denied(start) or self._means_something_else(trig, start, end):
            return []
        head_types, tail_types = ALLOWED_TYPES[trig.relation]
        for frame in trig.frames:
            h_types = set(frame.get("head_types", head_types))
            t_types = set(frame.get("tail_types", tail_types))
            pairs = self._fill(frame, start, end, h_types, t_types)
            if pairs and trig.relation == "LEADS" and trig.role is None:
                pairs = [(h, t) for h, t in pairs if not self._staff_title_after(h)]  # عيّنت X مديرة مالية
            if pairs and trig.relation in ("ACQUIRED", "INVESTED_IN"):
                pairs = [(h, self._stake_target(t, t_types)) for h, t in pairs]
                pairs = [(h, t) for h, t in pairs if h.entity.id != t.entity.id]
            if pairs:
                return [self._relation(trig, frame, h, t, start, end, document) for h, t in pairs]
        pair = self._dual_pair(start, end) if trig.relation in SYMMETRIC_RELATIONS and trig.reciprocal else None
        if pair:
            return [self._relation(trig, {"confidence": 0.6}, *pair, start, end, document)]
        return []

    def _means_something_else(self, trig: _Trigger, start: int, end: int) -> bool:
        """True when the trigger's words state another thing here: a stake bought is no custom, units bought are no
        company, a deal led or a kind of bank is no investment, a form of address is no job (وقال المهندس فهد), merged
        systems are no merger."""
        return trig.relation == "CUSTOMER_OF" and self._buys_a_stake(end) \
            or trig.relation == "ACQUIRED" and self._buys_units(end) \
            or trig.relation == "INVESTED_IN" and (self._leads_a_deal(start) or self._names_a_kind(start)
                                                   or self._led_by_a_title(start, end)) \
            or trig.words[0] in _HONORIFICS and any(m.start == end and m.type == "PERSON" for m in self.ms) \
            or trig.relation == "MERGED_WITH" and self._merges_things(end)

    def _leads_a_deal(self, start: int) -> bool:
        """True when a verb of leading at ``start`` leads a deal or a consortium, not a funding round (في صفقة قادها
        X، تحالف بقيادة X): the noun just before it is a deal's."""
        if not self._lead_verb_at(start):
            return False
        before = [rest for k in range(max(0, start - 2), start) for _, rest in strip_proclitic(self.folded[k])[:2]]
        return any(w in _DEAL_NOUNS for w in before) and not any(w in self.lex.round_words for w in before)

    def _led_by_a_title(self, start: int, end: int) -> bool:
        """True when a verb of leading is followed by a person's title (الفريق الإداري بقيادة الرئيس التنفيذي X): a
        team led by its officer, not a funding round led by an investor."""
        if not self._lead_verb_at(start):
            return False
        titles = load_cues().person_titles
        return any(" ".join(self.folded[end : end + n]) in titles for n in (1, 2, 3))

    def _staff_title_after(self, person: _M) -> bool:
        """True when a staff title (not a head's) follows an appointed person (عيّنت X مديرة مالية، مستشارا): the
        appointment makes an employee, not a leader."""
        k = person.end
        while k < len(self.tokens) and self.tokens[k].text in _QUOTES | {"،", ","}:
            k += 1
        return k < len(self.tokens) and any(t.relation == "WORKS_FOR" for t, _ in _triggers_at(self.lex, self.folded, k, set(), False))

    def _merges_things(self, end: int) -> bool:
        """True when an ordinary noun follows a merger word (دمج أنظمة التقييم، دمج العمليات): systems or operations
        are merged, not companies."""
        if end >= len(self.folded) or any(m.start == end for m in self.ms) or self.tokens[end].text in _QUOTES:
            return False
        word = self.folded[end]
        return self.trigger.words[-1] in _MERGE_NOUNS and known_word(word) and not _is_head(word) \
            and self._definite_at(end, end) is None and word not in self.lex.duals

    def _names_a_kind(self, start: int) -> bool:
        """True when a head noun or a department noun stands right before the trigger (بنك الاستثمار، إدارة
        الاستثمارات): the words name a kind of organization or a unit, not an investment."""
        return start >= 1 and (_is_head(self.folded[start - 1])
                               or strip_proclitic(self.folded[start - 1])[-1][1] in load_cues().department_nouns)

    def _buys_units(self, end: int) -> bool:
        """True when a count follows the trigger (لشراء 40 طائرة، شراء 500 سيارة): goods are bought, not a company."""
        if end >= len(self.tokens) or self.tokens[end].kind != "num":
            return False
        at = self.tokens[end].start
        return not any(q.kind in ("percent", "money") and q.start <= at < q.end for q in self.quantities)

    def _buys_a_stake(self, end: int) -> bool:
        """True when what is bought right after the trigger is a share of a company (تشتري 30% من X، تشتري حصة في X):
        an investment, not a purchase of the seller's products."""
        after = range(end, min(end + 3, len(self.tokens)))
        if not after:
            return False
        lo, hi = self.tokens[end - 1].end, self.tokens[after[-1]].end
        percent = any(q.kind == "percent" and lo <= q.start < hi for q in self.quantities)
        shares = _STAKE_WORDS | {"اسهم"}
        return percent or any(rest in shares for k in after for _, rest in strip_proclitic(self.folded[k])[:2])

    def _sells_the_stake(self, m: "_M") -> bool:
        """True for a name after the trigger, a known stake and من (تشتري X الحصة من Y، شراء حصتها من عدد من المساهمين
        ومن Y): the seller of the stake, not what is bought."""
        if m.sentence != self.sentence.index or m.start < self.trigger_end:
            return False
        for k in range(self.trigger_end, m.start - 1):  # (حصة من X, indefinite, is a stake of X: X is bought)
            if self.folded[k + 1] == "من" and any(rest in _KNOWN_STAKES for _, rest in strip_proclitic(self.folded[k])[:2]):
                return True
        return False

    def _stake_target(self, tail: "_M", types: set[str]) -> "_M":
        """حصة X في Y: a stake named by its holder X is a stake in Y, and Y is what the deal is about (استحوذ على حصة
        أرامكو في سابك: the buyer acquires in سابك, from أرامكو)."""
        if tail.sentence != self.sentence.index:
            return tail
        k = self._name_opening(tail.start)
        before = {rest for _, rest in strip_proclitic(self.folded[k - 1])[:2]} if k > 0 else set()
        if not before & _STAKE_WORDS:
            return tail
        after = self.folded[tail.end : tail.end + 1]
        if after != ["في"]:
            return tail
        target = next((m for m in self.ms if tail.end < m.start <= tail.end + 3 and m.type in types), None)
        return target or tail

    def _dual_subject(self, start: int, end: int) -> tuple["_M", "_M"] | None:
        """The two organizations a dual subject stands for: a dual right before the trigger (وتواجه الشركتان منافسة،
        أسندت الشركتان) or the dual pronoun on it (منافستهما، شراكتهما), when no name stands between."""
        before = range(max(0, start - 2), start)
        dual_word = any(rest in self.lex.duals for k in before for _, rest in strip_proclitic(self.folded[k])[:2]
                        if not any(m.start <= k < m.end for m in self.ms))
        if not (dual_word or self.folded[end - 1].endswith("هما")):
            return None
        return self._salient_two(start)

    def _dual_pair(self, start: int, end: int) -> tuple["_M", "_M"] | None:
        """وقعت الشركتان اتفاقية: a dual (الشركتان، البنكين، الطرفان) near a symmetric trigger stands for the two
        organizations the article was just about."""
        near = self.folded[max(0, start - 4) : end + 4]
        if not any(rest in self.lex.duals for w in near for _, rest in strip_proclitic(w)[:2]):
            return None
        return self._salient_two(start)

    def _salient_two(self, start: int) -> tuple["_M", "_M"] | None:
        """The two organizations the article is most about before token ``start``, or None."""
        first = self.salience.best({"ORG"}, self.sentence.index, start, set())
        if first is None:
            return None
        second = self.salience.best({"ORG"}, self.sentence.index, start, {first.entity.id})
        return (first, second) if second is not None else None

    # -- slots -----------------------------------------------------------------------------
    def _fill(self, frame, start, end, h_types, t_types) -> list[tuple[_M, _M]]:
        window = frame.get("window", _DEFAULT_WINDOW)
        if frame.get("pair") in ("coord-before", "coord-after"):
            if frame["pair"] == "coord-before":
                group = self._coord_group_before(start, h_types)
            else:
                first = self._after(end, h_types, frame.get("window", 2), set(), False)
                group = self._extend_list(first[0], h_types) if first else []
            return [(a, b) for n, a in enumerate(group) for b in group[n + 1 :] if a.entity.id != b.entity.id]
        adjacent = frame.get("adjacent", False)
        tail_window = frame.get("tail_window", window)
        if frame["head"] == "next":  # tail first: عملاء X: Y و Z
            tails = self._slot(frame["tail"], start, end, t_types, tail_window, set(), adjacent)
            if not tails:
                return []
            heads = self._after(tails[0].end, h_types, window, {tails[0].entity.id}, False)
        else:
            dual = self._dual_subject(start, end) if frame["head"] in ("before", "salient", "subject") else None
            if dual is not None and "ORG" in h_types:  # وتواجه الشركتان منافسة من X، منافستهما مع X: each of the two
                tails = self._slot(frame["tail"], start, end, t_types, tail_window, {m.entity.id for m in dual}, adjacent)
                if tails:
                    return [(h, t) for h in dual for t in tails[:1]]
            heads = self._slot(frame["head"], start, end, h_types, window, set(), adjacent)
            if not heads and frame["head"] == "before" and (self.trigger.role == "title" or self.trigger.relation == "FOUNDED"):
                heads = self._title_chain_holder(start)  # الرئيس التنفيذي لـX ومؤسس Y
            if not heads:
                return []
            spec = frame["tail"]
            if spec == "next":  # verb, subject (or a list of them), object
                if self._nominal(start) and not frame["head"].startswith("prep:"):
                    return []  # (المنافسة بين X وY: the noun's two parties follow it)
                subject = self._name_right_before(start, h_types)
                if subject is not None:  # وكانت X قد أسست Y (or الناقلة): X is the subject, what follows the verb its object
                    return [(subject, heads[0])] if heads[0].type in t_types and subject.entity.id != heads[0].entity.id else []
                subjects = self._extend_list(heads[0], h_types) if frame.get("list") in ("head", "both") else heads
                tails = self._after(subjects[-1].end, t_types, tail_window, {m.entity.id for m in subjects}, False)
            else:
                tails = self._slot(spec, start, end, t_types, tail_window, {heads[0].entity.id}, adjacent)
        if not heads or not tails:
            return []
        if self.trigger.relation in ("ACQUIRED", "INVESTED_IN", "CUSTOMER_OF"):
            # تشتري X الحصة من Y: Y sells the stake; قادت X جولة التمويل بمشاركة Y: X invests, it is not funded
            tails = [t for t in tails if not (self._sells_the_stake(t)
                                              or self.trigger.relation == "INVESTED_IN" and self._leads_round(t))]
            if not tails:
                return []
        if self._each_of(heads[0]):  # استثمرت كل من X وY: each of a list
            heads = self._extend_list(heads[0], h_types)
        if self._each_of(tails[0]):
            tails = self._extend_list(tails[0], t_types)
        listed = frame.get("list")
        if listed in (True, "tail", "both") and frame["tail"] not in ("salient", "before") or self._after_dual(tails[0]):
            tails = self._extend_list(tails[0], t_types)  # لشركتي «X» و«Y»: a dual head names two
        if listed in ("head", "both") or listed is True and frame["tail"] in ("salient", "before"):
            if frame["head"] not in ("salient", "before"):
                heads = self._extend_list(heads[0], h_types)
        if frame.get("list_head") and frame["head"] == "before":
            heads = self._extend_list_back(heads[0], h_types)
        elif frame["head"] == "before" and len(heads) == 1:
            group = self._extend_list_back(heads[0], h_types)
            if len(group) > 1 and self._after_dual(group[0]):
                heads = group  # تقدمت شركتا «X» و«Y» بعرض للاستحواذ على Z: each of the two
        return [(h, t) for h in heads for t in tails if h.entity.id != t.entity.id]

    def _title_chain_holder(self, start: int) -> list[_M]:
        """The person a chain of titles describes, for a title joined to the chain by و (سلطان الجابر، وزير الصناعة
        والرئيس التنفيذي لمجموعة أدنوك): the nearest person before it with no other person, clause or sentence
        break between, at most 16 tokens back."""
        if not self.folded[start].startswith("و"):
            return []
        for m in reversed(self.ms):
            if m.end > start or m.sentence != self.sentence.index:
                continue
            if start - m.end > 16 or any(self.folded[k] in _CLAUSE_BREAKS for k in range(m.end, start)):
                return []
            if m.type == "PERSON":
                return [m] if m.end < len(self.tokens) and self.tokens[m.end].text in ("،", ",") else []
        return []

    def _leads_round(self, m: _M) -> bool:
        """True when the mention is the subject of a verb of leading (قادت X، يقود صندوق X): a round's lead investor."""
        if m.sentence != self.sentence.index:
            return False
        k = self._name_opening(m.start)
        if k > 1 and any(rest in self.lex.round_words for _, rest in strip_proclitic(self.folded[k - 1])[:2]):
            k -= 1  # قادت الجولة «X»: the verb, its object, then its subject
        return k > 0 and self._lead_verb_at(k - 1)

    def _each_of(self, m: _M) -> bool:
        """True when ``كل من`` (each of) introduces the mention: it opens a list of parties."""
        if m.sentence != self.sentence.index:
            return False
        k = self._name_opening(m.start)
        return k >= 2 and self.folded[k - 1] == "من" and self.folded[k - 2] in ("كل", "لكل", "بكل")

    def _conjoined_verb(self, start: int) -> bool:
        """True when the trigger opens, or follows within three words, a verb joined by و after a comma or after a name
        a preposition governs (…، وأبرمت العام الماضي اتفاقية مع; عقداً مع X وتتحالف مع): the verb's subject, left
        unwritten, is the subject of the clause before."""
        for k in range(start, max(0, start - 4), -1):
            word = self.folded[k]
            if any(m.start <= k < m.end for m in self.ms) or self.tokens[k].kind != "ar":
                return False
            verb = word[1:2] in ("ا", "ت", "ي") or word.endswith("ت") and not word.endswith("ات")  # وأبرمت، ووقعت
            j = k
            while j > 0 and self.tokens[j - 1].text in _QUOTES:
                j -= 1  # مع «نوكيا» وتتحالف: the closing quote of the governed name
            after_clause = self.tokens[k - 1].text in ("،", ",") or any(m.end == j and self._governed(m) for m in self.ms)
            if k > 0 and after_clause and word.startswith("و") and len(word) >= 4 and verb \
                    and not word[1:].startswith("ال") and not _is_head(word[1:]):
                return True
        return False

    def _nominal(self, start: int) -> bool:
        """True when the trigger word is a verbal noun after a preposition or with the article (لمنافسة، المنافسة):
        the name after it is its object, never a subject standing between verb and object (تنافس X شركة Y)."""
        word, listed = self.folded[start], self.trigger.words[0]
        return any(word.startswith(p) and not listed.startswith(p) for p in ("ل", "ب", "ال"))

    def _slot(self, spec: str, start: int, end: int, types: set[str], window: int, exclude: set[str], adjacent: bool) -> list[_M]:
        if spec == "after" and "PERSON" not in types and self.trigger.relation in ("LEADS", "WORKS_FOR") \
                and self._definite_subject_after(start, end):
            d = self._definite_ref(types, exclude, start, end)  # عيّنت الشركة X مديرة مالية: the company hires
            return [d] if d else []
        if spec == "after":
            if "PERSON" in types and self._held_post(start):
                return []  # التي تشغل منصب الرئيسة التنفيذية، وY: the post is the person's before it, not Y's
            if self.trigger.relation in ("LEADS", "WORKS_FOR"):
                end = self._past_a_department(end)  # المدير التنفيذي في إدارة الاستثمارات الخليجية لدى X
            return self._after(end, types, window, exclude, adjacent)
        if spec in ("before", "salient", "subject") and self.trigger.gap is not None:
            inside = [m for m in self.ms if self.trigger.gap[0] <= m.start < self.trigger.gap[1] and m.type in types
                      and m.entity.id not in exclude]
            definite = self._definite_at(*self.trigger.gap, ungoverned=True) if not inside and "ORG" in types else None
            if definite is not None:  # تأسست الشركة الناشئة عام 2021 على يد …: the company the article is about
                d = self._definite_ref(types, exclude, start, definite)
                return [d] if d else []
            return inside[:1]  # the subject inside the phrase (تأسست شركة X على يد …)
        if spec == "before" and self._definite_subject_after(start, end):
            d = self._definite_ref(types, exclude, start, end)  # عيّنت الشركة X، استحوذت المجموعة على Y
            return [d] if d else []
        if spec == "before" and end < len(self.folded) and self.folded[end] in _UNDER_WHICH:
            subjects = self._clause_subjects(start, types, exclude)
            if subjects:
                return subjects[:1]  # أعلنت X عن شراكة مع Y تستثمر بموجبها …: the clause's subject, not Y
        if spec == "before":
            if start > 0 and self.folded[start - 1] in _PRONOUN_SUBJECTS:  # قالت الشركة إنها ستستحوذ …
                m = self.salience.best(types, self.sentence.index, start, exclude)
                return [m] if m else []
            if self._conjoined_verb(start):  # تملك X ذراعا باسم «Y»، وأبرمت اتفاقية مع Z: X signed, not Y
                first = next((m for m in self.ms if m.sentence == self.sentence.index), None)
                if first is not None and first in self._clause_subjects(start, types, exclude):
                    return [first]
            return self._before(start, types, window, exclude, adjacent)
        if spec.startswith("prep:"):
            return self._after_prep(fold(spec[5:]), end, types, _DEFAULT_WINDOW, exclude)
        if spec == "object":
            return self._object(end, types, window, exclude)
        if spec == "round":
            return self._round_recipient(end, types, exclude)
        if spec == "funded":
            funded = self._funded(start, types, exclude)
            return [funded] if funded else self._round_raiser(start, types, exclude)
        if spec == "subject":  # the sentence's first organization not governed by a preposition (جمعت شركة X …)
            subjects = [m for m in self.ms if m.type in types and m.entity.id not in exclude and m.start < start
                        and not self._governed(m) and not self._is_modifier(m)]
            return subjects[:1]
        if spec == "salient":
            described = _head_noun(self.folded[end]) if self._definite_at(end, end) is not None else None
            if described:  # الرئيس التنفيذي للمجموعة: the group the article named with مجموعة
                m = self.salience.best(types, self.sentence.index, start, exclude, described)
                if m and described in self.salience.heads.get(m.entity.id, ()):
                    return [m]
            near = self._before(start, types, _DEFAULT_WINDOW, exclude, False, prefer_agents=not self.trigger.pronoun)
            subject = self._definite_at(0, start, ungoverned=True)
            if near and (subject is None or near[0].start > subject):
                return near
            if self.table_start is not None:  # a table row's implicit subject comes from the text before the table
                m = self.salience.best(types, self.table_start, 0, exclude)
            else:
                m = self.salience.best(types, self.sentence.index, start, exclude)
            return [m] if m else []
        raise ValueError(f"unknown slot {spec!r} in lexicons/relations.json")

    def _clause_subjects(self, start: int, types: set[str], exclude: set[str]) -> list[_M]:
        """The mentions of this sentence before token ``start`` that can be a verb's subject: of a fitting type, not
        excluded, governed by no preposition and describing no noun."""
        return [m for m in self.ms if m.sentence == self.sentence.index and m.start < start and m.type in types
                and m.entity.id not in exclude and not self._governed(m) and not self._is_modifier(m)]

    def _after_dual(self, m: _M) -> bool:
        """True when a dual head noun stands right before mention ``m`` (الرئيس التنفيذي لشركتي «X» و«Y»)."""
        if m.sentence != self.sentence.index:
            return False
        k = m.start
        while k > 0 and self.tokens[k - 1].text in _QUOTES:
            k -= 1
        return k > 0 and any(rest in self.lex.dual_heads for _, rest in strip_proclitic(self.folded[k - 1])[:2])

    def _funded(self, start: int, types: set[str], exclude: set[str]) -> _M | None:
        """The organization a funding round before token ``start`` goes to: the first one governed by a preposition
        after the last round word (قاد X جولة تمويل بقيمة … في «Y» بمشاركة …), never one that leads the round
        (قادها صندوق «X» (X) بمشاركة …), or None."""
        rounds = [k for k in range(max(0, start - _ROUND_REACH), start)
                  if any(rest in self.lex.round_words for _, rest in strip_proclitic(self.folded[k])[:2])]
        if not rounds:
            return None
        leaders = self._round_leaders()
        return next((m for m in self.ms if rounds[-1] < m.start < start and m.type in types
                     and m.entity.id not in exclude | leaders and not self._is_modifier(m)
                     and (self._governed(m) or self._raised_it(m))), None)

    def _round_raiser(self, start: int, types: set[str], exclude: set[str]) -> list[_M]:
        """The company that raised the round a trigger at ``start`` joins, when no preposition names it: the
        clause's subject, never the round's lead investor (جمعت شركة X تمويلا قادته «Y»، بمشاركة «Z»), or the company a
        definite subject of a verb of raising stands for (وكانت المنصة قد جمعت تمويلا قادته «Y»)."""
        leaders = self._round_leaders()
        subject = self._slot("subject", start, start, types, 0, exclude | leaders, False)
        definite = self._definite_at(0, start, ungoverned=True) if not subject else None
        if definite is not None and any(self.folded[k] in _RAISE_VERBS for k in range(max(0, definite - 2), definite + 4)):
            d = self._definite_ref(types, exclude | leaders, start, definite)
            return [d] if d else []
        if not subject and self._the_round_before(start):  # وقادت الجولة «X»، بمشاركة «Y»: the round the article told of
            m = self.salience.best(types & {"ORG"}, self.sentence.index, start, exclude | leaders)
            return [m] if m else []
        return subject

    def _round_leaders(self) -> set[str]:
        """The entities that lead a funding round in this sentence (قادت X، بقيادة X)."""
        return {m.entity.id for m in self.ms if m.sentence == self.sentence.index and self._leads_round(m)}

    def _the_round_before(self, start: int) -> bool:
        """True when a definite round word (الجولة) stands in the clause before token ``start``."""
        return any(self.folded[k] in ("الجوله", "والجوله") for k in range(max(0, start - 8), start))

    def _object(self, end: int, types: set[str], window: int, exclude: set[str]) -> list[_M]:
        """The object of a verb: the first fitting mention after it, or in verb–subject–object order (باعت X شركة
        Y لـZ) the second one, when a bare name stands right after the verb and another bare one follows it."""
        bare = [m for m in self.ms if 0 <= m.start - end <= 12 and not self._governed(m) and not self._is_modifier(m)]
        if len(bare) >= 2 and bare[0].start - end <= 2 and bare[1].type in types and bare[1].entity.id not in exclude:
            return [bare[1]]
        return self._after(end, types, window, exclude, False)

    def _round_recipient(self, end: int, types: set[str], exclude: set[str]) -> list[_M]:
        """The organization the round a trigger names goes to: after the trigger, the first one right after the round
        words (جولة تمويل شركة X), governed by a preposition (في X) or raising it (التي جمعتها X), within 20 tokens;
        a round's lead investor (قادتها X) is not it."""
        for m in self.ms:
            if m.start < end or m.type not in types or m.entity.id in exclude:
                continue
            if m.start - end > 20 or any(self.folded[k] in _CLAUSE_BREAKS | _PARTICIPATION for k in range(end, m.start)):
                break  # بمشاركة X: the round's other investors, never the company it went to
            genitive = all(_is_head(w) or w in self.lex.round_words or self.tokens[end + j].text in _QUOTES
                           for j, w in enumerate(self.folded[end : m.start]))
            k = self._name_opening(m.start, floor=end)  # في شركة «X»، لمنصة «X»
            attached = k < m.start and self.folded[k][:1] in ("ل", "ب") and _head_noun(self.folded[k]) is not None \
                and not self.folded[k].startswith("ال")
            governed = k > end and self.folded[k - 1] in self.lex.prepositions or attached or self._governed(m)
            if (genitive or governed or self._raised_it(m)) and not self._leads_round(m):
                return [m]
        return []

    def _raised_it(self, m: _M) -> bool:
        """True when a verb of raising with an object pronoun stands just before the mention (الجولة التي جمعتها
        «X»): X is the company the round went to."""
        k = self._name_opening(m.start)
        return k > 0 and any(rest in _RAISED_IT for _, rest in strip_proclitic(self.folded[k - 1])[:2])

    def _after(self, end, types, window, exclude, adjacent) -> list[_M]:
        ms = self.ms
        own = self.trigger.words[-1] in ("ل", "ب") and not any(m.start == end for m in ms)
        if own and self._definite_at(end, end) is not None:  # رئيسا تنفيذيا للمجموعة: its own preposition's noun
            d = self._definite_ref(types, exclude, end, end)
            return [d] if d else []
        for n, m in enumerate(ms):
            if m.start < end:
                continue
            if (self._gap(end, m.start) if adjacent else m.start - end) > (0 if adjacent else window):
                break
            if any(self.folded[k] in _CLAUSE_BREAKS for k in range(end, m.start)):
                break  # a reported clause (قال X إن …) is not this trigger's argument
            definite = self._definite_at(end, m.start, ungoverned=True) if "ORG" in types else None
            if definite is not None and m.start > definite + 1:  # أسست الشركة عام 2021 نورة …: the object is the company
                d = self._definite_ref(types, exclude, end, definite)
                return [d] if d else []
            if self._is_modifier(m):
                continue
            if m.type == "ORG" and "PERSON" in types and self._in_title_apposition(n):
                continue
            if m.type in types and m.entity.id not in exclude:
                return [m]
        limit = min(end + window, len(self.tokens) - 1)
        definite = self._definite_at(end, limit, ungoverned=True)
        d = self._definite_ref(types, exclude, end, definite) if definite is not None else None
        return [d] if d else []

    def _before(self, start, types, window, exclude, adjacent, prefer_agents: bool = True) -> list[_M]:
        fallback: list[_M] = []
        described = 0  # tokens of descriptions passed over (المملوكة لكل من X و Y): they do not count in the window
        for m in reversed(self.ms):
            if m.end > start:
                continue
            if m.type in types and m.entity.id not in exclude and self._relative_antecedent(m, start):
                return [m]  # خلفا لعمر الدباغ الذي استقال: the relative clause is about the name before it
            if (self._gap(m.end, start) if adjacent else start - m.end) > (0 if adjacent else window + described):
                break
            if not adjacent and self._is_modifier(m):
                described += m.end - m.start + 4
            if m.type not in types or m.entity.id in exclude:
                continue
            modifier = not adjacent and self._is_modifier(m)
            if adjacent or not prefer_agents and not modifier or not (self._governed(m) or modifier):
                return [m]  # an antecedent is never inside a description (شركة X، المملوكة لـY، … نموذجها: X)
            if not modifier or not prefer_agents:
                fallback = fallback or [m]
        return fallback

    def _definite_subject_after(self, start: int, end: int) -> bool:
        """True when a one-word verb trigger is followed by a definite description (عيّنت الشركة، استحوذت المجموعة):
        in verb-first order that description is the verb's subject."""
        if len(self.trigger.words) != 1 or end >= len(self.folded) or self._definite_at(end, end, ungoverned=True) != end:
            return False
        word = strip_proclitic(self.folded[start])[-1][1]
        return word[:1] in ("ت", "ي") or word.endswith("ت") and not word.endswith("ات") and len(word) >= 4

    def _name_right_before(self, start: int, types: set[str]) -> _M | None:
        """The name of ``types`` that ends just before the trigger at ``start``, قد and quote marks aside (وكانت X قد
        أسست), or None."""
        k = start
        while k > 0 and (self.folded[k - 1] in ("قد", "لقد") or self.tokens[k - 1].text in _QUOTES):
            k -= 1
        return next((m for m in self.ms if m.sentence == self.sentence.index and m.end == k and m.type in types), None)

    def _held_post(self, start: int) -> bool:
        """True when a verb of holding and منصب stand before the title at ``start``, or ``start`` is that منصب
        (يشغل منصب، تتولى منصب): the verb's subject, before it, holds the post."""
        k = start if self.folded[start] == "منصب" else start - 1
        return k >= 1 and self.folded[k] == "منصب" \
            and any(rest in _HOLD_VERBS for _, rest in strip_proclitic(self.folded[k - 1])[:2])

    def _relative_antecedent(self, m: _M, start: int) -> bool:
        """True when only a relative pronoun (after a comma), and قد or a verb of holding a post, stand between mention
        ``m`` and token ``start`` (X الذي استقال، X، التي تشغل منصب الرئيسة التنفيذية)."""
        gap = [w for k, w in zip(range(m.end, start), self.folded[m.end : start])
               if self.tokens[k].text not in _QUOTES and w not in ("،", ",")]
        return bool(gap) and gap[0] in _RELATIVES and (all(w == "قد" for w in gap[1:]) or self._held_post(start))

    def _gap(self, a: int, b: int) -> int:
        """Tokens between ``a`` and ``b`` other than quote marks: «iPhone 16» من «أبل» still touch their trigger."""
        return sum(1 for k in range(a, b) if self.tokens[k].text not in _QUOTES)

    def _name_opening(self, start: int, floor: int = 0, possessive: bool = False) -> int:
        """Where the words that open a name starting at token ``start`` begin: quote marks and head nouns before it
        (شركة «X»; with ``possessive`` also وحدتها «X») are passed over, not below ``floor``; the word before the
        returned token is the one that governs or introduces the name."""
        k = start
        while k > floor and (self.tokens[k - 1].text in _QUOTES or _is_head(self.folded[k - 1])
                             or possessive and _is_head(without_possessive(self.folded[k - 1]))):
            k -= 1
        return k

    def _governed(self, m: _M) -> bool:
        """True when a preposition governs the mention (في X، لـX): it is then rarely the agent."""
        k = self._name_opening(m.start, possessive=True)  # في شركة «X»، عبر تطبيقها «X»
        if k > 0 and self.folded[k - 1] in self.lex.prepositions:
            return True
        first = self.tokens[m.start]
        return first.start < m.mention.start and self.folded[m.start][:1] in ("ل", "ب")

    def _in_title_apposition(self, n: int) -> bool:
        """``الرئيس التنفيذي لشركة X، PERSON``: X describes the person who follows."""
        m = self.ms[n]
        if n + 1 >= len(self.ms) or self.ms[n + 1].type != "PERSON":
            return False
        between = self.folded[m.end : self.ms[n + 1].start]
        if any(w not in ("،", ",", "-", "ـ") and self.tokens[m.end + j].text not in _QUOTES for j, w in enumerate(between)):
            return False
        back = self.folded[max(0, m.start - 4) : m.start]
        return any(w in self.lex.title_words or w.lstrip("ل") in self.lex.title_words for w in back)

    def _after_prep(self, prep: str, end, types, window, exclude) -> list[_M]:
        if self.trigger.words[-1] == prep or self.trigger.words[-1].endswith(prep) and len(prep) > 1:
            # the trigger ends with the preposition (بالتعاون مع، حصتها في): the filler follows it, after at most a
            # head noun and quotes (بالتعاون مع شركة «X»)
            skip = end
            while skip < len(self.tokens) and skip - end < 3 and (
                self.tokens[skip].text in _QUOTES or _is_head(self.folded[skip])
            ):
                skip += 1
            found = self._after(skip, types, 1, exclude, False) or [
                m for m in self.ms if end <= m.start < skip < m.end and m.type in types and m.entity.id not in exclude
            ][:1]  # or a name that keeps its head noun (مع مجموعة نورينكو)
            if found:
                return found
        for k in range(end, min(end + window + 1, len(self.tokens))):
            word = self.folded[k]
            attached = len(prep) == 1 and word.startswith(prep) and word != prep
            if word in {prep + suffix for suffix in _PRONOUN_SUFFIXES}:
                d = self.salience.best(types, self.sentence.index, k, exclude)
                near = self._before(k, types, _DEFAULT_WINDOW, exclude, False)
                return near or ([d] if d else [])
            if word != prep and not attached and not (len(prep) > 1 and word in ("و" + prep, "ف" + prep)):
                continue
            if attached and self._governs_own_word(k):
                continue  # وحدتها للأغذية «X»: لـ on a line of business governs that word, not the name after it
            origin = k if attached else k + 1
            if self.folded[origin : origin + 2] == ["كل", "من"]:
                origin += 2  # تعود ملكيتها إلى كل من X وY
            skip = origin
            while skip < len(self.tokens) and skip - origin < 4 and not any(m.start == skip for m in self.ms) and (
                self.folded[skip].startswith("ال") or self.tokens[skip].text in _QUOTES or _is_head(self.folded[skip])
            ):
                skip += 1
            intro = next((j + 1 for j in range(origin, min(origin + 10, len(self.tokens))) if self.folded[j] in _LIST_INTRO), None)
            for m in self.ms:
                if m.start < origin:
                    continue
                near = m.start - origin <= 2 or m.start - skip <= 1
                listed = intro is not None and 0 <= m.start - intro <= 2
                if not (near or listed):
                    if intro is not None and m.start < intro:
                        continue
                    break
                if m.type in types and m.entity.id not in exclude and not self._is_modifier(m):
                    return [m]
            definite = self._definite_at(origin, origin + 1)
            if definite is not None:
                d = self._definite_ref(types, exclude, origin, definite)
                if d:
                    return [d]
        return []

    def _governs_own_word(self, k: int) -> bool:
        """True when token ``k`` is لـ on a definite ordinary noun, a line of business (للأغذية): no name starts there,
        and the noun is no head noun (للشركة «X») and no description of a company the article named (للمجموعة)."""
        return self.folded[k].startswith("لل") and not any(m.start == k for m in self.ms) \
            and not _is_head(self.folded[k]) and self._definite_at(k, k) is None

    def _definite_at(self, a: int, b: int, ungoverned: bool = False) -> int | None:
        """First definite description (الشركة، للشركة) in tokens a..b; with ``ungoverned``, none after a preposition."""
        for k in range(a, min(b + 1, len(self.tokens))):
            for clitic, rest in strip_proclitic(self.folded[k]):
                if rest in self.lex.definite and not any(m.start <= k < m.end for m in self.ms):
                    governed = self.folded[k][:1] in ("ل", "ب") and clitic or k > 0 and self.folded[k - 1] in self.lex.prepositions
                    if ungoverned and governed:
                        break
                    return k
        return None

    def _definite_ref(self, types, exclude, token, at: int | None = None) -> _M | None:
        """The entity a definite description refers to: the salient organization, one named with the description's
        head noun first (للمجموعة: the group named مجموعة X) when ``at`` (the description's token) is given."""
        head = _head_noun(self.folded[at]) if at is not None else None
        named = self._apposed_name(at, types & {"ORG"} if head else types, exclude) if at is not None else None
        country = _description_country(self.folded[at + 1 : at + 3]) if at is not None else frozenset()
        return named or self.salience.best(types & {"ORG"}, self.sentence.index, token, exclude, head, country)

    def _apposed_name(self, at: int, types, exclude) -> _M | None:
        """The name right after a definite description and its adjectives (فرع المجموعة الفرنسية «أورنج»): the
        description is its apposition, so it names that entity, whatever else the article made salient."""
        k = at + 1
        while k < len(self.folded) and k - at <= 3 and self.folded[k].startswith("ال") \
                and not any(m.start == k for m in self.ms):
            k += 1
        while k < len(self.tokens) and self.tokens[k].text in _QUOTES:
            k += 1
        return next((m for m in self.ms if m.sentence == self.sentence.index and m.start == k and m.type in types
                     and m.entity.id not in exclude), None)

    def _is_modifier(self, m: _M) -> bool:
        """A mention that describes the noun before it (التابعة لـX، يملكها X) is not the slot's filler."""
        if m.sentence != self.sentence.index:
            return False
        k, prev, prev_word = self._owner_context(m)
        owner_inside_trigger = k - 1 < self.trigger_end <= m.start
        if prev_word in self.lex.owner_words and not owner_inside_trigger:
            return True
        if prev == "في" and k >= 2 and self.folded[k - 2] in _LISTED:
            return True  # المدرجة في سوق دبي المالي: the exchange a company is listed on
        if prev in _SEAT_WORDS or prev == "في" and k >= 2 and self.folded[k - 2] in _SEAT_WORDS:
            return True  # ومقرها برشلونة، ومقرها في دبي: where a company sits
        if prev in ("كل", "من") and any(w == "لكل" for w in self.folded[max(0, k - 3) : k]):  # المملوكة لكل من X و Y
            owners = [j for j in range(max(0, k - 5), k) if self.folded[j] in self.lex.owner_words]
            if any(not (j < self.trigger_end <= m.start) for j in owners):
                return True
        earlier = [o for o in self.ms if o.end <= m.start]
        return bool(earlier) and self._coordinated(earlier[-1], m) and not self._closes_owner_clause(earlier[-1], m) \
            and self._is_modifier(earlier[-1])

    def _owner_context(self, m: _M) -> tuple[int, str, str]:
        """Where the name of ``m`` opens, the word before it, and the word before its preposition and any owner
        adverb (المملوكة بالكامل لشركة «X»: quotes and a head noun stand between the owner word and the mention)."""
        k = self._name_opening(m.start)
        prev = self.folded[k - 1] if k >= 1 else ""
        if self.tokens[m.start].start < m.mention.start:  # attached preposition: لـ inside the token
            prev_word = prev
        elif prev in ("لـ", "ل", "الى"):
            prev_word = self.folded[k - 2] if k >= 2 else ""
        else:
            prev_word = prev
        j = k - 2 if prev_word != prev else k - 1
        while prev_word in _OWNER_ADVERBS and j >= 1:  # المملوكة بالكامل لـX، المملوكة بأغلبيتها لـX
            j -= 1
            prev_word = self.folded[j]
        return k, prev, prev_word

    def _closes_owner_clause(self, owner: _M, m: _M) -> bool:
        """True when ``owner`` is named by an owner word (المملوكة لـY) and a comma stands between it and ``m``: the
        clause ends there, and ``m`` goes on with the list the clause interrupted."""
        return "،" in self.folded[owner.end : m.start] and self._owner_context(owner)[2] in self.lex.owner_words

    def _coordinated(self, a: _M, b: _M) -> bool:
        """True when mention ``b`` follows ``a`` in a list: only و، أو، commas and quotes between them."""
        gap = self.folded[a.end : b.start]
        money = {k for q in self.quantities if q.kind in ("money", "percent")
                 for k in range(a.end, b.start) if q.start <= self.tokens[k].start < q.end}
        gap = [w for k, w in zip(range(a.end, b.start), gap) if k not in money and w not in _PRICE_WORDS | _SHARE_WORDS]
        gap = [w for w in gap if w not in load_cues().gentilics]  # «نوفا» الإماراتية و«ومضة»: a nationality ends an item
        # مجموعة «سديم» وشركة «نوفالين»: a head noun may open the next item; وشريكته رنا: so may a partner
        gap = ["و" if w.startswith("و") and (_is_head(w[1:]) or w[1:] in _PARTNER_WORDS) else w for w in gap]
        if any(w not in _COORD_GAP_FOLDED for w in gap):
            return False
        joined = bool(gap) or self.tokens[b.start].text.startswith("و")
        return joined

    def _extend_list(self, first: _M, types: set[str]) -> list[_M]:
        out = [first]
        cur = first
        ms = [m for m in self.ms if m.start >= first.end]
        n = 0
        while n < len(ms):
            m = ms[n]
            if self._coordinated(cur, m) and m.type in types and not self._closes_owner_clause(cur, m):
                out.append(m)
                cur = m
            elif self.folded[cur.end : m.start] == ["من"] and n + 1 < len(ms) and self._coordinated(m, ms[n + 1]):
                cur = m  # ChatGPT من OpenAI و Claude: the complement is skipped, the list goes on
            elif m.start - cur.end <= 8 and n + 1 < len(ms) and ms[n + 1].type in types \
                    and self._coordinated(m, ms[n + 1]) and self._closes_owner_clause(m, ms[n + 1]):
                cur = ms[n + 1]  # X المملوكة لـY، وZ: the owner is skipped, the list of X goes on
                out.append(cur)
                n += 1
            else:
                break
            n += 1
        return out

    def _extend_list_back(self, last: _M, types: set[str]) -> list[_M]:
        out = [last]
        cur = last
        for m in reversed(self.ms):
            if m.end > cur.start or m is cur:
                continue
            if self._coordinated(m, cur) and m.type in types:
                out.insert(0, m)
                cur = m
            else:
                break
        return out

    def _coord_group_before(self, start: int, types: set[str]) -> list[_M]:
        before = [m for m in self.ms if m.end <= start and m.type in types]
        if not before:
            return []
        return self._extend_list_back(before[-1], types)

    def classified(self, relation: str, h: "_M", t: "_M", start: int, end: int, probability: float,
                   document: Document) -> Relation:
        """The relation the model found between ``h`` and ``t`` (tokens ``start``..``end``), with its attributes."""
        trig = _Trigger(tuple(self.folded[start:end]), relation, None, ())
        self.trigger, self.trigger_end = trig, end
        return self._relation(trig, {"confidence": probability}, h, t, start, end, document)

    # -- attributes ------------------------------------------------------------------------
    def _denied(self, start: int) -> bool:
        lex = self.lex
        anys = [k for k in range(max(0, start - 6), start) if self.tokens[k].text in _ANY]
        if anys and any(w in lex.deny_near for w in self.folded[max(0, anys[0] - 4) : anys[0]]):
            return True  # لم تتقدم بأي عرض لشراء X، لا تعتزم الدخول في أي تحالف مع X
        near = self.folded[max(0, start - lex.deny_near_window) : start]
        scope = self.folded[max(0, start - lex.deny_scope_window) : start]
        if self.denial_at is not None and self.denial_at >= start:
            return True  # يدرس شراء حصة في X، غير أن مصدرا نفى ذلك: the fact is denied after it is told
        return any(w in lex.deny_near for w in near) or any(
            rest in lex.deny_scope for w in scope for _, rest in strip_proclitic(w)[:2]
        )

    def _status(self) -> str | None:
        for w in self.folded:
            for _, rest in strip_proclitic(w)[:2]:
                if rest in self.lex.hedge:
                    return self.lex.hedge[rest]
        return None

    def _relation(self, trig: _Trigger, frame: dict, h: _M, t: _M, start: int, end: int, document: Document) -> Relation:
        confidence = float(frame.get("confidence", 0.5))
        attrs: dict[str, Any] = {}
        if trig.relation in STATUS_RELATIONS:
            status = self._status()
            if status:
                attrs["status"] = status
                if status in ("talks", "proposed"):
                    confidence *= self.lex.hedge_confidence
        if trig.relation in PRICED_RELATIONS and not trig.no_amount:
            attrs.update(self._money(start, end, t))
            stake = self._stake(t)
            if stake is not None and trig.relation in ("ACQUIRED", "INVESTED_IN"):
                attrs["stake_percent"] = stake
        if trig.role == "title":
            attrs["role"] = self.lex.roles.get(" ".join(trig.words)) or " ".join(
                self.tokens[k].text for k in range(start, min(end, len(self.tokens)))
            )
        dates = [q for q in self.quantities if q.kind == "date" and q.iso]
        if dates and trig.relation in DATED_RELATIONS:
            attrs["date"] = dates[0].iso
        trigger_text = self.sentence.text[self.tokens[start].start - self.sentence.start : self.tokens[end - 1].end - self.sentence.start]
        evidence = Evidence(
            document=document.id,
            sentence=self.sentence.text,
            start=self.sentence.start,
            end=self.sentence.end,
            trigger=trigger_text,
            date=document.date,
            title=document.title,
        )
        relation = trig.relation
        if relation == "INVESTED_IN" and (attrs.get("stake_percent", 0) > 50 or self._controlling(start, t)):
            relation = "ACQUIRED"  # a controlling or majority stake is an acquisition (GUIDELINES)
        elif relation == "ACQUIRED" and self._minority_stake(end, t) and not self._controlling(start, t):
            relation = "INVESTED_IN"  # buying a minority stake is an investment (GUIDELINES)
        if relation == "LEADS" and trig.role == "title" and self._heads_a_function(end, t):
            relation = "WORKS_FOR"  # مدير المنتجات في X، المديرة التنفيذية لقطاع البنية التحتية في X: below the top
        if relation == "PART_OF" and h.entity.type == "PRODUCT":
            relation = "PRODUCT_OF"  # منصة «X» التابعة لشركة Y: a product belongs to its maker
        return Relation(
            head=h.entity.id,
            tail=t.entity.id,
            relation=relation,
            head_mention=h.mention.id,
            tail_mention=t.mention.id,
            confidence=round(min(confidence, 1.0), 3),
            evidence=(evidence,),
            **attrs,
        )

    def _past_a_department(self, end: int) -> int:
        """The token after a department a title names with في (المدير الأول في إدارة الاستثمارات الأوروبية لدى X):
        the في or لدى before the company; ``end`` itself when no department follows the title."""
        k = end + 1
        if end + 1 >= len(self.folded) or self.folded[end] != "في" or not self._department(self.folded[end + 1]):
            return end
        while k < len(self.folded) and k - end <= 6 and self.tokens[k].kind == "ar" and self.folded[k] not in ("في", "لدي"):
            k += 1
        return k if k < len(self.folded) and self.folded[k] in ("في", "لدي") else end

    @staticmethod
    def _department(word: str) -> bool:
        """True for a part or function of an organization (إدارة، لقطاع، الأبحاث): ``department_nouns`` in cues.json."""
        return any((rest[2:] if rest.startswith("ال") else rest) in load_cues().department_nouns
                   for _, rest in strip_proclitic(word)[:2])

    def _heads_a_function(self, end: int, tail: _M) -> bool:
        """True when a title's own complement is a function or a part of the company, and the company follows with
        في or لدى (مديرا للمنتجات في X، المدير العام المكلف بالشبكات في X، رئيس قطاع الأفراد لدى X): its holder
        works for the company below its head."""
        if tail.sentence != self.sentence.index or tail.start <= end:
            return False
        k = self._name_opening(tail.start, floor=end)
        between = self.folded[end:k]
        if len(between) < 2 or between[-1] not in ("في", "لدي"):
            return False
        first = between[1] if between[0] == "في" else between[0]  # المدير التنفيذي في إدارة الاستثمارات لدى X
        department = self._department(first)  # رئيس إدارة الأبحاث في X، رئيس أبحاث الأسهم في X
        return first in _CHARGED or department or first[:1] in ("ل", "ب") and first != "لدي" and _head_noun(first) is None

    def _minority_stake(self, end: int, tail: _M) -> bool:
        """True when a percentage under 50, or a stake of no stated size, stands between the trigger and the tail
        (استحوذت على حصة 20% في X، تشتري 30% من X، تملك حصة في X): what is bought or held is a minority or unspecified
        stake (GUIDELINES: INVESTED_IN). Percentages elsewhere in the sentence (a share price that rose 4%) say
        nothing of the deal."""
        if tail.sentence != self.sentence.index or tail.start < end:
            return False
        lo, hi = self.tokens[end - 1].end, self.tokens[tail.start].start
        shares = [q.value for q in self.quantities if q.kind == "percent" and lo <= q.start < hi and q.value is not None]
        if shares:
            return max(shares) < 50
        stakes = [k for k in range(end, tail.start)
                  if any(rest in _STAKE_WORDS for _, rest in strip_proclitic(self.folded[k])[:2])]
        if not stakes:
            return False
        starts = {m.start for m in self.ms} | {self._name_opening(m.start) for m in self.ms if m.sentence == self.sentence.index}
        return any(k + 1 not in starts for k in stakes)  # حصة أرامكو في سابك: a holder's whole stake is no minority

    def _controlling(self, start: int, tail: _M) -> bool:
        """True when a word of control (حصة مسيطرة، حصة الأغلبية) stands between the trigger and the tail, or just
        after the tail, in this sentence."""
        if tail.sentence != self.sentence.index:
            return False
        lo, hi = min(start, tail.start), max(start, tail.end) + 2
        return any(rest in self.lex.controlling_words for w in self.folded[lo:hi] for _, rest in strip_proclitic(w)[:2])

    def _money(self, start: int, end: int, tail: _M) -> dict[str, Any]:
        money = self._stated_amounts()
        if not money:
            return {}
        trigger_char = self.tokens[min(end, len(self.tokens)) - 1].end
        after = [q for q in money if q.start >= trigger_char]
        before = [q for q in money if q.end <= self.tokens[start].start]
        chosen = after[0] if after else money[-1]
        if before and self.trigger.relation == "INVESTED_IN" and self._lead_verb_at(start):
            # جولة بقيمة 40 مليون دولار، قادتها X، ليرتفع إجمالي ما جمعه إلى 52 مليونا: the round's amount comes first
            chosen = before[-1]
        elif tail.sentence == self.sentence.index:
            tail_end = self.tokens[tail.end - 1].end
            following = [m for m in self.ms if m.start >= tail.end]
            limit = self.tokens[following[0].start].start if following else self.sentence.end
            own = [q for q in after if tail_end <= q.start < limit]
            if own:
                chosen = own[0]
        return {"amount": chosen.value, "currency": chosen.currency, "approximate": chosen.approximate}

    def _stated_amounts(self) -> list[Quantity]:
        """The sentence's sums of money, without an equivalent in brackets after another sum (42 مليون دولار (نحو
        157.5 مليون ريال)): the conversion restates the amount in another currency."""
        money = [q for q in self.quantities if q.kind == "money" and q.context is None]
        text, offset = self.sentence.text, self.sentence.start
        gaps = [""] + [text[a.end - offset : b.start - offset] for a, b in zip(money, money[1:])]
        return [q for q, gap in zip(money, gaps) if not ("(" in gap and len(gap) <= 12)]

    def _lead_verb_at(self, start: int) -> bool:
        """True when token ``start`` is a verb of leading (قادتها، بقيادة)."""
        return any(rest in _LEAD_VERBS for _, rest in strip_proclitic(self.folded[start])[:2])

    def _stake(self, tail: _M) -> float | None:
        percents = [q for q in self.quantities if q.kind == "percent"]
        if not percents:
            return None
        if tail.sentence != self.sentence.index:
            return percents[0].value if len(percents) == 1 else None
        tail_char = self.tokens[tail.start].start
        best = min(percents, key=lambda q: abs(q.end - tail_char))
        if abs(best.end - tail_char) > 60 and len(percents) > 1:
            return None
        return best.value


def _merge(old: Relation | None, new: Relation) -> Relation:
    """One relation for one fact: evidence joined, the higher confidence kept, attributes filled in."""
    if old is None:
        return new
    fields = {}
    for name in ("stake_percent", "role", "status", "date"):
        fields[name] = getattr(old, name) if getattr(old, name) is not None else getattr(new, name)
    headline = new.evidence and new.evidence[0].start == 0 and not (old.evidence and old.evidence[0].start == 0)
    if new.amount is not None and (old.amount is None or old.approximate and not new.approximate or headline):
        fields.update(amount=new.amount, currency=new.currency, approximate=new.approximate)
    evidence = old.evidence + new.evidence  # duplicates are dropped once, in find_relations
    return old.model_copy(update={**fields, "evidence": evidence, "confidence": max(old.confidence, new.confidence)})
