"""Issue 18 item 1 and the kind half of item 10: a kind folder is data, whatever it contains.

Every template runs in the immutable sandbox with a bounded range() budget, never reads a file
outside its kind folder, a kind that hides another one says so, and a kind title with a stray
brace or an unknown placeholder is a clear KindError rather than a KeyError.
"""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from conftest import DATA, output
from jinja2.sandbox import SecurityError
from test_kind_templates import MINIMAL_REPORT

from genreport.build import build_file
from genreport.errors import GenreportError, KindError, Severity


def _kind(tmp_path, monkeypatch, template: str | None = None, name: str = "minimal"):
    """A copy of the minimal kind on GENREPORT_KIND_PATH, its report.html.j2 replaced by `template`."""
    kinds = tmp_path / "kinds"
    shutil.copytree(DATA / "kinds" / "minimal", kinds / name)
    if template is not None:
        (kinds / name / "report.html.j2").write_text(template, encoding="utf-8")
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    data = tmp_path / "brief.yaml"
    data.write_text(MINIMAL_REPORT.format(locale="zh-CN"), encoding="utf-8")
    return kinds / name, data


def test_template_cannot_reach_python_internals(tmp_path, monkeypatch):
    _, data = _kind(tmp_path, monkeypatch, '{{ cycler.__init__.__globals__.os.popen("echo PWNED-$((6*7))").read() }}\n')
    with pytest.raises(GenreportError) as caught:
        build_file(data, tmp_path / "out", ["html"])
    assert "report.html.j2" in caught.value.message("zh-CN")
    assert not list((tmp_path / "out").glob("*.html"))


def test_template_cannot_mutate_the_document(tmp_path, monkeypatch):
    _, data = _kind(tmp_path, monkeypatch, "{{ doc.issuer_names.append('x') }}\n")
    with pytest.raises(GenreportError):
        build_file(data, tmp_path / "out", ["html"])


def test_nested_ranges_share_one_budget(tmp_path, monkeypatch):
    # 1,000 x 1,000 items: each range() alone is small; together they exceed the per-render budget
    template = "{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}ok\n"
    _, data = _kind(tmp_path, monkeypatch, template)
    with pytest.raises(GenreportError) as caught:
        build_file(data, tmp_path / "out", ["html"])
    assert "range()" in caught.value.message("en")


@pytest.mark.parametrize("expression", ["'x' * 10**8", "(9 ** 999999) > 0", "[0] * 10**7"])
def test_products_and_powers_are_bounded(tmp_path, monkeypatch, expression):
    _, data = _kind(tmp_path, monkeypatch, "{{ (" + expression + ") | length }}\n")
    with pytest.raises(GenreportError):
        build_file(data, tmp_path / "out", ["html"])


def test_a_template_type_error_is_a_render_error(tmp_path, monkeypatch):
    _, data = _kind(tmp_path, monkeypatch, "{{ 1 | length }}\n")
    with pytest.raises(GenreportError) as caught:
        build_file(data, tmp_path / "out", ["html"])
    assert "report.html.j2:1" in caught.value.message("en")


def test_a_small_range_still_renders(tmp_path, monkeypatch):
    _, data = _kind(tmp_path, monkeypatch, "{% for i in range(3) %}<b>{{ i }}</b>{% endfor %}{{ 'ab' * 2 }}\n")
    build_file(data, tmp_path / "out", ["html"])
    assert (output(tmp_path / "out", "html")).read_text(encoding="utf-8") == "<b>0</b><b>1</b><b>2</b>abab\n"


def test_template_symlink_out_of_the_kind_folder_is_not_read(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE\n", encoding="utf-8")
    folder, data = _kind(tmp_path, monkeypatch)
    (folder / "report.html.j2").symlink_to(secret)
    with pytest.raises(GenreportError) as caught:
        build_file(data, tmp_path / "out", ["html"])
    assert "TOP-SECRET-LINE" not in caught.value.message("en")
    assert not (tmp_path / "out").exists()


def test_template_symlink_inside_the_kind_folder_is_fine(tmp_path, monkeypatch):
    folder, data = _kind(tmp_path, monkeypatch)
    (folder / "real.html.j2").write_text("inside {{ doc.title }}\n", encoding="utf-8")
    (folder / "report.html.j2").symlink_to(folder / "real.html.j2")
    build_file(data, tmp_path / "out", ["html"])
    assert (output(tmp_path / "out", "html")).read_text(encoding="utf-8").startswith("inside ")


def test_kind_file_symlinked_out_of_its_folder_is_no_kind(tmp_path, monkeypatch):
    from genreport.data.kinds import find_kind_dir, list_kinds

    folder, _ = _kind(tmp_path, monkeypatch)
    outside = tmp_path / "elsewhere.yaml"
    shutil.move(folder / "kind.yaml", outside)
    (folder / "kind.yaml").symlink_to(outside)
    assert find_kind_dir("minimal") is None
    assert "minimal" not in list_kinds()


def test_a_kind_that_hides_the_bundled_one_says_so(tmp_path, monkeypatch):
    from genreport.checks import check_file

    kinds = tmp_path / "kinds"
    shutil.copytree(DATA.parent.parent / "templates" / "rule-of-law-government", kinds / "rule-of-law-government")
    monkeypatch.setenv("GENREPORT_KIND_PATH", str(kinds))
    result = check_file(DATA.parent.parent / "examples" / "zuoyun-2023.zh-CN.yaml")
    shadowed = [f for f in result.findings if f.code == "kind-shadowed"]
    assert len(shadowed) == 1 and shadowed[0].severity is Severity.WARNING
    assert str(kinds / "rule-of-law-government") in shadowed[0].message.zh  # which one wins
    assert result.kind is not None and result.kind.directory == kinds / "rule-of-law-government"
    monkeypatch.delenv("GENREPORT_KIND_PATH")
    assert not [
        f
        for f in check_file(DATA.parent.parent / "examples" / "zuoyun-2023.zh-CN.yaml").findings
        if f.code == "kind-shadowed"
    ]


@pytest.mark.parametrize("title", ["{issuer}{foo}年", "{issuer}{年", "{issuer.__class__}", "{0}"])
def test_kind_title_with_a_bad_placeholder_is_a_kind_error(tmp_path, monkeypatch, title):
    from genreport.data.kinds import load_kind

    folder, _ = _kind(tmp_path, monkeypatch)
    spec = (
        (folder / "kind.yaml")
        .read_text(encoding="utf-8")
        .replace('"{issuer}{year}年工作简报"', repr(title).replace("'", '"'))
    )
    (folder / "kind.yaml").write_text(spec, encoding="utf-8")
    with pytest.raises(KindError) as caught:
        load_kind("minimal")
    assert "title" in caught.value.message("en") and "报告类型定义有误" in caught.value.message("zh-CN")


def test_kind_title_with_doubled_braces_is_fine(tmp_path, monkeypatch):
    from genreport.data.kinds import load_kind

    folder, _ = _kind(tmp_path, monkeypatch)
    spec = (
        (folder / "kind.yaml").read_text(encoding="utf-8").replace('"{issuer}{year}年工作简报"', '"{{{issuer}}}{year}"')
    )
    (folder / "kind.yaml").write_text(spec, encoding="utf-8")
    assert load_kind("minimal").title.zh_cn == "{{{issuer}}}{year}"


def test_compiled_template_cache_is_private(tmp_path, monkeypatch):
    from genreport.render.sandbox import bytecode_cache

    shared = tmp_path / "jinja"
    shared.mkdir(mode=0o777)
    os.chmod(shared, 0o777)
    assert bytecode_cache(shared) is not None
    assert stat.S_IMODE(os.lstat(shared).st_mode) == 0o700
    fresh = tmp_path / "new" / "jinja"
    assert bytecode_cache(fresh) is not None and stat.S_IMODE(os.lstat(fresh).st_mode) == 0o700
    link = tmp_path / "link"
    link.symlink_to(shared)
    assert bytecode_cache(link) is None  # a symlinked cache folder is not trusted


def test_bytecode_an_unsandboxed_environment_cached_is_never_loaded(tmp_path, monkeypatch):
    """An older genreport compiled the same templates without the sandbox into the same folder."""
    from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

    from genreport.render.sandbox import bytecode_cache, make_environment

    folder = tmp_path / "jinja"
    folder.mkdir(mode=0o700)
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "x.j2").write_text("{{ ('x' * n) | length }}", encoding="utf-8")
    old = Environment(loader=FileSystemLoader(str(templates)), bytecode_cache=FileSystemBytecodeCache(str(folder)))
    assert old.get_template("x.j2").render(n=10**7) == str(10**7)  # compiled and cached without the sandbox
    fresh = make_environment(FileSystemLoader(str(templates)), bytecode_cache=bytecode_cache(folder))
    with pytest.raises(SecurityError):
        fresh.get_template("x.j2").render(n=10**7)  # the sandbox's own compilation intercepts `*`


@pytest.mark.parametrize(
    "expression",
    [
        "'x' | center(10**9)",
        "'x'.ljust(10**9)",
        "'%99999999s' % 'x'",
        "'%*s' % (10**8, 'x')",
        "'{:>99999999}'.format('x')",
        "'%99999999d' | format(1)",
        "('x' * 1000000).replace('x', 'x' * 1000)",
        "(['x' * 1000000] * 1000) | join",
        "','.join(['x' * 1000000] * 1000)",
        "'x' | indent(10**9, true)",
    ],
)
def test_string_growth_is_refused_before_it_happens(tmp_path, monkeypatch, expression):
    _, data = _kind(tmp_path, monkeypatch, "{{ (" + expression + ") | length }}\n")
    with pytest.raises(GenreportError) as caught:
        build_file(data, tmp_path / "out", ["html"])
    assert "1000000" in caught.value.message("en")


def test_ordinary_string_operations_still_work(tmp_path, monkeypatch):
    template = "{{ '%s-%05d' % ('a', 7) }} {{ '{:>6}'.format('b') }} {{ 'a-b'.replace('-', '+') }} {{ ['x', 'y'] | join(',') }} {{ 'z' | center(5) }}|\n"
    _, data = _kind(tmp_path, monkeypatch, template)
    build_file(data, tmp_path / "out", ["html"])
    assert output(tmp_path / "out", "html").read_text(encoding="utf-8") == "a-00007      b a+b x,y   z  |\n"
