"""The trained relation classifier: a linear model over :func:`extractors.rel.features.pair_features`.

Two decisions, each a logistic model over the same features: ``RELATED`` (the text states some relation between
the pair: a decision that pools every relation's examples), and which relation it is, one label per relation and
direction (``REL>``: the first mention of the pair is the head, ``REL<``: the second is, ``REL=``: symmetric).
The type is only chosen among the relations whose trigger lexicon has a word of the same lemma around the pair, so
the model never invents a relation that no word of the sentence expresses. The weights are a JSON file (no pickle): ``data/models/ar_alaqat_rel/weights.json``, with a model card
beside it. ``make train-rel`` rebuilds it.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.errors import ModelError

__all__ = ["DEFAULT_REL_MODEL", "RELATED", "RelationModel", "load_relation_model", "parse_label"]

RELATED = "RELATED"
_TRIGGER_FEATURES = ("between_trigger=", "before_trigger=", "after_trigger=")

DEFAULT_REL_MODEL = Path(__file__).resolve().parents[2] / "data" / "models" / "ar_alaqat_rel"


def parse_label(label: str) -> tuple[str, bool]:
    """``(relation, first_is_head)`` of a label.

    >>> parse_label("ACQUIRED<"), parse_label("PARTNERS_WITH=")
    (('ACQUIRED', False), ('PARTNERS_WITH', True))
    """
    return label[:-1], label[-1] != "<"


@dataclass(frozen=True)
class RelationModel:
    """Per-label intercepts and sparse feature weights, and the probability a label needs to be kept."""

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, dict[int, float]]
    threshold: float = 0.5

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """The probability of each label for a pair with ``features``.

        >>> m = RelationModel(("ACQUIRED>",), (-2.0,), {"between=علي": {0: 3.0}})
        >>> round(m.probabilities(["between=علي"])["ACQUIRED>"], 3)
        0.731
        """
        scores = list(self.intercepts)
        for feature in set(features):
            for index, weight in self.weights.get(feature, {}).items():
                scores[index] += weight
        return {label: 1.0 / (1.0 + math.exp(-score)) for label, score in zip(self.labels, scores)}

    def predict(self, features: list[str]) -> list[tuple[str, float]]:
        """The pair's relation label and its probability (that of ``RELATED``), or nothing.

        >>> m = RelationModel(("RELATED", "ACQUIRED>"), (-1.0, -1.0), {"between=علي": {0: 3.0, 1: 2.0}})
        >>> m.predict(["between=علي", "between_trigger=ACQUIRED"])
        [('ACQUIRED>', 0.881)]
        >>> m.predict(["between=علي"])
        []
        """
        probs = self.probabilities(features)
        related = probs.get(RELATED, 0.0)
        if related < self.threshold:
            return []
        expressed = {f.split("=", 1)[1] for f in features if f.startswith(_TRIGGER_FEATURES) and "|" not in f}
        typed = [(l, p) for l, p in probs.items() if l != RELATED and parse_label(l)[0] in expressed]
        if not typed:
            return []
        return [(max(typed, key=lambda item: item[1])[0], round(related, 3))]

    def to_json(self) -> str:
        weights = {f: {str(i): round(w, 5) for i, w in row.items()} for f, row in sorted(self.weights.items())}
        return json.dumps(
            {"labels": self.labels, "intercepts": [round(x, 5) for x in self.intercepts], "threshold": self.threshold,
             "weights": weights},
            ensure_ascii=False, separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> "RelationModel":
        data = json.loads(text)
        return cls(
            labels=tuple(data["labels"]),
            intercepts=tuple(data["intercepts"]),
            weights={f: {int(i): w for i, w in row.items()} for f, row in data["weights"].items()},
            threshold=float(data["threshold"]),
        )


@lru_cache(maxsize=2)
def load_relation_model(path: str | None = None) -> RelationModel:
    """Load the relation model at ``path`` (default: ``$ALAQAT_REL_MODEL`` or the bundled one)."""
    folder = Path(path or os.environ.get("ALAQAT_REL_MODEL") or DEFAULT_REL_MODEL)
    weights = folder / "weights.json"
    if not weights.is_file():
        raise ModelError(f"no relation model at {folder}: run `make train-rel` to build it")
    try:
        return RelationModel.from_json(weights.read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError) as err:
        raise ModelError(f"the relation model at {weights} is unreadable ({err}): run `make train-rel`") from err
