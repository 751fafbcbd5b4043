"""The command line: `briefing check`, `generate`, `build` and `schema`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from generator.check import check
from generator.coverage import coverage
from generator.load import load_corpus
from generator.model import Corpus, json_schemas
from generator.problems import Problem
from generator.render import render_site
from generator.site import SITE, build_site
from generator.write import write_tree

DOCS = Path("build") / "docs"
SCHEMA = Path("schema")


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
            message = f"error: {type(error).__name__}: {error} (run with --debug for details)"
            raise Failed(message) from None

    return run


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder, holding content/, seeds/, templates/ and mkdocs.yml.",
)
debug_option = click.option(
    "--debug", is_flag=True, help="Show Python tracebacks of internal errors."
)


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
    quotes, articles = len(corpus.spans), len(corpus.texts)
    click.echo(f"ok: {count} entities, {quotes} quotes checked against {articles} articles")


def generate(root: Path) -> None:
    corpus = checked(root)
    pages = render_site(root, corpus)
    report = write_tree(root / DOCS, pages)
    click.echo(
        f"generated {len(pages)} files into {DOCS}: {len(report.written)} written, "
        f"{len(report.deleted)} deleted, {report.unchanged} unchanged"
    )


@main.command(name="generate")
@root_option
@debug_option
@_guarded
def generate_command(root: Path) -> None:
    """Check, then write the site's Markdown into build/docs (only pages that changed)."""
    generate(root)


@main.command(name="build")
@root_option
@debug_option
@_guarded
def build_command(root: Path) -> None:
    """Check, generate, and build the site into site/ with `mkdocs build --strict`."""
    generate(root)
    result = build_site(root)
    if result.output:
        click.echo(result.output, err=True)
    if not result.ok:
        raise Failed(f"error: mkdocs build failed; {SITE}/ was left as it was")
    index = (root / SITE / "index.html").resolve()
    click.echo(f"site built: open {index}")


@main.command(name="coverage")
@root_option
@click.option(
    "--fail-under",
    type=click.IntRange(0, 100),
    default=0,
    help="Exit 1 if any source's coverage is below this percentage.",
)
@debug_option
@_guarded
def coverage_command(root: Path, fail_under: int) -> None:
    """Per source: how many fact-bearing sentences the facts cite, and which are not cited."""
    corpus = checked(root)
    reports = coverage(corpus)
    for report in reports:
        click.echo(report.summary())
        for sentence in report.uncited:
            click.echo(f'  seeds/{report.source}.txt:{sentence.line}: "{sentence.text}"')
    low = [r.source for r in reports if r.percent < fail_under]
    if low:
        raise Failed(f"error: coverage below {fail_under}% for {', '.join(low)}")


@main.command(name="schema")
@root_option
@debug_option
@_guarded
def schema_command(root: Path) -> None:
    """Write the JSON Schema of each kind into schema/ (for editors' autocompletion)."""
    files = {name: json.dumps(schema, indent=2) + "\n" for name, schema in json_schemas().items()}
    report = write_tree(root / SCHEMA, files)
    click.echo(f"{len(files)} schemas in {SCHEMA}/: {len(report.written)} written")


if __name__ == "__main__":
    sys.exit(main())
