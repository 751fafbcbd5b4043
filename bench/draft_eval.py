"""Measures `briefing draft` on the shipped articles (`make draft-eval`): each article drafted as
if new, knowing only the entities the other articles cite, compared with the curated content.
See generator/draft/evaluate.py for what each column counts; the last line is

    RESULT statement_recall=... speaker_right=... date_right=... quotes_verified=...
    yaml_share=... s_per_article=...
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.draft.evaluate import evaluate, report


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    for line in report(evaluate(root)):
        print(line)


if __name__ == "__main__":
    main()
