use super::*;
use arrow_array::Array;
use std::path::PathBuf;

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn coded_examples() -> Coded {
    let dir = examples().display().to_string();
    let opts = input_options(None);
    code_all(dyad_ingest::read_inputs(&[dir], &opts), None, 2).unwrap()
}

#[test]
fn the_table_holds_the_same_events_as_the_json_records() {
    let coded = coded_examples();
    assert!(coded.events.len() >= 10, "examples give events: {}", coded.events.len());
    assert_eq!(coded.failed, 0, "{:?}", coded.errors);
    // the same documents through the record path give the same events, in order
    let docs: Vec<Document> = dyad_ingest::read_inputs(&[examples().display().to_string()], &input_options(None))
        .map(Result::unwrap)
        .collect();
    let json: Vec<String> =
        records(&docs, &Stage::Code { explain: false }, 1).unwrap().into_iter().flat_map(Result::unwrap).collect();
    assert_eq!(json.len(), coded.events.len());
    let batch = events_batch(&coded.events, false, "20250101000000").unwrap();
    assert_eq!(batch.num_rows(), coded.events.len());
    let names: Vec<String> = batch.schema().fields().iter().map(|f| f.name().clone()).collect();
    assert_eq!(names, column_names(false));
    let ids = batch.column_by_name("event_id").unwrap().as_any().downcast_ref::<StringArray>().unwrap();
    let goldstein = batch.column_by_name("goldstein").unwrap().as_any().downcast_ref::<Float64Array>().unwrap();
    let negated = batch.column_by_name("negated").unwrap().as_any().downcast_ref::<BooleanArray>().unwrap();
    let quad = batch.column_by_name("quad_class").unwrap().as_any().downcast_ref::<Int64Array>().unwrap();
    let lat = batch.column_by_name("lat").unwrap().as_any().downcast_ref::<Float64Array>().unwrap();
    let target = batch.column_by_name("target_code").unwrap().as_any().downcast_ref::<StringArray>().unwrap();
    for (i, line) in json.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(ids.value(i), v["event_id"].as_str().unwrap());
        assert_eq!(goldstein.value(i), v["goldstein"].as_f64().unwrap());
        assert_eq!(negated.value(i), v["negated"].as_bool().unwrap());
        assert_eq!(quad.value(i), v["quad_class"].as_i64().unwrap());
        assert_eq!(target.is_null(i), v["target"].is_null());
        assert_eq!((!lat.is_null(i)).then(|| lat.value(i)), v["location"]["lat"].as_f64());
    }
}

#[test]
fn gdelt_columns_and_ids() {
    let coded = coded_examples();
    let batch = events_batch(&coded.events, true, "20250101120000").unwrap();
    assert_eq!(batch.num_columns(), 61);
    assert_eq!(batch.schema().field(1).name(), "Day");
    let day = batch.column(1).as_any().downcast_ref::<StringArray>().unwrap();
    let added = batch.column_by_name("DATEADDED").unwrap().as_any().downcast_ref::<StringArray>().unwrap();
    let id = batch.column(0).as_any().downcast_ref::<StringArray>().unwrap();
    for (i, row) in coded.events.iter().enumerate() {
        match row.event.date.as_deref() {
            Some(date) => assert_eq!(day.value(i).get(..4), date.get(..4)),
            None => assert_eq!(day.value(i), ""),
        }
        assert_eq!(added.value(i), "20250101120000");
        assert_eq!(id.value(i), global_id(&row.event.event_id).to_string());
        assert!(id.value(i).parse::<i64>().unwrap() >= 0);
    }
}

#[test]
fn ipc_stream_reads_back() {
    let coded = coded_examples();
    let batch = events_batch(&coded.events, false, "20250101000000").unwrap();
    let bytes = ipc_stream(&batch).unwrap();
    let reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(bytes), None).unwrap();
    let back: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0], batch);
    // an empty table keeps its columns
    let empty = events_batch(&[], false, "").unwrap();
    assert_eq!((empty.num_rows(), empty.num_columns()), (0, column_names(false).len()));
}

#[test]
fn warc_errors_name_the_record_offset_and_coding_goes_on() {
    let page = std::fs::read(examples().join("protest-nairobi.html")).unwrap();
    let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    block.extend(&page);
    let mut warc = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://n.example/\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    warc.extend(&block);
    warc.extend(b"\r\n\r\n");
    let bad = warc.len();
    warc.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n");
    let coded =
        code_all(dyad_ingest::read_bytes("mem.warc", Some("mem.warc"), warc, &input_options(None)), None, 1).unwrap();
    assert_eq!((coded.records, coded.documents, coded.failed), (2, 1, 1));
    assert_eq!(coded.errors, vec![format!("mem.warc at byte {bad}: missing or unreadable Content-Length, skipped")]);
    assert!(!coded.events.is_empty());
    assert!(coded.events.iter().all(|r| r.source == "mem.warc@0" && r.url.as_deref() == Some("http://n.example/")));
}

#[test]
fn a_bad_date_gets_the_command_line_message() {
    assert_eq!(parse_date("14/03/2025").unwrap_err(), "\"14/03/2025\" is not a date in YYYY-MM-DD form");
}
