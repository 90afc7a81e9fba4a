"""Report kinds are data: `templates/<kind>/kind.yaml` beside that kind's templates.

A kind lists its parts in order, each with a heading per locale and its rules. Adding a kind
means adding a folder; no Python changes. Kinds are found by listing folders on the search path.
"""

from __future__ import annotations

import os
import stat
import string
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from genreport.data.load import load_yaml
from genreport.data.model import Locale
from genreport.errors import KindError, Text
from genreport.resources import kind_search_path, per_file_version

KIND_FILE = "kind.yaml"
TITLE_FIELDS = ("issuer", "year")


class PerLocale(BaseModel):
    """A text in each supported locale."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)
    zh_cn: str = Field(alias="zh-CN")
    en: str

    def __call__(self, locale: Locale) -> str:
        return self.zh_cn if locale == "zh-CN" else self.en


class SectionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    heading: PerLocale
    guidance: PerLocale | None = None
    required: bool = True
    min_chars: int = Field(default=0, ge=0)
    allow_none: bool = False


class KindSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    label: PerLocale
    title: PerLocale
    none_sentence: PerLocale
    sections: list[SectionSpec] = Field(min_length=1)
    directory: Path = Field(default=Path("."), exclude=True)

    def part_name(self, key: str) -> tuple[str, str]:
        """How a message names a part (zh, en): by its place and heading, as the clerk reads the
        report (第三部分“党政主要负责人……”), never by its key alone; an unknown key as it is."""
        for index, spec in enumerate(self.sections):
            if spec.key == key:
                numeral = "一二三四五六七八九十"[index] if index < 10 else str(index + 1)
                return f"第{numeral}部分“{spec.heading('zh-CN')}”", f"part {index + 1} ({key}, “{spec.heading('en')}”)"
        return key, key

    @field_validator("title")
    @classmethod
    def _title_placeholders(cls, title: PerLocale) -> PerLocale:
        """The title is filled with str.format: only {issuer} and {year}, and `{{`/`}}` for braces."""
        for text in (title.zh_cn, title.en):
            try:
                fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
            except ValueError as exc:
                raise ValueError(f"title {text!r}: {exc}; write {{{{ and }}}} for a literal brace") from None
            wrong = [f for f in fields if f not in TITLE_FIELDS]
            if wrong:
                raise ValueError(f"title {text!r}: unknown placeholder {{{wrong[0]}}}; only {{issuer}} and {{year}}")
        return title

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def section_keys(self) -> list[str]:
        return [s.key for s in self.sections]


def list_kinds() -> list[str]:
    names: set[str] = set()
    for folder in kind_search_path():
        if folder.is_dir():
            names.update(p.parent.name for p in folder.glob(f"*/{KIND_FILE}") if _confined_file(p))
    return sorted(names)


def kind_dirs(name: str) -> list[Path]:
    """Every folder on the search path that holds kind `name`; the first one wins."""
    return [folder / name for folder in kind_search_path() if _confined_file(folder / name / KIND_FILE)]


def _confined_file(path: Path) -> bool:
    """A regular file whose real path lies inside its own kind folder (no symlink out of it)."""
    try:
        real = Path(os.path.realpath(path))
        return real.is_relative_to(os.path.realpath(path.parent)) and stat.S_ISREG(os.stat(real).st_mode)
    except (OSError, ValueError):
        return False


def find_kind_dir(name: str) -> Path | None:
    found = kind_dirs(name)
    return found[0] if found else None


@per_file_version(maxsize=16)
def _load_kind_file(path: Path) -> KindSpec:
    loaded = load_yaml(path)
    if loaded.findings:
        first = loaded.findings[0]
        raise KindError(Text(f"{first.location}: {first.message.zh}", f"{first.location}: {first.message.en}"))
    try:
        spec = KindSpec.model_validate({**loaded.data, "directory": path.parent})
    except ValidationError as exc:
        problem = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise KindError(
            Text(f"{path}: 报告类型定义有误：{where}: {problem['msg']}", f"{path}: {where}: {problem['msg']}")
        ) from None
    if spec.name != path.parent.name:
        raise KindError(f"{path}: name {spec.name!r} must match its folder {path.parent.name!r}")
    return spec


def load_kind(name: str) -> KindSpec:
    """The kind called `name`, or KindError naming the kinds that exist."""
    folder = find_kind_dir(name)
    if folder is None:
        raise KindError(f"unknown report kind {name!r}; installed kinds: {', '.join(list_kinds()) or 'none'}")
    path = folder / KIND_FILE
    return _load_kind_file(path)
