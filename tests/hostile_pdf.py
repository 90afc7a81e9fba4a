"""PDFs written by hand, byte by byte, for verify-layout to read: the well-formed base and its hostile variants.

Each is made by the test that needs it (nothing binary is committed). `document()` writes a
one-page PDF with a line of text in a standard font; the keyword arguments replace any of its
objects, so a test states only what it breaks: a content stream that inflates without end, an
object that refers to itself, a MediaBox of 10^30 points, a Font dictionary that is a number.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable

CONTENT = b"BT /F1 16 Tf 80 700 Td (Annual report) Tj ET"
BIG = b"1" + b"0" * 30  # 10^30, as a PDF writes a number (no exponents in PDF syntax)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def flate_bomb(megabytes: int, layers: int = 1) -> bytes:
    """A content stream of `megabytes` MB of spaces, deflated `layers` times (made chunk by chunk)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    filters = b"[" + b" ".join([b"/FlateDecode"] * layers) + b"]"
    return stream(data, b"/Filter " + filters)


def text(kilobytes: int) -> bytes:
    """`kilobytes` KB of drawing operators, one line of text after another."""
    return (CONTENT + b"\n") * (kilobytes * 1024 // (len(CONTENT) + 1))


def comments(kilobytes: int) -> bytes:
    """`kilobytes` KB of comment lines of random hex: they hardly compress, so the inflater's input is long."""
    rng = random.Random(kilobytes)
    return b"".join(b"%% %064x\n" % rng.getrandbits(256) for _ in range(kilobytes * 1024 // 67))


def corrupt_flate(body: bytes) -> bytes:
    """A deflated content stream whose checksum is wrong: pdfminer then inflates it byte by byte."""
    data = bytearray(zlib.compress(body, 9))
    data[-1] ^= 0xFF  # the Adler-32 checksum
    return stream(bytes(data), b"/Filter /FlateDecode")


def objects(**replace: bytes) -> dict[int, bytes]:
    base = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Lang (zh-CN) >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources 4 0 R /Contents 5 0 R >>",
        4: b"<< /Font << /F1 6 0 R >> >>",
        5: stream(CONTENT),
        6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    names = {"catalog": 1, "pages": 2, "page": 3, "resources": 4, "content": 5, "font": 6}
    for name, body in replace.items():
        number = names[name] if name in names else int(name.removeprefix("obj"))
        base[number] = body
    return base


def write(objs: dict[int, bytes]) -> bytes:
    """The objects with a correct cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objs):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objs[number])
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def document(**replace: bytes) -> bytes:
    return write(objects(**replace))


# ------------------------------------------------------------------ the hostile set ---


def hostile() -> dict[str, Callable[[], bytes]]:
    """Each case the issue names, by name, made when called: what verify-layout must measure or refuse in seconds."""
    loop_pages = b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"
    return {
        "flate bomb 160 MB": lambda: document(content=flate_bomb(160)),
        "flate bomb, two layers": lambda: document(content=flate_bomb(128, layers=2)),
        "3 MB of text on one page": lambda: document(
            content=stream(zlib.compress(text(3 * 1024)), b"/Filter /FlateDecode")
        ),
        "900 KB of comments, its checksum wrong": lambda: document(content=corrupt_flate(comments(900) + CONTENT)),
        "a contents reference to itself": lambda: document(content=b"5 0 R"),
        "a resources reference loop": lambda: document(resources=b"7 0 R", obj7=b"4 0 R"),
        "a page tree whose kids hold itself": lambda: document(pages=loop_pages),
        "a page whose parent loops": lambda: document(pages=b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>"),
        "a MediaBox of 10^30 points": lambda: document(page=_page(b"[0 0 %s %s]" % (BIG, BIG))),
        "a MediaBox written 1e30 (no PDF number)": lambda: document(page=_page(b"[0 0 1e30 1e30]")),
        "a MediaBox of 10^8 points": lambda: document(page=_page(b"[0 0 100000000 100000000]")),
        "an inverted MediaBox": lambda: document(page=_page(b"[595 842 0 0]")),
        "a zero MediaBox": lambda: document(page=_page(b"[0 0 0 0]")),
        "a MediaBox of three numbers": lambda: document(page=_page(b"[0 0 595]")),
        "a MediaBox that is a string": lambda: document(page=_page(b"(A4)")),
        "a MediaBox of names": lambda: document(page=_page(b"[/a /b /c /d]")),
        "contents that are a number": lambda: document(page=_page(b"[0 0 595 842]", contents=b"42")),
        "resources that are an array": lambda: document(resources=b"[1 2 3]"),
        "a font that is a number": lambda: document(resources=b"<< /Font << /F1 7 >> >>"),
        "a font of no kind": lambda: document(font=b"<< /Type /Font /Subtype /Nonsense >>"),
        "a font whose descendants are a string": lambda: document(
            font=b"<< /Type /Font /Subtype /Type0 /BaseFont /X /DescendantFonts (x) /Encoding /Identity-H >>"
        ),
        "kids that are a number": lambda: document(pages=b"<< /Type /Pages /Kids 5 /Count 1 >>"),
        "a catalog that is a number": lambda: document(catalog=b"12"),
        "a Lang that is a dictionary": lambda: document(catalog=b"<< /Type /Catalog /Pages 2 0 R /Lang << /A 1 >> >>"),
        "a stream of a filter that does not exist": lambda: document(content=stream(CONTENT, b"/Filter /NoSuchDecode")),
        "a predictor with a billion columns": lambda: document(
            content=stream(
                zlib.compress(CONTENT), b"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 1000000000 >>"
            )
        ),
        "a font size of 10^30": lambda: document(content=stream(b"BT /F1 %s Tf 80 700 Td (Annual report) Tj ET" % BIG)),
        "a text matrix of 10^30": lambda: document(
            content=stream(b"BT /F1 16 Tf %s 0 0 %s 0 0 Tm (x) Tj ET" % (BIG, BIG))
        ),
        "a form that draws itself": lambda: document(
            resources=b"<< /Font << /F1 6 0 R >> /XObject << /X1 7 0 R >> >>",
            content=stream(CONTENT + b" /X1 Do"),
            obj7=stream(
                b"/X1 Do",
                b"/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X1 7 0 R >> >>",
            ),
        ),
        "10,000 references to one page": lambda: _many_pages(10_000),
        "3,000 pages": lambda: _distinct_pages(3_000),
    }


def _page(mediabox: bytes, contents: bytes = b"5 0 R") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources 4 0 R /Contents %s >>" % (mediabox, contents)


def _many_pages(count: int) -> bytes:
    kids = b" ".join(b"3 0 R" for _ in range(count))
    return document(pages=b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count))


def _distinct_pages(count: int) -> bytes:
    numbers = range(7, 7 + count)
    objs = objects(
        pages=b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % n for n in numbers), count)
    )
    for n in numbers:
        objs[n] = objs[3]
    return write(objs)


def flipped(data: bytes, seed: int, bits: int = 1) -> bytes:
    """`data` with `bits` bits flipped at places drawn from `seed` (the same seed, the same copy)."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(bits):
        position = rng.randrange(len(out))
        out[position] ^= 1 << rng.randrange(8)
    return bytes(out)
