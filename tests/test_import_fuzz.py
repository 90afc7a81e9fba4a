"""Any text at all imports without a traceback, and what it writes is a data file that loads and
validates (check may find errors: a missing part is an error, not a crash)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genreport.checks import check_file
from genreport.data.kinds import load_kind
from genreport.errors import GenreportError
from genreport.importer import import_file
from genreport.importer.yaml_out import write_yaml

FRAGMENTS = [
    "一、",
    "二、存在的不足和原因",
    "三、党政主要负责人履职情况",
    "四、下一步工作打算",
    "五、其他",
    "（一）",
    "（二）加强执法。",
    "一是",
    "二是",
    "三是",
    "1.",
    "（1）",
    "附件：",
    "附件",
    "抄送：",
    "印发",
    "2024年1月16日",
    "二〇二四年一月十六日",
    "（此件公开发布）",
    "索引号：",
    "发布日期：2024-01-17",
    "左政发[2024]第02号",
    "大同市人民政府：",
    "主要指标",
    "无。",
    "左云县人民政府",
    "2023年法治政府建设年度报告",
    "\t",
    "|",
    " ",
    "\u0003",
    "\u200b",
    ",",
    ":",
    "(",
    ")",
    "。",
    "First, ",
    "1. Main measures",
    "(1) ",
    "None.",
    "Attachment: ",
    "# ",
    "**",
    "- ",
    "> ",
    "---",
    "<p>",
    "</p>",
    "<br>",
    "<table><tr><td>",
]
line = st.lists(st.sampled_from(FRAGMENTS + list("县政府法治建设年了")), max_size=12).map("".join)
lines = st.lists(line, max_size=40)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=lines, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_imports_or_says_why(body: list[str], suffix: str, tmp_path: Path) -> None:
    source = tmp_path / f"input{suffix}"
    source.write_text("\n".join(body), encoding="utf-8")
    kind = load_kind("rule-of-law-government")
    try:
        imported = import_file(source, kind)
    except GenreportError:
        return  # an empty file: a one-line refusal
    target = tmp_path / "out.yaml"
    target.write_text(write_yaml(imported, kind, source.name, "genreport.schema.json"), encoding="utf-8")
    result = check_file(target)
    assert not [
        f for f in result.findings if f.code in ("yaml-syntax", "schema", "duplicate-key", "control-character")
    ], [(f.code, f.message.en) for f in result.findings]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".docx", ".html", ".txt"]))
def test_any_bytes_import_or_are_refused(data: bytes, suffix: str, tmp_path: Path) -> None:
    source = tmp_path / f"input{suffix}"
    source.write_bytes(data)
    try:
        import_file(source, load_kind("rule-of-law-government"))
    except GenreportError as error:
        assert error.message("zh-CN") and "\n" not in error.message("zh-CN").strip()
