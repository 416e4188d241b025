"""Read articles from files and folders into :class:`Document` records (an I/O edge of the pipeline).

Accepted inputs: ``.txt`` files (the first line is the headline), ``.html`` /
``.htm`` pages (reduced to text), ``.jsonl`` files with one article per line
(fields ``text`` and optionally ``id``, ``title``, ``source``, ``date``), and
folders of these. A folder may hold ``metadata.json`` mapping file names to
``{"title", "source", "date"}``.

Bad input never stops a batch: each unreadable file or line becomes a
:class:`Problem` naming the file (and line) and what to do.
"""

from __future__ import annotations

import codecs
import html
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from extractors.normalize import arabic_ratio, clean_text
from extractors.records import Document

__all__ = ["Problem", "Notice", "read_inputs", "article_files", "has_markup", "html_to_text", "document_from_text",
           "split_long", "MAX_BYTES", "MAX_DOC_CHARS", "SUFFIXES"]

MAX_BYTES = 64 * 1024 * 1024
MAX_DOC_CHARS = 200_000
"""A longer text is split at paragraph (or sentence) boundaries into parts of at most this many characters, each
read as a document of its own (``ID#2``, ``ID#3`` ...): memory per document stays bounded and nothing is dropped."""
SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
_MIN_ARABIC = 0.2


@dataclass(frozen=True)
class Problem:
    """An input that was skipped: where, and why (with what to do about it)."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Notice:
    """Something the user should know about an input that was still read (not a skip)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Document | Problem | Notice]:
    """Yield a Document for every readable article under ``paths``, a Problem for every other one.

    An article's id is its path relative to the folder given (without the suffix), or the file's stem for a file
    given by itself, so ``a/news.txt`` and ``b/news.txt`` are two articles. When two inputs would still share an id,
    the second takes its path as given and a :class:`Notice` says so.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "a.txt"), "w", encoding="utf-8").write("عنوان الخبر\\nاستحوذت أوبر على كريم.")
    >>> _ = open(os.path.join(d, "b.txt"), "wb").write(b"")
    >>> [type(x).__name__ for x in read_inputs([d])]
    ['Document', 'Problem']
    """
    taken: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            metadata = _folder_metadata(path)
            for child in article_files(path):
                if isinstance(child, Problem):
                    yield child
                    continue
                doc_id = child.relative_to(path).with_suffix("").as_posix()
                yield from _unique(_read_file(child, metadata.get(child.name, {}), doc_id), taken)
        elif path.is_file():
            yield from _unique(_read_file(path, _folder_metadata(path.parent).get(path.name, {}), path.stem), taken)
        else:
            yield Problem(str(path), "no such file or folder: check the path")


def article_files(folder: Path) -> Iterator[Path | Problem]:
    """Every article file under ``folder`` in path order, and a Problem for every folder that cannot be read.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> os.makedirs(os.path.join(d, "b")); _ = open(os.path.join(d, "b", "x.txt"), "w").write("x")
    >>> [p.relative_to(d).as_posix() for p in article_files(Path(d))]
    ['b/x.txt']
    """
    found: list[Path] = []
    problems: list[Problem] = []

    def unreadable(err: OSError) -> None:
        problems.append(Problem(str(err.filename), f"cannot read the folder ({err.strerror}): check its permissions"))

    for root, _, files in os.walk(folder, onerror=unreadable):
        found += [Path(root) / name for name in files if Path(name).suffix.lower() in SUFFIXES]
    yield from problems
    yield from sorted(found)


def _unique(items: Iterable[Document | Problem], taken: dict[str, str]) -> Iterator[Document | Problem | Notice]:
    """Documents whose id another input (``taken``: id → path) already has take their path as given, without the
    suffix, as id (the parts of a long article keep one id); each renaming is told in a Notice."""
    renamed: dict[str, str] = {}
    for item in items:
        if isinstance(item, Document):
            base, _, part = item.id.partition("#")
            if taken.setdefault(base, item.path) != item.path:
                if item.path not in renamed:
                    renamed[item.path] = _free_id(Path(item.path).with_suffix("").as_posix(), taken)
                    taken[renamed[item.path]] = item.path
                    yield Notice(item.path, f"another input already has the id {base!r}: "
                                            f"this article is stored as {renamed[item.path]!r}")
                new = renamed[item.path]
                item = item.model_copy(update={"id": f"{new}#{part}" if part else new})
        yield item


def _free_id(wanted: str, taken: dict[str, str]) -> str:
    number, candidate = 1, wanted
    while candidate in taken:
        number += 1
        candidate = f"{wanted}~{number}"
    return candidate


def _folder_metadata(folder: Path) -> dict[str, dict]:
    meta = folder / "metadata.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _read_file(path: Path, meta: dict, base_id: str) -> Iterator[Document | Problem]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Problem(str(path), f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit: split it into articles (one per file or per JSON line)")
            return
        data = path.read_bytes()
    except OSError as err:
        yield Problem(str(path), f"cannot read the file ({err.strerror}): check its permissions")
        return
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, data, base_id)
        return
    text = _decode(data)
    if isinstance(text, Problem):
        yield Problem(str(path), text.message)
        return
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    title = meta.get("title") or ""
    parts = split_long(text)
    for number, part in enumerate(parts, start=1):
        doc_id = base_id if number == 1 else f"{base_id}#{number}"
        doc = document_from_text(
            part, doc_id=doc_id, title=title, source=meta.get("source", ""), date=meta.get("date"), path=str(path)
        )
        if isinstance(doc, Problem):
            yield Problem(str(path) if len(parts) == 1 else f"{path} (part {number})", doc.message)
        else:
            yield doc


def _read_jsonl(path: Path, data: bytes, base_id: str) -> Iterator[Document | Problem]:
    text = _decode(data)
    if isinstance(text, Problem):
        yield Problem(str(path), text.message)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as err:
            yield Problem(str(path), f"malformed JSON ({err.msg} at column {err.colno}): fix or remove this line", line=number)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            yield Problem(str(path), 'each line must be a JSON object with a "text" string', line=number)
            continue
        doc = document_from_text(
            item["text"],
            doc_id=str(item.get("id") or f"{base_id}-{number}"),
            title=str(item.get("title") or ""),
            source=str(item.get("source") or ""),
            date=item.get("date"),
            path=f"{path}:{number}",
        )
        if isinstance(doc, Problem):
            yield Problem(str(path), doc.message, line=number)
        else:
            yield doc


def _decode(data: bytes) -> str | Problem:
    if not data.strip():
        return Problem("", "the file is empty: nothing to read")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return Problem("", f"the file starts with a {codec} byte-order mark but does not decode as {codec}: re-save it as UTF-8")
    if b"\x00" in data[:4096]:
        return Problem("", "the file looks binary (it holds NUL bytes): give alaqat text, HTML or JSON lines")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return Problem("", "the file is neither UTF-8 nor Windows-1256 text: re-save it as UTF-8")
    spaces = sum(c.isspace() for c in text) / max(len(text), 1)
    if arabic_ratio(text) >= 0.5 and spaces >= 0.05:
        return text
    return Problem("", "the file is neither UTF-8 nor Arabic Windows-1256 text: re-save it as UTF-8")


_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?\s*>|<!--")


def has_markup(text: str) -> bool:
    """True when ``text`` holds an HTML tag or comment (then only its text is read, whatever the file type).

    >>> has_markup('أعلنت <img src=x onerror="alert(1)"> الشركة'), has_markup("نمت الأرباح < 5٪ > 3٪")
    (True, False)
    """
    return _TAG.search(text) is not None


class _TextOnly(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "article", "section", "td"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


_ENTITY_LEFTOVER = re.compile(r"(?<![A-Za-z&])(quot|apos|laquo|raquo|nbsp|amp|lt|gt);")


def without_entity_leftovers(text: str) -> str:
    """Text with the HTML character references that lost their ``&`` on the way (``quot;غير مستحيلةquot;``) read
    as the characters they stand for; they are markup, never words.

    >>> without_entity_leftovers("بأنها quot;غير مستحيلةquot; وقال")
    'بأنها "غير مستحيلة" وقال'
    """
    return _ENTITY_LEFTOVER.sub(lambda m: html.unescape(f"&{m.group(1)};"), text)


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its visible text, one block per line; scripts and styles are dropped.

    >>> html_to_text("<html><script>alert(1)</script><p>استحوذت أوبر</p><p>على كريم</p></html>")
    'استحوذت أوبر\\nعلى كريم'
    """
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


def split_long(text: str, limit: int = MAX_DOC_CHARS) -> list[str]:
    """Split a text longer than ``limit`` characters at paragraph breaks (else sentence ends, else spaces).

    >>> [len(p) for p in split_long("أ" * 10 + "\\n\\n" + "ب" * 10, limit=15)]
    [10, 10]
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), window.rfind("\n"))
            if cut < limit // 2:
                cut = max(window.rfind(". "), window.rfind("؟ "), window.rfind("! "))
            if cut < limit // 2:
                cut = window.rfind(" ")
            end = start + cut + 1 if cut > 0 else end
        part = text[start:end].strip()
        if part:
            parts.append(part)
        start = end
    return parts


def document_from_text(
    text: str, doc_id: str, title: str = "", source: str = "", date: str | None = None, path: str | None = None
) -> Document | Problem:
    """Build a Document from raw text, or a Problem when the text is empty or not Arabic.

    Text (and a title) holding HTML tags is reduced to its text. The first non-empty line is the headline when no title is given.

    >>> document_from_text("عنوان\\nنص الخبر", doc_id="x").title
    'عنوان'
    >>> document_from_text("Only English here.", doc_id="y").message
    'the text is not Arabic (under 20% Arabic letters): alaqat reads Arabic news'
    """
    if has_markup(text):
        text = html_to_text(text)
    text = clean_text(without_entity_leftovers(text)).strip()
    if not text:
        return Problem(path or doc_id, "the article is empty: nothing to read")
    if arabic_ratio(text) < _MIN_ARABIC:
        return Problem(path or doc_id, "the text is not Arabic (under 20% Arabic letters): alaqat reads Arabic news")
    if has_markup(title):
        title = html_to_text(title)
    if not title:
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
    return Document(id=doc_id, text=text, title=title, source=source, date=str(date) if date else None, path=path)
