"""A MkDocs hook: the HTML the generator writes into pages goes around Markdown, and what search
leaves out goes around Material's search plugin too.

Pages carry generated HTML that Markdown only copies: citation markers, the list of citations,
an article's text, status labels. Yet Python-Markdown and MkDocs each parse every tag of it, and
the search plugin parses the parts marked `data-search-exclude` only to leave them out; on a
large corpus that is most of the build's time. So before Markdown runs, each such element is set
aside, a placeholder in its place; after it, the elements are put back, except those search
leaves out, which are put back once the search plugin has read the page. The site comes out the
same byte for byte, search index included.

Text from content never holds a literal `<` (the generator escapes it), so every element found
here is the generator's own. The placeholders are private-use characters: a page whose text
holds one is converted as it is. MkDocs does not see the ids inside the set-aside HTML, so only
the generator's HTML, never a Markdown link, may point at them."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.plugins import event_priority

# An element with its content; the generator nests no element in one of the same name.
_ELEMENT = re.compile(r"<([a-z]+)\b[^>]*>.*?</\1>", re.S)
_EXCLUDED = re.compile(r"<([a-z]+)\b[^>]*\sdata-search-exclude\b[^>]*>.*?</\1>", re.S)
# Elements that Markdown leaves alone as a block when they start a line.
_BLOCKS = {"div", "ol", "ul", "script"}
_OPEN, _CLOSE = "\ue000", "\ue001"
# In the Markdown: an element on lines of its own (a comment, which Markdown keeps as a block),
# or inline.
_PLACEHOLDER = re.compile(f"<!--{_OPEN}(\\d+){_CLOSE}-->|{_OPEN}(\\d+){_CLOSE}")
# In the HTML while the search plugin reads it: a comment, which search ignores.
_LEFT_OUT = re.compile(f"<!--{_CLOSE}(\\d+)-->")

# By page: while Markdown converts it, the elements set aside and which of them search leaves
# out; then, until search has read it, those left out.
_converting: dict[str, tuple[list[str], set[int]]] = {}
_left_out: dict[str, dict[int, str]] = {}


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """Set the generated HTML aside, a placeholder in its place."""
    if _OPEN in markdown or _CLOSE in markdown:
        _converting.pop(page.file.src_uri, None)  # left by an earlier build of it that failed
        return markdown
    elements: list[str] = []
    left_out: set[int] = set()

    def placeholder(match: re.Match[str], searched: bool = True) -> str:
        text = match.string
        line = text.rfind("\n", 0, match.start()) + 1
        if text.startswith("#", line):
            return match[0]  # a heading's text, which also makes the page's title and contents
        number = len(elements)
        elements.append(match[0])
        if not searched:
            left_out.add(number)
        if match[1] in _BLOCKS and line == match.start():
            return f"<!--{_OPEN}{number}{_CLOSE}-->"
        return f"{_OPEN}{number}{_CLOSE}"

    def leave_out(match: re.Match[str]) -> str:
        return placeholder(match, searched=False)

    # The parts search leaves out first: some sit inside other elements (an article's lists of
    # the facts citing it), which are then set aside holding their placeholders.
    markdown = _ELEMENT.sub(placeholder, _EXCLUDED.sub(leave_out, markdown))
    _converting[page.file.src_uri] = (elements, left_out)
    return markdown


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    """Put back what search reads; mark the rest's places with comments."""
    found = _converting.pop(page.file.src_uri, None)
    if found is None:
        return html
    elements, left_out = found

    def put_back(match: re.Match[str]) -> str:
        number = int(match[1] or match[2])
        if number in left_out:
            return f"<!--{_CLOSE}{number}-->"
        return _PLACEHOLDER.sub(put_back, elements[number])

    _left_out[page.file.src_uri] = {number: elements[number] for number in left_out}
    return _PLACEHOLDER.sub(put_back, html)


# After Material's search plugin, whose own runs at the default priority.
@event_priority(-100)
def on_page_context(context: Any, page: Any, **kwargs: Any) -> Any:
    """Put back what search leaves out, once it has read the page."""
    elements = _left_out.pop(page.file.src_uri, None)
    if elements is not None:
        page.content = _LEFT_OUT.sub(lambda match: elements[int(match[1])], page.content)
    return context
