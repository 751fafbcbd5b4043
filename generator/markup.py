"""Escaping for the two languages pages are written in: Markdown text, and the HTML the generator
embeds in it. Every value from content passes through one of these before it reaches a page."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup


class Md(str):
    """Markdown (or inline HTML) built by the generator itself: safe to emit without escaping."""


# Anything but letters, digits and spaces (`\w` less the underscore).
_NOT_PLAIN = re.compile(r"[^\w ]|_")
_ALWAYS = re.compile(r"([\\`*_{}\[\]()|#])")
# These only start markup at the beginning of a line: lists, rules, admonitions.
_LEADING = re.compile(r"^([+\-!])|^(\d+)([.)])")
# Words of letters and digits, single-spaced: nothing to escape in either language (most names).
_PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")


# Double quotation marks a quoted passage may open with, as its article wrote them.
_OPENING_QUOTES = ('"', "“", "”", "„", "«")


# A quotation inside a quotation takes single marks, so the two never meet as ””.
_NESTED = str.maketrans({"“": "‘", "”": "’"})


def in_quotes(text: str) -> str:
    """Quoted words between curly quotation marks, unless they open with the article's own: a
    passage quoting someone would otherwise show doubled marks, ““I would say …”. Curly double
    marks inside become single ones, as a quotation within a quotation takes."""
    if text.startswith(_OPENING_QUOTES):
        return text
    return f"“{text.translate(_NESTED)}”"


def md_escape(value: object) -> Md:
    """Text shown literally by Python-Markdown, on one line, whatever characters it holds."""
    if isinstance(value, Md):
        return value
    if isinstance(value, Markup):
        # Only a template's `| safe` makes Markup: the output of a macro, escaped inside it.
        return Md(value)
    return _md_text(str(value))


# Names, labels, claims and quotes recur on page after page: each is escaped once per run.
@lru_cache(maxsize=1 << 16)
def _md_text(text: str) -> Md:
    if _PLAIN.fullmatch(text):
        return Md(text)
    text = " ".join(text.split())
    text = html.escape(text, quote=False)
    text = _ALWAYS.sub(r"\\\1", text)
    # `~` has no backslash escape, yet `~~~` opens a fenced code block: use its entity.
    text = text.replace("~", "&#126;")
    return Md(_LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text))


@lru_cache(maxsize=1 << 16)
def html_text(text: str) -> str:
    """Text inside a raw HTML block, which Python-Markdown leaves alone."""
    if _PLAIN.fullmatch(text):
        return text
    return html.escape(" ".join(text.split()), quote=True)


def html_attr(value: object) -> str:
    """Text inside an attribute of inline HTML: every character that Markdown or a table could
    act on is written as an entity, so only the browser ever reads it."""
    text = str(value)
    if _PLAIN.fullmatch(text):
        return text
    text = " ".join(text.split())
    return _NOT_PLAIN.sub(lambda m: f"&#{ord(m[0])};", text)


def url_escape(url: str) -> str:
    """An external address safe inside a Markdown link's parentheses."""
    return quote(url, safe=":/?#@!$&'*+,;=%-._~[]")


def script_json(data: object) -> str:
    """`data` as JSON that a script element can hold: `<`, `>` and `&` escaped, so that no text
    can end the element or open a comment, and U+2028 and U+2029, so that it stays one line for
    JavaScript too."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
