"""The Python API gives what the command line gives, for the same input."""

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import dyad
from warcs import ROOT, fixture_pages, write_warc

EXAMPLES = ROOT / "examples"
PAGES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".html", ".txt"))
# the one example without a date inside (see examples/README.md)
PUBLISHED = {"humanitarian-aid-sudan.txt": "2025-02-14"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_code_gives_the_cli_records(cli, page):
    published = PUBLISHED.get(page.name)
    args = ["code", str(page)] + (["--published", published] if published else [])
    out, _ = cli(*args)
    expected = [json.loads(line) for line in out]
    assert expected, f"the CLI codes events in {page.name}"
    got = dyad.code(page.read_bytes(), published=published, source=str(page))
    assert got == expected
    # a str gives the same as its UTF-8 bytes
    assert dyad.code(page.read_text(encoding="utf-8"), published=published, source=str(page)) == expected


def test_extract_and_annotate_give_the_cli_records(cli):
    page = EXAMPLES / "leaders-meeting-ankara.html"
    for stage, fn in (("extract", dyad.extract), ("annotate", dyad.annotate)):
        out, _ = cli(stage, str(page))
        assert fn(page.read_bytes(), source=str(page)) == json.loads(out[0])
    article = dyad.extract(page.read_bytes(), url="https://example.org/ankara")
    assert article["url"] == "https://example.org/ankara"
    assert article["published"] == "2025-03-14"
    assert any("contributed reporting" in b["text"] for b in article["boilerplate"])


def test_code_files_gives_the_cli_events_for_a_folder(cli):
    out, _ = cli("code", str(EXAMPLES))
    expected = [json.loads(line) for line in out]
    run = dyad.code_files(EXAMPLES)
    assert (run.failed, run.errors) == (0, [])
    t = run.table
    assert t.num_rows == len(expected) == run.events
    assert t.column("event_id").to_pylist() == [e["event_id"] for e in expected]
    assert t.column("cameo").to_pylist() == [e["cameo"] for e in expected]
    assert t.column("source_code").to_pylist() == [e["source"]["code"] for e in expected]
    assert t.column("target_code").to_pylist() == [(e["target"] or {}).get("code") for e in expected]
    assert t.column("goldstein").to_pylist() == [e["goldstein"] for e in expected]
    assert t.column("negated").to_pylist() == [e["negated"] for e in expected]
    assert t.column("date").to_pylist() == [e["date"] for e in expected]
    assert t.column("lat").to_pylist() == [(e["location"] or {}).get("lat") for e in expected]


def test_warc_errors_are_the_cli_messages(cli, tmp_path):
    path = tmp_path / "fixtures.warc.gz"
    bad = write_warc(path, fixture_pages(), corrupt_after=2)
    out, err = cli("code", str(path))
    cli_errors = [line.removeprefix("dyad: ") for line in err if "document(s) read" not in line]
    assert len(cli_errors) == 1 and f"at byte {bad[0]}" in cli_errors[0], err

    from_path = dyad.code_warc(path)
    from_bytes = dyad.code_warc(path.read_bytes(), source=str(path))
    for run in (from_path, from_bytes):
        assert run.errors == cli_errors
        assert run.failed == 1
        assert run.documents == len(fixture_pages())
        assert run.records == run.documents + 1
        assert run.table.column("event_id").to_pylist() == [json.loads(line)["event_id"] for line in out]
    assert set(from_bytes.table.column("url").to_pylist()) <= {u for u, _, _ in fixture_pages()}
    with pytest.raises(dyad.DyadError, match=f"at byte {bad[0]}: corrupt gzip member"):
        dyad.code_warc(path, errors="raise")


def test_bad_input_raises_with_the_cli_message(cli, tmp_path):
    with pytest.raises(ValueError, match=r'"14/03/2025" is not a date in YYYY-MM-DD form'):
        dyad.code("Police arrested protesters.", published="14/03/2025")
    _, err = cli("code", "--published", "14/03/2025", str(EXAMPLES / "protest-nairobi.html"), codes=(2,))
    assert any('"14/03/2025" is not a date in YYYY-MM-DD form' in line for line in err)
    with pytest.raises(TypeError):
        dyad.code(42)
    missing = tmp_path / "missing.html"
    run = dyad.code_files([missing, EXAMPLES / "protest-nairobi.html"])
    _, err = cli("code", str(missing), str(EXAMPLES / "protest-nairobi.html"))
    assert run.errors == [line.removeprefix("dyad: ") for line in err if "document(s) read" not in line]
    assert run.failed == 1 and run.events > 0


TEXTS = [
    "Police fired tear gas at protesters in Nairobi on Tuesday.",
    "The European Union imposed sanctions on Iran.",
    "It rained.",
]


def test_batch_tables_from_lists_arrow_and_pandas():
    t = dyad.code_batch(TEXTS, published="2025-06-24")
    assert isinstance(t, pa.Table)
    assert t.column_names == dyad.columns()
    assert t.num_rows >= 2
    assert t.schema.field("goldstein").type == pa.float64()
    assert t.schema.field("negated").type == pa.bool_()
    assert t.schema.field("quad_class").type == pa.int64()
    # each row's events equal the single-document records
    singles = [e for i, text in enumerate(TEXTS) for e in dyad.code(text, published="2025-06-24", source=f"<row {i}>")]
    assert t.column("event_id").to_pylist() == [e["event_id"] for e in singles]
    assert t.column("source").to_pylist()[0] == "<row 0>"

    arrow_in = pa.table({"text": TEXTS, "published": ["2025-06-24"] * 3})
    assert dyad.code_batch(arrow_in).equals(t)
    assert dyad.code_batch(arrow_in.to_batches()[0]).equals(t)

    df = dyad.code_batch(pd.DataFrame({"text": TEXTS}), published="2025-06-24", to="pandas")
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == dyad.columns()
    assert len(df) == t.num_rows
    assert df["negated"].dtype == bool and df["goldstein"].dtype == float
    assert df["event_id"].tolist() == t.column("event_id").to_pylist()


def test_gdelt_columns():
    df = dyad.code_batch(TEXTS, published="2025-06-24", gdelt=True, to="pandas")
    assert list(df.columns) == dyad.columns(gdelt=True)
    assert len(df.columns) == 61 and df.columns[0] == "GlobalEventID" and df.columns[-1] == "SOURCEURL"
    plain = dyad.code_batch(TEXTS, published="2025-06-24")
    assert len(df) == plain.num_rows
    assert df["EventCode"].tolist() == plain.column("cameo").to_pylist()
    assert df["Day"].tolist() == [d.replace("-", "") for d in plain.column("date").to_pylist()]
    # GDELT's full place name, from the GeoNames place the event was resolved to
    assert df["ActionGeo_FullName"].iloc[0] == "Nairobi, Kenya"
    assert df["ActionGeo_CountryCode"].iloc[0] == "KEN"
    assert df["ActionGeo_Lat"].iloc[0] != ""


def test_empty_and_failed_batches():
    t = dyad.code_batch([])
    assert t.num_rows == 0 and t.column_names == dyad.columns()
    with pytest.raises(dyad.DyadError, match="row 0: no text or html"):
        dyad.code_batch(pa.table({"body": ["x"]}))
    with pytest.raises(ValueError, match="2 urls for 3 texts"):
        dyad.code_batch(TEXTS, urls=["a", "b"])
