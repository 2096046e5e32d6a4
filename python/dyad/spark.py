"""Code WARC archives on Spark: ``python -m dyad.spark --input PATHS --out DIR``.

Each input file (a local path or any Hadoop-compatible URI: ``hdfs://``, ``s3a://``,
``file://``; folders and globs too) is read by Spark's ``binaryFile`` source, one
file per task, and every record is coded by the Rust core inside ``mapInArrow``.
Output:

- ``DIR/events/event_date=YYYY-MM-DD/*.parquet``: the events (``dyad.columns()``,
  or GDELT's with ``--gdelt``), partitioned by event date (a month or year for
  events dated only that precisely; ``undated`` for the others);
- ``DIR/files/``: one row per input file: ``file, records, errors, events,
  error_messages``.

A record that fails is counted in its file's row, its message (naming the byte
offset of the WARC record) kept there, logged on the executor and on the driver:
never dropped silently. Re-running over the same inputs overwrites the same
partitions (dynamic partition overwrite), so a rerun is idempotent; another run
whose events fall on the same dates replaces those dates' events.

On a cluster (the ``dyad`` wheel installed in the workers' Python)::

    spark-submit --master spark://HOST:7077 \
        "$(python -c 'import dyad.spark as s; print(s.__file__)')" \
        --input hdfs:///crawl/CC-NEWS-*.warc.gz --out hdfs:///dyad/out
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from typing import Iterator, Optional, Sequence

log = logging.getLogger("dyad.spark")

SUMMARY_COLUMNS = [("file", "string"), ("records", "bigint"), ("errors", "bigint"), ("events", "bigint")]

_SPARK_TYPES = {"string": "string", "int64": "bigint", "double": "double", "bool": "boolean"}


def event_schema(gdelt: bool = False):
    """The pyarrow schema of dyad's events table, every field nullable."""
    import pyarrow as pa

    import dyad

    empty = dyad.code_batch([], gdelt=gdelt)
    return pa.schema([pa.field(f.name, f.type, nullable=True) for f in empty.schema])


def _output_schema(gdelt: bool):
    """One Arrow schema for both kinds of rows mapInArrow yields: `kind` = "event"
    (event columns filled) or "file" (summary columns filled)."""
    import pyarrow as pa

    fields = list(event_schema(gdelt))
    fields += [
        pa.field("kind", pa.string()),
        pa.field("file", pa.string()),
        pa.field("records", pa.int64()),
        pa.field("errors", pa.int64()),
        pa.field("events", pa.int64()),
        pa.field("error_messages", pa.list_(pa.string())),
    ]
    return pa.schema(fields)


def _spark_ddl(schema) -> str:
    import pyarrow as pa

    parts = []
    for f in schema:
        if pa.types.is_list(f.type):
            t = "array<string>"
        else:
            t = _SPARK_TYPES[str(f.type)]
        parts.append(f"`{f.name}` {t}")
    return ", ".join(parts)


def _fill(columns: dict, n: int, schema):
    import pyarrow as pa

    arrays = [columns[f.name] if f.name in columns else pa.nulls(n, f.type) for f in schema]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _code_partition(
    batches: Iterator, gdelt: bool, published: Optional[str], max_bytes: Optional[int], threads: int
) -> Iterator:
    """mapInArrow body: (path, content) rows in, event rows and one summary row per
    file out."""
    import pyarrow as pa

    import dyad

    schema = _output_schema(gdelt)
    for batch in batches:
        paths = batch.column(batch.schema.get_field_index("path")).to_pylist()
        contents = batch.column(batch.schema.get_field_index("content"))
        for i, path in enumerate(paths):
            data = contents[i].as_py()
            started = time.time()
            try:
                run = dyad.code_warc(
                    data, source=path, published=published, gdelt=gdelt, threads=threads, max_bytes=max_bytes
                )
            except Exception as e:  # a whole file failing is a summary row, not a dead task
                messages = [f"{path}: {e}"]
                print(f"dyad: {messages[0]}", file=sys.stderr, flush=True)
                yield _summary(schema, path, 0, 1, 0, messages)
                continue
            for m in run.errors:
                print(f"dyad: {m}", file=sys.stderr, flush=True)
            table = run.table
            if table.num_rows:
                cols = {name: table.column(name).combine_chunks() for name in table.column_names}
                cols["kind"] = pa.array(["event"] * table.num_rows, pa.string())
                cols["file"] = pa.array([path] * table.num_rows, pa.string())
                for b in pa.Table.from_batches([_fill(cols, table.num_rows, schema)]).to_batches(max_chunksize=4096):
                    yield b
            print(
                f"dyad: {path}: {run.records} records, {run.failed} errors, {table.num_rows} events "
                f"in {time.time() - started:.1f} s",
                file=sys.stderr,
                flush=True,
            )
            yield _summary(schema, path, run.records, run.failed, table.num_rows, run.errors)


def _summary(schema, path: str, records: int, errors: int, events: int, messages: Sequence[str]):
    import pyarrow as pa

    cols = {
        "kind": pa.array(["file"], pa.string()),
        "file": pa.array([path], pa.string()),
        "records": pa.array([records], pa.int64()),
        "errors": pa.array([errors], pa.int64()),
        "events": pa.array([events], pa.int64()),
        "error_messages": pa.array([list(messages)], pa.list_(pa.string())),
    }
    return _fill(cols, 1, schema)


def run(
    spark,
    inputs: Sequence[str],
    out: str,
    *,
    gdelt: bool = False,
    published: Optional[str] = None,
    max_bytes: Optional[int] = None,
    threads: int = 1,
    glob: Optional[str] = "*.warc*",
) -> list[dict]:
    """Code `inputs` into `out` (see the module's doc); returns the per-file summary."""
    from pyspark.sql import functions as F

    conf = spark.conf
    conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    # one file per task: a file's open cost counts as a full split, so small
    # archives are not packed together into one task
    split = conf.get("spark.sql.files.maxPartitionBytes", "134217728")
    conf.set("spark.sql.files.openCostInBytes", split)
    # one file per Arrow batch handed to Python: memory stays one archive per task
    conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1")

    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    if glob:
        reader = reader.option("pathGlobFilter", glob)
    files = reader.load(list(inputs)).select("path", "content")

    schema = _output_schema(gdelt)
    coded = files.mapInArrow(
        lambda it: _code_partition(it, gdelt, published, max_bytes, threads), _spark_ddl(schema)
    ).persist()
    try:
        event_cols = [f.name for f in event_schema(gdelt)]
        date_col = "Day" if gdelt else "date"
        events = coded.filter(F.col("kind") == "event").select(
            *event_cols, F.coalesce(F.col(date_col), F.lit("undated")).alias("event_date")
        )
        events.write.mode("overwrite").partitionBy("event_date").parquet(f"{out.rstrip('/')}/events")

        summary = coded.filter(F.col("kind") == "file").select(
            "file",
            "records",
            "errors",
            "events",
            "error_messages",
            F.substring(F.sha1(F.col("file")), 1, 16).alias("file_key"),
        )
        summary.write.mode("overwrite").partitionBy("file_key").parquet(f"{out.rstrip('/')}/files")
        rows = [r.asDict() for r in summary.drop("file_key").collect()]
    finally:
        coded.unpersist()
    for r in rows:
        for m in r["error_messages"] or []:
            log.warning("dyad: %s", m)
    return sorted(rows, key=lambda r: r["file"])


def session(master: Optional[str], app: str = "dyad"):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    # executors run the driver's Python, where dyad is installed, unless
    # PYSPARK_PYTHON says otherwise (pyspark reads the variable, not the config)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m dyad.spark", description=__doc__.split("\n\n")[0])
    p.add_argument("--input", nargs="+", required=True, help="WARC files, folders or globs (paths or Hadoop URIs)")
    p.add_argument("--out", required=True, help="output folder (path or Hadoop URI)")
    p.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--gdelt", action="store_true", help="GDELT 2.0 column names")
    p.add_argument("--published", help="date (YYYY-MM-DD) for pages that carry none")
    p.add_argument("--max-bytes", type=int, help="largest record accepted (default 8 MiB)")
    p.add_argument("--threads", type=int, default=1, help="Rust threads per task (Spark already runs a task per core)")
    p.add_argument("--glob", default="*.warc*", help="file name filter inside folders ('' for every file)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    spark = session(args.master)
    started = time.time()
    rows = run(
        spark,
        args.input,
        args.out,
        gdelt=args.gdelt,
        published=args.published,
        max_bytes=args.max_bytes,
        threads=args.threads,
        glob=args.glob or None,
    )
    totals = {k: sum(r[k] for r in rows) for k in ("records", "errors", "events")}
    totals["files"] = len(rows)
    totals["seconds"] = round(time.time() - started, 1)
    print(json.dumps(totals))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
