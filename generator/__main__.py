"""`python -m generator`: the `briefing` command, for when the console script is not on PATH."""

from generator.cli import run

run()
