"""Finding kinds of the files family: what is refused before, or instead of, reading a file.

The older reading kinds (`file-unreadable`, `file-too-large`, `file-binary`, `file-encoding`)
live in `_core`; these add file types, links, byte-order marks, nesting depth and the cache.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "files"

KINDS: list[Kind] = [
    Kind(
        "file-not-regular",
        _E,
        "Not a regular file",
        "A FIFO, device, socket or folder where a file was expected is refused without "
        "opening it: reading it could block forever or never end.",
        "this is {what}, not a regular file; not read",
        _F,
    ),
    Kind(
        "file-outside-repository",
        _E,
        "Link leads outside the repository",
        "A link (or a linked folder) that resolves to a place outside the dataset repository "
        "is not followed, so a repository cannot make cmr read and echo other files.",
        "the link leads outside the repository; not read",
        _F,
    ),
    Kind(
        "file-encoding-bom",
        _E,
        "Saved as UTF-16 or UTF-32",
        'The file was saved as UTF-16 or UTF-32 ("Unicode" in some editors); cmr reads UTF-8 only.',
        "file is saved as {encoding}; save it as UTF-8",
        _F,
    ),
    Kind(
        "yaml-too-deep",
        _E,
        "Nesting too deep",
        "Mappings and lists nested deeper than a small limit are refused before parsing; an "
        "observation nests a few levels.",
        "{problem}",
        _F,
    ),
    Kind(
        "yaml-tag",
        _E,
        "YAML tag",
        "An explicit tag (`!foo`, `!!binary`, `!!python/object`) or `%TAG` directive asks a "
        "YAML reader to build something other than text, numbers, lists and mappings; "
        "observation files use none. `!!str`, which keeps a value as text, is allowed.",
        "{problem}",
        _F,
    ),
    Kind(
        "yaml-documents",
        _E,
        "Several YAML documents",
        "A second document after a `---` (or after a `...` that ends the first) is refused: an "
        "observation file holds one. A `---` before the only document is fine.",
        "{problem}",
        _F,
    ),
    Kind(
        "cache-unusable",
        _W,
        "Cache folder unusable",
        "`.cmr_cache` is not a real folder inside the repository (a link, a file); the cache "
        "is off for this run and nothing is written there.",
        "{problem}; the cache is off for this run",
        _F,
    ),
    Kind(
        "cache-discarded",
        _W,
        "Cache discarded",
        "A cache file that is damaged, written by another version of cmr or not cmr's is "
        "discarded and rebuilt: the files it covered are read again.",
        "cache discarded ({problem}); it is rebuilt",
        _F,
    ),
]
