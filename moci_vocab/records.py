"""`Record`: a dataclass's ``__repr__`` and ``__eq__`` for a class written without one.

`@dataclass` compiles each class's ``__init__``, ``__repr__`` and ``__eq__`` from source
when its module is imported: 2-3 M instructions (~0.3 ms) a class, in every command's
start-up. The classes every check-po run makes (its options, result, catalog, entries,
findings) are written out instead: their own ``__init__`` (as fast as the generated
one: entries and findings are made by the thousand), and from here the ``__repr__`` and
``__eq__`` a dataclass of the fields in ``_fields`` would have (tests/test_records.py
holds each class to the dataclass of its ``__init__``'s parameters).
"""

from __future__ import annotations

from typing import Any, ClassVar


class Record:
    """A dataclass's ``repr`` and ``==`` over ``_fields`` (those not in ``_unshown`` are
    shown, those not in ``_uncompared`` compared), for a class with its own ``__init__``."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _unshown: ClassVar[frozenset[str]] = frozenset()  # a dataclass's field(repr=False)
    _uncompared: ClassVar[frozenset[str]] = frozenset()  # field(compare=False)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._fields if name not in self._unshown
        )
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: Any) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = [name for name in self._fields if name not in self._uncompared]
        return [getattr(self, n) for n in names] == [getattr(other, n) for n in names]

    __hash__ = None  # type: ignore[assignment]  # as a dataclass with eq and not frozen
