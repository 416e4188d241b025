"""Arabic-aware lexical features for the spaCy NER model.

The default spaCy features (NORM, PREFIX = first letter, SUFFIX = last three
letters) suit English. For Arabic the model is given folded forms instead, so
that hamza, alef maksura, teh marbuta and diacritic variants share one row:

- NORM: :func:`extractors.normalize.fold` of the word;
- LOWER: :func:`extractors.normalize.light_stem`, the word without its clitics;
- PREFIX / SUFFIX: the first and last three folded letters, where the
  clitics (و ب ل ال) and pronoun suffixes (ها هم) live.

The functions are registered with spaCy under ``alaqat.arabic_lex_attrs.v1`` so
that the training config and the shipped model refer to them by name; importing
this module is enough for ``spacy.load`` to find them.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.attrs import LOWER, NORM, PREFIX, SUFFIX
from spacy.language import Language

from extractors.normalize import fold, light_stem

__all__ = ["arabic_lex_attrs"]


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
        return nlp

    return install
