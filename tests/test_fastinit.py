"""Specification of `timeline.timex.fastinit`: a quicker __init__ that changes nothing else of a frozen dataclass."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from timeline.timex.fastinit import quick_init


@dataclasses.dataclass(frozen=True)
class Plain:
    name: str
    count: int
    note: str | None = None


@quick_init
@dataclasses.dataclass(frozen=True)
class Quick:
    name: str
    count: int
    note: str | None = None


def test_a_quick_instance_has_the_fields_defaults_and_equality_of_the_plain_one() -> None:
    for args, kwargs in [(("a", 1), {}), (("a",), {"count": 2, "note": "n"}), ((), {"name": "b", "count": 3})]:
        quick, plain = Quick(*args, **kwargs), Plain(*args, **kwargs)
        assert dataclasses.asdict(quick) == dataclasses.asdict(plain)
        assert quick == Quick(*args, **kwargs) and hash(quick) == hash(Quick(*args, **kwargs))
        assert repr(quick).replace("Quick", "Plain") == repr(plain)
    assert dataclasses.replace(Quick("a", 1), note="x") == Quick("a", 1, "x")
    assert pickle.loads(pickle.dumps(Quick("a", 1))) == Quick("a", 1)


def test_a_quick_instance_stays_frozen_and_bad_arguments_fail_as_before() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Quick("a", 1).count = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Quick("a")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("a", 1, nope=2)  # type: ignore[call-arg]


def test_only_plain_frozen_dataclasses_are_accepted() -> None:
    with pytest.raises(TypeError):
        quick_init(dataclasses.dataclass(type("Mutable", (), {"__annotations__": {"x": int}})))
