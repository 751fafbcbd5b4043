"""The command line: `briefing check`, `review`, `generate`, `build`, `coverage`, `schema`,
`reference`, impact`, `new-source`, `draft` and `serve`."""

from __future__ import annotations

import errno
import json
import traceback
from collections.abc import Callable, Collection
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator.incremental import Resident, Run
from generator.lock import project_lock
from generator.problems import Problem
from generator.site import CONFIG, LOG, SITE, build_site, restore_site
from generator.snapshot import generator_version
from generator.write import write_tree

# Commands import the modules they use when run: a `briefing generate` with nothing to do is
# over in less time than importing loading, checking and rendering takes.
if TYPE_CHECKING:
    from generator.load import RawCorpus
    from generator.model import Corpus

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
            raise Failed(_one_line(error)) from None

    return run


def _one_line(error: Exception) -> str:
    """An unexpected error as one line: where, what, and what to do."""
    from generator.render import TemplateFailed

    if isinstance(error, TemplateFailed):
        return f"{error} (hint: fix the template; run with --debug for the traceback)"
    if isinstance(error, OSError) and error.filename is not None:
        hint = "free some disk space, then run again" if error.errno == errno.ENOSPC else ""
        hint = hint or "run with --debug for details"
        return f"error: {error.filename}: {error.strerror} (hint: {hint})"
    return f"error: {type(error).__name__}: {error} (run with --debug for details)"


def find_root(start: Path) -> Path:
    """The project holding `start`: the nearest folder at or above it with a mkdocs.yml, as git
    finds its repository; `start` itself if there is none (the check then says what is missing)."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file():
            return folder
    return start


def _root(context: click.Context, parameter: click.Parameter, value: Path | None) -> Path:
    return value if value is not None else find_root(Path.cwd())


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    callback=_root,
    help="The project folder, holding content/, seeds/, templates/ and mkdocs.yml "
    "[default: the nearest folder with a mkdocs.yml, from the current one up]",
)
debug_option = click.option(
    "--debug", is_flag=True, help="Show Python tracebacks of internal errors."
)


def report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)


def checked_as_read(root: Path) -> tuple[RawCorpus, Corpus]:
    """The corpus as read (which knows where each value is written) and as checked; on any
    problem, report them all and stop."""
    from generator.check import check
    from generator.load import load_corpus

    raw = load_corpus(root)
    corpus, problems = check(raw)
    _stop_on(problems)
    return raw, corpus


def _stop_on(problems: list[Problem]) -> None:
    """Report every problem, and stop, if there is any."""
    if problems:
        report(problems)
        files = len({p.location.path for p in problems})
        raise Failed(f"{len(problems)} problem(s) in {files} file(s); nothing was generated")


def checked(root: Path) -> Corpus:
    """The checked corpus; on any problem, report them all and stop."""
    return checked_as_read(root)[1]


def _warnings(count: int) -> str:
    return f"{count} review warning{'' if count == 1 else 's'}"


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
    from generator.review import findings

    corpus = checked(root)
    count = sum(len(entities) for entities in corpus.entities.values())
    quotes, articles = len(corpus.spans), len(corpus.texts)
    click.echo(f"ok: {count} entities, {quotes} quotes checked against {articles} articles")
    # Counted only: what may be out of date is not wrong, so the exit status stays 0.
    warnings = findings(corpus)
    if warnings:
        click.echo(f"{_warnings(len(warnings))}: run `briefing review`")


@main.command(name="review")
@root_option
@click.option("--strict", is_flag=True, help="Exit 1 if there is any warning.")
@debug_option
@_guarded
def review_command(root: Path, strict: bool) -> None:
    """What later articles may have overtaken: summaries and purposes cited only from older
    articles than one reporting on their entity, and meetings still scheduled after their date;
    printed as FILE:LINE:COL: warning: ..."""
    from generator.review import review

    raw, corpus = checked_as_read(root)
    warnings = review(raw, corpus)
    for warning in warnings:
        click.echo(warning.format())
    if not warnings:
        click.echo("ok: no review warnings")
        return
    files = len({w.location.path for w in warnings})
    summary = f"{_warnings(len(warnings))} in {files} file{'' if files == 1 else 's'}"
    if strict:
        raise Failed(f"error: {summary} (--strict)")
    click.echo(summary)


def _note(message: str) -> None:
    click.echo(message, err=True)


def generate(
    root: Path,
    resident: Resident | None = None,
    first: Collection[str] = (),
    then: Callable[[], object] | None = None,
) -> None:
    """Check, then write the pages; the caller holds the project's lock. Only what changed since
    the last run is read, checked and rendered again (incremental.py); the pages in `first` are
    written before the others, then `then` is called."""
    run = Run(root, root / DOCS, _note, resident)
    last = run.up_to_date()
    if last is not None:
        _generated(0, 0, last.files)
        return
    _, corpus, problems = run.check()
    _stop_on(problems)
    report = run.write(corpus, first, then)
    _generated(len(report.written), len(report.deleted), report.unchanged)


def _generated(written: int, deleted: int, unchanged: int) -> None:
    click.echo(
        f"generated {written + unchanged} files into {DOCS}: {written} written, "
        f"{deleted} deleted, {unchanged} unchanged"
    )


@main.command(name="generate")
@root_option
@debug_option
@_guarded
def generate_command(root: Path) -> None:
    """Check, then write the site's Markdown into build/docs (only pages that changed)."""
    with project_lock(root, _note):
        restore_site(root)
        generate(root)


@main.command(name="build")
@root_option
@debug_option
@_guarded
def build_command(root: Path) -> None:
    """Check, generate, and build the site into site/ with `mkdocs build --strict`."""
    with project_lock(root, _note):
        restore_site(root)
        generate(root)
        result = build_site(root)
    if result.output:
        click.echo(result.output, err=True)
    if not result.ok:
        raise Failed(
            f"error: mkdocs build failed; {SITE}/ was left as it was (MkDocs' whole output: {LOG})"
        )
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
    from generator.coverage import coverage

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
    """Write the JSON Schema of each kind, and of content/tags.yml, into schema/ (for editors'
    autocompletion)."""
    from generator.model import json_schemas

    files = {name: json.dumps(schema, indent=2) + "\n" for name, schema in json_schemas().items()}
    report = write_tree(root / SCHEMA, files)
    click.echo(f"{len(files)} schemas in {SCHEMA}/: {len(report.written)} written")


@main.command(name="reference")
@root_option
@debug_option
@_guarded
def reference_command(root: Path) -> None:
    """Rewrite the generated parts of docs/ (each kind's fields, each command's help) from the
    model and the commands."""
    from generator.reference import RegionMissing, manuals, updated

    # Every manual is read and rewritten in memory first: nothing is written if one is wrong.
    texts = {}
    for path, regions in manuals(main).items():
        text = (root / path).read_text(encoding="utf-8")
        try:
            texts[path] = (text, updated(text, regions))
        except RegionMissing as error:
            raise Failed(f"error: {path}: {error} (hint: put the marker lines back)") from None
    changed = [path for path, (old, new) in texts.items() if new != old]
    for path in changed:
        (root / path).write_text(texts[path][1], encoding="utf-8")
    click.echo(f"{len(texts)} manuals in docs/: {len(changed)} rewritten")


@main.command(name="impact")
@root_option
@click.option(
    "--since",
    required=True,
    metavar="REV",
    help="The git revision to compare the working tree with, e.g. HEAD~1 or origin/main.",
)
@debug_option
@_guarded
def impact_command(root: Path, since: str) -> None:
    """What changed since REV affects: broken quotes (exit 1), quoted sentences that changed, and
    the pages to look at again."""
    from generator.history import HistoryError
    from generator.impact import impact

    try:
        report = impact(root, since)
    except HistoryError as error:
        raise Failed(f"error: {error}") from None
    for line in report.lines():
        click.echo(line)
    if report.broken:
        raise Failed(f"error: {report.summary()}")
    click.echo(report.summary())


@main.command(name="new-source")
@click.argument(
    "text", metavar="PATH-TO-TEXT", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@root_option
@click.option("--publisher", required=True, help='Who published it, e.g. "The Diplomat".')
@click.option(
    "--date", "published", required=True, help="The day it was published: YYYY-MM-DD (or YYYY-MM)."
)
@click.option("--title", help="The headline as published (else left for you to fill in).")
@click.option("--url", help="The article's web address (else left for you to fill in).")
@click.option("--id", "source", help="The source's id, if not PUBLISHER-DATE.")
@debug_option
@_guarded
def new_source_command(
    text: Path,
    root: Path,
    publisher: str,
    published: str,
    title: str | None,
    url: str | None,
    source: str | None,
) -> None:
    """Add an article: copy PATH-TO-TEXT to seeds/ID.txt and write content/sources/ID.yml."""
    from generator.scaffold import ScaffoldError, new_source

    try:
        created = new_source(
            root, text, publisher=publisher, published=published, url=url, title=title,
            source=source,
        )  # fmt: skip
    except ScaffoldError as error:
        raise Failed(f"error: {error}") from None
    click.echo(f"created {created.text} (the article's text, as given) and {created.source}")
    if created.to_fill:
        fields = ", ".join(created.to_fill)
        click.echo(f"fill in {fields} in {created.source}, then run `briefing check`")
    else:
        click.echo("next: cite it from content/, then run `briefing check`")


@main.command(name="draft")
@click.argument("source", metavar="SOURCE-ID")
@root_option
@click.option("--force", is_flag=True, help="Replace an earlier draft of the source.")
@debug_option
@_guarded
def draft_command(source: str, root: Path, force: bool) -> None:
    """Draft the facts of a new article into drafts/SOURCE-ID/: statements from its quotations,
    citations of the entities it names, new entities, status changes and boilerplate, every
    quote checked; each guess marked `# review:`. Refuses to replace a draft without --force."""
    from generator.draft.article import DraftError, draft_article
    from generator.draft.write import DraftExists, write_draft

    try:
        files, problems = draft_article(root, source)
        written = write_draft(root, source, files, force=force)
    except DraftError as error:
        raise Failed(f"error: {error} (hint: {error.hint})") from None
    except DraftExists as error:
        hint = "review and move what it holds, or run again with --force to replace it"
        raise Failed(f"error: {error} (hint: {hint})") from None
    if problems:
        click.echo(f"note: content/ has {len(problems)} problem(s); drafted against the valid part")
    for name in written.files:
        click.echo(f"wrote {name}")
    click.echo(
        f"{len(written.files)} draft files in {written.folder}/, "
        f"{written.reviews} lines marked `# review:`"
    )
    click.echo(
        f"next: review each file; move a new one into content/ (`mv {written.folder}/statements/"
        f"ID.yml content/statements/`), copy the fields of each file under additions/ into the "
        f"content file it names; then `make check`"
    )


def _generating(root: Path, debug: bool) -> Callable[[Collection[str], Callable[[], object]], None]:
    """`briefing generate` for the preview, run after run in its process, which keeps what each
    run leaves for the next (a Resident): a save is checked and rendered without reading back
    build/cache. Each run takes the project's lock as any does, and fails as `briefing
    generate` does, its problems printed and one line raised (after the traceback, with
    `debug`). The code is the process's own: a change to it is said, not taken up."""
    resident = Resident()

    def regenerate(first: Collection[str], then: Callable[[], object]) -> None:
        try:
            if generator_version() != resident.version:
                _note("note: the generator changed since the preview started; restart it to use it")
            with project_lock(root, _note):
                restore_site(root)
                generate(root, resident, first, then)
        except click.ClickException:
            raise
        except Exception as error:  # as `briefing generate` says it; the preview goes on
            if debug:
                traceback.print_exc()
            raise Failed(_one_line(error)) from None

    return regenerate


@main.command(name="serve")
@root_option
@click.option(
    "--dev-addr",
    "address",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="HOST:PORT",
    help="Where to serve the preview.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a web browser.")
@debug_option
@_guarded
def serve_command(root: Path, address: str, open_browser: bool) -> None:
    """Preview the site with live reload; a change to content/, seeds/, templates/ or mkdocs.yml
    regenerates the pages, and only the pages it changed are built again (Ctrl-C stops)."""
    from generator.serve import ServeError, serve

    try:
        # --debug is taken by _guarded; the runs inside the preview need it too.
        debug = bool(click.get_current_context().params.get("debug"))
        serve(root, _generating(root, debug), address, open_browser=open_browser)
    except ServeError as error:
        raise Failed(str(error)) from None


def run() -> None:
    """The `briefing` command, as installed (and `python -m generator`)."""
    main()


if __name__ == "__main__":
    run()
