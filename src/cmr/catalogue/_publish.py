"""Finding kinds of releases, citations and the printable codebook."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "publish"

KINDS: list[Kind] = [
    Kind(
        "cff-invalid",
        _E,
        "CITATION.cff cannot be used",
        "The CITATION.cff at the dataset's root says how to cite the dataset; `cmr cite` and "
        "`cmr release` read its title, authors, licence and addresses. It must be a YAML "
        "mapping following the Citation File Format 1.2.0, with a `title` and a non-empty "
        "`authors` list (each a person with `family-names` or an organisation with `name`).",
        "CITATION.cff: {problem}",
        _F,
    ),
    Kind(
        "cite-authors-missing",
        _E,
        "The dataset names no authors",
        "A CITATION.cff, and so a release, must name who made the dataset: people "
        "(`family-names`, `given-names`) or organisations (`name`). List them under `authors` "
        "in CITATION.cff at the dataset's root, or in the settings' `release.authors`.",
        "no authors to cite the dataset by; list them under `authors` in {where} or in the "
        "settings' release.authors",
        _F,
    ),
    Kind(
        "cite-origin-unknown",
        _E,
        "The codebook's origin is not in the bibliography",
        "A citation of the dataset names the data set it descends from: the codebook's "
        "`lineage.origin`, a key of the bibliography. Add the entry to the bibliography (or "
        "correct the key) so that the origin can be cited.",
        "lineage.origin {key!r} is not an entry of {bibliography}; add it so that the origin "
        "can be cited",
        _F,
    ),
    Kind(
        "release-changelog-missing",
        _E,
        "The changelog does not name the release",
        "`cmr release VERSION` publishes the dataset's CHANGELOG.md with the release; it must "
        "have a heading naming the version (`## 1.2.0` or `## [1.2.0] - 2026-11-30`) that says "
        "what changed, so that a user of the release can read it there.",
        "CHANGELOG.md has no heading for {version}; add `## {version}` with what changed",
        _F,
    ),
    Kind(
        "release-changelog-unreleased",
        _W,
        "The changelog's Unreleased section is released",
        "CHANGELOG.md has no heading naming the version, but an `## Unreleased` section (Keep a "
        "Changelog's name for what the next release holds): the release carries it as "
        "`## VERSION - DATE`. Rename the heading in the dataset too, so that the next release "
        "starts a new section.",
        "CHANGELOG.md has no heading for {version}; its Unreleased section is released as "
        "{version}: rename the heading to `## {version}` in the dataset too",
        _F,
    ),
    Kind(
        "release-changelog-unreadable",
        _E,
        "The changelog cannot be read",
        "`cmr release VERSION` reads the dataset's CHANGELOG.md for a heading naming the version "
        "and publishes it with the release. It must be a regular file of UTF-8 text (Markdown) "
        "at the dataset's root.",
        "CHANGELOG.md cannot be used: {problem}",
        _F,
    ),
    Kind(
        "cite-field-invalid",
        _E,
        "A field of the citation would not be valid CFF",
        "`cmr cite --format cff` and `cmr release` write CITATION.cff, which must follow the "
        "Citation File Format 1.2.0 schema (`cffconvert --validate`). A value taken from the "
        "codebook (`license` must be an SPDX licence id) or from the origin's bibliography "
        "entry (`doi` as `10.xxxx/...`, `url` starting with `https://`, a numeric `year`) "
        "does not fit it; correct it where it comes from.",
        "{field} would not be valid CFF 1.2.0: {problem}",
        _F,
    ),
]
