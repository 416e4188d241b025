"""The records that flow through alaqat: text → document → mentions → entities → relations → extraction.

Every record is a frozen pydantic model that forbids unknown fields, so a typo in
a field name is an error, records hash and compare by value, and each one
round-trips through JSON (``model_dump_json`` / ``model_validate_json``).
Relations point at entities by id; :class:`Extraction` drops, with a warning, a
relation whose head or tail is not one of its entities.

The relation schema (13 types, their directions and symmetric ones) is the
product's contract, described in ``README.md``.
"""

from __future__ import annotations

import logging
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ExtractorConfig",
    "RELATION_TYPES",
    "SYMMETRIC_RELATIONS",
    "SCORED_TYPES",
    "EntityType",
    "MentionSource",
    "RelationType",
    "Status",
    "Record",
    "Document",
    "Sentence",
    "Mention",
    "Entity",
    "Evidence",
    "Relation",
    "Extraction",
]

log = logging.getLogger(__name__)

RelationType = Literal[
    "INVESTED_IN",
    "ACQUIRED",
    "MERGED_WITH",
    "FOUNDED",
    "LEADS",
    "WORKS_FOR",
    "LEFT",
    "COMPETES_WITH",
    "PARTNERS_WITH",
    "CUSTOMER_OF",
    "CONTRACT_WITH",
    "PART_OF",
    "PRODUCT_OF",
]
RELATION_TYPES: tuple[str, ...] = RelationType.__args__  # type: ignore[attr-defined]
SYMMETRIC_RELATIONS = frozenset({"MERGED_WITH", "COMPETES_WITH", "PARTNERS_WITH", "CONTRACT_WITH"})

EntityType = Literal["ORG", "PERSON", "PRODUCT", "LOC", "MISC"]
MentionSource = Literal["latin-version", "quoted-extended", "gazetteer-extended", "head-extended", "gazetteer", "quoted",
                        "latin", "head", "suffixed", "complement", "owned", "title", "given-name", "coordinated", "listed",
                        "acronym", "repeat", "model", "weak"]
"""How a mention was proposed (extractors.mentions ranks them where proposals overlap; resolution weighs them)."""
SCORED_TYPES = frozenset({"ORG", "PERSON", "PRODUCT"})
Status = Literal["completed", "agreed", "proposed", "talks", "denied"]


class Record(BaseModel):
    """Base of every alaqat record: immutable, strict about fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(Record):
    """One article: its id, display text (Unicode-normalized, diacritics kept) and metadata.

    >>> Document(id="a1", text="استحوذت أوبر على كريم").title
    ''
    """

    id: str = Field(min_length=1)
    text: str
    title: str = ""
    source: str = ""
    date: str | None = None
    path: str | None = None


class Sentence(Record):
    """A sentence of a document as a character span into ``Document.text``."""

    index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _span_order(self) -> "Sentence":
        if self.end < self.start:
            raise ValueError(f"sentence {self.index} ends ({self.end}) before it starts ({self.start})")
        return self


class Mention(Record):
    """A name found in the text: surface form, span, type, matching key and how it was found."""

    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: EntityType
    key: str
    sentence: int = Field(ge=0)
    source: MentionSource = "model"
    canonical: str | None = None
    """Id of the knowledge-base entry the mention matched, when it matched one."""


class Entity(Record):
    """One real-world entity of a document: its clean label and every mention of it."""

    id: str
    label: str
    type: EntityType
    key: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    canonical: str | None = None
    partial: bool = False
    """A bare given name or surname with no fuller name in its article: it becomes part of a person only if the
    graph holds exactly one person with that name part, and is dropped otherwise."""


class Evidence(Record):
    """Where a relation was read: the document, the sentence text and its character span."""

    document: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    trigger: str = ""
    date: str | None = None
    title: str = ""


class Relation(Record):
    """A fact ``head —relation→ tail`` between two entities of one document, with its attributes.

    >>> ev = Evidence(document="a1", sentence="استحوذت أوبر على كريم", start=0, end=21)
    >>> r = Relation(head="e1", tail="e2", relation="ACQUIRED", confidence=0.9, evidence=(ev,))
    >>> Relation.model_validate_json(r.model_dump_json()) == r
    True
    """

    head: str
    tail: str
    relation: RelationType
    head_mention: str | None = None
    tail_mention: str | None = None
    amount: float | None = Field(default=None, ge=0)
    currency: str | None = None
    approximate: bool = False
    """True when the text hedges the amount (نحو، حوالي، يقترب من)."""
    stake_percent: float | None = Field(default=None, ge=0, le=100)
    role: str | None = None
    status: Status | None = None
    date: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()


class Extraction(Record):
    """Everything read from one document. Relations to unknown entity ids are dropped with a warning."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _drop_dangling(cls, data: dict) -> dict:
        if not isinstance(data, dict) or "relations" not in data:
            return data
        ids = {e["id"] if isinstance(e, dict) else e.id for e in data.get("entities", ())}
        kept = []
        for rel in data["relations"]:
            head, tail = (rel["head"], rel["tail"]) if isinstance(rel, dict) else (rel.head, rel.tail)
            if head in ids and tail in ids:
                kept.append(rel)
            else:
                log.warning("dropped a relation to an unknown entity id (%s -> %s)", head, tail)
        return {**data, "relations": tuple(kept)}


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
