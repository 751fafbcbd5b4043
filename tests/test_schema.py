"""The published JSON Schemas match the model and accept the shipped content (and only valid
content), so editors' inline validation agrees with `briefing check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO
from jsonschema import Draft202012Validator

from generator.load import read_record
from generator.model import KINDS, SINGULAR, json_schemas


def test_published_schemas_are_up_to_date() -> None:
    published = {p.name: json.loads(p.read_text()) for p in (REPO / "schema").glob("*.json")}
    assert published == json_schemas(), "run `make schema` and commit schema/"


def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schema" / f"{SINGULAR[kind]}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _load(file: Path) -> object:
    # Read exactly as the checker reads it (dates stay text).
    record, problems = read_record(REPO, file, file.parent.name)
    assert problems == []
    return record.data


CONTENT = sorted((REPO / "content").glob("*/*.yml"))


@pytest.mark.parametrize("file", CONTENT, ids=[f.relative_to(REPO).as_posix() for f in CONTENT])
def test_shipped_content_validates_against_its_schema(file: Path) -> None:
    errors = list(_validator(file.parent.name).iter_errors(_load(file)))
    assert errors == []


def test_schema_rejects_unknown_fields_and_bad_ids() -> None:
    validator = _validator("meetings")
    good = _load(REPO / "content/meetings/hanoi-summit-2019.yml")
    assert isinstance(good, dict)
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "venue": "x"})
    assert not validator.is_valid({**good, "place": "../places/hanoi"})
    assert not validator.is_valid({**good, "date": "27 Feb 2019"})
    assert not validator.is_valid({**good, "cite": {"venue": {"dw-2019-02-09": "x"}}})


def test_every_kind_and_the_tags_have_a_schema() -> None:
    kinds = {f"{SINGULAR[k]}.schema.json" for k in KINDS}
    assert kinds | {"tags.schema.json"} == set(json_schemas())


def test_the_tags_schema_accepts_the_shipped_tags_and_only_one_line_each() -> None:
    schema = json.loads((REPO / "schema/tags.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    record, problems = read_record(REPO, REPO / "content/tags.yml", "tags")
    assert problems == [] and isinstance(record.data, dict) and record.data
    assert list(validator.iter_errors(record.data)) == []
    assert validator.is_valid({"peace-regime": "A lasting peace.\n"})  # as `>` folds it
    assert not validator.is_valid({"peace-regime": "A lasting\npeace."})
    assert not validator.is_valid({"peace-regime": "  "})
    assert not validator.is_valid({"peace-regime": None})
    assert not validator.is_valid({"Peace Regime": "A lasting peace."})
