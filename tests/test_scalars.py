"""Values as the curator wrote them: the reader keeps the text of what YAML 1.1 reads as numbers."""

from __future__ import annotations

from generator.load import parse_record


def test_numbers_are_kept_as_written_and_booleans_as_booleans() -> None:
    # The model has no numeric field: a value YAML 1.1 would make a number stays the text the
    # curator wrote, so `0100` is never reported as 64. With libyaml and without (an `&`
    # sends the text to the pure-Python parser), the same data.
    text = (
        "name: 0100\nhex: 0x7E1\nunder: 2_017\nsigned: +2017\nfloat: 1.50\ntime: 190:20:30\n"
        "day: 2019-02-27\nflag: yes\nnothing: ~\n"
    )
    expected = {
        "name": "0100",
        "hex": "0x7E1",
        "under": "2_017",
        "signed": "+2017",
        "float": "1.50",
        "time": "190:20:30",
        "day": "2019-02-27",
        "flag": True,
        "nothing": None,
    }
    for variant in (text, text + "anchor: &a x\n"):
        record, problems = parse_record("facts", "content/facts/numbers.yml", variant)
        assert problems == []
        assert record.data is not None
        assert {key: record.data[key] for key in expected} == expected
