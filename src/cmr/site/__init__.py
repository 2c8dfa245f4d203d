"""`cmr site`: the dataset as a static website, built from checked data.

The site holds the codebook (every question with its guidance, hard cases, scale, window,
concepts and rules, and the changes between versions), one page per country and per
country-year (answers with confidence, evidence, full references, events, draft and
carried-forward marks, and the independent coders' answers), coverage (a countries × years
matrix and the share of each answer by year as SVG with the numbers), downloads with
checksums, the citation, the changelog, and a search that runs offline from `file://`.

It fails closed (no site while a final observation has an error), never deletes what it did
not write (`cmr-site.json` lists what it wrote), publishes atomically and is deterministic.

>>> from cmr.site import build_site          # doctest: +SKIP
>>> build_site("site").files[:2]             # doctest: +SKIP
('AZE-1992.html', 'AZE-1993.html')
"""

from __future__ import annotations

from cmr.site._owned import MANIFEST
from cmr.site._run import DEFAULT_OUT, SiteRun, build_site

__all__ = ["DEFAULT_OUT", "MANIFEST", "SiteRun", "build_site"]
