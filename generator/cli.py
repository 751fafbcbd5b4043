"""The command line: `briefing check`, `generate`, `build` and `schema`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from generator.check import check
from generator.load import load_corpus
from generator.model import Corpus
from generator.problems import Problem


class Failed(click.ClickException):
    """A failure already explained to the user; exits 1 without a traceback."""

    def show(self, file: Any = None) -> None:
        if self.message:
            click.echo(self.message, err=True)


def _guarded(command: Callable[..., None]) -> Callable[..., None]:
    """Unexpected errors become one line (the traceback only with --debug)."""

    @wraps(command)
    def run(*args: Any, debug: bool = False, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except click.ClickException:
            raise
        except Exception as error:
            if debug:
                raise
            raise Failed(f"error: {type(error).__name__}: {error} (run with --debug for details)")

    return run


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder, holding content/, seeds/, templates/ and mkdocs.yml.",
)
debug_option = click.option("--debug", is_flag=True, help="Show Python tracebacks of internal errors.")


def report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)


def checked(root: Path) -> Corpus:
    """The checked corpus; on any problem, report them all and stop."""
    corpus, problems = check(load_corpus(root))
    if problems:
        report(problems)
        files = len({p.location.path for p in problems})
        raise Failed(f"{len(problems)} problem(s) in {files} file(s); nothing was generated")
    return corpus


@click.group()
@click.version_option(package_name="briefing")
def main() -> None:
    """Check curated facts against their articles and build the briefing site."""


@main.command(name="check")
@root_option
@debug_option
@_guarded
def check_command(root: Path) -> None:
    """Check every content file and quote; print problems as FILE:LINE:COL: error: ..."""
    corpus = checked(root)
    count = sum(len(entities) for entities in corpus.entities.values())
    click.echo(f"ok: {count} entities, {len(corpus.spans)} quotes checked against {len(corpus.texts)} articles")


if __name__ == "__main__":
    sys.exit(main())
