"""``lgo-parse tables``: one file per table, as CSV or Parquet.

The rows are those of [`records`][lgo_parse.records]; a decision's ``id`` is
its place in the run (1, 2, ... in input order), so the same inputs always
give the same files. CSV files are UTF-8 with CRLF line endings (RFC 4180);
empty fields are missing values. Parquet files have typed columns: dates as
``date32``, amounts as ``decimal128(38, 2)``, booleans, 64-bit integers and
strings; they need pyarrow (``pip install 'lgo-parse[parquet]'``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from functools import partial
from typing import IO, Any

from . import _batch
from ._batch import PROG, Job, Report
from ._formats import csv_line
from ._records import COLUMNS, Record, records

TABLE_FORMATS = ("csv", "parquet")
ROW_GROUP = 10_000
"""Rows kept per table before a Parquet row group is written."""


def read_tables(job: Job, *, several: bool) -> list[dict[str, list[Record]]]:
    """The task workers run: the records of each statement of one input."""
    decisions = _batch.read_decisions(job, several=several)
    return [
        records(decision, key=0, source=job.name, position=position)
        for position, decision in enumerate(decisions, 1)
    ]


class _CsvTables:
    def __init__(self, folder: str) -> None:
        self._files: dict[str, IO[str]] = {}
        for table, columns in COLUMNS.items():
            # newline="" so that the csv module's CRLF is written as it is.
            file = open(os.path.join(folder, f"{table}.csv"), "w", encoding="utf-8", newline="")  # noqa: SIM115
            file.write(csv_line([name for name, _ in columns]))
            self._files[table] = file

    def add(self, table: str, rows: list[Record]) -> None:
        names = [name for name, _ in COLUMNS[table]]
        write = self._files[table].write
        for row in rows:
            write(csv_line([row[name] for name in names]))

    def close(self) -> None:
        for file in self._files.values():
            file.close()


class _ParquetTables:
    def __init__(self, folder: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {
            "integer": pa.int64(),
            "text": pa.string(),
            "boolean": pa.bool_(),
            "decimal": pa.decimal128(38, 2),
            "date": pa.date32(),
        }
        self._pa = pa
        self._schemas = {
            table: pa.schema([(name, types[kind]) for name, kind in columns])
            for table, columns in COLUMNS.items()
        }
        self._decimals = {
            table: [name for name, kind in columns if kind == "decimal"]
            for table, columns in COLUMNS.items()
        }
        self._writers = {
            table: pq.ParquetWriter(os.path.join(folder, f"{table}.parquet"), schema)
            for table, schema in self._schemas.items()
        }
        self._rows: dict[str, list[Record]] = {table: [] for table in COLUMNS}

    def add(self, table: str, rows: list[Record]) -> None:
        for row in rows:
            for name in self._decimals[table]:
                row[name] = _two_places(row[name], name)
        pending = self._rows[table]
        pending.extend(rows)
        if len(pending) >= ROW_GROUP:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._rows[table]
        if rows:
            batch = self._pa.Table.from_pylist(rows, schema=self._schemas[table])
            self._writers[table].write_table(batch)
            rows.clear()

    def close(self) -> None:
        for table, writer in self._writers.items():
            self._flush(table)
            writer.close()


def _two_places(value: Any, column: str) -> Any:
    """An amount as an exact decimal of two places, or None (with a warning) if it is not one."""
    import decimal

    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2 and value.adjusted() < 36:
        return value.quantize(decimal.Decimal("0.01"))
    _batch.warn(f"{column} {value} does not fit a decimal of 38 digits, 2 after the point")
    return None


def write_tables(
    inputs: Sequence[str], folder: str, fmt: str, *, workers: int, several: bool = False
) -> int:
    """Write one file per table into ``folder``; return the exit status."""
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            sys.stderr.write(f"{PROG}: Parquet needs pyarrow: pip install 'lgo-parse[parquet]'\n")
            return 2
    try:
        os.makedirs(folder, exist_ok=True)
        writer: _CsvTables | _ParquetTables = (
            _CsvTables(folder) if fmt == "csv" else _ParquetTables(folder)
        )
    except OSError as error:
        sys.stderr.write(f"{PROG}: cannot write {folder}: {error.strerror or error}\n")
        return 2
    report = Report()
    jobs = _batch.find_jobs(inputs, report, stdin=False)
    report.start(jobs)
    progress = _batch.Progress(len(jobs), quiet=False)
    task = partial(read_tables, several=several)
    key = 0
    try:
        with contextlib.closing(_batch.run(jobs, task, workers)) as results:
            for result in results:
                report.done += 1
                if result.failure is not None:
                    report.fail(result.failure)
                for tables in result.value or ():
                    key += 1
                    for table, rows in tables.items():
                        for row in rows:
                            row["id" if table == "decisions" else "decision"] = key
                        writer.add(table, rows)
                progress.show(report.done, len(report.failures))
    except KeyboardInterrupt:
        progress.close()
        writer.close()
        return report.interrupted()
    progress.close()
    writer.close()
    return report.finish()
