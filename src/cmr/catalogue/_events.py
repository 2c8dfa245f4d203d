"""Finding kinds of dated events, units of observation and source tiers (codebook 1.2.0+).

A codebook may declare `units` (the moment each observation describes), `events` (a
vocabulary of dated event types) and concepts anchored in the literature. What the generated
observation schema cannot say is checked here: `as_of` only for an event-anchored unit, event
dates that match their precision and precede the reference moment, event ids used once,
event citations and concept sources found in the bibliography.
"""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"
_F = "events"

KINDS: list[Kind] = [
    Kind(
        "as-of-not-allowed",
        _E,
        "`as_of` for a unit with a fixed reference date",
        "The observation's unit of observation (`unit`, default the codebook's `default_unit`) "
        "fixes the reference date of every year, so rows of the panel stay comparable; `as_of` "
        "is allowed only for a unit whose definition says `as_of: required` (an event-anchored "
        "observation). Delete `as_of`, or set `unit` to such a unit.",
        "`as_of` is set but unit {unit!r} fixes the reference date ({month_day}); only a unit "
        "with `as_of: required` ({allowed}) takes `as_of`",
        _F,
    ),
    Kind(
        "as-of-required",
        _E,
        "Event-anchored unit without `as_of`",
        "A unit of observation whose definition says `as_of: required` is anchored on an event "
        "(e.g. the outbreak of a war): the observation must say its date in `as_of`.",
        "unit {unit!r} is anchored on an event: set `as_of: YYYY-MM-DD`",
        _F,
    ),
    Kind(
        "event-date-precision",
        _E,
        "Event date does not match its precision",
        "An event's `date` is written to its `precision`: `YYYY` for year, `YYYY-MM` for month, "
        "`YYYY-MM-DD` for day, and must be a real calendar date.",
        "event {event!r}: date {date!r} is not a {precision} date (write it as {shape})",
        _F,
    ),
    Kind(
        "event-after-reference",
        _E,
        "Event after the reference moment",
        "An observation describes a country at its reference moment (the unit's reference "
        "date, or `as_of`); an event that began after it belongs to a later observation.",
        "event {event!r} ({type}, {date}) lies after the observation's reference moment {moment}",
        _F,
    ),
    Kind(
        "event-id-duplicate",
        _E,
        "Event id used twice",
        "Each event of an observation has an `id` used once in the file, so rules, the event "
        "table and reviewers can name it.",
        "event id {event!r} is used twice in this file (first as event {first})",
        _F,
    ),
    Kind(
        "event-citation-unknown-key",
        _E,
        "Event cites an unknown key",
        "Each citation of an event names a key of the bibliography.",
        "event {event!r} cites {key!r}, which is not in {bibliography}",
        _F,
    ),
    Kind(
        "legacy-answer-unchanged",
        _W,
        "Legacy answer equal to the answer",
        "`legacy_answer` keeps the legacy memo's answer where the recoded answer differs from "
        "it (the evidence says why); equal to the answer, it records no change. Delete it.",
        "{id} {variable}: legacy_answer {legacy!r} is the answer itself; keep legacy_answer "
        "only where the recoded answer differs",
        _F,
    ),
    Kind(
        "codebook-source-unknown",
        _E,
        "Codebook cites an unknown key",
        "The codebook's concepts cite their sources and its lineage the origin data set by "
        "keys of the dataset's bibliography; each key must be there.",
        "codebook {version} {where} cites {key!r}, which is not in {bibliography}",
        _F,
    ),
]
