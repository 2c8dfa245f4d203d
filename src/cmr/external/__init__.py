"""Data published by others, read with every mistake located: state-system membership lists.

`read_rows` reads a delimited file in a published `Layout` into located rows and findings;
`integer`, `calendar_date` and `gw_date` parse fields into values or findings. The membership
readers (`read_membership`) turn the Correlates of War and Gleditsch & Ward state lists into
membership spells; `read_powell_thyne` and `read_cline` turn the Powell & Thyne and Cline
Center coup lists into dated `CoupEvent`s.
"""

from __future__ import annotations

from cmr.external._cline import read_cline
from cmr.external._coups import CoupEvent
from cmr.external._membership import SYSTEMS, System, read_membership
from cmr.external._powell_thyne import read_powell_thyne
from cmr.external._rows import Layout, Row, Table, read_rows
from cmr.external._spells import Membership, Spell
from cmr.external._split import Field
from cmr.external._values import calendar_date, gw_date, integer, invalid

__all__ = [
    "SYSTEMS",
    "CoupEvent",
    "Field",
    "Layout",
    "Membership",
    "Row",
    "Spell",
    "System",
    "Table",
    "calendar_date",
    "gw_date",
    "integer",
    "invalid",
    "read_cline",
    "read_membership",
    "read_powell_thyne",
    "read_rows",
]
