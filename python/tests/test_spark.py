"""The Spark job over WARCs built from the project's fixtures: in local[2], and on a
standalone master + worker started on 127.0.0.1 with pyspark's own spark-class."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import dyad
from warcs import fixture_pages, write_warc

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def warcs(tmp_path_factory):
    """Three archives: the fixture pages split in two, the second with a corrupt
    record, and a third holding all of them."""
    d = tmp_path_factory.mktemp("warcs")
    pages = fixture_pages()
    write_warc(d / "a.warc.gz", pages[:4])
    write_warc(d / "b.warc.gz", pages[4:], corrupt_after=1)
    write_warc(d / "c.warc.gz", pages)
    (d / "notes.txt").write_text("not an archive: the job's file filter leaves it out")
    return d


def expected(warcs: Path) -> dict:
    """What dyad.code_warc gives for each archive (the job's per-file truth)."""
    out = {}
    for p in sorted(warcs.glob("*.warc.gz")):
        run = dyad.code_warc(p.read_bytes(), source=p.as_uri())
        out[p.name] = run
    return out


@pytest.fixture(scope="module")
def spark():
    from dyad.spark import session

    s = session("local[2]", app="dyad-tests")
    yield s
    s.stop()


def check_output(out: Path, warcs: Path, rows: list):
    truth = expected(warcs)
    events = pd.read_parquet(out / "events")
    assert len(events) == sum(r.events for r in truth.values()) > 0
    assert set(events.columns) >= set(dyad.columns()) | {"event_date"}
    assert (out / "events" / "event_date=2025-03-14").is_dir()
    by_file = {Path(r["file"]).name: r for r in rows}
    assert sorted(by_file) == sorted(truth)
    for name, run in truth.items():
        r = by_file[name]
        assert (r["records"], r["errors"], r["events"]) == (run.records, run.failed, run.events)
        assert [m.split(" at byte ")[1] for m in r["error_messages"]] == [m.split(" at byte ")[1] for m in run.errors]
    assert by_file["b.warc.gz"]["errors"] == 1
    assert "corrupt gzip member" in by_file["b.warc.gz"]["error_messages"][0]
    files = pd.read_parquet(out / "files")
    assert sorted(Path(f).name for f in files["file"]) == sorted(truth)
    return events


def test_local_job_writes_partitioned_parquet_and_reruns_idempotently(spark, warcs, tmp_path):
    from dyad.spark import run

    out = tmp_path / "out"
    rows = run(spark, [str(warcs)], str(out))
    first = check_output(out, warcs, rows)
    # the same inputs again: the same partitions are overwritten, nothing is added
    rows = run(spark, [str(warcs)], str(out))
    again = check_output(out, warcs, rows)
    assert len(again) == len(first)
    assert sorted(again["event_id"]) == sorted(first["event_id"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(log: Path, text: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if log.exists() and text in log.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not in {log}:\n{log.read_text(errors='replace') if log.exists() else ''}")


def test_standalone_cluster_job(warcs, tmp_path):
    spark_class = Path(pyspark.__file__).parent / "bin" / "spark-class"
    env = dict(os.environ, SPARK_HOME=str(Path(pyspark.__file__).parent), SPARK_LOCAL_IP="127.0.0.1")
    env["PYSPARK_PYTHON"] = sys.executable
    port, master_ui, worker_ui = free_port(), free_port(), free_port()
    master_url = f"spark://127.0.0.1:{port}"
    procs = []
    try:
        mlog = tmp_path / "master.log"
        master = subprocess.Popen(
            [str(spark_class), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
             "--port", str(port), "--webui-port", str(master_ui)],
            stdout=mlog.open("w"), stderr=subprocess.STDOUT, env=env,
        )
        procs.append(master)
        wait_for(mlog, "I have been elected leader", master)
        wlog = tmp_path / "worker.log"
        worker = subprocess.Popen(
            [str(spark_class), "org.apache.spark.deploy.worker.Worker", master_url, "--host", "127.0.0.1",
             "--webui-port", str(worker_ui), "--cores", "2", "--memory", "1g", "--work-dir", str(tmp_path / "work")],
            stdout=wlog.open("w"), stderr=subprocess.STDOUT, env=env,
        )
        procs.append(worker)
        wait_for(wlog, "Successfully registered with master", worker)

        out = tmp_path / "out"
        job = subprocess.run(
            [sys.executable, "-m", "dyad.spark", "--master", master_url, "--input", str(warcs), "--out", str(out)],
            capture_output=True, text=True, env=env, timeout=600,
        )
        assert job.returncode == 0, job.stderr[-5000:]
        totals = json.loads(job.stdout.strip().splitlines()[-1])
        truth = expected(warcs)
        assert totals["files"] == 3
        assert totals["events"] == sum(r.events for r in truth.values())
        assert totals["errors"] == 1
        # the failed record is logged by the driver, with its offset
        assert "at byte" in job.stderr and "corrupt gzip member" in job.stderr
        files = pd.read_parquet(out / "files")
        rows = files.drop(columns=["file_key"]).to_dict("records")
        for r in rows:
            r["error_messages"] = list(r["error_messages"])
        check_output(out, warcs, rows)
        # the executors ran in the worker, not in the driver
        assert list((tmp_path / "work").iterdir()), "the worker ran no executor"
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
