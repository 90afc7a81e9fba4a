"""pdf/weasy/engine.py's changes to how WeasyPrint loads and writes, each checked where it acts."""

from __future__ import annotations

import subprocess
import sys

from genreport.pdf.weasy import engine


def test_library_lookups_come_from_one_ldconfig_listing():
    asked = []
    find = engine._fast_find_library(lambda name: asked.append(name) or None)
    if sys.platform.startswith("linux") and engine._ldconfig():
        assert find("c").startswith("libc.so")
        assert asked == []  # answered from the listing, no subprocess
        assert find("no-such-library-genreport") is None


def test_fonttools_subsetter_is_not_loaded_with_weasyprint():
    """WeasyPrint imports fontTools' subsetter for a fallback the cached fonts never take (~90 ms)."""
    code = (
        "import sys\n"
        "from genreport.pdf.weasy import engine\n"
        "engine.load()\n"
        "module = sys.modules.get('fontTools.subset')\n"
        # type() reads no attribute, so it does not trigger the lazy load it looks at
        "print('unloaded' if module is None or type(module).__name__ == '_LazyModule' else 'loaded')\n"
        "from fontTools.subset import Subsetter\n"  # and it still works when asked for
        "print(Subsetter.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["unloaded", "Subsetter"], done.stderr
