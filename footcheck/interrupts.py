"""Stopping: SIGTERM and SIGHUP end a run the way Ctrl-C does, and a step that must finish
once begun (a commit, and telling the person it happened) can hold them off.

Ctrl-C raises ``KeyboardInterrupt`` wherever Python is, so every ``finally`` runs: a
temporary file is removed, a transaction rolled back. The command line turns the other two
stop signals into the same exception, so a ``kill`` or a closed terminal leaves nothing
behind either (docs/rules.md, "Exit codes").
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP raise ``KeyboardInterrupt``, like Ctrl-C.

    A signal the caller chose to ignore (``nohup``) stays ignored.
    """
    for signum in STOP_SIGNALS:
        if signum != signal.SIGINT and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _stop)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Stop signals that arrive inside the block take effect when it ends, as they would
    have, so code right after a commit can record that it happened before anything stops it.

    Only the main thread receives signals; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous: dict[signal.Signals, Any] = {}
    for signum in STOP_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is None:  # installed outside Python: it cannot be put back, so leave it
            continue
        previous[signum] = handler
        signal.signal(signum, lambda number, frame: held.append(number))
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
        for number in held[:1]:
            signal.raise_signal(number)  # delivered now, to the handler it was meant for
