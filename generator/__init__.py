"""Briefing: checks curated, quote-backed facts and turns them into a MkDocs Material site."""

import os

# The models use no pydantic plugins, and looking for them reads the metadata of every
# installed package: a fifth of the command's start-up. (A caller may still ask for them.)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
