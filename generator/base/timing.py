"""Stage timing: the build wraps each stage in ``stage(name)``; the benchmark passes a timer, a build none."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

Stage = Callable[[str], AbstractContextManager[None]]


def no_timing(name: str) -> AbstractContextManager[None]:
    return nullcontext()
