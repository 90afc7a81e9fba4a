"""A helper process that loads WeasyPrint while `genreport build` checks the report, then lays it out.

A fresh `build` spends its first ~0.3 s importing genreport's own modules, checking the data
file and writing the HTML the PDF is made from, and WeasyPrint's import and the parsing of the
print stylesheets (~0.2 s) used to come after that. A build has two cores to use
(SPEC: performance, and the CI machine): the command forks this helper first, the helper loads
WeasyPrint while the command does its own part, and the layout starts as soon as the HTML
exists. The command renders report.html and report.md while the helper lays the PDF out.

One job per helper, over two pipes: the command sends a pickled `PdfJob` (pdf/layout.py) and
closes its end; the helper answers with a pickled `("ok", pdf, pages)`, `("error", zh, en)`
for a RenderError or `("crash", traceback)`, and exits. A helper that gets no job (the build was
refused, or failed before its PDF) sees the pipe close and exits. It ends with the command: a
closed pipe ends it, and `close()` stops one still at work (Ctrl-C, SIGTERM, an error) with
SIGTERM, on which it removes its temporary fonts and exits.

`start()` returns None where there is no fork (Windows), in a process already running other
threads (a fork would copy any lock they hold), or when GENREPORT_PDF_HELPER=0; the build then
lays the PDF out in its own process, with the same bytes as a result.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from typing import TYPE_CHECKING, Any, NoReturn

from genreport.errors import RenderError, Text

if TYPE_CHECKING:  # imported after the fork: the helper is started before genreport's heavy modules load
    from genreport.pdf.layout import PdfJob

ENV_SWITCH = "GENREPORT_PDF_HELPER"


# `genreport build` options followed by a value (tests/test_pdf_helper.py compares this with the
# command's own list), and the global options that may come before the command.
BUILD_VALUE_OPTIONS = frozenset(
    {"-o", "--output", "-f", "--format", "-p", "--previous", "--lang", "--font-dir", "-j", "--jobs"}
)
GLOBAL_FLAGS = frozenset({"--debug"})

_early: PdfHelper | None = None


def looks_like_pdf_build(args: list[str]) -> bool:
    """Whether a command line is a one-file build with a PDF, read before typer parses it.

    Only a guess to start the helper early: a wrong yes costs one idle helper on the other
    core, which gets no job and exits; a wrong no only starts it later (cli.build starts one).
    """
    rest = list(args)
    while rest and rest[0] in GLOBAL_FLAGS:
        rest.pop(0)
    if not rest or rest[0] != "build":
        return False
    files: list[str] = []
    formats: list[str] | None = None  # every -f given: `-f pdf -f docx` as `-f pdf,docx`
    i = 1
    while i < len(rest):
        arg = rest[i]
        if arg in ("--help", "-h"):
            return False
        if arg in BUILD_VALUE_OPTIONS:
            if arg in ("-f", "--format") and i + 1 < len(rest):
                formats = [*(formats or []), *rest[i + 1].split(",")]
            i += 2
            continue
        if arg.startswith("--format="):
            formats = [*(formats or []), *arg.partition("=")[2].split(",")]
        elif not arg.startswith("-") or arg == "-":
            files.append(arg)
        i += 1
    wants_pdf = formats is None or "pdf" in [f.strip() for f in formats]
    return wants_pdf and len(files) == 1 and not os.path.isdir(files[0])


def start_early(args: list[str]) -> None:
    """Start the helper now when `args` look like a one-file PDF build (launch.main, before typer loads)."""
    global _early
    if _early is None and looks_like_pdf_build(args):
        _early = PdfHelper.start()


def take() -> PdfHelper | None:
    """The helper start_early() started, now the build's to use and close; None if there is none."""
    global _early
    helper, _early = _early, None
    return helper


def discard() -> None:
    """End a helper that no build took."""
    helper = take()
    if helper is not None:
        helper.close()


class HelperCrash(RuntimeError):
    """The helper process failed with an unexpected exception (its traceback is the message)."""


class PdfHelper:
    """The command's end of one helper process: submit() a job, then result()."""

    def __init__(self, pid: int, jobs: int, answers: int) -> None:
        self.pid = pid
        self._jobs: int | None = jobs  # write end: the job, then EOF
        self._answers: int | None = answers  # read end: the answer, then EOF
        self._reaped = False

    @classmethod
    def start(cls) -> PdfHelper | None:
        """Fork a helper that starts loading WeasyPrint at once; None where that is not possible."""
        if not hasattr(os, "fork") or os.environ.get(ENV_SWITCH, "1") == "0":
            return None
        import threading

        if threading.active_count() > 1:  # a fork copies no other thread, but may copy a lock one holds
            return None
        job_read, job_write = os.pipe()
        answer_read, answer_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the helper
            os.close(job_write)
            os.close(answer_read)
            _serve(job_read, answer_write)  # never returns
        os.close(job_read)
        os.close(answer_write)
        return cls(pid, job_write, answer_read)

    def submit(self, job: PdfJob) -> None:
        """Send the job; the helper starts on it as soon as the pipe closes. Returns at once for small jobs."""
        if self._jobs is None:
            raise RuntimeError("a PdfHelper takes one job")
        fd, self._jobs = self._jobs, None
        try:
            with open(fd, "wb") as pipe:
                pipe.write(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
        except BrokenPipeError:
            pass  # the helper is gone; result() says how it ended

    def result(self) -> tuple[bytes, int]:
        """(pdf, pages) once the helper is done. Raises RenderError, or HelperCrash for a bug in it."""
        if self._answers is None:
            raise RuntimeError("result() was already read")
        fd, self._answers = self._answers, None
        with open(fd, "rb") as pipe:
            answer = pipe.read()
        status = self._reap()
        if not answer:
            how = f"signal {-status}" if status < 0 else f"status {status}"
            raise RenderError(
                Text(f"PDF 排版进程意外结束（{how}）", f"the PDF layout process ended unexpectedly ({how})")
            )
        kind, *rest = pickle.loads(answer)
        if kind == "ok":
            return rest[0], rest[1]
        if kind == "error":
            raise RenderError(Text(rest[0], rest[1]))
        raise HelperCrash(rest[0])

    def lay_out(self, job: PdfJob) -> tuple[bytes, int]:
        """submit() then result(): the drop-in for pdf/layout.lay_out."""
        self.submit(job)
        return self.result()

    def close(self) -> None:
        """End the helper: it exits by itself when it got no job; one still at work is killed."""
        for name in ("_jobs", "_answers"):
            fd = getattr(self, name)
            if fd is not None:
                os.close(fd)
                setattr(self, name, None)
        if not self._reaped:
            self._stop()
            self._reap()

    def _stop(self) -> None:
        """SIGTERM (the helper cleans up and exits within milliseconds), SIGKILL if it does not."""
        import time

        try:
            os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + 2.0
            while time.monotonic() < deadline:
                if os.waitpid(self.pid, os.WNOHANG) != (0, 0):
                    self._reaped = True
                    return
                time.sleep(0.005)
            os.kill(self.pid, signal.SIGKILL)
        except (ProcessLookupError, ChildProcessError):
            pass

    def _reap(self) -> int:
        """Wait for the helper; its exit status, or -N for signal N."""
        if self._reaped:
            return 0
        while True:
            try:
                _, status = os.waitpid(self.pid, 0)
                break
            except InterruptedError:
                continue
            except ChildProcessError:
                self._reaped = True
                return 0
        self._reaped = True
        return os.waitstatus_to_exitcode(status)

    def __enter__(self) -> PdfHelper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(job_fd: int, answer_fd: int) -> NoReturn:
    """The helper's whole life: warm up, take one job, answer, exit without running the command's exit code.

    Nothing may leave this function but os._exit: an exception escaping it would run the rest
    of the command a second time, in the helper.
    """
    # Ctrl-C reaches the whole process group and SIGTERM only the command, which then stops this
    # process with SIGTERM: either way it ends quietly, through the clean-up below, which removes
    # its temporary fonts; never with the command's handlers or messages.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # ignored stays ignored (nohup, a background job)
        signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    code = 1
    try:
        try:
            from genreport.pdf.layout import warm_up  # only this, not the report's models and templates

            warm_up()
            with open(job_fd, "rb") as pipe:
                data = pipe.read()
            if data:
                answer = _answer(pickle.loads(data))
                with open(answer_fd, "wb") as pipe:
                    pipe.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        except BrokenPipeError:
            code = 0  # the command is gone
        except SystemExit as stopped:
            code = stopped.code if isinstance(stopped.code, int) else 1
        except BaseException:  # noqa: BLE001, S110 (nothing may escape into the forked copy of the command)
            pass
        finally:
            # os._exit runs no atexit function: remove the fonts WeasyPrint copied to a temporary folder
            with contextlib.suppress(BaseException):
                from genreport.pdf.weasy.fontconfig import remove_font_folders

                remove_font_folders()
    finally:
        os._exit(code)


_stopping: list[int] = []


def _stop(signum: int, frame: object) -> None:
    """Raise SystemExit once; a second signal (Ctrl-C, then the command's SIGTERM) leaves the clean-up be."""
    if not _stopping:
        _stopping.append(signum)
        raise SystemExit(128 + signum)


def _answer(job: PdfJob) -> tuple[Any, ...]:
    from genreport.errors import GenreportError
    from genreport.pdf.layout import lay_out

    try:
        pdf, pages = lay_out(job)
    except GenreportError as error:
        return ("error", error.text.zh, error.text.en)
    except Exception:  # noqa: BLE001 (sent to the command, which reports it as an internal error)
        import traceback

        return ("crash", traceback.format_exc())
    return ("ok", pdf, pages)
