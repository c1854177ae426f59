"""results.csv and results.parquet, written from the checkpoint in row order."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from screening.audit.records import RESULT_COLUMNS, SCORE_COLUMNS

OutputFormat = Literal["csv", "parquet"]


def write_results(records: Iterable[dict[str, Any]], outdir: Path, fmt: OutputFormat = "csv") -> Path:
    """Write ``results.csv`` (or ``results.parquet``) atomically; return its path."""
    target = outdir / f"results.{fmt}"
    tmp = target.with_name(target.name + ".tmp")
    if fmt == "parquet":
        _write_parquet(records, tmp)
    else:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=RESULT_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            for record in records:
                writer.writerow({k: ("" if record.get(k) is None else record.get(k)) for k in RESULT_COLUMNS})
    os.replace(tmp, target)
    return target


def _batches(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def _write_parquet(records: Iterable[dict[str, Any]], path: Path, batch_size: int = 50_000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {c: pa.float64() for c in SCORE_COLUMNS} | {"row": pa.int64(), "line": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in RESULT_COLUMNS])
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(records, batch_size):
            columns = {c: [r.get(c) for r in batch] for c in RESULT_COLUMNS}
            writer.write_table(pa.table(columns, schema=schema))
