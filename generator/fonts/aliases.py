"""fontconfig aliases: the official font names of the .docx mapped to the open fonts the PDF uses.

A .docx names 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 and 宋体 (docx/styles.py). On a Linux
machine without them, LibreOffice asks fontconfig, which answers with its default sans (Noto Sans
CJK) for every role: the reviewer sees a document in 黑体-like sans throughout. `make setup`
installs the rules written here (.ci/font-aliases), made from the print stylesheet's roles: every
official name of a role -> the role's first open substitute, at the role's weight (小标宋: Noto
Serif CJK SC Bold). `genreport fonts` says whether they are in place.

    python -m genreport.fonts.aliases        prints the rules (what .ci/font-aliases installs)
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from xml.sax.saxutils import escape

from genreport.fonts.roles import roles_of
from genreport.resources import print_stylesheet

FILE_NAME = "65-genreport-official-fonts.conf"


@dataclass(frozen=True)
class Alias:
    name: str  # the official name a document asks for
    family: str  # the open font fontconfig gives instead
    bold: bool


def aliases() -> list[Alias]:
    """Each official name of the zh-CN print stylesheet's roles, with the role's first open substitute."""
    out = []
    for role in roles_of(print_stylesheet("zh-CN")):
        if role.substitutes:
            out += [Alias(name, role.substitutes[0], role.weight >= 600) for name in role.official]
    return out


def aliases_xml() -> str:
    """fontconfig rules: each official name falls back to its open font, as an `<accept>` of an
    alias, so that a machine with the official font installed keeps it (an `assign` would replace
    the real 仿宋_GB2312 by FandolFang everywhere). 方正小标宋 alone is assigned, with bold, and only
    for LibreOffice (prgname soffice): its stand-in is Noto Serif CJK SC Bold, which an alias cannot
    ask for, and no other program (genreport's own PDF lookups included) sees that rule."""
    rules = []
    for alias in aliases():
        name, family = escape(alias.name), escape(alias.family)
        if alias.bold:  # 小标宋: only a match can ask for the bold face its stand-in needs
            rules.append(
                "  <match target='pattern'><test name='prgname' compare='contains'><string>soffice</string></test>"
                f"<test name='family'><string>{name}</string></test>"
                f"<edit name='family' mode='assign' binding='strong'><string>{family}</string></edit>"
                "<edit name='weight' mode='assign'><const>bold</const></edit></match>"
            )
        else:
            rules.append(
                f"  <alias binding='same'><family>{name}</family><accept><family>{family}</family></accept></alias>"
            )
    return (
        "<?xml version='1.0'?>\n<!DOCTYPE fontconfig SYSTEM 'urn:fontconfig:fonts.dtd'>\n"
        "<!-- genreport: the .docx's official font names -> its PDF's open fonts (make setup: .ci/font-aliases) -->\n"
        "<fontconfig>\n" + "\n".join(rules) + "\n</fontconfig>\n"
    )


def resolved(name: str) -> str | None:
    """The family fontconfig gives for `name` (fc-match), or None without fontconfig's tools."""
    tool = shutil.which("fc-match")
    if tool is None:
        return None
    try:
        done = subprocess.run(
            [tool, "-f", "%{family[0]}", name], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def status() -> tuple[bool | None, list[tuple[str, str, str | None]]]:
    """(all in place, [(official name, wanted family, what fontconfig gives)]) for one name per role."""
    seen: dict[str, Alias] = {}
    for alias in aliases():
        seen.setdefault(alias.family + str(alias.bold), alias)
    # 小标宋's rule is LibreOffice's alone (prgname soffice): asked as LibreOffice asks
    rows = [(a.name, a.family, resolved(f"{a.name}:prgname=soffice.bin" if a.bold else a.name)) for a in seen.values()]
    if any(got is None for _, _, got in rows):
        return None, rows
    return all(got == family for _, family, got in rows), rows


if __name__ == "__main__":
    import sys

    sys.stdout.write(aliases_xml())
