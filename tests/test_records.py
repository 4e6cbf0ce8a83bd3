"""The classes written as `records.Record`s, not dataclasses (their making cost every
command's start-up ~0.3 ms each), behave as the dataclass of their ``__init__``'s
parameters: the same repr, ==, unhashability and pickles."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from moci_vocab.checkpo.compile import Compiled, Rule
from moci_vocab.checkpo.parallel import FileJob
from moci_vocab.checkpo.run import Options, Result, _MissInfo
from moci_vocab.cli.common import State
from moci_vocab.fileindex import FileIndex
from moci_vocab.findings import Finding, JsonBlock, Tally, TextBlock
from moci_vocab.fsutil import Changes
from moci_vocab.operations import Edit, NewConcept, Outcome, TermFields
from moci_vocab.po.catalog import Catalog, Entry
from moci_vocab.records import Record
from moci_vocab.store import WorkingTree
from moci_vocab.yamlio import Document, _Open

CLASSES = [
    *(State, Options, Result, _MissInfo, Finding, Tally, JsonBlock, TextBlock, Entry, Catalog),
    *(Changes, Rule, Compiled, FileJob),
    *(FileIndex, Outcome, TermFields, NewConcept, Edit, WorkingTree, Document, _Open),
]


def reference(cls: type[Record]) -> type:
    """The dataclass of ``cls``'s ``__init__`` parameters (defaults, repr, compare)."""
    namespace: dict = {"__annotations__": {}, "__qualname__": cls.__qualname__}
    for name, parameter in inspect.signature(cls).parameters.items():
        namespace["__annotations__"][name] = "object"
        options = {"repr": name not in cls._unshown, "compare": name not in cls._uncompared}
        if parameter.default is not parameter.empty:
            options["default"] = parameter.default
        namespace[name] = dataclasses.field(**options)
    return dataclasses.dataclass(type(cls.__name__, (), namespace))


def values(cls: type, tag: str) -> dict:
    """A value for every parameter, each a new object (equal for equal tags)."""
    return {name: [f"{tag}-{name}"] for name in inspect.signature(cls).parameters}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_record_is_the_dataclass_of_its_fields(cls):
    assert cls._fields == tuple(inspect.signature(cls).parameters)  # every field, in order
    ref = reference(cls)
    one, same = values(cls, "a"), values(cls, "a")
    assert repr(cls(**one)) == repr(ref(**one))
    assert cls(**one) == cls(**same) and ref(**one) == ref(**same)
    for name in cls._fields:
        other = {**one, name: ["changed"]}
        assert (cls(**one) == cls(**other)) == (ref(**one) == ref(**other)), name
    assert cls(**one) != object() and cls.__hash__ is None is ref.__hash__
    if cls is not Compiled:  # (its own pickle needs real rules: tests/test_checkpo_units.py)
        copy = pickle.loads(pickle.dumps(cls(**one)))  # results cross from worker processes
        assert type(copy) is cls and copy == cls(**one)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_records_defaults_are_new_objects(cls):
    required = {
        name: "x"
        for name, parameter in inspect.signature(cls).parameters.items()
        if parameter.default is parameter.empty
    }
    first, second = cls(**required), cls(**required)
    for name in cls._fields:
        value = getattr(first, name)
        if isinstance(value, list | dict | set):
            assert value is not getattr(second, name), name  # as a default_factory


def test_inflection_is_the_frozen_dataclass_of_its_fields():
    from moci_vocab.checkpo.inflection import GENERIC, Inflection, for_language

    names = Inflection._fields
    assert names[:2] == ("suffixes", "final_vowels") and "irregular" in names
    annotations = {name: "object" for name in names}
    defaults = {
        name: dataclasses.field(default=getattr(Inflection, name))
        for name in names[1:]
        if name != "irregular"
    }
    defaults["irregular"] = dataclasses.field(default_factory=dict, hash=False)
    namespace = {"__annotations__": annotations, "__qualname__": "Inflection", **defaults}
    ref = dataclasses.dataclass(frozen=True)(type("Inflection", (), namespace))
    for infl in (GENERIC, for_language("sq"), for_language("ka"), for_language("hy")):
        values = {name: getattr(infl, name) for name in names}
        same = Inflection(**values)
        assert repr(same) == repr(infl) == repr(ref(**values))
        assert same == infl and hash(same) == hash(infl) == hash(ref(**values))
        other = Inflection(**{**values, "min_stem": infl.min_stem + 1})
        assert other != infl and (ref(**values) != ref(**{**values, "min_stem": 0}))
    assert GENERIC.replace() == GENERIC and GENERIC.replace(min_stem=9).min_stem == 9
    plain = Inflection(frozenset({""}))
    assert plain.irregular == {} and plain.irregular is not Inflection(frozenset()).irregular
    with pytest.raises(AttributeError):
        GENERIC.min_stem = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        Inflection(frozenset(), no_such_field=1)
