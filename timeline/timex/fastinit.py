"""A faster ``__init__`` for the frozen dataclasses made once per time expression.

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__`` (its
``__setattr__`` refuses), about 0.25 µs a field; `Found` and `Timex` are made for every expression, and a
text dense with dates holds one every ten characters. `quick_init` writes the fields into the instance
dict in one update instead: the same arguments, defaults and errors, and equality, hashing, ``repr`` and
immutability stay the dataclass's own. Only for plain frozen dataclasses (no ``__slots__``, no
``__post_init__``, no default factories, every field in ``__init__``).
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Replace the ``__init__`` of frozen dataclass ``cls`` by one that fills ``__dict__`` in one update."""
    fields = dataclasses.fields(cls)
    if not cls.__dataclass_params__.frozen or hasattr(cls, "__slots__") or hasattr(cls, "__post_init__") or any(
            f.default_factory is not dataclasses.MISSING or not f.init or f.kw_only for f in fields):
        raise TypeError(f"quick_init is for plain frozen dataclasses; {cls.__name__} is not one")
    defaults = {f"_default_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    params = ", ".join(f.name if f.default is dataclasses.MISSING else f"{f.name}=_default_{f.name}" for f in fields)
    values = ", ".join(f"{f.name}={f.name}" for f in fields)
    namespace: dict[str, object] = {}
    exec(f"def __init__(self, {params}):\n    self.__dict__.update({values})\n", defaults, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls
