"""Briefing: checks curated, quote-backed facts and turns them into a MkDocs Material site."""

import os

# The models use no pydantic plugins, and looking for them reads the metadata of every
# installed package: a fifth of the command's start-up. (A caller may still ask for them; the
# setting is this process's, and passes to the commands it runs, none of which uses pydantic.)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
