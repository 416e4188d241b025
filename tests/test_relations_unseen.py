"""Relation patterns of unseen news, on sentences written for these tests (not from any article): verb–subject–
object order, inflected triggers, duals and pronoun subjects across sentences, and amounts of deals."""

from __future__ import annotations

import pytest

from extractors.records import SYMMETRIC_RELATIONS, Document


def _triples(extractor, text):
    ex = extractor(Document(id="t", text=text))
    label = {e.id: e.label for e in ex.entities}
    out = set()
    for r in ex.relations:
        head, tail = label[r.head], label[r.tail]
        if r.relation in SYMMETRIC_RELATIONS:
            head, tail = sorted((head, tail))
        out.add((head, r.relation, tail, r.amount))
    return out


def _facts(extractor, text):
    return {t[:3] for t in _triples(extractor, text)}


def _mentions(extractor, text):
    return [(m.text, m.type) for m in extractor(Document(id="t", text=text)).mentions]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("تتعاون شركة زيفيرا مع شركة نوفالين في تطوير البطاريات.", ("زيفيرا", "PARTNERS_WITH", "نوفالين")),
        ("وتعاونت مايكروسوفت مع أوبن إيه آي في بناء الحواسيب.", ("أوبن إيه آي", "PARTNERS_WITH", "مايكروسوفت")),
        ("ستتعاون شركة أرامكو مع شركة توتال في مشروع جديد.", ("أرامكو", "PARTNERS_WITH", "توتال")),
    ],
)
def test_verb_subject_object_order(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("ستستحوذ شركة أمازون على شركة زوكس.", ("أمازون", "ACQUIRED", "زوكس")),
        ("وكانت شركة أمازون قد استحوذت على شركة زوكس.", ("أمازون", "ACQUIRED", "زوكس")),
        ("يستحوذ بنك الرياض على بنك الجزيرة.", ("بنك الرياض", "ACQUIRED", "بنك الجزيرة")),
    ],
)
def test_inflected_triggers_match_by_lemma(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("التقى مسؤولو شركة أرامكو وشركة توتال في الرياض. ووقعت الشركتان اتفاقية شراكة لبناء مصفاة.",
         ("أرامكو", "PARTNERS_WITH", "توتال")),
        ("أعلن بنك الرياض وبنك الجزيرة عن محادثات. وقال البنكان إن الاندماج سيكتمل قريبا.",
         ("بنك الجزيرة", "MERGED_WITH", "بنك الرياض")),
        ("اجتمعت شركة زيفيرا وشركة نوفالين أمس. وأعلن الطرفان عن شراكة استراتيجية.",
         ("زيفيرا", "PARTNERS_WITH", "نوفالين")),
    ],
)
def test_a_dual_stands_for_the_two_companies_before_it(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("أعلنت شركة سامسونج عن نتائجها. وقالت الشركة إنها ستستحوذ على شركة هارمان.", ("سامسونج", "ACQUIRED", "هارمان")),
        ("نشرت شركة زيفيرا تقريرها. وأكدت أنها استثمرت في شركة نوفالين.", ("زيفيرا", "INVESTED_IN", "نوفالين")),
        ("عقدت شركة أرامكو مؤتمرا. وذكرت بأنها ستستحوذ على شركة لوسيد.", ("أرامكو", "ACQUIRED", "لوسيد")),
    ],
)
def test_a_pronoun_subject_is_the_company_the_article_is_about(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("استحوذت شركة أدنوك على شركة كوفيسترو في صفقة بلغت قيمتها 14.7 مليار يورو.", 14.7e9),
        ("استحوذت شركة زيفيرا على شركة نوفالين في صفقة تقدر قيمتها بنحو 300 مليون دولار.", 300e6),
        ("وافقت شركة أمازون على شراء شركة زوكس في صفقة قيمتها مليار دولار.", 1e9),
    ],
)
def test_the_value_of_a_deal_is_its_amount(rules, text, amount):
    amounts = [t[3] for t in _triples(rules, text) if t[1] == "ACQUIRED"]
    assert amounts and amounts[0] == pytest.approx(amount)


def test_a_valuation_is_not_a_price(rules):
    text = "تقدر قيمة شركة نوفالين بنحو 60 مليار دولار، واستحوذت شركة زيفيرا على حصة فيها."
    assert all(t[3] != pytest.approx(60e9) for t in _triples(rules, text))


@pytest.mark.parametrize(
    ("frame", "problem"),
    [({"head": "befor", "tail": "after"}, "frames.0.head"), ({"head": "before", "tail": "after", "windw": 3}, "windw")],
)
def test_a_malformed_frame_is_an_error_naming_its_entry(frame, problem):
    from extractors.errors import LexiconError
    from extractors.relations import _validated

    entry = {"relation": "ACQUIRED", "example": "استحوذت زيفيرا على نوفالين.", "triggers": ["استحوذت"], "frames": [frame]}
    with pytest.raises(LexiconError, match=f"entry 0 \\(ACQUIRED.*{problem}"):
        _validated([entry])


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("شركة زيفيرا تستحوذ على شركة نوفالين\nوقالت شركة زيفيرا إنها ستدفع مقابل 300 مليون دولار نقدا.", 300e6),
        ("«أمازون» تشتري «زوكس»\nوقال رئيس أمازون إن الصفقة التي بلغت قيمتها مليار دولار تاريخية.", 1e9),
        ("بنك الرياض يستحوذ على بنك الجزيرة\nوأوضح بنك الجزيرة أن العرض بقيمة 2 مليار ريال.", 2e9),
    ],
)
def test_a_headline_deal_takes_the_price_stated_later(rules, text, amount):
    amounts = [t[3] for t in _triples(rules, text) if t[1] == "ACQUIRED"]
    assert amounts and amounts[0] == pytest.approx(amount)


def test_two_prices_in_the_article_leave_the_headline_deal_without_one(rules):
    text = "شركة زيفيرا تستحوذ على شركة نوفالين\nوقالت زيفيرا إن العرض بقيمة 300 مليون دولار، ودفعت نوفالين مقابل 50 مليون دولار لشركة أخرى."
    assert [t[3] for t in _triples(rules, text) if t[1] == "ACQUIRED"] == [None]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("أوقفت أوبر خدمة أوبر إيتس في المنطقة بعد خسائرها.", ("أوبر إيتس", "PRODUCT_OF", "أوبر")),
        ("أطلقت جوجل خدمة جوجل كلاود في الرياض.", ("جوجل كلاود", "PART_OF", "جوجل")),
        ("قالت سامسونج إن ذراعها سامسونج كابيتال تتوسع.", ("سامسونج كابيتال", "PART_OF", "سامسونج")),
    ],
)
def test_a_known_name_with_a_unit_word_is_its_product_or_unit(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "fact", "not_fact"),
    [
        ("استحوذ صندوق الاستثمارات العامة على حصة أرامكو في شركة سابك.",
         ("صندوق الاستثمارات العامة", "ACQUIRED", "سابك"), ("صندوق الاستثمارات العامة", "ACQUIRED", "أرامكو")),
        ("استحوذت شركة زيفيرا على حصة شركة نوفالين في بنك الواحة الوطني.",
         ("زيفيرا", "ACQUIRED", "بنك الواحة الوطني"), ("زيفيرا", "ACQUIRED", "نوفالين")),
        ("اشترت شركة أمازون حصة شركة زوكس في شركة لوسيد.",
         ("أمازون", "ACQUIRED", "لوسيد"), ("أمازون", "ACQUIRED", "زوكس")),
    ],
)
def test_a_stake_bought_from_its_holder_is_a_stake_in_the_company_after_it(rules, text, fact, not_fact):
    facts = _facts(rules, text)
    assert fact in facts and not_fact not in facts


@pytest.mark.parametrize(
    ("text", "facts", "not_fact"),
    [
        ("وكانت شركة زيفيرا المملوكة لشركة نوفالين تجري محادثات لشراء شركة لوسيد.",
         {("نوفالين", "INVESTED_IN", "زيفيرا"), ("زيفيرا", "ACQUIRED", "لوسيد")}, ("نوفالين", "ACQUIRED", "لوسيد")),
        ("أعلنت شركة أوركينا التابعة لشركة سامسونج أنها ستستحوذ على شركة هارمان.",
         {("أوركينا", "PART_OF", "سامسونج"), ("أوركينا", "ACQUIRED", "هارمان")}, ("سامسونج", "ACQUIRED", "هارمان")),
        ("قالت شركة زيفيرا المملوكة لشركة أمازون إنها ستستثمر في شركة لوسيد.",
         {("أمازون", "INVESTED_IN", "زيفيرا"), ("زيفيرا", "INVESTED_IN", "لوسيد")}, ("أمازون", "INVESTED_IN", "لوسيد")),
    ],
)
def test_an_owner_in_a_description_is_not_the_agent_of_the_verb_after_it(rules, text, facts, not_fact):
    found = _facts(rules, text)
    assert facts <= found and not_fact not in found


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("اندمجت شركة زيفيرا مع شركة نوفالين في صفقة كبيرة.", ("زيفيرا", "MERGED_WITH", "نوفالين")),
        ("وقال المحلل إن شركة زيفيرا اندمجت مع شركة نوفالين.", ("زيفيرا", "MERGED_WITH", "نوفالين")),
        ("وتنافس هواوي شركتي آبل وسامسونج في سوق الهواتف.", ("سامسونج", "COMPETES_WITH", "هواوي")),
        ("تنافس شركة زيفيرا شركة نوفالين في السوق.", ("زيفيرا", "COMPETES_WITH", "نوفالين")),
        ("استقال رئيس مجلس إدارة بنك الرياض محمد الخالدي من منصبه.", ("محمد الخالدي", "LEFT", "بنك الرياض")),
        ("استقالت الرئيسة التنفيذية لشركة زيفيرا سارة العلي من منصبها أمس.", ("سارة العلي", "LEFT", "زيفيرا")),
    ],
)
def test_verb_first_mergers_rivalries_and_resignations(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("قادت شركة سيكويا كابيتال جولة تمويل في شركة تمارا بقيمة 20 مليون دولار.", ("سيكويا كابيتال", "INVESTED_IN", "تمارا")),
        ("وقعت شركة أرامكو اتفاقية مع شركة توتال لبناء مصفاة.", ("أرامكو", "CONTRACT_WITH", "توتال")),
        ("أبرمت شركة زيفيرا عقدا مع شركة نوفالين بقيمة 10 ملايين دولار.", ("زيفيرا", "CONTRACT_WITH", "نوفالين")),
    ],
)
def test_a_phrase_trigger_around_its_subject(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("ووافقت أرامكو على مشروع مشترك مع مجموعة نورينكو الدفاعية الصينية.", ("أرامكو", "PARTNERS_WITH", "مجموعة نورينكو")),
        ("وقعت شركة زيفيرا مذكرة تفاهم مع بنك الواحة الوطني.", ("بنك الواحة الوطني", "PARTNERS_WITH", "زيفيرا")),
        ("أعلنت شركة نوفالين شراكة استراتيجية مع مصرف الأمل الإسلامي.", ("مصرف الأمل الإسلامي", "PARTNERS_WITH", "نوفالين")),
    ],
)
def test_a_name_that_keeps_its_head_noun_fills_a_preposition_slot(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "facts", "not_fact"),
    [
        ("وشغل جون سميث مناصب في شركتي أوراكل وسيسكو.", {("جون سميث", "WORKS_FOR", "أوراكل"), ("جون سميث", "WORKS_FOR", "سيسكو")}, None),
        ("قال خالد كعوان الرئيس التنفيذي لمجموعة المؤسسة العربية المصرفية إن السوق واعدة.", set(), "FOUNDED"),
        ("أعلنت مؤسسة زيفيرا الخيرية عن برنامج جديد مع شركة نوفالين.", set(), "FOUNDED"),
    ],
)
def test_shared_titles_and_an_institution_that_is_not_a_founder(rules, text, facts, not_fact):
    found = _facts(rules, text)
    assert facts <= found
    assert not_fact is None or all(f[1] != not_fact for f in found)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("عرضت شركة زيفيرا شراء حصة في شركة نوفالين، وهي صفقة قد تشمل 46% من الأسهم وتقدر بـ10.5 مليارات دولار.", 10.5e9),
        ("شركة زيفيرا تستحوذ على شركة نوفالين\nوقالت زيفيرا إن القيمة النهائية لصفقة نوفالين بلغت 400 مليون دولار، "
         "وإن أرباحها بلغت 50 مليون دولار.", 400e6),
    ],
)
def test_the_value_of_a_deal_stated_with_both_parties(rules, text, amount):
    amounts = [t[3] for t in _triples(rules, text) if t[1] in ("ACQUIRED", "INVESTED_IN") and t[3]]
    assert amounts and amounts[0] == pytest.approx(amount)


@pytest.mark.parametrize(
    "text",
    [
        "ترك المدرب منتخب الواحة من أجل قيادة نادي الهلال.",
        "وقعت شركة النفط الوطنية المملوكة للدولة «أرامكو» صفقة جديدة.",
    ],
)
def test_no_investment_from_leading_a_team_or_a_state_owner(rules, text):
    assert all(f[1] != "INVESTED_IN" for f in _facts(rules, text))


@pytest.mark.parametrize(
    ("text", "subjects", "rivals"),
    [
        ("أطلقت شركة فيرانتيس سيارة جديدة طامحة لمنافسة تيسلا وبي واي دي.", ["فيرانتيس"], ["تيسلا", "بي واي دي"]),
        ("وسعت شركة نوفالين شبكتها في الخليج لمنافسة أوبر في أسواق المنطقة.", ["نوفالين"], ["أوبر"]),
        ("دخلت زين ونوفالين في تحالف لمواجهة المنافسة من جانب فودافون وأورنج.", ["زين", "نوفالين"], ["فودافون", "أورنج"]),
    ],
)
def test_the_object_of_a_verbal_noun_of_competition_competes_with_the_subject(full, text, subjects, rivals):
    found = {frozenset((f[0], f[2])) for f in _facts(full, text) if f[1] == "COMPETES_WITH"}
    assert {frozenset((s, r)) for s in subjects for r in rivals} <= found
    assert not any(frozenset((a, b)) in found for a in rivals for b in rivals)  # rivals named together are not rivals


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("كشفت شركة نوفالين عن أرباحها، وقالت إن هاتفها الجديد «نوفا 3» سيطرح الشهر المقبل.", ("نوفا 3", "PRODUCT_OF", "نوفالين")),
        ("أعلنت لينوفو أن حاسوبها المحمول «ليجن برو» سيعمل بمعالجات جديدة.", ("ليجن برو", "PRODUCT_OF", "لينوفو")),
        ("تعمل شركة زيفيرا على تحسين تطبيقها «زيفيرا باي» قبل إطلاقه في مصر.", ("زيفيرا باي", "PRODUCT_OF", "زيفيرا")),
    ],
)
def test_a_product_head_with_a_possessive_suffix_names_a_product_of_its_antecedent(full, text, fact):
    assert fact in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("سيعمل الحاسوب بمعالج «رايزن إكس» الذي تصنعه شركة إيه إم دي.", ("رايزن إكس", "PRODUCT_OF", "إيه إم دي")),
        ("انتشر تطبيق «دربي» الذي تطوره شركة زيفيرا في أسواق الخليج.", ("دربي", "PRODUCT_OF", "زيفيرا")),
    ],
)
def test_a_relative_clause_in_the_present_names_the_maker(full, text, fact):
    assert fact in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "product", "maker"),
    [
        ("تطور Rivian سيارتها الثانية Rivian R3 لخفض التكاليف.", "Rivian R3", "Rivian"),
        ("بدأت Tesla تسليم سيارات Tesla Model Y المحدثة في الصين.", "Tesla Model Y", "Tesla"),
    ],
)
def test_a_known_company_with_a_model_designation_is_its_product(rules, text, product, maker):
    entities = {e.label: e.type for e in rules(Document(id="t", text=text)).entities}
    assert entities.get(product) == "PRODUCT" and entities.get(maker) == "ORG"


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("قالت شركة زيفيرا إن ذراعها الاستثمارية «رواسي كابيتال» ضخت أموالا في شركتين ناشئتين.", ("رواسي كابيتال", "PART_OF", "زيفيرا")),
        ("أعلنت مجموعة نوفالين أن وحدتها «بلوفيكس» ستفتتح مصنعا في الدمام.", ("بلوفيكس", "PART_OF", "مجموعة نوفالين")),
        ("وتعود ملكية شركة «ماركوفا» بالكامل إلى مجموعة «سديم».", ("ماركوفا", "PART_OF", "سديم")),
    ],
)
def test_units_named_by_a_possessive_or_by_ownership_are_part_of_the_owner(full, text, fact):
    assert fact in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وتزود شركة «سديم» شركة «رواسي» بالرقائق التي تحتاجها لمصانعها.", ("رواسي", "CUSTOMER_OF", "سديم")),
        ("تزود هواوي مجموعة زيفيرا بمعدات الشبكات منذ عامين.", ("مجموعة زيفيرا", "CUSTOMER_OF", "هواوي")),
        ("قالت سامسونج إنها ستزود أبل بشاشات الهواتف الجديدة.", ("أبل", "CUSTOMER_OF", "سامسونج")),
    ],
)
def test_the_object_supplied_with_something_is_the_customer(full, text, fact):
    assert fact in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("أسست أرامكو وتوتال شركة «ساتورب» للتكرير في الجبيل.", {("أرامكو", "FOUNDED", "ساتورب"), ("توتال", "FOUNDED", "ساتورب")}),
        ("اتفقت هيونداي وسامسونج على تأسيس شركة جديدة تسمى «زيفيرا» لصناعة البطاريات.",
         {("هيونداي", "FOUNDED", "زيفيرا"), ("سامسونج", "FOUNDED", "زيفيرا")}),
        ("وتعد شركة «رواسي» مشروعا مشتركا بين مجموعة «سديم» وشركة «نوفالين».",
         {("سديم", "FOUNDED", "رواسي"), ("نوفالين", "FOUNDED", "رواسي")}),
    ],
)
def test_companies_that_found_a_joint_company_each_founded_it(full, text, facts):
    assert facts <= _facts(full, text)


def test_a_woman_co_founder_is_a_founder_not_an_institution(full):
    text = "قالت سارة المطوع، المؤسسة المشاركة لشركة «رواسي»، إن الشركة تتوسع."
    assert ("سارة المطوع", "FOUNDED", "رواسي") in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("قاد صندوق «بيكو كابيتال» جولة تمويل بقيمة 20 مليون دولار في «رواسي»، بمشاركة «سنابل للاستثمار» و«زيفيرا فنتشرز».",
         {("بيكو كابيتال", "INVESTED_IN", "رواسي"), ("سنابل للاستثمار", "INVESTED_IN", "رواسي"), ("زيفيرا فنتشرز", "INVESTED_IN", "رواسي")}),
        ("جمعت شركة «ماركوفا» 5 ملايين دولار في جولة تمويل بمشاركة «سديم كابيتال».", {("سديم كابيتال", "INVESTED_IN", "ماركوفا")}),
    ],
)
def test_participants_in_a_funding_round_invest_in_the_funded_company(full, text, facts):
    found = _facts(full, text)
    assert facts <= found
    assert not any(f[1] == "INVESTED_IN" and f[2] in ("بيكو كابيتال", "سنابل للاستثمار") for f in found)


def test_holding_a_share_of_a_company_is_an_investment(full):
    text = "يمتلك بنك «زيفيرا» 31% من «البنك السعودي الأول» منذ عام 2019."
    assert ("زيفيرا", "INVESTED_IN", "البنك السعودي الأول") in _facts(full, text)


def test_a_chain_of_outlets_is_a_company(full):
    found = _mentions(full, "افتتحت سلسلة المطاعم «بيت الكبسة» عشرة فروع جديدة.")
    assert ("بيت الكبسة", "ORG") in found


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("يرأس أحمد بن سعيد آل مكتوم مجلس إدارة مجموعة «طيران الإمارات» منذ تأسيسها.", ("أحمد بن سعيد آل مكتوم", "LEADS", "طيران الإمارات")),
        ("تولى وائل الحسيني رئاسة مجلس إدارة «بنك القاهرة» العام الماضي.", ("وائل الحسيني", "LEADS", "بنك القاهرة")),
        ("أعلنت شركة «رواسي» تعيين كريم الدباغ رئيسا تنفيذيا لها.", ("كريم الدباغ", "LEADS", "رواسي")),
    ],
)
def test_taking_the_chair_names_the_leader(full, text, fact):
    assert fact in _facts(full, text)


def test_an_institution_is_not_its_founder(full):
    text = "تسعى مؤسسة جنرال موتورز إلى استعادة المركز الأول في السوق العالمية."
    assert not any(f[1] == "FOUNDED" for f in _facts(full, text))


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وقالت ماريا سانتوس، كبيرة العلماء في «نوفارتس»، إن العقار يدخل المرحلة الثالثة.", ("ماريا سانتوس", "WORKS_FOR", "نوفارتس")),
        ("وقال جيان روسي، الشريك الإداري في «إنفستكورب»، إن الشركة ستستثمر في أوروبا.", ("جيان روسي", "WORKS_FOR", "إنفستكورب")),
        ("انضم وليد الخطيب إلى شركة «رواسي» مديرا للأصول، قادما من «إتش إس بي سي».", ("وليد الخطيب", "WORKS_FOR", "إتش إس بي سي")),
    ],
)
def test_titles_below_the_top_and_former_employers_are_work(full, text, fact):
    assert fact in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("قال الشيخ حمد بن ناصر، مالك نادي «فيرانتيس»، إن الفريق سيواصل الاستثمار.", ("حمد بن ناصر", "INVESTED_IN", "فيرانتيس")),
        ("وكان رجل الأعمال سامر الخطيب، مالك شركة «رواسي»، قد نفى بيعها.", ("سامر الخطيب", "INVESTED_IN", "رواسي")),
    ],
)
def test_the_owner_named_in_apposition_invests_in_what_he_owns(full, text, fact):
    assert fact in _facts(full, text)


def test_malik_as_a_given_name_is_no_owner(full):
    text = "قال مالك العبدالله، الرئيس التنفيذي لشركة «رواسي»، إن النتائج قوية."
    assert {f[1] for f in _facts(full, text)} == {"LEADS"}


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("قال لؤي الجمل، الرئيس التنفيذي لشركتي «زيفيرا للأدوية» و«زيفيرا للمستلزمات الطبية»، إن الخطة جاهزة.",
         {("لؤي الجمل", "LEADS", "زيفيرا للأدوية"), ("لؤي الجمل", "LEADS", "زيفيرا للمستلزمات الطبية")}),
        ("استحوذت مجموعة «سديم» على شركتي «رواسي» و«نوفالين» مقابل 200 مليون دولار.",
         {("سديم", "ACQUIRED", "رواسي"), ("سديم", "ACQUIRED", "نوفالين")}),
    ],
)
def test_a_dual_head_names_two_parties(full, text, facts):
    assert facts <= _facts(full, text)


def test_a_party_from_an_earlier_sentence_is_read_in_its_own_sentence(full):
    text = ("أعلنت في العاصمة السعودية الرياض صباح اليوم الاثنين بعد اجتماع طويل لمجلس الإدارة استمر عدة ساعات "
            "شركة «رواسي» للتقنية المالية نتائجها. وقال رئيسها سامر الخطيب إن النتائج قوية.")
    assert ("سامر الخطيب", "LEADS", "رواسي") in _facts(full, text)  # the list check read this sentence's tokens


def test_a_partnership_takes_the_amount_of_its_sentence(full):
    text = "وقعت أرامكو شراكة مع شركة «زيفيرا» لبناء مجمع للبتروكيماويات بقيمة 10 مليارات دولار."
    amounts = {(t[0], t[2]): t[3] for t in _triples(full, text) if t[1] == "PARTNERS_WITH"}
    assert 10_000_000_000 in amounts.values()


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("تمتلك مجموعة «سديم» حصة مسيطرة في شركة «رواسي» منذ عام 2018.", "ACQUIRED"),
        ("تمتلك مجموعة «سديم» حصة تبلغ 70% في شركة «رواسي».", "ACQUIRED"),
        ("تمتلك مجموعة «سديم» حصة تبلغ 12% في شركة «رواسي».", "INVESTED_IN"),
    ],
)
def test_a_controlling_or_majority_stake_is_an_acquisition(full, text, relation):
    found = {f[1] for f in _facts(full, text) if f[0] == "سديم" and f[2] == "رواسي"}
    assert found == {relation}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وقالت ليلى الحربي، الرئيسة التنفيذية لشركة سابك، إن الطلب قوي.", ("ليلى الحربي", "LEADS", "سابك")),
        ("وقالت ليلى الحربي، الرئيسة التنفيذية السابقة لشركة سابك، إن الطلب قوي.", ("ليلى الحربي", "LEADS", "سابك")),
        ("وأكدت ليلى الحربي، المديرة العامة لمجموعة أرامكو، أن المشروع يسير وفق الخطة.", ("ليلى الحربي", "LEADS", "أرامكو")),
        ("وقالت ليلى الحربي، نائبة الرئيس في سابك، إن الطلب قوي.", ("ليلى الحربي", "WORKS_FOR", "سابك")),
    ],
)
def test_a_womans_title_names_the_same_relation(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "واستثمرت كل من سابك وأرامكو في شركة تيراكوم.",
        "وتملك كل من «سابك» و«أرامكو» حصة في شركة تيراكوم.",
    ],
)
def test_each_of_opens_a_list_of_parties(rules, text):
    facts = _facts(rules, text)
    assert {("سابك", "INVESTED_IN", "تيراكوم"), ("أرامكو", "INVESTED_IN", "تيراكوم")} <= facts


def test_a_rounds_lead_investor_is_not_the_company_funded(rules):
    text = "وقادت سيكويا جولة تمويل بقيمة 50 مليون دولار في شركة تيراكوم بمشاركة صندوق الاستثمارات العامة."
    facts = _facts(rules, text)
    assert ("صندوق الاستثمارات العامة", "INVESTED_IN", "تيراكوم") in facts
    assert ("صندوق الاستثمارات العامة", "INVESTED_IN", "سيكويا") not in facts
    assert ("سيكويا", "INVESTED_IN", "صندوق الاستثمارات العامة") not in facts


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت شركة زيراتك أنها لم تتقدم بأي عرض لشراء شركة تيراكوم.",
        "وقال مسؤول في سابك إن الشركة لا تعتزم الدخول في أي تحالف مع أرامكو.",
        "وأصدرت أرامكو بيانا نافية ما تردد عن استحواذها على شركة تيراكوم.",
    ],
)
def test_a_deal_denied_with_any_or_a_denying_participle_is_not_asserted(rules, text):
    assert not [f for f in _facts(rules, text) if f[1] in ("ACQUIRED", "PARTNERS_WITH")]


def test_a_title_joined_to_a_chain_of_titles_names_the_person_before_the_chain(rules):
    text = "وقال خالد الراشد، وزير الصناعة والرئيس التنفيذي لمجموعة زين، إن الشركة ستتوسع."
    assert ("خالد الراشد", "LEADS", "زين") in _facts(rules, text)


def test_an_accusative_title_names_the_same_relation(rules):
    text = "وكان خالد الراشد عضواً مستقلاً في مجلس إدارة مجموعة زين قبل عامين."
    assert ("خالد الراشد", "WORKS_FOR", "زين") in _facts(rules, text)


def test_a_product_belonging_to_a_company_is_its_product(rules):
    text = "وتستخدم سابك تطبيق «Nexora Flow» التابع لشركة «زيراتك» لإدارة مخزونها."
    facts = _facts(rules, text)
    assert ("Nexora Flow", "PRODUCT_OF", "زيراتك") in facts
    assert ("Nexora Flow", "PART_OF", "زيراتك") not in facts


def test_the_company_that_raised_the_round_is_the_one_funded(rules):
    text = "وشارك صندوق الاستثمارات العامة في جولة التمويل البالغة 500 مليون دولار التي جمعتها شركة «تيراكوم»."
    assert ("صندوق الاستثمارات العامة", "INVESTED_IN", "تيراكوم") in _facts(rules, text)


def test_a_definite_description_refers_to_the_entity_named_with_its_head_noun(rules):
    """للمجموعة refers to the group the article named مجموعة X, not to the nearest company."""
    text = ("أتمت مجموعة زيراتك الاستحواذ على تطبيق «كوانتا»، في حين احتفظت سابك بخدمة «تيرا رايد»، "
            "وفق ما قاله حاتم دويدار، الرئيس التنفيذي للمجموعة.")
    facts = _facts(rules, text)
    assert any(f[0] == "حاتم دويدار" and f[1] == "LEADS" and "زيراتك" in f[2] for f in facts)
    assert ("حاتم دويدار", "LEADS", "سابك") not in facts


def test_the_object_of_a_sale_in_verb_subject_object_order_is_what_was_sold(rules):
    text = "وباعت مجموعة سابك شركة «تيراكوم» لشركة «زيراتك» مقابل 300 مليون دولار."
    facts = _facts(rules, text)
    assert ("زيراتك", "ACQUIRED", "تيراكوم") in facts
    assert not [f for f in facts if f[1] == "ACQUIRED" and f[2] == "سابك"]


def test_quote_marks_do_not_break_adjacency(rules):
    text = "ويتفوق تطبيق «Nexora Flow» من «مايكروسوفت» على منافسيه في السوق."
    assert ("Nexora Flow", "PRODUCT_OF", "مايكروسوفت") in _facts(rules, text)


def test_a_pronoun_never_refers_into_a_description(rules):
    """نموذجها refers to the company, not to the fund inside «المملوكة لـ…»."""
    text = "أطلقت شركة زيراتك، المملوكة لصندوق الاستثمارات العامة، تطبيقا مبنيا على نموذجها اللغوي «Nexora 2»."
    facts = _facts(rules, text)
    assert ("Nexora 2", "PRODUCT_OF", "زيراتك") in facts
    assert ("Nexora 2", "PRODUCT_OF", "صندوق الاستثمارات العامة") not in facts


def test_a_title_ending_in_its_preposition_takes_the_definite_description_after_it(rules):
    text = "عينت مجموعة زيراتك القابضة المهندس خالد الراشد رئيساً تنفيذياً للمجموعة، خلفاً لسامي العتيبي."
    assert any(f[:2] == ("خالد الراشد", "LEADS") and "زيراتك" in f[2] for f in _facts(rules, text))


def test_a_round_for_a_company_named_with_an_attached_preposition(rules):
    text = "وشاركت سابك في جولة التمويل الأخيرة لشركة «تيراكوم» بقيمة 20 مليون دولار."
    assert ("سابك", "INVESTED_IN", "تيراكوم") in _facts(rules, text)


def test_a_minister_leads_the_ministry_of_his_portfolio(full):
    text = "قال سامي العتيبي، وزير الصناعة، إن «وزارة الصناعة» وقعت اتفاقية مع شركة زيراتك."
    assert ("سامي العتيبي", "LEADS", "وزارة الصناعة") in _facts(full, text)


def test_a_founder_title_joined_to_a_chain_names_the_person_before_it(rules):
    text = "وأعلن خالد الراشد، الرئيس التنفيذي لسابك ومؤسس شركة «تيراكوم»، عن خطة جديدة."
    assert ("خالد الراشد", "FOUNDED", "تيراكوم") in _facts(rules, text)


def test_a_possessive_partner_noun_names_a_partnership(rules):
    text = "قالت سابك إنها تدرس مع شريكتها «أرامكو» توسعة المجمع."
    assert ("أرامكو", "PARTNERS_WITH", "سابك") in _facts(rules, text)


def test_a_name_after_a_preposition_and_a_head_noun_is_governed(rules):
    """عبر وحدتها «X»: X is governed (not the agent); the subject before it is."""
    text = "وكانت سابك عبر وحدتها «تيراكوم» استحوذت على شركة زيراتك."
    facts = _facts(rules, text)
    assert ("سابك", "ACQUIRED", "زيراتك") in facts
    assert ("تيراكوم", "ACQUIRED", "زيراتك") not in facts


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("استحوذت مجموعة «فالكون» على حصة 25% في شركة نوفالين مقابل 80 مليون دولار.", ("فالكون", "INVESTED_IN", "نوفالين")),
        ("«سديم» تشتري 30% من «زيفيرا» في صفقة بقيمة 200 مليون ريال.", ("سديم", "INVESTED_IN", "زيفيرا")),
        ("واستحوذت أرامكو على حصة 70% في شركة نوفالين العام الماضي.", ("أرامكو", "ACQUIRED", "نوفالين")),
        ("وتملك «سديم» حصة في «نوفالين» منذ سنوات.", ("سديم", "INVESTED_IN", "نوفالين")),
        ("واستحوذت «سديم» على حصة في «نوفالين» العام الماضي.", ("سديم", "INVESTED_IN", "نوفالين")),
        ("واستحوذت «سديم» على حصة 60% في «نوفالين».", ("سديم", "ACQUIRED", "نوفالين")),
        ("إذ يملك صندوق «زيفيرا» السعودي نادي «نوفالين» الإنجليزي منذ 2021.", ("زيفيرا", "ACQUIRED", "نوفالين")),
    ],
)
def test_a_stake_of_no_size_or_a_minority_is_an_investment_and_a_majority_or_a_company_an_acquisition(full, text, fact):
    """حصة 25% / 30% من / حصة (no size): INVESTED_IN; حصة 60% / 70%، يملك نادي X: ACQUIRED (GUIDELINES)."""
    facts = _facts(full, text)
    assert fact in facts
    other = "ACQUIRED" if fact[1] == "INVESTED_IN" else "INVESTED_IN"
    assert (fact[0], other, fact[2]) not in facts


def test_a_percentage_outside_the_deal_does_not_make_an_acquisition_an_investment(full):
    text = "ارتفع سهم «زيفيرا» 4% بعد أن استحوذت مجموعة «فالكون» على «زيفيرا» مقابل مليار دولار."
    assert ("فالكون", "ACQUIRED", "زيفيرا") in _facts(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "«سديم» تشتري 30% من «زيفيرا» في صفقة بقيمة 200 مليون ريال.",
        "تشتري مجموعة فالكون حصة في شركة نوفالين من مساهميها.",
    ],
)
def test_buying_a_stake_is_not_being_a_customer(full, text):
    assert not [f for f in _facts(full, text) if f[1] == "CUSTOMER_OF"]


@pytest.mark.parametrize(
    ("text", "investors", "funded"),
    [
        ("أغلقت منصة «زيفيرا» (Zefira) جولة تمويل بقيمة 40 مليون دولار، قادها صندوق «نوفا» (Nova) بمشاركة «سديم كابيتال».",
         ["نوفا", "سديم كابيتال"], "زيفيرا"),
        ("أعلنت شركة «بلوماتيكس» إغلاق جولة تمويل بقيمة 12 مليون دولار، بقيادة صندوق «بريدجستون» (Bridgestone)، وبمشاركة كل من "
         "«أوركينا كابيتال» و«رواسي فنتشرز».", ["بريدجستون", "أوركينا كابيتال", "رواسي فنتشرز"], "بلوماتيكس"),
        ("أعلن استوديو «نوفالين» إغلاق جولة تمويل بقيمة 9 ملايين دولار، قادتها مجموعة «سديم» المملوكة بالكامل لصندوق "
         "«الأفق»، بمشاركة «رواسي فنتشرز».", ["سديم", "رواسي فنتشرز"], "نوفالين"),
    ],
)
def test_every_investor_of_a_round_invests_in_the_company_that_raised_it(full, text, investors, funded):
    """Participants (بمشاركة) invest in the company that raised the round, never in its lead investor, whose
    Latin name in brackets, or an owner described after it, does not take the round."""
    facts = _facts(full, text)
    for investor in investors:
        assert (investor, "INVESTED_IN", funded) in facts
    assert not [f for f in facts if f[1] == "INVESTED_IN" and f[0] in investors and f[2] != funded]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وتتنافس «بلوماتيكس» مع «أوركينا المغرب»، فرع المجموعة الفرنسية «أوركينا»، في سوق الاتصالات.",
         ("أوركينا المغرب", "PART_OF", "أوركينا")),
        ("وقعت «زيفيرا» اتفاقية مع «نوفالين»، ذراع المجموعة الإماراتية «سديم» في قطاع الطاقة.",
         ("نوفالين", "PART_OF", "سديم")),
    ],
)
def test_a_definite_description_followed_by_a_name_is_that_name(full, text, fact):
    """فرع المجموعة الفرنسية «X»: the description is in apposition to X, whatever the article made salient."""
    facts = _facts(full, text)
    assert fact in facts
    assert not [f for f in facts if f[0] == fact[0] and f[1] == "PART_OF" and f[2] != fact[2]]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وكان خالد العمري قد عمل ست سنوات مديراً للمنتجات في شركة «زيفيرا» الأمريكية.", ("خالد العمري", "WORKS_FOR", "زيفيرا")),
        ("وقال سامر الحداد، المدير العام المكلف بالشبكات في «نوفالين»، إن التغطية ستتوسع.", ("سامر الحداد", "WORKS_FOR", "نوفالين")),
        ("وأوضحت ليلى العتيبي، المديرة التنفيذية لقطاع الأفراد في «سديم»، أن القروض ارتفعت.", ("ليلى العتيبي", "WORKS_FOR", "سديم")),
        ("أعلنت شركة «نوفالين» نتائجها. وقال ماجد السالم، المدير التنفيذي في إدارة الأصول الخليجية لدى «سديم»، إن "
         "السوق ينمو.", ("ماجد السالم", "WORKS_FOR", "سديم")),
    ],
)
def test_a_title_over_a_function_of_the_company_works_for_it(full, text, fact):
    """مدير المنتجات في X is an executive below the top (GUIDELINES: WORKS_FOR), not X's head."""
    facts = _facts(full, text)
    assert fact in facts
    assert (fact[0], "LEADS", fact[2]) not in facts


def test_a_title_of_the_company_itself_still_leads_it(full):
    assert ("خالد العمري", "LEADS", "زيفيرا") in _facts(full, "وقال خالد العمري، الرئيس التنفيذي لشركة زيفيرا، إن الصفقة مهمة.")


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("أعلنت منصة «زيفيرا» إغلاق جولة تمويل. وأسست الشركة عام 2020 سلمى خالد العتيبي، التي تقودها اليوم.",
         ("سلمى خالد العتيبي", "FOUNDED", "زيفيرا")),
        ("أعلن مختبر «نوفالين» عن نموذج جديد. وأسس المختبر عام 2018 المهندس سامر الحداد.",
         ("سامر الحداد", "FOUNDED", "نوفالين")),
        ("أعلنت شركة «سديم» عن مشروع جديد. وتأسست الشركة الناشئة عام 2021 على يد المهندس فهد سالم العتيبي.",
         ("فهد سالم العتيبي", "FOUNDED", "سديم")),
    ],
)
def test_a_definite_description_as_object_or_inside_a_phrase_is_the_company(full, text, fact):
    """أسست الشركة … فلانة (verb, definite object, subject) and تأسست الشركة الناشئة على يد …: the description is the
    company the article is about; a description never fills a person's slot."""
    assert fact in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("بدأت شركة «زيفيرا» وشركة «نوفالين» محادثات اندماج. وتواجه الشركتان منافسة متصاعدة في الأسواق الآسيوية "
         "من «سديم» السعودية.", [("زيفيرا", "COMPETES_WITH", "سديم"), ("سديم", "COMPETES_WITH", "نوفالين")]),
        ("بدأ بنك «زيفيرا» وبنك «نوفالين» دراسة اندماج. ويرى مصرفيون أن الخطوة رد على اشتداد منافستهما مع بنك «سديم».",
         [("زيفيرا", "COMPETES_WITH", "سديم"), ("سديم", "COMPETES_WITH", "نوفالين")]),
    ],
)
def test_a_dual_subject_of_a_competition_is_each_of_the_two_companies(full, text, facts):
    """الشركتان / منافستهما stand for the two companies of the article: each competes with the rival named, and
    they do not compete with each other."""
    found = _facts(full, text)
    for fact in facts:
        assert fact in found
    assert ("زيفيرا", "COMPETES_WITH", "نوفالين") not in found


def test_competition_from_a_list_pairs_each_rival_with_the_subject(full):
    found = _facts(full, "وتواجه مجموعة «بلوماتيكس» منافسة متزايدة من «زيفيرا» و«نوفالين» في سوق التوصيل.")
    assert ("بلوماتيكس", "COMPETES_WITH", "زيفيرا") in found and ("بلوماتيكس", "COMPETES_WITH", "نوفالين") in found
    assert ("زيفيرا", "COMPETES_WITH", "نوفالين") not in found




@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("وستحتدم المنافسة في السوق العمانية بين «زيفيرا» و«نوفالين» خلال العام المقبل.",
         [("زيفيرا", "COMPETES_WITH", "نوفالين")]),
        ("وتتنافس «بلوماتيكس» مع لاعبين أكبر حجما، أبرزهم «نوفالين» و«زيفيرا»، في السوق.",
         [("بلوماتيكس", "COMPETES_WITH", "نوفالين"), ("بلوماتيكس", "COMPETES_WITH", "زيفيرا")]),
        ("وكانت «زيفيرا» قد نافست «نوفالين» على العقد قبل أن تنسحب.", [("زيفيرا", "COMPETES_WITH", "نوفالين")]),
    ],
)
def test_competition_between_two_rivals_named_after_a_class_or_in_the_perfect(full, text, facts):
    """المنافسة بين X وY; مع لاعبين، أبرزهم X وY; نافست (a perfect whose first letter looks like a prefix)."""
    found = _facts(full, text)
    for fact in facts:
        assert fact in found


def test_a_pronoun_title_in_a_relative_clause_goes_back_to_its_person(full):
    """فلان، الذي يشغل منصب رئيسها التنفيذي: the title's holder stands before the relative clause."""
    text = "أعلنت «زيفيرا» عن مشروع جديد. وأسس الشركة المهندس فهد سالم العتيبي، الذي يشغل منصب رئيسها التنفيذي."
    assert ("فهد سالم العتيبي", "LEADS", "زيفيرا") in _facts(full, text)


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت «زيفيرا» توقيع طلبية مؤكدة مع «نوفالين» لشراء 40 طائرة من طراز «سديم 300».",
        "وتعتزم «زيفيرا» شراء 500 حافلة كهربائية من «نوفالين» خلال عامين.",
    ],
)
def test_buying_a_count_of_goods_is_no_acquisition(full, text):
    """لشراء 40 طائرة: units of a product are bought from its maker; no company changes hands."""
    assert not [f for f in _facts(full, text) if f[1] == "ACQUIRED"]


def test_an_order_from_a_maker_makes_a_customer(full):
    text = "أعلنت شركة «زيفيرا» للطيران توقيع طلبية مؤكدة مع «نوفالين» لشراء 20 طائرة."
    assert ("زيفيرا", "CUSTOMER_OF", "نوفالين") in _facts(full, text)


def test_the_model_adds_no_acquisition_where_the_rules_read_a_minority_stake(full):
    facts = _facts(full, "وتعتزم «زيفيرا» شراء 30% من «نوفالين» قبل نهاية العام.")
    assert ("زيفيرا", "INVESTED_IN", "نوفالين") in facts and ("زيفيرا", "ACQUIRED", "نوفالين") not in facts


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وقالت ليلى العتيبي، التي عملت خمس سنوات في «زيفيرا»، إن السوق واعدة.", ("ليلى العتيبي", "WORKS_FOR", "زيفيرا")),
        ("وكان سامي الحداد قد أمضى سبع سنوات مصمما في «نوفالين» قبل أن يستقيل.", ("سامي الحداد", "WORKS_FOR", "نوفالين")),
    ],
)
def test_a_duration_between_a_verb_of_working_and_its_company_is_skipped(full, text, fact):
    """عمل خمس سنوات في X، أمضى سبع سنوات مصمما في X: worked there, whatever the duration and role between."""
    assert fact in _facts(full, text)


def test_a_duration_with_no_verb_of_working_makes_no_employee(full):
    assert not [f for f in _facts(full, "وأمضى وفد «زيفيرا» ثلاثة أيام في «نوفالين» لبحث الصفقة.") if f[1] == "WORKS_FOR"]


@pytest.mark.parametrize(
    ("text", "investors"),
    [
        ("أغلقت شركة «لوميرا» جولة تمويل بقيمة 20 مليون دولار بقيادة «بيكو كابيتال» بمشاركة «نخلة فنتشرز» المملوكة "
         "لمجموعة الراجحي، و«سدرة كابيتال».", ["بيكو كابيتال", "نخلة فنتشرز", "سدرة كابيتال"]),
        ("جمعت منصة «ترحال» 12 مليون دولار في جولة شارك فيها صندوق «أفق» التابع لبنك مسقط، وصندوق «رمال فنتشرز».",
         ["أفق", "رمال فنتشرز"]),
    ],
)
def test_an_owner_clause_closed_by_a_comma_does_not_end_the_investors_list(rules, text, investors):
    facts = _facts(rules, text)
    funded = next(t for _, rel, t in facts if rel == "INVESTED_IN" and t in ("لوميرا", "ترحال"))
    assert {(i, "INVESTED_IN", funded) for i in investors} <= facts
    assert not {(i, "INVESTED_IN", o) for i in investors for o in investors} & facts


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وكان أبرزها اندماج بنك «الوفاق» ومجموعة «سرايا» المالية عام 2021.", ("الوفاق", "MERGED_WITH", "سرايا")),
        ("وأعاد المحللون التذكير باندماج شركة «رواسي» وشركة «سديم» قبل عامين.", ("رواسي", "MERGED_WITH", "سديم")),
    ],
)
def test_a_merger_noun_before_two_coordinated_companies(rules, text, fact):
    assert fact in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وعملت «نوفالين» مستشارا ماليا حصريا لـ«زيفيرا» في الصفقة.", ("زيفيرا", "CUSTOMER_OF", "نوفالين")),
        ("وعمل بنك «الفجر» مستشارا ماليا لشركة «رواسي» في عملية الطرح.", ("رواسي", "CUSTOMER_OF", "الفجر")),
    ],
)
def test_an_adviser_to_a_company_serves_it(full, text, fact):
    facts = _facts(full, text)
    assert fact in facts and (fact[2], "CUSTOMER_OF", fact[0]) not in facts


def test_an_analyst_with_a_long_field_works_for_the_firm_after_it(full):
    text = "وقالت ريم الجابري، محللة أسواق الطاقة المتجددة في «الفجر كابيتال»، إن المستثمرين متفائلون."
    assert ("ريم الجابري", "WORKS_FOR", "الفجر كابيتال") in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("كما تملك «سديم» ذراعا للتوصيل باسم «بلوم»، وأبرمت العام الماضي اتفاقية مع «رواسي» لتوصيل طلباتها.",
         ("رواسي", "CONTRACT_WITH", "سديم")),
        ("وتدير «نوفالين» منصة «ترحال» للحجوزات، ووقعت الشهر الماضي عقدا مع «زيفيرا» لتطويرها.",
         ("زيفيرا", "CONTRACT_WITH", "نوفالين")),
    ],
)
def test_a_verb_joined_after_a_comma_keeps_the_subject_of_the_clause_before(rules, text, fact):
    facts = _facts(rules, text)
    assert fact in facts


@pytest.mark.parametrize(
    ("text", "holders", "held"),
    [
        ("وتتوزع ملكية «بلوم» بين «سديم» بنسبة 43% و«نوفالين» بنسبة 33%.", ["سديم", "نوفالين"], "بلوم"),
        ("وتعود ملكية «ترحال» إلى صندوق «أفق» بنسبة 30%، ومجموعة «زيفيرا» بنسبة 25%.", ["أفق", "زيفيرا"], "ترحال"),
    ],
)
def test_the_holders_a_company_is_shared_between_invest_in_it(full, text, holders, held):
    facts = _facts(full, text)
    assert {(h, "INVESTED_IN", held) for h in holders} <= facts


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وقال سامي الحربي، رئيس إدارة الأبحاث في «الفجر كابيتال»، إن السوق متفائلة.",
         ("سامي الحربي", "WORKS_FOR", "الفجر كابيتال")),
        ("وقالت ريم الجابري، رئيسة أبحاث الأسهم لدى «رواسي المالية»، إن الصفقة مهمة.",
         ("ريم الجابري", "WORKS_FOR", "رواسي المالية")),
    ],
)
def test_the_head_of_a_department_works_for_the_company(full, text, fact):
    facts = _facts(full, text)
    assert fact in facts and (fact[0], "LEADS", fact[2]) not in facts


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وقالت رهف العتيبي، الشريكة في «نخلة فنتشرز»، إن الفريق مميز.", ("رهف العتيبي", "WORKS_FOR", "نخلة فنتشرز")),
        ("وأوضح سامي الحربي، الشريك في صندوق «أفق كابيتال»، أن الجولة تأخرت.", ("سامي الحربي", "WORKS_FOR", "أفق كابيتال")),
    ],
)
def test_a_partner_in_a_firm_works_for_it(full, text, fact):
    assert fact in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "investors", "funded"),
    [
        ("أغلقت منصة «رحلات» جولة تمويلية بقيمة 30 مليون دولار بمشاركة كل من «ميرك كابيتال» و«نوفا بارتنرز» الإماراتية "
         "و«ومضة فنتشرز».", ["ميرك كابيتال", "نوفا بارتنرز", "ومضة فنتشرز"], "رحلات"),
        ("وشارك في الجولة التي جمعت فيها شركة «سديم» 12 مليون دولار كل من «رواسي» السعودية و«زيفيرا» الأمريكية "
         "و«نوفالين».", ["رواسي", "زيفيرا", "نوفالين"], "سديم"),
    ],
)
def test_a_nationality_after_an_investor_does_not_end_the_list(full, text, investors, funded):
    assert {(i, "INVESTED_IN", funded) for i in investors} <= _facts(full, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وستتولى شركة «النخبة للإنشاءات» أعمال التركيب بوصفها مقاولا من الباطن لشركة «سديم».",
         ("النخبة للإنشاءات", "CONTRACT_WITH", "سديم")),
        ("وتعمل مجموعة «رواسي» مقاولا فرعيا لشركة «زيفيرا» في مشروع المطار.", ("رواسي", "CONTRACT_WITH", "زيفيرا")),
    ],
)
def test_a_subcontractor_has_a_contract_with_the_main_contractor(rules, text, fact):
    a, rel, b = fact
    assert (a, rel, b) in _facts(rules, text) or (b, rel, a) in _facts(rules, text)


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("أطلقت منصة «رحلات» خدمتها الجديدة في جدة. وكانت المنصة قد جمعت في 2023 تمويلاً بقيمة 9 ملايين دولار قادته "
         "شركة «بيكو كابيتال»، بمشاركة «نوفا بارتنرز».",
         {("بيكو كابيتال", "INVESTED_IN", "رحلات"), ("نوفا بارتنرز", "INVESTED_IN", "رحلات")}),
        ("أعلنت شركة «سديم» نتائجها. وكانت الشركة قد حصلت العام الماضي على تمويل بقيمة 40 مليون دولار قادته «رواسي».",
         {("رواسي", "INVESTED_IN", "سديم")}),
        ("أعلن بنك «الوفاق» نتائجه. وكان البنك قد تلقى العام الماضي تمويلا بقيمة 40 مليون دولار قاده صندوق «رواسي».",
         {("رواسي", "INVESTED_IN", "الوفاق")}),
    ],
)
def test_a_round_a_definite_subject_raised_goes_to_the_company_it_stands_for(full, text, facts):
    found = _facts(full, text)
    assert facts <= found
    assert ("نوفا بارتنرز", "INVESTED_IN", "بيكو كابيتال") not in found  # the lead investor is not the company funded


@pytest.mark.parametrize(
    ("text", "fact", "wrong"),
    [
        ("وباعت مجموعة «الفجر» وحدتها للأغذية «سنابل الخير» إلى شركة «رواسي» مقابل 150 مليون درهم.",
         ("رواسي", "ACQUIRED", "سنابل الخير"), ("سنابل الخير", "ACQUIRED", "الفجر")),
        ("وباعت شركة «سديم» ذراعها للتأمين «أمان» لمجموعة «زيفيرا» العام الماضي.",
         ("زيفيرا", "ACQUIRED", "أمان"), ("أمان", "ACQUIRED", "سديم")),
    ],
)
def test_a_preposition_on_a_line_of_business_governs_no_buyer(full, text, fact, wrong):
    found = _facts(full, text)
    assert fact in found
    assert wrong not in found


def test_a_relative_clause_is_about_the_name_before_it(full):
    found = _facts(full, "وأعلنت «نوفالين» تعيين ليلى المنصوري رئيسة تنفيذية خلفا لعمر الدباغ الذي استقال الشهر الماضي.")
    assert ("عمر الدباغ", "LEFT", "نوفالين") in found
    assert ("ليلى المنصوري", "LEFT", "نوفالين") not in found


@pytest.mark.parametrize(
    "text",
    [
        "ووافق مجلس إدارة شركة «زيفيرا» على عرض الاستحواذ المقدم من مجموعة «نوفالين» بقيمة 2 مليار دولار.",
        "وتدرس شركة «زيفيرا» العرض الذي تقدمت به مجموعة «نوفالين» الأسبوع الماضي.",
    ],
)
def test_the_maker_of_an_offer_is_the_buyer(full, text):
    found = _facts(full, text)
    assert ("نوفالين", "ACQUIRED", "زيفيرا") in found
    assert ("زيفيرا", "ACQUIRED", "نوفالين") not in found


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وكانت «نوفالين» قد تأسست عام 2020 على يد هند بنت سعيد الشمري.", ("هند بنت سعيد الشمري", "FOUNDED", "نوفالين")),
        ("وكانت شركة «رواسي» قد تأسست في 2015 على يد سامر الخطيب.", ("سامر الخطيب", "FOUNDED", "رواسي")),
    ],
)
def test_a_year_inside_a_phrase_trigger_is_skipped(full, text, fact):
    assert fact in _facts(full, text)


def test_a_post_held_in_a_relative_clause_is_the_name_before_it(full):
    found = _facts(full, "وكانت «نوفالين» قد تأسست عام 2020 على يد هند بنت سعيد الشمري، التي تشغل منصب الرئيسة "
                          "التنفيذية، وفارس بن علي الدوسري، الرئيس التقني للشركة.")
    assert ("هند بنت سعيد الشمري", "LEADS", "نوفالين") in found
    assert ("فارس بن علي الدوسري", "LEADS", "نوفالين") not in found


def test_an_appointment_verb_in_the_present_in_a_headline(full):
    assert ("سلمى الراشد", "LEADS", "زيفيرا") in _facts(full, "«زيفيرا» تعيّن سلمى الراشد رئيسة تنفيذية للشركة")


def test_a_round_led_in_verb_object_subject_order_goes_to_the_company_of_the_article(full):
    text = ("أعلنت شركة «سديم» للحوسبة السحابية إغلاق جولة تمويل بقيمة 50 مليون دولار. وقادت الجولة «رواسي كابيتال»، "
            "بمشاركة كل من «زيفيرا فنتشرز» و«نوفالين بارتنرز»، فيما لم تكشف الشركة عن تقييمها.")
    found = _facts(full, text)
    investors = ("رواسي كابيتال", "زيفيرا فنتشرز", "نوفالين بارتنرز")
    assert {(i, "INVESTED_IN", "سديم") for i in investors} <= found
    assert not {(a, "INVESTED_IN", b) for a in investors for b in investors} & found


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("تأسست شركة «وجبتك» في الرياض. وأسس خالد العمري الشركة عام 2016 برفقة شريكه يوسف الحربي.",
         ("يوسف الحربي", "WORKS_FOR")),
        ("واستحوذت «سديم» على «رواسي» في صفقة قادها صندوق «الأفق» للاستثمار.", ("الأفق", "INVESTED_IN")),
        ("أعلنت «توال» شراء أبراج جديدة. وقال المهندس فهد الدوسري إن السوق واعدة.", ("فهد الدوسري", "WORKS_FOR")),
        ("أعلن مكتب «الأفق» استحواذه على حصة في شركة «فيرونا». واستعان المكتب ببنك الاستثمار «لازارد» مستشاراً "
         "مالياً في صفقة الشركة الإيطالية.", ("لازارد", "INVESTED_IN")),
        ("وأبرمت «رواسي» خلال العقد الأخير مع «سديم» عشرات الصفقات.", ("رواسي", "CONTRACT_WITH")),
        ("وتعمل «رواسي» منذ أكثر من عقد مع «سديم» في تطوير الشبكات.", ("رواسي", "CONTRACT_WITH")),
    ],
)
def test_words_that_only_look_like_triggers_state_no_fact(full, text, wrong):
    """A partner with a pronoun (شريكه), a deal someone led, a form of address (المهندس), a kind of bank (بنك
    الاستثمار), a decade (العقد الأخير، أكثر من عقد)."""
    party, relation = wrong
    assert not {f for f in _facts(full, text) if f[1] == relation and party in (f[0], f[2])}


def test_a_woman_partner_in_a_firm_still_works_for_it(full):
    assert ("ليلى الحربي", "WORKS_FOR", "بيكو كابيتال") in _facts(
        full, "وقالت ليلى الحربي، الشريكة في «بيكو كابيتال»، إن الصندوق متفائل.")


def test_the_exchange_a_company_is_listed_on_fills_no_slot(full):
    found = _facts(full, "دبي - أعلنت مجموعة «الواحة» للتجزئة، المدرجة في سوق دبي المالي، تعيين سامر حداد رئيساً "
                         "تنفيذياً للمجموعة.")
    assert ("سامر حداد", "LEADS", "الواحة") in found
    assert not {f for f in found if "سوق دبي المالي" in (f[0], f[2])}


def test_a_department_of_investments_is_no_investment(full):
    found = _facts(full, "وقال عبدالرحمن الكواري، رئيس إدارة الاستثمارات في أفريقيا لدى جهاز قطر للاستثمار، إن "
                         "القارة أولوية.")
    assert not {f for f in found if f[1] == "INVESTED_IN"}


def test_a_verb_joined_after_a_governed_name_keeps_the_subject(full):
    found = _facts(full, "«المصرية للاتصالات» توقّع عقداً بـ4.5 مليار جنيه مع «نوكيا» وتتحالف مع «أمازون ويب "
                         "سيرفيسز» في الحوسبة السحابية")
    partners = {frozenset((a, b)) for a, rel, b in found if rel == "PARTNERS_WITH"}
    assert frozenset(("المصرية للاتصالات", "أمازون ويب سيرفيسز")) in partners
    assert frozenset(("نوكيا", "أمازون ويب سيرفيسز")) not in partners


def test_a_definite_subject_right_after_a_verb_is_its_subject(full):
    found = _facts(full, "أعلنت «وجبتك» عن توسع جديد، وبعد أيام من توقيع اتفاق مع «نون» عيّنت الشركة ميار القحطاني "
                         "رئيسة تنفيذية.")
    assert ("ميار القحطاني", "LEADS", "وجبتك") in found
    assert ("ميار القحطاني", "LEADS", "نون") not in found


def test_an_investment_under_a_partnership_is_the_announcers(full):
    found = _facts(full, "أعلنت مجموعة «إي آند» عن شراكة استراتيجية مع شركة «حصن» (Hisn Cyber) الناشئة في أبوظبي، "
                         "تستثمر بموجبها 150 مليون درهم مقابل حصة أقلية تبلغ 25 في المائة في الشركة.")
    assert ("إي آند", "INVESTED_IN", "حصن") in found
    assert ("حصن", "INVESTED_IN", "إي آند") not in found


@pytest.mark.parametrize(
    "text",
    [
        "وكانت تقارير قد أشارت إلى أن بنك «الوفاق» يدرس شراء حصة في «سديم»، غير أن مصدراً مسؤولاً في البنك نفى ذلك.",
        "وقال المدير إن الشركة تعمل على دمج أنظمة «رواسي» مع بيانات «سديم».",
        "وستنفذ الصفقة عبر ذراعها «نواتوم»، ومقرها برشلونة، والتي استحوذت عليها «رواسي» عام 2023.",
    ],
)
def test_a_denied_report_merged_systems_and_a_seat_state_no_deal(full, text):
    found = _facts(full, text)
    assert not {f for f in found if f[1] == "MERGED_WITH" or "برشلونة" in (f[0], f[2])
                or f[1] in ("ACQUIRED", "INVESTED_IN") and "سديم" in (f[0], f[2])}


def test_an_appointment_to_a_staff_title_makes_an_employee(full):
    found = _facts(full, "وفي إطار تعزيز فريقها، عيّنت «وجبتك» ميار القحطاني مديرةً مالية.")
    assert ("ميار القحطاني", "WORKS_FOR", "وجبتك") in found
    assert ("ميار القحطاني", "LEADS", "وجبتك") not in found


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("كما اشترت «نون» منصة الأزياء «نمشي» في 2022 مقابل 335 مليون دولار.", {("نون", "ACQUIRED", "نمشي")}),
        ("وتأسست «سديم» في العاصمة الأردنية عام 2018 على يد المهندس ليث الحوراني وشريكته رنا الخطيب.",
         {("ليث الحوراني", "FOUNDED", "سديم"), ("رنا الخطيب", "FOUNDED", "سديم")}),
        ("«واحة ماركت» تجمع 375 مليون ريال تمويلاً بالدين لمواجهة أمازون ونون",
         {("أمازون", "COMPETES_WITH", "واحة ماركت"), ("نون", "COMPETES_WITH", "واحة ماركت")}),
    ],
)
def test_verb_subject_object_purchases_partners_in_lists_and_confronting_rivals(full, text, facts):
    assert facts <= _facts(full, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وستمول «بروة» المرحلة الأولى عبر تسهيلات تمويلية بقيمة 1.2 مليار ريال حصلت عليها من مصرف الريان.",
         ("بروة", "CUSTOMER_OF", "مصرف الريان")),
        ("واقترضت «سديم» العام الماضي قرضا بقيمة 300 مليون درهم من بنك «الوفاق».", ("سديم", "CUSTOMER_OF", "الوفاق")),
    ],
)
def test_a_borrower_is_a_customer_of_its_lender(full, text, fact):
    assert fact in _facts(full, text)


def test_each_of_two_bidders_a_dual_names_makes_the_offer(full):
    found = _facts(full, "تقدمت شركتا «زيفيرا» الأميركية و«نوفالين» الإيطالية بعرض للاستحواذ على «رواسي» الشهر الماضي.")
    assert {("زيفيرا", "ACQUIRED", "رواسي"), ("نوفالين", "ACQUIRED", "رواسي")} <= found
    assert ("زيفيرا", "ACQUIRED", "نوفالين") not in found


def test_a_dual_chain_noun_opens_a_list_of_two(rules):
    facts = _facts(rules, "حيث تعد سلسلتا «كارفور» و«لولو هايبرماركت» من أكبر عملاء شركة نوفابيو.")
    assert {("كارفور", "CUSTOMER_OF", "نوفابيو"), ("لولو هايبرماركت", "CUSTOMER_OF", "نوفابيو")} <= facts


def test_a_studio_is_a_head_noun_and_the_studio_its_company(rules):
    text = "جمع استوديو نوفابيو للألعاب 20 مليون دولار. وقال ريان القحطاني، المؤسس والرئيس التنفيذي للاستوديو، إن التمويل سيوجه للتوسع."
    facts = _facts(rules, text)
    assert {("ريان القحطاني", "LEADS", "نوفابيو للألعاب"), ("ريان القحطاني", "FOUNDED", "نوفابيو للألعاب")} <= facts


def test_the_seller_of_a_named_stake_is_not_bought(full):
    facts = _facts(full, "وبموجب الاتفاق، تشتري شركة نوفابيو الحصة من عدد من المساهمين ومن مكتب الرميح العائلي.")
    assert not {f for f in facts if f[2] == "مكتب الرميح العائلي"}


def test_a_team_led_by_an_officer_is_no_funding_round(full):
    text = ("وقال سالم الحارثي إن دخول شريك استراتيجي بحجم شركة نوفابيو سيسمح بتجديد الأسطول، مشيراً إلى أن الفريق "
            "الإداري بقيادة الرئيس التنفيذي ماركوس لينتنر سيواصل عمله.")
    assert ("ماركوس لينتنر", "INVESTED_IN", "نوفابيو") not in _facts(full, text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("أغلقت منصة «نبراس» جولة تمويل بقيمة 42 مليون دولار (نحو 157.5 مليون ريال)، قادتها سنابل للاستثمار.",
         ("سنابل للاستثمار", "INVESTED_IN", "نبراس", 42_000_000)),
        ("أعلنت شركة نوفابيو إغلاق جولة تمويل بقيمة 40 مليون دولار، قادتها «رؤى فنتشرز»، ليرتفع إجمالي ما جمعته منذ "
         "تأسيسها إلى نحو 52 مليون دولار.", ("رؤى فنتشرز", "INVESTED_IN", "نوفابيو", 40_000_000)),
    ],
)
def test_a_round_led_after_its_amount_takes_that_amount_not_a_conversion_or_a_total(full, text, fact):
    assert fact in _triples(full, text)


@pytest.mark.parametrize(
    ("text", "fact", "not_fact"),
    [
        pytest.param("أعلنت طيران الواحة، الناقلة التابعة لمجموعة النخيل القابضة، توقيع طلبية مع إيرباص. وتواجه طيران "
                     "الواحة منافسة من العربية للطيران وفلاي دبي. وكانت مجموعة النخيل قد أسست الناقلة عام 2017.",
                     ("مجموعة النخيل القابضة", "FOUNDED", "طيران الواحة"),
                     ("طيران الواحة", "FOUNDED", "مجموعة النخيل القابضة"), id="subject-before-description-after"),
        pytest.param("أعلنت شركة معادن الاستحواذ على شركة زيفيرا للأسمدة المملوكة لمجموعة الراشد القابضة. "
                     "وكانت الراشد القابضة قد أسست زيفيرا للأسمدة عام 2014.",
                     ("مجموعة الراشد القابضة", "FOUNDED", "زيفيرا للأسمدة"),
                     ("زيفيرا للأسمدة", "FOUNDED", "معادن"), id="holding-without-its-head"),
        pytest.param("أعلنت شركة طيران الواحة الكويتية الاستحواذ على حصة 70 في المائة من «أجنحة عمان». وقال سالم "
                     "الحارثي، رئيس مجلس إدارة الشركة العمانية، إن الصفقة مهمة.",
                     ("سالم الحارثي", "LEADS", "أجنحة عمان"),
                     ("سالم الحارثي", "LEADS", "طيران الواحة"), id="description-with-a-nationality"),
    ],
)
def test_the_party_a_clause_names(full, text, fact, not_fact):
    """A name right before a verb is its subject and what follows the verb its object (وكانت X قد أسست الناقلة، X
    القابضة قد أسست Y); a description with a nationality (الشركة العمانية) names the company of that country."""
    facts = _facts(full, text)
    assert fact in facts
    assert not_fact not in facts


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وقال سعد الحربي، الذي يشغل منصب الرئيس التنفيذي لمجموعة «روابي القابضة»، إن الصفقة مهمة.",
         ("سعد الحربي", "LEADS", "روابي القابضة")),
        ("ويشغل فهد العتيبي منصب مستشار في «مجموعة روابي القابضة» منذ عامين.", ("فهد العتيبي", "WORKS_FOR", "مجموعة روابي القابضة")),
    ],
)
def test_a_post_held_is_the_title_that_names_it(rules, text, fact):
    facts = {f for f in _facts(rules, text) if f[1] in ("LEADS", "WORKS_FOR")}
    assert facts == {fact}


@pytest.mark.parametrize(
    "text",
    [
        "وتأسست شركة «مداري» عام 2014 على يد رائد الأعمال نواف بن سعد العتيبي.",
        "وتأسست شركة «مداري» عام 2014 على يد رائدة الأعمال نورة بنت سعد العتيبي.",
    ],
)
def test_a_founder_after_a_title_is_the_person_not_the_title(full, text):
    founders = {f[0] for f in _facts(full, text) if f[1] == "FOUNDED"}
    assert len(founders) == 1 and "العتيبي" in next(iter(founders))


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("ويشتد التنافس في السوق، حيث تواجه «نوفالين» موزعين راسخين مثل «زيفيرا» و«سديم».",
         {("زيفيرا", "COMPETES_WITH", "نوفالين"), ("سديم", "COMPETES_WITH", "نوفالين")}),
        ("وتواجه «نوفالين» في السوق المصرية شركات كبرى مثل «زيفيرا».", {("زيفيرا", "COMPETES_WITH", "نوفالين")}),
    ],
)
def test_facing_players_such_as_names_rivals(full, text, facts):
    assert facts <= _facts(full, text)


def test_facing_challenges_names_no_rival(full):
    text = "وتواجه «نوفالين» تحديات كبيرة في السوق بعد خروج «زيفيرا» منها."
    assert not {f for f in _facts(full, text) if f[1] == "COMPETES_WITH"}


def test_a_known_company_spelled_like_a_function_word_is_the_company_after_a_title(full):
    text = "وقال محمد الرمحي، الرئيس التنفيذي لمصدر، إن المشروع مهم. وقال مصدر مطلع إن الصفقة ستتم."
    ex = full(Document(id="t", text=text))
    assert ("محمد الرمحي", "LEADS", "مصدر") in _facts(full, text)
    assert len([m for m in ex.mentions if m.canonical == "masdar"]) == 1


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وتتنافس الشركة مع مجموعة «إيدج» الإماراتية، التي تصنّع عربات «نمر» متعددة المهام.", ("نمر", "PRODUCT_OF", "إيدج")),
        ("وتنتج شركة «روابي» سجائر «صقر» واسعة الانتشار في الكويت.", ("صقر", "PRODUCT_OF", "روابي")),
    ],
)
def test_a_maker_of_a_named_vehicle_or_good_makes_that_product(full, text, fact):
    assert fact in _facts(full, text)
