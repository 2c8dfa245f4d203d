"""`SOURCE_DATE_EPOCH`: the one moment an export may carry (reproducible-builds.org).

Exports carry no clock time. When `SOURCE_DATE_EPOCH` is set, `datapackage.json` and the Stata
header are dated with it. The value must be a whole number of seconds since 1970 that Stata can
still print (up to the end of year 9999); anything else is an `EnvironmentProblem`, raised
before any work is done. Set but empty counts as unset, as many CI systems export empty
variables.
"""

from __future__ import annotations

import datetime as dt
import os

from cmr.errors import EnvironmentProblem

ENV = "SOURCE_DATE_EPOCH"
LATEST = 253402300799  # 9999-12-31T23:59:59Z


def source_date_epoch() -> int | None:
    """The seconds `SOURCE_DATE_EPOCH` names, or None when it is unset or empty."""
    raw = os.environ.get(ENV, "")
    if raw == "":
        return None
    if not (raw.isascii() and raw.isdigit()) or int(raw) > LATEST:
        raise EnvironmentProblem(
            f"{ENV}={raw!r} is not a whole number of seconds since 1970 (0 to {LATEST}); "
            f"unset it or set it with {ENV}=$(git log -1 --format=%ct)"
        )
    return int(raw)


def moment() -> dt.datetime | None:
    """The `SOURCE_DATE_EPOCH` moment in UTC, or None."""
    epoch = source_date_epoch()
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, dt.UTC)
