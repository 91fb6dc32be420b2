"""Shared by every import: cancelling, progress, the garbage-collector pause, the result."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pesiar_desktop.errors import PesiarError

if TYPE_CHECKING:
    from pesiar_desktop.services.imports.resident_plan import PendingChange

Progress = Callable[[int, int], None]


ShouldCancel = Callable[[], bool]


class ImportCancelled(PesiarError):
    """The user cancelled; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("Impor dibatalkan; tidak ada data yang diubah.")


@contextmanager
def _bulk_work() -> Iterator[None]:
    """Keep the cyclic garbage collector off the objects a bulk import builds.

    While it runs: paused. Allocating a few hundred thousand rows otherwise triggers
    repeated collections that cost more than the parsing itself. Afterwards: what the
    step leaves behind (a preview's rows and records) is long-lived and free of
    reference cycles, so it is frozen (`gc.freeze`) instead of being walked by the
    next collection - a pause of ~0.2 s on 100,000 rows, on the GUI thread in the
    app - and by every full one after it. Frozen objects are still freed by reference
    counting as usual; the next bulk step unfreezes what is left, so a cycle caught
    in a freeze is collected after all, and so does `release_frozen` (the import
    dialog calls it when it closes).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    gc.unfreeze()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def release_frozen() -> None:
    """Hand what bulk steps froze back to the garbage collector (the import is over)."""
    gc.unfreeze()


F = TypeVar("F", bound=Callable[..., Any])


def with_bulk_work(function: F) -> F:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _bulk_work():
            return function(*args, **kwargs)

    return cast(F, wrapper)


def tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def check_cancel(should_cancel: ShouldCancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise ImportCancelled()


def cancel_check(should_cancel: ShouldCancel | None) -> Callable[[], None] | None:
    """`should_cancel` as a bulk write's before-chunk hook (raises `ImportCancelled`)."""
    if should_cancel is None:
        return None
    return functools.partial(check_cancel, should_cancel)


@dataclass
class ImportResult:
    batch_id: int | None
    counts: dict[str, int]
    pending_left: list[PendingChange] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
