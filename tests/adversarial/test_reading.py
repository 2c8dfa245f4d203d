"""Hostile bytes and hostile files: encodings, file types and links, as `cmr check` sees them.

Each case writes one observation file in a copy of the dataset, runs `cmr check` on that file
and on the whole dataset, and asserts the exit status, the finding code, that nothing was
echoed from outside the repository and that no file changed.
"""

from __future__ import annotations

import codecs
import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from adversarial_support import Ran, assert_unchanged, snapshot

TARGET = Path("observations/AZE/1993.yaml")
SECRET = "TOP-SECRET-CONTENT-42"


def _swap(good: str, old: str, new: str) -> str:
    assert old in good
    return good.replace(old, new, 1)


ENCODINGS: dict[str, tuple[Callable[[str], bytes], str | None]] = {
    "utf16-le-bom": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "file-encoding-bom"),
    "utf16-be-bom": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "file-encoding-bom"),
    "utf16-no-bom": (lambda t: t.encode("utf-16-le"), "file-encoding-bom"),
    "utf32-le-bom": (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "file-encoding-bom"),
    "utf32-be-bom": (lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"), "file-encoding-bom"),
    "latin1": (
        lambda t: _swap(t, "coder:", "cod\xe9r_x:").encode("latin-1", "replace"),
        "file-encoding",
    ),
    "lone-surrogate": (lambda t: t.encode() + b"# \xed\xa0\x80\n", "file-encoding"),
    "overlong-slash": (lambda t: t.encode() + b"# \xc0\xaf\n", "file-encoding"),
    "overlong-nul": (lambda t: t.encode() + b"# \xc0\x80\n", "file-encoding"),
    "beyond-unicode": (lambda t: t.encode() + b"# \xf4\x90\x80\x80\n", "file-encoding"),
    "five-byte": (lambda t: t.encode() + b"# \xf8\x88\x80\x80\x80\n", "file-encoding"),
    "truncated-end": (lambda t: t.encode() + b"# \xe2\x82", "file-encoding"),
    "lone-continuation": (lambda t: b"\x80" + t.encode(), "file-encoding"),
    "nul-middle": (lambda t: t.encode().replace(b"\n", b"\n\0", 1), "file-binary"),
    "nul-start": (lambda t: b"\0" + t.encode(), "file-binary"),
    "pdf-header": (lambda t: b"%PDF-1.4\n\0\x01\x02binary", "file-binary"),
    "empty": (lambda t: b"", "file-empty"),
    "bom-only": (lambda t: codecs.BOM_UTF8, "file-empty"),
    "blank-lines": (lambda t: b"\n\n  \n", "file-empty"),
    "comment-only": (lambda t: b"# nothing here\n", "file-empty"),
    "utf8-bom": (lambda t: codecs.BOM_UTF8 + t.encode(), None),
    "crlf": (lambda t: t.replace("\n", "\r\n").encode(), None),
    "no-final-newline": (lambda t: t.rstrip("\n").encode(), None),
    "trailing-blank-lines": (lambda t: (t + "\n\n\n").encode(), None),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_encodings(cmr: Callable[..., Ran], dataset: Path, good_text: str, name: str) -> None:
    """Each encoding is either read cleanly or refused with its own finding, never a crash."""
    make, code = ENCODINGS[name]
    (dataset / TARGET).write_bytes(make(good_text))
    before = snapshot(dataset)
    ran = cmr("check", "--no-cache", str(TARGET))
    if code is None:
        assert ran.code == 0, ran.text
    else:
        assert ran.code == 1 and code in ran.codes(), ran.text
    assert_unchanged(before, snapshot(dataset))


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_line_endings_never_crash(
    cmr: Callable[..., Ran], dataset: Path, good_text: str, ending: str
) -> None:
    """Old Mac (CR-only), Windows and Unix line endings are read or refused, never a crash."""
    (dataset / TARGET).write_bytes(good_text.replace("\n", ending).encode())
    ran = cmr("check", "--no-cache", str(TARGET))
    assert ran.code in (0, 1)


def test_encoding_error_is_located(cmr: Callable[..., Ran], dataset: Path, good_text: str) -> None:
    """A bad byte is reported at its own line and column."""
    lines = good_text.split("\n")
    lines[4] = "# caf\xe9"
    (dataset / TARGET).write_bytes("\n".join(lines).encode("latin-1", "replace"))
    ran = cmr("check", "--no-cache", str(TARGET))
    assert f"{TARGET}:5:6: error file-encoding" in ran.out


def test_utf16_message_names_the_fix(
    cmr: Callable[..., Ran], dataset: Path, good_text: str
) -> None:
    """A UTF-16 file is named as UTF-16 with the advice to save it as UTF-8."""
    (dataset / TARGET).write_bytes(good_text.encode("utf-16"))
    ran = cmr("check", "--no-cache", str(TARGET))
    assert "UTF-16; save it as UTF-8" in ran.out


def _fifo(dataset: Path, path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _dev_zero(dataset: Path, path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def _dev_random(dataset: Path, path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/urandom")


def _outside(dataset: Path, path: Path) -> None:
    secret = dataset.parent / "secret.yaml"
    secret.write_text(f"codebook: {SECRET}\n")
    path.unlink()
    path.symlink_to(secret)


def _outside_relative(dataset: Path, path: Path) -> None:
    (dataset.parent / "elsewhere.yaml").write_text(f"{SECRET}: [\n")
    path.unlink()
    path.symlink_to("../../../elsewhere.yaml")


def _etc_passwd(dataset: Path, path: Path) -> None:
    path.unlink()
    path.symlink_to("/etc/passwd")


def _dangling(dataset: Path, path: Path) -> None:
    path.unlink()
    path.symlink_to("nowhere.yaml")


def _loop(dataset: Path, path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)


def _link_to_fifo_inside(dataset: Path, path: Path) -> None:
    os.mkfifo(dataset / "pipe")
    path.unlink()
    path.symlink_to(dataset / "pipe")


def _link_chain_leaving(dataset: Path, path: Path) -> None:
    (dataset.parent / "far.yaml").write_text(SECRET)
    (dataset / "hop.yaml").symlink_to(dataset.parent / "far.yaml")
    path.unlink()
    path.symlink_to(dataset / "hop.yaml")


FILE_TYPES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "fifo": (_fifo, "file-not-regular"),
    "link-to-dev-zero": (_dev_zero, "file-outside-repository"),
    "link-to-dev-urandom": (_dev_random, "file-outside-repository"),
    "link-outside-absolute": (_outside, "file-outside-repository"),
    "link-outside-relative": (_outside_relative, "file-outside-repository"),
    "link-to-etc-passwd": (_etc_passwd, "file-outside-repository"),
    "link-chain-leaving": (_link_chain_leaving, "file-outside-repository"),
    "dangling-link": (_dangling, "file-unreadable"),
    "link-loop": (_loop, "file-unreadable"),
    "link-to-fifo-inside": (_link_to_fifo_inside, "file-not-regular"),
}


@pytest.mark.parametrize("scope", ["file", "dataset"])
@pytest.mark.parametrize("name", sorted(FILE_TYPES))
def test_file_types(cmr: Callable[..., Ran], dataset: Path, name: str, scope: str) -> None:
    """FIFOs, devices, and links leaving the repository are refused unread, within seconds."""
    make, code = FILE_TYPES[name]
    make(dataset, dataset / TARGET)
    before = snapshot(dataset)
    args = ("check", "--no-cache", str(TARGET)) if scope == "file" else ("check", "--no-cache")
    ran = cmr(*args, timeout=30)
    assert ran.code == 1 and code in ran.codes(), ran.text
    assert SECRET not in ran.text and "root:" not in ran.text
    assert_unchanged(before, snapshot(dataset))


def test_link_inside_repository_is_followed(cmr: Callable[..., Ran], dataset: Path) -> None:
    """An observation that is a link to a file inside the repository is checked normally."""
    store = dataset / "store"
    store.mkdir()
    (dataset / TARGET).rename(store / "aze1993.yaml")
    (dataset / TARGET).symlink_to(Path("../../store/aze1993.yaml"))
    ran = cmr("check", "--no-cache", str(TARGET))
    assert ran.code == 0, ran.text


def test_socket_is_refused(cmr: Callable[..., Ran], dataset: Path, tmp_path: Path) -> None:
    """A Unix socket named like an observation is refused as not a regular file."""
    short = Path("/tmp") / f"cmr-sock-{os.getpid()}"
    short.mkdir(exist_ok=True)
    sock_path = short / "1993.yaml"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        try:
            (dataset / TARGET).unlink()
            (dataset / TARGET).symlink_to(sock_path)
            ran = cmr("check", "--no-cache", str(TARGET), timeout=30)
        finally:
            sock_path.unlink()
            short.rmdir()
    assert ran.code == 1 and {"file-not-regular", "file-outside-repository"} & set(ran.codes())


def test_folder_named_like_an_observation(cmr: Callable[..., Ran], dataset: Path) -> None:
    """A folder called 1994.yaml is not read as a file and does not crash the check."""
    (dataset / "observations" / "AZE" / "1994.yaml").mkdir()
    ran = cmr("check", "--no-cache", timeout=30)
    assert ran.code in (0, 1)
    assert "file-unreadable" not in ran.codes() or "1994.yaml" in ran.out


def test_replaced_by_a_large_sparse_file(cmr: Callable[..., Ran], dataset: Path) -> None:
    """A 10 GB sparse file is refused by its size, unread, in well under the timeout."""
    with open(dataset / TARGET, "wb") as fh:
        fh.truncate(10 * 1024**3)
    ran = cmr("check", "--no-cache", str(TARGET), timeout=30)
    assert ran.code == 1 and "file-too-large" in ran.codes()
