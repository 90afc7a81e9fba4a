"""verify-layout's words in Chinese, for a clerk whose locale is Chinese (or names none: C.UTF-8).

Each check is named by its stable id (results.CHECK_IDS), so a check whose English wording
changes keeps its Chinese; a test lists every id and fails on one missing here. What a check
measured (its detail: millimetres, points, page numbers) is printed as measured.
"""

from __future__ import annotations

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
