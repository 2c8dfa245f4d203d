"""Finding kinds of the agreement family: independent codings `cmr agreement` cannot use.

What `cmr check` already reports about an independent coding (a file it cannot read, an answer
off the scale) is reported by `cmr agreement` under the check's own codes; these kinds cover
what only matters when codings are compared.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "agreement"

KINDS: list[Kind] = [
    Kind(
        "agreement-coded-twice",
        _E,
        "Country-year coded twice by one coder",
        "One coder has more than one independent coding of a country-year. Which one is the "
        "coder's answer cannot be told, so none of them counts in the agreement figures until "
        "the extra files are removed.",
        "{coder!r} coded {iso3c} {year} more than once (also {other}); none of these codings "
        "counts in the agreement figures until only one is left",
        _F,
    ),
    Kind(
        "agreement-single-coding",
        _W,
        "Country-year coded by one coder only",
        "Only one coder has coded this country-year independently, so the coding counts in no "
        "agreement figure until a second coder codes it.",
        "only {coder!r} has coded {iso3c} {year} independently; the coding counts in no "
        "agreement figure until a second coder codes it",
        _F,
    ),
    Kind(
        "agreement-codebook-differs",
        _W,
        "Codings under codebook versions that ask differently",
        "The independent codings of one country-year name codebook versions that do not ask "
        "every question on the same scale. A question is compared only between codings whose "
        "versions ask it the same way as the newest of them; the others are left out.",
        "coded under codebook {version} while {iso3c} {year} is also coded under {newest}, "
        "which asks {variables} differently or not at all; those questions are compared only "
        "between codings that ask them the same way",
        _F,
    ),
]
