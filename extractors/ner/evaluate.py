"""Score NER output the way conlleval does: exact span and type match, per type and micro-averaged."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["spans", "Score", "score_spans", "format_report"]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO tag sequence; an I- after O or another type starts a span.

    >>> sorted(spans(["B-PERS", "I-PERS", "O", "I-ORG", "B-LOC"]))
    [(0, 2, 'PERS'), (3, 4, 'ORG'), (4, 5, 'LOC')]
    """
    out = set()
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (prefix in ("O", "B") or label != kind):
            out.add((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, label
    return out


@dataclass
class Score:
    """Counts and precision / recall / F1 for one type (or all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_spans(pairs: Iterable[tuple[list[str], list[str]]]) -> dict[str, Score]:
    """Score ``(gold_tags, predicted_tags)`` sentence pairs; the key ``"micro"`` holds the total.

    >>> s = score_spans([(["B-PERS", "I-PERS", "O"], ["B-PERS", "I-PERS", "B-ORG"])])
    >>> s["PERS"].f1, s["micro"].precision
    (1.0, 0.5)
    """
    scores: dict[str, Score] = {"micro": Score()}
    for gold, pred in pairs:
        g, p = spans(gold), spans(pred)
        for span in g | p:
            s = scores.setdefault(span[2], Score())
            if span in g and span in p:
                s.tp += 1
                scores["micro"].tp += 1
            elif span in p:
                s.fp += 1
                scores["micro"].fp += 1
            else:
                s.fn += 1
                scores["micro"].fn += 1
    return scores


def format_report(scores: dict[str, Score]) -> str:
    """A conlleval-like table."""
    lines = [f"{'type':8s} {'precision':>9s} {'recall':>7s} {'F1':>7s} {'gold':>6s} {'found':>6s}"]
    for name in sorted(k for k in scores if k != "micro") + ["micro"]:
        s = scores[name]
        lines.append(f"{name:8s} {s.precision:9.4f} {s.recall:7.4f} {s.f1:7.4f} {s.tp + s.fn:6d} {s.tp + s.fp:6d}")
    return "\n".join(lines)
