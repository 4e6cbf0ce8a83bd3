"""Typesetting the booklet part by part, and the page numbers that join the parts.

Typst's memory grows faster than a document's length (a 2,000-concept booklet in one
piece took 2.9 GB), so the booklet is typeset as a sequence of short parts: the front
matter, runs of entries, runs of each index's lines. Each part starts at the top of a
page; a run is cut after its last *complete* page, where one item ends on a page and
the next starts on the following one, and the next run starts with that item. Page
for page, the joined booklet is the one a single document would give: a page's
layout depends only on what comes before it.

Page numbers are the planner's, not Typst's. Entries point to each other ("see also
… p. 12") and the index points to entries, so the entries are laid out twice: first
with the pages of the entries not yet placed estimated (tabular figures make a
number's width depend only on its digit count, which the estimate gets right), then
rendered with the pages the first pass found. If the second pass moves anything the
first pass is repeated with the better numbers; in practice it never has to. The
indexes and the contents, which come after or do not move, are rendered once.

With worker processes, the first pass is not a layout run after run (each waits for
the previous one's cut) but a measurement of every entry, in parallel: an entry is an
unbreakable block, so its height does not depend on where it goes, and the planner
fills the pages as Typst's flow does (``fill_pages``). Runs are then cut exactly as
laid-out runs would be; the rendering reports where every entry landed, and anything
else than the plan sends the booklet through the laid-out passes above. A booklet with
a long entry (which may break across pages) is laid out as before.
"""

from __future__ import annotations

import itertools
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from moci_vocab.booklet.heights import Heights, entry_key
from moci_vocab.booklet.typesetter import MeasureJob, Measures, PartJob, PartLayout, Typesetter
from moci_vocab.errors import MociError

if TYPE_CHECKING:
    from moci_vocab.booklet.pdfjoin import JoinThread

# Items per part: about 50 A5 pages of entries, about 30 of index lines. A part this long
# needs under 100 MB of Typst's memory; one of a few hundred pages would need gigabytes.
ENTRY_RUN = 200
INDEX_RUN = 2500
# Entries per measuring job (see EntryRuns.measure).
MEASURE_RUN = 200
# How many entries' runs (ENTRY_RUN entries) take as long to typeset as one index run
# (INDEX_RUN lines): 0.20 s and 0.45 s of CPU on the 10,000-concept booklet. It places the
# index's pieces among the entries' in the join's queue (``IndexSlots``), nothing else.
INDEX_PACE = 2.25
# Typst's tolerance when it decides whether a block fits (1e-4 of its raw unit, 1/127 pt).
FITS_SLACK = 1e-4 / 127
# Laying out the entries again with the numbers of the previous pass: how often at most.
PASSES = 4
# The template's data that every part shares.
COMMON = (
    "paper",
    "name",
    "title",
    "version",
    "date",
    "year",
    "month",
    "day",
    "source",
    "source_lang",
    "review",
)


@dataclass
class Piece:
    """The items ``start``…``stop - 1`` of a run, on the booklet's pages ``first``…."""

    start: int
    stop: int
    first: int
    pages: int  # how many of the part's pages the booklet keeps
    item_pages: list[int]  # the booklet page on which each item starts
    pdf: str | None = None  # the part's PDF, when rendered
    layout: PartLayout | None = None  # as Typst reported it


@dataclass
class PageBook:
    """The page of every entry: known once laid out, estimated until then."""

    order: dict[str, int]  # entry label → position in the booklet
    first: int  # the page of the first entry
    known: dict[str, int] = field(default_factory=dict)
    per_entry: float = 0.3  # pages per entry, refined as entries are laid out

    def page(self, label: str) -> int:
        """The page of the entry ``label``: where it was placed, else an estimate."""
        if label in self.known:
            return self.known[label]
        return self.first + int(self.order[label] * self.per_entry)

    def learn(self, labels: list[str], pages: list[int]) -> None:
        """Record where the entries ``labels`` were placed; refine the pages per entry."""
        self.known.update(zip(labels, pages, strict=True))
        if pages and pages[-1] > self.first:
            self.per_entry = (pages[-1] - self.first) / max(1, self.order[labels[-1]])


def needs_workers(data: dict[str, Any]) -> bool:
    """Whether the booklet is long enough to be typeset in worker processes."""
    lines = sum(_index_size(idx) for idx in data["indexes"])
    return needs_workers_for(len(data["entries"])) or lines > INDEX_RUN


def needs_workers_for(entries: int) -> bool:
    """Whether a booklet of ``entries`` entries needs worker processes, whatever its indexes."""
    return entries > ENTRY_RUN


def typeset_booklet(
    data: dict[str, Any],
    typesetter: Typesetter,
    workdir: Path,
    root: Path | None = None,
    meanwhile: Callable[[], None] | None = None,
    make: Callable[[int], None] | None = None,
) -> Booklet:
    """Typeset the booklet into ``workdir``: its parts, and the PDF that joins them.

    ``root``: the glossary's, where the entries' heights are kept for the next export
    (``heights``); None measures every entry. ``meanwhile``: work of this process that
    the indexes need (their lines, ``export.booklet_data_in_steps``), done while the
    workers measure the entries. ``make``: when ``data["entries"]`` holds None for the
    entries not made yet, makes them up to the one given (``export.booklet_data_in_steps``):
    the workers measure the first ones while the others are made.

    The join runs beside the typesetting (``JoinThread``, with workers): each run of
    entries is joined as soon as it is rendered, the indexes, the front matter and the
    back once typeset; the parts are always added in that order, so the same booklet
    gives the same bytes.
    """
    files = _Files(workdir)
    common = {key: data[key] for key in COMMON}
    common["labels"] = data["labels"]
    common["languages"] = data["languages"]
    front_pages = typesetter.run(_front(common, data, None, None)).pages
    entries = EntryRuns(common, data["entries"], front_pages + 1, make)
    if typesetter.parallel:
        entries.heights = Heights.open(root, common)
    pieces = entries.lay_out(typesetter, plan=typesetter.parallel, meanwhile=meanwhile)
    join = None
    try:
        for _ in range(PASSES):
            join = _start_join(common, files, front_pages, pieces, typesetter.parallel)
            slots = IndexSlots(join, [Future() for _ in range(_index_runs(data))])
            # While the entries render, the indexes: they follow the entries' pages as laid
            # out. Their runs are a sequence (each starts where the one before was cut), the
            # longest of the booklet: started first, in a thread of its own, so that it
            # keeps a worker (``Typesetter.run``) while the entries' runs fill the other.
            after = front_pages + 1 + sum(piece.pages for piece in pieces)
            index_runs = partial(
                _indexes, common, data, entries.book, after, typesetter, files, slots.final
            )
            indexing = _in_thread(index_runs) if typesetter.parallel else None
            rendering = entries.render(pieces, typesetter, files)
            entries.keep_heights()
            slots.queue(pieces, rendering)
            starts, indexes = index_runs() if indexing is None else indexing.result()
            starts["glossary"] = front_pages + 1
            index_pieces = [piece for index in indexes for piece in index.pieces()]
            slots.rest(index_pieces)
            # The front matter (its contents need the indexes' pages) and the back (the
            # page count), while the last entries render.
            front_pdf, back_pdf = files.new("front"), files.new("back")
            front_part = _front(common, data, starts, front_pdf)
            front_job = typesetter.submit(front_part, urgent=True, more=True)
            before_back = front_pages + sum(piece.pages for piece in [*pieces, *index_pieces])
            back_job = typesetter.submit(_back(common, data, before_back, back_pdf), urgent=True)
            rendered = [future.result() for future in rendering]
            if all(_same_places(p, layout) for p, layout in zip(pieces, rendered, strict=True)):
                break
            # A page number of a different width moved something: lay out again with the
            # pages the entries took in this pass (they are nearer the truth than the estimates).
            join.close()
            for piece, layout in zip(pieces, rendered, strict=True):
                entries.placed(
                    piece.start, piece.stop, [piece.first + n - 1 for n in layout.starts]
                )
            pieces = entries.lay_out(typesetter)
        else:
            raise MociError(
                "the booklet's page numbers did not settle; please report this glossary"
            )
        if front_job.result().pages != front_pages:
            raise MociError("the booklet's contents changed length when its page numbers were set")
        front = Piece(0, 0, 1, front_pages, [], front_pdf)
        join.add(Path(front_pdf), _positions(front))
        back_layout = back_job.result()
        back = Piece(0, 0, before_back + 1, back_layout.pages, [], back_pdf, back_layout)
        join.add(Path(back_pdf), _positions(back))
        typesetter.rest()
        return _finish(join, common, data, [front, *pieces, *index_pieces, back], starts, files)
    finally:
        if join is not None:
            join.close()


# --- the parts ---------------------------------------------------------------------------------


def _front(common: dict, data: dict, starts: dict[str, int] | None, pdf: str | None) -> PartJob:
    """Cover and contents; with ``starts`` None, laid out only, to count its pages."""
    labels = data["labels"]
    lines = []
    if data["entries"]:
        title = f"{labels['glossary']} ({len(data['entries'])} {labels['concepts']})"
        lines.append({"title": title, "page": str(starts["glossary"]) if starts else "0"})
    for idx in data["indexes"]:
        page = str(starts["index:" + idx["lang"]]) if starts else "0"
        lines.append({"title": idx["title"], "page": page})
    part = dict(common, part="front", first=1, section=None, contents=lines)
    return _job(part, pdf)


def _back(common: dict, data: dict, pages: int, pdf: str) -> PartJob:
    """Blank pages and the colophon, after ``pages`` pages: it ends the booklet on its
    outside back cover. A folded A5 booklet has a multiple of four pages; an A4 one an
    even number."""
    sheet = 4 if common["paper"] == "a5" else 2
    blanks = -(pages + 1) % sheet
    part = dict(common, part="back", first=pages + 1, section=None, blanks=blanks)
    part["colophon"] = data["colophon"]
    return _job(part, pdf)


class EntryRuns:
    """The entries, laid out in runs and rendered, and the page book they fill."""

    def __init__(
        self,
        common: dict,
        entries: list[dict],
        first: int,
        make: Callable[[int], None] | None = None,
    ) -> None:
        self.common = common
        self.entries = entries
        self.first = first
        # entries[:made] are made; ``make`` makes them up to the one it is given
        self._make_until = make
        self.made = len(entries) if make is None else 0
        self.long = False  # whether an entry made so far is long (see ``measure``)
        self.labels = [entry_label(n) for n in range(1, len(entries) + 1)]
        self.book = PageBook({label: n for n, label in enumerate(self.labels)}, first)
        self.heights = Heights(None, "", "")  # those of the last export, if opened
        self._keys: list[str | None] = [None] * len(entries)  # digests, less the page numbers
        # JSON, cut where the links' pages go, and the entries they point to (``_page_holes``)
        self._texts: list[tuple[list[str], list[str | None]] | None] = [None] * len(entries)
        self.measures: Measures | None = None  # the page's sizes, once every entry is measured

    def part(
        self,
        start: int,
        stop: int,
        page: int,
        heads: list | None = None,
        pages: list[dict] | None = None,
    ) -> str:
        """The data (JSON) of the part holding entries ``start:stop``, starting at ``page``.

        ``heads``: the running heads of its pages (None to lay the part out only);
        ``pages``: the entries of each page, when the part places them (``_planned_pages``).
        """
        section = self.common["labels"]["glossary"]
        part = dict(self.common, part="entries", first=page, section=section, entries=[])
        part.update(heads=heads, pages=pages)
        return _json_with(part, entries=self._texts_of(range(start, stop)))

    def _texts_of(self, wanted: Iterable[int]) -> str:
        """The entries ``wanted`` as a JSON array, with their links' pages: an entry is
        written as JSON once, cut where its pages go (``_page_holes``); only the pages are
        written for each part."""
        page, texts = self.book.page, []
        for n in wanted:
            holes = self._texts[n]
            if holes is None:
                holes = self._texts[n] = _page_holes(self.entries[n])
            pieces, targets = holes
            pages = [f'"page":"{page(target)}"' if target else '"page":null' for target in targets]
            text = [""] * (2 * len(pieces) - 1)
            text[::2], text[1::2] = pieces, pages
            texts.append("".join(text))
        return "[" + ",".join(texts) + "]"

    def make(self, stop: int) -> None:
        """Make the entries up to ``stop`` (all of them, at most), if not made yet."""
        stop = min(stop, len(self.entries))
        if stop <= self.made:
            return
        assert self._make_until is not None
        self._make_until(stop)
        self.long = self.long or any(entry["long"] for entry in self.entries[self.made : stop])
        self.made = stop

    def placed(self, start: int, stop: int, pages: list[int]) -> None:
        """Record the pages that entries ``start:stop`` were placed on."""
        self.book.learn(self.labels[start:stop], pages)

    def lay_out(
        self,
        typesetter: Typesetter,
        plan: bool = False,
        meanwhile: Callable[[], None] | None = None,
    ) -> list[Piece]:
        """The runs and where their entries fall; pages not yet known are estimates.

        ``plan``: measure the entries (in parallel) and fill the pages here, instead of
        having Typst lay out the runs one after the other (see the module's docstring).
        ``meanwhile`` is called once, while the workers measure (or first).
        """
        waiting = [meanwhile] if meanwhile is not None else []
        planned = self.measure(typesetter, waiting) if self.entries and plan else None
        self.make(len(self.entries))
        for work in waiting:  # not done while measuring
            work()
        if not self.entries:
            return []
        count = len(self.entries)
        predict = None
        if planned is not None:

            def predict(start: int, stop: int) -> PartLayout:
                return fill_pages(planned.heights[start:stop], planned)

        return _lay_out(
            self.part, count, self.first, ENTRY_RUN, typesetter, None, self.placed, predict
        )

    def measure(
        self, typesetter: Typesetter, meanwhile: list[Callable[[], None]] | None = None
    ) -> Measures | None:
        """Every entry's height, measured with the page numbers it will print; None when
        an entry is long (it may break across pages, which no plan here foresees).

        A page number's width depends on its digit count only: the entries are measured
        with estimated pages, the pages filled, and the entries whose numbers then have
        other digit counts measured again, until none has. The work in ``meanwhile`` is
        done (and taken out of the list) while the workers measure the most entries.
        """
        count = len(self.entries)
        heights: list[float] = [0.0] * count
        digits: list[tuple[int, ...]] = [()] * count  # of the pages each was measured with
        # The first entries first, a job for each worker: their heights tell how many entries
        # a page holds, which makes the estimates of the others' pages good enough to keep
        # their digit counts. The entries not made yet are made while they are measured,
        # the others' jobs given as they are made.
        first = min(count, MEASURE_RUN * 2)
        self.make(first)
        if self.long:
            return None
        sizes = self._measured(typesetter, list(range(first)), heights, digits)
        if self.long:  # among those made while the first ones were measured
            return None
        self.book.per_entry = fill_pages(heights[:first], sizes).pages / first
        rest = list(range(first, count))
        sizes = self._measured(typesetter, rest, heights, digits, sizes, meanwhile)
        if self.long:  # found among the others: no plan (their jobs were not all given)
            return None
        for _ in range(PASSES):
            planned = replace(sizes, heights=heights)
            pages = fill_pages(heights, planned).starts
            self.book.learn(self.labels, [self.first + page - 1 for page in pages])
            again = [n for n in range(count) if _digits(self.entries[n], self.book) != digits[n]]
            if not again:
                self.measures = sizes  # for ``keep_heights``
                return planned
            sizes = self._measured(typesetter, again, heights, digits, sizes)
        return None

    def keep_heights(self) -> None:
        """Keep the heights the planner used for the next export (``heights``): once the
        entries' runs are given, so that the workers need not wait for the file."""
        if self.measures is not None:
            self.heights.save(self.measures)

    def _key(self, n: int, digits: tuple[int, ...]) -> str:
        """The digest of entry ``n`` printed with page numbers of ``digits`` digits."""
        if self._keys[n] is None:
            self._keys[n] = entry_key(self.entries[n])
        return f"{self._keys[n]}:{digits}"

    def _keys_of(self, wanted: list[int]) -> None:
        """Work out the digests of the entries ``wanted`` (``_key`` then finds them)."""
        if self.heights.root is not None:  # else no height is kept
            for n in wanted:
                if self._keys[n] is None:
                    self._keys[n] = entry_key(self.entries[n])

    def _measured(
        self,
        typesetter: Typesetter,
        wanted: list[int],
        heights: list[float],
        digits: list[tuple[int, ...]],
        sizes: Measures | None = None,
        meanwhile: list[Callable[[], None]] | None = None,
    ) -> Measures:
        """The heights of entries ``wanted``, with the page numbers known now: from the
        last export's where it holds them, else measured, ``MEASURE_RUN`` entries a job, in
        parallel; the digit counts of their page numbers into ``digits``. Returns the
        page's sizes (``sizes`` if no job ran: the last export's, or an earlier job's).
        Once the jobs are given, the work in ``meanwhile`` is done (and taken out).

        The entries ``wanted`` not made yet are made on the way; with no heights kept (a
        first export) every entry is measured, and each job is given as soon as its
        entries are made; entries not wanted are made while the jobs run. A long entry
        stops the jobs (``self.long``: the caller plans nothing).
        """
        known = self.heights.known
        # a job for each worker at least (a few entries measured again are not left to one)
        size = 0 if known else _measure_size(len(wanted))  # known: once todo is
        todo: list[int] = []
        chunks: list[list[int]] = []
        jobs: list[Future] = []
        for n in wanted:
            if n >= self.made:
                self.make(n + MEASURE_RUN)
                if self.long:
                    break
            digits[n] = _digits(self.entries[n], self.book)
            # nothing kept (a first export): the digests can wait for the jobs to be given
            height = self.heights.get(self._key(n, digits[n])) if known else None
            if height is None:
                todo.append(n)
                if size and len(todo) % size == 0:
                    chunks.append(todo[-size:])
                    jobs.append(self._measure_job(typesetter, chunks[-1]))
            else:
                heights[n] = height
        if self.long:
            for job in jobs:
                job.cancel()  # those that have not started
            return sizes or Measures([], 0.0, 0.0, 0.0, 1)
        size = size or _measure_size(len(todo))
        done = sum(len(chunk) for chunk in chunks)
        for start in range(done, len(todo), size):
            chunks.append(todo[start : start + size])
            jobs.append(self._measure_job(typesetter, chunks[-1]))
        if jobs:
            while meanwhile:
                meanwhile.pop(0)()
            while self.made < len(self.entries) and not all(job.done() for job in jobs):
                self.make(self.made + MEASURE_RUN)  # the next ones, while the workers measure
            self._keys_of(todo)  # of the entries measured, to keep their heights
        for chunk, job in zip(chunks, jobs, strict=True):
            sizes = job.result()
            for n, height in zip(chunk, sizes.heights, strict=True):
                heights[n] = height
                if self.heights.root is not None:  # kept for the next export
                    self.heights.put(self._key(n, digits[n]), height)
        return sizes or self.heights.sizes or Measures([], 0.0, 0.0, 0.0, 1)

    def _measure_job(self, typesetter: Typesetter, chunk: list[int]) -> Future:
        """Give the job that measures the entries ``chunk``; its future."""
        part = dict(self.common, part="measure", first=self.first, section=None)
        return typesetter.submit(MeasureJob(_json_with(part, entries=self._texts_of(chunk))))

    def render(
        self, pieces: list[Piece], typesetter: Typesetter, files: _Files
    ) -> list[Future[PartLayout]]:
        """Render every piece, printing the pages the book holds now (in the background)."""
        futures = []
        for piece in pieces:
            piece.pdf = files.new("entries")
            local = [page - piece.first + 1 for page in piece.item_pages]
            heads = entry_heads(self.entries[piece.start : piece.stop], local, piece.pages)
            pages = self._planned_pages(piece, local)
            data = self.part(piece.start, piece.stop, piece.first, heads, pages)
            if pages is None:
                job = _job(data, piece.pdf)
            else:  # each page's entries placed by the template: see ``_planned_pages``
                job = PartJob(data, piece.pdf, planned=tuple(local))
            futures.append(typesetter.submit(job))
        self._texts = [None] * len(self.entries)  # (some 20 MB for 10,000 entries)
        return futures

    def _planned_pages(self, piece: Piece, local: list[int]) -> list[dict] | None:
        """The entries that start on each page of ``piece`` ({start, stop}, counted in the
        part), when the part can place them there itself: no entry of it may break across
        pages, and an entry starts on every page. The template then writes out each page
        and its running head, and asks Typst nothing about where they landed (which made it
        lay the part out twice); a page that overflows makes the part longer than planned,
        which ``_same_places`` sees. None: the part is one flow that reports its layout.
        """
        if any(entry["long"] for entry in self.entries[piece.start : piece.stop]):
            return None
        pages: list[dict] = []
        for n, page in enumerate(local):
            if page == len(pages):
                pages[-1]["stop"] = n + 1
            elif page == len(pages) + 1:
                pages.append({"start": n, "stop": n + 1})
            else:  # a page without a start of its own
                return None
        return pages if len(pages) == piece.pages else None


def entry_label(n: int) -> str:
    """The label (the links' target) of the booklet's ``n``-th entry, counted from 1."""
    return f"entry-{n}"


def _measure_size(count: int) -> int:
    """How many of ``count`` entries a measuring job takes: ``MEASURE_RUN``, or half of
    them, so that each worker has a job."""
    return max(1, min(MEASURE_RUN, -(-count // 2)))


def entry_heads(entries: list[dict], starts: list[int], pages: int) -> list[dict | None]:
    """Each page's running head: the first and the last entry word that start on it.

    ``starts`` holds the page (of the part) on which each entry starts; a page on which
    none starts (a long entry going on) has None, and shows the section's name.
    """
    heads: list[dict | None] = [None] * pages
    for entry, page in zip(entries, starts, strict=True):
        head = heads[page - 1]
        if head is None:
            heads[page - 1] = {"first": entry["headword"], "last": entry["headword"]}
        else:
            head["last"] = entry["headword"]
    return heads


def _indexes(
    common: dict,
    data: dict,
    book: PageBook,
    first: int,
    typesetter: Typesetter,
    files: _Files,
    final: Callable[[int, Piece], None] | None = None,
) -> tuple[dict[str, int], list[IndexPieces]]:
    """Every index from page ``first``, one flow, and the page on which each starts.

    The indexes follow each other in the same columns, each under its title, so that no
    page holds only the last lines of an index: a page is full unless it is the last one.
    ``final`` is told each piece that is final (all but the last, whose page may be balanced).
    """
    items: list[dict] = []
    title_at: dict[str, int] = {}
    for idx in data["indexes"]:
        title_at[idx["lang"]] = len(items)
        items.append({"title": idx["title"], "lang": idx["text_lang"]})
        items.extend(dict(item, lang=idx["text_lang"]) for item in _index_items(idx, book))

    def part(start: int, stop: int, page: int, balance: bool = False) -> dict:
        run = {
            "title_before": _before(items, start, "title"),
            "letter_before": _before(items, start, "letter"),
            "items": items[start:stop],
            "groups": _language_groups(items[start:stop]),
            "balance": balance,
        }
        return dict(common, part="index", first=page, section=None, run=run)

    # the last run is followed by its last page balanced, the front matter and the back
    pieces = _lay_out(part, len(items), first, INDEX_RUN, typesetter, files, final=final, then=True)
    starts = {"index:" + lang: _item_page(pieces, n) for lang, n in title_at.items()}
    return starts, [_balance_last_page(pieces, part, typesetter, files)]


def _language_groups(items: list[dict]) -> list[dict]:
    """The runs of consecutive ``items`` in one language: {lang, start, stop}."""
    groups: list[dict] = []
    for n, item in enumerate(items):
        if groups and groups[-1]["lang"] == item["lang"]:
            groups[-1]["stop"] = n + 1
        else:
            groups.append({"lang": item["lang"], "start": n, "stop": n + 1})
    return groups


def _index_runs(data: dict) -> int:
    """About how many runs the indexes take (a run keeps a little less than ``INDEX_RUN``)."""
    return -(-sum(_index_size(idx) + 1 for idx in data["indexes"]) // INDEX_RUN)


@dataclass
class IndexSlots:
    """Places for the index's pieces among the entries' in the join's queue, so that the
    join takes each index piece about when it is typeset, not all after the last entries.

    Which piece goes where depends on the counts of pieces only, never on timing, so the
    same booklet is joined in the same order (the same bytes).
    """

    join: JoinThread
    slots: list[Future] = field(default_factory=list)
    given: int = 0  # index pieces already in their slots

    @classmethod
    def between(
        cls, join: JoinThread, pieces: list[Piece], rendering: list[Future], count: int
    ) -> IndexSlots:
        """``count`` slots, queued among the entries' pieces (see ``queue``)."""
        self = cls(join, [Future() for _ in range(count)])
        self.queue(pieces, rendering)
        return self

    def queue(self, pieces: list[Piece], rendering: list[Future]) -> None:
        """Queue the entries' pieces (each joined once rendered as planned), with the
        slots spread among them: slot n after the entries rendered by then."""
        join, count = self.join, len(self.slots)
        due: dict[int, list[int]] = {}
        for n in range(count):
            # the index's runs keep a worker while the entries' take the other, each run as
            # long as INDEX_PACE entries' runs: the index's last pieces are then joined before
            # the last entries, not after them (the join's end waited for them)
            at = min(len(pieces), math.ceil((n + 1) * INDEX_PACE))
            due.setdefault(at, []).append(n)
        for n in due.pop(0, []):
            join.add_slot(self.slots[n])
        for k, (piece, future) in enumerate(zip(pieces, rendering, strict=True), start=1):
            join.add(Path(piece.pdf or ""), _positions(piece), future, partial(_same_places, piece))
            for n in due.get(k, []):
                join.add_slot(self.slots[n])

    def final(self, number: int, piece: Piece) -> None:
        """Index piece ``number`` is done: into its slot, if it has one."""
        if number == self.given and number < len(self.slots):
            self.slots[number].set_result([(Path(piece.pdf or ""), _positions(piece))])
            self.given += 1

    def rest(self, pieces: list[Piece]) -> None:
        """The index's pieces as kept (the first ``given`` ones already placed): the others
        into the first empty slot, or after the entries; the remaining slots empty."""
        parts = [(Path(piece.pdf or ""), _positions(piece)) for piece in pieces[self.given :]]
        for n in range(self.given, len(self.slots)):
            self.slots[n].set_result(parts if n == self.given else [])
        if self.given >= len(self.slots):
            for part, positions in parts:
                self.join.add(part, positions)
        self.given = len(pieces)


def _in_thread(work: Callable[[], Any]) -> Future:
    """Run ``work`` in a new thread; its future holds what it returns (or raises)."""
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(work())
        except BaseException as exc:
            future.set_exception(exc)

    threading.Thread(target=run, daemon=True).start()
    return future


def _item_page(pieces: list[Piece], item: int) -> int:
    """The page on which ``item`` starts, as the pieces were laid out."""
    piece = next(p for p in pieces if p.start <= item < p.stop)
    return piece.item_pages[item - piece.start]


def _before(items: list[dict], start: int, kind: str) -> str | None:
    """The index title, or the letter group, that a run starting at ``items[start]`` continues.

    A letter never continues across an index's title.
    """
    for item in reversed(items[:start]):
        if kind in item:
            return item[kind]
        if "title" in item:
            return None
    return None


@dataclass
class IndexPieces:
    """An index's pieces, and its last page typeset again with balanced columns.

    The balanced page is typeset in the background (the next index need not wait:
    it starts on the same page either way); ``pieces`` waits for it, and keeps the
    page as first laid out if the balanced one took a different number of pages.
    """

    laid_out: list[Piece]
    kept: list[Piece] = field(default_factory=list)  # the pieces before the balanced run
    balanced: Piece | None = None  # the balanced run; its layout is the future's
    future: Future[PartLayout] | None = None

    def pieces(self) -> list[Piece]:
        """The index pieces: with the balanced last page if it fits the same pages."""
        if self.balanced is None or self.future is None:
            return self.laid_out
        layout = self.future.result()
        if layout.pages != self.balanced.pages:
            return self.laid_out
        placed = [self.balanced.first + n - 1 for n in layout.starts]
        return [*self.kept, replace(self.balanced, item_pages=placed, layout=layout)]


def _balance_last_page(
    pieces: list[Piece], part: Callable[..., dict], typesetter: Typesetter, files: _Files
) -> IndexPieces:
    """The index's last page again, its columns of equal length (Typst fills them in turn).

    The items of the last page become a run of their own, typeset with ``balance``.
    """
    last = pieces[-1]
    assert last.layout is not None
    if last.layout.pages == 1:
        kept, taken = 0, 0
    elif cut := cut_after_last_full_page(last.layout.starts, last.layout.ends, last.layout.pages):
        kept, taken = cut
    else:
        return IndexPieces(pieces)  # the last page only ends an item begun before it
    start, page = last.start + taken, last.first + kept
    before = (
        []
        if not taken
        else [replace(last, stop=start, pages=kept, item_pages=last.item_pages[:taken])]
    )
    pdf = files.new("index")
    # urgent: the front matter and the back wait for it (the entries' runs need not)
    job = _job(part(start, last.stop, page, balance=True), pdf)
    future = typesetter.submit(job, urgent=True, more=True)
    balanced = Piece(start, last.stop, page, last.pages - kept, [], pdf)
    return IndexPieces(pieces, [*pieces[:-1], *before], balanced, future)


def _lay_out(
    part: Callable[[int, int, int], dict],
    count: int,
    first: int,
    size: int,
    typesetter: Typesetter,
    files: _Files | None,
    placed: Callable[[int, int, list[int]], None] | None = None,
    predict: Callable[[int, int], PartLayout] | None = None,
    final: Callable[[int, Piece], None] | None = None,
    then: bool = False,
) -> list[Piece]:
    """Lay ``count`` items out in runs of about ``size``, each cut after its last full page.

    ``then``: the caller gives another urgent job after the last run (see ``Typesetter.run``).

    With ``files``, each run is rendered too, into a new file there. With ``predict``,
    the runs' layouts are the planner's (items ``start:stop`` from the top of a page),
    and Typst is not asked.
    """
    pieces: list[Piece] = []
    start, page, run = 0, first, size
    while start < count or not pieces:
        stop = min(count, start + run)
        pdf = files.new("part") if files else None
        if predict is not None:
            layout = predict(start, stop)
        else:
            # the next run is given as soon as this one is cut (unless it is the last)
            layout = typesetter.run(_job(part(start, stop, page), pdf), more=stop < count or then)
        if stop == count:
            kept, taken = layout.pages, stop - start
        elif cut := cut_after_last_full_page(layout.starts, layout.ends, layout.pages):
            kept, taken = cut
        else:  # the run did not fill a page: it tells nothing about where pages break
            run *= 2
            continue
        run = size
        item_pages = [page + p - 1 for p in layout.starts[:taken]]
        pieces.append(Piece(start, start + taken, page, kept, item_pages, pdf, layout))
        if placed is not None:  # later runs print these pages, not estimates
            placed(start, start + taken, item_pages)
        if final is not None and len(pieces) > 1:  # the one before the last is done with
            final(len(pieces) - 2, pieces[-2])
        start, page = start + taken, page + kept
    return pieces


def fill_pages(heights: list[float], measures: Measures) -> PartLayout:
    """Where blocks of ``heights`` go when they fill pages from the top of one, as Typst's
    flow places unbreakable blocks: a block that does not fit in what is left of a page
    (of a column: two on A4) goes to the next, and the spacing before a page's first
    block falls away. Between two blocks, the spacing below the first is kept, then
    widened to the weak gap (the order in which Typst takes it off, float for float).
    """
    column, left, empty = 0, measures.room, True
    starts = []
    for height in heights:
        if not empty:
            left -= measures.below
            if measures.gap > measures.below:
                left -= measures.gap - measures.below
            if left + FITS_SLACK < height:
                column, left = column + 1, measures.room
        left -= height
        empty = False
        starts.append(column // measures.columns + 1)
    return PartLayout(starts, list(starts), starts[-1] if starts else 1)


def cut_after_last_full_page(
    starts: list[int], ends: list[int], pages: int
) -> tuple[int, int] | None:
    """(pages to keep, items they hold): cut where one item ends and the next starts a page.

    ``starts`` and ``ends`` are the pages where each item starts and ends. The last
    page is never kept (more items would have followed on it); a page break inside an
    item is no place to cut. None when there is no place to cut.
    """
    last = pages
    while last > 1:
        first_on_page = next((n for n, p in enumerate(starts) if p == last), None)
        if first_on_page and ends[first_on_page - 1] < last:
            return last - 1, first_on_page
        last -= 1
    return None


def _same_places(piece: Piece, layout: PartLayout) -> bool:
    placed = [piece.first + p - 1 for p in layout.starts]
    return layout.pages == piece.pages and placed == piece.item_pages


def _job(part: dict | str, pdf: str | None) -> PartJob:
    """The job typesetting ``part`` (its data, or its data as JSON) into ``pdf``."""
    return PartJob(part if isinstance(part, str) else _json(part), pdf)


# An entry's links to other entries, by kind (each printed with the page of its entry).
_LINKS = ("related", "broader")
# A value's place in a JSON text (``_json_with``), and how it reads there after its key: no
# text of the glossary can give the latter (a JSON string never holds a bare quote).
_HOLE = "\x00moci-vocab"


def _json(value: Any) -> str:
    """``value`` as the template's JSON input: orjson's compact text, some four times
    quicker than ``json.dumps`` (the parts of a 10,000-concept booklet hold ~30 MB of it)."""
    return orjson.dumps(value).decode("utf-8")


_HOLE_JSON = _json(_HOLE)


def _json_with(value: dict, **texts: str) -> str:
    """``_json(value)`` with the keys ``texts`` given as JSON texts: the same text as if
    ``value`` held them as data. A text "" leaves a hole, for ``_filled``."""
    text = _json(dict(value, **dict.fromkeys(texts, _HOLE)))
    return _filled(text, {key: json_text for key, json_text in texts.items() if json_text})


def _filled(text: str, texts: dict[str, str]) -> str:
    """The JSON ``text`` with the holes of the keys ``texts`` filled with those JSON texts."""
    for key, json_text in texts.items():
        text = text.replace(f'"{key}":{_HOLE_JSON}', f'"{key}":{json_text}', 1)
    return text


# --- page numbers in the data --------------------------------------------------------------------


# Where a link's page goes in an entry's JSON (``_page_holes``): no text of the glossary can
# give it (the key is the booklet's own, and a JSON string never holds a bare quote).
_PAGE_HOLE = '"page":' + _HOLE_JSON


def _page_holes(entry: dict) -> tuple[list[str], list[str | None]]:
    """The entry's JSON cut where its links' pages go, and the entry each link points to
    (None: not in the booklet), in that order: with ``"page":"12"`` (the page of its entry,
    as a string) or ``"page":null`` written into each cut, the entry's JSON with every
    link's page as data."""
    targets = [
        item.get("target") for key, items in entry.items() if key in _LINKS for item in items
    ]
    holed = {kind: [dict(item, page=_HOLE) for item in entry[kind]] for kind in _LINKS}
    pieces = _json(dict(entry, **holed)).split(_PAGE_HOLE)
    assert len(pieces) == len(targets) + 1
    return pieces, targets


def _digits(entry: dict, book: PageBook) -> tuple[int, ...]:
    """The digit counts of the page numbers ``entry`` prints (their widths)."""
    return tuple(
        len(str(book.page(item["target"])))
        for item in (*entry["related"], *entry["broader"])
        if item.get("target")
    )


def _index_items(idx: dict, book: PageBook) -> Iterator[dict]:
    """Letter headings and lines, each line with its entries' pages, ascending, each once."""
    for group in idx["groups"]:
        yield {"letter": group["letter"]}
        for line in group["lines"]:
            pages = sorted({book.page(target) for target in line["targets"]})
            yield {"term": line["term"], "status": line["status"], "refs": [str(p) for p in pages]}


def _index_size(idx: dict) -> int:
    return sum(1 + len(group["lines"]) for group in idx["groups"])


# --- joining -------------------------------------------------------------------------------------


def _start_join(
    common: dict, files: _Files, front_pages: int, pieces: list[Piece], background: bool
) -> JoinThread:
    """The booklet's join, started: the front matter's and the entries' pages numbered."""
    from moci_vocab.booklet.pdfjoin import JoinThread

    known = front_pages + sum(piece.pages for piece in pieces)
    output = files.root / "booklet.pdf"
    return JoinThread(output, known, True, common["labels"]["page"], background)


def _positions(piece: Piece) -> list[tuple[int, int]]:
    """The piece's kept pages: (the booklet's page, 0-based; the part's page, 1-based)."""
    return [(piece.first - 1 + n, n + 1) for n in range(piece.pages)]


def _finish(
    join: JoinThread,
    common: dict,
    data: dict,
    pieces: list[Piece],
    starts: dict[str, int],
    files: _Files,
) -> Booklet:
    """End the join of the pieces' kept pages, with the PDF outline and the document's
    metadata."""
    sources = [(Path(p.pdf or "").name, n) for p in pieces for n in range(1, p.pages + 1)]
    labels = data["labels"]
    outline = []
    if data["entries"]:
        outline.append((labels["glossary"], starts["glossary"]))
    for idx in data["indexes"]:
        outline.append((idx["title"], starts["index:" + idx["lang"]]))
    info = document_info(common)
    join.finish(len(sources), outline, info, common["source"])
    return Booklet(files.root / "booklet.pdf", sources, info, common["source"])


def document_info(common: dict) -> dict[str, str]:
    """The PDF's document information: title, creator, and the release date if released."""
    info = {"/Title": common["name"], "/Creator": "moci-vocab, Typst"}
    if common["date"] is not None:  # the release date; an unreleased version has none
        info["/CreationDate"] = (
            f"D:{common['year']:04d}{common['month']:02d}{common['day']:02d}000000Z"
        )
    return info


@dataclass
class _Files:
    """Numbered scratch files for the parts' PDFs."""

    root: Path
    numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def new(self, kind: str) -> str:
        """A new file's path (its number never given twice, even to two threads at once)."""
        return str(self.root / f"{kind}-{next(self.numbers):05d}.pdf")


@dataclass
class Booklet:
    """A typeset booklet: its PDF, and where each of its pages comes from."""

    pdf: Path
    sources: list[tuple[str, int]]  # per page: a part's PDF (in the work folder), its page
    info: dict[str, str] = field(default_factory=dict)  # the PDF's document information
    lang: str | None = None

    @property
    def pages(self) -> int:
        """The booklet's number of pages."""
        return len(self.sources)
