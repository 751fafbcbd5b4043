"""Starts a new article: copies its text into seeds/ and writes the skeleton of its source file in
content/sources/, under an id made from the publisher and the date of publication."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.dates import FORMS, parse_period
from generator.load import RESERVED, SLUG, slugify
from generator.model import KINDS
from generator.snapshot import CONTENT, SEEDS

# Words that say nothing about which publisher it is: "The Diplomat" is `diplomat`.
_ARTICLES = frozenset({"the", "a", "an"})
# What a publisher adds in brackets, "DW (Deutsche Welle)", is left out of the id.
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


class ScaffoldError(ValueError):
    """Why the files were not created, in words a curator can act on."""


@dataclass(frozen=True)
class NewSource:
    """The files created (paths relative to the root) and the fields still to fill in."""

    id: str
    text: str
    source: str
    to_fill: tuple[str, ...]


def source_id(publisher: str, published: str) -> str:
    """`DW (Deutsche Welle)` of `2019-02-09` is `dw-2019-02-09`; `The Diplomat` of `2019-02` is
    `diplomat-2019-02`."""
    words = [w for w in slugify(_BRACKETS.sub(" ", publisher)).split("-") if w not in _ARTICLES]
    if not any(words):
        raise ScaffoldError(
            f"cannot make an id from the publisher `{publisher}`; give one with --id"
        )
    return "-".join([*words, slugify(published)])


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yaml_value(text: str) -> str:
    """The text as a YAML value on one line, quoted only when YAML needs it."""
    dumped = yaml.safe_dump({"v": text}, allow_unicode=True, width=1_000_000, sort_keys=False)
    return dumped.removeprefix("v: ").rstrip("\n")


def skeleton(publisher: str, published: str, url: str | None, title: str | None) -> str:
    """The source file's text: what is known filled in, the rest left empty with a TODO (the
    check reports an empty required field), and the optional fields as comments."""
    name = f"name: {_yaml_value(title)}" if title else "name:  # TODO: the headline as published"
    address = f"url: {_yaml_value(url)}" if url else "url:  # TODO: the article's web address"
    lines = [
        "# yaml-language-server: $schema=../../schema/source.schema.json",
        name,
        f"publisher: {_yaml_value(publisher)}",
        f"published: {published}",
        address,
        "# Optional; remove the `# ` to use:",
        "# also_titled: [another headline the article ran under]",
        "# section: the publisher's section label",
        "# Passages of the text that carry no fact (ads, photo credits), left out of the coverage:",
        "# boilerplate:",
        "#   - Advertisement",
    ]
    return "\n".join(lines) + "\n"


def _taken(root: Path, source: str) -> str | None:
    """The file that already uses an id, if any (ids are unique across kinds)."""
    candidates = [root / CONTENT / kind / f"{source}.yml" for kind in KINDS]
    candidates.append(root / SEEDS / f"{source}.txt")
    taken = next((path for path in candidates if path.exists()), None)
    return taken.relative_to(root).as_posix() if taken else None


def _article_text(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ScaffoldError(f"cannot read {path}: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScaffoldError(
            f"{path} is not UTF-8 text ({error.reason}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise ScaffoldError(f"{path} is empty; paste the article's text into it")
    return data


def new_source(
    root: Path,
    text_file: Path,
    *,
    publisher: str,
    published: str,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> NewSource:
    """Copy the article's text, byte for byte, to seeds/ID.txt and write content/sources/ID.yml;
    nothing is written if any of it is wrong."""
    publisher, published = _one_line(publisher), published.strip()
    if not publisher:
        raise ScaffoldError("the publisher is empty")
    try:
        parse_period(published)
    except ValueError as error:
        raise ScaffoldError(f"--date: {error}; dates are {FORMS}") from None
    source = source or source_id(publisher, published)
    if not SLUG.fullmatch(source) or source in RESERVED:
        raise ScaffoldError(
            f"`{source}` is not a valid id: lowercase letters and digits joined by single hyphens"
        )
    taken = _taken(root, source)
    if taken:
        raise ScaffoldError(f"the id `{source}` is taken by {taken}; choose another with --id")
    data = _article_text(text_file)
    title, url = _one_line(title or "") or None, (url or "").strip() or None
    seed = root / SEEDS / f"{source}.txt"
    yml = root / CONTENT / "sources" / f"{source}.yml"
    seed.parent.mkdir(parents=True, exist_ok=True)
    yml.parent.mkdir(parents=True, exist_ok=True)
    seed.write_bytes(data)
    yml.write_text(skeleton(publisher, published, url, title), encoding="utf-8")
    to_fill = tuple(field for field, value in (("name", title), ("url", url)) if not value)
    return NewSource(
        source,
        seed.relative_to(root).as_posix(),
        yml.relative_to(root).as_posix(),
        to_fill,
    )
