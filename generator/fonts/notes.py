"""What the PDF build says and uses about its fonts beyond the stylesheet: the chart's family, the substitute note.

* The indicator chart is inline SVG, and WeasyPrint does not carry the stylesheet's font
  variables into SVG text: `chart_family` is the family the 黑体 role resolved to (the en sheet:
  its sans role), for the template to name on the <svg> element. The web HTML gets none: web.css
  sets the svg's font-family there.
* `substitute_note` is the one line a build prints (stderr, the report's language) when roles of
  the print stylesheet use substitute fonts: which roles, which fonts, and how to give the
  official ones (--font-dir or GENREPORT_FONT_DIR). Issue 15 item 7.
"""

from __future__ import annotations

from genreport.errors import Text
from genreport.fonts.roles import FONT_DIR_ENV, FontSetup, Resolved, user_family

CHART_ROLES = ("hei", "sans")  # the first of these the sheet defines prints the chart's text


def family_of(resolved: Resolved) -> str | None:
    """The family name the PDF's font configuration knows the role's face by (a user's font: fonts/roles.user_family)."""
    if resolved.face is None:
        return None
    return user_family(resolved.face, resolved.role) if resolved.face.user else resolved.family


def chart_family(fonts: FontSetup) -> str | None:
    """The family the chart's text is set in: the 黑体 role's font (en: the sans role's), else the body's."""
    for key in CHART_ROLES:
        resolved = fonts.role(key)
        if resolved is not None and resolved.face is not None:
            return family_of(resolved)
    return family_of(fonts.body) if fonts.resolved else None


def substitute_note(fonts: FontSetup) -> Text | None:
    """One line naming the roles that use substitute fonts and how to supply the official ones; None when none do."""
    if not fonts.substitutes:
        return None
    zh = "、".join(f"{r.role.label('zh')}（{r.family or '未找到字体'}）" for r in fonts.substitutes)
    en = ", ".join(f"{r.role.label('en')} ({r.family or 'no font found'})" for r in fonts.substitutes)
    wanted_zh = "、".join(dict.fromkeys(r.role.official[0] for r in fonts.substitutes if r.role.official))
    wanted_en = ", ".join(dict.fromkeys(r.role.official[0] for r in fonts.substitutes if r.role.official))
    return Text(
        f"注意：PDF 中以下字体角色使用替代字体：{zh}。如有正式字体（{wanted_zh}），"
        f"用 --font-dir（或环境变量 {FONT_DIR_ENV}）指定其字体文件所在的文件夹；详见 genreport fonts",
        f"note: these font roles of the PDF use substitute fonts: {en}. To use the official fonts ({wanted_en}),"
        f" point --font-dir (or {FONT_DIR_ENV}) at a folder holding their files; see genreport fonts",
    )
