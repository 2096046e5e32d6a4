"""Articles per second of the Spark job (python -m dyad.spark) in local[1] and
local[2], and their ratio, over WARCs built from the project's fixture pages.

    python bench/spark_bench.py [--files 8] [--copies 40]

Needs the dyad wheel and pyspark installed (see README, "Python and Spark"). Each
figure is the wall time of the job (read, code, write Parquet) after a warm-up run
in the same session; the in-process figure (dyad.code_warc on one thread, no Spark)
is measured in the same run as the baseline the Spark figures are set against.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python" / "tests"))

import dyad  # noqa: E402
from dyad.spark import run, session  # noqa: E402
from warcs import fixture_pages, write_warc  # noqa: E402


def build(d: Path, files: int, copies: int) -> int:
    pages = fixture_pages()
    n = 0
    for f in range(files):
        # distinct URLs, so every copy is its own document
        batch = [(f"{u}?f={f}&c={c}", body, ct) for c in range(copies) for u, body, ct in pages]
        write_warc(d / f"bench-{f:02}.warc.gz", batch)
        n += len(batch)
    return n


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--files", type=int, default=8)
    p.add_argument("--copies", type=int, default=40, help="copies of the fixture pages per file")
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dyad-spark-bench-"))
    try:
        data = work / "warcs"
        data.mkdir()
        articles = build(data, args.files, args.copies)
        warm = work / "warm"
        warm.mkdir()
        write_warc(warm / "warm.warc.gz", fixture_pages())

        start = time.perf_counter()
        for w in sorted(data.iterdir()):
            dyad.code_warc(w, threads=1)
        base = articles / (time.perf_counter() - start)
        print(f"in-process, 1 thread (baseline): {articles} articles, {base:,.0f} articles/s")

        rates = {}
        for master in ("local[1]", "local[2]"):
            spark = session(master, app=f"dyad-bench-{master}")
            spark.sparkContext.setLogLevel("ERROR")
            run(spark, [str(warm)], str(work / "out-warm"))
            start = time.perf_counter()
            rows = run(spark, [str(data)], str(work / f"out-{master}"))
            secs = time.perf_counter() - start
            spark.stop()
            coded = sum(r["records"] for r in rows)
            assert coded == articles, (coded, articles)
            rates[master] = articles / secs
            print(
                f"spark {master}: {articles} articles, {sum(r['events'] for r in rows)} events in {secs:.1f} s: "
                f"{rates[master]:,.0f} articles/s ({rates[master] / base:.2f}x the baseline)"
            )
        print(f"local[2] / local[1]: {rates['local[2]'] / rates['local[1]']:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
