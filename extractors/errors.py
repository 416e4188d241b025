"""alaqat's exceptions: one hierarchy, each message naming the input and what to do."""

from __future__ import annotations

__all__ = ["AlaqatError", "InputError", "ModelError", "LexiconError"]


class AlaqatError(Exception):
    """Base of every error alaqat raises on purpose."""


class InputError(AlaqatError):
    """An input file cannot be read as an article (empty, binary, wrong encoding, malformed JSON line...)."""


class ModelError(AlaqatError):
    """The NER model is missing or cannot be loaded."""


class LexiconError(AlaqatError):
    """A lexicon or gazetteer file is malformed."""
