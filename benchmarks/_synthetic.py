"""Synthetic dataset projects for the benchmarks: many realistic, valid observation files.

    from _synthetic import make_dataset          # with benchmarks/ on sys.path
    project = make_dataset(n_files=20_000)      # benchmarks/.data/check-20000-s0-<hash>/

A project holds `codebook/` (copied from the repository), `observations/references.bib` and
`observations/<ISO3>/<year>.yaml` for real countries (`cmr.countries.table()`) and years, newest
years first. Each file answers every question of the latest codebook (the questions are read
from the codebook, none is named here) with 400-1,500 characters of evidence mixing English with
Azerbaijani, Russian, Kazakh and accented Latin words, and cites 1-3 keys of the bibliography.
The files are written as coders write them (`cmr new`, then filled in): the
`# yaml-language-server: $schema=...` line first, plain `answer: yes`, evidence as folded block
scalars. They are valid: `cmr check` reports no findings on them.

Generation is deterministic for a given (n_files, seed, codebook) and cached: a finished project
carries a `.synthetic.json` marker, and `make_dataset` returns it without writing anything. The
text is written directly (no YAML dumper), about 1-2 s per 1,000 files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

from cmr import countries
from cmr.codebook import Codebook, Codebooks, Question
from cmr.schema import render_schema, schema_path

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = Path(__file__).resolve().parent / ".data"
GENERATOR_VERSION = 1
MARKER = ".synthetic.json"
LAST_YEAR = 2025
EVIDENCE_CHARS = (400, 1500)

CODERS = (
    "nigar.aliyeva",
    "jdoe",
    "mkarimov",
    "a.petrova",
    "lsantos",
    "dnurlanov",
    "ecosta",
    "kyilmaz",
)

# Words and names that coders copy from their sources, in the sources' languages.
TERMS = (
    # Azerbaijani
    "Milli Təhlükəsizlik Nazirliyi",
    "Müdafiə Nazirliyi",
    "Milli Məclis",
    "Xalq Cəbhəsi",
    "Heydər Əliyev",
    "Gəncə",
    "Surət Hüseynov",
    "hərbi çevriliş",
    "zabitlər korpusu",
    "Daxili İşlər Nazirliyi",
    "Əbülfəz Elçibəy",
    "Könüllü Batalyon",
    # Russian
    "Министерство обороны",
    "Комитет государственной безопасности",
    "военный переворот",
    "Генеральный штаб",
    "политработник",
    "Внутренние войска",
    "чистка офицерского корпуса",
    "Главное политическое управление",
    "особый отдел",
    "Совет безопасности",
    # Kazakh
    "Қарулы Күштер",
    "Қорғаныс министрлігі",
    "Ұлттық қауіпсіздік комитеті",
    "әскери төңкеріс",
    "Қазақстан Республикасы",
    "Республикалық ұлан",
    "Қауіпсіздік кеңесі",
    # Accented Latin (Portuguese, Spanish, French, Turkish, Polish, German, Czech)
    "coup d'État",
    "Forças Armadas",
    "Gendarmería Nacional",
    "junta militar",
    "Estado Novo",
    "Sécurité présidentielle",
    "Jandarma Genel Komutanlığı",
    "Milli Güvenlik Kurulu",
    "pronunciamiento",
    "Służba Bezpieczeństwa",
    "Wojskowa Służba Wewnętrzna",
    "Führungsakademie",
    "Státní bezpečnost",
    "Guardia Nacional Bolivariana",
    "Conseil supérieur de la défense",
    "Dirección de Inteligencia Nacional",
    "Ejército de Tierra",
    "Organização Revolucionária",
)

# Sentence patterns; {c} country, {y} year, {y5} five years earlier, {t}/{u} terms, {n} number.
SENTENCES = (
    "In {y} the sources on {c} describe the {t} as the main instrument of the ruling group.",
    "Reports from {y5} to {y} mention the {t} and the {u} in the same breath.",
    "A contemporary account calls the events of {y} a «{t}», a word the official press avoided.",
    "Between {y5} and {y} about {n} officers were moved, retired or arrested, according to the "
    "press of {c}.",
    "The minutes of the {t} for {y} show that civilian ministers attended only twice.",
    "Officers of the {t} were recruited from the ruling party's youth wing after {y5}.",
    "Local newspapers (in the original: «{t}») report a reorganisation in the spring of {y}.",
    "The {t} reported directly to the head of state, bypassing the {u}.",
    "Exiled opposition figures claim that the {t} screened every cadet for loyalty.",
    "No source consulted mentions a {t} in {c} between {y5} and {y}.",
    "The constitution in force in {y} assigns command of the {t} to the president.",
    "Interviews published later describe the {u} as a counterweight to the regular army.",
    "Several memoirs, among them one written in the language of {c}, describe the {t}.",
    "The decree of {y} created a {t} with about {n} members and its own budget.",
    "Diplomatic cables from {y} list the {t} among the regime's most trusted bodies.",
    "Scholars disagree on the role of the {t}; the majority view is followed here.",
    "The officer corps of {c} remained small, roughly {n} officers, until {y}.",
    "Political instruction, called «{t}» in the manuals, was compulsory in the academies.",
    "After the events of {y5}, members of the {u} were excluded from senior commands.",
    "The archive of the {t} is closed; the coding relies on secondary sources.",
)

LANGS = (
    "english",
    "russian",
    "azerbaijani",
    "kazakh",
    "french",
    "portuguese",
    "spanish",
    "turkish",
    "german",
    "polish",
)
SURNAMES = (
    "Curtis",
    "Əliyev",
    "Hüseynov",
    "Кузнецов",
    "Нұрғалиев",
    "Petrova",
    "Goltz",
    "de Waal",
    "Cornell",
    "Swietochowski",
    "Altstadt",
    "Olcott",
    "Brzeziński",
    "Mourão",
    "García Márquez",
    "Lefèvre",
    "Yılmaz",
    "Öztürk",
    "Nováková",
    "Schröder",
    "Finer",
    "Huntington",
    "Quinlivan",
    "Svolik",
    "Geddes",
    "Powell",
    "Thyne",
    "Pilster",
)
TITLE_WORDS = (
    "Army",
    "Politics",
    "Security",
    "Coups",
    "Regime",
    "Officers",
    "Transition",
    "Армия",
    "власть",
    "Әскер",
    "Ordu",
    "Forças",
    "Militär",
    "Ejército",
    "Sécurité",
    "Control",
    "Loyalty",
    "State",
    "Revolution",
    "Party",
)


def _codebook_digest() -> str:
    h = hashlib.sha256()
    for path in sorted((REPO / "codebook").rglob("*")):
        if path.is_file():
            h.update(path.relative_to(REPO).as_posix().encode())
            h.update(path.read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:10]


def dataset_dir(n_files: int, seed: int = 0, root: Path = DATA_DIR) -> Path:
    """Where `make_dataset` puts (or finds) the project for these parameters."""
    return root / f"check-{n_files}-s{seed}-{_codebook_digest()}"


def make_dataset(root: Path = DATA_DIR, n_files: int = 20_000, seed: int = 0) -> Path:
    """A dataset project with `n_files` valid observation files under `root`; returns its folder.

    The folder's name holds the parameters and a digest of the codebook and this generator, so
    a finished project is reused as it is and a changed codebook gets a new one.
    """
    target = dataset_dir(n_files, seed, root)
    if (target / MARKER).is_file():
        return target
    root.mkdir(parents=True, exist_ok=True)
    work = root / f".tmp-{target.name}-{os.getpid()}"
    if work.exists():
        shutil.rmtree(work)
    version = _generate(work, n_files, seed)
    (work / MARKER).write_text(
        json.dumps(
            {
                "n_files": n_files,
                "seed": seed,
                "generator": GENERATOR_VERSION,
                "codebook": version,
                "schema": schema_path(Path("codebook"), version).as_posix(),
            }
        )
        + "\n"
    )
    if target.exists():  # a half-written project from an interrupted run
        shutil.rmtree(target)
    work.rename(target)
    return target


def dataset_info(project: Path) -> dict[str, object]:
    """The parameters a project was made with, its codebook version and schema (relative)."""
    return dict(json.loads((project / MARKER).read_text()))


def observation_files(project: Path) -> list[Path]:
    """The observation files of a generated project, sorted."""
    return sorted((project / "observations").glob("*/*.yaml"))


def latest_released(books: Codebooks) -> Codebook:
    """The newest released codebook (the newest of any status when none is released)."""
    loaded = [b for b in (books.get(v) for v in books.versions) if b is not None]
    released = [b for b in loaded if b.status == "released"]
    return (released or loaded)[-1]


def _generate(project: Path, n_files: int, seed: int) -> str:
    shutil.copytree(REPO / "codebook", project / "codebook")
    book = latest_released(Codebooks(project / "codebook"))
    schema_file = schema_path(project / "codebook", book.version)
    if not schema_file.is_file():  # a codebook whose schema is not committed yet
        schema_file.parent.mkdir(parents=True, exist_ok=True)
        schema_file.write_text(render_schema(book), encoding="utf-8")
    rng = random.Random(seed)
    keys = _write_bibliography(
        project / "observations" / "references.bib", max(20, min(1_000, n_files // 20)), rng
    )
    _add_codebook_sources(project / "observations" / "references.bib", Codebooks(REPO / "codebook"))
    places = _country_years(n_files)
    schema = "../../" + schema_file.relative_to(project).as_posix()
    rules = _Rules(book)
    profiles: dict[str, dict[str, str]] = {}
    made: set[Path] = set()
    for i, (country, year) in enumerate(places):
        folder = project / "observations" / country.iso3c
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        rng_i = random.Random(seed * 1_000_003 + i)
        profile = profiles.get(country.iso3c)
        if profile is None:
            profile = rules.profile(random.Random(f"{seed}/{country.iso3c}"))
            profiles[country.iso3c] = profile
        text = _observation(book, rules, country, year, schema, keys, profile, rng_i)
        (folder / f"{year}.yaml").write_text(text, encoding="utf-8")
    return book.version


def _country_years(n_files: int) -> list[tuple[countries.Country, int]]:
    table = sorted(countries.table(), key=lambda c: c.iso3c)
    first_year = 1816
    capacity = len(table) * (LAST_YEAR - first_year + 1)
    if n_files > capacity:
        raise ValueError(f"at most {capacity} country-years are available, not {n_files}")
    out = []
    for year in range(LAST_YEAR, first_year - 1, -1):
        for country in table:
            if len(out) == n_files:
                return out
            out.append((country, year))
    return out


def _write_bibliography(path: Path, count: int, rng: random.Random) -> list[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    keys: list[str] = []
    seen: set[str] = set()
    lines = ["% Synthetic bibliography for the cmr benchmarks.", ""]
    while len(keys) < count:
        surname = rng.choice(SURNAMES)
        year = rng.randint(1965, 2024)
        stem = "".join(ch for ch in surname.lower() if ch.isascii() and ch.isalpha()) or "anon"
        key = f"{stem}{year}"
        suffix = 0
        while key in seen:
            suffix += 1
            key = f"{stem}{year}{chr(ord('a') + suffix % 26)}{suffix // 26 or ''}"
        seen.add(key)
        keys.append(key)
        title = " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(3, 7)))
        lines += [
            f"@book{{{key},",
            f"  author = {{{surname}, {rng.choice('ABCDEGKLMNRST')}.}},",
            f"  title = {{{title}}},",
            f"  publisher = {{{rng.choice(TERMS)}}},",
            f"  year = {{{year}}},",
            f"  langid = {{{rng.choice(LANGS)}}},",
            "}",
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return keys


def _add_codebook_sources(path: Path, books: Codebooks) -> None:
    """Append the repository's entries for the keys the codebooks cite (a concept's sources,
    the lineage's origin), which `cmr check` looks up in the dataset's bibliography."""
    wanted = set()
    for version in books.versions:
        book = books.get(version)
        wanted |= {key for _, key in book.cited_keys()} if book is not None else set()
    # a synthetic entry may already hold the key (Geddes is a synthetic surname as well)
    wanted -= set(re.findall(r"(?m)^@\w+\{([^,]+),", path.read_text(encoding="utf-8")))
    if not wanted:
        return
    text = (REPO / "observations" / "references.bib").read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=@)", text)
    found = [b.rstrip() for b in blocks if (m := re.match(r"@\w+\{([^,]+),", b)) and m[1] in wanted]
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n" + "\n\n".join(found) + "\n")


def _plain(text: str) -> str:
    """`text` as a YAML scalar: plain when that is safe, double-quoted (JSON) otherwise."""
    risky = text[:1] in "!&*-?:,[]{}#|>'\"%@`" or ": " in text or " #" in text
    return json.dumps(text, ensure_ascii=False) if risky else text


def _evidence(
    rules: _Rules, variable: str, country: str, year: int, rng: random.Random
) -> list[str]:
    """Sentences totalling 400-1,500 characters (joined by single spaces)."""
    question = rules.book.question(variable)
    target = rng.randint(*EVIDENCE_CHARS)
    opening = (
        f"{question.id} ({question.label}) for {country}, {year}: "
        f"the answer follows the codebook guidance for this question."
    )
    if not rules.clean_opening(opening):
        opening = f"Sources on {question.id} for {year} are summarised below."
    lines = [opening]
    size = len(lines[0])
    while True:
        sentence = rng.choice(SENTENCES).format(
            c=country,
            y=year,
            y5=year - 5,
            t=rng.choice(TERMS),
            u=rng.choice(TERMS),
            n=rng.randint(12, 4_000),
        )
        if size + 1 + len(sentence) > target:
            if size >= EVIDENCE_CHARS[0]:
                break
            sentence = sentence[: max(EVIDENCE_CHARS[0] - size, 20)].rstrip() + "."
        lines.append(sentence)
        size += 1 + len(sentence)
    return lines


class _Rules:
    """What the codebook's consistency rules require of generated answers, read generically.

    Answers to questions that a rule ties to other answers or to other years (implications,
    series rules) and slow-moving questions are fixed per country (a profile that satisfies the
    implications), so that no series rule fires; other answers vary from year to year. Phrases of
    contradiction lints are kept out of the evidence's first sentence.
    """

    def __init__(self, book: Codebook):
        self.book = book
        self.implications: list[tuple[dict[str, str], dict[str, list[str]]]] = []
        self.fixed: set[str] = {q.variable for q in book.questions if q.slow_moving}
        self.phrases: list[str] = []
        self.avoid: dict[str, set[str]] = {}
        for rule in book.rules:
            kind = rule.get("kind")
            if kind == "implication":
                when = {str(k): str(v) for k, v in dict(rule.get("if", {})).items()}
                then = {
                    str(k): [str(x) for x in (v if isinstance(v, list) else [v])]
                    for k, v in dict(rule.get("then", {})).items()
                }
                self.implications.append((when, then))
                self.fixed |= set(when) | set(then)
            elif kind == "series":
                self.fixed |= {str(v) for v in rule.get("variables", [])} or set(book.variables)
            elif kind == "contradiction":
                self.phrases += [str(p).lower() for p in rule.get("phrases", [])]
            elif kind == "event" and rule.get("expect") == "absent":
                # an answer an event must support: not generated, as no events are
                when = rule.get("when", [])
                when = [when] if isinstance(when, str) else when
                self.avoid.setdefault(str(rule.get("variable")), set()).update(map(str, when))

    def profile(self, rng: random.Random) -> dict[str, str]:
        """Answers for the fixed questions of one country, consistent with the implications."""
        out = {}
        for q in self.book.questions:
            if q.variable in self.fixed:
                out[q.variable] = rng.choice(self.values(q))
        for _ in range(10):
            changed = False
            for when, then in self.implications:
                if all(out.get(k) == v for k, v in when.items()):
                    for variable, allowed in then.items():
                        if variable in out and out[variable] not in allowed:
                            kept = [a for a in allowed if a not in self.avoid.get(variable, ())]
                            out[variable] = (kept or allowed)[0]
                            changed = True
            if not changed:
                break
        return out

    def values(self, question: Question) -> list[str]:
        """The scale values generated for `question`: those no event rule needs an event for."""
        codes = [v.code for v in question.scale.values]
        return [c for c in codes if c not in self.avoid.get(question.variable, ())] or codes

    def clean_opening(self, sentence: str) -> bool:
        lowered = sentence.lower()
        return not any(p in lowered for p in self.phrases)


def _wrap(sentences: list[str], indent: str, width: int = 96) -> list[str]:
    """Sentences filled into lines of at most `width` columns (a folded scalar's lines)."""
    lines: list[str] = []
    line = indent
    for word in " ".join(sentences).split(" "):
        if len(line) + 1 + len(word) > width and line != indent:
            lines.append(line)
            line = indent + word
        else:
            line = line + word if line == indent else f"{line} {word}"
    lines.append(line)
    return lines


def _observation(
    book: Codebook,
    rules: _Rules,
    country: countries.Country,
    year: int,
    schema: str,
    keys: list[str],
    profile: dict[str, str],
    rng: random.Random,
) -> str:
    # coded after the moment it describes (the end of the year), and before today
    coded_on = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    cown = "null" if country.cown is None else str(country.cown)
    out = [
        f"# yaml-language-server: $schema={schema}",
        f"codebook: {book.version}",
        f"country: {_plain(country.name)}",
        f"iso3c: {country.iso3c}",
        f"cown: {cown}",
        f"year: {year}",
        f"coder: {rng.choice(CODERS)}",
        f"coded_on: {coded_on.isoformat()}",
    ]
    if rng.random() < 0.1:
        as_of = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
        anchored = [u.id for u in book.units.values() if u.as_of_required]
        if anchored:  # a codebook with units takes as_of only for an event-anchored unit
            out.append(f"unit: {anchored[0]}")
        if anchored or not book.units:
            out.append(f"as_of: {as_of.isoformat()}")
    if rng.random() < 0.2:
        out.append(f"memo: {rng.randint(1, 999)}")
    if rng.random() < 0.1:
        out.append(f"context: {_plain(f'Conflict with neighbours ({rng.choice(TERMS)})')}")
    out.append("answers:")
    for question in book.questions:
        scale = question.scale
        values = rules.values(question)
        if question.variable in profile:  # the same answer every year (see _Rules)
            code = profile[question.variable]
        elif rng.random() < 0.08 and scale.missing:
            code = rng.choice(scale.missing).code
        else:
            code = rng.choice(values)
        out += [
            f"  {question.variable}:",
            f"    answer: {code}",
            f"    confidence: {rng.choice(book.confidence)}",
            "    evidence: >-",
        ]
        out += _wrap(_evidence(rules, question.variable, country.name, year, rng), "      ")
        if scale.requires_note(code):
            out.append(
                f"    note: Searched the {rng.choice(TERMS)} archive guides and two "
                "regional histories without finding an answer."
            )
        out.append("    citations:")
        for key in rng.sample(keys, rng.randint(1, 3)):
            first = rng.randint(1, 400)
            pages = first if rng.random() < 0.3 else f"{first}-{first + rng.randint(1, 30)}"
            out.append(f"      - key: {key}")
            out.append(f"        pages: {pages}")
            if book.source_tiers:  # a codebook with tiers requires one on each citation
                out.append(f"        tier: {rng.choice(book.source_tiers).code}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(make_dataset(n_files=args.files, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
