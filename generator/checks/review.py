"""What a 督察 review reads for first: parts 2 and 3 as the 2019 regulation words them.

《法治政府建设与责任落实督察工作规定》 lists what the annual report contains: the shortcomings
*and their causes* (不足和原因), and how the principal Party and government leaders performed
their duties as first persons responsible. A reviewer flags a part 2 that names shortcomings
without a cause, a shortcoming that is only a stock phrase (还存在一定差距), and a part 3 that
never says what the principal leader did (chaired, heard, instructed, studied). These rules read
words, not meaning: they are warnings, and each hint quotes the regulation's wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genreport.checks.placeholder_marks import placeholder_tokens
from genreport.checks.registry import Context, Problem, rule
from genreport.data.model import Section
from genreport.data.texts import paragraphs, section_texts
from genreport.errors import FieldPath, Severity, Text

DEFICIENCIES = "deficiencies"
LEADERS = "leaders_duties"
REGULATION = "《法治政府建设与责任落实督察工作规定》"

_CAUSE = {
    "zh-CN": re.compile(r"原因|由于|因为|根源|源于|导致|造成|在于|归因|究其"),
    "en": re.compile(r"\b(?:causes?|caused|because|due to|owing to|reasons?|stems? from|root)\b", re.IGNORECASE),
}
_LEADER = {
    "zh-CN": re.compile(r"书记|[县市省区州旗乡镇]长|主要负责|主要领导|第一责任人|厅长|局长|主任|党组|主席|班子"),
    "en": re.compile(
        r"\b(?:secretary|head|mayor|governor|director|principal|leaders?|chief|first persons?)\b", re.IGNORECASE
    ),
}
_ACT = {
    "zh-CN": re.compile(r"主持|召开|听取|批示|专题研究|研究部署|审议|调研|督办|述法|学法|专题学习|签批|部署|约谈|带头"),
    "en": re.compile(
        r"\b(?:chaired|convened|presided|heard|listened|instructions?|studied|study sessions?"
        r"|reviewed|inspected|deployed|reported on)\b",
        re.IGNORECASE,
    ),
}
# A shortcoming written as a stock phrase, and the filler words around one.
_STOCK = re.compile(
    r"(?:还|仍|仍然|尚)?(?:存在|有)(?:一定|较大|不少|一些)?的?(?:差距|不足|短板|薄弱环节|问题)"
    r"|(?:还|仍)?有待(?:进一步)?(?:加强|提高|提升|完善|改进|加大)"
    r"|(?:还|仍)?需(?:要)?(?:进一步)?(?:加强|提高|提升|完善|改进)"
    r"|(?:还|仍)?不够(?:到位|完善|深入|有力)?"
)
_FILLER = re.compile(
    r"法治政府建设|依法行政|工作|方面|与|同|上级|要求|相比|比较|先进地区|人民群众|期待|期盼|新形势|新任务|还|仍|在|等|我县|我市|我省|我区|"
    r"全县|全市|全省|全区|的|和|及|一些|部分|领域|[^\u4e00-\u9fff]"
)
_TODO = re.compile(r"(?<![A-Za-z])(?:TODO|TBD)(?![A-Za-z])")  # init's en prompt
STOCK_REST = 8  # fewer hanzi than this besides the stock phrase: the shortcoming names nothing


def _text(key: str, section: Section) -> str:
    """The part's text without its own heading: "存在的不足和原因" as a heading gives no cause."""
    return "\n".join(text for path, text in section_texts(key, section) if path != ("sections", key, "heading"))


def _written(ctx: Context, key: str) -> Section | None:
    """The part when it is written; not while it still holds a placeholder (init's 【待填】 prompts):
    the placeholder error asks for the text first, and a prompt is no shortcoming to review."""
    section = ctx.report.sections.get(key)
    if section is None or section.none or section.is_empty:
        return None
    text = _text(key, section)
    return None if placeholder_tokens(text) or _TODO.search(text) else section


@rule("missing-causes", Severity.WARNING)
def missing_causes(ctx: Context) -> Iterator[Problem]:
    section = _written(ctx, DEFICIENCIES)
    if section is None or _CAUSE[ctx.report.locale].search(_text(DEFICIENCIES, section)):
        return
    yield Problem(
        ("sections", DEFICIENCIES),
        Text("第二部分只写了不足，没有写原因", "part 2 names shortcomings but gives no cause"),
        Text(
            f"{REGULATION}要求写明“存在的不足和原因”：每项不足后写出原因，如“主要原因是……”",
            f'{REGULATION} asks for "the shortcomings and their causes": after each, give its cause'
            ' ("This is mainly because ...")',
        ),
        at_key=True,
    )


@rule("leader-acts", Severity.WARNING)
def leader_acts(ctx: Context) -> Iterator[Problem]:
    section = _written(ctx, LEADERS)
    if section is None:
        return
    text, locale = _text(LEADERS, section), ctx.report.locale
    leader, act = _LEADER[locale].search(text), _ACT[locale].search(text)
    if leader and act:
        return
    lacking = Text(
        "没有点明党政主要负责人" if not leader else "没有写主要负责人做了什么",
        "never names the principal leader" if not leader else "never says what the principal leader did",
    )
    yield Problem(
        ("sections", LEADERS),
        Text(
            f"第三部分{lacking.zh}（主持的会议、作出的批示、带头学法等）",
            f"part 3 {lacking.en} (meetings chaired, instructions given, law studied)",
        ),
        Text(
            f"{REGULATION}要求报告“党政主要负责人履行推进法治建设第一责任人职责”的情况：写明谁（书记、县长）做了什么、几次，"
            "如“县长主持召开县政府常务会议4次专题研究法治政府建设”",
            f'{REGULATION} asks how "the principal Party and government leaders performed their duties'
            ' as first persons responsible":'
            ' say who did what and how often, e.g. "the county head chaired 4 executive meetings on it"',
        ),
        at_key=True,
    )


def _shortcomings(section: Section) -> Iterator[tuple[FieldPath, str]]:
    base: FieldPath = ("sections", DEFICIENCIES)
    for paragraph in paragraphs(section.intro or ""):
        yield (*base, "intro"), paragraph
    for i, sub in enumerate(section.subsections):
        for k, point in enumerate(sub.points):
            yield (*base, "subsections", i, "points", k, "text"), f"{point.lead or ''}{point.text}"
    for k, point in enumerate(section.points):
        yield (*base, "points", k, "text"), f"{point.lead or ''}{point.text}"


@rule("stock-shortcoming", Severity.WARNING)
def stock_shortcoming(ctx: Context) -> Iterator[Problem]:
    section = _written(ctx, DEFICIENCIES)
    if section is None or ctx.report.locale != "zh-CN":
        return  # the stock phrases are Chinese ones
    for path, text in _shortcomings(section):
        stock = _STOCK.search(text)
        if stock is None or len(_FILLER.sub("", _STOCK.sub("", text))) >= STOCK_REST:
            continue
        yield Problem(
            path,
            Text(
                f"这项不足只有套话“{stock.group(0)}”，没有说明具体是什么不足",
                f'this shortcoming is only the stock phrase "{stock.group(0)}"',
            ),
            Text(
                f"{REGULATION}要求写明“存在的不足和原因”：写出哪项工作、差在哪里、有什么表现，再写原因",
                f'{REGULATION} asks for "the shortcomings and their causes": say which work falls short, how, and why',
            ),
            needle=stock.group(0),
        )
