"""Train the relation classifier from annotated business news.

Sources (the same as the NER model's business news):

* annotated articles with a gold file (``../shared/eval/dev``): every entity lists its written forms and articles,
  every relation its head, tail and article;
* the sentences written for alaqat (``data/train/*.jsonl``), with their entities and relations.

Each text runs through the shipped extractor (rules and NER, no relation model); its entities are matched to the
gold entities by their names, and every candidate pair of mentions in a sentence (:func:`pair_candidates`) becomes a
row: its features, and the labels of the gold relations between the two entities (none for a negative pair).
A logistic model per label (scikit-learn, one-vs-rest) is fitted on the rows and written as JSON weights.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.inputs import document_from_text
from extractors.normalize import match_key
from extractors.records import SYMMETRIC_RELATIONS, Document, Extraction
from extractors.rel.model import RELATED, RelationModel
from extractors.relations import extraction_pairs

__all__ = ["GoldText", "Row", "annotated_texts", "written_texts", "rows_of", "fit", "train_relation_model", "C", "THRESHOLD",
           "RELATION_WRITTEN"]

RELATION_WRITTEN = Path(__file__).resolve().parents[2] / "data" / "train_rel"
"""Sentences written for the relation model only (the NER model trains on ``data/train/``)."""
C = 0.2
"""Inverse regularisation strength of each label's logistic model (chosen by grouped cross-validation on dev)."""
THRESHOLD = 0.85
"""Probability a label needs (chosen by the same cross-validation)."""
MIN_EXAMPLES = 3


@dataclass(frozen=True)
class GoldText:
    """A text to learn from: the document, its gold names by entity id, and its gold relations."""

    document: Document
    names: dict[str, frozenset[str]]
    relations: frozenset[tuple[str, str, str]]
    group: str
    """Rows of one group are held out together in cross-validation (an article, or a written file)."""


@dataclass(frozen=True)
class Row:
    features: tuple[str, ...]
    labels: frozenset[str]
    group: str


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (match_key(n) for n in names) if k)


def annotated_texts(folder: str | Path) -> list[GoldText]:
    """The annotated articles of ``folder`` (``articles/*.txt`` and ``gold.json``).

    The first line of an article is its headline, as ``alaqat build`` reads it.
    """
    folder = Path(folder)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    out = []
    for path in sorted((folder / "articles").glob("*.txt")):
        names = {e["id"]: _keys(e["names"]) for e in gold["entities"] if path.name in e.get("articles", ())}
        relations = set()
        for rel in gold["relations"]:
            if rel.get("article") != path.name or rel.get("optional"):
                continue
            for alt in rel.get("any", [rel]):
                relations.add((alt["head"], alt["relation"], alt["tail"]))
        document = document_from_text(path.read_text(encoding="utf-8"), doc_id=path.stem)
        out.append(GoldText(document, names, frozenset(relations), path.name))
    return out


def written_texts(paths: Iterable[str | Path]) -> list[GoldText]:
    """The written sentences of ``data/train/*.jsonl`` (entity texts are their own ids)."""
    out = []
    for path in paths:
        path = Path(path)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            item = json.loads(line)
            names = {e["text"]: _keys([e["text"]]) for e in item.get("entities", ())}
            relations = frozenset((r["head"], r["relation"], r["tail"]) for r in item.get("relations", ()))
            doc = Document(id=f"{path.stem}-{n}", text=item["text"])
            out.append(GoldText(doc, names, relations, f"{path.name}:{n // 25}"))
    return out


def _gold_id(names: set[str], label: str, gold: dict[str, frozenset[str]]) -> str | None:
    label_key = match_key(label)
    hits: dict[str, int] = {}
    for gid, keys in gold.items():
        score = sum(100 if k == label_key else 1 for k in names if k in keys)
        if score:
            hits[gid] = score
    return max(hits, key=lambda g: (hits[g], g)) if hits else None


def rows_of(extraction: Extraction, gold: GoldText) -> Iterator[Row]:
    """The training rows of one extracted text."""
    ids = {}
    for entity in extraction.entities:
        ids[entity.id] = _gold_id(_keys((entity.label, *entity.aliases)), entity.label, gold.names)
    for cand in extraction_pairs(extraction):
        a, b = ids.get(cand.a.entity.id), ids.get(cand.b.entity.id)
        labels = set()
        if a and b and a != b:
            for head, relation, tail in gold.relations:
                if relation in SYMMETRIC_RELATIONS and {head, tail} == {a, b}:
                    labels.add(relation + "=")
                elif (head, tail) == (a, b):
                    labels.add(relation + ">")
                elif (head, tail) == (b, a):
                    labels.add(relation + "<")
        yield Row(cand.features, frozenset(labels), gold.group)


def fit(rows: list[Row], c: float = C, threshold: float = THRESHOLD) -> RelationModel:
    """Fit one logistic model per label seen at least ``MIN_EXAMPLES`` times."""
    from collections import Counter

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(label for row in rows for label in row.labels)
    labels = (RELATED,) + tuple(sorted(l for l, n in counts.items() if n >= MIN_EXAMPLES))
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([{f: 1 for f in row.features} for row in rows]).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear takes 32-bit indices
    names = vectorizer.get_feature_names_out()
    intercepts, weights = [], {}
    for index, label in enumerate(labels):
        y = np.array([bool(row.labels) if label == RELATED else label in row.labels for row in rows], dtype=int)
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
        clf.fit(X, y)
        intercepts.append(float(clf.intercept_[0]))
        for j in np.flatnonzero(np.abs(clf.coef_[0]) > 1e-4):
            weights.setdefault(str(names[j]), {})[index] = float(clf.coef_[0][j])
    return RelationModel(labels, tuple(intercepts), weights, threshold)


def train_relation_model(annotated: str | Path, written: Iterable[str | Path], out: str | Path) -> dict[str, int]:
    """Extract every text with the shipped extractor, fit the model on all rows, write ``out/weights.json``.

    Returns counts of texts, rows and positive rows.
    """
    from extractors.errors import ModelError
    from extractors.pipeline import Extractor

    annotated = Path(annotated)
    if not (annotated / "gold.json").is_file():
        raise ModelError(
            f"no annotated business news at {annotated}: check out the evaluation material beside the repository "
            "(../shared/eval/dev with articles/ and gold.json) or pass --annotated DIR"
        )
    texts = annotated_texts(annotated) + written_texts(written)
    extractor = Extractor(model="default", relation_model=None)
    rows = [row for gold in texts for row in rows_of(extractor(gold.document), gold)]
    model = fit(rows)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "weights.json").write_text(model.to_json() + "\n", encoding="utf-8")
    return {"texts": len(texts), "rows": len(rows), "positive_rows": sum(1 for r in rows if r.labels),
            "labels": len(model.labels), "features": len(model.weights)}
