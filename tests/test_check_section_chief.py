"""Issue 24: what a section chief catches on a first read. Each rule on a tiny report of its own:
its code, line and column, its message in both languages; and the outputs never print an ordinal twice."""

from __future__ import annotations

import docx
import pytest
from conftest import line_of
from html_tree import parse
from typer.testing import CliRunner

from genreport.build import build_file
from genreport.checks import check_file
from genreport.cli import app

HEAD = """kind: rule-of-law-government
locale: zh-CN
year: 2023
issuer:
  name: 左云县人民政府
  level: county
signed_on: 2024-01-16
"""
PARTS = """sections:
  measures:
    subsections:
      - heading: 深化简政放权
        points:
          - 承接市级下放行政职权11项，全部落实到位，办理时限平均压缩一半以上。
          - 推行“一网通办”，政务服务事项网上可办率达到百分之九十以上。
  deficiencies:
    points:
      - 执法力量薄弱，主要原因是乡镇执法队伍组建时间短，人员专业背景与执法事项不匹配。
  leaders_duties:
    intro: 县长主持召开县政府常务会议4次专题研究法治政府建设，作出批示10次。
  next_year:
    subsections:
      - heading: 全力创建法治政府建设示范县
        intro: 对照全省示范创建113项指标体系逐项创建，力争通过省级验收。
      - heading: 持续优化法治化营商环境
        intro: 深入推进“标准地+承诺制+全代办”改革，优化升级政务服务“一网通办”。
  other_matters:
    none: true
"""


def findings(check_text, text, code, previous=None):
    return [f for f in check_text(text, previous).findings if f.code == code]


def column_of(text, needle):
    line = text.splitlines()[line_of(text, needle) - 1]
    return line.index(needle) + 1


def at(finding, text, needle):
    return (finding.location.line, finding.location.column) == (line_of(text, needle), column_of(text, needle))


# ---------------------------------------------------------------- year-mismatch


def test_year_mismatch_title_heading_and_preamble(check_text):
    text = HEAD + "title: 左云县人民政府2022年法治政府建设年度报告\n"
    text += "preamble: 2023年，县政府坚持依法行政。现将我县2022年度法治政府建设工作情况报告如下。\n"
    text += PARTS.replace("  measures:\n", "  measures:\n    heading: 2022年推进法治政府建设的主要举措和成效\n")
    text = text.replace("  next_year:\n", "  next_year:\n    heading: 2023年推进法治政府建设的主要安排\n")
    found = {f.field: f for f in findings(check_text, text, "year-mismatch")}
    assert set(found) == {"title", "preamble", "sections.measures.heading", "sections.next_year.heading"}
    assert at(found["title"], text, "2022年法治")
    assert at(found["sections.measures.heading"], text, "2022年推进")
    # The preamble names 2023 first (not read); the caret is on the 2022 of its 现将…报告如下.
    assert found["preamble"].location.line == line_of(text, "preamble:")
    assert found["preamble"].location.column == column_of(text, "2022年度")
    assert found["title"].message.zh == "标题写的是2022年，本报告是2023年度的"
    assert found["title"].message.en == "the title names 2022, but this is the 2023 report"
    assert found["sections.next_year.heading"].hint.zh == "改为2024年"
    assert "第四部分" in found["sections.next_year.heading"].message.zh


def test_year_mismatch_allows_next_years_plans_beside_this_year(check_text):
    text = HEAD + "title: 左云县人民政府关于2023年法治政府建设情况和2024年工作安排的报告\n"
    text += "preamble: 现将我县2023年度法治政府建设情况和2024年工作安排报告如下。\n" + PARTS
    assert findings(check_text, text, "year-mismatch") == []
    alone = text.replace("关于2023年法治政府建设情况和2024年", "关于2024年")
    assert [f.field for f in findings(check_text, alone, "year-mismatch")] == ["title"]


def test_year_mismatch_leaves_spans_book_titles_and_next_year_alone(check_text):
    text = (
        HEAD
        + "title: 左云县人民政府2023年法治政府建设年度报告\n"
        + PARTS.replace(
            "  measures:\n",
            "  measures:\n    heading: 2023年落实《法治政府建设实施纲要（2021—2025年）》的主要举措和成效\n",
        ).replace("  next_year:\n", "  next_year:\n    heading: 2024年推进法治政府建设的主要安排\n")
    )
    assert findings(check_text, text, "year-mismatch") == []


# ---------------------------------------------------------------- typed ordinals


TYPED = PARTS.replace("          - 承接市级下放行政职权11项", "          - 一是承接市级下放行政职权11项").replace(
    "          - 推行“一网通办”",
    "          - lead: （2）推行“一网通办”。\n            text: 政务服务事项网上可办率达到百分之九十以上，",
)


def test_typed_ordinal_is_a_warning_at_its_column(check_text):
    text = HEAD + TYPED
    found = findings(check_text, text, "typed-ordinal")
    assert [f.field for f in found] == [
        "sections.measures.subsections[0].points[0].text",
        "sections.measures.subsections[0].points[1].lead",
    ]
    assert at(found[0], text, "一是承接") and at(found[1], text, "（2）推行")
    assert found[0].message.zh == "要点开头手打了序号“一是”：genreport 按位置自动编号，手打的不再印出"
    assert found[0].message.en.startswith('the point starts with a typed ordinal "一是"')
    assert found[0].hint.zh == "删去“一是”" and found[0].hint.en == 'delete "一是"'


def test_ordinal_that_disagrees_with_its_place_is_an_error(check_text):
    text = HEAD + TYPED.replace("一是承接", "三是承接")
    (found,) = findings(check_text, text, "ordinal-position")
    assert found.severity.value == "error" and at(found, text, "三是承接")
    assert found.message.zh == "手打的序号“三是”与位置不符：这是第1个要点，按位置编号"
    assert found.message.en.startswith('the typed ordinal "三是" disagrees with its place: this is point 1')


@pytest.mark.parametrize("start", ["第一责任人", "1.5万", "首先要", "2023年", "一、二季度", "5、6月份", "其次，"])
def test_words_that_only_look_like_ordinals_are_left_alone(check_text, start):
    text = HEAD + PARTS.replace("          - 承接市级", f"          - {start}承接市级")
    assert findings(check_text, text, "typed-ordinal") == findings(check_text, text, "ordinal-position") == []


def test_a_lone_point_keeps_what_was_typed(check_text):
    text = HEAD + PARTS.replace("      - 执法力量薄弱", "      - 一是执法力量薄弱")
    assert findings(check_text, text, "typed-ordinal") == []


def test_no_output_prints_an_ordinal_twice(write, tmp_path):
    text = HEAD + TYPED.replace("- heading: 深化简政放权", "- heading: （一）深化简政放权")
    source = write(text)
    (tmp_path / "out").mkdir()
    build_file(source, tmp_path / "out", formats=("html", "md", "docx", "pdf"), draft=True)
    md = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    words = "\n".join(p.text for p in docx.Document(next((tmp_path / "out").glob("*.docx"))).paragraphs)
    import pypdf

    pdf = "".join(page.extract_text() for page in pypdf.PdfReader(next((tmp_path / "out").glob("*.pdf"))).pages)
    pdf = "".join(pdf.split())
    for name, out in {"md": md, "docx": words, "pdf": pdf}.items():
        assert "一是承接市级" in out, name
        assert "一是一是" not in out and "二是（2）" not in out and "（一）（一）" not in out, name
        assert "二是推行“一网通办”。" in out, name
    points = [p.text for p in parse(html).find_all("p", "point")]
    assert points[0].startswith("一是承接市级") and points[1].startswith("二是推行“一网通办”。")
    assert "（一）（一）" not in html


# ---------------------------------------------------------------- last year's promises

LAST_YEAR = PARTS  # its next_year plans 示范县 and 营商环境
DEMO_SUBSECTION = (
    "      - heading: 示范县创建取得阶段性成效\n        intro: 对照113项指标逐项创建，完成106项。\n"
    "      - heading: 深化简政放权"
)


def _year(text, year):
    return text.replace("year: 2023", f"year: {year}").replace("signed_on: 2024-01-16", f"signed_on: {year + 1}-01-16")


def test_promise_unreported_names_the_plan_with_no_trace(check_text):
    last = _year(HEAD + LAST_YEAR, 2022)
    this = HEAD + PARTS.replace(
        "          - 推行“一网通办”", "          - 深入推进“标准地+承诺制+全代办”改革，优化营商环境，推行“一网通办”"
    )
    (found,) = findings(check_text, this, "promise-unreported", previous=last)
    assert found.message.zh == "上年报告安排的“全力创建法治政府建设示范县”在今年的报告中没有找到落实情况"
    assert (
        found.message.en == 'last year\'s report planned "全力创建法治政府建设示范县";'
        " this year's report does not say what became of it"
    )
    assert (found.location.line, found.location.column) == (line_of(this, "  measures:"), 3)
    assert found.related is not None and found.related.line == line_of(last, "- heading: 全力创建")
    assert "督察" in found.hint.zh
    # Reported on in other words: no warning.
    reported = this.replace(
        "      - heading: 深化简政放权",
        DEMO_SUBSECTION,
    )
    assert findings(check_text, reported, "promise-unreported", previous=last) == []


def test_init_from_records_last_year_and_check_reads_it(write, tmp_path):
    last = write(
        _year(
            HEAD
            + "title: 左云县人民政府2022年法治政府建设年度报告\n"
            + LAST_YEAR.replace("  next_year:\n", "  next_year:\n    heading: 2023年推进法治政府建设的主要安排\n"),
            2022,
        ),
        "zuoyun-2022.zh-CN.yaml",
    )
    (tmp_path / "next").mkdir()
    target = tmp_path / "next" / "zuoyun-2023.zh-CN.yaml"
    result = CliRunner().invoke(app, ["init", "--from", str(last), "-o", str(target)])
    assert result.exit_code == 0, result.output
    made = target.read_text(encoding="utf-8")
    assert "# genreport: previous ../zuoyun-2022.zh-CN.yaml" in made
    assert "heading: 2024年推进法治政府建设的主要安排" in made
    assert "上年标题写了年份，已顺延为2024" in made.splitlines()[line_of(made, "heading: 2024年") - 2]
    # Written as this year's file, with no --previous: last year's plans are looked for.
    written = made.replace("【待填】", "")  # not a real report, but the placeholders are not the point here
    target.write_text(written, encoding="utf-8")
    codes = {f.code for f in check_file(target).findings}
    assert "promise-unreported" in codes and "previous-unreadable" not in codes
    target.write_text(written.replace("previous ../zuoyun-2022", "previous ../nowhere-2022"), encoding="utf-8")
    (gone,) = [f for f in check_file(target).findings if f.code == "previous-unreadable"]
    assert (gone.location.line, gone.location.column) == (line_of(written, "# genreport: previous"), 1)
    assert "不存在" in gone.message.zh and "does not exist" in gone.message.en
    # A record never opens anything but a data file.
    target.write_text(written.replace("previous ../zuoyun-2022.zh-CN.yaml", "previous /etc/passwd"), encoding="utf-8")
    (other,) = [f for f in check_file(target).findings if f.code == "previous-unreadable"]
    assert "不是 YAML 数据文件" in other.message.zh and "root:" not in other.message.zh


def test_diff_shows_last_years_plans_beside_this_years_places(write):
    last = write(_year(HEAD + LAST_YEAR, 2022), "last.yaml")
    this = write(
        HEAD
        + PARTS.replace(
            "      - heading: 深化简政放权",
            DEMO_SUBSECTION,
        ),
        "this.yaml",
    )
    result = CliRunner().invoke(app, ["diff", str(last), str(this)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("== 上年安排的落实情况 ==")
    assert lines[start + 1] == "1. 全力创建法治政府建设示范县 → 一（一） 示范县创建取得阶段性成效"
    assert lines[start + 2] == "2. 持续优化法治化营商环境 → 未找到（check 报 promise-unreported）"


# ---------------------------------------------------------------- 督察 review


def test_missing_causes(check_text):
    text = HEAD + PARTS.replace("，主要原因是乡镇执法队伍组建时间短，人员专业背景与执法事项不匹配", "，执法装备不足")
    (found,) = findings(check_text, text, "missing-causes")
    assert (found.location.line, found.location.column) == (line_of(text, "  deficiencies:"), 3)
    assert (
        found.message.zh == "第二部分只写了不足，没有写原因"
        and found.message.en == "part 2 names shortcomings but gives no cause"
    )
    assert "《法治政府建设与责任落实督察工作规定》" in found.hint.zh and "不足和原因" in found.hint.zh
    assert findings(check_text, HEAD + PARTS, "missing-causes") == []
    # A part still holding init's prompt is not reviewed yet: the placeholder comes first.
    prompt = HEAD + PARTS.replace(
        "      - 执法力量薄弱", "      - 【待填】具体做法、成效和数据\n      - 执法力量薄弱"
    ).replace("，主要原因是乡镇执法队伍组建时间短，人员专业背景与执法事项不匹配", "")
    assert findings(check_text, prompt, "missing-causes") == [] and findings(check_text, prompt, "placeholder")
    # The part's own heading names 原因 but gives none.
    headed = text.replace("  deficiencies:\n", "  deficiencies:\n    heading: 存在的不足和原因\n")
    assert [f.code for f in findings(check_text, headed, "missing-causes")] == ["missing-causes"]


def test_stock_shortcoming(check_text):
    text = HEAD + PARTS.replace(
        "    points:\n      - 执法力量",
        "    points:\n      - 与上级要求相比，法治政府建设还存在一定差距。\n      - 执法力量",
    )
    (found,) = findings(check_text, text, "stock-shortcoming")
    assert at(found, text, "还存在一定差距")
    assert found.message.zh == "这项不足只有套话“还存在一定差距”，没有说明具体是什么不足"
    assert found.message.en == 'this shortcoming is only the stock phrase "还存在一定差距"'
    assert findings(check_text, HEAD + PARTS, "stock-shortcoming") == []


def test_leader_acts(check_text):
    text = HEAD + PARTS.replace(
        "县长主持召开县政府常务会议4次专题研究法治政府建设，作出批示10次。",
        "全县上下高度重视法治政府建设，法治氛围日益浓厚。",
    )
    (found,) = findings(check_text, text, "leader-acts")
    assert (found.location.line, found.location.column) == (line_of(text, "  leaders_duties:"), 3)
    assert found.message.zh.startswith("第三部分没有点明党政主要负责人")
    assert found.message.en.startswith("part 3 never names the principal leader")
    assert "第一责任人职责" in found.hint.zh


# ---------------------------------------------------------------- placeholders in metadata


def test_placeholder_in_every_string_field(check_text):
    text = HEAD + "disclosure:\n  classification: 待定\ndistribution:\n  printed_by: TBD\n" + PARTS
    found = {f.field: f for f in findings(check_text, text, "placeholder")}
    assert set(found) == {"disclosure.classification", "distribution.printed_by"}
    assert at(found["disclosure.classification"], text, "待定")
    assert found["disclosure.classification"].message.zh == "占位符“待定”尚未替换"
    assert found["disclosure.classification"].message.en == 'placeholder "待定" left in the text'


EN = """kind: rule-of-law-government
locale: en
year: {year}
issuer:
  name: People's Government of Zuoyun County
signed_on: {signed}
sections:
  measures:
    subsections:
{measures}
  deficiencies:
    intro: Township case files lack evidence, mainly because most township officers work part time.
  leaders_duties:
    intro: The county head chaired five executive meetings on the rule of law and gave 12 instructions.
  next_year:
    subsections:
      - heading: Becoming a model county for rule-of-law government
        intro: We will work through the 113 indicators of the provincial model scheme one by one.
      - heading: Further improving the business environment under the rule of law
        intro: We will extend commitment-based approval of enterprise investment projects.
  other_matters:
    none: true
"""
BUSINESS = """      - heading: A better business environment
        intro: Commitment-based approval of enterprise investment projects handled 27 projects."""
MODEL = """      - heading: Progress towards the model county
        intro: Of the 113 indicators of the provincial model scheme, 106 were met."""


def test_promise_unreported_in_an_en_report_ignores_the_words_every_report_uses(check_text):
    last = EN.format(year=2022, signed="2023-01-16", measures=BUSINESS)
    (found,) = findings(
        check_text, EN.format(year=2023, signed="2024-01-16", measures=BUSINESS), "promise-unreported", previous=last
    )
    assert found.message.en == (
        'last year\'s report planned "Becoming a model county for rule-of-law government";'
        " this year's report does not say what became of it"
    )
    both = EN.format(year=2023, signed="2024-01-16", measures=MODEL + "\n" + BUSINESS)
    assert findings(check_text, both, "promise-unreported", previous=last) == []


def test_en_typed_first_is_dropped_and_the_sentence_reads_on(write, tmp_path):
    typed = BUSINESS.split("        intro:")[0] + (
        "        points:\n          - 'First, commitment-based approval handled 27 projects.'\n"
        "          - 'Second, approval times fell by 40%.'"
    )
    text = EN.format(year=2023, signed="2024-01-16", measures=typed)
    codes = [f.code for f in check_file(write(text)).findings if f.code in ("typed-ordinal", "ordinal-position")]
    assert codes == ["typed-ordinal", "typed-ordinal"]
    (tmp_path / "out").mkdir()
    build_file(write(text), tmp_path / "out", formats=("md",), draft=True)
    md = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    assert "First, commitment-based approval handled 27 projects." in md
    assert "Second, approval times fell by 40%." in md and "First, First" not in md and "Second, Second" not in md


def test_year_mismatch_in_an_en_report(check_text):
    text = EN.format(year=2023, signed="2024-01-16", measures=BUSINESS).replace(
        "\nsections:",
        "\ntitle: Zuoyun County 2022 Annual Report on the Rule-of-Law Government\n"
        "preamble: We hereby report on the building of a rule-of-law government in 2022 as follows.\nsections:",
    )
    found = {f.field: f for f in findings(check_text, text, "year-mismatch")}
    assert set(found) == {"title", "preamble"}
    assert at(found["preamble"], text, "2022 as follows")
    assert found["preamble"].message.en == "the preamble's announcing sentence names 2022, but this is the 2023 report"
    assert found["title"].hint.en == "change it to 2023"
