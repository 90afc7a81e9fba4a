"""Where the project's bundled assets live: report kinds (templates/) and stylesheets (styles/).

The package is installed editable from the source tree, so the assets sit beside it.
GENREPORT_HOME points elsewhere (a packaged install); GENREPORT_KIND_PATH adds folders of
extra report kinds (os.pathsep-separated), searched before the bundled ones.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    home = os.environ.get("GENREPORT_HOME")
    return Path(home) if home else Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    return project_root() / "templates"


def styles_dir() -> Path:
    return project_root() / "styles"


def kind_search_path() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("GENREPORT_KIND_PATH", "").split(os.pathsep) if p]
    return [*extra, templates_dir()]
