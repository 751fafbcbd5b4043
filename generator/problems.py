"""Problems found in the corpus, reported compiler-style so editors can jump to them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: path relative to the project root, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, with where it is and, when we can tell, how to fix it."""

    location: Location
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning": worth a look, not wrong

    def format(self) -> str:
        line = f"{self.location}: {self.severity}: {self.message}"
        return f"{line} (hint: {self.hint})" if self.hint else line


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in file, line, column order, each reported once."""
    return sorted(set(problems))
