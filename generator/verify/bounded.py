"""verify-layout reads PDFs it did not make: every way in which their bytes could take it over is bounded here.

A collecting office runs `verify-layout` on the PDFs units send in. pdfminer (under pdfplumber)
trusts a file: it inflates a stream whole, follows a reference to a reference forever, and a
value of the wrong type surfaces as a TypeError anywhere. So the measuring runs in a forked
child process, and whatever happens there becomes one reason, never a traceback:

  * bytes inflated: each stream's filters may produce MAX_STREAM_BYTES, all streams together
    MAX_INFLATED_BYTES (pdfminer's zlib, its byte-by-byte "corrupted" inflater, LZW and
    RunLength are replaced, in the child only, by versions that stop there, in linear time);
    a predictor's rows are bounded the same way, and one page's drawing operators may take
    MAX_CONTENT_BYTES (past that, pdfminer's interpreter alone would run for minutes);
  * references: a chain of more than MAX_REFERENCE_CHAIN references to references is a loop;
  * pages: at most MAX_PAGES (a report has dozens); the file: at most MAX_FILE_BYTES;
  * memory: the child's address space may grow by MEMORY_BYTES, then MemoryError;
  * time: SECONDS, plus SECONDS_PER_PAGE for each page once the child has counted them; then
    the child is killed;
  * a crash (a signal) ends the child, not the command.

A bound reached is `NotVerified`; a file whose bytes are not a PDF, or whose objects are of
the wrong kind, is `NotReadable`: both GenreportErrors (exit 2) naming the reason. Where fork is
missing (Windows) the same bounds on inflating and references apply in this process, without
the limits on memory and time.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import logging
import os
import pickle
import select
import signal
import struct
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from genreport.errors import GenreportError, Text

T = TypeVar("T")

MAX_FILE_BYTES = 200 * 2**20  # a 200-page report's PDF is a few MB
MAX_STREAM_BYTES = 64 * 2**20  # a page's content stream is ~100 KB; a whole CJK font ~20 MB
MAX_INFLATED_BYTES = 512 * 2**20
MAX_CONTENT_BYTES = 2**20  # one page's drawing operators (a report page: 8-25 KB; 1 MB of text is ~300,000 glyphs)
MAX_REFERENCE_CHAIN = 32
MAX_PAGES = 2000
MEMORY_BYTES = 1536 * 2**20  # on top of what the process holds when it forks (measuring a report takes ~60 MB)
SECONDS = 30.0
SECONDS_PER_PAGE = 0.5  # a report page takes ~0.1 s to measure


class NotReadable(GenreportError):
    """The file is not a PDF, or its objects are not what a PDF's structure requires."""


class NotVerified(GenreportError):
    """Measuring it would pass a bound (bytes inflated, references, pages, memory, time)."""


class _Bound(Exception):
    """A bound reached inside the child; carries the reason."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


def _mb(n: int) -> str:
    return f"{n // 2**20} MB"


# ------------------------------------------------------------------ entry ---


def run_bounded(path: Path, work: Callable[[], T]) -> T:
    """`work()` (which reads `path`) within the bounds; its result, or NotReadable / NotVerified."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _not_verified(
            path,
            Text(
                f"文件有 {_mb(size)}，超过 {_mb(MAX_FILE_BYTES)} 的上限",
                f"the file has {_mb(size)}, past the {_mb(MAX_FILE_BYTES)} limit",
            ),
        )
    if not hasattr(os, "fork"):
        with bounds_installed():
            return _answer(path, _attempt(path, work))  # type: ignore[no-any-return]
    return _answer(path, _in_child(path, work))  # type: ignore[no-any-return]


def _answer(path: Path, message: tuple[Any, ...]) -> Any:
    kind = message[0]
    if kind == "done":
        return message[1]
    reason: Text = message[1]
    if kind == "bound":
        raise _not_verified(path, reason)
    raise NotReadable(Text(f"{path} 不是可读的 PDF：{reason.zh}", f"{path} is not a readable PDF: {reason.en}"))


def _not_verified(path: Path, reason: Text) -> NotVerified:
    return NotVerified(Text(f"{path}：未能检查（not verified）：{reason.zh}", f"{path}: not verified: {reason.en}"))


def _attempt(
    path: Path, work: Callable[[], Any], report_pages: Callable[[int], None] = lambda n: None
) -> tuple[Any, ...]:
    """("done", result), ("bound", Text) or ("unreadable", Text): never an exception but an interrupt."""
    try:
        report_pages(_page_count(path))
        return ("done", work())
    except Exception as exc:  # any value of the wrong type surfaces as some exception: it is the file's
        return _classify(exc)


def _classify(exc: BaseException) -> tuple[str, Text]:
    cause = _root(exc)  # pdfplumber wraps what happens in a page in its PdfminerException
    if isinstance(cause, _Bound):
        return ("bound", cause.reason)
    if isinstance(cause, MemoryError):
        limit = _mb(MEMORY_BYTES)
        return (
            "bound",
            Text(f"读取它需要的内存超过 {limit} 的上限", f"reading it needs more memory than the {limit} limit"),
        )
    if isinstance(cause, RecursionError):
        return ("unreadable", Text("对象无限嵌套（引用成环）", "its objects nest without end (a reference loop)"))
    return ("unreadable", _why(cause if isinstance(cause, Exception) else exc))


def _root(exc: BaseException) -> BaseException:
    seen: set[int] = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        inner = exc.__cause__ or exc.__context__ or next((a for a in exc.args if isinstance(a, BaseException)), None)
        if inner is None:
            break
        exc = inner
    return exc


def _why(exc: BaseException) -> Text:
    """The exception as a reason: its text, cut, and where it was raised (for a bug report, if it is ours)."""
    text = " ".join(str(exc).split())[:160] or type(exc).__name__
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    structural = not type(exc).__module__.startswith(("pdfminer", "pdfplumber")) and not isinstance(exc, ValueError)
    if structural:
        name = type(exc).__name__
        return Text(
            f"其中的对象类型不符合 PDF 的结构（{name}：{text}，{where}）",
            f"its objects are not of the types a PDF's structure requires ({name}: {text}, at {where})",
        )
    return Text(f"{text}（{where}）", f"{text} (at {where})")


def _page_count(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    count = 0
    with open(path, "rb") as stream:
        for _ in PDFPage.get_pages(stream):
            count += 1
            if count > MAX_PAGES:
                raise _Bound(Text(f"页数超过 {MAX_PAGES} 页的上限", f"it has more than {MAX_PAGES} pages, the limit"))
    return count


# ------------------------------------------------------------------ the child ---

_FRAME = struct.Struct("!Q")


def _in_child(path: Path, work: Callable[[], Any]) -> tuple[Any, ...]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, answer, and leave without running the parent's exit handlers
        status = 0
        try:
            os.close(read_end)
            faulthandler.disable()  # a crash is reported by the parent, in one line, not as a C stack dump
            _limit_memory()
            with bounds_installed():
                answer = _attempt(path, work, lambda n: _send(write_end, ("pages", n)))
            _send(write_end, answer)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        return _await(read_end, pid)
    finally:
        os.close(read_end)


def _send(fd: int, message: tuple[Any, ...]) -> None:
    try:
        data = pickle.dumps(message)
    except Exception as exc:  # a result that cannot cross: a bug of ours, named as such
        data = pickle.dumps(("unreadable", Text(f"内部错误：{exc}", f"internal error: {exc}")))
    view = memoryview(_FRAME.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _await(fd: int, pid: int) -> tuple[Any, ...]:
    started = time.monotonic()
    deadline = started + SECONDS
    buffer = bytearray()
    answer: tuple[Any, ...] | None = None
    while answer is None:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(0.0, left)) if left > 0 else ([], [], [])
        if not ready:
            _kill(pid)
            seconds = deadline - started
            return (
                "bound",
                Text(
                    f"读取超过 {seconds:.0f} 秒仍未完成，已停止",
                    f"reading it took longer than {seconds:.0f} s, and was stopped",
                ),
            )
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        buffer += chunk
        while len(buffer) >= _FRAME.size and len(buffer) >= _FRAME.size + _FRAME.unpack_from(buffer)[0]:
            length = _FRAME.unpack_from(buffer)[0]
            message = pickle.loads(bytes(buffer[_FRAME.size : _FRAME.size + length]))  # from our own fork
            del buffer[: _FRAME.size + length]
            if message[0] == "pages":
                deadline = started + SECONDS + SECONDS_PER_PAGE * message[1]
            else:
                answer = message
    status = _reap(pid)
    if answer is not None:
        return answer
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return ("unreadable", Text(f"读取时阅读器崩溃（{name}）", f"the reader crashed on it ({name})"))
    return (
        "unreadable",
        Text(
            f"读取进程异常退出（状态 {os.WEXITSTATUS(status)}）",
            f"the reading process ended with status {os.WEXITSTATUS(status)}",
        ),
    )


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _reap(pid)


def _reap(pid: int) -> int:
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:
            continue
        except ChildProcessError:
            return 0


def _limit_memory() -> None:
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            held = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return
    limit = held + MEMORY_BYTES
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


# ------------------------------------------------------------------ pdfminer, bounded ---


@contextlib.contextmanager
def bounds_installed() -> Iterator[None]:
    """pdfminer's inflaters and reference resolution replaced by bounded ones, its log silenced; restored after."""
    from pdfminer import pdftypes

    budget = _Budget()
    from pdfminer.pdfinterp import PDFPageInterpreter

    names = ("zlib", "decompress_corrupted", "lzwdecode", "rldecode", "apply_png_predictor", "apply_tiff_predictor")
    saved = {name: getattr(pdftypes, name) for name in names}
    resolve = pdftypes.PDFObjRef.resolve
    render = PDFPageInterpreter.render_contents
    log = logging.getLogger("pdfminer")
    level, propagate = log.level, log.propagate
    pdftypes.zlib = budget  # type: ignore[assignment,attr-defined]  # decompress / decompressobj / error, bounded
    pdftypes.decompress_corrupted = budget.inflate_corrupted
    pdftypes.lzwdecode = budget.lzw  # type: ignore[attr-defined]
    pdftypes.rldecode = budget.runlength  # type: ignore[attr-defined]
    pdftypes.apply_png_predictor = _rows_bounded(saved["apply_png_predictor"], columns_at=2)  # type: ignore[attr-defined]
    pdftypes.apply_tiff_predictor = _rows_bounded(saved["apply_tiff_predictor"], columns_at=1)  # type: ignore[attr-defined]
    PDFPageInterpreter.render_contents = _content_bounded(render)  # type: ignore[method-assign]
    pdftypes.PDFObjRef.resolve = _chained(resolve)  # type: ignore[method-assign]
    log.setLevel(logging.CRITICAL + 1)  # "Invalid MediaBox ..." and the like: the reason says what matters
    log.propagate = False
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(pdftypes, name, value)
        pdftypes.PDFObjRef.resolve = resolve  # type: ignore[method-assign]
        PDFPageInterpreter.render_contents = render  # type: ignore[method-assign]
        log.setLevel(level)
        log.propagate = propagate


def _chained(resolve: Callable[..., Any]) -> Callable[..., Any]:
    from pdfminer.pdftypes import PDFObjRef

    chain = [0]

    def bounded(self: Any, default: object = None) -> Any:
        value = resolve(self, default)
        if isinstance(value, PDFObjRef):  # a reference to a reference: resolve1 follows it, forever if it loops
            chain[0] += 1
            if chain[0] > MAX_REFERENCE_CHAIN:
                chain[0] = 0
                raise _Bound(
                    Text(
                        f"对象引用成环（{self.objid} 号对象）",
                        f"its object references go round in a loop (object {self.objid})",
                    )
                )
        else:
            chain[0] = 0
        return value

    return bounded


def _rows_bounded(predictor: Callable[..., bytes], columns_at: int) -> Callable[..., bytes]:
    """A predictor whose row (colours × columns × bits) is checked first: 10^9 columns is a 1 GB row."""

    def bounded(*args: Any) -> bytes:
        colors, columns, bits = args[columns_at - 1], args[columns_at], args[columns_at + 1]
        if (
            not all(isinstance(n, int) and 0 < n for n in (colors, columns, bits))
            or colors * columns * bits // 8 > MAX_STREAM_BYTES
        ):
            raise _Bound(
                Text(
                    "数据流的预测器参数（Columns、Colors）过大",
                    "a stream's predictor asks for rows past the limit (Columns, Colors)",
                )
            )
        return predictor(*args)

    return bounded


def _content_bounded(render: Callable[..., Any]) -> Callable[..., Any]:
    def bounded(self: Any, resources: Any, streams: Any, *args: Any, **kwargs: Any) -> Any:
        from pdfminer.pdftypes import PDFStream, resolve1

        size = 0
        for item in streams:
            value = resolve1(item)
            size += len(value.get_data()) if isinstance(value, PDFStream) else 0
        if size > MAX_CONTENT_BYTES:
            raise _Bound(
                Text(
                    f"一页的绘制指令有 {_mb(size)}，超过 {_mb(MAX_CONTENT_BYTES)} 的上限",
                    f"a page's drawing operators take {_mb(size)}, past the {_mb(MAX_CONTENT_BYTES)} limit",
                )  # fmt: skip
            )
        return render(self, resources, streams, *args, **kwargs)

    return bounded


class _Budget:
    """What pdfminer.pdftypes calls for inflating, each bounded per stream and in total."""

    error = zlib.error

    def __init__(self) -> None:
        self.total = 0

    def _take(self, data: bytes | bytearray, what: str) -> bytes:
        if len(data) > MAX_STREAM_BYTES:
            raise _Bound(
                Text(
                    f"一个数据流（{what}）解压后超过 {_mb(MAX_STREAM_BYTES)}",
                    f"a stream ({what}) inflates past {_mb(MAX_STREAM_BYTES)}",
                )
            )
        self.total += len(data)
        if self.total > MAX_INFLATED_BYTES:
            raise _Bound(
                Text(
                    f"数据流解压后共超过 {_mb(MAX_INFLATED_BYTES)}",
                    f"its streams inflate past {_mb(MAX_INFLATED_BYTES)} in all",
                )
            )
        return bytes(data)

    def decompress(self, data: bytes) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, MAX_STREAM_BYTES + 1)
        if not inflater.eof and len(out) <= MAX_STREAM_BYTES:
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")  # as zlib.decompress
        return self._take(out, "Flate")

    def decompressobj(self) -> Any:
        return zlib.decompressobj()

    def inflate_corrupted(self, data: bytes) -> bytes:
        """pdfminer's fallback for a stream whose checksum is wrong, in one call rather than byte by byte
        (quadratic: 3 MB of text took minutes): everything before the 4-byte checksum, or zlib.error."""
        inflater = zlib.decompressobj()
        out = inflater.decompress(data[:-4] if len(data) > 4 else data, MAX_STREAM_BYTES + 1)
        return self._take(out, "Flate")

    def lzw(self, data: bytes) -> bytes:
        from pdfminer.lzw import LZWDecoder

        out = bytearray()
        for piece in LZWDecoder(io.BytesIO(data)).run():
            out += piece
            if len(out) > MAX_STREAM_BYTES:
                break
        return self._take(out, "LZW")

    def runlength(self, data: bytes) -> bytes:
        out = bytearray()
        i = 0
        while i < len(data) and data[i] != 128 and len(out) <= MAX_STREAM_BYTES:
            length = data[i]
            if length < 128:
                out += data[i + 1 : i + 2 + length]
                i += 2 + length
            else:
                out += data[i + 1 : i + 2] * (257 - length)
                i += 2
        return self._take(out, "RunLength")
