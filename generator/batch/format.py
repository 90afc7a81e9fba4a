"""What a batch build prints: a progress line per report as it ends, then one summary table."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from genreport.batch.jobs import BUILT, FAILED, REFUSED, SKIPPED, Outcome

_WORDS = {
    "zh": {"file": "文件", "result": "结果", "pages": "页数", "seconds": "秒", "errors": "错误", "warnings": "警告",
           "output": "输出", BUILT: "已生成", REFUSED: "未生成", FAILED: "失败", SKIPPED: "已跳过",
           "skipped_total": "；跳过 {skipped} 个指向文件夹之外的符号链接",
           "skipped_why": "已跳过：这是指向所在文件夹之外的符号链接，未读取",
           "total": "共 {n} 份：已生成 {built}，因错误未生成 {refused}，失败 {failed}；"
                    "用时 {seconds:.1f} 秒（{workers} 个进程）"},
    "en": {"file": "file", "result": "result", "pages": "pages", "seconds": "seconds", "errors": "errors",
           "warnings": "warnings", "output": "output", BUILT: "built", REFUSED: "refused", FAILED: "failed",
           SKIPPED: "skipped", "skipped_total": "; {skipped} symbolic links out of their folder skipped",
           "skipped_why": "skipped: a symbolic link to a file outside its folder, not read",
           "total": "{n} reports: {built} built, {refused} refused, {failed} failed"
                    " in {seconds:.1f} s ({workers} workers)"},
}  # fmt: skip


def _words(lang: str) -> dict[str, str]:
    return _WORDS["zh" if lang.startswith("zh") else "en"]


def _name(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return os.path.abspath(path) if relative.startswith("..") else relative  # a link named, not its target


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def progress_line(outcome: Outcome, done: int, total: int, lang: str) -> str:
    """`[ 3/12] built    examples/zuoyun.yaml  18 pages  1.21 s`"""
    words = _words(lang)
    pages = f"  {outcome.pages} {words['pages']}" if outcome.pages is not None else ""
    counter = f"[{done:>{len(str(total))}}/{total}]"
    return f"{counter} {words[outcome.status]:<8} {_name(outcome.source)}{pages}  {outcome.seconds:.2f} s"


def table(outcomes: Sequence[Outcome], seconds: float, workers: int, lang: str) -> str:
    words = _words(lang)
    header = [words[k] for k in ("file", "result", "pages", "seconds", "errors", "warnings", "output")]
    rows = [header] + [
        [
            _name(o.source),
            words[o.status],
            str(o.pages) if o.pages is not None else "-",
            f"{o.seconds:.2f}",
            str(o.errors),
            str(o.warnings),
            _name(o.out_dir) if o.out_dir else "-",
        ]
        for o in outcomes
    ]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]
    numeric = {2, 3, 4, 5}
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in numeric else cell + pad)
        lines.append("  ".join(cells).rstrip())
    count = {status: sum(o.status == status for o in outcomes) for status in (BUILT, REFUSED, FAILED, SKIPPED)}
    lines.append(
        words["total"].format(
            n=len(outcomes) - count[SKIPPED],
            built=count[BUILT],
            refused=count[REFUSED],
            failed=count[FAILED],
            seconds=seconds,
            workers=workers,
        )  # fmt: skip
        + (words["skipped_total"].format(skipped=count[SKIPPED]) if count[SKIPPED] else "")
    )
    return "\n".join(lines)


def skipped_line(outcome: Outcome, lang: str) -> str:
    """`reports/key.yaml: skipped: a symbolic link to a file outside its folder, not read`"""
    return f"{_name(outcome.source)}: {_words(lang)['skipped_why']}"


def reports(outcomes: Sequence[Outcome], lang: str = "zh-CN") -> str:
    """The findings of every report that has any, why each failure failed and each skip, headed by its file."""
    blocks = [
        f"== {_name(o.source)}\n{skipped_line(o, lang) if o.status == SKIPPED else o.report.rstrip()}"
        for o in outcomes
        if o.report.strip() or o.status == SKIPPED
    ]
    return "\n\n".join(blocks)
