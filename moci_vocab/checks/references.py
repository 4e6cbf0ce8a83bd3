"""MV5xx: links between concepts (`related`, `broader`): dangling, cyclic, odd."""

from __future__ import annotations

from moci_vocab.checks.context import Context
from moci_vocab.model import Concept


def check(ctx: Context) -> None:
    """Report related/broader links to missing concepts and cycles of broader links."""
    concepts = ctx.glossary.concepts
    for concept in ctx.concepts():
        _links(ctx, concept, concepts)
    _cycles(ctx, concepts)


def _links(ctx: Context, concept: Concept, concepts: dict[str, Concept]) -> None:
    for kind, code in (("related", "MV501"), ("broader", "MV502")):
        for index, target in enumerate(getattr(concept, kind)):
            at = (kind, index)
            if target not in concepts:
                ctx.add(
                    code,
                    concept.id,
                    f"`{kind}` names {target!r}, which is no concept (no terms/{target}.yaml); "
                    "fix the id or remove the link",
                    at=at,
                    others=(target,),
                )
            elif target == concept.id and kind == "related":
                ctx.add("MV504", concept.id, "is `related` to itself; remove the link", at=at)
            elif concepts[target].status == "retired" and concept.status != "retired":
                ctx.add(
                    "MV506",
                    concept.id,
                    f"`{kind}` links to the retired concept {target!r}; link its successor",
                    at=at,
                    others=(target,),
                )
    broader = set(concept.broader)  # (a list's `in` per related link: 30,000 of each, 18 s)
    for index, target in enumerate(concept.related):
        if target in broader:
            ctx.add(
                "MV505",
                concept.id,
                f"{target!r} is both `related` and `broader`; keep it under `broader` only",
                at=("related", index),
            )


def _cycles(ctx: Context, concepts: dict[str, Concept]) -> None:
    """Each cycle of `broader` links, reported at every concept on it that no cycle found
    before was reported at (one MV503 a concept, at most: 300 concepts each `broader` than
    all the others close 45,000 cycles, 4.5 million findings).

    Iterative depth-first search with colours (no recursion limit on a deep
    hierarchy); a grey target on the stack closes a cycle.
    """
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(concepts, WHITE)
    reported: set[str] = set()
    for start in concepts:
        if colour[start] != WHITE:
            continue
        path: list[str] = [start]
        where = {start: 0}  # each grey concept's place on the path
        stack = [iter(_broader(concepts, start))]
        colour[start] = GREY
        while stack:
            target = next(stack[-1], None)
            if target is None:
                done = path.pop()
                del where[done]
                colour[done] = BLACK
                stack.pop()
                continue
            if colour[target] == GREY:
                cycle = path[where[target] :]
                if not reported.issuperset(cycle):
                    _report_cycle(ctx, cycle, reported)
                    reported.update(cycle)
            elif colour[target] == WHITE:
                colour[target] = GREY
                where[target] = len(path)
                path.append(target)
                stack.append(iter(_broader(concepts, target)))


def _broader(concepts: dict[str, Concept], concept_id: str) -> list[str]:
    return [t for t in concepts[concept_id].broader if t in concepts]


# Concepts of a cycle a message names (each of its concepts gets it: a cycle of 20,000
# named in full in each was 4.4 GB of output and 7 GB of memory).
SHOWN = 10


def _report_cycle(ctx: Context, cycle: list[str], reported: set[str]) -> None:
    names = [*cycle, cycle[0]] if len(cycle) <= SHOWN else [*cycle[:SHOWN], "…", cycle[0]]
    shown = " → ".join(names)
    if len(cycle) > SHOWN:
        shown += f", {len(cycle):,} concepts"
    group = ("MV503", frozenset(cycle))
    for position, concept_id in enumerate(cycle):
        if concept_id in reported:
            continue
        target = cycle[(position + 1) % len(cycle)]
        index = ctx.glossary.concepts[concept_id].broader.index(target)
        message = (
            "is `broader` than itself; remove the link"
            if len(cycle) == 1
            else f"`broader` links form a cycle ({shown}); remove one of them"
        )
        ctx.add("MV503", concept_id, message, at=("broader", index), group=group)
