"""Shared fixtures: the valid report text, and a way to write a variant of it and check it."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from genreport.checks import CheckResult, check_file

# The font cache (fonts/cache.py) lives under $XDG_CACHE_HOME: one empty folder per test session,
# set before anything runs, so subprocesses inherit it and no test reads or fills the user's.
_CACHE_HOME = tempfile.mkdtemp(prefix="genreport-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, ignore_errors=True)

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite tests/golden/ files from the current output."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing with them."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def valid_text() -> str:
    """The text of a small, complete report that checks clean."""
    return (DATA / "valid.zh-CN.yaml").read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write text to a file under tmp_path and return its path."""

    def _write(text: str, name: str = "report.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def check_text(write: Callable[[str, str], Path]) -> Callable[..., CheckResult]:
    """Check a YAML text as `genreport check` would; `previous` is last year's text."""

    def _check(text: str, previous: str | None = None) -> CheckResult:
        last = write(previous, "last-year.yaml") if previous is not None else None
        return check_file(write(text, "report.yaml"), last)

    return _check


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of needle in text."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def output(folder, fmt: str):
    """The one output of format `fmt` a build wrote into `folder` (outputs are named after the data file)."""
    found = sorted(folder.glob(f"*.{fmt}"))
    assert len(found) == 1, f"expected one .{fmt} in {folder}, found {[p.name for p in found]}"
    return found[0]


# The fast lane (`make test-fast`, `pytest -m "not slow"`) leaves out what starts processes, lays
# out PDFs, drives a browser or LibreOffice: about a quarter of the tests, most of the suite's time.
# A whole module when every test in it does that; a single test by its node id otherwise. Measured
# with `pytest -m "not slow" --durations=30`: a test over about a second on a quiet machine goes here
# (since the fast lane passed a thousand tests: over half a second, measured with --durations-min=0.25).
SLOW_MODULES = {
    "test_batch.py", "test_browser.py", "test_ctrl_c.py", "test_browser_pages.py", "test_docx_libreoffice.py", "test_engine.py",
    "test_entry_point.py", "test_fandol_fonts.py", "test_faults.py", "test_harden_batch.py",
    "test_harden_controls.py", "test_harden_fontcache.py", "test_harden_fuzz.py", "test_harden_outputs.py",
    "test_import_converted.py", "test_layout_flow.py", "test_letterhead.py", "test_pdf.py", "test_pdf_fonts.py",
    "test_pdf_helper.py", "test_pdf_hostile.py", "test_startup.py", "test_verify_cases.py", "test_pdf_verify_cli.py",
    "test_preview_browser.py", "test_user_agent.py", "test_verify_ids.py", "test_wheel.py", "test_font_cache.py",
}  # fmt: skip
SLOW_TESTS = {
    "test_attachments.py::test_no_table_label_wraps_to_a_lone_character_in_the_pdf",
    "test_bad_input.py::test_five_megabyte_report_checks",
    "test_bad_input.py::test_thousands_of_subsections_build_to_html_and_markdown",
    "test_build.py::test_build_writes_html_md_and_pdf",
    "test_build.py::test_draft_builds_with_marks_and_placeholders",
    "test_build.py::test_draft_in_english_says_draft",
    "test_build.py::test_failed_render_keeps_the_old_files",
    "test_cli_language.py::test_help_in_chinese_for_a_chinese_locale",
    "test_cli_language.py::test_usage_errors_in_chinese_for_a_chinese_locale",
    "test_docx.py::test_any_valid_report_renders_to_a_readable_docx",
    "test_fuzz_check.py::test_damaged_file_gives_findings_not_tracebacks",
    "test_harden_input.py::test_deep_nesting_is_a_finding_not_a_crash",
    "test_harden_input.py::test_non_regular_files_are_refused_without_reading",
    "test_harden_input.py::test_too_many_values_are_refused_early",
    "test_harden_markdown.py::test_pathological_text_renders_as_plain_paragraphs",
    "test_harden_preview.py::test_idle_connections_are_closed",
    "test_import_attachments.py::test_word_list_note_without_pages",
    "test_import_cli.py::test_build_outputs_import_by_their_names",
    "test_import_fuzz.py::test_any_text_imports_or_says_why",
    "test_import_roundtrip.py::test_round_trip",
    "test_kind_templates.py::test_kind_template_overrides_the_shared_frame",
    "test_kind_templates.py::test_kind_with_no_templates_uses_the_shared_ones",
    "test_kind_templates.py::test_minimal_kind_builds_with_its_own_and_shared_templates",
    "test_preview_server.py::test_ctrl_c_stops_cleanly",
    "test_property_render.py::test_any_valid_report_checks_and_renders",
    "test_render_html.py::test_rendering_is_deterministic",
    "test_speed.py::test_each_weasyprint_trick_is_played_unless_switched_off",
    "test_speed.py::test_library_lookup_is_switched_off_with_its_name",
    "test_speed.py::test_a_build_without_any_trick_writes_the_same_bytes",
    "test_build_forward.py::test_a_character_a_later_font_draws_is_named_at_its_first_place",
    "test_build_forward.py::test_prepare_returns_the_gaps_as_plain_data_and_pdf_knows_no_check",
    "test_build_forward.py::test_the_fonts_are_resolved_once_per_build",
    "test_chart_fit.py::test_a_long_chart_continues_with_its_title_and_its_unit",
    "test_chart_fit.py::test_a_planted_overflow_fails_verify_layout",
    "test_chart_fit.py::test_a_planted_overflow_fails_verify_layout_in_an_en_report_too",
    "test_chart_fit.py::test_every_bar_and_label_is_inside_the_text_block",
    "test_chart_fit.py::test_the_title_is_never_alone_at_a_page_foot",
    "test_chart_fit.py::test_verify_layout_finds_the_chart_titled_with_its_comparison_year",
    "test_cli_chinese.py::test_a_deviation_is_told_in_chinese",
    "test_cli_chinese.py::test_a_stock_server_gets_one_language_for_help_errors_and_messages",
    "test_cli_chinese.py::test_verify_layout_speaks_chinese_under_chinese_locales",
    "test_cli_formats_preview.py::test_an_unknown_format_among_several_is_named_in_the_users_language",
    "test_cli_formats_preview.py::test_pdf_and_docx_repeated_both_built_and_readable",
    "test_cli_formats_preview.py::test_preview_says_on_the_address_line_to_open_it",
    "test_docx_review.py::test_libreoffice_opens_the_comments",
    "test_font_aliases.py::test_the_setup_script_installs_them_once_and_fontconfig_follows",
    "test_harden3_batch.py::test_with_a_pool_of_workers_too",
    "test_harden3_env.py::test_a_relative_cache_home_is_passed_over_with_a_note_and_the_pdf_is_built",
    "test_harden3_outputs.py::test_a_read_only_file_system_and_a_disk_that_fills_on_the_journal",
    "test_harden_import_readers.py::test_a_file_of_thousands_of_styles_is_refused_and_a_few_thousand_are_read_once",
    "test_harden_import_readers.py::test_a_small_docx_inflating_past_the_budget_exits_2_in_one_line",
    "test_harden_import_readers.py::test_damaged_archives_are_read_or_refused",
    "test_harden_import_readers.py::test_damaged_xml_inside_a_sound_zip_is_read_or_refused",
    "test_harden_import_text.py::test_a_character_xml_cannot_hold_is_a_finding_at_its_line_and_never_a_crash",
    "test_harden_import_text.py::test_hidden_text_in_a_docx_is_not_imported_and_is_reported",
    "test_harden_long_runs.py::test_the_docx_of_a_report_that_passes_check_opens_in_libreoffice",
    "test_harden_yaml_writers.py::test_any_text_in_any_source_position_imports_as_the_same_data",
    "test_harden_yaml_writers.py::test_import_writes_any_text_back_as_the_same_data",
    "test_harden_yaml_writers.py::test_init_from_writes_any_text_of_last_year_back_as_the_same_data",
    "test_harden_yaml_writers.py::test_init_writes_any_issuer_and_schema_back_as_the_same_data",
    "test_import_into.py::test_one_reviewed_sentence_changes_one_value",
    "test_import_revisions.py::test_accepted_text_is_what_libreoffice_shows",
    "test_init_form.py::test_a_form_saved_by_libreoffice_reads_the_same",
    "test_init_form.py::test_form_from_last_year_filled_imports_clean_and_builds",
    "test_verify_hostile.py::test_a_hostile_pdf_gets_findings_or_a_reason",
    "test_verify_hostile.py::test_a_reader_that_runs_past_its_time_is_stopped",
    "test_verify_hostile.py::test_bit_flipped_and_cut_copies_of_a_small_pdf",
    "test_verify_hostile.py::test_bit_flipped_copies_of_a_built_pdf",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = item.nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
        if module in SLOW_MODULES or item.nodeid.split("[", 1)[0].rsplit("/", 1)[-1] in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
