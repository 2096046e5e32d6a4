//! Read queries behind the HTTP API: events with filters, paging and sorting; one
//! event with its provenance; documents with their spans; actors; dyads; timeline.

use crate::{Result, Store};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, OptionalExtension};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The largest page the API returns.
pub const MAX_PAGE_SIZE: usize = 500;

/// The event list counts its matches up to this many; past it `total` is this number
/// and `total_exact` is false (counting a whole large match set costs more than the page).
pub const COUNT_CAP: i64 = 1_000;

/// Filters over events; every field narrows the set (all must hold).
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Source or target: the code starts with it (case-insensitive), or, unless it is written in
    /// capitals like a code, the actor text contains it and each of its words starts a word.
    pub actor: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// Source or target country (ISO-3 style, e.g. RUS).
    pub country: Option<String>,
    /// CAMEO code prefix: "04" matches 040-046, "043" only 043.
    pub cameo: Option<String>,
    pub root: Option<String>,
    pub plover: Option<String>,
    pub quad_class: Option<u8>,
    /// Inclusive ISO bounds (YYYY, YYYY-MM or YYYY-MM-DD), compared as text.
    pub from: Option<String>,
    pub to: Option<String>,
    pub negated: Option<bool>,
    pub hypothetical: Option<bool>,
    pub historical: Option<bool>,
    /// Only events with (true) or without (false) coordinates.
    pub located: Option<bool>,
    /// Free text over the event's sentence (all words must occur).
    pub q: Option<String>,
    pub doc: Option<String>,
}

/// Sort orders for the event list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    DateDesc,
    DateAsc,
    GoldsteinAsc,
    GoldsteinDesc,
    Cameo,
    Mentions,
    Id,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "-date" | "date_desc" => Sort::DateDesc,
            "date" | "date_asc" => Sort::DateAsc,
            "goldstein" => Sort::GoldsteinAsc,
            "-goldstein" => Sort::GoldsteinDesc,
            "cameo" => Sort::Cameo,
            "-mentions" | "mentions" => Sort::Mentions,
            "id" => Sort::Id,
            _ => return None,
        })
    }

    /// How the event list can walk this sort's order instead of sorting the matches (see
    /// [`Store::walk_ids`]).
    ///
    /// `events_list` holds every filter column, so its walk reads no event rows (80-160 ns an
    /// entry on a 131,072-event store, against about 1 µs for each match the sorter
    /// takes); the others read each event's row on the walk, hence the smaller budget.
    fn walk(self) -> Option<Walk> {
        let (index, key, budget) = match self {
            Sort::DateDesc | Sort::DateAsc => ("events_list", "date", 20_000),
            Sort::GoldsteinAsc | Sort::GoldsteinDesc => ("events_goldstein", "goldstein", 2_000),
            Sort::Cameo => ("events_cameo", "cameo", 2_000),
            Sort::Mentions | Sort::Id => return None,
        };
        let descending = matches!(self, Sort::DateDesc | Sort::GoldsteinDesc);
        Some(Walk { index, key, budget, descending })
    }

    fn sql(self) -> &'static str {
        match self {
            // ties in the direction of the sort, so one index walk gives the order
            Sort::DateDesc => "e.date DESC, e.id DESC",
            Sort::DateAsc => "e.date ASC, e.id",
            Sort::GoldsteinAsc => "e.goldstein ASC, e.id",
            Sort::GoldsteinDesc => "e.goldstein DESC, e.id DESC",
            Sort::Cameo => "e.cameo, e.id",
            Sort::Mentions => "c.num_mentions DESC, e.id",
            Sort::Id => "e.id",
        }
    }
}

/// An index whose order is a sort's order (`key`, then id), and how many of its entries the
/// event list may walk for one page.
struct Walk {
    index: &'static str,
    key: &'static str,
    budget: usize,
    descending: bool,
}

/// A page of results.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Page {
    /// Matches, counted up to [`COUNT_CAP`] for the event list.
    pub total: i64,
    /// False when `total` stopped at the cap (there are more).
    pub total_exact: bool,
    pub page: usize,
    pub per_page: usize,
    pub items: Vec<Value>,
}

/// A bad query parameter: its name and what is wrong.
pub type ParamError = (String, String);

fn valid_date(s: &str) -> bool {
    let ok = |fmt: &str, v: &str| chrono::NaiveDate::parse_from_str(v, fmt).is_ok();
    match s.len() {
        4 => s.bytes().all(|b| b.is_ascii_digit()),
        7 => ok("%Y-%m-%d", &format!("{s}-01")),
        10 => ok("%Y-%m-%d", s),
        _ => false,
    }
}

fn parse_bool(name: &str, v: &str) -> std::result::Result<bool, ParamError> {
    match v {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err((name.into(), format!("{v:?} is not true or false"))),
    }
}

/// Quote each word so user text can never be FTS5 syntax: `a "b` -> `"a" """b"`.
pub(crate) fn fts_query(q: &str) -> Option<String> {
    // control characters split words too: a NUL would end FTS5's query string inside a quote
    let words: Vec<String> = q
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// An FTS5 query matching sentences with words starting with each of the words of `q`
/// (`"puti"*`), to narrow a substring search on actor words to a few rows.
fn fts_prefix_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl EventFilter {
    /// The filter parameter names, for validation of query strings.
    pub const PARAMS: &'static [&'static str] = &[
        "actor",
        "source",
        "target",
        "country",
        "cameo",
        "root",
        "plover",
        "quad_class",
        "from",
        "to",
        "negated",
        "hypothetical",
        "historical",
        "located",
        "q",
        "doc",
    ];

    /// Read the filter from query parameters, naming the first bad one.
    pub fn from_params(p: &HashMap<String, String>) -> std::result::Result<EventFilter, ParamError> {
        let mut f = EventFilter::default();
        for (k, v) in p {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            let s = || Some(v.to_string());
            let bad = |msg: &str| Err((k.clone(), msg.to_string()));
            match k.as_str() {
                "actor" => f.actor = s(),
                "source" => f.source = s(),
                "target" => f.target = s(),
                "country" => f.country = s(),
                "cameo" => {
                    if !(v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit())) {
                        return bad("a CAMEO code is 1 to 4 digits");
                    }
                    f.cameo = s()
                }
                "root" => {
                    if !(v.len() == 2 && v.bytes().all(|b| b.is_ascii_digit())) {
                        return bad("a CAMEO root is 2 digits (01-20)");
                    }
                    f.root = s()
                }
                "plover" => f.plover = Some(v.to_uppercase()),
                "quad_class" => match v.parse::<u8>() {
                    Ok(n @ 1..=4) => f.quad_class = Some(n),
                    _ => return bad("QuadClass is 1, 2, 3 or 4"),
                },
                "from" | "to" => {
                    if !valid_date(v) {
                        return bad("a date is YYYY, YYYY-MM or YYYY-MM-DD");
                    }
                    if k == "from" {
                        f.from = s()
                    } else {
                        f.to = s()
                    }
                }
                "negated" => f.negated = Some(parse_bool(k, v)?),
                "hypothetical" => f.hypothetical = Some(parse_bool(k, v)?),
                "historical" => f.historical = Some(parse_bool(k, v)?),
                "located" => f.located = Some(parse_bool(k, v)?),
                "q" => f.q = s(),
                "doc" => f.doc = s(),
                _ => {}
            }
        }
        Ok(f)
    }

    /// SQL conditions over `events e` and their parameters.
    fn where_sql(&self) -> (String, Vec<SqlValue>) {
        self.where_sql_over(false)
    }

    /// The same, over `event_fts JOIN events e` when `fts_joined` (the free-text words then
    /// test the joined table, so a query can stream the sentence index's matches instead
    /// of first collecting them all).
    fn where_sql_over(&self, fts_joined: bool) -> (String, Vec<SqlValue>) {
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<SqlValue> = Vec::new();
        let mut push = |sql: &str, vals: Vec<String>, conds: &mut Vec<String>| {
            // number each `?` after the parameters already bound
            let mut out = String::new();
            let mut vals = vals.into_iter();
            for (i, piece) in sql.split('?').enumerate() {
                if i > 0 {
                    params.push(SqlValue::Text(vals.next().unwrap_or_default()));
                    out.push_str(&format!("?{}", params.len()));
                }
                out.push_str(piece);
            }
            conds.push(out);
        };
        // an actor is a code prefix (an index range: codes are upper case) or words of its
        // text; the words are found through the sentence index (actor words are sentence
        // words) before the substring test, so neither needs a scan of the table
        let actor_cond = |col: &str, a: &str, push: &mut dyn FnMut(&str, Vec<String>)| {
            let code = a.trim().to_uppercase();
            let code_sql = format!("({col}_code >= ? AND {col}_code < ?)");
            let mut vals = vec![code.clone(), format!("{code}\u{10FFFF}")];
            // written in capitals ("RUS", "USAGOV"): a code; otherwise words
            let is_code = a.trim().bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            match fts_prefix_query(a).filter(|_| !is_code) {
                Some(fq) => {
                    push(
                        &format!(
                            "({code_sql} OR (e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?) \
                             AND {col}_text LIKE ? ESCAPE '\\'))"
                        ),
                        {
                            vals.extend([fq, format!("%{}%", like_escape(a))]);
                            vals
                        },
                    );
                }
                None => push(&code_sql, vals),
            }
        };
        if let Some(a) = &self.actor {
            // source or target: two conditions joined by OR
            let mut parts: Vec<(String, Vec<String>)> = Vec::new();
            for col in ["e.source", "e.target"] {
                actor_cond(col, a, &mut |sql: &str, vals: Vec<String>| parts.push((sql.to_string(), vals)));
            }
            let sql = format!("({} OR {})", parts[0].0, parts[1].0);
            let vals = parts.into_iter().flat_map(|(_, v)| v).collect();
            push(&sql, vals, &mut conds);
        }
        for (val, col) in [(&self.source, "e.source"), (&self.target, "e.target")] {
            if let Some(a) = val {
                actor_cond(col, a, &mut |sql: &str, vals: Vec<String>| push(sql, vals, &mut conds));
            }
        }
        if let Some(c) = &self.country {
            let c = c.to_uppercase();
            push("(e.source_country = ? OR e.target_country = ?)", vec![c.clone(), c], &mut conds);
        }
        if let Some(c) = &self.cameo {
            // a range, not LIKE, so the index on cameo serves it
            push("(e.cameo >= ? AND e.cameo < ?)", vec![c.clone(), format!("{c}\u{10FFFF}")], &mut conds);
        }
        if let Some(r) = &self.root {
            push("e.cameo_root = ?", vec![r.clone()], &mut conds);
        }
        if let Some(p) = &self.plover {
            push("e.plover_event = ?", vec![p.clone()], &mut conds);
        }
        if let Some(q) = self.quad_class {
            conds.push(format!("e.quad_class = {q}"));
        }
        if let Some(d) = &self.from {
            push("e.date >= ?", vec![d.clone()], &mut conds);
        }
        if let Some(d) = &self.to {
            // "2024-07" as an upper bound includes every day of July
            push("e.date <= ?", vec![format!("{d}\u{10FFFF}")], &mut conds);
        }
        for (flag, col) in
            [(self.negated, "e.negated"), (self.hypothetical, "e.hypothetical"), (self.historical, "e.historical")]
        {
            if let Some(b) = flag {
                conds.push(format!("{col} = {}", b as i32));
            }
        }
        if let Some(l) = self.located {
            conds.push(if l { "e.lat IS NOT NULL" } else { "e.lat IS NULL" }.to_string());
        }
        if let Some(q) = self.q.as_deref().and_then(fts_query) {
            let sql = if fts_joined {
                "event_fts MATCH ?"
            } else {
                "e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"
            };
            push(sql, vec![q], &mut conds);
        }
        if let Some(d) = &self.doc {
            push("e.doc_id = ?", vec![d.clone()], &mut conds);
        }
        let sql = if conds.is_empty() { "1".to_string() } else { conds.join(" AND ") };
        (sql, params)
    }
}

const EVENT_COLUMNS: &str = "e.id, e.record, c.num_mentions, c.num_articles, c.num_sources, a.title, d.group_id";
const EVENT_JOINS: &str = "FROM events e JOIN clusters c ON c.cluster = e.cluster \
     JOIN documents d ON d.doc_id = e.doc_id JOIN articles a ON a.doc_id = e.doc_id";

fn event_row(r: &rusqlite::Row) -> rusqlite::Result<Value> {
    let record: String = r.get(1)?;
    let mut v: Value = serde_json::from_str(&record).unwrap_or_else(|_| json!({}));
    if let Some(m) = v.as_object_mut() {
        m.insert("global_id".into(), json!(r.get::<_, i64>(0)?));
        m.insert("num_mentions".into(), json!(r.get::<_, i64>(2)?));
        m.insert("num_articles".into(), json!(r.get::<_, i64>(3)?));
        m.insert("num_sources".into(), json!(r.get::<_, i64>(4)?));
        m.insert("doc_title".into(), json!(r.get::<_, Option<String>>(5)?));
        m.insert("group_id".into(), json!(r.get::<_, String>(6)?));
    }
    Ok(v)
}

impl Store {
    /// One page of events matching `f`.
    pub fn events(&self, f: &EventFilter, sort: Sort, page: usize, per_page: usize) -> Result<Page> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, MAX_PAGE_SIZE);
        let (cond, params) = f.where_sql();
        // counting up to the cap streams the free-text matches (a join) rather than
        // collecting every one of them first (an IN list): 0.5 ms against 3 ms for a word
        // in 10,000 sentences
        let words = f.q.as_deref().and_then(fts_query).is_some();
        let (count_cond, count_params) = if words { f.where_sql_over(true) } else { (cond.clone(), params.clone()) };
        let from = if words { "event_fts JOIN events e ON e.id = event_fts.rowid" } else { "events e" };
        let counted: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {count_cond} LIMIT {})", COUNT_CAP + 1),
            params_from_iter(count_params.iter()),
            |r| r.get(0),
        )?;
        let (total, total_exact) = if counted > COUNT_CAP { (COUNT_CAP, false) } else { (counted, true) };
        let offset = (page - 1).saturating_mul(per_page);
        if counted == 0 || (total_exact && offset >= counted as usize) {
            return Ok(Page { total, total_exact, page, per_page, items: Vec::new() });
        }
        // the page's ids first, then their records: sorting whole rows would carry every
        // matching record through the sorter
        let needed = offset.saturating_add(per_page);
        let clusters = if sort == Sort::Mentions { "JOIN clusters c ON c.cluster = e.cluster" } else { "" };
        let order = sort.sql();
        let sorted_sql = format!(
            "SELECT e.id FROM events e {clusters} WHERE {cond} ORDER BY {order} LIMIT {per_page} OFFSET {offset}"
        );
        let walked = match sort.walk() {
            Some(walk) if needed <= walk.budget && self.sorts_matches(&sorted_sql, &params)? => {
                self.walk_ids(&walk, &cond, &params, order, per_page, offset)?
            }
            _ => None,
        };
        let ids = match walked {
            Some(ids) => ids,
            None => self.ids(&sorted_sql, &params)?,
        };
        if ids.is_empty() {
            return Ok(Page { total, total_exact, page, per_page, items: Vec::new() });
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = format!("SELECT {EVENT_COLUMNS} {EVENT_JOINS} WHERE e.id IN ({list}) ORDER BY {order}");
        let mut st = self.conn.prepare(&sql)?;
        let items = st.query_map([], event_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Page { total, total_exact, page, per_page, items })
    }

    fn ids(&self, sql: &str, params: &[SqlValue]) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare(sql)?;
        let ids = st.query_map(params_from_iter(params.iter()), |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ids)
    }

    /// Whether SQLite's plan for `sql` sorts its rows (no index gives the order).
    fn sorts_matches(&self, sql: &str, params: &[SqlValue]) -> Result<bool> {
        let mut st = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let details = st.query_map(params_from_iter(params.iter()), |r| r.get::<_, String>(3))?;
        for d in details {
            if d?.contains("TEMP B-TREE FOR ORDER BY") {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The page's ids found by walking the first `walk.budget` events in the sort's order
    /// (the sort's index) and testing each against the filter; `None` when the budget ran
    /// out before the page was full, and the matches must be sorted instead.
    ///
    /// SQLite's planner picks between walking an order and sorting the matches from its
    /// estimates of how many rows a filter keeps, and sorts every one of a common actor's
    /// thousands of matches to return 50; a bounded walk costs at most its budget of index
    /// entries whatever the data, and finds a page at once when matches are common.
    fn walk_ids(
        &self,
        walk: &Walk,
        cond: &str,
        params: &[SqlValue],
        order: &str,
        per_page: usize,
        offset: usize,
    ) -> Result<Option<Vec<i64>>> {
        let Walk { index, key, budget, descending } = *walk;
        // the last entry within the budget bounds the walk, as (key, id) in index order
        let bound: Option<(SqlValue, i64)> = self
            .conn
            .query_row(
                &format!(
                    "SELECT e.{key}, e.id FROM events e INDEXED BY {index} ORDER BY {order} LIMIT 1 OFFSET {}",
                    budget - 1
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        // the unary + keeps SQLite from searching the index by the filter (a skip-scan
        // over its leading column): the walk is a plain scan in order
        let walk_sql = |bounded: &str| {
            format!(
                "SELECT e.id FROM events e INDEXED BY {index} WHERE +({cond}) {bounded} \
                 ORDER BY {order} LIMIT {per_page} OFFSET {offset}"
            )
        };
        match bound {
            // fewer events than the budget: the walk sees them all
            None => Ok(Some(self.ids(&walk_sql(""), params)?)),
            // NULL keys sort first: a bound among them cannot be compared
            Some((SqlValue::Null, _)) => Ok(None),
            Some((key_value, id)) => {
                // nor can the NULL keys before an ascending bound: walk only where there are none
                if !descending {
                    let nulls: bool = self.conn.query_row(
                        &format!("SELECT EXISTS (SELECT 1 FROM events INDEXED BY {index} WHERE {key} IS NULL)"),
                        [],
                        |r| r.get(0),
                    )?;
                    if nulls {
                        return Ok(None);
                    }
                }
                let cmp = if descending { ">=" } else { "<=" };
                let n = params.len();
                let sql = walk_sql(&format!("AND (e.{key}, e.id) {cmp} (?{}, ?{})", n + 1, n + 2));
                let mut all = params.to_vec();
                all.extend([key_value, SqlValue::Integer(id)]);
                let ids = self.ids(&sql, &all)?;
                Ok((ids.len() == per_page).then_some(ids))
            }
        }
    }

    /// One event by its `event_id` (or numeric global id), with its provenance: the
    /// document, the sentence, the dictionary entries and rule, and the other mentions
    /// of the same event in near-duplicate articles.
    pub fn event(&self, id: &str) -> Result<Option<Value>> {
        let by_num = id.parse::<i64>().ok();
        let sql = format!("SELECT {EVENT_COLUMNS}, e.cluster {EVENT_JOINS} WHERE e.event_id = ?1 OR e.id = ?2");
        let found = self
            .conn
            .query_row(&sql, rusqlite::params![id, by_num], |r| Ok((event_row(r)?, r.get::<_, String>(7)?)))
            .optional()?;
        let Some((mut ev, cluster)) = found else { return Ok(None) };
        let doc_id = ev["doc_id"].as_str().unwrap_or("").to_string();
        let document = self.conn.query_row(
            "SELECT d.source, d.url, a.title, a.published, a.site, d.group_id FROM documents d JOIN articles a ON a.doc_id = d.doc_id WHERE d.doc_id = ?1",
            [&doc_id],
            |r| {
                Ok(json!({"doc_id": doc_id, "source": r.get::<_, String>(0)?, "url": r.get::<_, Option<String>>(1)?,
                    "title": r.get::<_, Option<String>>(2)?, "published": r.get::<_, Option<String>>(3)?,
                    "site": r.get::<_, Option<String>>(4)?, "group_id": r.get::<_, String>(5)?}))
            },
        )?;
        let mut st = self.conn.prepare(
            "SELECT e.event_id, e.doc_id, d.source, e.sentence_index FROM events e JOIN documents d ON d.doc_id = e.doc_id
             WHERE e.cluster = ?1 ORDER BY e.id",
        )?;
        let mentions = st
            .query_map([&cluster], |r| {
                Ok(json!({"event_id": r.get::<_, String>(0)?, "doc_id": r.get::<_, String>(1)?,
                    "source": r.get::<_, String>(2)?, "sentence_index": r.get::<_, i64>(3)?}))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(m) = ev.as_object_mut() {
            m.insert("document".into(), document);
            m.insert("mentions".into(), Value::Array(mentions));
        }
        Ok(Some(ev))
    }

    /// Documents, newest first, optionally matching free text (FTS5 over title and text).
    pub fn documents(&self, q: Option<&str>, page: usize, per_page: usize) -> Result<Page> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, MAX_PAGE_SIZE);
        let offset = (page - 1).saturating_mul(per_page);
        let (cond, params): (&str, Vec<SqlValue>) = match q.and_then(fts_query) {
            Some(fq) => {
                (
                    // by rowid: reading article_fts.doc_id would fetch each matching article's whole row
                    "d.doc_id IN (SELECT a.doc_id FROM articles a WHERE a.id IN \
                    (SELECT rowid FROM article_fts WHERE article_fts MATCH ?1))",
                    vec![SqlValue::Text(fq)],
                )
            }
            None => ("1", vec![]),
        };
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM documents d WHERE {cond}"),
            params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT d.doc_id, d.source, d.url, a.title, a.published, a.site, d.group_id,
                (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.doc_id)
             FROM documents d JOIN articles a ON a.doc_id = d.doc_id WHERE {cond}
             ORDER BY a.published DESC, d.source LIMIT {per_page} OFFSET {offset}"
        );
        let mut st = self.conn.prepare(&sql)?;
        let items = st
            .query_map(params_from_iter(params.iter()), |r| {
                Ok(json!({"doc_id": r.get::<_, String>(0)?, "source": r.get::<_, String>(1)?,
                    "url": r.get::<_, Option<String>>(2)?, "title": r.get::<_, Option<String>>(3)?,
                    "published": r.get::<_, Option<String>>(4)?, "site": r.get::<_, Option<String>>(5)?,
                    "group_id": r.get::<_, String>(6)?, "events": r.get::<_, i64>(7)?}))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Page { total, total_exact: true, page, per_page, items })
    }

    /// One document: the article with every span the UI highlights, and its events.
    pub fn document(&self, doc_id: &str) -> Result<Option<Value>> {
        let row = self
            .conn
            .query_row(
                "SELECT d.source, d.url, d.media_type, d.group_id, d.similarity, a.title, a.published, a.published_precision,
                        a.authors, a.site, a.language, a.text, a.paragraphs, a.boilerplate
                 FROM documents d JOIN articles a ON a.doc_id = d.doc_id WHERE d.doc_id = ?1",
                [doc_id],
                |r| {
                    let js = |i: usize| -> rusqlite::Result<Value> {
                        Ok(serde_json::from_str(&r.get::<_, String>(i)?).unwrap_or(Value::Null))
                    };
                    Ok(json!({
                        "doc_id": doc_id, "source": r.get::<_, String>(0)?, "url": r.get::<_, Option<String>>(1)?,
                        "media_type": r.get::<_, String>(2)?, "group_id": r.get::<_, String>(3)?,
                        "similarity": r.get::<_, Option<f64>>(4)?, "title": r.get::<_, Option<String>>(5)?,
                        "published": r.get::<_, Option<String>>(6)?, "published_precision": r.get::<_, Option<String>>(7)?,
                        "authors": js(8)?, "site": r.get::<_, Option<String>>(9)?, "language": r.get::<_, Option<String>>(10)?,
                        "text": r.get::<_, String>(11)?, "paragraphs": js(12)?, "boilerplate": js(13)?,
                    }))
                },
            )
            .optional()?;
        let Some(mut doc) = row else { return Ok(None) };
        let spans = |sql: &str, f: &dyn Fn(&rusqlite::Row) -> rusqlite::Result<Value>| -> Result<Value> {
            let mut st = self.conn.prepare(sql)?;
            let v = st.query_map([doc_id], |r| f(r))?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Value::Array(v))
        };
        let span = |r: &rusqlite::Row, a: usize| -> rusqlite::Result<Value> {
            Ok(json!([r.get::<_, i64>(a)?, r.get::<_, i64>(a + 1)?]))
        };
        let m: &mut Map<String, Value> = doc.as_object_mut().expect("object");
        m.insert(
            "sentences".into(),
            spans("SELECT start, \"end\" FROM sentences WHERE doc_id = ?1 ORDER BY idx", &|r| {
                Ok(json!({"span": span(r, 0)?}))
            })?,
        );
        m.insert(
            "entities".into(),
            spans("SELECT text, start, \"end\", label, actor FROM entities WHERE doc_id = ?1 ORDER BY idx", &|r| {
                Ok(json!({"text": r.get::<_, String>(0)?, "span": span(r, 1)?, "label": r.get::<_, String>(3)?,
                    "actor": r.get::<_, Option<String>>(4)?}))
            })?,
        );
        m.insert(
            "times".into(),
            spans(
                "SELECT text, start, \"end\", value, precision, open_ended FROM times WHERE doc_id = ?1 ORDER BY idx",
                &|r| {
                    Ok(json!({"text": r.get::<_, String>(0)?, "span": span(r, 1)?, "value": r.get::<_, String>(3)?,
                    "precision": r.get::<_, String>(4)?, "open_ended": r.get::<_, bool>(5)?}))
                },
            )?,
        );
        m.insert(
            "quotes".into(),
            spans(
                "SELECT text, start, \"end\", speaker, speaker_start, speaker_end, speaker_actor FROM quotes WHERE doc_id = ?1 ORDER BY idx",
                &|r| {
                    let sp = match (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<i64>>(5)?) {
                        (Some(a), Some(b)) => json!([a, b]),
                        _ => Value::Null,
                    };
                    Ok(json!({"text": r.get::<_, String>(0)?, "span": span(r, 1)?, "speaker": r.get::<_, Option<String>>(3)?,
                    "speaker_span": sp, "speaker_actor": r.get::<_, Option<String>>(6)?}))
                },
            )?,
        );
        let group = m["group_id"].as_str().unwrap_or("").to_string();
        let mut st = self.conn.prepare(
            "SELECT doc_id, source, similarity FROM documents WHERE group_id = ?1 ORDER BY added_at, doc_id",
        )?;
        let group_docs = st
            .query_map([&group], |r| {
                Ok(json!({"doc_id": r.get::<_, String>(0)?, "source": r.get::<_, String>(1)?,
                    "similarity": r.get::<_, Option<f64>>(2)?}))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        m.insert("group".into(), Value::Array(group_docs));
        let f = EventFilter { doc: Some(doc_id.to_string()), ..Default::default() };
        let events = self.events(&f, Sort::Id, 1, MAX_PAGE_SIZE)?;
        m.insert("events".into(), Value::Array(events.items));
        Ok(Some(doc))
    }

    /// Actors with how many events they are source or target of.
    pub fn actors(&self, q: Option<&str>, limit: usize) -> Result<Vec<Value>> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        let (cond, params) = match q {
            Some(q) if !q.trim().is_empty() => {
                let pre = format!("{}%", like_escape(q.trim()));
                let sub = format!("%{}%", like_escape(q.trim()));
                ("WHERE code LIKE ?1 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\'", vec![pre, sub])
            }
            _ => ("", vec![]),
        };
        let sql = format!(
            "SELECT code, name, country, sector, events,
                (SELECT COUNT(*) FROM events e WHERE e.source_code = actors.code),
                (SELECT COUNT(*) FROM events e WHERE e.target_code = actors.code)
             FROM actors {cond} ORDER BY events DESC, code LIMIT {limit}"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st
            .query_map(params_from_iter(params.iter()), |r| {
                Ok(json!({"code": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?,
                    "country": r.get::<_, Option<String>>(2)?, "sector": r.get::<_, Option<String>>(3)?,
                    "events": r.get::<_, i64>(4)?, "as_source": r.get::<_, i64>(5)?, "as_target": r.get::<_, i64>(6)?}))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Source -> target pairs with their event count and mean Goldstein score.
    pub fn dyads(&self, f: &EventFilter, limit: usize) -> Result<Vec<Value>> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        let (cond, params) = f.where_sql();
        let sql = format!(
            "SELECT e.source_code, e.target_code, COUNT(*), AVG(e.goldstein) FROM events e
             WHERE e.target_code IS NOT NULL AND {cond}
             GROUP BY e.source_code, e.target_code ORDER BY COUNT(*) DESC, e.source_code, e.target_code LIMIT {limit}"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st
            .query_map(params_from_iter(params.iter()), |r| {
                Ok(json!({"source": r.get::<_, String>(0)?, "target": r.get::<_, String>(1)?,
                    "count": r.get::<_, i64>(2)?, "mean_goldstein": (r.get::<_, f64>(3)? * 100.0).round() / 100.0}))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Events per day by QuadClass (events dated to the day only), and how many others there are.
    pub fn timeline(&self, f: &EventFilter) -> Result<Value> {
        let (cond, params) = f.where_sql();
        let sql = format!(
            "SELECT e.date, e.quad_class, COUNT(*) FROM events e WHERE length(e.date) = 10 AND {cond}
             GROUP BY e.date, e.quad_class ORDER BY e.date"
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut days: Vec<(String, [i64; 4])> = Vec::new();
        let rows = st.query_map(params_from_iter(params.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })?;
        for row in rows {
            let (date, q, n) = row?;
            if days.last().is_none_or(|(d, _)| *d != date) {
                days.push((date.clone(), [0; 4]));
            }
            if let (Some(last), 1..=4) = (days.last_mut(), q) {
                last.1[(q - 1) as usize] += n;
            }
        }
        let undated: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM events e WHERE (e.date IS NULL OR length(e.date) != 10) AND {cond}"),
            params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let days: Vec<Value> = days
            .into_iter()
            .map(|(d, q)| json!({"date": d, "q1": q[0], "q2": q[1], "q3": q[2], "q4": q[3], "total": q.iter().sum::<i64>()}))
            .collect();
        Ok(json!({"days": days, "not_day_precision": undated}))
    }

    /// Event locations: places with coordinates, and the count of those without.
    pub fn locations(&self, f: &EventFilter) -> Result<Value> {
        let (cond, params) = f.where_sql();
        let sql = format!(
            "SELECT e.location_name, e.location_country, e.lat, e.lon, COUNT(*), AVG(e.goldstein) FROM events e
             WHERE e.location_name IS NOT NULL AND {cond}
             GROUP BY e.location_name, e.location_country, e.lat, e.lon ORDER BY COUNT(*) DESC LIMIT 2000"
        );
        let mut st = self.conn.prepare(&sql)?;
        let places = st
            .query_map(params_from_iter(params.iter()), |r| {
                Ok(json!({"name": r.get::<_, String>(0)?, "country": r.get::<_, Option<String>>(1)?,
                    "lat": r.get::<_, Option<f64>>(2)?, "lon": r.get::<_, Option<f64>>(3)?,
                    "count": r.get::<_, i64>(4)?, "mean_goldstein": r.get::<_, f64>(5)?}))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let count = |extra: &str| -> Result<i64> {
            Ok(self.conn.query_row(
                &format!("SELECT COUNT(*) FROM events e WHERE {extra} AND {cond}"),
                params_from_iter(params.iter()),
                |r| r.get(0),
            )?)
        };
        Ok(json!({
            "places": places,
            "events": count("1")?,
            "with_coordinates": count("e.lat IS NOT NULL AND e.lon IS NOT NULL")?,
            "with_place_only": count("e.location_name IS NOT NULL AND e.lat IS NULL")?,
        }))
    }

    /// Totals for the UI header.
    pub fn stats(&self) -> Result<Value> {
        let c = self.counts()?;
        let range: (Option<String>, Option<String>) =
            self.conn.query_row("SELECT MIN(date), MAX(date) FROM events WHERE length(date) = 10", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok(json!({"counts": c, "first_day": range.0, "last_day": range.1, "schema_version": self.schema_version()?}))
    }
}
