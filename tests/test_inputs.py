"""Reading articles: encodings, HTML, JSON lines, and clear problems for what cannot be read."""

from extractors.inputs import Problem, read_inputs
from extractors.pipeline import ExtractorConfig
from extractors.records import Document

ARABIC = "خبر عاجل\nاستحوذت شركة أمازون على شركة سوق.كوم."


def _read(path):
    return list(read_inputs([path]))


def test_windows_1256_and_utf16_are_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARABIC.encode("cp1256"))
    (tmp_path / "b.txt").write_bytes(ARABIC.encode("utf-16"))
    docs = _read(tmp_path)
    assert [type(d) for d in docs] == [Document, Document]
    assert all("أمازون" in d.text for d in docs)


def test_html_is_reduced_to_text(tmp_path):
    page = "<html><head><title>t</title><script>var a=1;</script></head><body><p>استحوذت أمازون</p><p>على سوق.كوم</p></body></html>"
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (doc,) = _read(tmp_path / "p.html")
    assert "var a" not in doc.text and "استحوذت أمازون" in doc.text


def test_metadata_file_gives_title_source_and_date(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "metadata.json").write_text('{"a.txt": {"title": "عنوان", "source": "مصدر", "date": "2024-01-02"}}', encoding="utf-8")
    (doc,) = _read(tmp_path)
    assert (doc.title, doc.source, doc.date) == ("عنوان", "مصدر", "2024-01-02")


def test_jsonl_bad_lines_are_reported_with_their_number(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "استحوذت أمازون على سوق"}\nnot json\n{"title": "no text"}\n', encoding="utf-8")
    items = _read(path)
    assert isinstance(items[0], Document)
    assert [(p.line, "JSON" in p.message or "text" in p.message) for p in items[1:]] == [(2, True), (3, True)]
    assert all(isinstance(p, Problem) and str(path) in str(p) for p in items[1:])


def test_first_line_is_the_headline(tmp_path):
    (tmp_path / "a.txt").write_text("\n\n  عنوان الخبر  \nنص", encoding="utf-8")
    (doc,) = _read(tmp_path)
    assert doc.title == "عنوان الخبر"


def test_same_named_files_in_two_folders_are_two_articles(tmp_path):
    from graph.runner import build_from_paths

    for folder, company in (("a", "أمازون"), ("b", "جوجل")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(f"خبر\nاستحوذت شركة {company} على شركة سوق.كوم.", encoding="utf-8")
    assert sorted(d.id for d in _read(tmp_path)) == ["a/news", "b/news"]
    report = build_from_paths([tmp_path], config=ExtractorConfig(model=None))
    assert report.articles == 2 and report.added == 2
    assert {"amazon", "google"} <= set(report.graph.nodes)


def test_same_named_files_given_one_by_one_are_both_kept_and_the_collision_reported(tmp_path):
    from extractors.inputs import Notice
    from graph.runner import add_paths
    from graph.store import Store

    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "news.txt")
        paths[-1].write_text(f"خبر {folder}\nاستحوذت شركة أمازون على شركة سوق.كوم.", encoding="utf-8")
    items = list(read_inputs(paths))
    notices = [i for i in items if isinstance(i, Notice)]
    assert len(notices) == 1 and "news" in notices[0].message and str(paths[1]) == notices[0].path
    with Store(tmp_path / "s.db") as store:
        report = add_paths(paths, store, config=ExtractorConfig(model=None))
        assert (report.added, report.replaced, store.documents()) == (2, 0, 2)


def test_markup_in_a_text_file_is_reduced_to_its_text(tmp_path):
    from extractors.pipeline import extract

    path = tmp_path / "tags.txt"
    path.write_text('خبر\nأعلنت <img src=x onerror="document.title=1"> شركة أمازون استحواذها على شركة سوق.كوم.', encoding="utf-8")
    (doc,) = _read(path)
    assert "<" not in doc.text and "onerror" not in doc.text and "img" not in doc.text
    labels = {e.label for e in extract(doc).entities}
    assert "أمازون" in labels and not any("img" in label or "onerror" in label for label in labels)


def test_markup_in_a_json_line_is_reduced_to_its_text(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "استحوذت <b>أمازون</b> على <a href=\\"x\\">سوق</a>", "title": "<i>عاجل</i>"}\n', encoding="utf-8")
    (doc,) = _read(path)
    assert (doc.text, doc.title) == ("استحوذت أمازون على سوق", "عاجل")


def test_a_repeated_id_in_json_lines_keeps_every_article(tmp_path):
    from extractors.inputs import Notice

    path = tmp_path / "feed.jsonl"
    path.write_text("".join(f'{{"id": "x", "text": "خبر رقم {n} عن شركة أمازون"}}\n' for n in range(3)), encoding="utf-8")
    items = list(read_inputs([path]))
    ids = [i.id for i in items if isinstance(i, Document)]
    assert len(ids) == len(set(ids)) == 3 and ids[0] == "x"
    assert sum(isinstance(i, Notice) for i in items) == 2


def test_html_references_that_lost_their_ampersand_are_read_as_characters():
    from extractors.inputs import document_from_text

    doc = document_from_text("ووصف المحلل الصفقة بأنها quot;صعبة ولكنها ممكنةquot; في تقريره.", doc_id="q")
    assert "quot" not in doc.text
    assert '"صعبة ولكنها ممكنة"' in doc.text
