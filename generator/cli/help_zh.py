"""`--help` in Chinese, for a user whose locale is Chinese (LANG=zh_CN.*).

The commands declare their help in English (typer reads it from the signatures); this module
holds the Chinese of every help text and swaps it in, with the formatter's own words (Usage,
Options...), before the command line is parsed. A help text missing here stays English, and a
test lists every one so that none is forgotten.
"""

from __future__ import annotations

import re
from typing import Any

HELP_ZH = {
    # genreport
    "Rule-of-law government annual reports from one YAML data file. / 由一个 YAML 数据文件生成法治政府建设年度报告。": "由一个 YAML 数据文件生成法治政府建设年度报告（PDF、HTML、Markdown）。",
    "Show the full traceback of an internal error (for bug reports).": "内部错误时显示完整的调用栈（用于报告问题）。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": "显示当前 shell 的补全脚本，以便复制或自行安装。",
    # check
    "Check a data file: missing sections, placeholders, wrong types, dates, figures. / 检查数据文件。": "检查数据文件：缺少的部分、未替换的占位符、类型错误、日期、数字。",
    "The report's YAML data file.": "报告的 YAML 数据文件。",
    "Last year's data file: warn on copied paragraphs and mismatched figures.": "上年度的数据文件：提示照抄的段落和对不上的数字。",
    "text for people, json for machines.": "text 供人阅读，json 供程序读取。",
    "Treat warnings as errors (exit 1).": "把警告也当作错误（退出码 1）。",
    "Language of the messages (default: the report's locale).": "提示信息的语言（默认：报告的语言）。",
    # build
    "Build the report: refuses while `check` finds errors, unless --draft. / 生成报告。": "生成报告：check 发现错误时拒绝生成，除非加 --draft。",
    "The report's YAML data file; several files or folders of them build as a batch.": "报告的 YAML 数据文件；多个文件或文件夹时批量生成。",
    "Output folder (default: build/<file name without .yaml>; a batch: build/, one folder per report). Files are named after the data file and locale: zuoyun-2023.zh-CN.pdf.": "输出文件夹（默认：build/<不含 .yaml 的文件名>；批量时为 build/，每份报告一个文件夹）。文件以数据文件名和语言命名，如 zuoyun-2023.zh-CN.pdf。",
    "Output formats, comma-separated or the option repeated: html, md, pdf, docx (default: html,md,pdf).": "输出格式，用逗号分隔或重复此选项（-f pdf -f docx）：html、md、pdf、docx（默认：html,md,pdf）。",
    "Build despite errors: mark DRAFT / 征求意见稿 and show missing parts in place.": "即使有错误也生成：标注“征求意见稿”，并在原处显示缺少的部分。",
    "Last year's data file, for the checks.": "上年度的数据文件，供检查使用。",
    "Folder of your own font files (e.g. 仿宋_GB2312), used first [env: GENREPORT_FONT_DIR].": "自备字体文件所在的文件夹（如 仿宋_GB2312），优先使用（环境变量 GENREPORT_FONT_DIR）。",
    "Refuse to build the PDF with a substitute for an official font.": "缺少规定字体、只能用替代字体时，不生成 PDF。",
    "A batch: reports built at once (default 0: one per CPU core).": "批量生成时同时生成的报告数（默认 0：每个 CPU 核心一份）。",
    # preview
    "Serve a live draft on 127.0.0.1 that follows every save, with check's findings. / 实时预览草稿。": "在 127.0.0.1 上实时预览草稿，每次保存后自动更新，并列出检查结果。",
    "Port on 127.0.0.1 (default: a free one).": "127.0.0.1 上的端口（默认：任一空闲端口）。",
    "Open the page in the default web browser (default: when this machine has a display).": "在默认浏览器中打开页面（默认：本机有图形界面时打开）。",
    # kinds
    "List the installed report kinds and their sections. / 列出已安装的报告类型及其各部分。": "列出已安装的报告类型及其各部分。",
    "Language of the headings (default: from the environment).": "标题的语言（默认：按系统语言）。",
    # init
    "Start a data file: a commented skeleton, or --from last year's file. / 新建数据文件。": "新建数据文件：带注释的骨架，或用 --from 从上年度文件结转。",
    "Last year's data file: carry it forward to the next year (it is never modified).": "上年度的数据文件：结转到下一年度（原文件不会被修改）。",
    "Report kind (see `genreport kinds`) [default: rule-of-law-government].": "报告类型（见 genreport kinds）（默认：rule-of-law-government）。",
    "Language of the report [default: from the environment].": "报告的语言（默认：发文机关名称为中文时 zh-CN，否则按系统语言）。",
    "Full name of the issuing body.": "发文机关全称。",
    "The year reported on [default: last year].": "报告所述年度（默认：上一年）。",
    "File to write; - for standard output [default: report-YEAR.LOCALE.yaml, or last year's name with the year moved on].": "要写入的文件；- 表示标准输出（默认：report-年度.语言.yaml，或上年度文件名中的年份加一）。",
    "Schema path or URL for the yaml-language-server line [default: genreport.schema.json, written beside the file].": "yaml-language-server 行所用的 Schema 路径或网址（默认：genreport.schema.json，写在数据文件旁）。",
    "Overwrite the output file if it exists.": "输出文件已存在时覆盖它。",
    # diff
    "What changed between two reports, part by part, and in the figures. / 比较两年的报告。": "比较两份报告：逐部分列出改动，以及数字的变化。",
    "The earlier data file.": "较早的数据文件。",
    "The later data file.": "较晚的数据文件。",
    "text for the terminal, md for a review.": "text 供终端查看，md 供审阅。",
    # schema
    "Write the JSON Schema of the data file, for editors. / 输出数据文件的 JSON Schema。": "输出数据文件的 JSON Schema，供编辑器校验和补全。",
    "File to write (default: standard output).": "要写入的文件（默认：标准输出）。",
    # fonts
    "Which font each role (仿宋, 小标宋, 黑体, 楷体, 宋体; en serif) resolves to, and whether it is a substitute. / 字体检查。": "列出每种字体角色（仿宋、小标宋、黑体、楷体、宋体；英文衬线体）实际使用的字体文件，以及是否为替代字体。",
    "Folder of your own font files, used first [env: GENREPORT_FONT_DIR].": "自备字体文件所在的文件夹，优先使用（环境变量 GENREPORT_FONT_DIR）。",
    "Only this locale's print stylesheet (default: both).": "只检查这一语言的打印样式表（默认：两种都检查）。",
    "Exit 1 when any role uses a substitute font.": "任一字体角色使用替代字体时退出码为 1。",
    # verify-layout
    "Measure a built PDF against GB/T 9704: each deviation with its clause. / 检查 PDF 版式。": "按 GB/T 9704 测量生成的 PDF：逐条列出不符合之处及所依据的条款。",
    "A report PDF built by genreport (zh-CN: GB/T 9704-2012).": "genreport 生成的报告 PDF（zh-CN：GB/T 9704-2012）。",
    "Treat 'not verified' as a deviation (exit 1).": "把“未能验证”也当作不符合（退出码 1）。",
    "List the checks that passed too.": "同时列出通过的检查项。",
    "Language of the output (default: from the environment; C.UTF-8 means zh-CN).": "输出的语言（默认：按系统语言；C.UTF-8 视为 zh-CN）。",
    "Read a published report (.docx, web page, text) into a data file. / 把已发布的报告导入为数据文件。": "把已发布的报告（.docx、网页、文本）导入为数据文件。",
    "The published report: .docx, .html/.htm (a saved web page), .txt or .md.": "已发布的报告：.docx、.html/.htm（保存的网页）、.txt 或 .md。",
    "Data file to write; - for standard output [default: FILE's name with .yaml].": "要写入的数据文件；- 表示标准输出（默认：与输入同名，扩展名为 .yaml）。",
    "Language of the report [default: detected from the text].": "报告的语言（默认：从文本判断）。",
    "A Word file's tracked changes: accept them (the final text), reject them, or refuse to import while there are any.": "Word 文件中的修订：accept 全部接受（按最终文字导入），reject 全部拒绝，refuse 有修订时拒绝导入并列出。",
    "Apply the reviewed file's changed texts and comments to this existing data file (only what changed is rewritten).": "把审阅稿中改动的文字和批注写回这个已有的数据文件（只改写改动之处）。",
    "yaml: the data file; docx: a fill-in Word form that genreport import reads back.": "yaml：数据文件；docx：供在 Word 中填写的表格文件，填好后用 genreport import 读回。",
    "With -f docx: every finding of check as a Word comment (批注) at its text; built as a draft when there are errors.": "与 -f docx 一起使用：把 check 的每条结果作为 Word 批注加在相应文字处；有错误时按征求意见稿生成。",
}

# The formatter's own words, replaced in the finished help text.
_WORDS = [
    ("Usage: ", "用法："),
    ("Options:", "选项："),
    ("Arguments:", "参数："),
    ("Commands:", "命令："),
    ("[OPTIONS]", "[选项]"),
    ("COMMAND [ARGS]...", "命令 [参数]..."),
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("[required]", "[必填]"),
    ("[default: ", "[默认："),
]


def localise(command: Any) -> None:
    """Put the Chinese help on `command` and every subcommand, in place."""
    if command.help in HELP_ZH:
        command.help = HELP_ZH[command.help]
        command.short_help = None
    for param in command.params:
        if getattr(param, "help", None) in HELP_ZH:
            param.help = HELP_ZH[param.help]
    original = command.get_help

    def get_help(ctx: Any) -> str:
        text: str = original(ctx)
        for english, chinese in _WORDS:
            text = text.replace(english, chinese)
        return text

    command.get_help = get_help
    for sub in getattr(command, "commands", {}).values():
        localise(sub)


# click's usage errors, line by line (the detail of a bad value may stay in click's words).
_USAGE_ERRORS = [
    (re.compile(r"^Usage: "), "用法："),
    (re.compile(r"^Try '(.+)' for help\.$"), r"运行 '\1' 查看帮助。"),
    (re.compile(r"^Error: Missing argument '(.+)'\.$"), r"错误：缺少参数 \1。"),
    (re.compile(r"^Error: Missing option '(.+)'\.$"), r"错误：缺少选项 \1。"),
    (re.compile(r"^Error: No such option: (\S+)(?: Did you mean (\S+)\?)?$"), r"错误：没有选项 \1"),
    (
        re.compile(r"^Error: No such command '([^']+)'\.(?: Did you mean (.+)\?)?$"),
        r"错误：没有命令 \1；可用的命令见 genreport --help",
    ),
    (
        re.compile(r"^Error: Got unexpected extra argument(?:s)?(?:\(s\))? \((.+)\)$"),
        r"错误：多余的参数：\1（开关选项如 --strict 后面不跟值）",
    ),
    (re.compile(r"^Error: Option '(.+)' requires an argument\.$"), r"错误：选项 \1 需要一个值"),
    (re.compile(r"^Error: Invalid value for (.+?): (.+)$"), r"错误：\1 的值无效：\2"),
    (re.compile(r"^Error: "), "错误："),
]


def usage_error_zh(text: str) -> str:
    """A usage error as click prints it, in Chinese."""
    out = []
    for line in text.splitlines():
        for pattern, replacement in _USAGE_ERRORS:
            if pattern.search(line):
                line = pattern.sub(replacement, line, count=1)
                break
        line = re.sub(r"(?:Value error, )?'([^']+)' is not one of (.+)\.$", r"“\1”不是可选值之一：\2", line)
        out.append(line.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]..."))
    return "\n".join(out)
