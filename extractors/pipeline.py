"""The extraction pipeline: document → sentences → mentions → entities → relations → :class:`Extraction`.

Each stage is a function of the previous stage's records. :class:`Extractor`
holds what is loaded once (lexicons, gazetteer, statistical model) and applies
the stages to a document, or to a batch of documents whose sentences the model
tags as one stream (:meth:`Extractor.many`).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import Any

from extractors.entities import resolve_mentions
from extractors.lexicon import Gazetteer, load_gazetteer
from extractors.mentions import MentionFinder
from extractors.records import Document, Extraction, ExtractorConfig, Sentence
from extractors.relations import find_relations
from extractors.text import Token, split_sentences, tokenize

__all__ = ["segment", "ExtractorConfig", "Extractor", "extract"]

log = logging.getLogger(__name__)


def segment(document: Document) -> list[Sentence]:
    """Split a document into sentences (spans into ``document.text``).

    >>> [s.text for s in segment(Document(id="d", text="ربحت الشركة. هل تنجح؟"))]
    ['ربحت الشركة.', 'هل تنجح؟']
    """
    return [
        Sentence(index=n, start=s, end=e, text=document.text[s:e])
        for n, (s, e) in enumerate(split_sentences(document.text))
    ]


class Extractor:
    """Runs the stages on documents, with the gazetteer and model loaded once.

    ``model`` is a loaded spaCy pipeline, ``None`` to run on rules and lexicons
    only, or ``"default"`` to load the bundled model (falling back to rules, with
    a warning, when it is missing). ``relation_model`` is a
    :class:`~extractors.rel.model.RelationModel`, ``None`` for the relation rules
    alone, or ``"default"``: the bundled one whenever an NER model is in use.
    ``rules=False`` keeps only the relation model's relations (for ablations).
    """

    def __init__(self, model: Any = None, gazetteer: Gazetteer | None = None, relation_model: Any = "default",
                 rules: bool = True) -> None:
        from extractors.errors import ModelError

        if model == "default":
            from extractors.ner.model import load_model

            try:
                model = load_model()
            except ModelError as err:
                log.warning("%s; continuing with rules and lexicons only", err)
                model = None
        if relation_model == "default":
            relation_model = None
            if model is not None:  # the relation model learnt from the NER model's mentions
                from extractors.rel.model import load_relation_model

                try:
                    relation_model = load_relation_model()
                except ModelError as err:
                    log.warning("%s; continuing with the relation rules only", err)
        self.relation_model = relation_model
        self.rules = rules
        self.gazetteer = gazetteer or load_gazetteer()
        self.finder = MentionFinder(gazetteer=self.gazetteer, model=model)
        self.timings: Counter[str] = Counter()
        """Seconds spent in each stage so far: segment (sentences and tokens), ner (the model), mentions (the rules
        around it), entities, relations."""

    @classmethod
    def from_config(cls, config: ExtractorConfig) -> "Extractor":
        """The extractor ``config`` describes (loading the models it names)."""
        model: Any = config.model
        if model not in (None, "default"):
            from extractors.ner.model import load_model

            model = load_model(model)
        gazetteer = load_gazetteer(config.gazetteer) if config.gazetteer else None
        return cls(model=model, gazetteer=gazetteer, relation_model="default" if config.relation_model else None)

    def __call__(self, document: Document) -> Extraction:
        return self.many([document])[0]

    def many(self, documents: list[Document]) -> list[Extraction]:
        """Extract several documents, in order: each sentence is tokenised once, and the model tags the sentences
        of all of them as one stream (faster than one document at a time; the spans are the same)."""
        clock = time.perf_counter
        t0 = clock()
        sentences = [segment(doc) for doc in documents]
        tokens = [[tokenize(s.text, offset=s.start) for s in sents] for sents in sentences]
        t1 = clock()
        spans = self.finder.tag(tokens)
        t2 = clock()
        self.timings["segment"] += t1 - t0
        self.timings["ner"] += t2 - t1
        return [self._stages(*args) for args in zip(documents, sentences, tokens, spans)]

    def _stages(self, document: Document, sentences: list[Sentence], tokens: list[list[Token]],
                spans: list[list[tuple[int, int, str]]]) -> Extraction:
        clock = time.perf_counter
        t0 = clock()
        mentions = self.finder.find(document, sentences, tokens, spans)
        t1 = clock()
        entities = resolve_mentions(document, mentions, self.gazetteer)
        t2 = clock()
        relations = find_relations(document, sentences, mentions, entities, self.relation_model, rules=self.rules,
                                   sentence_tokens=tokens)
        t3 = clock()
        for stage, seconds in (("mentions", t1 - t0), ("entities", t2 - t1), ("relations", t3 - t2)):
            self.timings[stage] += seconds
        return Extraction(
            document=document,
            sentences=tuple(sentences),
            mentions=tuple(mentions),
            entities=tuple(entities),
            relations=tuple(relations),
        )


_RULES_ONLY: Extractor | None = None


def extract(document: Document, extractor: Extractor | None = None) -> Extraction:
    """Extract one document (rules and lexicons only unless an ``extractor`` with a model is given).

    >>> ex = extract(Document(id="d", text="استثمرت مايكروسوفت 10 مليارات دولار في أوبن إيه آي."))
    >>> [(r.relation, r.amount) for r in ex.relations]
    [('INVESTED_IN', 10000000000.0)]
    """
    global _RULES_ONLY
    if extractor is None:
        _RULES_ONLY = _RULES_ONLY or Extractor(model=None)
        extractor = _RULES_ONLY
    return extractor(document)
