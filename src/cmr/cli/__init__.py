"""The `cmr` command line: a thin layer over the library.

Each command lives in a module of this package, parses options, calls one library function and
renders its result. Command modules are imported only when their command runs, so that
`cmr check` does not pay for the memo importer or the exporter; heavy libraries (pandas,
pyarrow) are imported inside the commands that need them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from importlib import import_module
from typing import NoReturn

import click

from cmr.cli._common import pass_project
from cmr.project import shown_relative_to_cwd

__all__ = ["cli", "main", "pass_project"]

# command name -> module of this package defining `command`
COMMANDS = {
    "check": "_check",
    "new": "_new",
    "codebook": "_codebook",
    "export": "_export",
    "agreement": "_agreement",
    "import-memo": "_import_memo",
    "codes": "_codes",
    "migrate": "_migrate",
    "status": "_status",
    "refs": "_refs",
    "site": "_site",
    "release": "_release",
    "cite": "_cite",
    "coverage": "_coverage",
    "crosscheck": "_crosscheck",
}


class _LazyGroup(click.Group):
    """A group that imports a command's module when the command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = import_module(f"cmr.cli.{module}").command
        return command


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "-C",
    "--project",
    "project_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Dataset folder (default: found from the working directory).",
)
@click.version_option(package_name="cmr")
@click.pass_context
def cli(ctx: click.Context, project_dir: str | None) -> None:
    """cmr: code civil-military relations into a checked, versioned panel.

    \b
    Coders:      cmr new AZE 1994 --coder jdoe   then   cmr check
    Researchers: cmr export --out dist/
    CI:          cmr check --format github   and   cmr agreement --min-alpha 0.67
    """
    ctx.obj = {"project_dir": project_dir}


EX_USAGE = 2  # usage and environment problems: one line, no traceback
EX_SOFTWARE = 70  # a fault in cmr itself (sysexits.h)
EX_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EX_PIPE = 1  # a closed pipe on stdout: quiet, with click's status for it

# errno -> (what went wrong, what to do), in a user's words
_OS_ADVICE = {
    errno.ENOSPC: ("no space left on the device", "free some space and run again"),
    errno.EDQUOT: ("disk quota exceeded", "free some space and run again"),
    errno.EACCES: ("permission denied", "check its permissions, or use another folder"),
    errno.EPERM: ("operation not permitted", "check its permissions, or use another folder"),
    errno.EROFS: ("the file system is read-only", "use a folder you can write to"),
    errno.ENOENT: ("no such file or folder (moved or deleted?)", "check the path and run again"),
    errno.ENOTDIR: ("part of the path is a file, not a folder", "check the path"),
    errno.EISDIR: ("is a folder where a file was expected", "give a file's path"),
    errno.EEXIST: ("already exists", "remove it or choose another name, and run again"),
    errno.ENOTEMPTY: ("folder is not empty", "remove what it holds or choose another folder"),
    errno.EMFILE: ("too many open files", "close other programs or raise `ulimit -n`"),
    errno.ENFILE: ("too many open files on this machine", "close other programs and run again"),
    errno.ENAMETOOLONG: ("the name is too long", "choose a shorter path"),
    errno.EIO: ("the device reported an input/output error", "check the disk and run again"),
    errno.ELOOP: ("too many symbolic links", "check the links on the path"),
}


def os_error_line(exc: OSError) -> str:
    """`cmr: <path>: <what went wrong>; <what to do>`, one line for any OSError."""
    what, todo = _OS_ADVICE.get(
        exc.errno or 0,
        ((exc.strerror or str(exc) or "the system refused").lower(), "check it and run again"),
    )
    show = shown_relative_to_cwd()
    paths = [show(os.fsdecode(p)) for p in (exc.filename, exc.filename2) if p is not None]
    where = "".join(f"{p}: " for p in paths[:1])
    if len(paths) > 1:
        where = f"{paths[0]} -> {paths[1]}: "
    return " ".join(f"cmr: {where}{what}; {todo}".split())


def _exit(line: str, status: int) -> NoReturn:
    _silence_stdout()
    print(line, file=sys.stderr)
    sys.exit(status)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail a second time."""
    with contextlib.suppress(OSError):
        sys.stdout.flush()
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout without a file descriptor (a test's capture)
        pass


def _usage_line(exc: click.ClickException) -> str:
    ctx = getattr(exc, "ctx", None)
    hint = (
        f" (see '{ctx.command_path} --help')" if isinstance(exc, click.UsageError) and ctx else ""
    )
    return " ".join(f"Error: {exc.format_message()}{hint}".split())


def main() -> None:
    """Console entry point. Exit status: 0 success, 1 findings, 2 usage or environment problem
    (one line), 70 a fault in cmr, 130 interrupted; never a traceback unless `CMR_DEBUG=1`."""
    from cmr.errors import EnvironmentProblem

    try:
        status = cli.main(prog_name="cmr", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _exit("cmr: interrupted", EX_INTERRUPTED)
    except click.exceptions.NoArgsIsHelpError as exc:  # `cmr`, `cmr codebook`: the help
        exc.show()
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _exit(_usage_line(exc), exc.exit_code)
    except BrokenPipeError:  # the reader went away (`cmr codes | head -1`): nothing to say
        _silence_stdout()
        sys.exit(EX_PIPE)
    except OSError as exc:
        _exit(os_error_line(exc), EX_USAGE)
    except EnvironmentProblem as exc:
        _exit(" ".join(f"cmr: {exc}".split()), EX_USAGE)
    except Exception as exc:
        if os.environ.get("CMR_DEBUG") == "1":
            raise
        said = " ".join(str(exc).split()) or "no message"
        _exit(
            f"cmr: unexpected error ({type(exc).__name__}: {said[:200]}); this is a bug in cmr; "
            "please report it (CMR_DEBUG=1 shows the details)",
            EX_SOFTWARE,
        )
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
