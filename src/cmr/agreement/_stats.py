"""Agreement coefficients for nominal codes, on units holding one code per coder.

A unit is one question of one country-year; its codes are the answers of the coders who coded
it. Only units with at least two codes count (they are "pairable").

* percent agreement: the share of agreeing pairs of codes within each unit, averaged over units;
* Gwet's AC1 (Gwet 2008, multiple raters): (pa - pe) / (1 - pe) with
  pe = sum_k pi_k (1 - pi_k) / (q - 1), pi_k the mean share of category k in a unit and q the
  number of categories observed; robust when one category dominates;
* Krippendorff's alpha (nominal), computed by the `krippendorff` package (imported on use).

>>> units = [["yes", "yes"], ["yes", "no"], ["no", "no"], ["yes", "yes"]]
>>> percent_agreement(units), round(gwet_ac1(units), 4)
(0.75, 0.5294)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

Units = Sequence[Sequence[str]]


def pairable(units: Units) -> list[Sequence[str]]:
    """Units with at least two codes."""
    return [u for u in units if len(u) >= 2]


def percent_agreement(units: Units) -> float | None:
    """Mean share of agreeing pairs of codes per unit; None without pairable units."""
    used = pairable(units)
    if not used:
        return None
    shares = [sum(c * (c - 1) for c in Counter(u).values()) / (len(u) * (len(u) - 1)) for u in used]
    return sum(shares) / len(shares)


def gwet_ac1(units: Units) -> float | None:
    """Gwet's AC1 for nominal codes; None without pairable units or with one category."""
    used = pairable(units)
    pa = percent_agreement(used)
    categories = sorted({c for u in used for c in u})
    if pa is None or len(categories) < 2:
        return None
    pi = {k: sum(u.count(k) / len(u) for u in used) / len(used) for k in categories}
    pe = sum(p * (1 - p) for p in pi.values()) / (len(categories) - 1)
    return (pa - pe) / (1 - pe)


def krippendorff_alpha(units: Units) -> float | None:
    """Krippendorff's alpha (nominal) via the `krippendorff` package; None when undefined
    (fewer than two categories, or no pairable units)."""
    used = pairable(units)
    categories = sorted({c for u in used for c in u})
    if len(categories) < 2:
        return None
    import krippendorff
    import numpy as np

    width = max(len(u) for u in used)
    index = {k: i for i, k in enumerate(categories)}
    # Coders are anonymous slots here: nominal alpha depends only on the codes within a unit.
    data = np.full((width, len(used)), np.nan)
    for j, unit in enumerate(used):
        for i, code in enumerate(unit):
            data[i, j] = index[code]
    value = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return None if math.isnan(value) else value


def prevalence(units: Units) -> tuple[str, float] | None:
    """The most common code among pairable units and its share of all their codes."""
    codes = Counter(c for u in pairable(units) for c in u)
    if not codes:
        return None
    code, count = codes.most_common(1)[0]
    return code, count / sum(codes.values())
