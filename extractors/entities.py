"""Group a document's mentions into entities: one entity per real-world thing named in the article.

Mentions join when they match the same knowledge-base entry, share a match key,
differ only by an attached clitic that the other mention proves (وميتا / ميتا),
are stated as a pair (``الاتصالات السعودية (stc)``), or when a bare given name
or surname repeats a full person name of the same article (وانج → ألكسندر وانج)
and no other person in the article shares it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from extractors.lexicon import Gazetteer, load_cues, load_gazetteer
from extractors.ner.dictionary import known_word
from extractors.mentions import strip_proclitic
from extractors.normalize import has_arabic_letter, match_key, name_key, skeleton
from extractors.records import Document, Entity, Mention

__all__ = ["resolve_mentions"]

_CONNECTORS = {"ال", "بن", "ابن", "ابو", "عبد", "بنت"}
_SOURCE_WEIGHT = {"gazetteer": 5, "gazetteer-extended": 4, "quoted": 3, "latin": 3, "head": 3, "head-extended": 3,
                  "suffixed": 3, "complement": 3, "owned": 3, "title": 3, "given-name": 3, "model": 1}
_EXTENDED = ("gazetteer-extended", "quoted-extended")
"""Sources of names that go on past a known name: another entity, never the known one."""
_NAMED_BY_CUE = ("head", "head-extended", "suffixed", "complement", "owned", "gazetteer", "gazetteer-extended")
"""Sources that type a name from its own words (a head noun or the knowledge base): they outvote a person reading."""


class _Union:
    """Clusters of mentions. Two clusters linked to two different knowledge-base entries never join: a chain of
    joins (الهيئة العامة للاستثمار … بنك الاستثمار الأمريكي «غولدمان ساكس») cannot make one entity of two known ones."""

    def __init__(self, items: list[str], canonical: dict[str, str] | None = None) -> None:
        self.parent = {i: i for i in items}
        self.canonical = {i: c for i, c in (canonical or {}).items() if c}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> bool:
        """Join the clusters of ``a`` and ``b``; False when they are two known entities and stay apart."""
        ra, rb = self.find(a), self.find(b)
        ca, cb = self.canonical.get(ra), self.canonical.get(rb)
        if ra == rb:
            return True
        if ca and cb and ca != cb:
            return False
        root, child = min(ra, rb, key=_mention_order), max(ra, rb, key=_mention_order)
        self.parent[child] = root
        if ca or cb:
            self.canonical[root] = ca or cb
        return True


def _mention_order(mid: str) -> int:
    return int(mid[1:])


def resolve_mentions(document: Document, mentions: list[Mention], gazetteer: Gazetteer | None = None) -> list[Entity]:
    """Cluster mentions into entities with clean labels, types and aliases.

    >>> from extractors.pipeline import extract
    >>> ex = extract(Document(id="t", text="أعلن ألكسندر وانج عن خطة جديدة. وقال وانج إن الخطة طموحة."))
    >>> [(e.label, e.type, len(e.mentions)) for e in ex.entities]
    [('ألكسندر وانج', 'PERSON', 2)]
    """
    gazetteer = gazetteer or load_gazetteer()
    if not mentions:
        return []
    uf = _Union([m.id for m in mentions], {m.id: m.canonical for m in mentions})
    by_key: dict[str, str] = {}
    by_canonical: dict[str, str] = {}
    for m in mentions:
        if m.canonical:
            if m.canonical in by_canonical:
                uf.join(by_canonical[m.canonical], m.id)
            else:
                by_canonical[m.canonical] = m.id
        if m.key in by_key and _compatible(m, _get(mentions, by_key[m.key])):
            uf.join(by_key[m.key], m.id)
        else:
            by_key.setdefault(m.key, m.id)
    # A clitic the rest of the article proves: وميتا joins ميتا.
    for m in mentions:
        if m.canonical:
            continue
        for clitic, rest in strip_proclitic(m.key)[1:]:
            if rest in by_key and _compatible(m, _get(mentions, by_key[rest])):
                uf.join(by_key[rest], m.id)
                break
    _join_stated_pairs(document, mentions, uf)
    _join_person_parts(mentions, uf)
    _join_near_spellings(mentions, uf)
    _join_partial_names(mentions, uf)
    _join_generic_openings(mentions, uf)
    clusters: dict[str, list[Mention]] = {}
    for m in mentions:
        clusters.setdefault(uf.find(m.id), []).append(m)
    entities = []
    for n, group in enumerate(sorted(clusters.values(), key=lambda g: _mention_order(g[0].id))):
        entity = _entity(f"e{n}", group, gazetteer)
        if entity is not None:
            entities.append(entity)
    return entities


def _get(mentions: list[Mention], mid: str) -> Mention:
    return mentions[_index_of(mentions, mid)]


def _index_of(mentions: list[Mention], mid: str) -> int:
    n = _mention_order(mid)
    if n < len(mentions) and mentions[n].id == mid:
        return n
    return next(i for i, m in enumerate(mentions) if m.id == mid)


def _compatible(a: Mention, b: Mention) -> bool:
    if a.canonical and b.canonical and a.canonical != b.canonical:
        return False
    return (a.type == "PERSON") == (b.type == "PERSON") or "model" in (a.source, b.source)


def _join_stated_pairs(document: Document, mentions: list[Mention], uf: _Union) -> None:
    """``X (Y)`` where both are mentions: Y is another name of X. Also the apposition ``X، Y،`` where X is a
    description built on a head noun (صندوق الثروة السيادي السعودي) and Y a known entity."""
    for a, b in zip(mentions, mentions[1:]):
        between = document.text[a.end : b.start]
        after = document.text[b.end : b.end + 3]
        if _side_by_side(a, b, between):
            uf.join(a.id, b.id)
        elif _parenthesis_opens(between) and after.lstrip(" \"'«»“”’").startswith(")"):
            if _compatible(a, b) or a.canonical is None or b.canonical is None:
                uf.join(a.id, b.id)
        elif _short_name_after(a, b, between):
            uf.join(a.id, b.id)
        elif between.strip(" )\"'»”") == "،" and a.type == "ORG" and _generic_description(b) and not _generic_description(a) \
                and not after.lstrip("، ").startswith("و"):
            uf.join(a.id, b.id)  # إس تي في (STV)، صندوق رأس المال الجريء السعودي، بمشاركة …: the description is X's
        elif (
            between.strip() == "،" and after.lstrip().startswith("،") and a.type == b.type == "ORG"
            and a.source == "head" and b.canonical and not a.canonical
            and all(w.startswith("ال") for w in a.key.split()[1:])
        ):
            uf.join(b.id, a.id)


def _parenthesis_opens(between: str) -> bool:
    """True when only an opening parenthesis, or a line of business and one (مزن للحوسبة السحابية (Muzn Cloud)),
    stands between two mentions.

    >>> _parenthesis_opens(" ("), _parenthesis_opens(" للحوسبة السحابية ("), _parenthesis_opens(" في دبي (")
    (True, True, False)
    """
    text = between.strip(" \"'«»“”’")
    if not text.endswith(("(", "（")):
        return False
    words = [match_key(w) for w in text[:-1].split()]
    cues = load_cues()
    return not words or words[0].startswith("لل") and words[0][2:] in cues.sector_words \
        and all(w in cues.sector_adjectives for w in words[1:])


def _short_name_after(a: Mention, b: Mention, between: str) -> bool:
    """``الشركة العربية للاستثمارات الفندقية «آيكون»``: a long name built on a head noun, or a known one, and in quotes
    right after it the short name the article goes on with (no second known entity)."""
    named = a.source.startswith("head") and not a.canonical or a.source == "gazetteer" and not b.canonical
    return (between.strip() in ("«", '"', "“") and a.type == b.type == "ORG" and named
            and b.source in ("quoted", "quoted-extended", "gazetteer", "model") and len(a.key.split()) >= 3
            and (len(b.key.split()) < len(a.key.split()) or _generic_description(a)))


def _generic_description(m: Mention) -> bool:
    """True for an organization named by a head noun and three or more ordinary words, no place among them
    (صندوق الثروة السيادي، صندوق رأس المال الجريء السعودي): a description, which the name next to it names."""
    words = m.key.split()
    cues = load_cues()
    return m.type == "ORG" and m.source in ("head", "head-extended") and not m.canonical and len(words) >= 3 \
        and all(w.startswith("ال") or known_word(w) for w in words[1:]) and not any(w in cues.places for w in words)


def _side_by_side(a: Mention, b: Mention, between: str) -> bool:
    """``ويز "Wiz"``, ``Wiz ويز``: an Arabic and a Latin name with only quotes or a dash between them, whose
    consonant skeletons agree (one may be a prefix of the other: كولا / Coca-Cola is not, ويز / Wiz is)."""
    if between.strip(" \"'«»“”’‘-–—/") or a.type == "PERSON" or b.type == "PERSON":
        return False
    scripts = {has_arabic_letter(a.text), has_arabic_letter(b.text)}
    if scripts != {True, False}:
        return False
    first, second = skeleton(a.text), skeleton(b.text)
    return len(min(first, second, key=len)) >= 2 and (first == second or first.startswith(second) or second.startswith(first))


def _join_near_spellings(mentions: list[Mention], uf: _Union, threshold: float = 90.0) -> None:
    """Two spellings one edit apart (Mistal AI / Mistral AI) name one entity when types agree.

    Only names of six letters or more are compared, and two knowledge-base
    entries never merge.
    """
    from rapidfuzz import fuzz

    firsts: dict[str, Mention] = {}
    for m in mentions:
        firsts.setdefault(m.key, m)
    keys = [k for k in firsts if len(k.replace(" ", "")) >= 6]
    for n, a in enumerate(keys):
        for b in keys[n + 1 :]:
            ma, mb = firsts[a], firsts[b]
            if (ma.type == "PERSON") != (mb.type == "PERSON") or (ma.canonical and mb.canonical):
                continue
            if fuzz.ratio(a, b) >= threshold:
                uf.join(ma.id, mb.id)


@lru_cache(maxsize=65_536)
def content_words(key: str) -> tuple[frozenset[str], ...]:
    """The words that tell a name apart, each as its possible readings (with and without a proclitic and the
    article): head nouns (بنك، مجموعة), nationality adjectives (السعودي), corporate suffixes, honorifics, name
    connectors and function words dropped.

    >>> [sorted(w) for w in content_words("مجموعه فيريرو الايطاليه")]
    [['فيريرو', 'يريرو']]
    >>> _within(content_words("اتحاد كره القدم"), content_words("الاتحاد السعودي لكره القدم"))
    True
    """
    cues = load_cues()
    heads = cues.head_nouns
    honorifics = {match_key(h) for h in _HONORIFICS}
    out = []
    for word in name_key(key).split():
        if word in cues.gentilics or word in cues.stopwords or word in _CONNECTORS or word in cues.person_titles \
                or word in honorifics:
            continue
        forms = {rest for _, rest in strip_proclitic(word)}
        forms |= {f[2:] for f in forms if f.startswith("ال") and len(f) > 4}
        if forms & heads or {"ال" + f for f in forms} & cues.gentilics:
            continue
        out.append(frozenset(forms))
    return tuple(out)


@lru_cache(maxsize=65_536)
def nationalities(key: str) -> frozenset[str]:
    """The countries a name names by a nationality adjective or a place, as stems (البنك الأهلي المصري → مصر;
    منتخب السعودية → سعود; الاتصالات الإسبانية → اسبان).

    >>> sorted(nationalities("الاتصالات السعوديه")), sorted(nationalities("زيراتك"))
    (['سعود'], [])
    """
    cues = load_cues()
    stems = set()
    for word in key.split():
        if (word in cues.gentilics or word in cues.places) and word not in cues.name_adjectives:  # الوطني، العربي
            word = word[2:] if word.startswith("ال") else word
            for ending in ("يه", "ي", "ه"):
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    word = word[: -len(ending)]
                    break
            stems.add(word)
    return frozenset(stems)


@lru_cache(maxsize=65_536)
def _qualifiers(key: str) -> frozenset[str]:
    """The adjectives of a name that tell organizations of one place apart (``name_adjectives`` in cues.json: قطر
    الوطني، قطر الإسلامي، قطر الدولي).

    >>> sorted(_qualifiers("بنك قطر الوطني")), sorted(_qualifiers("ارامكو السعوديه"))
    (['الوطني'], [])
    """
    adjectives = load_cues().name_adjectives
    return frozenset(word for word in key.split() if word in adjectives)


@lru_cache(maxsize=65_536)
def _local_unit(key: str) -> tuple[frozenset[str], ...]:
    """For a name that ends with a country or city after a name of its own (أورنج المغرب، فودافون مصر), the content
    words of that own name: the name is the company's unit in that place, and a shorter mention of the own name
    alone (أورنج) is the parent, not the unit. Empty for any other name.

    >>> [len(_local_unit(k)) for k in ("اورنج المغرب", "ارامكو السعوديه", "بنك مصر")]
    [1, 0, 0]
    """
    cues = load_cues()
    words = key.split()
    if len(words) < 2 or words[-1] not in cues.places or words[-1] in cues.gentilics:
        return ()
    return content_words(" ".join(words[:-1]))


def same_country(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two sets of country stems share a country (مصر / مصر، اسبانيا / اسبان).

    >>> same_country(frozenset({"سعود"}), frozenset({"سعود"})), same_country(frozenset({"اسبان"}), frozenset({"سعود"}))
    (True, False)
    """
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _within(short: tuple[frozenset[str], ...], long: tuple[frozenset[str], ...]) -> bool:
    """True when the words of ``short`` can be read, in their order, as words of ``long`` (كيو داتا is not داتا كيو)."""
    k = 0
    for word in short:
        while k < len(long) and not word & long[k]:
            k += 1
        if k == len(long):
            return False
        k += 1
    return True


def _join_partial_names(mentions: list[Mention], uf: _Union) -> None:
    """A shorter form of a name joins the one longer name of the article that holds all its distinctive words
    (بنك دبي الوطني ← دبي الوطني، الاتحاد السعودي لكرة القدم ← اتحاد كرة القدم، سلطان أحمد بن سليم ← سلطان بن
    سليم); an equal set of words wins over a larger one. A person's name spelled like a company of the article
    (ماجد الفطيم / ماجد الفطيم القابضة) is that company.

    Each mention is compared with the distinct names (:class:`_Names`) that share a reading of its first word, not
    with every mention, so an article that repeats its names costs time linear in its mentions."""
    words = {m.id: content_words(m.key) for m in mentions}
    names = _Names(mentions, words)
    org_openings = {" ".join(m.key.split()[:n]) for m in mentions if m.type == "ORG" for n in range(2, len(m.key.split()))}
    by_length = sorted(mentions, key=lambda m: (-len(words[m.id]), _mention_order(m.id)))
    countries: dict[str, frozenset[str]] = {}
    for m in mentions:
        countries[uf.find(m.id)] = countries.get(uf.find(m.id), frozenset()) | nationalities(m.key)
    for m in by_length:
        mine, nationality = words[m.id], nationalities(m.key)
        if not mine or m.type == "LOC" and m.key not in org_openings:
            continue  # سوق أبوظبي typed a place still shortens سوق أبوظبي للأوراق المالية
        family = "PERSON" if m.type == "PERSON" else "ORG"
        own = {uf.find(m.id)}
        equal, larger = set(), set()
        for name in names.sharing(mine[0]):
            etype, canonical, source, theirs, their_nationality, local, their_qualifiers = name
            if _qualifiers(m.key) - their_qualifiers:
                continue  # الإمارات الدولي is not الإمارات دبي الوطني: a qualifier the longer name lacks names another
            if local and not nationality and len(theirs) > len(mine) and _within(mine, local):
                continue  # أورنج is not أورنج المغرب: a name and a country after it is the company's unit there
            if etype == "LOC" or m.canonical and canonical or m.canonical and source in _EXTENDED:
                continue  # a known entity never joins a unit named after it (أوبر / أوبر إيتس، «سوني هوندا موبايلتي»)
            if not _within(mine, theirs):
                continue
            if nationality and their_nationality and not same_country(nationality, their_nationality):
                continue  # الاتصالات الإسبانية is not الاتصالات السعودية: two nationalities, two companies
            same_family = ("PERSON" if etype == "PERSON" else "ORG") == family
            if m.type == "ORG" and etype == "PRODUCT" and source != "model" and len(theirs) > len(mine):
                continue  # كيا is not its product كيا إي في 5
            if m.canonical and not canonical and len(theirs) > len(mine) and not _within(mine, theirs[: len(mine)]):
                continue  # الاتحاد السعودي لكرة القدم is not منتخب سيدات فرنسا لكرة القدم: a known name joins only its extension
            if len(theirs) == len(mine) and _within(theirs, mine):
                if same_family or family == "PERSON" and source in _NAMED_BY_CUE:
                    equal |= names.roots(name, uf) - own
            elif same_family and len(theirs) > len(mine):
                larger |= names.roots(name, uf) - own
        mine_countries = countries[uf.find(m.id)]
        owners = {o for o in equal or larger if not (mine_countries and countries[o])
                  or same_country(mine_countries, countries[o])}
        if len(owners) == 1:
            owner, mine_root = next(iter(owners)), uf.find(m.id)
            if uf.join(owner, m.id):
                merged = countries.pop(owner) | countries.pop(mine_root)
                countries[uf.find(m.id)] = merged


def _join_generic_openings(mentions: list[Mention], uf: _Union) -> None:
    """A name made of generic words only (a head noun and a nationality: الاتحاد السعودي، البنك المركزي) joins the one
    longer organization of the article that it opens (الاتحاد السعودي لكرة القدم); with two such names it joins
    neither. Keys are indexed by their first word, so the work is linear in the mentions."""
    by_first: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "ORG" and " " in m.key:
            by_first.setdefault(m.key.split(" ", 1)[0], set()).add(m.key)
    roots_of: dict[str, set[str]] = {}
    for m in mentions:
        roots_of.setdefault(m.key, set()).add(m.id)
    for m in mentions:
        if m.type != "ORG" or m.canonical or content_words(m.key):
            continue
        longer = set()
        for _, rest in strip_proclitic(m.key):
            longer |= {key for key in by_first.get(rest.split(" ", 1)[0], ()) if key.startswith(rest + " ")}
        owners = {uf.find(mid) for key in longer for mid in roots_of[key]}
        if len(owners) == 1:
            uf.join(next(iter(owners)), m.id)


class _Names:
    """The distinct names of an article's mentions, as (type, known, source, content words, nationalities, local
    unit), each with the mentions that bear it, indexed by every reading of every word."""

    def __init__(self, mentions: list[Mention], words: dict[str, tuple[frozenset[str], ...]]) -> None:
        self.bearers: dict[tuple, list[str]] = {}
        self.by_form: dict[str, set[tuple]] = {}
        for m in mentions:
            name = (m.type, bool(m.canonical), m.source, words[m.id], nationalities(m.key), _local_unit(m.key),
                    _qualifiers(m.key))
            self.bearers.setdefault(name, []).append(m.id)
            for forms in name[3]:
                for form in forms:
                    self.by_form.setdefault(form, set()).add(name)

    def sharing(self, forms: frozenset[str]) -> set[tuple]:
        """The names one of whose words has one of ``forms``."""
        return set().union(*(self.by_form.get(form, ()) for form in forms))

    def roots(self, name: tuple, uf: _Union) -> set[str]:
        """The clusters the mentions bearing ``name`` belong to now; one bearer per cluster is kept (clusters only
        ever merge), so asking again costs the number of clusters, not of mentions."""
        firsts = {uf.find(mid): mid for mid in reversed(self.bearers[name])}
        self.bearers[name] = list(firsts.values())
        return set(firsts)


def _join_person_parts(mentions: list[Mention], uf: _Union) -> None:
    """A bare given name or surname joins the one full person name of the article that contains it (not a company's
    name the article gives with its head noun or knows)."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        parts = m.key.split()
        if m.type == "PERSON" and len(parts) >= 2 and parts[0] not in _CONNECTORS:
            for part in (parts[0], parts[-1], " ".join(parts[-2:])):
                full.setdefault(part, set()).add(m.id)
    companies = {content_words(m.key) for m in mentions if m.type == "ORG" and (m.canonical or m.source in _NAMED_BY_CUE)}
    for m in mentions:
        if len(m.key.split()) > 2 or m.canonical and m.type != "PERSON":
            continue
        if content_words(m.key) in companies:
            continue  # «طلعت مصطفى» beside مجموعة طلعت مصطفى القابضة is the group, not هشام طلعت مصطفى
        owners = {uf.find(o) for o in full.get(m.key, set())} - {uf.find(m.id)}
        if len(owners) == 1 and m.type in ("PERSON", "ORG", "MISC") and (m.type == "PERSON" or m.source == "model" or m.source == "quoted"):
            uf.join(next(iter(owners)), m.id)


def _entity(eid: str, group: list[Mention], gazetteer: Gazetteer) -> Entity | None:
    canonical = next((m.canonical for m in group if m.canonical), None)
    votes: Counter[str] = Counter()
    for m in group:
        votes[m.type] += _SOURCE_WEIGHT.get(m.source, 1)
    etype = votes.most_common(1)[0][0]
    if canonical:
        etype = gazetteer.entries[canonical].type
    elif any(m.type != "PERSON" and m.source in _NAMED_BY_CUE for m in group):
        etype = next(m.type for m in group if m.type != "PERSON" and m.source in _NAMED_BY_CUE)
    elif any(m.type == "PRODUCT" and m.source in ("quoted", "latin-version") for m in group) and etype == "ORG":
        etype = "PRODUCT"  # a product head typed one quote (تطبيقها «فاتورتي»); the others were quotes of no kind
    elif any(m.type == "PERSON" and len(m.key.split()) >= 2 for m in group):
        etype = "PERSON"
    aliases = sorted({m.text for m in group}, key=lambda s: (s.lower(), s))
    label = _label(group, etype)
    partial = etype == "PERSON" and len(label.split()) < 2 and not canonical and all(m.source == "model" for m in group)
    if all(m.source == "model" for m in group) and etype in ("ORG", "PRODUCT") and len(group) == 1 and len(label.split()) == 1:
        return None
    return Entity(
        id=eid,
        label=label,
        type=etype,
        key=match_key(label),
        aliases=tuple(aliases),
        mentions=tuple(m.id for m in group),
        canonical=canonical,
        partial=partial,
    )


_HONORIFICS = ("الشيخ ", "الشيخة ", "الأمير ", "الأميرة ", "الدكتور ", "الدكتورة ", "السيد ", "السيدة ", "المهندس ",
               "المهندسة ", "الملك ", "د. ")


def strip_honorific(name: str) -> str:
    """A person's name without a leading honorific (الشيخ، الأمير، الدكتور …).

    >>> strip_honorific("الشيخ طحنون بن زايد"), strip_honorific("أمين الناصر")
    ('طحنون بن زايد', 'أمين الناصر')
    """
    for honorific in _HONORIFICS:
        if name.startswith(honorific) and len(name.split()) > 2:
            return name[len(honorific):]
    return name


def _label(group: list[Mention], etype: str) -> str:
    """The clean display name: for people the fullest form, otherwise the most frequent surface form (the Arabic one
    on a tie: labels follow the articles' script)."""
    counts = Counter(m.text for m in group)
    if etype == "PERSON":
        counts = Counter({strip_honorific(t): c for t, c in counts.items()})
        return max(counts, key=lambda s: (len(s.split()), counts[s], s))
    return max(counts, key=lambda s: (counts[s], has_arabic_letter(s), len(s), s))
