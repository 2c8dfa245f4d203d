"""Finding kinds of the core checks: reading files, the schema, citations, countries, layout."""

from __future__ import annotations

from cmr.catalogue._kind import Kind

_E, _W = "error", "warning"

KINDS: list[Kind] = [
    # Reading the file
    Kind(
        "file-unreadable",
        _E,
        "File cannot be read",
        "The file could not be opened or read.",
        "cannot read file: {reason}",
    ),
    Kind(
        "file-too-large",
        _E,
        "File too large",
        "Observation files are small text files; a very large file is refused unread.",
        "file is {size} bytes; an observation file may be at most {limit} bytes",
    ),
    Kind(
        "file-binary",
        _E,
        "Binary file",
        "The file contains NUL bytes, so it is not a text file.",
        "file contains NUL bytes: is it a binary file?",
    ),
    Kind(
        "file-encoding",
        _E,
        "Not UTF-8",
        "Observation files must be saved as UTF-8.",
        "file is not valid UTF-8 (byte 0x{byte:02x}); save it as UTF-8",
    ),
    Kind(
        "file-empty",
        _E,
        "Empty file",
        "The file holds no YAML document.",
        "file is empty: expected an observation",
    ),
    Kind(
        "yaml-syntax",
        _E,
        "YAML syntax error",
        "The file is not well-formed YAML. The message says what was typed wrong — a line "
        "indented too deep or too little, a tab, a key without its `:`, a value holding `: `, a "
        "quote or bracket left open, a stray `- ` item — at the line to change; the text "
        "output shows that line with a caret under the place.",
        "YAML syntax: {problem}",
    ),
    Kind(
        "yaml-duplicate-key",
        _E,
        "Duplicate key",
        "A key appears twice in one mapping; YAML readers disagree on which one wins.",
        "duplicate key {key!r}",
    ),
    Kind(
        "yaml-alias",
        _E,
        "Alias expansion",
        "Anchors and aliases expanding beyond a small limit are refused (billion laughs).",
        "{problem}",
    ),
    Kind(
        "key-not-string",
        _E,
        "Key is not text",
        "YAML reads an unquoted key such as 1, true or ~ as a number, boolean or null; "
        "observation keys are field and variable names.",
        "{key} is not a name: YAML reads it as a number, true/false, null or a structure; "
        "quote it or correct it",
    ),
    Kind(
        "document-not-mapping",
        _E,
        "Not a mapping",
        "An observation file is a mapping of fields at its top level.",
        "the document must be a mapping of fields, found {found}",
    ),
    # Codebook
    Kind(
        "codebook-unknown-version",
        _E,
        "Unknown codebook version",
        "An observation names the codebook version it was coded under; that version must "
        "exist in codebook/.",
        "codebook version {version!r} not found; known versions: {known}",
    ),
    Kind(
        "codebook-unusable",
        _E,
        "Codebook version cannot be loaded",
        "The observation names a codebook version whose file exists but cannot be loaded, so "
        "the observation cannot be checked until the codebook is repaired.",
        "codebook {version} cannot be loaded (see the findings on {where}); this observation "
        "is not checked until it is repaired",
    ),
    Kind(
        "codebook-invalid",
        _E,
        "Invalid codebook",
        "A codebook file does not match the codebook meta-schema or is inconsistent.",
        "{problem}",
    ),
    # Schema
    Kind(
        "field-missing",
        _E,
        "Missing field",
        "A required field is absent.",
        "required field {field!r} is missing",
    ),
    Kind(
        "field-unknown",
        _E,
        "Unknown field",
        "A field the observation format does not define (often a typo).",
        "unknown field {field!r}{hint}",
    ),
    Kind(
        "field-type",
        _E,
        "Wrong type",
        "A field holds a value of the wrong type.",
        "{where}: {detail}",
    ),
    Kind(
        "value-invalid",
        _E,
        "Invalid value",
        "A field's value breaks the observation format.",
        "{where}: {detail}",
    ),
    Kind(
        "question-unknown",
        _E,
        "Unknown question",
        "An answer is given for a variable that the codebook does not define.",
        "{variable!r} is not a question of codebook {version}{hint}",
    ),
    Kind(
        "answer-missing",
        _E,
        "Missing answer",
        "Every question of the codebook needs an answer (a missing code when it cannot be "
        "answered).",
        "no answer for {id} {variable} ({text})",
    ),
    Kind(
        "answer-not-in-scale",
        _E,
        "Answer not on the scale",
        "The answer is neither a value nor a missing code of the question's scale.",
        "{value} is not an answer to {id} {variable}; use one of: {allowed}",
    ),
    # Meaning
    Kind(
        "citation-missing",
        _E,
        "Answer without citation",
        "The codebook requires this answer to cite evidence.",
        "{id} {variable}: a {answer!r} answer must cite at least one source",
    ),
    Kind(
        "citation-unknown-key",
        _E,
        "Unknown citation key",
        "A citation names a key that is not in the bibliography.",
        "citation key {key!r} is not in {bibliography}{hint}",
    ),
    Kind(
        "citation-unresolved-footnote",
        _E,
        "Unresolved footnote",
        "An imported memo's footnote has not been mapped to a bibliography entry yet.",
        "footnote {footnote} is not mapped to a bibliography entry "
        "(map it with `cmr import-memo --footnotes` or edit the key)",
    ),
    Kind(
        "bibliography-missing",
        _E,
        "No bibliography",
        "Observations cite sources but the bibliography file does not exist.",
        "bibliography {bibliography} not found",
    ),
    Kind(
        "bibliography-invalid",
        _E,
        "Invalid bibliography entry",
        "The BibTeX file has a block that cannot be parsed or a key defined twice.",
        "{problem}",
    ),
    Kind(
        "bibliography-empty",
        _W,
        "Empty bibliography",
        "The bibliography holds no entries, so every citation points nowhere.",
        "the bibliography holds no entries; add the sources the observations cite",
    ),
    Kind(
        "country-unknown",
        _E,
        "Unknown country",
        "The country name matches no country known to countrycode (names and ISO3 codes are "
        "matched in any case). The message suggests the country a misspelled name most likely "
        "means, or says that the name is a state countrycode keeps without an ISO3 code "
        "(Czechoslovakia, Yugoslavia, the German Democratic Republic), which cmr cannot file.",
        "country {name!r} is not recognised{hint}",
        defaults=(("hint", ""),),
    ),
    Kind(
        "country-code-mismatch",
        _E,
        "Country codes disagree",
        "The country name, ISO3 code and Correlates of War code must name one country.",
        "{field} is {value!r} but {country} has {field} {expected!r}",
    ),
    Kind(
        "year-implausible",
        _E,
        "Implausible year",
        "The year lies outside the range the codebook covers.",
        "year {year} is outside {low}..{high}",
    ),
    Kind(
        "date-invalid",
        _E,
        "Invalid date",
        "Dates are ISO dates, YYYY-MM-DD.",
        "{field} {value!r} is not a valid YYYY-MM-DD date",
    ),
    Kind(
        "as-of-outside-year",
        _E,
        "as_of outside the year",
        "The reference moment must fall inside the observation's year.",
        "as_of {as_of} is not in {year}",
    ),
    Kind(
        "coded-on-future",
        _W,
        "Coding date in the future",
        "The coding date is later than today.",
        "coded_on {coded_on} is in the future",
    ),
    Kind(
        "coded-on-before-year",
        _E,
        "Coded before the moment it describes",
        "An observation describes a country at the end of its year (or at `as_of`); it cannot "
        "have been coded before that moment. Usually `year` or `coded_on` has a typo; a year "
        "coded while it runs needs `as_of`.",
        "coded_on {coded_on} is before {moment}, the moment this observation describes; "
        "fix the date, or set as_of to the moment you coded",
    ),
    Kind(
        "evidence-blank",
        _E,
        "Blank evidence",
        "Evidence holding only spaces or line breaks says nothing; write what the sources show "
        "or leave the field out where the codebook allows it.",
        "{id} {variable}: the evidence is blank; write what the sources show",
    ),
    Kind(
        "path-mismatch",
        _E,
        "File in the wrong place",
        "Observation files live at observations/<ISO3>/<year>.yaml (or "
        "observations/<ISO3>/<year>/<coder>.yaml for independent codings).",
        "file is at {where} but the observation is {what}",
    ),
    Kind(
        "path-unexpected",
        _E,
        "File outside the layout",
        "An observation must be named observations/<ISO3>/<year>.yaml, or "
        "observations/<ISO3>/<year>/<coder>.yaml for an independent coding; a stray copy "
        "(`1993 copy.yaml`) must not enter the panel unnoticed.",
        "file is not at <ISO3>/<year>.yaml or <ISO3>/<year>/<coder>.yaml; "
        "rename or move it (the observation is {what})",
    ),
    Kind(
        "duplicate-observation",
        _E,
        "Country-year coded twice",
        "One coder may code a country-year once.",
        "{iso3c} {year} by {coder} is also coded in {other}",
    ),
    Kind(
        "file-suffix",
        _E,
        "Observation file with an odd suffix",
        "Observation files end in `.yaml` (or `.yml`), in lower case; a file that looks like "
        "an observation but is named otherwise would be left out of every check and of the "
        "panel.",
        "{name} looks like an observation but is not named *.yaml; rename it to {expected}",
    ),
    Kind(
        "file-stray",
        _W,
        "File that is not an observation",
        "A file among the observations that cmr does not read: a backup or hidden copy "
        "(`1993.yaml~`, `.1993.yaml`, `1993.yml.bak`) or another stray file. It is left out of "
        "every check and of the panel; remove it or move it out of the observation folder.",
        "{name} is not read as an observation; remove it or move it out of the observations",
    ),
    Kind(
        "folder-unreadable",
        _E,
        "Folder cannot be read",
        "A folder under the observations could not be listed, so its files cannot be checked "
        "or exported.",
        "cannot read folder: {reason}",
    ),
    Kind(
        "folder-link",
        _E,
        "Folder link not followed",
        "Observation folders must be real folders inside the repository; a link to a folder is "
        "not followed, so the files behind it would be left out.",
        "{name} is a link to a folder; links are not followed: move the folder here instead",
    ),
    Kind(
        "codebook-released-changed",
        _E,
        "Released codebook changed",
        "A released codebook is never edited (observations coded under it must keep their "
        "meaning); its checksum in codebook/released.sha256 no longer matches the file.",
        "released codebook {name} has changed since its release (its sha256 is not the one in "
        "{list}); put the change in a new version and restore this file",
    ),
    Kind(
        "codebook-released-unlisted",
        _E,
        "Released codebook not listed",
        "A codebook marked `status: released` must have its checksum in codebook/released.sha256, "
        "so that an edit after release is noticed.",
        "{name} is marked released but {list} has no checksum for it; add its line with "
        "`sha256sum codebook/{name} | sed 's#codebook/##' >> codebook/{list}`",
    ),
    Kind(
        "codebook-released-missing",
        _E,
        "Released codebook missing",
        "codebook/released.sha256 lists a version whose file is not in the codebook folder.",
        "{name} is listed as released but there is no such file in the codebook folder",
    ),
    Kind(
        "codebook-released-malformed",
        _E,
        "Unreadable line in released.sha256",
        "Each line of codebook/released.sha256 is a sha256 digest (64 hexadecimal digits), two "
        "spaces and a codebook file name, as `sha256sum` prints it.",
        "expected '<sha256>  <version>.yaml', found {found!r}",
    ),
    Kind(
        "no-observations",
        _W,
        "Nothing to check",
        "No observation files were found.",
        "no observation files found in {where}",
    ),
]
