"""Arabic text handling on real strings: folding for keys, display text kept, sentences."""

import pytest

from extractors.normalize import arabic_ratio, clean_text, fold, light_stem, match_key
from extractors.pipeline import extract, segment
from extractors.records import Document
from extractors.text import split_sentences, tokenize


@pytest.mark.parametrize(
    "a, b",
    [
        ("إنفيديا", "انفيديا"),
        ("أرامكو", "آرامكو"),
        ("مُصْطَفَى", "مصطفي"),
        ("الشـــركة", "الشركة"),
        ("صندوق الاستثمارات العامة", "صندوق الإستثمارات العامه"),
        ("«سوفت بنك»", "سوفت بنك"),
        ("Scale AI", "scale  ai"),
    ],
)
def test_spellings_of_one_name_share_a_key(a, b):
    assert match_key(a) == match_key(b)


def test_different_names_keep_different_keys():
    assert match_key("أمازون") != match_key("أمان")
    assert match_key("سامبا") != match_key("سابك")


def test_display_text_keeps_diacritics_and_drops_invisible_marks():
    raw = "\ufeffعُيِّن\u200f مديرًا\r\nللشركة"
    text = clean_text(raw)
    assert text == "عُيِّن مديرًا\nللشركة"
    assert fold(text) == "عين مديرا\nللشركه"


def test_light_stem_strips_clitics_for_features():
    assert light_stem("وبالشركات") != "وبالشركات"
    assert light_stem("لميتا") == "ميتا"


def test_sentences_split_on_arabic_punctuation_lines_and_table_rows():
    text = ("أعلنت الشركة أرباحها؟ نعم، وارتفع السهم 3.5٪. قال: «الصفقة تمت.» ثم انتهى\n"
            "البند | القيمة |\nشراء حصة | 2 مليار ريال |")
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "أعلنت الشركة أرباحها؟",
        "نعم، وارتفع السهم 3.5٪.",
        "قال: «الصفقة تمت.»",
        "ثم انتهى",
        "البند | القيمة |",
        "شراء حصة | 2 مليار ريال |",
    ]


def test_segment_spans_match_the_document():
    doc = Document(id="d", text="سطر أول.\n\nسطر ثانٍ؛ مع فاصلة منقوطة.")
    for s in segment(doc):
        assert doc.text[s.start:s.end] == s.text


def test_tokens_split_punctuation_but_keep_clitics_and_latin_names():
    words = [t.text for t in tokenize("وقّعت «أكوا باور» اتفاقية مع Saudi Aramco لبناء GPT-5 بـ١٤٫٣ مليار.")]
    assert words == ["وقّعت", "«", "أكوا", "باور", "»", "اتفاقية", "مع", "Saudi", "Aramco", "لبناء", "GPT-5", "بـ",
                     "١٤٫٣", "مليار", "."]


def test_fold_equals_camel_tools_on_every_character():
    """fold is one translation table: it must agree with camel-tools' dediacritization and letter normalization."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

    def camel(text: str) -> str:
        text = dediac_ar(text).replace("\u0640", "")
        text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
        return text.replace("ئ", "ي").replace("ؤ", "و").lower()

    from extractors.normalize import fold

    everything = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert fold.__wrapped__(everything) == camel(everything)
    for text in ("عُيّن الرئيسُ التنفيذيّ لإنفيديا", "مؤسسة آل ثانيـــة", "ٱلمدينة مُستشفى Scale AI"):
        assert fold(text) == camel(text)


def test_clean_text_equals_camel_tools_unicode_normalization_on_every_character():
    """clean_text is camel-tools' normalize_unicode (ligature fixes, then NFKC) without the invisible marks."""
    import re

    from camel_tools.utils.normalize import normalize_unicode

    everything = "".join(chr(c) for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000)
    invisible = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
    assert clean_text(everything) == invisible.sub("", normalize_unicode(everything))
    assert clean_text("سعر السهم ١٠٠ \ufdfc") == "سعر السهم ١٠٠ ريال"


def test_arabic_ratio_counts_letters_only():
    assert arabic_ratio("ميتا Meta 2026 ،!") == 0.5
    assert arabic_ratio("١٢٣ 456") == 0.0
    assert arabic_ratio("أعلنت شركة Nvidia عن نتائجها") > 0.7


def test_a_lone_surrogate_is_replaced_and_the_article_still_extracted():
    """Text decoded with ``surrogateescape`` (a library caller's stdin) holds lone surrogates no encoder accepts."""
    text = "استحوذت شركة ميتا على شركة ناشئة \udcd8 في صفقة كبيرة."
    assert "\ufffd" in clean_text(text) and "\udcd8" not in clean_text(text)
    assert ("ميتا", "ORG") in [(e.label, e.type) for e in extract(Document(id="t", text=text)).entities]
