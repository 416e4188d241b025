"""Reproduce alaqat's NER model from the corpora in ``data/ner/`` and the checked-in config.

``prepare`` writes ``train.spacy`` (ANERcorp train minus its last sentences, plus
the NewsFANEGold sentences that occur in neither ANERcorp split) and
``dev.spacy`` (those last ANERcorp train sentences). ANERcorp test is only read
to keep its sentences out of training. ``train`` runs spaCy's own trainer on
``ner.cfg`` and copies the best model to the output folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from extractors.ner.corpus import drop_overlapping, read_conll, read_newsfane, to_docbin

__all__ = ["CONFIG", "prepare", "train"]

CONFIG = Path(__file__).with_name("ner.cfg")
DEV_SENTENCES = 400


def prepare(data_dir: str | Path) -> dict[str, int]:
    """Write ``train.spacy`` and ``dev.spacy`` into ``data_dir``; return sentence counts."""
    data_dir = Path(data_dir)
    anercorp = data_dir / "ANERcorp"
    train = read_conll(anercorp / "ANERCorp_CamelLab_train.reconstructed.txt")
    test = read_conll(anercorp / "ANERCorp_CamelLab_test.reconstructed.txt")
    newsfane = read_newsfane(data_dir / "NewsFANEGold" / "NewsFANE_Gold_2014_170K.txt")
    extra = drop_overlapping(drop_overlapping(newsfane, test), train)
    train_part, dev_part = train[:-DEV_SENTENCES], train[-DEV_SENTENCES:]
    to_docbin(train_part + extra, data_dir / "train.spacy")
    to_docbin(dev_part, data_dir / "dev.spacy")
    return {"anercorp_train": len(train_part), "newsfane_extra": len(extra), "dev": len(dev_part)}


def train(data_dir: str | Path, output: str | Path, config: str | Path = CONFIG) -> Path:
    """Train with spaCy on the prepared data; return the folder of the best model."""
    import extractors.ner.features  # noqa: F401  (registers the Arabic lexical features)
    from spacy.cli.train import train as spacy_train

    data_dir, output = Path(data_dir), Path(output)
    work = output / "training"
    overrides = {"paths.train": str(data_dir / "train.spacy"), "paths.dev": str(data_dir / "dev.spacy")}
    spacy_train(Path(config), work, overrides=overrides)
    best = work / "model-best"
    for child in best.iterdir():
        target = output / child.name
        if target.is_dir():
            shutil.rmtree(target)
        if child.is_dir():
            shutil.copytree(child, target)
        else:
            shutil.copy2(child, target)
    return output
