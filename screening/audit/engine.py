"""Where the screening runs: this process, a pool of local processes, or a Dask cluster.

Every engine does the same thing: cut the posts into chunks, run ``records.screen_posts`` on each
chunk with a ``Screener`` loaded once per process (``cached_screener``; the Dask engine also warms
it with a worker plugin when the worker starts), and hand each chunk's records back to the caller
as soon as it is done. Records are keyed by row index, so the order chunks finish in does not
matter and every engine yields the same records.

Only a bounded number of chunks is in flight at once, so memory stays flat however long the input.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal

from screening.audit.records import screen_posts
from screening.audit.sources import Post
from screening.errors import ConfigError

if TYPE_CHECKING:
    from screening.pipeline import Screener

logger = logging.getLogger(__name__)

EngineName = Literal["local", "dask"]
OnRecords = Callable[[list[dict[str, Any]]], None]

# Extra threads per process only fight each other when there is one process per core: each worker
# (pool process or Dask worker) runs BLAS and the ONNX encoder on one thread.
_ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "SCREENING_ENCODER_THREADS": "1"}


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """How to run an audit: engine, process count, posts per chunk, Dask scheduler address."""

    engine: EngineName = "local"
    workers: int = 1
    chunk_size: int = 256
    scheduler: str | None = None

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {self.workers}.")
        if self.chunk_size < 1:
            raise ConfigError(f"--chunk-size must be at least 1, not {self.chunk_size}.")
        if self.scheduler is not None and self.engine != "dask":
            raise ConfigError("--scheduler only applies to --engine dask; add --engine dask or drop --scheduler.")


@lru_cache(maxsize=2)
def cached_screener(policy_json: str) -> Screener:
    """The process's ``Screener`` for a policy, loaded on first use and kept (models load once)."""
    from screening.pipeline import Screener
    from screening.policy.model import Policy

    return Screener.load(policy=Policy.model_validate_json(policy_json))


def screen_chunk(policy_json: str, posts: list[Post]) -> list[dict[str, Any]]:
    """Screen one chunk in whatever process this runs in (the unit of work of every engine)."""
    return screen_posts(cached_screener(policy_json), posts)


def chunks(posts: Iterable[Post], size: int) -> Iterator[list[Post]]:
    iterator = iter(posts)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run(posts: Iterable[Post], policy_json: str, options: EngineOptions, on_records: OnRecords) -> None:
    """Screen every post, calling ``on_records`` (in this process) with each finished chunk."""
    if options.engine == "dask":
        _run_dask(posts, policy_json, options, on_records)
    elif options.workers == 1:
        for chunk in chunks(posts, options.chunk_size):
            on_records(screen_chunk(policy_json, chunk))
    else:
        _run_pool(posts, policy_json, options, on_records)


# -- local processes ----------------------------------------------------------------------------


def _init_worker(policy_json: str) -> None:
    os.environ.update(_ONE_THREAD)
    cached_screener(policy_json)


def _run_pool(posts: Iterable[Post], policy_json: str, options: EngineOptions, on_records: OnRecords) -> None:
    import multiprocessing

    # spawn, not fork: forking a process that holds onnxruntime's and BLAS's thread pools can
    # deadlock the child, and a fresh interpreter keeps each worker's memory its own.
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=options.workers, mp_context=context, initializer=_init_worker, initargs=(policy_json,)
    )
    pending: set[Future[list[dict[str, Any]]]] = set()
    try:
        for chunk in chunks(posts, options.chunk_size):
            pending.add(executor.submit(screen_chunk, policy_json, chunk))
            if len(pending) >= 2 * options.workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    on_records(future.result())
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                on_records(future.result())
    except BaseException:
        # Ctrl-C or an error: the chunks in flight are not checkpointed, so there is nothing to wait
        # for; stop the workers now rather than after they finish minutes of useless work.
        processes = list((getattr(executor, "_processes", None) or {}).values())  # no public API before 3.14
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    executor.shutdown(wait=True)


# -- Dask ---------------------------------------------------------------------------------------


def _screener_plugin(policy_json: str) -> Any:
    from distributed import WorkerPlugin

    class ScreenerPlugin(WorkerPlugin):
        """Loads the models when a worker joins, so the first chunk does not pay for it."""

        name = "screening-audit-screener"

        def __init__(self, policy_json: str) -> None:
            self.policy_json = policy_json

        def setup(self, worker: Any) -> None:
            cached_screener(self.policy_json)

    return ScreenerPlugin(policy_json)


def _run_dask(posts: Iterable[Post], policy_json: str, options: EngineOptions, on_records: OnRecords) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("--engine dask needs the 'distributed' package; run `make install`.") from None

    cluster = None
    if options.scheduler is None:
        cluster = LocalCluster(
            n_workers=options.workers, threads_per_worker=1, processes=True,
            dashboard_address=None, env=_ONE_THREAD,
        )
        client = Client(cluster)
    else:
        try:
            client = Client(options.scheduler, timeout="20s")
        except OSError as exc:
            raise ConfigError(
                f"Cannot reach the Dask scheduler at {options.scheduler!r} ({exc}); check the address "
                "(tcp://host:8786) and that the scheduler is running."
            ) from None
    try:
        client.register_plugin(_screener_plugin(policy_json))
        nworkers = max(1, len(client.scheduler_info().get("workers", {})))
        in_flight = 2 * nworkers
        policy_future = client.scatter(policy_json, broadcast=True)
        queue = as_completed()
        count = 0
        for chunk in chunks(posts, options.chunk_size):
            queue.add(client.submit(screen_chunk, policy_future, chunk, pure=False))
            count += 1
            if count >= in_flight:
                future = next(queue)
                on_records(future.result())
                future.release()
                count -= 1
        for future in queue:
            on_records(future.result())
            future.release()
    except BaseException:
        # Ctrl-C or an error: unfinished chunks are not checkpointed; do not wait for busy workers.
        with contextlib.suppress(Exception):  # best effort: the original error is what matters
            client.close(timeout=5)
            if cluster is not None:
                cluster.close(timeout=5)
        raise
    client.close()
    if cluster is not None:
        cluster.close()
