"""A progress counter for long runs at a terminal: `checking 1234/20000 files` on stderr.

The counter redraws its line at most ten times a second and clears it when the run ends, so
that what the command prints afterwards starts on a clean line. It is completely silent when
stderr is not a terminal (a pipe, a file, CI) or when the caller asks it to be (a machine
format such as `--format json`), so that no output a program reads ever holds it.

A `Counter` is the `progress(done, total)` callback `cmr.checking.check` takes:

    with counter("checking", quiet=fmt != "text") as progress:
        run = check(paths, project=project, progress=progress)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

INTERVAL = 0.1  # seconds between redraws


class Counter:
    """Draws `<label> <done>/<total> <unit>` on `stream` when it is enabled; see `counter`."""

    def __init__(
        self,
        label: str,
        unit: str = "files",
        *,
        stream: TextIO | None = None,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.unit = unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self._clock = clock
        self._last = clock()  # a run shorter than INTERVAL draws nothing
        self._width = 0  # characters on the line now, to clear

    def __call__(self, done: int, total: int) -> None:
        """Note that `done` of `total` are done; redraw when the last draw is old enough."""
        if not self.enabled:
            return
        now = self._clock()
        if now - self._last < INTERVAL:
            return
        self._last = now
        self._draw(f"{self.label} {done}/{total} {self.unit}")

    def close(self) -> None:
        """Clear the line, if anything was drawn."""
        if self._width:
            self._draw("")
            self._width = 0

    def _draw(self, text: str) -> None:
        pad = " " * max(0, self._width - len(text))
        try:
            self.stream.write(f"\r{text}{pad}\r" if not text else f"\r{text}{pad}")
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: stop drawing, quietly
            self.enabled = False
        self._width = len(text)

    def __enter__(self) -> Counter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def counter(label: str, unit: str = "files", *, quiet: bool = False) -> Counter:
    """A counter on stderr, drawing only when stderr is a terminal and `quiet` is not set.

    >>> with counter("exporting", "rows", quiet=True) as progress:
    ...     progress(10, 20)                  # draws nothing: quiet
    """
    stream = sys.stderr
    try:
        terminal = stream is not None and stream.isatty()
    except (OSError, ValueError):
        terminal = False
    return Counter(label, unit, stream=stream, enabled=terminal and not quiet)
