"""The booklet typeset in parts: cut points, page numbers, worker processes, the joined PDF.

A booklet typeset as many short runs must be the booklet typeset as one: the same
text on every page. The runs here are made tiny so that a few dozen concepts make
many parts.
"""

from __future__ import annotations

import functools
import io
import json
import os
import random
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from moci_vocab.booklet import layout as booklet_layout
from moci_vocab.booklet.export import booklet_data, booklet_data_in_steps, export_booklet
from moci_vocab.booklet.layout import cut_after_last_full_page, typeset_booklet
from moci_vocab.booklet.typesetter import (
    MeasureJob,
    Measures,
    PartJob,
    PartLayout,
    Typesetter,
    page_count,
)
from moci_vocab.errors import MociError
from moci_vocab.exporters import ExportRequest
from moci_vocab.layout import manifest_path
from moci_vocab.model import Concept, Glossary, LanguageSpec, Manifest, Term

pypdf = pytest.importorskip("pypdf")

LANGS = {"en": "Latn", "sq": "Latn", "ka": "Geor", "hy": "Armn"}
WORDS = {
    "en": "peace youth culture network solidarity memory dialogue place",
    "sq": "paqe rini kulturë rrjet solidaritet kujtesë dialog vend çështje",
    "ka": "მშვიდობა ახალგაზრდობა კულტურა ქსელი სოლიდარობა მეხსიერება",
    "hy": "խաղաղություն երիտասարդություն մշակույթ ցանց համերաշխություն",
}


def glossary(count: int, seed: int = 7, long: bool = True) -> Glossary:
    """``count`` concepts with links both ways and definitions of very different lengths
    (with ``long``, some the exporter calls long, and one longer than a page)."""
    rng = random.Random(seed)
    ids = [f"c{n:03d}" for n in range(count)]
    concepts = {}
    for n, cid in enumerate(ids):
        terms = {lang: [Term(f"{rng.choice(WORDS[lang].split())} {n:03d}")] for lang in LANGS}
        if long and n == count // 2:
            words = 900
        else:
            words = rng.choice([6, 12, 40, 120] if long else [6, 12, 40, 60])
        concepts[cid] = Concept(
            id=cid,
            definition={"en": " ".join(rng.choice(WORDS["en"].split()) for _ in range(words))},
            related=rng.sample(ids, 2),
            terms=terms,
        )
    manifest = Manifest(
        name="Layout Test",
        languages={tag: LanguageSpec(tag, script, True) for tag, script in LANGS.items()},
    )
    return Glossary(root=Path("."), manifest=manifest, concepts=concepts)


def request(outdir: Path, count: int = 45, long: bool = True, **options) -> ExportRequest:
    g = glossary(count, long=long)
    return ExportRequest(g, list(g.concepts.values()), list(LANGS), outdir, options)


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def typeset(data: dict, tmp: Path, workers: int = 0) -> bytes:
    tmp.mkdir()
    with Typesetter(workers) as typesetter:
        return typeset_booklet(data, typesetter, tmp).pdf.read_bytes()


@pytest.fixture
def tiny_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(booklet_layout, "ENTRY_RUN", 9)
    monkeypatch.setattr(booklet_layout, "INDEX_RUN", 40)


@pytest.fixture(scope="module")
def booklets(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., bytes]:
    """The 45-concept booklet's PDF, typeset once per (paper, runs, workers) for the module:
    ``runs="one"`` as one run, ``"tiny"`` in runs of 9 entries and 40 index lines."""
    made: dict[tuple[str, str, int], bytes] = {}

    def booklet(paper: str = "a5", runs: str = "tiny", workers: int = 0) -> bytes:
        key = (paper, runs, workers)
        if key not in made:
            tmp = tmp_path_factory.mktemp("booklet")
            data = booklet_data(request(tmp), paper=paper)
            with pytest.MonkeyPatch.context() as patch:
                if runs == "tiny":
                    patch.setattr(booklet_layout, "ENTRY_RUN", 9)
                    patch.setattr(booklet_layout, "INDEX_RUN", 40)
                made[key] = typeset(data, tmp / "b", workers)
        return made[key]

    return booklet


# --- where a run is cut ------------------------------------------------------------------------


def test_cut_before_the_first_item_of_the_last_page() -> None:
    # items 0-2 on page 1, 3-4 on page 2, 5 on page 3 (the run's last, unfinished page)
    assert cut_after_last_full_page([1, 1, 1, 2, 2, 3], [1, 1, 1, 2, 2, 3], 3) == (2, 5)


def test_no_cut_inside_an_item_that_runs_over_a_page_break() -> None:
    # item 2 starts on page 2 and ends on page 3; item 3 starts on page 3
    starts, ends = [1, 1, 2, 3], [1, 1, 3, 3]
    assert cut_after_last_full_page(starts, ends, 3) == (1, 2)


def test_a_page_holding_only_the_end_of_an_item_is_passed_over() -> None:
    starts, ends = [1, 2, 2], [1, 2, 4]
    assert cut_after_last_full_page(starts, ends, 4) == (1, 1)


def test_nowhere_to_cut() -> None:
    assert cut_after_last_full_page([1], [3], 3) is None
    assert cut_after_last_full_page([1, 1], [1, 1], 1) is None


# --- many runs give the booklet one run gives --------------------------------------------------


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_many_runs_print_the_pages_of_one(paper: str, booklets) -> None:
    whole = pages_of(booklets(paper, runs="one"))
    parts = pages_of(booklets(paper, runs="tiny"))
    assert len(whole) > 12
    assert parts == whole


def test_worker_processes_give_the_same_pdf(booklets) -> None:
    assert booklets(workers=2) == booklets(workers=0)


@pytest.fixture(scope="module")
def short_entries(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., bytes]:
    """60 concepts none of which is long, in tiny runs, typeset laid out run after run (in
    this process) once per paper for the module."""
    made: dict[str, bytes] = {}

    def booklet(paper: str = "a5") -> bytes:
        if paper not in made:
            tmp = tmp_path_factory.mktemp("short")
            data = booklet_data(request(tmp, count=60, long=False), paper=paper)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(booklet_layout, "ENTRY_RUN", 9)
                patch.setattr(booklet_layout, "INDEX_RUN", 40)
                made[paper] = typeset(data, tmp / "laid-out")
        return made[paper]

    return booklet


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_pages_planned_from_measured_entries_are_typst_s(
    paper, short_entries, tiny_runs, tmp_path, monkeypatch
):
    # With workers, the entries are measured and the pages filled by the planner; laid out
    # run after run by Typst they must be the same, byte for byte.
    data = booklet_data(request(tmp_path, count=60, long=False), paper=paper)
    monkeypatch.setattr(booklet_layout, "MEASURE_RUN", 25)
    plans = []
    fill = booklet_layout.fill_pages
    monkeypatch.setattr(booklet_layout, "fill_pages", lambda *a: plans.append(1) or fill(*a))
    planned = typeset(data, tmp_path / "planned", workers=2)
    assert plans  # the plan was used, not the laid-out runs
    assert planned == short_entries(paper)


def made_in_steps(req: ExportRequest, tmp: Path, paper: str = "a5") -> tuple[bytes, list]:
    """The booklet typeset by two workers with its entries made as the measuring asks for
    them (``booklet_data_in_steps``), and how many entries were made at each measuring job."""
    data, index_lines, make = booklet_data_in_steps(req, paper=paper)
    made_at_jobs = []
    submit = Typesetter.submit

    def counting(self, job, urgent=False, more=False):
        if isinstance(job, MeasureJob):
            made_at_jobs.append(sum(entry is not None for entry in data["entries"]))
        return submit(self, job, urgent, more)

    tmp.mkdir()
    with pytest.MonkeyPatch.context() as patch, Typesetter(2) as typesetter:
        patch.setattr(Typesetter, "submit", counting)
        booklet = typeset_booklet(data, typesetter, tmp, meanwhile=index_lines, make=make)
        assert None not in data["entries"]
        return booklet.pdf.read_bytes(), made_at_jobs


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_entries_made_while_the_first_are_measured_give_the_same_pdf(
    paper, short_entries, tiny_runs, tmp_path, monkeypatch
):
    # The export measures the first entries before the others are made (they are made
    # while the workers measure): the plan, and the PDF, are those of the entries made first.
    monkeypatch.setattr(booklet_layout, "MEASURE_RUN", 10)
    pdf, made_at_jobs = made_in_steps(
        request(tmp_path, count=60, long=False), tmp_path / "b", paper
    )
    assert made_at_jobs[:2] == [20, 20]  # the first two jobs, before the others were made
    assert len(made_at_jobs) >= 6 and pdf == short_entries(paper)


def test_a_long_entry_among_those_made_later_means_no_plan(tiny_runs, tmp_path, monkeypatch):
    # An entry that may break across pages, found once the first entries are being measured:
    # no plan (the entries are laid out by Typst run after run), the PDF of one run.
    monkeypatch.setattr(booklet_layout, "MEASURE_RUN", 10)
    req = request(tmp_path, count=60, long=False)
    late = booklet_data(req)["entries"][45]["id"]
    req.glossary.concepts[late].definition["en"] = " ".join(["dialogue"] * 900)
    plans = []
    fill = booklet_layout.fill_pages
    monkeypatch.setattr(booklet_layout, "fill_pages", lambda *a: plans.append(1) or fill(*a))
    pdf, made_at_jobs = made_in_steps(req, tmp_path / "steps")
    assert made_at_jobs[:2] == [20, 20] and plans == []
    assert pdf == typeset(booklet_data(req), tmp_path / "laid-out")


def test_a_long_entry_found_by_the_second_measuring_means_no_plan(tiny_runs, tmp_path, monkeypatch):
    # As above, but no entry is made while the first jobs run (as with quick workers): the
    # long entry is found while the others' jobs are given (review 22, MINOR 1).
    monkeypatch.setattr(booklet_layout, "MEASURE_RUN", 10)
    measured = booklet_layout.EntryRuns._measured
    calls = []

    def first_without_making(self, *args, **kwargs):
        calls.append(self.made)
        if len(calls) > 1:
            return measured(self, *args, **kwargs)
        self.make = lambda stop: None  # (the instance's, over the method)
        try:
            return measured(self, *args, **kwargs)
        finally:
            del self.make

    monkeypatch.setattr(booklet_layout.EntryRuns, "_measured", first_without_making)
    req = request(tmp_path, count=60, long=False)
    late = booklet_data(req)["entries"][45]["id"]
    req.glossary.concepts[late].definition["en"] = " ".join(["dialogue"] * 900)
    pdf, made_at_jobs = made_in_steps(req, tmp_path / "steps")
    assert calls == [20, 20] and made_at_jobs[:2] == [20, 20]
    assert pdf == typeset(booklet_data(req), tmp_path / "laid-out")


def test_a_plan_that_typst_does_not_follow_is_laid_out_again(
    short_entries, tiny_runs, tmp_path, monkeypatch
):
    data = booklet_data(request(tmp_path, count=60, long=False))
    fill = booklet_layout.fill_pages

    def one_page_late(heights, measures):  # every run's last entry pushed to a new page
        planned = fill(heights, measures)
        starts = [*planned.starts[:-1], planned.starts[-1] + 1]
        return booklet_layout.PartLayout(starts, starts, starts[-1])

    monkeypatch.setattr(booklet_layout, "fill_pages", one_page_late)
    assert typeset(data, tmp_path / "planned", workers=2) == short_entries()


def test_a_plan_that_overfills_a_page_is_laid_out_again(
    short_entries, tiny_runs, tmp_path, monkeypatch
):
    # Entries rendered on their planned pages report nothing but their page count: a page
    # planned with more than it holds makes the part longer, and the booklet is laid out
    # again, run after run, as Typst places the entries.
    data = booklet_data(request(tmp_path, count=60, long=False))
    fill = booklet_layout.fill_pages

    def one_page_early(heights, measures):  # page 2's entries planned on page 1, and so on
        starts = [max(1, page - 1) for page in fill(heights, measures).starts]
        return booklet_layout.PartLayout(starts, starts, starts[-1])

    monkeypatch.setattr(booklet_layout, "fill_pages", one_page_early)
    planned = []
    pages = booklet_layout.EntryRuns._planned_pages
    monkeypatch.setattr(
        booklet_layout.EntryRuns,
        "_planned_pages",
        lambda *a: planned.append(pages(*a)) or planned[-1],
    )
    assert typeset(data, tmp_path / "planned", workers=2) == short_entries()
    assert planned[0] is not None  # rendered on its planned pages first


def test_entries_on_planned_pages_are_rendered_without_a_layout_report(tmp_path) -> None:
    # The part places each page's entries itself: the layout is the plan and the PDF's page
    # count (Typst laid a part out twice to report where its entries landed).
    data = booklet_data(request(tmp_path, count=12, long=False))
    common = {key: data[key] for key in (*booklet_layout.COMMON, "labels", "languages")}
    runs = booklet_layout.EntryRuns(common, data["entries"], 3)
    with Typesetter(0) as typesetter:
        laid_out = typesetter.run(PartJob(runs.part(0, 12, 3)))
        assert laid_out.pages > 1
        piece = booklet_layout.Piece(0, 12, 3, laid_out.pages, [2 + p for p in laid_out.starts])
        (future,) = runs.render([piece], typesetter, booklet_layout._Files(tmp_path))
        assert future.result() == laid_out
    assert json.loads(runs.part(0, 12, 3))["pages"] is None
    pdf = Path(piece.pdf or "").read_bytes()
    assert page_count(pdf) == laid_out.pages
    gap = [1] * 11 + [laid_out.pages + 1]
    assert runs._planned_pages(replace(piece, pages=gap[-1]), gap) is None  # a page without a start
    long = dict(data["entries"][0], long=True)
    assert booklet_layout.EntryRuns(common, [long], 3)._planned_pages(piece, [1]) is None


def test_filling_pages_as_typst_does() -> None:
    sizes = Measures([], room=100.0, gap=10.0, below=5.0, columns=1)
    # 50 + 10 + 40 fills page 1 exactly; the gap before 5 no longer fits; on page 2 the
    # gap before the first block falls away.
    assert booklet_layout.fill_pages([50, 40, 5, 30, 80], sizes).starts == [1, 1, 2, 2, 3]
    two = Measures([], room=100.0, gap=10.0, below=5.0, columns=2)
    assert booklet_layout.fill_pages([50, 40, 5, 30, 80], two) == PartLayout(
        [1, 1, 1, 1, 2], [1, 1, 1, 1, 2], 2
    )
    assert booklet_layout.fill_pages([120, 1], sizes).starts == [1, 2]  # too tall: placed


def test_links_and_index_point_to_the_pages_their_entries_are_on(booklets, tmp_path) -> None:
    req = request(tmp_path)
    data = booklet_data(req)
    pages = pages_of(booklets())
    heads = {e["headword"]: e for e in data["entries"]}
    entry_page = {}
    for number, text in enumerate(pages, 1):
        for line in text.splitlines():
            if line.strip() in heads and line.strip() not in entry_page:
                entry_page[line.strip()] = number
    assert len(entry_page) == len(heads)
    # every "See also: X p. N" names X's page
    text = " ".join(pages)
    links = re.findall(r"([^\s,:]+ \d{3}) p\.\s?(\d+)", text)
    assert len(links) >= len(heads)
    assert all(entry_page[word] == int(page) for word, page in links)
    # the Albanian index: each line's pages are where the concept's entry is
    sq_terms = {
        t.term: req.glossary.concepts[e["id"]].terms["en"][0].term
        for e in data["entries"]
        for t in req.glossary.concepts[e["id"]].terms["sq"]
    }
    # the indexes follow each other in one flow: the Albanian one runs from title to title
    lines = [line for page in pages[2:] for line in page.splitlines()]
    albanian = lines[lines.index("Shqip") : lines.index("ქართული")]
    found = re.findall(r"(\S+ \d{3})[ .]*?(\d+)\s*$", "\n".join(albanian), re.M)
    assert len(found) == len(sq_terms)
    assert all(entry_page[sq_terms[term]] == int(page) for term, page in found)


def test_index_lists_a_page_once_and_in_order(tmp_path: Path) -> None:
    req = request(tmp_path, count=3)
    shared = Term("e përbashkët")
    for concept in req.concepts:
        concept.terms["sq"].append(shared)
    data = booklet_data(req)
    book = booklet_layout.PageBook({e["label"]: n for n, e in enumerate(data["entries"])}, 3)
    book.known = {"entry-1": 9, "entry-2": 3, "entry-3": 9}
    sq = next(idx for idx in data["indexes"] if idx["lang"] == "sq")
    lines = [item for item in booklet_layout._index_items(sq, book) if "term" in item]
    refs = next(line["refs"] for line in lines if line["term"] == "e përbashkët")
    assert refs == ["3", "9"]


def test_the_outline_names_the_glossary_and_each_index(booklets) -> None:
    reader = pypdf.PdfReader(io.BytesIO(booklets()))
    marks = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert set(marks) == {"Glossary", "English", "Shqip", "ქართული",
                          "Հայերեն"}  # fmt: skip
    assert marks["Glossary"] == 2
    georgian = reader.pages[marks["ქართული"]].extract_text()
    assert "ქართული" in georgian
    assert reader.metadata.title == "Layout Test"


def test_imposition_of_a_long_booklet_in_several_runs(tiny_runs, tmp_path, monkeypatch) -> None:
    from moci_vocab.booklet import export as booklet

    monkeypatch.setattr(booklet, "IMPOSE_RUN", 3)
    booklet_pdf, imposed = export_booklet(request(tmp_path, imposition=True))
    pages = pages_of(booklet_pdf.read_bytes())
    sheets = pypdf.PdfReader(str(imposed)).pages
    assert len(sheets) == -(-len(pages) // 4) * 2
    # the outermost sheet's front: the last page (or a blank) left, page 1 (the cover) right
    assert "Layout Test" in sheets[0].extract_text()


# --- workers report problems as sentences ------------------------------------------------------


def test_a_template_error_in_a_worker_is_a_clear_error() -> None:
    with Typesetter(1) as typesetter, pytest.raises(MociError, match="could not be typeset"):
        typesetter.run(PartJob(json.dumps({"part": "entries"})))


def _job(run, share: float = 1.0) -> SimpleNamespace:
    """A job made of standard parts, so that a worker can unpickle it (it has no tests/)."""
    return SimpleNamespace(run=run, share=share)


def test_a_worker_that_dies_is_a_clear_error() -> None:
    # Ends its worker process, as a crash or an out-of-memory kill would.
    with (
        Typesetter(1) as typesetter,
        pytest.raises(MociError, match=r"unexpectedly \(exit status 3"),
    ):
        typesetter.run(_job(functools.partial(os._exit, 3)))


def test_small_jobs_share_a_worker_until_their_shares_would_pass_one() -> None:
    with Typesetter(1) as typesetter:
        small = {typesetter.run(_job(os.getpid, 0.3)) for _ in range(3)}  # 0.9: one worker
        larger = typesetter.run(_job(os.getpid, 0.5))  # 1.4 would pass one: a fresh worker
        after = typesetter.run(_job(os.getpid, 0.3))  # 0.8: the same
        whole = typesetter.run(_job(os.getpid))  # a job without room for others: its own
        last = typesetter.run(_job(os.getpid, 0.1))
    assert len(small) == 1 and os.getpid() not in small
    assert larger not in small and after == larger
    assert len({*small, larger, whole, last}) == 4


def test_a_balanced_last_page_that_takes_more_pages_is_not_used() -> None:
    from concurrent.futures import Future

    from moci_vocab.booklet.layout import IndexPieces, Piece
    from moci_vocab.booklet.typesetter import PartLayout

    plain = [Piece(0, 40, 7, 1, [7] * 40, "plain.pdf")]
    for pages, expected in ((1, "balanced.pdf"), (2, "plain.pdf")):
        future: Future = Future()
        future.set_result(PartLayout([1] * 40, [pages] * 40, pages))
        index = IndexPieces(plain, [], Piece(0, 40, 7, 1, [], "balanced.pdf"), future)
        assert [piece.pdf for piece in index.pieces()] == [expected]


def test_the_last_page_of_an_index_has_columns_of_equal_length(booklets) -> None:
    reader = pypdf.PdfReader(io.BytesIO(booklets(runs="one")))
    page = next(p for p in reader.pages[2:] if "English" in p.extract_text())
    middle = float(page.mediabox.width) / 2
    rows: dict[str, set[float]] = {"left": set(), "right": set()}

    def visit(text, cm, tm, font, size) -> None:
        if re.search(r"\d{3}$", text.strip()):  # an index line's term, e.g. "peace 021"
            x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
            rows["left" if x < middle else "right"].add(round(y))

    page.extract_text(visitor_text=visit)
    left, right = len(rows["left"]), len(rows["right"])
    assert left + right >= 40  # one page holds the English index (45 lines)
    assert abs(left - right) <= 4, (left, right)


class _Queue:
    """What a join is given, in order (the parts' file names; a slot as what it holds)."""

    def __init__(self) -> None:
        self.items: list = []

    def add(self, path: Path, pages: list, ready=None, check=None) -> None:
        self.items.append(path.stem)

    def add_slot(self, parts) -> None:
        self.items.append(parts)

    def order(self) -> list[str]:
        names = []
        for item in self.items:
            names += [item] if isinstance(item, str) else [p.stem for p, _ in item.result()]
        return names


def test_index_pieces_join_among_the_entries_in_an_order_set_by_counts_alone() -> None:
    """The join takes the index's pieces spread among the entries' (about when they are
    typeset), in an order that depends on how many pieces there are, never on timing."""
    from concurrent.futures import Future

    from moci_vocab.booklet.layout import IndexSlots, Piece

    def piece(name: str, first: int) -> Piece:
        return Piece(0, 1, first, 2, [first], f"/parts/{name}.pdf")

    entries = [piece(f"e{n}", 1 + 2 * n) for n in range(6)]
    index = [piece(f"i{n}", 20 + 2 * n) for n in range(4)]
    orders = {  # by the index pieces known before the chain ended (the rest: next slot)
        0: "e0 e1 e2 i0 i1 i2 i3 e3 e4 e5",
        1: "e0 e1 e2 i0 e3 e4 i1 i2 i3 e5",
        3: "e0 e1 e2 i0 e3 e4 i1 e5 i2 i3",  # three slots: the fourth piece after them
    }
    for given, order in orders.items():
        queue = _Queue()
        slots = IndexSlots.between(queue, entries, [Future() for _ in entries], 3)
        for n in range(given):
            slots.final(n, index[n])
        slots.rest(index)
        assert queue.order() == order.split()


def test_a_re_export_takes_the_heights_of_the_last_one(
    short_entries, tiny_runs, tmp_path, monkeypatch
):
    # The heights measured by one export are kept in the glossary's cache: the next export
    # of the same entries measures none, one changed entry is measured alone, and the PDF is
    # the one laid out by Typst, byte for byte, every time.
    monkeypatch.setenv("MOCI_VOCAB_CACHE_KEY_DIR", str(tmp_path / "key"))
    root = tmp_path / "glossary-root"
    manifest_path(root).parent.mkdir(parents=True)
    manifest_path(root).write_text("name: Layout Test\n", encoding="utf-8")
    measured = []
    submit = Typesetter.submit

    def counting(self, job, urgent=False, more=False):
        if isinstance(job, MeasureJob):
            measured.append(len(json.loads(job.data)["entries"]))
        return submit(self, job, urgent, more)

    monkeypatch.setattr(Typesetter, "submit", counting)
    data = booklet_data(request(tmp_path, count=60, long=False))

    def export(name: str) -> bytes:
        (tmp_path / name).mkdir()
        with Typesetter(2) as typesetter:
            return typeset_booklet(data, typesetter, tmp_path / name, root).pdf.read_bytes()

    assert export("first") == short_entries("a5") and sum(measured) >= 60
    measured.clear()
    assert export("again") == short_entries("a5") and measured == []
    data["entries"][7]["definitions"][0]["text"] += " And a few more words."
    changed = export("changed")
    assert measured == [1] and "And a few more words." in "".join(pages_of(changed))
    assert changed == typeset(data, tmp_path / "laid-out")


def test_a_worker_typesets_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # The two workers are the parallelism; Typst's own pool would only add hand-overs
    # between threads. A value the user set is kept.
    from moci_vocab.booklet import typesetter

    started = []
    monkeypatch.setattr(typesetter.subprocess, "Popen", lambda *a, **k: started.append(k))
    monkeypatch.delenv("RAYON_NUM_THREADS", raising=False)
    typesetter._Worker()
    monkeypatch.setenv("RAYON_NUM_THREADS", "3")
    typesetter._Worker()
    assert [k["env"]["RAYON_NUM_THREADS"] for k in started] == ["1", "3"]


def test_workers_started_early_take_the_first_jobs(tmp_path: Path) -> None:
    # ``start`` launches the workers while the booklet's data is made (both running before
    # any job is given); jobs then run in them as usual.
    data = booklet_data(request(tmp_path, count=12, long=False))
    front = json.dumps(dict(data, part="front", first=1, section=None, contents=[]))
    with Typesetter(2) as typesetter:
        typesetter.start()
        started = set(typesetter._all)
        assert len(started) == 2 and all(w.process.poll() is None for w in started)
        jobs = [typesetter.submit(PartJob(front)) for _ in range(2)]
        assert jobs[0].result().pages == jobs[1].result().pages >= 1


def test_a_sequence_of_runs_keeps_its_worker_while_a_batch_waits() -> None:
    # After a job given with ``more`` (a step of the index's runs), its worker waits a
    # moment for the next step instead of taking a job of the batch queued meanwhile; a
    # sequence that has ended (no ``more``) leaves the worker to the batch at once.
    import threading
    import time
    from concurrent.futures import Future

    from moci_vocab.booklet import typesetter

    jobs = typesetter._Queue()
    for n in range(2):
        jobs.put(f"render {n}", Future(), False, False)
    jobs.put("index 1", Future(), True, True)
    assert jobs.get()[0] == "index 1"  # urgent first
    later = threading.Timer(0.05, lambda: jobs.put("index 2", Future(), True, False))
    later.start()
    start = time.monotonic()
    taken, _future, more = jobs.get(hold=True)
    assert taken == "index 2" and not more and time.monotonic() - start < typesetter.HOLD
    start = time.monotonic()
    assert jobs.get(hold=more)[0] == "render 0" and time.monotonic() - start < 0.05
    start = time.monotonic()
    assert jobs.get(hold=True)[0] == "render 1"  # no step came: the batch's, after HOLD
    assert time.monotonic() - start >= typesetter.HOLD
    leftover = Future()
    jobs.put("render 2", leftover, False, False)
    assert jobs.close() == [leftover] and jobs.get() is None


def test_the_parts_json_is_their_data_as_json(tmp_path: Path) -> None:
    # Each entry is written as JSON once and only its links' pages again for each part: the
    # text is the JSON of the part's data (orjson's), each link with the page of its entry
    # (null outside the booklet), even when the glossary's text looks like the holes left
    # for the links or their pages.
    import orjson

    from moci_vocab.booklet.layout import COMMON, EntryRuns

    data = booklet_data(request(tmp_path, count=12, long=False))
    tricky = '"related": "\x00moci-vocab", "broader":"\\u0000moci-vocab" "entries"'
    data["entries"][3]["definitions"][0]["text"] = tricky
    data["entries"][4]["headword"] = "\x00moci-vocab"
    data["entries"][5]["related"].append({"text": '"page":"\x00moci-vocab"', "target": None})
    data["entries"][6]["broader"].append({"text": "\x00moci-vocab", "target": "entry-2"})
    common = {key: data[key] for key in (*COMMON, "labels", "languages")}
    runs = EntryRuns(common, data["entries"], 3)
    heads = [{"first": "a", "last": "b"}]

    def with_pages(entry: dict) -> dict:
        def page(item: dict) -> str | None:
            return str(runs.book.page(item["target"])) if item["target"] else None

        return dict(
            entry,
            related=[dict(item, page=page(item)) for item in entry["related"]],
            broader=[dict(item, page=page(item)) for item in entry["broader"]],
        )

    for first in (3, 998):  # the second time from the texts kept, other page numbers
        runs.book.learn(runs.labels, [first + n for n in range(12)])
        entries = [with_pages(entry) for entry in data["entries"][2:9]]
        part = dict(common, part="entries", first=4, section="Glossary", entries=entries)
        expected = dict(part, heads=heads, pages=None)
        assert runs.part(2, 9, 4, heads) == orjson.dumps(expected).decode()
        pages = [{"start": 0, "stop": 7}]
        expected = dict(part, heads=heads, pages=pages)
        assert runs.part(2, 9, 4, heads, pages) == orjson.dumps(expected).decode()
        assert (
            json.loads(runs.part(2, 9, 4, heads))["entries"][1]["definitions"][0]["text"] == tricky
        )


def test_resting_workers_exit_on_their_own_and_close_reaps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``rest`` does not wait for the idle workers to exit (freeing Typst's memory takes a
    # moment, which the join's end need not wait for); ``close`` reaps them: none is left.
    from moci_vocab.booklet import typesetter as module

    reaped = []
    stop = module._Worker.stop
    monkeypatch.setattr(module._Worker, "stop", lambda self: reaped.append(self) or stop(self))
    data = booklet_data(request(tmp_path, count=12, long=False))
    front = json.dumps(dict(data, part="front", first=1, section=None, contents=[]))
    with Typesetter(2) as typesetter:
        typesetter.start()
        workers = set(typesetter._all)
        assert typesetter.run(PartJob(front)).pages >= 1
        typesetter.rest()
        assert reaped == []  # not waited for
        assert typesetter._idle == [] and set(typesetter._leaving) == workers
        assert all(worker.process.stdin.closed for worker in workers)
        assert all(worker.process.wait(timeout=30) == 0 for worker in workers)
    assert typesetter._leaving == [] and typesetter._all == set() and set(reaped) == workers


def test_parts_start_no_spare_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A booklet's parts leave a worker as fresh as they found it (share 0): the two workers
    # typeset every part, and no third process is started as a spare (it cost a start of
    # Python and Typst and then idled to the end of the export).
    started = []
    start = Typesetter._start
    monkeypatch.setattr(Typesetter, "_start", lambda self: started.append(1) or start(self))
    data = booklet_data(request(tmp_path, count=12, long=False))
    front = json.dumps(dict(data, part="front", first=1, section=None, contents=[]))
    with Typesetter(2) as typesetter:
        jobs = [typesetter.submit(PartJob(front)) for _ in range(6)]
        assert all(job.result().pages >= 1 for job in jobs)
    assert len(started) == 2
