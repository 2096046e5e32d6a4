//! The PyO3 module `dyad._dyad`: thin functions over the plain-Rust half. Python
//! objects are turned into owned Rust values first, then the GIL is released for
//! the pipeline, so other Python threads (and Spark's Arrow feeder) keep running.
//! The friendlier API (dicts, pyarrow tables, pandas) lives in `dyad/__init__.py`.

use crate::{Coded, Input};
use dyad_pipeline::Stage;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

pyo3::create_exception!(_dyad, DyadError, PyValueError, "A document or input dyad could not process.");

fn err(msg: String) -> PyErr {
    DyadError::new_err(msg)
}

fn stage(name: &str) -> PyResult<Stage> {
    match name {
        "extract" => Ok(Stage::Extract),
        "annotate" => Ok(Stage::Annotate),
        "code" => Ok(Stage::Code { explain: false }),
        other => Err(PyValueError::new_err(format!("unknown stage {other:?}: extract, annotate or code"))),
    }
}

fn date(s: Option<&str>) -> PyResult<Option<chrono::NaiveDate>> {
    s.map(crate::parse_date).transpose().map_err(PyValueError::new_err)
}

type Item = (Vec<u8>, String, Option<String>, Option<String>);

fn inputs(items: Vec<Item>) -> PyResult<Vec<dyad_core::Document>> {
    items
        .into_iter()
        .map(|(bytes, source, url, published)| {
            Ok(Input { bytes, source, url, published: date(published.as_deref())? }.into_document())
        })
        .collect()
}

/// One document's outcome: `(ok, JSON records, error message)`.
type Outcome = (bool, Vec<String>, Option<String>);

/// Documents `(bytes, source, url, published)` through `stage`: for each, `(True,
/// [json records])` or `(False, message)`.
#[pyfunction]
#[pyo3(signature = (stage_name, items, threads=0))]
fn process(py: Python<'_>, stage_name: &str, items: Vec<Item>, threads: usize) -> PyResult<Vec<Outcome>> {
    let stage = stage(stage_name)?;
    let docs = inputs(items)?;
    let results = py.detach(|| crate::records(&docs, &stage, crate::threads(threads))).map_err(err)?;
    Ok(results
        .into_iter()
        .map(|r| match r {
            Ok(records) => (true, records, None),
            Err(e) => (false, Vec::new(), Some(e)),
        })
        .collect())
}

/// What coding gave, for Python: Arrow IPC bytes of the events, records met,
/// documents read, records or documents failed, and the failures' messages.
type Table<'py> = (Bound<'py, PyBytes>, usize, usize, usize, Vec<String>);

fn table(py: Python<'_>, coded: Coded, gdelt: bool) -> PyResult<Table<'_>> {
    let ipc = py
        .detach(|| crate::events_batch(&coded.events, gdelt, &crate::now_added()).and_then(|b| crate::ipc_stream(&b)))
        .map_err(err)?;
    Ok((PyBytes::new(py, &ipc), coded.records, coded.documents, coded.failed, coded.errors))
}

/// Code documents `(bytes, source, url, published)` into one events table.
#[pyfunction]
#[pyo3(signature = (items, gdelt=false, threads=0))]
fn code_table(py: Python<'_>, items: Vec<Item>, gdelt: bool, threads: usize) -> PyResult<Table<'_>> {
    let docs = inputs(items)?;
    let coded = py.detach(|| crate::code_all(docs.into_iter().map(Ok), None, crate::threads(threads))).map_err(err)?;
    table(py, coded, gdelt)
}

/// Code every document of files and folders (as `dyad code PATHS` reads them), or
/// of one input held in memory (`data`, read as a file named `name`: WARC, gzip,
/// JSONL, feed, HTML or text), into one events table.
#[pyfunction]
#[pyo3(signature = (paths=None, data=None, source=None, name=None, published=None, gdelt=false, threads=0, max_bytes=None))]
#[allow(clippy::too_many_arguments)]
fn code_inputs<'py>(
    py: Python<'py>,
    paths: Option<Vec<String>>,
    data: Option<Vec<u8>>,
    source: Option<String>,
    name: Option<String>,
    published: Option<&str>,
    gdelt: bool,
    threads: usize,
    max_bytes: Option<usize>,
) -> PyResult<Table<'py>> {
    let published = date(published)?;
    let opts = crate::input_options(max_bytes);
    let threads = crate::threads(threads);
    let coded = match (paths, data) {
        (Some(paths), None) => {
            py.detach(|| crate::code_all(dyad_ingest::read_inputs(&paths, &opts), published, threads))
        }
        (None, Some(data)) => {
            let source = source.or_else(|| name.clone()).unwrap_or_else(|| "<bytes>".into());
            py.detach(|| {
                crate::code_all(dyad_ingest::read_bytes(source, name.as_deref(), data, &opts), published, threads)
            })
        }
        _ => return Err(PyValueError::new_err("give either paths or data")),
    }
    .map_err(err)?;
    table(py, coded, gdelt)
}

/// Column names of the events table (`gdelt`: GDELT 2.0's 61 names).
#[pyfunction]
#[pyo3(signature = (gdelt=false))]
fn columns(gdelt: bool) -> Vec<&'static str> {
    crate::column_names(gdelt)
}

#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DyadError", m.py().get_type::<DyadError>())?;
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add_function(wrap_pyfunction!(code_table, m)?)?;
    m.add_function(wrap_pyfunction!(code_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
