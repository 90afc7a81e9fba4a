"""A data file that a command needs whole and valid (init --from, diff), or a GenreportError.

`check` reports problems as findings; these commands cannot do anything useful with a file
that does not validate, so they stop with its first problem and point at `check` for the rest.
"""

from __future__ import annotations

from pathlib import Path

from genreport.data.kinds import KindSpec
from genreport.data.load import load_yaml
from genreport.data.model import Report
from genreport.errors import GenreportError, Text


def read_report(path: Path) -> tuple[Report, KindSpec]:
    """The validated report in `path` and its kind."""
    from genreport.checks import field_names, validate  # the checks package registers every rule on import

    result = validate(load_yaml(path, field_names))
    if (
        result.report is None or result.kind is None or result.loaded.repairs is not None
    ):  # a slip mended for `check` only
        first = result.findings[0] if result.findings else None
        zh = f"：{first.location}: {first.message.zh}" if first else ""
        en = f": {first.location}: {first.message.en}" if first else ""
        raise GenreportError(
            Text(
                f"{path} 无法读取为报告数据{zh}（运行 genreport check {path} 查看全部问题）",
                f"{path} is not a valid report{en} (run genreport check {path} for every problem)",
            )
        )
    return result.report, result.kind
