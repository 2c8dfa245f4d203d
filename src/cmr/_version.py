"""The version of cmr, in one place: the installed distribution's, which setuptools-scm takes
from the release tag `v<VERSION>` at build time (see docs/releases.md).

Outside an installed distribution (source on `sys.path` alone) it is `0.0.0+unknown`.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("cmr")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0+unknown"
