"""Reproduce alaqat's NER model from the corpora in ``data/ner/`` and the checked-in config.

``prepare`` writes ``train.spacy`` (ANERcorp train, the NewsFANEGold
sentences that occur in neither ANERcorp split, and business news: the annotated
articles of ``../shared/eval/dev`` aligned with their gold names and the sentences
written for alaqat in ``data/train/``, each repeated ``BUSINESS_REPEATS`` times so that
2007 general news does not drown them) and ``dev.spacy`` (the last 400
ANERcorp train sentences, which spaCy scores during training to show progress;
they are in training too, so the shipped model is the last one, after the fixed
number of steps in ``ner.cfg``, chosen in a run that held them out), and regenerates the
common-words lexicon from the same training sentences. ANERcorp test is only
read to keep its sentences out of training. ``train`` runs spaCy's own trainer on
``ner.cfg`` and copies the final model to the output folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from extractors.errors import ModelError
from extractors.lexicon import LEXICON_DIR
from extractors.ner.align import read_annotated_articles, read_written
from extractors.ner.corpus import (
    common_words,
    drop_overlapping,
    read_conll,
    read_newsfane,
    to_docbin,
)
from extractors.normalize import fold

__all__ = ["CONFIG", "ANNOTATED", "WRITTEN", "prepare", "train"]

CONFIG = Path(__file__).with_name("ner.cfg")
ROOT = Path(__file__).resolve().parents[2]
ANNOTATED = ROOT.parent / "shared" / "eval" / "dev"
"""The annotated business-news articles (not redistributed: they are read from the evaluation checkout)."""
WRITTEN = ROOT / "data" / "train"
BUSINESS_REPEATS = 3
DEV_SENTENCES = 400
BUSINESS_WORDS = (
    "ذكاء", "اصطناعي", "ناشئة", "تقنية", "تكنولوجيا", "برمجيات", "رقائق", "بيانات", "اتصالات", "طيران", "تأمين",
    "استثمار", "استثمارية", "عقارية", "عقارات", "طاقة", "نفط", "غاز", "كهرباء", "أدوية", "سيارات", "تجزئة", "ناقلة",
    "شحن", "لوجستية", "مصرفية", "مالية", "قابضة", "ناشئه",
)
_HEADER = (
    "# Ordinary Arabic words (folded): seen at least twice in the NER training corpora (ANERcorp train and the\n"
    "# NewsFANEGold sentences kept for training; never ANERcorp test) and almost never inside a name, plus a few\n"
    "# business-news words those 2007 corpora lack. A word after شركة that is not listed here is read as a name.\n"
    "# Regenerate with `alaqat train-ner` (extractors.ner.train.prepare); hand additions are in extractors/ner/train.py.\n"
)


def prepare(data_dir: str | Path, annotated: str | Path = ANNOTATED) -> dict[str, int]:
    """Write ``train.spacy`` and ``dev.spacy`` into ``data_dir``; return sentence counts.

    Raises ModelError when the annotated articles are missing.
    """
    data_dir, annotated = Path(data_dir), Path(annotated)
    if not (annotated / "gold.json").is_file():
        raise ModelError(
            f"no annotated business news at {annotated}: check out the evaluation material beside the repository "
            "(../shared/eval/dev with articles/ and gold.json) or pass --annotated DIR"
        )
    business = read_annotated_articles(annotated / "articles", annotated / "gold.json")
    business += read_written(sorted(WRITTEN.glob("*.jsonl")))
    anercorp = data_dir / "ANERcorp"
    train = read_conll(anercorp / "ANERCorp_CamelLab_train.reconstructed.txt")
    test = read_conll(anercorp / "ANERCorp_CamelLab_test.reconstructed.txt")
    newsfane = read_newsfane(data_dir / "NewsFANEGold" / "NewsFANE_Gold_2014_170K.txt")
    extra = drop_overlapping(drop_overlapping(newsfane, test), train)
    dev_part = train[-DEV_SENTENCES:]
    to_docbin(train + extra + business * BUSINESS_REPEATS, data_dir / "train.spacy")
    to_docbin(dev_part, data_dir / "dev.spacy")
    words = sorted(set(common_words(train + extra, min_count=2)) | {fold(w) for w in BUSINESS_WORDS})
    (LEXICON_DIR / "common_words.txt").write_text(_HEADER + "\n".join(words) + "\n", encoding="utf-8")
    return {"anercorp_train": len(train), "newsfane_extra": len(extra), "business": len(business), "dev": len(dev_part)}


def train(data_dir: str | Path, output: str | Path, config: str | Path = CONFIG) -> Path:
    """Train with spaCy on the prepared data for the config's steps; return the folder of the final model."""
    from spacy.cli.train import train as spacy_train

    import extractors.ner.features  # noqa: F401  (registers the Arabic lexical features)

    data_dir, output = Path(data_dir), Path(output)
    work = output / "training"
    overrides = {"paths.train": str(data_dir / "train.spacy"), "paths.dev": str(data_dir / "dev.spacy")}
    spacy_train(Path(config), work, overrides=overrides)
    final = work / "model-last"
    for child in final.iterdir():
        target = output / child.name
        if target.is_dir():
            shutil.rmtree(target)
        if child.is_dir():
            shutil.copytree(child, target)
        else:
            shutil.copy2(child, target)
    return output
