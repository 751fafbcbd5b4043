"""Draft entities as YAML text in the layout of content files, with a `# review:` comment on
each line that is a guess."""

from __future__ import annotations

import re
import textwrap
from typing import Any

import yaml

from generator.dates import JSON_PATTERN
from generator.model import SLUG_PATTERN, Where

REVIEW = "# review:"
_WIDTH = 100
_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(JSON_PATTERN)


def _flow(text: str) -> str:
    """The text as a YAML value on one line, quoted only when YAML needs it; a date is written
    plain, as curators write it (the loader keeps it as text)."""
    if _DATE.fullmatch(text):
        return text
    dumped = yaml.safe_dump({"v": text}, allow_unicode=True, width=1_000_000, sort_keys=False)
    return dumped.removeprefix("v: ").rstrip("\n").removesuffix("\n...")


def _foldable(text: str) -> bool:
    # A folded block keeps the words as they are only if no line starts with white space.
    return text == text.strip() and "  " not in text and "\n" not in text


def _comment(reviews: dict[Where, str], where: Where) -> str:
    note = reviews.get(where)
    return f"  {REVIEW} {note}" if note else ""


def _scalar_lines(lead: str, value: Any, indent: int, comment: str) -> list[str]:
    if isinstance(value, bool):
        return [f"{lead}{'true' if value else 'false'}{comment}"]
    text = str(value)
    line = f"{lead}{_flow(text)}"
    if len(line) <= _WIDTH or not _foldable(text):
        return [line + comment]
    body = textwrap.wrap(text, _WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
    return [f"{lead}>-{comment}", *(" " * (indent + 2) + part for part in body)]


def _lines(value: Any, indent: int, where: Where, reviews: dict[Where, str]) -> list[str]:
    """The lines of a mapping's fields at `indent`."""
    lines: list[str] = []
    pad = " " * indent
    for key, item in value.items():
        path = (*where, key)
        comment = _comment(reviews, path)
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:{comment}")
            lines.extend(_lines(item, indent + 2, path, reviews))
        elif isinstance(item, list) and all(
            isinstance(i, str) and _SLUG.fullmatch(i) for i in item
        ):
            lines.append(f"{pad}{key}: [{', '.join(_flow(i) for i in item)}]{comment}")
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:{comment}")
            for index, element in enumerate(item):
                lines.extend(_item(element, indent + 2, (*path, index), reviews))
        else:
            lines.extend(_scalar_lines(f"{pad}{key}: ", item, indent, comment))
    return lines


def _item(value: Any, indent: int, where: Where, reviews: dict[Where, str]) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        inner = _lines(value, indent + 2, where, reviews)
        first = inner[0][indent + 2 :] if inner else "{}"
        return [f"{pad}- {first}", *inner[1:]]
    return _scalar_lines(f"{pad}- ", value, indent, _comment(reviews, where))


def dump(data: dict[str, Any], reviews: dict[Where, str], header: list[str]) -> str:
    """The file's text: the header's comment lines, then the fields."""
    lines = [f"# {line}" for line in header]
    lines += _lines(data, 0, (), reviews)
    return "\n".join(lines) + "\n"


def review_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if REVIEW in line)
