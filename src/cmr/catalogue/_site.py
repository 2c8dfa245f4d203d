"""Finding kinds of the static website (cmr site).

`cmr site` builds from checked data only: errors in final observations stop it (see the
check's own codes), and the kinds here say what else stops it: an output folder holding files
it did not write, and a release folder whose files do not match their checksums.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E = "error"
_F = "site"

KINDS: list[Kind] = [
    Kind(
        "site-folder-foreign",
        _E,
        "Site folder holds files cmr did not write",
        "`cmr site` replaces its output folder as a whole, deleting only the files a previous "
        "`cmr site` listed in its manifest (`cmr-site.json`), so it refuses an output that is "
        "a file or a folder holding anything else. An empty or missing folder is fine.",
        "{stranger}{more} was not written by cmr site, and cmr never deletes what it did not "
        "write; move it out of {folder} or choose another --out",
        _F,
    ),
    Kind(
        "site-release-file-missing",
        _E,
        "Release file listed in SHA256SUMS is missing",
        "`cmr site --release DIR` offers every file the release's `SHA256SUMS` lists for "
        "download, with its size and checksum; a listed file that is not in the folder would "
        "be a broken download, so the site is not built.",
        "{name} is listed in SHA256SUMS but is not a file in the release folder; rebuild the "
        "release",
        _F,
    ),
    Kind(
        "site-release-checksum",
        _E,
        "Release file does not match its checksum",
        "A file of the release folder whose SHA-256 differs from the line of `SHA256SUMS` "
        "that lists it has changed since the release was made; the site would publish a "
        "checksum that readers cannot verify.",
        "{name} has sha256 {actual}, but SHA256SUMS says {expected}; rebuild the release",
        _F,
    ),
    Kind(
        "site-release-sums-malformed",
        _E,
        "SHA256SUMS line cannot be read",
        "Each line of a release's `SHA256SUMS` is a 64-digit hexadecimal SHA-256, two spaces "
        "(or a space and `*`) and a file name of the folder, as `sha256sum` writes it.",
        "this line is not `<sha256>  <file name>` as sha256sum writes it",
        _F,
    ),
]
