//! Exports of the stored events: JSONL (the event record plus counts), CSV, Parquet,
//! and GDELT 2.0's 61 tab-separated event columns.

use crate::{Result, Store, StoreError};
use dyad_core::{csv_field, Event};
use std::io::Write;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
    Gdelt,
}

/// One stored event with what the store adds to the record.
struct Row {
    global_id: i64,
    event: Event,
    num_mentions: i64,
    num_articles: i64,
    num_sources: i64,
    url: Option<String>,
    source: String,
    added_at: String,
    first_of_cluster: bool,
}

fn rows(store: &Store) -> Result<Vec<Row>> {
    let mut st = store.conn.prepare(
        "SELECT e.id, e.record, c.num_mentions, c.num_articles, c.num_sources, d.url, d.source, d.added_at, c.first_event = e.id
         FROM events e JOIN clusters c ON c.cluster = e.cluster JOIN documents d ON d.doc_id = e.doc_id ORDER BY e.id",
    )?;
    let mut out = Vec::new();
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        let record: String = r.get(1)?;
        out.push(Row {
            global_id: r.get(0)?,
            event: serde_json::from_str(&record)?,
            num_mentions: r.get(2)?,
            num_articles: r.get(3)?,
            num_sources: r.get(4)?,
            url: r.get(5)?,
            source: r.get(6)?,
            added_at: r.get(7)?,
            first_of_cluster: r.get(8)?,
        });
    }
    Ok(out)
}

pub use dyad_core::GDELT_COLUMNS;

/// Tabs and newlines would break GDELT's tab-separated lines.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Write every stored event in `format`; returns the number of rows written.
pub fn export<W: Write + Send>(store: &Store, format: ExportFormat, mut out: W) -> Result<usize> {
    let rows = rows(store)?;
    let n = match format {
        ExportFormat::Jsonl => {
            for r in &rows {
                let mut v = serde_json::to_value(&r.event)?;
                if let Some(m) = v.as_object_mut() {
                    m.insert("global_id".into(), r.global_id.into());
                    m.insert("num_mentions".into(), r.num_mentions.into());
                    m.insert("num_articles".into(), r.num_articles.into());
                    m.insert("num_sources".into(), r.num_sources.into());
                    m.insert("url".into(), r.url.clone().into());
                }
                serde_json::to_writer(&mut out, &v)?;
                out.write_all(b"\n")?;
            }
            rows.len()
        }
        ExportFormat::Csv => {
            // the event's own columns between the store's id and its counts
            let columns: Vec<&str> = std::iter::once("global_id")
                .chain(Event::CSV_COLUMNS.iter().copied())
                .chain(["num_mentions", "num_articles", "num_sources", "url"])
                .collect();
            writeln!(out, "{}", columns.join(","))?;
            for r in &rows {
                let mut cells = vec![r.global_id.to_string()];
                cells.extend(r.event.csv_cells());
                cells.extend([
                    r.num_mentions.to_string(),
                    r.num_articles.to_string(),
                    r.num_sources.to_string(),
                    r.url.clone().unwrap_or_else(|| r.source.clone()),
                ]);
                writeln!(out, "{}", cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
            }
            rows.len()
        }
        ExportFormat::Gdelt => {
            let mut n = 0;
            for r in rows.iter().filter(|r| r.first_of_cluster) {
                let cells = gdelt_row(r);
                writeln!(out, "{}", cells.iter().map(|c| tsv_field(c)).collect::<Vec<_>>().join("\t"))?;
                n += 1;
            }
            n
        }
        ExportFormat::Parquet => {
            write_parquet(&rows, &mut out)?;
            rows.len()
        }
    };
    out.flush()?;
    Ok(n)
}

fn gdelt_row(r: &Row) -> Vec<String> {
    let date_added: String = r.added_at.chars().filter(|ch| ch.is_ascii_digit()).collect();
    r.event.gdelt_cells(&dyad_core::GdeltExtras {
        global_id: r.global_id,
        num_mentions: r.num_mentions,
        num_sources: r.num_sources,
        num_articles: r.num_articles,
        date_added: &date_added,
        url: r.url.as_deref().unwrap_or(&r.source),
    })
}

fn write_parquet<W: Write + Send>(rows: &[Row], out: W) -> Result<()> {
    use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
    let s = |f: &dyn Fn(&Row) -> Option<String>| -> ArrayRef {
        Arc::new(StringArray::from(rows.iter().map(f).collect::<Vec<Option<String>>>()))
    };
    let i =
        |f: &dyn Fn(&Row) -> i64| -> ArrayRef { Arc::new(Int64Array::from(rows.iter().map(f).collect::<Vec<_>>())) };
    let b =
        |f: &dyn Fn(&Row) -> bool| -> ArrayRef { Arc::new(BooleanArray::from(rows.iter().map(f).collect::<Vec<_>>())) };
    let fl = |f: &dyn Fn(&Row) -> Option<f64>| -> ArrayRef {
        Arc::new(Float64Array::from(rows.iter().map(f).collect::<Vec<_>>()))
    };
    let batch = RecordBatch::try_from_iter(vec![
        ("global_id", i(&|r| r.global_id)),
        ("event_id", s(&|r| Some(r.event.event_id.clone()))),
        ("doc_id", s(&|r| Some(r.event.doc_id.clone()))),
        ("date", s(&|r| r.event.date.clone())),
        ("date_precision", s(&|r| r.event.date_precision.map(|p| p.as_str().to_string()))),
        ("historical", b(&|r| r.event.historical)),
        ("negated", b(&|r| r.event.negated)),
        ("hypothetical", b(&|r| r.event.hypothetical)),
        ("source_code", s(&|r| Some(r.event.source.code.clone()))),
        ("source_text", s(&|r| Some(r.event.source.text.clone()))),
        ("source_country", s(&|r| r.event.source.country.clone())),
        ("target_code", s(&|r| r.event.target.as_ref().map(|t| t.code.clone()))),
        ("target_text", s(&|r| r.event.target.as_ref().map(|t| t.text.clone()))),
        ("target_country", s(&|r| r.event.target.as_ref().and_then(|t| t.country.clone()))),
        ("cameo", s(&|r| Some(r.event.cameo.clone()))),
        ("cameo_root", s(&|r| Some(r.event.cameo_root.clone()))),
        ("cameo_name", s(&|r| Some(r.event.cameo_name.clone()))),
        ("quad_class", i(&|r| r.event.quad_class as i64)),
        ("goldstein", fl(&|r| Some(r.event.goldstein))),
        ("plover_event", s(&|r| Some(r.event.plover.event.clone()))),
        ("plover_mode", s(&|r| r.event.plover.mode.clone())),
        ("location_name", s(&|r| r.event.location.as_ref().map(|l| l.name.clone()))),
        ("location_country", s(&|r| r.event.location.as_ref().and_then(|l| l.country.clone()))),
        ("lat", fl(&|r| r.event.location.as_ref().and_then(|l| l.lat))),
        ("lon", fl(&|r| r.event.location.as_ref().and_then(|l| l.lon))),
        ("sentence_index", i(&|r| r.event.sentence.index as i64)),
        ("sentence", s(&|r| Some(r.event.sentence.text.clone()))),
        ("trigger", s(&|r| Some(r.event.trigger.text.clone()))),
        ("rule", s(&|r| Some(r.event.rule.clone()))),
        ("num_mentions", i(&|r| r.num_mentions)),
        ("num_articles", i(&|r| r.num_articles)),
        ("num_sources", i(&|r| r.num_sources)),
        ("url", s(&|r| r.url.clone())),
        ("source", s(&|r| Some(r.source.clone()))),
    ])
    .map_err(|e| StoreError::Parquet(e.to_string()))?;
    let props = parquet::file::properties::WriterProperties::builder()
        .set_compression(parquet::basic::Compression::ZSTD(Default::default()))
        .build();
    let mut w = parquet::arrow::ArrowWriter::try_new(out, batch.schema(), Some(props))
        .map_err(|e| StoreError::Parquet(e.to_string()))?;
    w.write(&batch).map_err(|e| StoreError::Parquet(e.to_string()))?;
    w.close().map_err(|e| StoreError::Parquet(e.to_string()))?;
    Ok(())
}
