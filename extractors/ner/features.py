"""Arabic-aware lexical features for the spaCy NER model.

The default spaCy features (NORM, PREFIX = first letter, SUFFIX = last three
letters) suit English. For Arabic the model is given folded forms instead, so
that hamza, alef maksura, teh marbuta and diacritic variants share one row:

- NORM: :func:`extractors.normalize.fold` of the word;
- LOWER: :func:`extractors.normalize.light_stem`, the word without its clitics;
- PREFIX / SUFFIX: the first and last three folded letters, where the
  clitics (و ب ل ال) and pronoun suffixes (ها هم) live;
- LANG (an otherwise unused lexical slot): the word's class in alaqat's
  lexicons (given name, title, place, nationality, organization or product
  head noun, currency, verb of saying, function word), so that the model learns from general knowledge, not
  only from its corpus. Gazetteer names are deliberately not a class: the rules match them with priority over the
  model, and a model that leans on lookups learns less of the context that finds the names nobody listed;
  an Arabic-script word in none of them is classed ``UNKNOWN`` when it is not
  an Arabic dictionary word either (:mod:`extractors.ner.dictionary`): most
  names the corpora never saw are transliterations no dictionary holds.

The functions are registered with spaCy under ``alaqat.arabic_lex_attrs.v1`` so
that the training config and the shipped model refer to them by name; importing
this module is enough for ``spacy.load`` to find them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.attrs import LANG, LOWER, NORM, PREFIX, SUFFIX
from spacy.language import Language

from extractors.ner.dictionary import in_dictionary
from extractors.normalize import fold, has_arabic_letter, light_stem

__all__ = ["arabic_lex_attrs", "lexicon_class", "word_class", "hybrid_embed"]


@lru_cache(maxsize=1)
def _classes() -> list[tuple[str, frozenset[str]]]:
    from extractors.lexicon import load_cues, load_json

    cues = load_cues()
    title_words = {t.split()[0] for t in cues.person_titles}
    return [
        ("FIRST", cues.first_names),
        ("TITLE", frozenset(title_words)),
        ("SPEECH", cues.speech_verbs),
        ("PLACE", frozenset(p for p in cues.places if " " not in p)),
        ("GENTILIC", cues.gentilics),
        ("ORGHEAD", cues.org_heads_kept | cues.org_heads_dropped),
        ("PRODHEAD", cues.product_heads),
        ("CURRENCY", frozenset(f for c in load_json("quantities")["currencies"] if " " not in c
                               for f in (fold(c), "ال" + fold(c)))),
        ("STOP", cues.stopwords),
    ]


def lexicon_class(word: str) -> str:
    """The class of ``word`` in the lexicons, trying it with a leading و/ب/ل/ال removed too; "" when none.

    >>> lexicon_class("وروبرت"), lexicon_class("الأمير"), lexicon_class("بالرياض"), lexicon_class("سيارة")
    ('FIRST', 'TITLE', 'PLACE', 'PRODHEAD')
    """
    folded = fold(word)
    forms = [folded]
    for clitic in ("و", "ف", "ب", "ل", "وب", "ول", "بال", "وال", "لل"):
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 2:
            rest = folded[len(clitic):]
            forms.append("ال" + rest if clitic in ("بال", "وال", "لل") else rest)
    for form in forms:
        for name, words in _classes():
            if form in words:
                return name
    return ""


def word_class(word: str) -> str:
    """The LANG feature: :func:`lexicon_class`, else ``UNKNOWN`` for an Arabic word no dictionary holds.

    >>> word_class("بالرياض"), word_class("والمستثمرين"), word_class("دويسنبرج"), word_class("Pixelworks")
    ('PLACE', '', 'UNKNOWN', '')
    """
    found = lexicon_class(word)
    if found or not has_arabic_letter(word):
        return found
    return "" if in_dictionary(word) else "UNKNOWN"


@spacy.registry.callbacks("alaqat.arabic_lex_attrs.v1")
def arabic_lex_attrs() -> Callable[[Language], Language]:
    """Return the ``after_creation`` callback that installs the Arabic lexical features.

    >>> nlp = spacy.blank("ar")
    >>> nlp = arabic_lex_attrs()(nlp)
    >>> doc = nlp.make_doc("والشركاتُ")
    >>> doc[0].norm_, doc[0].lower_, doc[0].prefix_, doc[0].suffix_
    ('والشركات', 'شركات', 'وال', 'كات')
    """

    def install(nlp: Language) -> Language:
        getters = nlp.vocab.lex_attr_getters
        getters[NORM] = fold
        getters[LOWER] = light_stem
        getters[PREFIX] = lambda s: fold(s)[:3]
        getters[SUFFIX] = lambda s: fold(s)[-3:]
        getters[LANG] = word_class
        return nlp

    return install


@spacy.registry.architectures("alaqat.HybridEmbed.v1")
def hybrid_embed(width: int, attrs: list[str], rows: list[int], char_rows: int, nM: int, nC: int):
    """Hashed lexical features (see :func:`arabic_lex_attrs`) beside a character embedding of the folded word.

    The character part embeds the first and last ``nC`` letters of the folded word (``nM`` dimensions each),
    which carries the clitics, patterns and foreign-name spellings of Arabic; a maxout layer mixes both.
    """
    from spacy.ml.models.tok2vec import CharacterEmbed, MultiHashEmbed
    from thinc.api import Maxout, chain, concatenate, with_array

    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    chars = CharacterEmbed(width=width, rows=char_rows, nM=nM, nC=nC, include_static_vectors=False, feature="NORM")
    return chain(concatenate(hashed, chars), with_array(Maxout(width, nP=3, normalize=True)))
