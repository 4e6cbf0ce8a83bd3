"""Entry heights kept between exports, so that a re-export measures only what changed.

The planner measures every entry with Typst before it fills the pages (``layout``); that
pass is about a third of Typst's work for a long booklet. An entry's height depends on
what it prints (its words, and only the digit counts of its page numbers: tabular
figures), on what every entry shares (paper, languages, the booklet's words) and on the
template, fonts and Typst. So a height is stored under a digest of the entry as printed
(its label and its links' targets left out, so an entry that moves keeps its height),
in a cache of the glossary (``cache.load``/``cache.store``: signed, never trusted when
odd) whose context holds the rest (``cache.code_stamp``, which covers the template and
the fonts, and Typst's version). A height from the cache is the one Typst measured, so
the booklet is the same byte for byte; a cache that is missing, stale or unwritable
only means measuring again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from moci_vocab import cache
from moci_vocab.booklet.typesetter import Measures
from moci_vocab.layout import manifest_path

NAME = "booklet-heights"
# The data every part shares that an entry's height depends on (the label column's width
# comes from the languages' names; the words of links and marks from the labels).
CONTEXT = ("paper", "source_lang", "languages", "labels")


@dataclass
class Heights:
    """Heights by entry digest: the last export's (``known``) and this one's (``measured``:
    those it measured or took from ``known``)."""

    root: Path | None  # the glossary's root; None keeps nothing (a booklet without one)
    name: str  # the cache's name: one for each paper
    context: str
    known: dict[str, float] = field(default_factory=dict)
    sizes: Measures | None = None  # a page's room and spacing (its heights: none)
    measured: dict[str, float] = field(default_factory=dict)

    @classmethod
    def open(cls, root: Path | None, common: dict[str, Any]) -> Heights:
        """The heights stored for this booklet's context (none if it changed)."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            typst = version("typst")  # not imported here: the workers typeset
        except PackageNotFoundError:
            typst = ""
        stamp = [{key: common[key] for key in CONTEXT}, cache.code_stamp(), typst]
        context = _digest(stamp)
        if root is not None and not manifest_path(root).is_file():
            root = None  # a glossary made in memory: no cache of its own
        heights = cls(root, f"{NAME}-{common['paper']}", context)
        stored = None if root is None else cache.load(root, heights.name, _valid)
        if stored is not None and stored["context"] == context:
            heights.known = stored["heights"]
            heights.sizes = Measures([], *stored["sizes"])
        return heights

    def get(self, key: str) -> float | None:
        """The height of the entry with digest ``key``, if known (kept for the next export)."""
        height = self.measured.get(key)
        if height is None:
            height = self.known.get(key)
            if height is not None:
                self.measured[key] = height
        return height

    def put(self, key: str, height: float) -> None:
        """Record a height this export measured."""
        self.measured[key] = height

    def save(self, sizes: Measures) -> None:
        """Keep the heights this export used or measured (no others: the file does not
        grow with every change) for the next export."""
        if self.root is None:
            return
        value = {
            "context": self.context,
            "sizes": [sizes.room, sizes.gap, sizes.below, sizes.columns],
            "heights": self.measured,
        }
        cache.store(self.root, self.name, value)


def entry_key(entry: dict[str, Any]) -> str:
    """The digest of an entry as printed, less its label or id and its links' targets and
    pages (a page number's width depends on its digit count only: the caller adds those)."""
    printed = {key: value for key, value in entry.items() if key not in ("id", "label")}
    for kind in ("related", "broader"):
        printed[kind] = [item["text"] for item in entry[kind]]
    return _digest(printed)


def _digest(value: Any) -> str:
    text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)  # ~4x json.dumps's speed
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _valid(value: Any) -> bool:
    return (
        cache.is_record(value, context=str, sizes=list, heights=dict)
        and len(value["sizes"]) == 4
        and all(isinstance(k, str) and isinstance(v, float) for k, v in value["heights"].items())
    )
