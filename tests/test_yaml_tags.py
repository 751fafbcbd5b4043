"""The quick libyaml loader gives every value the tag the safe loader would: its short cut
through the tag look-up changes nothing a content file can say."""

from __future__ import annotations

import pytest
import yaml
from conftest import REPO

from generator.load import _CLoader

pytestmark = pytest.mark.skipif(_CLoader is None, reason="PyYAML built without libyaml")

SCALARS = """\
plain: Kim Jong Un
empty:
quoted: "yes"
single: 'no'
booleans: [yes, No, TRUE, false, on, Off, y, n]
nulls: [~, null, Null, NULL, '']
numbers: [0, -12, +3, 0x1F, 0o17, 017, 1_000, 3.5, .5, -.inf, .NaN, 6.02e+23, 190:20:30]
dates: [2019-02-27, 2019-02-27T10:00:00Z, 2019-02, 2019]
others: [=, <<, "<<", 'text: with colon', -, .]
block: |
  Two lines
  of text.
folded: >
  One line
nested:
  - {a: 1, b: [true, "x"]}
"""


def _tags(node: yaml.Node) -> list[tuple[str, object]]:
    if isinstance(node, yaml.MappingNode):
        return [tag for key, value in node.value for tag in _tags(key) + _tags(value)]
    if isinstance(node, yaml.SequenceNode):
        return [(node.tag, None)] + [tag for item in node.value for tag in _tags(item)]
    return [(node.tag, node.value)]


def test_every_kind_of_scalar_gets_the_safe_loaders_tag() -> None:
    quick = _tags(yaml.compose(SCALARS, Loader=_CLoader))
    assert quick == _tags(yaml.compose(SCALARS, Loader=yaml.CSafeLoader))
    assert ("tag:yaml.org,2002:bool", "yes") in quick  # the look-up did run
    assert ("tag:yaml.org,2002:timestamp", "2019-02-27") in quick


def test_the_shipped_content_gets_the_same_tags() -> None:
    for file in sorted((REPO / "content").rglob("*.yml")):
        text = file.read_text(encoding="utf-8")
        quick = yaml.compose(text, Loader=_CLoader)
        assert _tags(quick) == _tags(yaml.compose(text, Loader=yaml.CSafeLoader)), file


def test_the_short_cut_rests_on_no_wildcard_or_path_resolvers() -> None:
    assert None not in _CLoader.yaml_implicit_resolvers
    assert not _CLoader.yaml_path_resolvers
