"""The extraction pipeline: document → sentences → mentions → entities → relations → :class:`Extraction`.

Each stage is a function of the previous stage's records. :class:`Extractor`
holds what is loaded once (lexicons, gazetteer, statistical model) and applies
the stages to one document at a time.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import Any

from extractors.entities import resolve_mentions
from extractors.lexicon import Gazetteer, load_gazetteer
from extractors.mentions import MentionFinder
from extractors.records import Document, Extraction, Record, Sentence
from extractors.relations import find_relations
from extractors.text import split_sentences

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


class ExtractorConfig(Record):
    """What an extractor loads, as one record the CLI, the pipeline and parallel workers share.

    ``model``: ``None`` for rules and lexicons only, ``"default"`` for the bundled NER model, or a model folder;
    ``gazetteer``: an extra gazetteer file; ``relation_model``: use the trained relation model (with an NER model).

    >>> ExtractorConfig(model=None).model_dump()
    {'model': None, 'gazetteer': None, 'relation_model': True}
    """

    model: str | None = "default"
    gazetteer: str | None = None
    relation_model: bool = True


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
        """Seconds spent in each stage so far (segment, mentions, entities, relations); ``ner`` is the model's part
        of ``mentions``."""

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
        clock = time.perf_counter
        t0 = clock()
        sentences = segment(document)
        t1 = clock()
        mentions = self.finder.find(document, sentences)
        t2 = clock()
        entities = resolve_mentions(document, mentions, self.gazetteer)
        t3 = clock()
        relations = find_relations(document, sentences, mentions, entities, self.relation_model, rules=self.rules)
        t4 = clock()
        for stage, seconds in (("segment", t1 - t0), ("mentions", t2 - t1), ("entities", t3 - t2), ("relations", t4 - t3)):
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
