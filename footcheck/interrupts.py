"""Stopping: SIGTERM and SIGHUP end a run the way Ctrl-C does.

Ctrl-C raises ``KeyboardInterrupt`` wherever Python is, so every ``finally`` runs: a
temporary file is removed, a transaction rolled back. The command line turns the other two
stop signals into the same exception, so a ``kill`` or a closed terminal leaves nothing
behind either (docs/rules.md, "Exit codes").
"""

from __future__ import annotations

import signal
from types import FrameType

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
