"""The batch's worker pool: one report's crash, hang or kill fails that report and no other.

concurrent.futures marks the whole pool broken when one worker dies (a SIGSEGV in a C library),
and every report still queued "fails" with it. Here each worker is a process with its own pipe;
the parent hands it one job at a time and waits on the pipes and the processes together:

- a worker that dies fails the report it held (with its exit signal), and a fresh worker takes
  its place while jobs remain;
- a report that runs past `timeout` seconds has its worker killed, fails as timed out, and the
  run goes on; the clock starts when its worker is warm (it says READY once WeasyPrint and the
  fonts are loaded), so a slow start on a loaded machine is not counted against the first report;
- workers ignore Ctrl-C (the parent stops them) and leave quietly on SIGTERM (no traceback),
  after their own clean-up (a staged temp file is removed on the way out).
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from genreport import environment
from genreport.batch import jobs as batch
from genreport.batch.jobs import FAILED, Job, Outcome

DEFAULT_TIMEOUT = environment.DEFAULT_BATCH_TIMEOUT


class _Stop(BaseException):
    """SIGTERM in a worker: unwinds like an interrupt (temp files removed), then a quiet exit."""


def _on_term(signum: int, frame: object) -> None:
    raise _Stop()


_SIGNALS = {signal.SIGINT, signal.SIGTERM}
READY = "ready"  # a worker's first message, once it has warmed up
WARM_SECONDS = 120.0  # what a worker may take to warm up (WeasyPrint, fonts) before its first report's clock starts


def _serve(conn: Connection, lang: str | None, warm: Callable[[], None] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_term)
    try:
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)  # held by _spawn until these handlers stood
        if warm is not None:
            warm()
        conn.send(READY)  # the first report's clock starts now: warming up (WeasyPrint, fonts) is not its time
        while True:
            job = conn.recv()
            if job is None:
                return
            conn.send(batch.run_job(job, lang))
    except (_Stop, EOFError, BrokenPipeError, KeyboardInterrupt):
        pass
    finally:
        _leave(conn)


def _leave(conn: Connection) -> None:
    """Close the worker's end on the way out, deaf to SIGTERM first: a SIGTERM that lands while the
    worker is already leaving (seen under load, inside conn.close()) would raise _Stop past _serve,
    and multiprocessing would print its traceback. One that lands before SIG_IGN takes is retried."""
    while True:
        try:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            break
        except _Stop:
            continue
    conn.close()


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process from the chosen context
    conn: Connection
    job: Job | None = None
    started: float = 0.0
    ready: bool = False  # warmed up: until then the time limit is WARM_SECONDS, not the report's

    def deadline(self, timeout: float) -> float:
        return self.started + (timeout if self.ready else max(timeout, WARM_SECONDS))


def _context() -> Any:
    # fork: a worker starts from this process's imports (the CLI's, not WeasyPrint's); spawn elsewhere.
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def _spawn(context: Any, lang: str | None, warm: Callable[[], None] | None) -> _Worker:
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child, lang, warm), daemon=True)
    if not hasattr(signal, "pthread_sigmask"):
        process.start()
        child.close()
        return _Worker(process, parent)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)  # the child starts with them held
    try:
        process.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    child.close()
    return _Worker(process, parent)


def _why(worker: _Worker) -> str:
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return f"构建进程被信号 {name} 终止 / the worker process was killed by {name}"
    return f"构建进程意外退出（状态 {code}） / the worker process exited unexpectedly (status {code})"


def run_pool(
    jobs: Sequence[Job],
    workers: int,
    lang: str | None,
    done: Callable[[Outcome], None],
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    warm: Callable[[], None] | None = None,
) -> None:
    """Build every job on `workers` processes; `done` sees each Outcome as it ends, failures included."""
    context = _context()
    pending = deque(jobs)
    pool = [_spawn(context, lang, warm) for _ in range(min(workers, len(jobs)))]
    try:
        while pending or any(w.job is not None for w in pool):
            for worker in pool:
                if worker.job is None and pending:
                    worker.job, worker.started = pending.popleft(), time.monotonic()
                    worker.conn.send(worker.job)
            busy = [w for w in pool if w.job is not None]
            wait_for = None
            if timeout is not None:
                wait_for = max(0.0, min(w.deadline(timeout) for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for)
            for worker in busy:
                job = worker.job
                assert job is not None
                outcome: Outcome | None = None
                if worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        outcome = worker.conn.recv() if worker.conn.poll() else None
                    except (EOFError, OSError):
                        outcome = None
                    if outcome == READY:
                        worker.started, worker.ready = time.monotonic(), True
                        continue
                    if outcome is None:  # no answer: the process died
                        worker.process.join(5)
                        outcome = Outcome(job.source, FAILED, time.monotonic() - worker.started, report=_why(worker))
                elif timeout is not None and time.monotonic() >= worker.deadline(timeout):
                    worker.process.kill()
                    worker.process.join(5)
                    outcome = Outcome(
                        job.source,
                        FAILED,
                        time.monotonic() - worker.started,
                        report=f"超过 {timeout:g} 秒仍未完成，已停止 / did not finish within {timeout:g} s and was stopped",
                    )
                if outcome is None:
                    continue
                worker.job = None
                if not worker.process.is_alive():  # died or killed: a fresh one takes its place if needed
                    worker.conn.close()
                    pool.remove(worker)
                    if pending:
                        pool.append(_spawn(context, lang, warm))
                done(outcome)
    finally:
        _stop(pool)


def _stop(pool: list[_Worker]) -> None:
    """Ask idle workers to leave, terminate busy ones (they exit quietly), and reap them all."""
    for worker in pool:
        try:
            if worker.job is None and worker.process.is_alive():
                worker.conn.send(None)
            elif worker.process.is_alive():
                worker.process.terminate()
        except OSError:
            worker.process.terminate()
    deadline = time.monotonic() + 10
    for worker in pool:
        worker.process.join(max(0.1, deadline - time.monotonic()))
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


def default_timeout() -> float | None:
    """GENREPORT_BATCH_TIMEOUT seconds (0: none), else DEFAULT_TIMEOUT; a value it cannot be is refused (exit 2)."""
    return environment.batch_timeout()
