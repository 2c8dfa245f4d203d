"""Inter-coder agreement: independent codings of the same country-years, compared.

Layout: `observations/<ISO3>/<year>/<coder>.yaml` are independent codings;
`observations/<ISO3>/<year>.yaml` is the adjudicated coding that goes into the panel and lists
the coders it reconciles in `reconciles: [...]`. `agreement()` reports, per question and
overall, the number of double-coded units, percent agreement, Krippendorff's alpha (nominal)
and Gwet's AC1, with a note where one answer dominates, and every disagreement.

It fails closed: only answers on the question's scale are compared (missing codes and answers
off the scale are left out and counted), and every coding that cannot be read or used is a
located finding in `Report.findings` that makes `Report.success` false.

numpy and krippendorff are imported only when alpha is computed, so `cmr check` stays light.
"""

from __future__ import annotations

from cmr.agreement._report import (
    PREVALENCE,
    Coding,
    Disagreement,
    Figures,
    Report,
    agreement,
    compute,
)
from cmr.agreement._stats import gwet_ac1, krippendorff_alpha, percent_agreement, prevalence
from cmr.rules import Layout, is_independent, layout

__all__ = [
    "PREVALENCE",
    "Coding",
    "Disagreement",
    "Figures",
    "Layout",
    "Report",
    "agreement",
    "compute",
    "gwet_ac1",
    "is_independent",
    "krippendorff_alpha",
    "layout",
    "percent_agreement",
    "prevalence",
]
