"""Every example sentence in the relation lexicon yields the facts its entry says it states (rules-only extraction).

Each entry of ``extractors/lexicons/relations.json`` carries an ``expect`` list of (head label, relation, tail
label) triples. Symmetric relations may be extracted in either order.
"""

from __future__ import annotations

import pytest

from extractors.lexicon import load_json
from extractors.pipeline import extract
from extractors.records import SYMMETRIC_RELATIONS, Document

ENTRIES = load_json("relations")["entries"]


def _key(head: str, relation: str, tail: str) -> tuple:
    if relation in SYMMETRIC_RELATIONS:
        return (relation, frozenset((head, tail)))
    return (relation, head, tail)


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{n}-{entry['relation']}" for n, entry in enumerate(ENTRIES)])
def test_example_yields_expected_facts(entry):
    assert entry.get("expect"), f"entry has no expect list: {entry['example']!r}"
    extraction = extract(Document(id="lexicon-example", text=entry["example"]))
    labels = {e.id: e.label for e in extraction.entities}
    found = {_key(labels[r.head], r.relation, labels[r.tail]) for r in extraction.relations}
    missing = [tuple(t) for t in entry["expect"] if _key(*t) not in found]
    assert not missing, (
        f"{entry['example']!r}: missing {missing}; extracted "
        f"{sorted((labels[r.head], r.relation, labels[r.tail]) for r in extraction.relations)}"
    )
