"""Citable, reproducible releases of a dataset and its printable codebook.

- `citation(project, fmt)`: how to cite the dataset version and the data set it descends
  from, as `text`, `bibtex`, `ris` or `cff` (CITATION.cff);
- `release(project, version, out)`: a checked, byte-reproducible release folder and zip;
- `render_codebook(book, fmt)`: the codebook as Markdown, HTML or PDF.

>>> from cmr.publish import citation                  # doctest: +SKIP
>>> print(citation(Project.find(), "bibtex"))          # doctest: +SKIP
"""

from __future__ import annotations

from cmr.publish._citation import FORMATS, PublishError, citable, citation
from cmr.publish._release import ReleaseRefused, ReleaseRun, release
from cmr.publish._render import RENDERERS, render_codebook

__all__ = [
    "FORMATS",
    "RENDERERS",
    "PublishError",
    "ReleaseRefused",
    "ReleaseRun",
    "citable",
    "citation",
    "release",
    "render_codebook",
]
