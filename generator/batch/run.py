"""A batch run: every job built, on a pool of warm workers when there are several (pool.py).

jobs.py knows one report (plan, build, outcome); pool.py keeps the worker processes; this
module picks between building in this process and the pool.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from genreport.batch.jobs import Job, Outcome, run_job, warm
from genreport.batch.pool import default_timeout, run_pool


def run_batch(
    jobs: Sequence[Job],
    workers: int,
    lang: str | None = None,
    on_done: Callable[[Outcome], None] | None = None,
    timeout: float | None = None,
) -> list[Outcome]:
    """Build every job, `workers` at a time; the outcomes in the jobs' order. `on_done` sees each as it ends."""
    outcomes: dict[Path, Outcome] = {}

    def done(outcome: Outcome) -> None:
        outcomes[outcome.source] = outcome
        if on_done is not None:
            on_done(outcome)

    if workers <= 1 or len(jobs) == 1:
        for job in jobs:
            done(run_job(job, lang))
    else:
        # a worker that crashes or hangs fails its own report only (pool.py)
        run_pool(jobs, workers, lang, done, timeout=default_timeout() if timeout is None else timeout, warm=warm)
    return [outcomes[job.source] for job in jobs]
