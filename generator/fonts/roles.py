"""Font roles -> font files: what each role of the print stylesheet resolves to, and the one FontConfiguration.

The stylesheets name the fonts (styles/gbt9704.css, styles/a4.css), never this module. Each role is
three custom properties on :root:

    --fangsong-official:   "仿宋_GB2312", "FangSong", ...      the fonts the standard means
    --fangsong-substitute: "Noto Serif CJK SC", ...           open fonts Debian ships, used otherwise
    --font-fangsong: var(--fangsong-official), var(--fangsong-substitute), serif;

and every `font-family` in the sheet is `var(--font-<role>)`. A role resolves to the first name of
its stack that is installed (fontconfig, read once with `fc-list`), or that a font in the user's
font folder carries: those come first, through @font-face rules this module writes (family
"genreport user <role>", prepended to `--<role>-official`). A role is a *substitute* when it
resolved to a name from `--<role>-substitute` (or to nothing). fontconfig's alias rules (Times New
Roman -> Liberation Serif) are not followed on purpose: a name counts only when a font of that
name is installed, which is what a substitute report must say.

`--<role>-weight` (optional) is the weight the sheet asks of the role's substitute (小标宋 is a
heavy Song: Noto Serif CJK SC Bold stands in for it). The real fonts have one regular face, and
asking them for bold makes Pango embolden them, so the weight is reset to normal when a role
resolved to an official font.
"""

from __future__ import annotations

import ctypes
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from genreport import environment
from genreport.errors import GenreportError, Text
from genreport.fonts import harfbuzz
from genreport.resources import per_file_version, read_stylesheet

FONT_DIR_ENV = environment.FONT_DIR
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
USER_FAMILY = (
    "genreport user {role}"  # for a user's font with no ASCII name in the stack; the PDF shows genreport-user-<role>
)
ROLE_LABELS = {
    "fangsong": ("仿宋", "FangSong (body)"),
    "xiaobiaosong": ("小标宋", "XiaoBiaoSong (title)"),
    "hei": ("黑体", "Hei (一、 headings)"),
    "kai": ("楷体", "Kai (（一） headings)"),
    "song": ("宋体", "Song (page numbers)"),
    "serif": ("衬线体", "serif (en body)"),
    "sans": ("无衬线体", "sans (en DRAFT mark)"),
}
GENERIC_FAMILIES = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
# fontconfig weights (fc-list %{weight}) on the CSS scale, for picking the face nearest a CSS weight
_FC_TO_CSS = {
    0: 100,
    40: 200,
    50: 300,
    55: 350,
    75: 380,
    80: 400,
    100: 500,
    180: 600,
    200: 700,
    205: 800,
    210: 900,
    215: 950,
}


class FontError(GenreportError):
    """The fonts cannot make the document as asked (a substitute under --strict-fonts, an unreadable font file)."""


@dataclass(frozen=True)
class Role:
    key: str
    official: tuple[str, ...]
    substitutes: tuple[str, ...]
    weight: int = 400  # asked of the substitute; official fonts are used at their regular weight

    @property
    def stack(self) -> tuple[str, ...]:
        return self.official + self.substitutes

    def label(self, lang: str) -> str:
        zh, en = ROLE_LABELS.get(self.key, (self.key, self.key))
        return zh if lang.startswith("zh") else en


@dataclass(frozen=True)
class Face:
    """One font face: a file (and its index in a collection), its family names, weight, charset source."""

    path: Path
    index: int
    families: tuple[str, ...]
    weight: int  # CSS scale
    italic: bool
    user: bool = False

    @property
    def key(self) -> str:
        return f"{self.path}#{self.index}"


@dataclass(frozen=True)
class Resolved:
    role: Role
    family: str | None  # the stack name that matched, None when no font of the stack is installed
    face: Face | None
    substitute: bool
    faces: tuple[Face, ...] = ()  # every installed face of the stack, in stack order: the role's glyph coverage
    # each name of the stack that is installed, with all its faces (every weight), in stack order
    families: tuple[tuple[str, tuple[Face, ...]], ...] = ()

    @property
    def official(self) -> bool:
        return self.face is not None and not self.substitute


# ------------------------------------------------------------------ stylesheet roles ---


def _strings(tokens: Iterable[Any]) -> tuple[str, ...]:
    """The family names of a comma-separated font-family value (strings and bare identifiers)."""
    names: list[str] = []
    current: list[str] = []
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            names.append(" ".join(current))
            current = []
        elif token.type == "string":
            current.append(token.value)
        elif token.type == "ident":
            current.append(token.value)
    names.append(" ".join(current))
    return tuple(n for n in names if n and n not in GENERIC_FAMILIES)


@per_file_version(maxsize=8)
def _roles_of(path: Path) -> tuple[Role, ...]:
    import tinycss2

    rules = tinycss2.parse_stylesheet(read_stylesheet(path), skip_comments=True, skip_whitespace=True)
    props: dict[str, Any] = {}
    for rule in rules:
        if rule.type == "qualified-rule" and tinycss2.serialize(rule.prelude).strip() == ":root":
            for decl in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                if decl.type == "declaration" and decl.name.startswith("--"):
                    props[decl.name] = decl.value
    roles = []
    for name, value in props.items():
        if name.endswith("-official"):
            key = name[2 : -len("-official")]
            weight_tokens = [t for t in props.get(f"--{key}-weight", []) if t.type in ("number", "ident")]
            weight = int(weight_tokens[0].value) if weight_tokens and weight_tokens[0].type == "number" else 400
            roles.append(Role(key, _strings(value), _strings(props.get(f"--{key}-substitute", [])), weight))
    return tuple(roles)


def roles_of(stylesheet: Path) -> tuple[Role, ...]:
    """The font roles a print stylesheet defines on :root, in the sheet's order (the first is the body's)."""
    try:
        return _roles_of(stylesheet)
    except OSError as exc:
        raise GenreportError(f"cannot read stylesheet {stylesheet}: {exc.strerror}") from None


# ------------------------------------------------------------------ installed fonts ---


def _css_weight(fc_weight: int) -> int:
    nearest = min(_FC_TO_CSS, key=lambda w: abs(w - fc_weight))
    return _FC_TO_CSS[nearest]


@lru_cache(maxsize=1)
def system_faces() -> tuple[Face, ...]:
    """Every font fontconfig knows, once per process (fc-list reads fontconfig's own cache: ~20 ms)."""
    try:
        out = subprocess.run(
            ["fc-list", "-f", "%{family}\t%{weight}\t%{slant}\t%{file}\t%{index}\n"],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        raise GenreportError(
            Text(
                f"无法列出系统字体（fc-list）：{exc}；请安装 fontconfig",
                f"cannot list the system's fonts with fc-list: {exc}; install fontconfig",
            )
        ) from None
    faces = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 5 or not parts[0]:
            continue
        family, weight, slant, file, index = parts
        faces.append(
            Face(
                Path(file),
                int(index or 0),
                tuple(f.strip() for f in family.split(",")),
                _css_weight(int(weight or 80)),
                slant not in ("", "0"),
            )
        )
    return tuple(faces)


def charset(face: Face) -> frozenset[int]:
    """The code points a face maps."""
    return harfbuzz.unicodes(face.path, face.index)


def lacking(faces: Iterable[Face], points: Iterable[int]) -> set[int]:
    """The code points none of `faces` maps: a cmap look-up per point, no full character set built."""
    left = set(points)
    for face in faces:
        if not left:
            break
        font = harfbuzz.font(face.path, face.index)
        left = {p for p in left if not font.get_nominal_glyph(p)}
    return left


# ------------------------------------------------------------------ the user's fonts ---


def _names(font: Any) -> tuple[str, ...]:
    names = []
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):  # family, full name, typographic family, in every language
            try:
                names.append(record.toUnicode().strip())
            except UnicodeDecodeError:
                continue
    return tuple(dict.fromkeys(n for n in names if n))


@per_file_version(maxsize=64)
def _read_user_font(path: Path) -> tuple[Face, ...]:
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    try:
        collection = path.suffix.lower() in (".ttc", ".otc")
        container = TTCollection(path, lazy=True) if collection else TTFont(path, lazy=True)
        try:
            faces = []
            for index, font in enumerate(container.fonts if collection else [container]):
                os2 = font["OS/2"] if "OS/2" in font else None
                weight = int(getattr(os2, "usWeightClass", 400) or 400)
                italic = bool(getattr(os2, "fsSelection", 0) & 1)
                faces.append(Face(path, index, _names(font), weight, italic, user=True))
        finally:
            container.close()
        return tuple(faces)
    except (TTLibError, OSError, KeyError, AssertionError, ValueError) as exc:
        raise GenreportError(
            Text(f"字体文件 {path} 无法读取：{exc}", f"font file {path} cannot be read: {exc}")
        ) from None


def user_faces(font_dir: Path | None) -> tuple[Face, ...]:
    """The faces of every font file in the user's folder (and its subfolders), sorted by path."""
    if font_dir is None:
        return ()
    if not font_dir.is_dir():
        raise GenreportError(Text(f"字体目录 {font_dir} 不存在", f"font folder {font_dir} does not exist"))
    files = sorted(p for p in font_dir.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file())
    return tuple(face for p in files for face in _read_user_font(p.resolve()))


# ------------------------------------------------------------------ resolving ---


def _fold(name: str) -> str:
    return name.casefold().replace(" ", "")


def _pick(faces: Sequence[Face], weight: int) -> Face:
    upright = [f for f in faces if not f.italic] or list(faces)
    return min(upright, key=lambda f: (abs(f.weight - weight), f.key))


@lru_cache(maxsize=16)
def _by_family(faces: tuple[Face, ...]) -> dict[str, tuple[Face, ...]]:
    """Faces by each of their (folded) family names, in the faces' order."""
    index: dict[str, list[Face]] = {}
    for face in faces:
        for name in dict.fromkeys(_fold(n) for n in face.families):
            index.setdefault(name, []).append(face)
    return {name: tuple(found) for name, found in index.items()}


def resolve_role(role: Role, user: Sequence[Face] = (), system: Sequence[Face] | None = None) -> Resolved:
    """The face a role's stack resolves to: the user's fonts for any name of the stack first, then the system's."""
    system = system_faces() if system is None else system
    ordered: list[tuple[str, list[Face]]] = []
    for source in (user, system):
        by_name = _by_family(tuple(source))
        for name in role.stack:
            matching = by_name.get(_fold(name))
            if matching:
                ordered.append((name, list(matching)))
    if not ordered:
        return Resolved(role, None, None, substitute=True)
    name, faces = ordered[0]
    official = name in role.official
    face = _pick(faces, 400 if official else role.weight)
    every = tuple(dict.fromkeys(_pick(fs, 400 if n in role.official else role.weight) for n, fs in ordered))
    families = tuple((n, tuple(fs)) for n, fs in ordered)
    return Resolved(role, name, face, substitute=not official, faces=every, families=families)


@dataclass(frozen=True)
class FontSetup:
    """The fonts of one stylesheet with one user font folder: what each role resolved to, and the CSS that says so."""

    stylesheet: Path
    font_dir: Path | None
    resolved: tuple[Resolved, ...]
    css: str  # :root overrides (the user's families first); the @font-face rules are fonts/faces.py's

    def role(self, key: str) -> Resolved | None:
        return next((r for r in self.resolved if r.role.key == key), None)

    @property
    def body(self) -> Resolved:
        return self.resolved[0]

    @property
    def substitutes(self) -> list[Resolved]:
        return [r for r in self.resolved if r.substitute]


def user_family(face: Face, role: Role) -> str:
    """The family an @font-face gives the user's face: the stack's own name for it when that name is
    ASCII (the PDF names its fonts by it, so verify-layout can tell the role), else a name of ours."""
    names = {_fold(n) for n in face.families}
    for name in role.stack:
        if _fold(name) in names and name.isascii():
            return name
    return USER_FAMILY.format(role=role.key)


def _css(roles: Sequence[Role], resolved: Sequence[Resolved], user: Sequence[Face]) -> str:
    """:root overrides: the user's families first in their roles' stacks, the weight of a real 小标宋.

    The @font-face rules naming those families (and every other face the PDF uses) point at the
    font cache and are written per document by fonts/faces.py.
    """
    root = []
    for role, result in zip(roles, resolved, strict=True):
        mine = [f for f in user if {_fold(n) for n in f.families} & {_fold(n) for n in role.stack}]
        if mine:
            families = [user_family(face, role) for face in mine]
            # the user's families go first in the role's stack, before every installed font
            names = ", ".join(f'"{n}"' for n in dict.fromkeys([*families, *role.official]))
            root.append(f"--{role.key}-official: {names};")
        if result.official and role.weight != 400:
            root.append(f"--{role.key}-weight: normal;")
    return ":root { " + " ".join(root) + " }" if root else ""


def font_setup(stylesheet: Path, font_dir: Path | None = None) -> FontSetup:
    """Roles of `stylesheet` resolved with `font_dir`'s fonts first.

    Not cached itself (under a millisecond): what it reads is, each file until it changes (the
    stylesheet's roles, every user font: resources.per_file_version; fc-list once per process),
    so an edited stylesheet or a replaced font is read again and nothing else is.
    """
    font_dir = font_dir.resolve() if font_dir is not None else None
    roles = roles_of(stylesheet)
    user = user_faces(font_dir)
    resolved = tuple(resolve_role(role, user) for role in roles)
    return FontSetup(stylesheet, font_dir, resolved, _css(roles, resolved, user))


HARFBUZZ_SUBSET_LIBS = ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")


def harfbuzz_subset() -> str | None:
    """The HarfBuzz subsetting library WeasyPrint will load, or None (it then subsets 10x slower in Python)."""
    for name in HARFBUZZ_SUBSET_LIBS:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return name
    return None
