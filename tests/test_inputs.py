"""Reading articles: encodings, HTML, JSON lines, and clear problems for what cannot be read."""

from extractors.inputs import Problem, read_inputs
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
