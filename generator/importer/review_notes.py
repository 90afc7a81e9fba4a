"""The import report's lines for a reviewed Word file: one per revision (修订) and per comment (批注),
each with its author, date and a place a clerk finds; `--revisions refuse` turns the list into an error."""

from __future__ import annotations

from genreport.errors import GenreportError, Text
from genreport.importer.blocks import Notes, Where
from genreport.importer.revisions import KIND_WORDS, Review

_SHOWN = 40  # characters of a revision's or an anchor's text quoted in the report


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text[:_SHOWN] + ("…" if len(text) > _SHOWN else "")


def _when(date: str) -> str:
    return date[:10] if date else "?"


def _where(review: Review, wheres: dict[object, Where], block: object) -> Where | None:
    home = review.home(block)
    if home in wheres:
        return wheres[home]
    return None


def add_review_notes(review: Review, wheres: dict[object, Where], notes: Notes) -> None:
    """A "revision" line per tracked change and a "comment" line per comment, in the report."""
    applied = {"accept": ("已接受", "accepted"), "reject": ("已拒绝", "rejected"), "refuse": ("未处理", "not applied")}[
        review.mode
    ]
    for revision in review.revisions:
        zh_kind, en_kind = KIND_WORDS[revision.kind]
        who_zh = revision.author or "未署名"
        who_en = revision.author or "no author"
        notes.add(
            "revision",
            f"{zh_kind}（{who_zh}，{_when(revision.date)}，{applied[0]}）：“{_quote(revision.text)}”",
            f"{en_kind} ({who_en}, {_when(revision.date)}, {applied[1]}): “{_quote(revision.text)}”",
            _where(review, wheres, revision.block),
        )
    for kind, text, block in review.unread:
        zh_kind, en_kind = ("文本框", "text box") if kind == "textbox" else ("脚注或尾注", "footnote or endnote")
        zh_note = f"{zh_kind}中的文字未导入：“{_quote(text)}”"
        notes.add("left-out", zh_note, f"{en_kind} not imported: “{_quote(text)}”", _where(review, wheres, block))
    for comment in review.comments:
        who_zh = comment.author or "未署名"
        who_en = comment.author or "no author"
        anchor_zh = f"批注于“{_quote(comment.anchor)}”" if comment.anchor else "批注（未标出所指文字）"
        anchor_en = f"on “{_quote(comment.anchor)}”" if comment.anchor else "(anchored to no text)"
        notes.add(
            "comment",
            f"{who_zh}，{_when(comment.date)}，{anchor_zh}：{comment.text}",
            f"{who_en}, {_when(comment.date)}, {anchor_en}: {comment.text}",
            _where(review, wheres, comment.block),
        )


def refuse_revisions(review: Review, wheres: dict[object, Where], name: str) -> None:
    """--revisions refuse: raise with the list when the file holds any tracked change."""
    if not review.revisions:
        return
    notes = Notes()
    add_review_notes(Review(review.mode, review.revisions, [], review.merged), wheres, notes)
    lines = notes.of("revision")
    zh = "\n".join(f"  {n.where.text().zh if n.where else '全文'}: {n.message.zh}" for n in lines)
    en = "\n".join(f"  {n.where.text().en if n.where else 'whole document'}: {n.message.en}" for n in lines)
    raise GenreportError(
        Text(
            f"{name}: 含有 {len(lines)} 处未处理的修订，未导入（--revisions refuse）；"
            f"在 Word 中接受或拒绝后再导入，或用 --revisions accept / reject：\n{zh}",
            f"{name}: {len(lines)} tracked changes not resolved, nothing imported (--revisions refuse); "
            f"accept or reject them in Word, or use --revisions accept / reject:\n{en}",
        )
    )
