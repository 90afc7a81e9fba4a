"""verify-layout's words in Chinese, for a clerk whose locale is Chinese (or names none: C.UTF-8).

Each check is named by its stable id (results.CHECK_IDS), so a check whose English wording
changes keeps its Chinese; a test lists every id and fails on one missing here. What a check
measured (its detail) is put in Chinese phrase by phrase (`detail_zh`); numbers, font names and
the document's own text stay as measured.
"""

from __future__ import annotations

import re

from genreport.verify.results import FAIL, NA, NOT_VERIFIED, OK, Status

STATUS_ZH: dict[Status, str] = {OK: "符合", FAIL: "不符合", NOT_VERIFIED: "未能验证", NA: "不适用"}

CHECKS_ZH: dict[str, str] = {
    "layout-kind": "zh-CN 版式",
    "draft-mark": "每页都有征求意见稿标识",
    "chart-font": "图表文字用黑体",
    "role-fonts-installed": "仿宋、黑体、楷体用本机为各角色确定的字体",
    "fonts-embedded": "字体全部嵌入并子集化",
    "cjk-punctuation-font": "汉字和“”—…《》用中文字体",
    "line-start-punctuation": "行首没有点号和后半括号引号",
    "stranded-heading": "标题不孤零零地留在页末",
    "en-margins": "页边距左、右、上 25 毫米，下 28 毫米",
    "en-page-numbers": "页码 10 磅，居中于版心下方；空白页和版记页不编页码",
    "en-fonts": "文字用样式表规定的字体角色",
    "page-size": "纸张 A4（210 × 297 毫米）",
    "grid": "字符网格",
    "left-margin": "左白边 28 ± 1 毫米",
    "text-width": "版心宽 156 毫米",
    "top-margin": "天头 37 ± 1 毫米（至首行字顶）",
    "lines-per-page": "每面排 22 行",
    "chars-per-line": "每行排 28 个字",
    "char-pitch": "字距 15.79 磅（156 毫米排 28 字）",
    "lines-on-grid": "每行都在网格上",
    "justified": "两端对齐：段中没有短行",
    "line-pitch": "行距 28.99 磅（225 毫米排 22 行）",
    "hanzi-pitch": "没有被拉开字距的行（字距不超过 15.79 磅的 8%）",
    "first-page-body": "首页显示正文",
    "body-size": "正文 3 号字（16 磅）",
    "body-colour": "正文黑色",
    "body-font": "正文用仿宋",
    "letterhead": "版头：发文机关标志、签发人、红色分隔线",
    "letterhead-mark": "发文机关标志：红色、居中、小标宋，上边缘距版心上边缘 35 毫米",
    "letterhead-number": "发文字号与签发人同处一行，各空一字",
    "letterhead-rule": "发文字号下 4 毫米处的红色分隔线，与版心等宽",
    "outside-text-block": "除页码和征求意见稿标记外，版心外不印任何内容",
    "a4-outside-text-block": "除页码和草稿标记外，版心外不印任何内容（a4.css）",
    "document-number": "发文字号 〔年份〕序号号",
    "title-lines": "长标题排成梯形或菱形（无孤字短行）",
    "title-size": "标题 2 号字（22 磅），居中",
    "title-font": "标题用小标宋",
    "recipient": "主送机关顶格，标题下空一行",
    "heading-3-font": "“1.”“（1）”层次和正文用仿宋",
    "heading-1-font": "“一、”标题用黑体，16 磅，不加粗",
    "heading-2-font": "“（一）”标题用楷体，16 磅，不加粗",
    "attachment-label": "附件另面编排，“附件N”用黑体，顶格于左上角",
    "attachments-note": "附件说明在正文下空一行、左空二字",
    "attachments-listed": "附件说明列出每个附件，各附件按序以“附件N”另面编排",
    "date-form": "成文日期用阿拉伯数字，年份写全，不编虚位",
    "signature-unsealed": "不加盖印章：发文机关署名右空二字，成文日期首字比署名首字右移二字",
    "signature-issuer": "署名在成文日期之上",
    "signature-sealed": "加盖印章：成文日期右空四字，署名以成文日期为准居中",
    "signature": "署名和成文日期",
    "signature-page": "署名与正文在同一页",
    "annotation": "附注在成文日期下一行，左空二字",
    "imprint-printer": "印发机关左空一字，印发日期右空一字",
    "imprint-copies": "抄送机关 4 号字，左右各空一字，末尾加句号",
    "imprint-foot": "版记在最后一页的最下面",
    "imprint-even-page": "版记在偶数页（最后一张纸的背面）",
    "imprint-rules": "版记分隔线与版心同宽，首末 0.35 毫米、中间 0.25 毫米，末条与版心下边缘重合",
    "page-numbers": "页码“— N —”，4 号宋体，在版心下边缘之下 7 毫米，单页居右、双页居左各空一字；空白页和版记页不编页码",
}


# What a check measured, in Chinese where its words are the usual ones (numbers, fonts and the
# document's own text stay as measured). Whole phrases first, then words; a detail with wording
# not listed here keeps its English words, never a wrong translation.
_DETAIL_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ended early to keep a heading or the signature with its text", "为使标题或落款与下文同页而提前结束的页"),
        (r"\(substitute for ([^)]+)\)", r"（\1 的替代字体）"),
        (r"\(stylesheet has no such role\)", "（样式表中没有这一角色）"),
        (r"\(the website version has none\)", "（网站版本不需要）"),
        (r"no date line \(YYYY年M月D日\) found", "没有找到成文日期行（YYYY年M月D日）"),
        (r"natural full lines", "自然满行"),
        (r"most on any line", "单行最多"),
        (r"characters on full lines", "满行字数"),
        (r"lines on body pages", "正文页每面行数"),
        (r"(\d+) body lines on page (\d+)", r"第 \2 页有 \1 行正文"),
        (r"(\d+) lines of text above the signature", r"落款之上有 \1 行正文"),
        (r"(\d+) lines measured", r"测量了 \1 行"),
        (r"(\d+) pages numbered", r"\1 页编了页码"),
        (r"(\d+) full-width rules found, want at least 2", r"找到 \1 条与版心同宽的线，应至少 2 条"),
        (r"(\d+) short lines", r"\1 个短行"),
        (r"(\d+) blank lines above", r"上空 \1 行"),
        (r"(\d+) blank lines", r"空 \1 行"),
        (r"(\d+) headings", r"\1 个标题"),
        (r"(\d+) fonts", r"\1 种字体"),
        (r"(\d+) lines", r"\1 行"),
        (r"note lists (\d+); attachment pages labelled", r"附件说明列出 \1 个；附件页标识"),
        (r"is on the next page, away from the date", "在下一页，与成文日期分开"),
        (r"pages off", "不符的页"),
        (r"all on the grid", "全部在网格上"),
        (r"not a draft", "不是草稿"),
        (r"no indicator chart", "没有指标图表"),
        (r"no attachment", "没有附件"),
        (r"no recipient", "没有主送机关"),
        (r"no document number", "没有发文字号"),
        (r"no page number", "没有页码"),
        (r"no body text found", "没有找到正文"),
        (r"no body text", "没有正文"),
        (r"no body line", "没有正文行"),
        (r"no text found", "没有找到文字"),
        (r"no line of Chinese characters", "没有汉字行"),
        (r"no line reaches the right margin", "没有一行排到右边"),
        (r"no unstretched full line", "没有未被拉开的满行"),
        (r"no issuer line directly above the date", "成文日期正上方没有署名行"),
        (r"no 一、 or （一） heading", "没有“一、”或“（一）”标题"),
        (r"no rule under the number line", "发文字号行下没有分隔线"),
        (r"no line under the mark", "发文机关标志下没有文字行"),
        (r"no ([版附]\S+)", r"没有\1"),
        (r"not in the role", "不在该角色的字体中"),
        (r"is not a (.+?) font", r"不是\1字体"),
        (r"thickness, width, bottom", "粗细、宽度、下缘"),
        (r"\bunsealed \((data|geometry)\)", r"不加盖印章（按\1）"),
        (r"\bsealed \((data|geometry)\)", r"加盖印章（按\1）"),
        (r"（按data）", "（按数据）"),
        (r"（按geometry）", "（按版面位置）"),
        (r"issuer centred", "署名居中"),
        (r"date starts (\S+) right", r"日期首字右移 \1 字"),
        (r"\bissuer (\S+) in\b", r"署名右空 \1 字"),
        (r"\bdate (\S+) in\b", r"日期右空 \1 字"),
        (r"\bright inset (\S+) characters", r"右空 \1 字"),
        (r"\bleft inset (\S+) characters", r"左空 \1 字"),
        (r"dash (\S+) mm below the text block", r"页码线在版心下 \1 毫米"),
        (r"\bindent (\S+) characters", r"缩进 \1 字"),
        (r"\bindent\b", "缩进"),
        (r"\bright margin\b", "右白边"),
        (r"letter-spacing", "字距调整"),
        (r"centre at", "中心在"),
        (r"\bcentre\b", "中心"),
        (r"\bwant\b", "应为"),
        (r"\bends\b", "结尾为"),
        (r"\bat x\b", "位于 x"),
        (r"\btop\b", "上"),
        (r"\bpage (\d+)", r"第 \1 页"),
        (r"^none$", "无"),
        (r"^all$", "全部"),
        (r"^black$", "黑色"),
        (r"\bmm\b", "毫米"),
        (r"(\d) pt\b", r"\1 磅"),
        (r"\boff\b", "偏离"),
    )
]


def detail_zh(detail: str) -> str:
    for pattern, replacement in _DETAIL_ZH:
        detail = pattern.sub(replacement, detail)
    return detail
