"""Briefing: checks curated, quote-backed facts and turns them into a MkDocs Material site."""
