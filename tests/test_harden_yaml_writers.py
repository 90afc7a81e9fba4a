"""Every writer of YAML (import, init, init --from, the schema line) writes any text at all so that
the file loads back with exactly the keys the writer meant and exactly the strings it was given.

The texts are drawn from all of Unicode, weighted towards what YAML takes as a line break (LF, CR,
NEL, U+2028, U+2029), the C0 and C1 controls, the noncharacters, and what YAML's syntax means
(`#`, `:`, `- `, quotes, indentation), and they are planted in every place a writer puts source
text: values, comments beside and above keys, the header and footer. The file is read back by the
product's own loader; a comment that ended early or a block that let its text out would add keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from genreport.data.kinds import load_kind
from genreport.data.limits import without_controls
from genreport.data.load import load_yaml
from genreport.data.yamlsafe import comment_text
from genreport.errors import GenreportError
from genreport.importer import import_file
from genreport.importer.blocks import Notes, Where
from genreport.importer.recognise import Imported
from genreport.importer.yaml_out import write_yaml
from genreport.yearly.carry import carry_forward
from genreport.yearly.report_file import read_report
from genreport.yearly.scaffold import scaffold

KIND = load_kind("rule-of-law-government")
BREAKS = ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"]
NASTY = [*BREAKS, "\x00", "\x01", "\x1b", "\x7f", "\x80", "\x9b", "\x9f", "\ufeff", "\ufffe", "\uffff", "\u202e", "\t",
         "#", ": ", "- ", "'", '"', "|", ">", "  ", "indicators:", "letterhead:", "  - key: x", "---", "...", "&a", "*a",
         "!!python/object", "%YAML", "伪造 999999件", "2024-01-16", "yes", "null", "~", "0x1F", "1e309"]  # fmt: skip
pieces = st.one_of(st.sampled_from(NASTY), st.text(max_size=6), st.characters(codec="utf-8"))
texts = st.lists(pieces, max_size=12).map("".join)
# A value a writer is given never holds a control character (import drops them, and `check` refuses
# them in a data file: test_harden_import_text); a comment may be given anything.
values = texts.map(without_controls)
nonempty = values.filter(lambda text: text.strip() != "")


def _loads(tmp_path: Path, text: str) -> Any:
    """The data the product's loader reads from `text`, and no finding about the file's syntax."""
    path = tmp_path / "written.yaml"
    path.write_bytes(text.encode("utf-8"))
    loaded = load_yaml(path)
    assert not loaded.findings, [(f.code, f.location.line, f.message.en) for f in loaded.findings]
    return loaded.data


def _shape(value: Any) -> Any:
    """The keys and the kind of every value: what a stray line of live YAML would change."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__


SETTINGS = settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _imported(t: list[str], locale: str) -> Imported:
    data: dict[str, Any] = {
        "kind": KIND.name, "locale": locale, "year": 2023, "issuer": {"name": t[0], "level": "county"},
        "recipient": t[1], "document_number": t[2], "title": t[3], "preamble": t[4],
        "sections": {
            "measures": {"heading": t[5], "intro": t[6], "subsections": [{"heading": t[7], "points": [{"lead": t[8], "text": t[9]}]}]},
            "deficiencies": {"points": [{"text": t[10]}, {"text": t[11] + "\n" + t[12]}]},
            "other_matters": {"none": True},
        },
        "attachments": [{"title": t[13], "body": t[14]}],
    }  # fmt: skip
    notes = Notes()
    notes.add("guessed", t[15], t[15], Where("paragraph", 3))
    return Imported(
        data=data,
        notes=notes,
        missing=[t[16]],
        figures=[(Where("paragraph", 4), t[17])],
        guessed_fields={"recipient": t[18], "title": t[19]},
        indicators=[{"key": "cases", "label": t[20], "value": 3, "previous": None, "unit": t[21]}],
    )


@SETTINGS
@given(
    t=st.lists(values, min_size=15, max_size=15),
    c=st.lists(texts, min_size=8, max_size=8),
    locale=st.sampled_from(["zh-CN", "en"]),
)
def test_import_writes_any_text_back_as_the_same_data(t: list[str], c: list[str], locale: str, tmp_path: Path) -> None:
    imported = _imported(t + c, locale)
    written = write_yaml(imported, KIND, source=c[7], schema=c[0])
    # every key and every string the importer meant, and nothing more (no live `indicators:`)
    assert _loads(tmp_path, written) == imported.data


def test_import_of_a_line_separator_in_a_figure_sentence_stays_a_comment(tmp_path: Path) -> None:
    """Issue 27's case: U+2028 in a figure sentence and a file name would end their `# ` lines."""
    ls = "\u2028"
    attack = f"办理案件3件{ls}indicators:{ls}  - key: fake{ls}    label: 伪造{ls}    value: 999999{ls}    unit: 件{ls}#"
    imported = _imported(["甲"] * 23, "zh-CN")
    imported.figures = [(Where("paragraph", 4), attack)]
    written = write_yaml(
        imported, KIND, source=f"报告{ls}letterhead:{ls}  issuer_mark: 伪造机关{ls}#.docx", schema="s.json"
    )
    data = _loads(tmp_path, written)
    assert "indicators" not in data and "letterhead" not in data
    assert "伪造 " not in written and "\\u2028indicators:" in written  # the comment shows the break as an escape


@SETTINGS
@given(issuer=nonempty, schema=texts)
def test_init_writes_any_issuer_and_schema_back_as_the_same_data(issuer: str, schema: str, tmp_path: Path) -> None:
    baseline = _loads(tmp_path, scaffold(KIND, "zh-CN", 2023, "左云县人民政府", "genreport.schema.json"))
    data = _loads(tmp_path, scaffold(KIND, "zh-CN", 2023, issuer, schema))
    assert data["issuer"]["name"] == issuer
    assert _shape(data) == _shape(baseline)


LAST, _ = read_report(EXAMPLES / "zuoyun-2023.zh-CN.yaml")


def _last_year(t: list[str]) -> Any:
    """The example report with `t` planted in its issuer, recipient, title, preamble and first point."""
    sections = dict(LAST.sections)
    measures = sections["measures"]
    first = measures.subsections[0]
    point = first.points[0].model_copy(update={"lead": t[4], "text": t[5]})
    first = first.model_copy(update={"heading": t[3], "intro": t[5], "points": [point]})
    sections["measures"] = measures.model_copy(
        update={"intro": t[6], "subsections": [first, *measures.subsections[1:]]}
    )
    issuer = LAST.issuers[0].model_copy(update={"name": t[0]})
    return LAST.model_copy(
        update={"issuer": issuer, "recipient": t[1], "title": t[2], "preamble": t[6], "sections": sections}
    )


@SETTINGS
@given(t=st.lists(nonempty, min_size=7, max_size=7), source=texts, schema=texts)
def test_init_from_writes_any_text_of_last_year_back_as_the_same_data(
    t: list[str], source: str, schema: str, tmp_path: Path
) -> None:
    baseline = _loads(
        tmp_path, carry_forward(_last_year(["甲"] * 7), KIND, "zuoyun-2023.yaml", "genreport.schema.json")
    )
    data = _loads(tmp_path, carry_forward(_last_year(t), KIND, source=source, schema=schema))
    assert _shape(data) == _shape(baseline)
    assert data["issuer"]["name"] == t[0] and data["recipient"] == t[1]
    assert data["sections"]["measures"]["subsections"][0]["heading"].replace("2024", "2023") == t[3].replace(
        "2024", "2023"
    )


@pytest.mark.parametrize("line_break", BREAKS)
def test_a_comment_line_never_holds_a_line_break(line_break: str) -> None:
    shown = comment_text(f"a{line_break}indicators: 1")
    assert not any(mark in shown for mark in "\n\r\x85\u2028\u2029") and "indicators: 1" in shown


def test_init_cli_with_a_line_break_in_the_schema_option(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    result = CliRunner().invoke(
        __import__("genreport.cli", fromlist=["app"]).app,
        [
            "init",
            "--issuer",
            "左云县人民政府\u2028letterhead:\u2028  signers: [王某某]",
            "--schema",
            "x.json\nletterhead:\n  signers: [王某某]",
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.output
    data = _loads(tmp_path, target.read_text(encoding="utf-8"))
    assert "letterhead" not in data
    assert data["issuer"]["name"] == "左云县人民政府\u2028letterhead:\u2028  signers: [王某某]"


def _without_none(value: Any) -> Any:
    """What the import writer writes of a value: None fields left out (an indicator's `previous` aside)."""
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None or key == "previous"}
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value


PAGE = ["左云县人民政府2023年法治政府建设年度报告", "一、上一年度推进法治政府建设的主要举措和成效", "（一）深入推进简政放权",
        "一是承接下放权限。全年承接市级下放行政职权11项，办理行政复议案件3件。", "二、存在的不足和原因", "一是法治意识仍需增强，原因在于培训不足。",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", "县长主持召开常务会议12次研究法治工作。", "四、下一年度推进法治政府建设的主要安排",
        "一是继续深化改革。", "五、其他需要报告的情况", "无。", "左云县人民政府", "2024年1月16日"]  # fmt: skip


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(t=st.lists(texts, min_size=6, max_size=6), name=texts, suffix=st.sampled_from([".html", ".txt"]))
def test_any_text_in_any_source_position_imports_as_the_same_data(
    t: list[str], name: str, suffix: str, tmp_path: Path
) -> None:
    """Through the readers and the recogniser: the file import writes holds exactly what it read."""
    lines = list(PAGE)
    for index, at in enumerate((0, 2, 3, 5, 7, 12)):  # title, subsection, points, signature
        lines[at] = lines[at][: len(lines[at]) // 2] + t[index] + lines[at][len(lines[at]) // 2 :]
    if suffix == ".html":
        escaped = [line.replace("&", "&amp;").replace("<", "&lt;") for line in lines]
        body = "<html><body>" + "".join(f"<p>{line}</p>" for line in escaped) + "</body></html>"
    else:
        body = "\n\n".join(lines)
    source = tmp_path / f"source{suffix}"
    source.write_text(body, encoding="utf-8", errors="surrogatepass")
    try:
        imported = import_file(source, KIND)
    except GenreportError:
        return  # refused in one line: nothing written
    written = write_yaml(imported, KIND, source=name + suffix, schema="genreport.schema.json")
    assert _loads(tmp_path, written) == _without_none(imported.data)
