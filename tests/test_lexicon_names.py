"""The extended given-name list and gazetteer: new names are found, ordinary words stay ordinary.

Sentences are written for these tests; they quote no article.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from extractors.lexicon import LEXICON_DIR, load_cues, load_gazetteer
from extractors.normalize import fold, match_key
from extractors.pipeline import extract
from extractors.records import Document


def _mentions(text: str) -> list[tuple[str, str]]:
    ex = extract(Document(id="t", text=text))
    return [(m.text, m.type) for m in ex.mentions]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("قال طلعت حرب إن الشركة ستتوسع في المنطقة.", "طلعت حرب"),
        ("أعلنت ميرفت التلاوي عن خطة جديدة للاستثمار.", "ميرفت التلاوي"),
        ("قال عبدالكريم الزهراني إن المشروع سينطلق العام المقبل.", "عبدالكريم الزهراني"),
        ("وأوضح امحمد بنعلي أن الطلب ارتفع خلال الربع الأخير.", "امحمد بنعلي"),
        ("قال سوندار بيتشاي إن الشركة ستطلق خدمة جديدة.", "سوندار بيتشاي"),
        ("وأكدت هيفاء الكبيسي أن المصنع سيبدأ الإنتاج قريبا.", "هيفاء الكبيسي"),
    ],
)
def test_new_given_name_starts_a_person(text: str, person: str) -> None:
    assert (person, "PERSON") in _mentions(text)


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        ("أعلن بنك مسقط عن أرباح قياسية في الربع الثالث.", "بنك مسقط", "bank_muscat"),
        ("رفع Bank Muscat توقعاته للأرباح السنوية.", "Bank Muscat", "bank_muscat"),
        ("استحوذ مصرف الريان على حصة في شركة ناشئة.", "مصرف الريان", "masraf_al_rayan"),
        ("وقعت مجموعة ماجد الفطيم اتفاقية مع شركة محلية.", "مجموعة ماجد الفطيم", "majid_al_futtaim"),
        ("قالت ماكنزي في تقرير إن السوق ستنمو.", "ماكنزي", "mckinsey"),
    ],
)
def test_new_gazetteer_entity_is_one_org(text: str, name: str, canonical: str) -> None:
    ex = extract(Document(id="t", text=text))
    found = [m for m in ex.mentions if m.text == name]
    assert found and all(m.type == "ORG" for m in found)
    assert [e for e in ex.entities if e.type == "ORG" and e.canonical == canonical]


@pytest.mark.parametrize(
    "text",
    [
        "تراجعت الأسعار بسبب ضعف الطلب في الريان خلال الصيف.",
        "سعر الجنيه المصري اليوم مستقر أمام الدولار.",
        "ارتفعت حصة المستثمرين الأجانب في السوق.",
        "قدم المساعد الذكي إجابات دقيقة للمستخدمين.",
    ],
)
def test_weak_name_or_ordinary_word_alone_is_no_mention(text: str) -> None:
    assert _mentions(text) == []


def test_gazetteer_names_belong_to_one_entry() -> None:
    raw = json.loads((LEXICON_DIR / "gazetteer.json").read_text(encoding="utf-8"))["entries"]
    ids = [e["id"] for e in raw]
    assert len(ids) == len(set(ids))
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in raw:
        for name in entry.get("names", []) + entry.get("weak_names", []):
            owners[match_key(name)].add(entry["id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert len(load_gazetteer().entries) == len(ids)


def test_given_names_are_not_ordinary_words() -> None:
    names = json.loads((LEXICON_DIR / "first_names.json").read_text(encoding="utf-8"))["names"]
    assert len({fold(n) for n in names}) > 1000
    cues = load_cues()
    for word in ("حصة", "مساعد", "رمضان", "الان", "مالك", "صافي", "كامل"):
        assert fold(word) not in cues.first_names
