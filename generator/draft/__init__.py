"""`briefing draft`: propose content files for a new article, every quote checked against it."""
