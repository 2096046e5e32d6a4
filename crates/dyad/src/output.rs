//! Writing records: JSONL (the contract), CSV, a readable table, and `--explain`.

use crate::Format;
use dyad_code::Coded;
use dyad_core::{csv_field, Annotated, Article, Event, Span};
use serde::Serialize;
use std::io::{self, Write};

pub struct Writer<W: Write> {
    out: io::BufWriter<W>,
    format: Format,
    explain: bool,
    header_done: bool,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, format: Format, explain: bool) -> Self {
        Writer { out: io::BufWriter::new(out), format, explain, header_done: false }
    }

    fn json<T: Serialize>(&mut self, v: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, v)?;
        self.out.write_all(b"\n")
    }

    pub fn article(&mut self, a: &Article) -> io::Result<usize> {
        self.json(a).map(|_| 1)
    }

    pub fn annotation(&mut self, a: &Annotated) -> io::Result<usize> {
        self.json(a).map(|_| 1)
    }

    pub fn events(&mut self, doc: &Annotated, coded: &Coded) -> io::Result<usize> {
        if self.explain {
            self.explain_doc(doc, coded)?;
            return Ok(coded.events.len());
        }
        match self.format {
            Format::Jsonl => {
                for e in &coded.events {
                    self.json(e)?;
                }
            }
            Format::Csv => {
                if !self.header_done {
                    writeln!(self.out, "{}", Event::CSV_COLUMNS.join(","))?;
                    self.header_done = true;
                }
                for e in &coded.events {
                    let row = e.csv_cells();
                    writeln!(self.out, "{}", row.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
                }
            }
            Format::Table => {
                if !self.header_done {
                    writeln!(
                        self.out,
                        "{:<10} {:<28} {:<5} {:<34} {:<28} {:<12} {:<5} trigger",
                        "date", "source", "cameo", "event", "target", "plover", "flags"
                    )?;
                    self.header_done = true;
                }
                for e in &coded.events {
                    writeln!(self.out, "{}", table_row(e))?;
                }
            }
        }
        Ok(coded.events.len())
    }

    fn explain_doc(&mut self, doc: &Annotated, coded: &Coded) -> io::Result<()> {
        let a = &doc.article;
        let text = &a.text;
        writeln!(
            self.out,
            "== {} {} (published {})",
            a.doc_id,
            a.source,
            a.published.map(|d| d.to_string()).unwrap_or_else(|| "unknown".into())
        )?;
        for b in &a.boilerplate {
            writeln!(self.out, "   set aside ({:?}): {}", b.reason, shorten(&b.text, 90))?;
        }
        writeln!(self.out, "   political news test: {}", coded.relevance.explain())?;
        for t in &coded.trace {
            let mut marks: Vec<(Span, String, String)> = Vec::new();
            for m in &t.mentions {
                let tag = if m.location {
                    format!("@{}", m.code.country().unwrap_or(m.code.as_str()))
                } else {
                    m.code.to_string()
                };
                marks.push((m.span, "[".into(), format!("]{{{tag}}}")));
            }
            for (span, _) in &t.verbs {
                marks.push((*span, "<".into(), ">".into()));
            }
            for tm in doc.times.iter().filter(|x| t.span.contains(x.span)) {
                marks.push((tm.span, "⟨".into(), format!("⟩={}", tm.value)));
            }
            writeln!(self.out, "[{}] {}", t.index, mark(text, t.span, &mut marks))?;
            if let Some(s) = doc.sentences.get(t.index).filter(|s| s.tags.len() == s.tokens.len()) {
                let tagged: Vec<String> = s
                    .tokens
                    .iter()
                    .zip(&s.tags)
                    .map(|(tok, tag)| format!("{}/{}", tok.span.slice(text), tag.as_str()))
                    .collect();
                writeln!(self.out, "    tags  {}", tagged.join(" "))?;
            }
            if let Some(d) = &t.discarded {
                writeln!(self.out, "    discarded: {d}")?;
            }
            for m in &t.mentions {
                let what = if m.location { "place" } else { "actor" };
                writeln!(self.out, "    {what:<6}{:?} = {}  <- {}", m.span.slice(text), m.code, m.entry)?;
            }
            for (_, why) in &t.verbs {
                writeln!(self.out, "    verb  {why}")?;
            }
            for (span, why) in &t.not_verbs {
                writeln!(self.out, "    not a verb  {:?}: {why}", span.slice(text))?;
            }
            for e in coded.set_aside.iter().filter(|e| e.sentence.index == t.index) {
                writeln!(
                    self.out,
                    "    SET ASIDE (no state or organisation on either side, not political news) {}",
                    table_row(e)
                )?;
            }
            for e in coded.events.iter().filter(|e| e.sentence.index == t.index) {
                writeln!(self.out, "    EVENT {}", table_row(e))?;
                if let Some(l) = &e.location {
                    let at = match (l.lat, l.lon) {
                        (Some(a), Some(b)) => format!(" {a:.4}, {b:.4}"),
                        _ => String::new(),
                    };
                    let id =
                        l.geonames_id.map(|i| format!("  <- GeoNames {i} ({})", l.feature.as_deref().unwrap_or("")));
                    writeln!(
                        self.out,
                        "      at {:?} = {} [{}]{at}{}",
                        l.name,
                        l.full_name.as_deref().unwrap_or("not in the gazetteer"),
                        l.country.as_deref().unwrap_or("?"),
                        id.unwrap_or_default()
                    )?;
                }
            }
        }
        for q in &doc.quotes {
            writeln!(self.out, "   quote by {}: \"{}\"", q.speaker.as_deref().unwrap_or("?"), shorten(&q.text, 80))?;
        }
        writeln!(self.out)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The sentence at `span` with each marked span wrapped in its open/close tags.
fn mark(text: &str, span: Span, marks: &mut [(Span, String, String)]) -> String {
    marks.sort_by_key(|(s, _, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out = String::new();
    let mut pos = span.start;
    let mut closes: Vec<(usize, String)> = Vec::new();
    for (s, open, close) in marks.iter() {
        while let Some((end, c)) = closes.last().cloned() {
            if end > s.start {
                break;
            }
            out.push_str(text.get(pos..end).unwrap_or(""));
            out.push_str(&c);
            pos = end;
            closes.pop();
        }
        if s.start < pos {
            continue; // overlapping marks: keep the first
        }
        out.push_str(text.get(pos..s.start).unwrap_or(""));
        out.push_str(open);
        pos = s.start;
        closes.push((s.end, close.clone()));
    }
    while let Some((end, c)) = closes.pop() {
        out.push_str(text.get(pos..end).unwrap_or(""));
        out.push_str(&c);
        pos = end;
    }
    out.push_str(text.get(pos..span.end).unwrap_or(""));
    out
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn flags(e: &Event) -> String {
    let mut f = String::new();
    if e.negated {
        f.push('N');
    }
    if e.hypothetical {
        f.push('H');
    }
    if e.historical {
        f.push('P');
    }
    if f.is_empty() {
        f.push('-');
    }
    f
}

fn actor_cell(text: &str, code: &str) -> String {
    shorten(&format!("{code} ({text})"), 28)
}

fn table_row(e: &Event) -> String {
    let plover = match &e.plover.mode {
        Some(m) => format!("{}/{}", e.plover.event, m),
        None => e.plover.event.clone(),
    };
    format!(
        "{:<10} {:<28} {:<5} {:<34} {:<28} {:<12} {:<5} {}",
        e.date.as_deref().unwrap_or("?"),
        actor_cell(&e.source.text, &e.source.code),
        e.cameo,
        shorten(&e.cameo_name, 34),
        e.target.as_ref().map(|t| actor_cell(&t.text, &t.code)).unwrap_or_else(|| "-".into()),
        plover,
        flags(e),
        shorten(&e.trigger.text, 24),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_nest_and_keep_text() {
        let text = "Putin met Assad in Moscow.";
        let mut marks = vec![
            (Span::new(0, 5), "[".to_string(), "]{RUS}".to_string()),
            (Span::new(6, 9), "<".to_string(), ">".to_string()),
            (Span::new(10, 15), "[".to_string(), "]{SYR}".to_string()),
        ];
        assert_eq!(mark(text, Span::new(0, text.len()), &mut marks), "[Putin]{RUS} <met> [Assad]{SYR} in Moscow.");
    }
}
