"""`genreport kinds`: the installed report kinds and their parts, as text for the terminal."""

from __future__ import annotations

from genreport.data.kinds import KindSpec
from genreport.data.model import Locale
from genreport.render.numbering import part_number

_LABELS = {
    "zh-CN": {"required": "必需", "optional": "可选", "none": "可写“无”", "and": "、"},
    "en": {"required": "required", "optional": "optional", "none": "may be none", "and": ", "},
}


def describe_kinds(kinds: list[KindSpec], locale: Locale) -> str:
    """One block per kind: its name and label, then each part's key, heading and rules."""
    labels = _LABELS[locale]
    blocks = []
    for kind in kinds:
        lines = [f"{kind.name}  {kind.label(locale)}  ({kind.directory})"]
        width = max(len(spec.key) for spec in kind.sections)
        for index, spec in enumerate(kind.sections):
            rules = [labels["required"] if spec.required else labels["optional"]]
            if spec.allow_none:
                rules.append(labels["none"])
            number = part_number(index + 1, locale)
            lines.append(f"  {spec.key.ljust(width)}  {number}{spec.heading(locale)}  [{labels['and'].join(rules)}]")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
