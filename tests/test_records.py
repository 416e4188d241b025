"""Records: JSON round trips, validation, dropped dangling relations."""

import logging

import pytest
from pydantic import ValidationError

from extractors.records import Document, Entity, Evidence, Extraction, Relation


def test_extraction_round_trips_through_json(rules):
    doc = Document(id="r1", text="استثمرت شركة أرامكو 1.5 مليار دولار في شركة Lucid Motors الأمريكية.", title="خبر")
    ex = rules(doc)
    assert ex.relations, "the sentence states an investment"
    again = Extraction.model_validate_json(ex.model_dump_json())
    assert again == ex
    assert again.relations[0].amount == 1.5e9


def test_records_are_frozen_and_strict():
    doc = Document(id="x", text="نص")
    with pytest.raises(ValidationError):
        doc.text = "آخر"
    with pytest.raises(ValidationError):
        Document(id="x", text="نص", titel="typo")
    with pytest.raises(ValidationError):
        Relation(head="a", tail="b", relation="OWNS")
    with pytest.raises(ValidationError):
        Relation(head="a", tail="b", relation="ACQUIRED", confidence=1.5)


def test_relation_to_unknown_entity_is_dropped_with_a_warning(caplog):
    doc = Document(id="d", text="استحوذت أوبر على كريم")
    ev = Evidence(document="d", sentence=doc.text, start=0, end=len(doc.text))
    entity = Entity(id="e0", label="أوبر", type="ORG", key="اوبر")
    dangling = Relation(head="e0", tail="e9", relation="ACQUIRED", evidence=(ev,))
    with caplog.at_level(logging.WARNING):
        ex = Extraction(document=doc, entities=(entity,), relations=(dangling,))
    assert ex.relations == ()
    assert "unknown entity" in caplog.text


def test_spans_point_into_the_text(rules):
    doc = Document(id="s", text="قال الرئيس التنفيذي لشركة إنفيديا جنسن هوانغ إن الطلب على الرقائق قوي.")
    ex = rules(doc)
    for m in ex.mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start:m.end] == m.text
