"""What alaqat adds around the NER model: the dictionary feature, document consistency and quoted titles."""

from __future__ import annotations

import pytest

from extractors.ner.dictionary import candidate_stems, in_dictionary
from extractors.ner.features import word_class
from extractors.ner.model import consistent_spans, quoted_titles


@pytest.mark.parametrize("word", ["والمستثمرين", "بمنافسيها", "لشركتها", "الاستحواذ", "وأعلنت", "المصرفية", "فالصفقة"])
def test_inflected_ordinary_words_are_in_the_dictionary(word):
    assert in_dictionary(word)
    assert word_class(word) in ("", "STOP", "ORGHEAD", "PRODHEAD", "SPEECH", "TITLE")


@pytest.mark.parametrize("word", ["كوينباس", "لستاربكس", "وزوكربيرغ", "بانتير", "ديلويت", "هواوي"])
def test_transliterated_names_are_not_and_are_marked_unknown(word):
    assert not in_dictionary(word)
    assert word_class(word) == "UNKNOWN"


def test_latin_digits_and_lexicon_words_keep_their_own_class():
    assert word_class("Pixelworks") == "" and word_class("2026") == ""
    assert word_class("بالدولار") == "CURRENCY" and word_class("وقال") == "SPEECH"


def test_a_bared_feminine_t_is_tried_as_teh_marbuta():
    assert "صفقه" in candidate_stems("صفقتها") and "مجموعه" in candidate_stems("ومجموعتنا")


def test_consistency_tags_recurring_names_with_proclitics_but_not_inside_other_words():
    words = [
        "تعاقد نادي الهلال مع المدرب".split(),
        "وفاز الهلال على ضيفه".split(),
        "وقال رئيس للهلال السابق إن".split(),
        "وتضم بالهلال لاعبين".split(),
        "هلال رمضان".split(),
    ]
    tagged = [[(2, 3, "ORG")], [], [], [], []]
    assert consistent_spans(words, tagged) == [[(2, 3, "ORG")], [(1, 2, "ORG")], [(2, 3, "ORG")], [(1, 2, "ORG")], []]
    assert consistent_spans(words, tagged, window=1)[3] == []


def test_quoted_titles_after_work_and_product_nouns_become_misc():
    words = 'أطلقت الشركة سيارة « ليلى إكس » وبرنامجا بعنوان " رواد المستقبل " ، وقال مديرها « نحن مستعدون »'.split()
    assert quoted_titles(words, []) == [(4, 6, "MISC"), (10, 12, "MISC")]
    assert quoted_titles(words, [(4, 6, "ORG")]) == [(4, 6, "ORG"), (10, 12, "MISC")]
