"""YAML mistakes as a coder sees them in `cmr check`: a sentence in coder words, at the line
to fix, with the line and a caret under it in the text output."""

from __future__ import annotations

import json

import pytest
from support import cmr_run, make_project

BASE = """\
codebook: 1.1.0
country: Azerbaijan
iso3c: AZE
cown: 373
year: {year}
coder: tester
coded_on: '2026-11-01'
answers:
  regime_from_coup:
    answer: 'no'
    confidence: medium
    evidence: Evidence text.
    citations:
      - key: curtis1995
        pages: '120'
"""

# (what the coder did, text replaced, replacement, line the coder must fix)
MISTAKES = [
    ("key indented too deep", "    confidence:", "      confidence:", 11),
    ("key indented too little", "    confidence:", "   confidence:", 11),
    ("tab used to indent", "    confidence:", "\tconfidence:", 11),
    ("tab after the colon", "confidence: medium", "confidence:\tmedium", 11),
    ("missing colon", "    answer: 'no'", "    answer 'no'", 10),
    ("missing space after colon", "confidence: medium", "confidence:medium", 11),
    ("key: value: value", "evidence: Evidence text.", "evidence: Evidence: text.", 12),
    ("double quote left open", "evidence: Evidence text.", 'evidence: "Evidence text.', 12),
    ("single quote left open", "pages: '120'", "pages: '120", 15),
    ("bracket left open", "coder: tester", "coder: [tester", 6),
    ("brace left open", "coder: tester", "coder: {name: tester", 6),
    ("stray list item in a mapping", "    evidence:", "    - medium\n    evidence:", 12),
    ("item key lined up with the dash", "        pages:", "      pages:", 15),
    ("item key indented off by one", "        pages:", "       pages:", 15),
    ("value starting with @", "evidence: Evidence text.", "evidence: @jdoe wrote", 12),
    ("text after a closing quote", "evidence: Evidence text.", 'evidence: "Evidence" text.', 12),
    ("list on its key's line", "citations:\n      - key:", "citations: - key:", 13),
    ("quote closed lines later", "evidence: Evidence text.", 'evidence: "Evidence text.', 12),
    ("first key indented", "codebook: 1.1.0", " codebook: 1.1.0", 1),
    ("text after the block marker", "evidence: Evidence text.", "evidence: >text", 12),
    ("value on the next line", "    answer: 'no'", "    answer:\n  no", 11),
    ("stray closing bracket", "coder: tester", "coder: ]tester", 6),
    (
        "list item misaligned",
        "      - key: curtis1995",
        "     - key: x\n      - key: curtis1995",
        15,
    ),
]
JARGON = (
    "mapping values are not allowed",
    "could not find expected",
    "did not find expected",
    "scanner",
    "parser",
    "while parsing",
    "while scanning",
    "token",
    "block collection",
    "scalar",
)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Every mistake in a file of its own, checked in one `cmr check --format json` run."""
    project = make_project(tmp_path_factory.mktemp("mistakes"))
    files = {}
    for year, (name, old, new, _line) in enumerate(MISTAKES, start=1960):
        text = BASE.format(year=year)
        if name == "quote closed lines later":
            text = text.replace("key: curtis1995", 'key: "curtis1995"')
        assert old in text, name
        path = project / "observations" / "AZE" / f"{year}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        files[name] = f"observations/AZE/{year}.yaml"
    done = cmr_run(project, "check", "--format", "json")
    findings = json.loads(done.stdout)["findings"]
    return project, files, findings


@pytest.mark.parametrize(("name", "old", "new", "line"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_yaml_mistake_is_explained_at_the_line_to_fix(checked, name, old, new, line):
    """Each common YAML mistake is one yaml-syntax finding at the line the coder must change,
    in words without the parser's jargon."""
    _project, files, findings = checked
    mine = [f for f in findings if f["file"] == files[name]]
    assert [(f["code"], f["line"]) for f in mine] == [("yaml-syntax", line)], mine
    message = mine[0]["message"].lower()
    assert not [word for word in JARGON if word in message], message


def test_every_mistake_gets_its_own_explanation(checked):
    """The mistakes are told apart: the table's mistakes get many different sentences."""
    _project, _files, findings = checked
    sentences = {f["message"] for f in findings if f["code"] == "yaml-syntax"}
    assert len(sentences) >= 18


def test_text_output_shows_the_line_and_a_caret(tmp_path):
    """The text format prints the offending line under the finding with a caret under the
    column; json and github print one record per finding."""
    project = make_project(tmp_path)
    path = project / "observations" / "AZE" / "1993.yaml"
    path.parent.mkdir()
    path.write_text(BASE.format(year=1993).replace("    confidence:", "      confidence:"))
    done = cmr_run(project, "check")
    lines = done.stdout.splitlines()
    head = next(i for i, ln in enumerate(lines) if "yaml-syntax" in ln)
    assert lines[head].startswith("observations/AZE/1993.yaml:11:7: error yaml-syntax")
    assert lines[head + 1] == "  11 |       confidence: medium"
    assert lines[head + 2] == "     |       ^"
    github = cmr_run(project, "check", "--format", "github").stdout.splitlines()
    assert len([ln for ln in github if "yaml-syntax" in ln]) == 1
    assert all(ln.startswith("::") for ln in github)
    assert done.returncode == 1


def test_caret_follows_tabs_and_long_lines(tmp_path):
    """The caret lines up under a tab-indented line, and a very long line is cut around it."""
    project = make_project(tmp_path)
    folder = project / "observations" / "AZE"
    folder.mkdir()
    (folder / "1993.yaml").write_text("a: 1\n\tb: 2\n")
    long_value = "x" * 500
    (folder / "1994.yaml").write_text(f"a: 1\nevidence: {long_value} y: z\n")
    out = cmr_run(project, "check").stdout.splitlines()
    tab = out.index(next(ln for ln in out if ln.startswith("observations/AZE/1993.yaml:2:1")))
    assert out[tab + 1 : tab + 3] == ["  2 | \tb: 2", "    | ^"]
    cut = out.index(next(ln for ln in out if ln.startswith("observations/AZE/1994.yaml:2:")))
    shown, caret = out[cut + 1], out[cut + 2]
    assert len(shown) < 130 and "…" in shown
    assert shown[caret.index("^")] == ":"


def test_findings_other_than_yaml_show_no_source(tmp_path):
    """A finding about the content (not the YAML) stays one line in the text output."""
    project = make_project(tmp_path)
    path = project / "observations" / "AZE" / "1993.yaml"
    path.parent.mkdir()
    path.write_text(BASE.format(year=1993))
    out = cmr_run(project, "check").stdout.splitlines()
    assert out and not any(" | " in ln for ln in out)


def _slips(line: str):
    """The typing slips tried on one line: indentation off by one or two, a tab, a lost `:`."""
    body = line.lstrip(" ")
    depth = len(line) - len(body)
    yield " " + line
    yield "  " + line
    if depth >= 1:
        yield line[1:]
    if depth >= 2:
        yield line[2:]
        yield "\t" + line[2:]
    if ": " in line:
        yield line.replace(": ", " ", 1)
    if line.endswith(":"):
        yield line[:-1]


def test_slips_anywhere_in_an_observation_point_at_their_line(tmp_path):
    """Over every line of an observation and every common slip, the yaml-syntax finding
    points at the slipped line (at least 95 in 100), in words without the parser's jargon."""
    from support import observation_data, write_observation

    from cmr import _yaml

    project = make_project(tmp_path)
    lines = write_observation(project, observation_data(project)).read_text().splitlines()
    right = wrong = 0
    for number, line in enumerate(lines, start=1):
        for slip in _slips(line):
            text = "\n".join([*lines[: number - 1], slip, *lines[number:]]) + "\n"
            try:
                _yaml.loads(text)
            except _yaml.YamlError as err:
                if err.kind != "syntax":
                    continue  # a duplicate key: its own finding
                assert not [w for w in JARGON if w in err.message.lower()], err.message
                right += err.line == number
                wrong += err.line != number
    assert right > 300 and wrong <= right // 20, (right, wrong)


@pytest.mark.parametrize(
    "text",
    [
        "evidence: The coup: " + "x" * 5000 + "\n",
        "a: 1\n" + "word " * 2000 + "\nb: 2\n",
        "citations:\n- key " + "k" * 3000 + "\n  pages: 1\n",
    ],
)
def test_long_lines_are_cut_in_messages(text):
    """A message repeats at most a few dozen characters of a long line."""
    from cmr import _yaml

    with pytest.raises(_yaml.YamlError) as info:
        _yaml.loads(text)
    assert len(info.value.message) < 300 and "…" in info.value.message
