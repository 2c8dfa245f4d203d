"""`cmr._files`: reading a user's file safely, and decoding it as UTF-8 or saying why not."""

from __future__ import annotations

import codecs
import os
import socket
from pathlib import Path

import pytest

from cmr._files import FileProblem, decode_text, read_bytes


def _code(value: bytes | str | FileProblem) -> str | None:
    return value.code if isinstance(value, FileProblem) else None


def test_regular_file_is_read(tmp_path: Path) -> None:
    """A small regular file comes back byte for byte."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n")
    assert read_bytes(path, root=tmp_path, limit=100) == b"a: 1\n"


@pytest.mark.parametrize(("size", "code"), [(100, None), (101, "file-too-large"), (0, None)])
def test_size_limit_is_inclusive(tmp_path: Path, size: int, code: str | None) -> None:
    """A file of exactly `limit` bytes is read; one byte more is refused unread."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * size)
    assert _code(read_bytes(path, root=tmp_path, limit=100)) == code


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """A FIFO is refused as not a regular file (opening it would block)."""
    path = tmp_path / "a.yaml"
    os.mkfifo(path)
    problem = read_bytes(path, root=tmp_path, limit=100)
    assert isinstance(problem, FileProblem) and problem.code == "file-not-regular"
    assert "FIFO" in problem.params["what"]


def test_folder_is_refused(tmp_path: Path) -> None:
    """A folder named like a file is not a regular file."""
    (tmp_path / "a.yaml").mkdir()
    assert _code(read_bytes(tmp_path / "a.yaml", root=tmp_path, limit=100)) == "file-not-regular"


def test_socket_is_refused(tmp_path: Path) -> None:
    """A Unix socket is not a regular file."""
    path = Path("/tmp") / f"cmr-{os.getpid()}.yaml"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        try:
            assert _code(read_bytes(path, root=None, limit=100)) == "file-not-regular"
        finally:
            path.unlink()


def test_device_link_is_refused_even_without_root(tmp_path: Path) -> None:
    """A link to /dev/zero is refused as a device when links are allowed anywhere."""
    (tmp_path / "a.yaml").symlink_to("/dev/zero")
    assert _code(read_bytes(tmp_path / "a.yaml", root=None, limit=100)) == "file-not-regular"


def test_link_outside_root_is_not_followed(tmp_path: Path) -> None:
    """A link leaving `root` is refused before its target is opened."""
    root = tmp_path / "repo"
    root.mkdir()
    (tmp_path / "secret").write_text("secret")
    (root / "a.yaml").symlink_to(tmp_path / "secret")
    assert _code(read_bytes(root / "a.yaml", root=root, limit=100)) == "file-outside-repository"


def test_link_inside_root_is_followed(tmp_path: Path) -> None:
    """A link to a regular file inside `root` is read."""
    (tmp_path / "b.yaml").write_bytes(b"b: 2\n")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    assert read_bytes(tmp_path / "a.yaml", root=tmp_path, limit=100) == b"b: 2\n"


def test_linked_folder_outside_root_is_not_followed(tmp_path: Path) -> None:
    """A file reached through a linked folder that leaves `root` is refused."""
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "a.yaml").write_text("a: 1\n")
    (root / "AZE").symlink_to(outside)
    assert _code(read_bytes(root / "AZE" / "a.yaml", root=root, limit=100)) == (
        "file-outside-repository"
    )


def test_dangling_link_is_unreadable(tmp_path: Path) -> None:
    """A link to nothing is unreadable, and says so."""
    (tmp_path / "a.yaml").symlink_to("nowhere")
    problem = read_bytes(tmp_path / "a.yaml", root=tmp_path, limit=100)
    assert isinstance(problem, FileProblem) and problem.code == "file-unreadable"
    assert "nothing" in problem.params["reason"]


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    """A path that does not exist is unreadable, never an exception."""
    assert _code(read_bytes(tmp_path / "none.yaml", root=tmp_path, limit=100)) == "file-unreadable"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (codecs.BOM_UTF16_LE + "a: 1\n".encode("utf-16-le"), "file-encoding-bom"),
        (codecs.BOM_UTF16_BE + "a: 1\n".encode("utf-16-be"), "file-encoding-bom"),
        (codecs.BOM_UTF32_LE + "a: 1\n".encode("utf-32-le"), "file-encoding-bom"),
        (codecs.BOM_UTF32_BE + "a: 1\n".encode("utf-32-be"), "file-encoding-bom"),
        ("abc: 1\nde: 2\n".encode("utf-16-le"), "file-encoding-bom"),
        (b"a: 1\n\0\0\x01", "file-binary"),
        (b"a: caf\xe9\n", "file-encoding"),
        (b"a: \xed\xa0\x80\n", "file-encoding"),
        (b"a: \xc0\xaf\n", "file-encoding"),
        (b"a: \xf4\x90\x80\x80\n", "file-encoding"),
        (b"a: \xe2\x82", "file-encoding"),
        (codecs.BOM_UTF8 + b"a: 1\n", None),
        (b"a: 1\r\nb: 2\r\n", None),
        (b"", None),
    ],
    ids=[
        "utf16le",
        "utf16be",
        "utf32le",
        "utf32be",
        "utf16-no-bom",
        "nul",
        "latin1",
        "surrogate",
        "overlong",
        "beyond-unicode",
        "truncated",
        "utf8-bom",
        "crlf",
        "empty",
    ],
)
def test_decode(raw: bytes, code: str | None) -> None:
    """Byte-order marks, NUL bytes and invalid UTF-8 are named; UTF-8 (with BOM) decodes."""
    assert _code(decode_text(raw)) == code


def test_utf16_message_says_what_to_do() -> None:
    """A UTF-16 file is reported as UTF-16, to be saved as UTF-8."""
    problem = decode_text(codecs.BOM_UTF16_LE + "a".encode("utf-16-le"))
    assert isinstance(problem, FileProblem) and problem.params == {"encoding": "UTF-16"}


def test_invalid_utf8_is_located_in_characters() -> None:
    """The position of a bad byte is its line and its column counted in characters."""
    problem = decode_text("a: 1\nb: é\xff".encode()[:-2] + b"\xff\n")
    assert isinstance(problem, FileProblem)
    assert (problem.line, problem.column) == (2, 5)


def test_utf8_bom_is_dropped() -> None:
    """A UTF-8 byte-order mark is not part of the text."""
    assert decode_text(codecs.BOM_UTF8 + b"a") == "a"
