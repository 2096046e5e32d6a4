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

/// The GDELT 2.0 event table's column names, in order (61).
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

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

/// Day (YYYYMMDD), MonthYear, Year and FractionDate from an ISO date, month or year.
fn gdelt_dates(date: Option<&str>) -> [String; 4] {
    let Some(d) = date else { return Default::default() };
    let y: i32 = d.get(0..4).and_then(|s| s.parse().ok()).unwrap_or(0);
    let m: u32 = d.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
    let day: u32 = d.get(8..10).and_then(|s| s.parse().ok()).unwrap_or(1);
    let doy = chrono::NaiveDate::from_ymd_opt(y, m, day).map(|d| chrono::Datelike::ordinal(&d)).unwrap_or(1);
    [
        format!("{y:04}{m:02}{day:02}"),
        format!("{y:04}{m:02}"),
        format!("{y:04}"),
        format!("{:.4}", y as f64 + doy as f64 / 365.0),
    ]
}

fn actor_cells(a: Option<&dyad_core::EventActor>) -> Vec<String> {
    let Some(a) = a else { return vec![String::new(); 10] };
    let sector = a.sector.clone().unwrap_or_default();
    let types: Vec<String> = sector.as_bytes().chunks(3).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    let known = if a.country.is_none() { types.first().cloned().unwrap_or_default() } else { String::new() };
    vec![
        a.code.clone(),
        a.text.to_uppercase(),
        a.country.clone().unwrap_or_default(),
        known,
        String::new(),
        String::new(),
        String::new(),
        types.first().cloned().unwrap_or_default(),
        types.get(1).cloned().unwrap_or_default(),
        types.get(2).cloned().unwrap_or_default(),
    ]
}

fn gdelt_row(r: &Row) -> Vec<String> {
    let e = &r.event;
    let mut c: Vec<String> = Vec::with_capacity(61);
    c.push(r.global_id.to_string());
    c.extend(gdelt_dates(e.date.as_deref()));
    c.extend(actor_cells(Some(&e.source)));
    c.extend(actor_cells(e.target.as_ref()));
    c.push(if e.sentence.index == 0 { "1" } else { "0" }.into());
    c.push(e.cameo.clone());
    c.push(e.cameo.get(0..3).unwrap_or(&e.cameo).to_string());
    c.push(e.cameo_root.clone());
    c.push(e.quad_class.to_string());
    c.push(e.goldstein.to_string());
    c.push(r.num_mentions.to_string());
    c.push(r.num_sources.to_string());
    c.push(r.num_articles.to_string());
    c.push("0".into()); // AvgTone: dyad does not score tone
    c.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_* and Actor2Geo_*: dyad places the action only
    match &e.location {
        Some(l) => {
            // 1 = country, 4 = a place inside one (GDELT's WORLDCITY)
            let is_country = l.feature.as_deref() == Some("country")
                || l.country.as_deref().is_some_and(|cc| l.name.eq_ignore_ascii_case(cc));
            c.push(if is_country { "1" } else { "4" }.into());
            c.push(l.full_name.clone().unwrap_or_else(|| l.name.clone()));
            c.push(l.country.clone().unwrap_or_default());
            c.push(String::new());
            c.push(String::new());
            c.push(l.lat.map(|v| v.to_string()).unwrap_or_default());
            c.push(l.lon.map(|v| v.to_string()).unwrap_or_default());
            c.push(l.geonames_id.map(|v| v.to_string()).unwrap_or_default());
        }
        None => {
            c.push("0".into());
            c.extend(std::iter::repeat_n(String::new(), 7));
        }
    }
    c.push(r.added_at.chars().filter(|ch| ch.is_ascii_digit()).collect());
    c.push(r.url.clone().unwrap_or_else(|| r.source.clone()));
    debug_assert_eq!(c.len(), 61);
    c
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
