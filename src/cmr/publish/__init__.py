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

__all__ = ["FORMATS", "PublishError", "citable", "citation"]
