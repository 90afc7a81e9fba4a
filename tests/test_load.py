"""YAML loading: encodings, syntax errors with lines, duplicate keys, aliases, depth, YAML 1.2."""

from __future__ import annotations

from pathlib import Path

import pytest

from genreport.data.load import MAX_DEPTH, load_yaml
from genreport.errors import LoadError


def load_text(tmp_path: Path, text: str | bytes):
    path = tmp_path / "r.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_yaml(path)


def only_code(loaded) -> str:
    assert len(loaded.findings) == 1, loaded.findings
    return loaded.findings[0].code


def test_utf8_bom_is_accepted(tmp_path):
    loaded = load_text(tmp_path, "\ufeffkind: x\nyear: 2023\n".encode())
    assert loaded.findings == [] and loaded.data == {"kind": "x", "year": 2023}


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_other_encodings_are_a_load_error(tmp_path, encoding):
    with pytest.raises(LoadError) as caught:
        load_text(tmp_path, "issuer: 左云县人民政府\n".encode(encoding))
    assert "UTF-8" in caught.value.message("en")
    assert "UTF-8" in caught.value.message("zh-CN")


def test_yaml_12_keeps_no_as_text(tmp_path):
    assert load_text(tmp_path, "a: no\nb: yes\nc: on\n").data == {"a": "no", "b": "yes", "c": "on"}


def test_empty_file(tmp_path):
    assert only_code(load_text(tmp_path, "")) == "empty-file"
    assert only_code(load_text(tmp_path, "# only a comment\n")) == "empty-file"


def test_syntax_error_has_its_line(tmp_path):
    loaded = load_text(tmp_path, "kind: x\nyear: 2023\nissuer: [a, b\npreamble: c\n")
    assert only_code(loaded) == "yaml-syntax"
    assert loaded.findings[0].location.line in (3, 4)


def test_tab_indentation_is_explained(tmp_path):
    loaded = load_text(tmp_path, "kind: x\nissuer:\n\tname: a\n")
    assert only_code(loaded) == "yaml-tab-indent"
    assert loaded.findings[0].location.line == 3
    assert "Tab" in loaded.findings[0].hint("zh-CN")


def test_duplicate_key_points_at_second(tmp_path):
    loaded = load_text(tmp_path, "kind: x\nyear: 2023\nyear: 2024\n")
    assert only_code(loaded) == "duplicate-key"
    finding = loaded.findings[0]
    assert (finding.location.line, finding.location.column) == (3, 1)
    assert "2" in finding.message("en")


def test_alias_bomb_is_refused_quickly_at_the_anchor(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    # Expanded, this would be 9**10 strings; refused before expansion, it returns at once.
    loaded = load_text(tmp_path, "\n".join(lines) + "\n")
    assert only_code(loaded) == "yaml-anchor"
    assert loaded.findings[0].location.line == 1
    assert loaded.data is None


def test_deep_nesting_is_refused(tmp_path):
    depth = MAX_DEPTH + 10
    loaded = load_text(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert only_code(loaded) == "yaml-depth"


def test_very_deep_nesting_does_not_crash(tmp_path):
    loaded = load_text(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert only_code(loaded) == "yaml-depth"


def test_impossible_date_stays_text_for_validation(tmp_path):
    loaded = load_text(tmp_path, "signed_on: 2024-02-30\nother: 2024-02-29\n")
    assert loaded.data["signed_on"] == "2024-02-30"
    assert str(loaded.data["other"]) == "2024-02-29"


def test_python_tags_are_refused(tmp_path):
    loaded = load_text(tmp_path, "a: !!python/object:os.system echo\n")
    assert only_code(loaded) == "yaml-tag"


def test_control_character_has_position(tmp_path):
    loaded = load_text(tmp_path, "kind: x\npreamble: 'ab\x07c'\n")
    assert only_code(loaded) == "control-character"
    assert loaded.findings[0].location.line == 2


def test_marks_point_at_values(tmp_path):
    loaded = load_text(tmp_path, "kind: x\nsections:\n  measures:\n    intro: hello\n")
    mark = loaded.marks[("sections", "measures", "intro")]
    assert (mark.line, mark.column, mark.key_line, mark.key_column) == (4, 12, 4, 5)


def test_missing_file_is_a_load_error(tmp_path):
    with pytest.raises(LoadError):
        load_yaml(tmp_path / "absent.yaml")
