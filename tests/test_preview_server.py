"""`genreport preview` without a browser: loopback only, nothing served but its three routes,
every render survives bad input (the last good draft stays), the event stream follows saves,
findings link to their spot, and Ctrl-C ends the command cleanly."""

from __future__ import annotations

import json
import re
import shutil
import socket
from pathlib import Path

import pytest
from conftest import EXAMPLES
from preview_helpers import PreviewProcess, raw_get, running, wait_for
from typer.testing import CliRunner

from genreport.cli import app
from genreport.errors import GenreportError
from genreport.preview import render as render_module
from genreport.preview.links import candidates, element_ids
from genreport.preview.render import Renderer
from genreport.preview.server import require_loopback
from genreport.preview.session import Preview

ZUOYUN = EXAMPLES / "zuoyun-2023.zh-CN.yaml"
DRAFT = EXAMPLES / "draft-incomplete.zh-CN.yaml"
BROKEN_YAML = "kind: rule-of-law-government\nlocale: zh-CN\nyear: 2023\nsections:\n  measures: [unclosed\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A temp copy of the complete zh-CN example, free to edit."""
    return Path(shutil.copy(ZUOYUN, tmp_path / "report.zh-CN.yaml"))


# ------------------------------------------------------------------ binding: loopback only ---


@pytest.mark.parametrize(
    "host", ["0.0.0.0", "192.168.1.10", "10.0.0.1", "8.8.8.8", "::", "::1", "localhost", "example.com", ""]
)
def test_refuses_to_bind_anything_but_ipv4_loopback(report, host):
    with pytest.raises(GenreportError, match="loopback"):
        Preview(report, host=host, watch=False)


def test_require_loopback_accepts_loopback_addresses():
    assert require_loopback("127.0.0.1") == "127.0.0.1"
    assert require_loopback("127.0.0.2") == "127.0.0.2"


def test_binds_loopback_on_a_free_port(report):
    with running(report, watch=False) as preview:
        host, port = preview.server.server_address[:2]
        assert host == "127.0.0.1" and port > 0
        assert preview.url == f"http://127.0.0.1:{port}/"
        assert raw_get(preview.url, "/")[0] == 200


def test_busy_port_is_an_error_not_a_crash(report):
    with running(report, watch=False) as first:
        port = first.server.server_address[1]
        with pytest.raises(GenreportError, match=str(port)):
            Preview(report, port=port, watch=False)
        result = CliRunner().invoke(app, ["preview", str(report), "--port", str(port)])
        assert result.exit_code == 2, result.output


def test_the_command_has_no_host_option(report):
    result = CliRunner().invoke(app, ["preview", str(report), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "No such option" in result.output and "--host" in result.output  # refused for that reason, not another


def test_missing_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["preview", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2


# ------------------------------------------------------------ routes: nothing else served ---

OUTSIDE = [
    "/../../etc/passwd",
    "/../../../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/..%2f..%2fetc%2fpasswd",
    "//etc/passwd",
    "/etc/passwd",
    "/_preview/../../etc/passwd",
    "/_preview/%2e%2e/%2e%2e/etc/passwd",
    "/report.zh-CN.yaml",
    "/styles/web.css",
    "/templates/_common/base.html.j2",
    "/generator/cli.py",
    "/_preview/",
    "/favicon.ico",
]


@pytest.mark.parametrize("target", OUTSIDE)
def test_serves_no_file_and_no_traversal(report, target):
    with running(report, watch=False) as preview:
        status, body = raw_get(preview.url, target)
    assert status == 404
    assert b"root:" not in body and b"kind:" not in body and len(body) < 100


def test_only_get(report):
    with running(report, watch=False) as preview:
        for method in ("POST", "PUT", "DELETE"):
            assert raw_get(preview.url, "/", method=method)[0] == 501


def test_refuses_a_foreign_host_header(report):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the draft."""
    with running(report, watch=False) as preview:
        port = preview.server.server_address[1]
        assert raw_get(preview.url, "/", host=f"evil.example:{port}")[0] == 403
        assert raw_get(preview.url, "/_preview/fragment", host="evil.example")[0] == 403
        assert raw_get(preview.url, "/", host=f"localhost:{port}")[0] == 200


def test_page_is_builds_html_plus_panel_and_one_nonced_script(report):
    with running(report, watch=False) as preview:
        status, body = raw_get(preview.url, "/")
        page = body.decode()
    assert status == 200
    assert 'id="genreport-panel"' in page and 'id="genreport-report"' in page
    assert page.count("<script") == 1
    nonce = re.search(r'<script nonce="([^"]+)"', page).group(1)
    assert nonce == preview.server.nonce
    assert '<body class="report locale-zh-CN draft">' in page
    assert "左云县人民政府" in page and "检查通过" in page


def test_fragment_is_the_draft_and_panel_as_json(report):
    with running(report, watch=False) as preview:
        status, body = raw_get(preview.url, "/_preview/fragment")
    data = json.loads(body)
    assert status == 200
    assert data["version"] == data["draftVersion"] == 1
    assert data["lang"] == "zh-CN" and data["bodyClass"] == "report locale-zh-CN draft"
    assert 'class="part"' in data["body"] and "web.css" in data["style"]
    assert data["panel"].startswith('<aside id="genreport-panel"')


# ------------------------------------------------------------- renders survive bad input ---


def test_syntax_error_keeps_the_last_good_draft(report):
    renderer = Renderer(report)
    good = renderer.render()
    report.write_text(BROKEN_YAML, encoding="utf-8")
    broken = renderer.render()
    assert broken.version == 2 and broken.draft_version == 1
    assert broken.draft == good.draft
    assert broken.state.stale and broken.state.stale_since
    assert "YAML 语法错误" in broken.panel and "gp-stale" in broken.panel
    assert "measures: [unclosed" in broken.panel  # the source line is quoted: it has no spot in the draft
    shutil.copy(ZUOYUN, report)
    fixed = renderer.render()
    assert fixed.draft_version == 3 and not fixed.state.stale and "检查通过" in fixed.panel


BAD_FILES = {
    "empty": b"",
    "tabs": b"kind: rule-of-law-government\n\tlocale: zh-CN\n",
    "gbk": "kind: 法治\n".encode("gbk"),
    "utf16": "kind: x\n".encode("utf-16"),
    "not a mapping": b"- 1\n- 2\n",
    "unknown kind": b"kind: nonsense\nlocale: zh-CN\nyear: 2023\n",
    "wrong types": b"kind: rule-of-law-government\nlocale: fr\nyear: soon\nsections: 3\n",
    "binary": bytes(range(256)),
    "alias bomb": b"a: &a [x, x]\nb: [*a, *a, *a]\n",
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_no_input_breaks_a_render(report, name):
    renderer = Renderer(report)
    renderer.render()
    report.write_bytes(BAD_FILES[name])
    snapshot = renderer.render()
    assert snapshot.state.stale and snapshot.draft_version == 1
    assert "gp-errors" in snapshot.panel


def test_a_deleted_file_shows_in_the_panel(report):
    renderer = Renderer(report)
    renderer.render()
    report.unlink()
    snapshot = renderer.render()
    assert snapshot.state.failure and "文件不存在" in snapshot.state.failure
    assert snapshot.draft_version == 1


def test_an_internal_error_shows_in_the_panel_instead_of_ending_the_server(report, monkeypatch):
    def broken(path, previous=None):
        raise RuntimeError("a bug in a rule")

    renderer = Renderer(report)
    renderer.render()
    monkeypatch.setattr(render_module, "render_draft_html", broken)
    snapshot = renderer.render()
    assert "RuntimeError: a bug in a rule" in snapshot.panel and snapshot.draft_version == 1


def test_first_render_of_a_broken_file_still_serves_a_page(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_YAML, encoding="utf-8")
    with running(path, watch=False) as preview:
        status, body = raw_get(preview.url, "/")
    assert status == 200 and "YAML 语法错误" in body.decode()


def test_panel_speaks_the_reports_language(tmp_path):
    path = Path(shutil.copy(EXAMPLES / "zuoyun-2023.en.yaml", tmp_path / "report.en.yaml"))
    renderer = Renderer(path)
    assert "no problems found" in renderer.render().panel
    path.write_text(path.read_text(encoding="utf-8") + "\n  broken: [\n", encoding="utf-8")
    assert "YAML syntax error" in renderer.render().panel  # still English: the locale is remembered


def test_user_text_in_findings_is_escaped(report):
    text = report.read_text(encoding="utf-8").replace(
        "document_number:", "document_number: <script>alert(1)</script> #", 1
    )
    report.write_text(text, encoding="utf-8")
    snapshot = Renderer(report).render()
    assert "<script>alert" not in snapshot.panel


# ------------------------------------------------------------------- links into the draft ---


def test_every_finding_of_the_draft_example_links_to_its_spot():
    snapshot = Renderer(DRAFT).render()
    state = snapshot.state
    ids = element_ids(snapshot.draft.body)
    links = dict(zip([(f.code, f.field) for f in state.findings], state.anchors, strict=True))
    assert links[("missing-section", "sections")] == "part-leaders_duties"
    assert links[("placeholder", "sections.measures.subsections[1].points[1].text")] == "part-measures-2-p2"
    assert links[("date-impossible", "signed_on")] == "signature"
    assert links[("percent-range", "indicators[2].value")] == "indicator-3"
    assert all(anchor in ids for anchor in state.anchors)
    for anchor in state.anchors:
        assert f'href="#{anchor}"' in snapshot.panel


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_ids_are_unique_in_every_example(path):
    body = Renderer(path).render().draft.body
    ids = re.findall(r'\sid="([^"]+)"', body)
    assert len(ids) == len(set(ids))


def test_field_paths_name_the_most_specific_element_first():
    assert candidates(("sections", "measures", "subsections", 1, "points", 0, "text")) == [
        "part-measures-2-p1",
        "part-measures-2",
        "part-measures",
    ]
    assert candidates(("sections", "deficiencies", "points", 2)) == ["part-deficiencies-p3", "part-deficiencies"]
    assert candidates(("sections", "measures", "intro")) == ["part-measures"]
    assert candidates(("indicators", 0, "value")) == ["indicator-1", "indicators"]
    assert candidates(("attachments", 1, "body")) == ["attachment-2"]
    assert candidates(("distribution", "printed_on")) == ["imprint"]
    assert candidates(()) == [] and candidates(("kind",)) == []


# ------------------------------------------------------------ watching and the event stream ---


def _events(url: str, timeout: float = 10.0):
    """The SSE stream's `data:` values, one per `render` event."""
    hostport = url.removeprefix("http://").rstrip("/")
    host, port = hostport.split(":")
    conn = socket.create_connection((host, int(port)), timeout=timeout)
    conn.sendall(f"GET /_preview/events HTTP/1.0\r\nHost: {hostport}\r\n\r\n".encode())
    stream = conn.makefile("rb")
    try:
        while line := stream.readline():
            if line.startswith(b"data: "):
                yield int(line[6:])
    finally:
        stream.close()
        conn.close()


def test_a_save_is_pushed_to_the_event_stream(report):
    with running(report) as preview:
        events = _events(preview.url)
        assert next(events) == 1  # the current version, at once
        report.write_text(report.read_text(encoding="utf-8").replace("统筹谋划", "预览推送测试"), encoding="utf-8")
        assert next(events) >= 2
        wait_for(lambda: "预览推送测试" in preview.snapshot.draft.body)
        events.close()


def test_an_editor_that_saves_by_renaming_is_followed(report):
    with running(report) as preview:
        temp = report.with_name(".report.zh-CN.yaml.swp")
        temp.write_text(report.read_text(encoding="utf-8").replace("统筹谋划", "改名保存测试"), encoding="utf-8")
        temp.replace(report)
        wait_for(lambda: "改名保存测试" in preview.snapshot.draft.body)


def test_a_broken_save_keeps_the_server_up(report):
    with running(report) as preview:
        report.write_text(BROKEN_YAML, encoding="utf-8")
        wait_for(lambda: preview.snapshot.state.stale)
        status, body = raw_get(preview.url, "/")
        assert status == 200
        page = body.decode()
        assert "YAML 语法错误" in page and "左云县人民政府" in page


def test_stopping_ends_open_event_streams(report):
    preview = Preview(report, watch=False)
    preview.start()
    events = _events(preview.url)
    assert next(events) == 1
    preview.stop()
    assert list(events) == []  # the stream ends instead of hanging


# -------------------------------------------------------------------- the command itself ---


def test_ctrl_c_stops_cleanly(report):
    with PreviewProcess(report) as server:
        assert raw_get(server.url, "/")[0] == 200
        status, out, err = server.interrupt()
    assert status == 0, err
    assert "Traceback" not in err and "Traceback" not in out
    assert "预览已停止" in err


# ------------------------------------------------------ same HTML as build; developer edits ---


def test_the_draft_is_exactly_what_build_draft_writes(tmp_path):
    from genreport.build import build_file
    from genreport.preview.page import split_draft

    built = build_file(DRAFT, tmp_path / "out", ["html"], draft=True).written[0].read_text(encoding="utf-8")
    with running(DRAFT, watch=False) as preview:
        page = raw_get(preview.url, "/")[1].decode()
    expected = split_draft(built)
    assert f'<div id="genreport-report" data-version="1">\n{expected.body}\n</div>' in page
    assert expected.head in page


def test_previous_years_file_feeds_the_checks(report):
    snapshot = Renderer(report, previous=report).render()  # this year copied word for word from "last year"
    assert any(f.code == "copied-from-previous" for f in snapshot.state.findings)


@pytest.fixture
def own_kind(tmp_path, monkeypatch) -> Path:
    """A copy of the minimal test kind on GENREPORT_KIND_PATH, free to edit, and a report of that kind."""
    kinds = tmp_path / "kinds"
    shutil.copytree(Path(__file__).parent / "data" / "kinds" / "minimal", kinds / "minimal")
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    report = tmp_path / "brief.yaml"
    report.write_text(
        "kind: minimal\nlocale: zh-CN\nyear: 2023\nissuer: {name: 左云县司法局, level: department, parent: 左云县人民政府}\n"
        "signed_on: 2024-01-10\nsections:\n  summary:\n    intro: 全年办理法律援助案件60件。\n",
        encoding="utf-8",
    )
    return report


def test_a_template_edit_is_followed(own_kind):
    template = own_kind.parent / "kinds" / "minimal" / "sections" / "summary.html.j2"
    with running(own_kind) as preview:
        assert "本简报供内部参考。" in preview.snapshot.draft.body
        template.write_text(
            template.read_text(encoding="utf-8").replace("本简报供内部参考。", "模板修改已生效。"), encoding="utf-8"
        )
        wait_for(lambda: "模板修改已生效。" in preview.snapshot.draft.body)


def test_a_broken_template_keeps_the_last_good_draft(own_kind):
    template = own_kind.parent / "kinds" / "minimal" / "sections" / "summary.html.j2"
    renderer = Renderer(own_kind)
    renderer.render()
    template.write_text("{% extends 'part.html.j2' %}{% block body %}{{ oops( }}{% endblock %}", encoding="utf-8")
    snapshot = renderer.render()
    assert snapshot.state.failure and "summary.html.j2" in snapshot.state.failure
    assert snapshot.draft_version == 1 and "本简报供内部参考。" in snapshot.draft.body
