//! Converters from the public Phoenix/PETRARCH dictionaries, the CAMEO tables and
//! the PLOVER crosswalk into dyad's own formats (see `dict`). Pure functions from
//! file contents to file contents; `dyad dict build` does the I/O.

use crate::dict::actors::{ActorEntry, ActorKind, Role};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Counts of what a conversion kept and dropped, for the build log.
#[derive(Debug, Default, Clone)]
pub struct ConvertStats {
    pub entries: usize,
    pub names: usize,
    pub skipped_roles: usize,
    /// one-word names dropped as ordinary English words
    pub ordinary_names: usize,
}

/// A Phoenix date: `YYMMDD` (years before 1940 read as 20YY) or `YYYYMMDD`.
fn phoenix_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy < 40 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Parse a Phoenix role such as `RUSGOV >080508`, `SYRELI 830101-000101`, `~REB`;
/// an agent's `NGO~` (the code before the country's, "MSF Arnor" is NGOARN) keeps
/// its trailing `~`.
fn phoenix_role(inner: &str) -> Option<Role> {
    let mut parts = inner.split_whitespace();
    let raw = parts.next()?;
    let mut code = raw.trim_matches('~').to_ascii_uppercase();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '/') {
        return None;
    }
    if raw.ends_with('~') && !raw.starts_with('~') {
        code.push('~');
    }
    // the range may be written with spaces: `HOB < 950601`, `HOBGOV 19950601 - 19990815`
    let range: String = parts.collect();
    if range.is_empty() {
        return Some(Role { code, from: None, to: None, dated: false });
    }
    let range = range.as_str();
    let (from, to) = if let Some(d) = range.strip_prefix('>') {
        (Some(phoenix_date(d)?), None)
    } else if let Some(d) = range.strip_prefix('<') {
        (None, Some(phoenix_date(d)?))
    } else {
        let (a, b) = range.split_once('-')?;
        (Some(phoenix_date(a)?), Some(phoenix_date(b)?))
    };
    Some(Role { code, from, to, dated: true })
}

/// A Phoenix name (`BASHAR_AL_ASSAD_`, `ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`) as
/// lower-case words; parenthesised acronyms are dropped.
fn phoenix_name(raw: &str) -> Option<String> {
    let mut s = String::new();
    let mut depth = 0;
    for c in raw.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            '_' => s.push(' '),
            _ => s.extend(c.to_lowercase()),
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty() && s.chars().any(|c| c.is_alphabetic())).then_some(s)
}

/// Remove `<!-- ... -->` blocks (the PETRARCH validation files put them in
/// dictionaries and records alike), keeping line breaks so line numbers stay meaningful.
pub fn strip_xml_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find("-->").map(|e| e + 3).unwrap_or(after.len());
        out.extend(after[..end].chars().filter(|&c| c == '\n'));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn strip_comment(line: &str) -> (&str, &str) {
    match line.find('#') {
        Some(i) => (&line[..i], &line[i + 1..]),
        None => (line, ""),
    }
}

/// Pull every `[...]` role out of a line; returns the rest of the line.
fn take_roles(line: &str, roles: &mut Vec<Role>, stats: &mut ConvertStats) -> String {
    let mut rest = String::new();
    let mut s = line;
    while let Some(open) = s.find('[') {
        rest.push_str(&s[..open]);
        let Some(close) = s[open..].find(']') else {
            break;
        };
        match phoenix_role(&s[open + 1..open + close]) {
            Some(r) => roles.push(r),
            None => stats.skipped_roles += 1,
        }
        s = &s[open + close + 1..];
    }
    rest.push_str(s);
    rest
}

/// The role in force today: the latest-starting one without an end.
fn current_role(roles: &[Role]) -> Option<&Role> {
    roles.iter().filter(|r| r.to.is_none()).max_by_key(|r| r.from)
}

struct Draft {
    names: Vec<String>,
    roles: Vec<Role>,
    person_hint: bool,
}

/// What kind of actor a Phoenix entry is, from its roles and file.
fn kind_of(d: &Draft, default: ActorKind) -> ActorKind {
    const ORG_WORDS: &[&str] = &[
        "state",
        "party",
        "front",
        "army",
        "group",
        "council",
        "union",
        "movement",
        "organization",
        "organisation",
        "brigade",
        "brigades",
        "committee",
        "of",
        "government",
        "ministry",
        "forces",
        "league",
        "association",
        "alliance",
        "islamic",
        "bank",
        "court",
        "assembly",
        "commission",
        "agency",
        "isis",
        "isil",
        "daesh",
    ];
    let org_like = d.names.iter().any(|n| n.split(' ').any(|w| ORG_WORDS.contains(&w)));
    if default == ActorKind::Org && current_role(&d.roles).is_some_and(|r| r.code.len() == 3) {
        // a bare country code now, whatever it was before (GEORGIA: USRGEO, then GEO)
        ActorKind::Country
    } else if d.person_hint || (d.roles.iter().any(|r| r.dated) && !org_like) {
        ActorKind::Person
    } else {
        default
    }
}

/// Convert a Phoenix `.actors.txt` file. `default_kind` is `Org` for the country and
/// international files (countries are recognised by their bare 3-letter code) and
/// `Group` for armed non-state groups.
pub fn phoenix_actors(text: &str, origin: &str, default_kind: ActorKind, stats: &mut ConvertStats) -> Vec<ActorEntry> {
    let mut out = Vec::new();
    let mut cur: Option<Draft> = None;
    let finish = |d: Draft, out: &mut Vec<ActorEntry>| {
        if d.roles.is_empty() || d.names.is_empty() {
            return;
        }
        let id = d.names[0].to_uppercase().replace(' ', "_");
        let kind = kind_of(&d, default_kind);
        out.push(ActorEntry { id, kind, roles: d.roles, names: d.names, source: origin.to_string() });
    };
    let text = strip_xml_comments(text);
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}');
        let (body, comment) = strip_comment(line);
        if body.trim().is_empty() {
            continue;
        }
        let indented = body.starts_with([' ', '\t', '[']);
        let mut roles = Vec::new();
        let skipped_before = stats.skipped_roles;
        let rest = take_roles(body, &mut roles, stats);
        // a head whose every code was unreadable is dropped, not merged into the next entry
        if !indented && roles.is_empty() && stats.skipped_roles > skipped_before {
            if cur.as_ref().is_some_and(|d| !d.roles.is_empty()) {
                finish(cur.take().unwrap(), &mut out);
            }
            continue;
        }
        let names: Vec<String> = if indented {
            Vec::new()
        } else {
            rest.trim().trim_start_matches('+').split('+').filter_map(phoenix_name).collect()
        };
        let synonym = body.starts_with('+');
        let new_entry = !indented && !synonym;
        // A new head name closes the current entry once that entry has codes; a head
        // without codes yet (e.g. `U.N._` before its block) joins the next block.
        if new_entry && cur.as_ref().is_some_and(|d| !d.roles.is_empty()) {
            finish(cur.take().unwrap(), &mut out);
        }
        let d = cur.get_or_insert_with(|| Draft { names: Vec::new(), roles: Vec::new(), person_hint: false });
        d.person_hint |= new_entry && comment.contains("CountryInfo") && !roles.iter().any(|r| r.code.len() == 3);
        d.names.extend(names);
        d.roles.extend(roles);
    }
    if let Some(d) = cur.take() {
        finish(d, &mut out);
    }
    for e in &mut out {
        e.names.dedup();
        stats.names += e.names.len();
    }
    stats.entries += out.len();
    out
}

/// Capitals from GeoNames `countryInfo.txt`: ISO-3 code -> capital name.
pub fn geonames_capitals(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter(|l| !l.trim_start_matches('\u{feff}').starts_with('#'))
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() > 5 && c[1].len() == 3 && !c[5].is_empty()).then(|| (c[1].to_string(), c[5].to_string()))
        })
        .collect()
}

/// Word forms used as ordinary words in running English: alphabetic tokens written in
/// lower case at least `min` times in a CoNLL-U corpus (dyad uses UD English EWT).
pub fn ordinary_words(conllu: &str, min: usize) -> HashSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in conllu.lines().filter(|l| !l.starts_with('#')) {
        let Some(form) = line.split('\t').nth(1) else { continue };
        if !form.is_empty() && form.bytes().all(|b| b.is_ascii_lowercase()) {
            *counts.entry(form).or_default() += 1;
        }
    }
    counts.into_iter().filter(|&(_, n)| n >= min).map(|(w, _)| w.to_string()).collect()
}

/// Finish the stems Phoenix leaves in a few agent names ("PORT_AUTHORIT", "TRANSPORT_COMPAN",
/// "ILLICIT_DRUG_INDUSTR": PETRARCH matches an unfinished last word against any word it
/// begins): a last word that is no ordinary English word but becomes a noun with "y" (the
/// word and its plural "-ies" both ordinary) is written out in that form and its plural ("port authority", "port authorities"), in
/// place of the stem and the regular plural made from it ("port authorits"). `ordinary`
/// holds the lower-case words of the UD English treebank (see [`ordinary_words`]).
pub fn finish_agent_stems(entries: &mut [ActorEntry], ordinary: &HashSet<String>) {
    for e in entries.iter_mut().filter(|e| e.kind == ActorKind::Agent) {
        let stems: Vec<String> = e
            .names
            .iter()
            .filter(|n| {
                let last = n.rsplit(' ').next().unwrap_or(n);
                // (the plural too: "regulatory" is a word, but no noun "regulator" stems)
                !ordinary.contains(last)
                    && ordinary.contains(&format!("{last}y"))
                    && ordinary.contains(&plural(&format!("{last}y")))
            })
            .cloned()
            .collect();
        if stems.is_empty() {
            continue;
        }
        for stem in &stems {
            let regular = plural(stem);
            e.names.retain(|n| n != stem && *n != regular);
            let whole = format!("{stem}y");
            e.names.push(plural(&whole));
            e.names.push(whole);
        }
        e.names.sort();
        e.names.dedup();
    }
}

/// Names of Phoenix groups and organisations that, in the news dyad reads, stand for
/// something else far more often: (name, the entry that loses it, what the name usually
/// means). Found by listing the dictionary names matched on the AEB and htmldate pages.
const NAMES_OF_OTHER_THINGS: &[(&str, &str, &str)] = &[
    ("black friday", "BLACK_FRIDAY", "the shopping day after Thanksgiving, not a Turkish armed group"),
    ("epa", "EPA", "the US Environmental Protection Agency (its own entry), not a Venezuelan armed group"),
    ("olive", "OLIVE", "the fruit and its oil, not a South African development NGO"),
    ("falcon", "SHAHIN", "the bird and the products named after it, not the Iranian group Shahin"),
    ("the lightning", "AL-BARQ", "weather and the Tampa Bay Lightning, not the group al-Barq"),
    ("al-aqsa", "AL-AQSA_MARTYRS_BRIGADES", "the mosque in Jerusalem and the places named after it"),
    ("al aksa", "AL-AQSA_MARTYRS_BRIGADES", "the mosque in Jerusalem"),
    ("peoples liberation army", "IRISH_NATIONAL_LIBERATION_ARMY", "China's army (its own entry), not the INLA"),
    ("peoples liberation army", "TKP/ML-TIKKO", "China's army (its own entry), not the Turkish TKP/ML"),
];

/// Drop the one-word names of people, groups and organisations that are a single letter
/// or an ordinary English word (Phoenix gives "youth" for a Basque youth group and
/// "organization" for Tanzim), and the names of [`NAMES_OF_OTHER_THINGS`]. Names match
/// without regard to case, so such a name codes that group wherever the word opens a
/// sentence or ends a longer name ("the World Trade Organization"). Countries keep theirs
/// ("Chad", "Jordan"). An entry left without names is dropped. `stats` counts the names
/// dropped and no longer counts them (or the entries dropped) among those kept.
pub fn drop_ordinary_word_names(entries: &mut Vec<ActorEntry>, ordinary: &HashSet<String>, stats: &mut ConvertStats) {
    for e in entries.iter_mut().filter(|e| e.kind != ActorKind::Country) {
        let before = e.names.len();
        let id = e.id.as_str();
        e.names.retain(|n| {
            let ordinary_word = !n.contains(' ') && (n.chars().count() <= 1 || ordinary.contains(n.as_str()));
            !ordinary_word && !NAMES_OF_OTHER_THINGS.iter().any(|(other, entry, _)| other == n && *entry == id)
        });
        stats.ordinary_names += before - e.names.len();
        stats.names -= before - e.names.len();
    }
    let before = entries.len();
    entries.retain(|e| !e.names.is_empty());
    stats.entries -= before - entries.len();
}

/// Capital cities stand for their government ("Ankara said", "talks with Damascus"):
/// one `place` entry per country with a capital, coded `<COUNTRY>GOV`. The name is
/// removed from the country entry so the two do not compete.
pub fn capital_entries(entries: &mut [ActorEntry], capitals: &HashMap<String, String>) -> Vec<ActorEntry> {
    let mut out = Vec::new();
    for e in entries.iter_mut().filter(|e| e.kind == ActorKind::Country) {
        let Some(code) = current_role(&e.roles).or(e.roles.first()).map(|r| r.code.clone()) else { continue };
        let Some(cap) = capitals.get(&code) else { continue };
        let cap_norm = cap.to_lowercase();
        e.names.retain(|n| *n != cap_norm);
        out.push(ActorEntry {
            id: format!("CAPITAL_{}", cap.to_uppercase().replace(' ', "_")),
            kind: ActorKind::Place,
            roles: vec![Role { code: format!("{code}GOV"), from: None, to: None, dated: false }],
            names: vec![cap.to_string()],
            source: "GeoNames countryInfo.txt capital; capital stands for the government".into(),
        });
    }
    out
}

/// Regular plural of the last word of a noun phrase.
pub fn plural(phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    let p = if last.ends_with('s') && !last.ends_with("ss") {
        // already plural ("militants") or a name ending in s
        last.to_string()
    } else if let Some(s) = last.strip_suffix("man") {
        format!("{s}men")
    } else if last.ends_with('y') && !last.ends_with("ay") && !last.ends_with("ey") && !last.ends_with("oy") {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| last.ends_with(e)) {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{p}")
}

/// Convert `Phoenix.agents.txt`: one entry per agent code, its names with their
/// regular plurals, `!SET!` substitutions expanded.
pub fn phoenix_agents(text: &str, origin: &str, stats: &mut ConvertStats) -> Vec<ActorEntry> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut by_code: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in text.lines() {
        let (body, _) = strip_comment(line);
        let body = body.trim();
        if body.is_empty() {
            continue;
        }
        if let Some((name, alts)) = body.split_once('=') {
            let name = name.trim();
            if name.starts_with('!') && name.ends_with('!') {
                sets.insert(name.to_string(), alts.split(',').map(|a| a.trim().to_string()).collect());
                continue;
            }
        }
        let mut roles = Vec::new();
        let rest = take_roles(body, &mut roles, stats);
        let Some(role) = roles.into_iter().next() else {
            continue;
        };
        // expand !SET! markers (at most one per line in practice; handle any number)
        let mut variants = vec![rest.trim().to_string()];
        for (marker, alts) in &sets {
            variants = variants
                .into_iter()
                .flat_map(|v| {
                    if v.contains(marker.as_str()) {
                        alts.iter().map(|a| v.replace(marker.as_str(), &format!("{a}_"))).collect()
                    } else {
                        vec![v]
                    }
                })
                .collect();
        }
        // "DEFENSE_MINIST": a name whose last word is the stem of a set's forms (every
        // form of !MINIST! starts with MINIST) matches each of them, as PETRARCH reads an
        // unfinished last word ("defense minister", "defense ministry", ...)
        for (marker, alts) in &sets {
            let stem = marker.trim_matches('!');
            if stem.is_empty() || !alts.iter().all(|a| a.len() > stem.len() && a.starts_with(stem)) {
                continue;
            }
            variants = variants
                .into_iter()
                .flat_map(|v| match v.strip_suffix(stem).filter(|head| head.ends_with('_')) {
                    Some(head) => alts.iter().map(|a| format!("{head}{a}_")).collect(),
                    None => vec![v],
                })
                .collect();
        }
        let names = by_code.entry(role.code).or_default();
        for v in variants {
            // `NAME {PLURAL}` gives an irregular plural; `NAME {}` says there is none
            let (singular, given_plural) = match v.split_once('{') {
                Some((s, rest)) => {
                    (s.trim().to_string(), Some(rest.split('}').next().unwrap_or("").trim().to_string()))
                }
                None => (v.clone(), None),
            };
            let Some(n) = phoenix_name(&singular.replace(' ', "_")) else { continue };
            let pl = match given_plural {
                None => Some(plural(&n)),
                Some(p) if p.is_empty() => None,
                Some(p) => phoenix_name(&p.replace(' ', "_")),
            };
            names.push(n);
            names.extend(pl);
        }
    }
    let out: Vec<ActorEntry> = by_code
        .into_iter()
        .map(|(code, mut names)| {
            names.sort();
            names.dedup();
            stats.names += names.len();
            ActorEntry {
                id: format!("AGENT_{}", code.replace('~', "_PREFIX")),
                kind: ActorKind::Agent,
                roles: vec![Role { code, from: None, to: None, dated: false }],
                names,
                source: origin.to_string(),
            }
        })
        .collect();
    stats.entries += out.len();
    out
}

/// Regular inflections of a verb: third person, past, -ing (with and without a
/// doubled final consonant, since the dictionary does not mark stress).
pub fn regular_forms(base: &str) -> Vec<String> {
    let v = |s: &str| s.chars().last().is_some_and(|c| "aeiou".contains(c));
    let mut forms = vec![base.to_string()];
    let stem_y = base.strip_suffix('y').filter(|s| !v(s));
    forms.push(match stem_y {
        Some(s) => format!("{s}ies"),
        None if ["s", "x", "z", "ch", "sh", "o"].iter().any(|e| base.ends_with(e)) => {
            format!("{base}es")
        }
        None => format!("{base}s"),
    });
    forms.push(match (stem_y, base.ends_with('e')) {
        (Some(s), _) => format!("{s}ied"),
        (None, true) => format!("{base}d"),
        _ => format!("{base}ed"),
    });
    forms.push(match base.strip_suffix('e') {
        Some(s) if !s.ends_with('e') && !s.is_empty() => format!("{s}ing"),
        _ => format!("{base}ing"),
    });
    // consonant-vowel-consonant endings double: stop -> stopped, stopping
    let b: Vec<char> = base.chars().collect();
    if b.len() >= 3 {
        let (x, y, z) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
        if !v(&x.to_string()) && v(&y.to_string()) && !v(&z.to_string()) && !"wxy".contains(z) {
            forms.push(format!("{base}{z}ed"));
            forms.push(format!("{base}{z}ing"));
        }
    }
    forms
}

/// A multi-word verb form (`ASK_FOR`, `+ASKED_FOR`) as lower-case words.
fn verb_phrase(raw: &str) -> String {
    raw.trim_start_matches('+').trim_end_matches('_').replace('_', " ").to_lowercase()
}

/// Whether a pattern's words are all prepositions and verb particles ("* (to)",
/// "* back to"): nothing in it but the verb's own idiom.
fn only_particles(pattern: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "to", "for", "in", "into", "on", "onto", "at", "with", "from", "by", "of", "up", "down", "off", "out", "back",
        "over", "away", "about", "against", "through", "around", "under", "after", "toward", "towards", "along",
        "across", "behind", "ahead", "forward", "together", "apart",
    ];
    let words: Vec<&str> = pattern
        .split(|c: char| c.is_whitespace() || "(){}".contains(c))
        .filter(|w| !w.is_empty() && !matches!(*w, "*" | "$" | "+" | "%") && !w.starts_with('&'))
        .collect();
    !words.is_empty() && words.iter().all(|w| PARTICLES.contains(w))
}

/// A code as written in the source, with stray characters ("080!") removed.
fn clean_code(raw: &str) -> String {
    let c: String = raw.chars().filter(|c| c.is_ascii_digit() || *c == ':' || *c == '-').collect();
    if c.is_empty() {
        "---".into()
    } else {
        c
    }
}

/// Convert `CAMEO.2.0.txt` into dyad's verb format (see `dict::verbs`).
pub fn phoenix_verbs(text: &str, origin: &str, stats: &mut ConvertStats) -> String {
    let mut out = String::from(
        "# dyad verb patterns, converted from the Phoenix CAMEO verb dictionary (CAMEO.2.0.txt, MIT).\n\
         # Records: synset / block / verb / pattern; see crates/dyad-code/src/dict/verbs.rs.\n",
    );
    let mut in_patterns = false;
    let mut synset: Option<(String, Vec<String>)> = None;
    let mut block: Option<String> = None;
    let flush_synset = |s: &mut Option<(String, Vec<String>)>, out: &mut String| {
        if let Some((name, words)) = s.take() {
            out.push_str(&format!("synset\t&{}\t{}\n", name, words.join("; ")));
        }
    };
    // verb word -> its code (its own, else its block's), for the transformations
    let mut verb_codes: HashMap<String, String> = HashMap::new();
    let mut block_code = String::from("---");
    // the lemmas of the current block's verbs (listed before its patterns)
    let mut block_lemmas: Vec<String> = Vec::new();
    let ambiguous = ambiguous_patterns(text);
    // (block, pattern words) -> the verb the first line with those words names
    let mut first_in_block: HashMap<(String, String), Option<String>> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let (body, comment) = strip_comment(line);
        let t = body.trim();
        if let Some(tr) = t.strip_prefix('~') {
            match phoenix_transformation(tr, &verb_codes) {
                Some(record) => {
                    out.push_str(&format!("transform\t{record}\t{origin}:{}\n", i + 1));
                    stats.names += 1;
                }
                None => stats.skipped_roles += 1,
            }
            continue;
        }
        if line.contains("VERB PATTERNS") {
            flush_synset(&mut synset, &mut out);
            in_patterns = true;
            continue;
        }
        if t.is_empty() {
            continue;
        }
        if !in_patterns {
            if let Some(name) = t.strip_prefix('&') {
                flush_synset(&mut synset, &mut out);
                synset = Some((name.trim_end_matches('_').to_lowercase(), Vec::new()));
            } else if let (Some(w), Some((_, words))) = (t.strip_prefix('+'), synset.as_mut()) {
                words.push(verb_phrase(w));
            }
            continue;
        }
        if let Some(head) = t.strip_prefix("---") {
            let head = head.trim_end_matches('-').trim();
            let (name, code) = match (head.find('['), head.find(']')) {
                (Some(j), Some(k)) if j < k => (head[..j].trim(), clean_code(&head[j + 1..k])),
                _ => (head, "---".to_string()),
            };
            out.push_str(&format!("block\t{name}\t{code}\n"));
            block = Some(name.to_string());
            block_code = code;
            block_lemmas.clear();
            stats.entries += 1;
            continue;
        }
        let Some(b) = block.as_deref() else { continue };
        let (rest, code) = match (t.rfind('['), t.rfind(']')) {
            (Some(a), Some(z)) if a < z => (t[..a].trim(), Some(t[a + 1..z].trim())),
            _ => (t, None),
        };
        let code = code.map(clean_code);
        if let Some(p) = pattern_body(rest) {
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            if !p.contains('*') {
                stats.skipped_roles += 1; // a pattern without its verb cannot be placed
                continue;
            }
            // "- * TO [030]  # HEAD": a pattern of particles only is the idiom of the verb it
            // was written for ("heads to talks"), not of its synonyms ("leading to ...");
            // one with a content word ("* AID", "* REQUEST") carries its meaning in that word
            // and stays with the whole block, as in PETRARCH, which takes the first of
            // several lines with the same words. A later line with the same words and
            // another code ("* &TREATY [031:031] # APPROVE", then "* &TREATY [057] #
            // RATIFY") was written for the verb it names, and belongs to it
            // (and another verb than the first line names: two lines for one verb leave
            // PETRARCH's first)
            let named = comment.trim_start_matches('#').split_whitespace().next().map(verb_phrase);
            let key = (b.to_string(), p.clone());
            let first_named = first_in_block.entry(key.clone()).or_insert_with(|| named.clone());
            let shared = ambiguous.contains(&key) && *first_named != named;
            let for_verb = named
                .filter(|v| block_lemmas.contains(v) && (only_particles(&p) || shared))
                .map(|v| format!("\t{v}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "pattern\t{b}\t{}\t{p}\t{origin}:{}{for_verb}\n",
                code.as_deref().unwrap_or("---"),
                i + 1
            ));
            stats.names += 1;
            continue;
        }
        // a verb line: HEAD {FORMS} [CODE]
        let (head, forms) = match (rest.find('{'), rest.find('}')) {
            (Some(a), Some(z)) if a < z => (rest[..a].trim(), Some(&rest[a + 1..z])),
            _ => (rest, None),
        };
        let Some(head) = head.split_whitespace().next() else {
            continue;
        };
        let lemma = verb_phrase(head);
        if lemma.is_empty() {
            continue;
        }
        let code = VERB_CODE_OVERRIDES
            .iter()
            .find(|(vb, v, _, _)| *vb == b && *v == lemma)
            .map(|(_, _, c, _)| c.to_string())
            .or(code);
        let mut all: Vec<String> = match forms {
            Some(f) => std::iter::once(lemma.clone()).chain(f.split_whitespace().map(verb_phrase)).collect(),
            None => {
                let (first, tail) = match lemma.split_once(' ') {
                    Some((a, b)) => (a.to_string(), format!(" {b}")),
                    None => (lemma.clone(), String::new()),
                };
                regular_forms(&first).into_iter().map(|f| format!("{f}{tail}")).collect()
            }
        };
        all.retain(|f| f.chars().any(char::is_alphabetic));
        all.dedup();
        out.push_str(&format!("verb\t{b}\t{lemma}\t{}\t{}\n", code.as_deref().unwrap_or("-"), all.join("; ")));
        block_lemmas.push(lemma.clone());
        verb_codes.entry(lemma).or_insert_with(|| code.unwrap_or_else(|| block_code.clone()));
    }
    out
}

/// Verbs whose own code in Phoenix, or the block's code they would take without one,
/// does not fit them: (block, verb, code given instead, why). Their patterns in the
/// block still code them.
const VERB_CODE_OVERRIDES: &[(&str, &str, &str, &str)] = &[
    // EXPLAIN_VERBAL [010] gives EXPRESS its own [110]: any feeling or view expressed
    // with no pattern of its own would be a disapproval, "expressed his esteem for" too.
    // Voicing something is a statement like the block's other verbs; the block's
    // patterns keep the disapproving nouns (DISAPPOINTMENT 110, CONCERN 012, ...)
    ("EXPLAIN_VERBAL", "express", "010", "to express is to state; its patterns carry the tone"),
    // MOBILIZE [150] (demonstrate military or police power) lists RALLY with no code;
    // people rallying in the news are mostly a demonstration (CAMEO 141, "demonstrate
    // or rally"). The supplement's MOBILIZE patterns keep troops rallying 150.
    ("MOBILIZE", "rally", "141", "a rally of people is a demonstration"),
    // IMPEL [170] (coerce) lists REINFORCE for its troops, presence, weapons and
    // peacekeepers patterns (154, 074); reinforcing anything else ("reinforced its
    // commitment") is no coercion
    ("IMPEL", "reinforce", "---", "reinforcing is no coercion of its own"),
];

/// The pattern of a verb-block line, without its leading dash. The dash only lists a
/// pattern: a line with the verb marker '*' and no dash ("* (TO QUESTION) [110]") is
/// one too, as no verb is spelt with '*'.
fn pattern_body(line: &str) -> Option<&str> {
    line.strip_prefix('-').or_else(|| line.contains('*').then_some(line))
}

/// (block, pattern words) that a Phoenix verb block lists more than once with different
/// codes: the comments of such lines name the verb each was written for.
fn ambiguous_patterns(text: &str) -> HashSet<(String, String)> {
    let mut codes: HashMap<(String, String), HashSet<String>> = HashMap::new();
    let mut in_patterns = false;
    let mut block: Option<String> = None;
    for line in text.lines() {
        if line.contains("VERB PATTERNS") {
            in_patterns = true;
            continue;
        }
        let (body, _) = strip_comment(line);
        let t = body.trim();
        if !in_patterns || t.starts_with('~') {
            continue;
        }
        if let Some(head) = t.strip_prefix("---") {
            let head = head.trim_end_matches('-').trim();
            block = Some(head.split('[').next().unwrap_or(head).trim().to_string());
            continue;
        }
        let (Some(b), Some(rest)) = (block.as_ref(), pattern_body(t)) else { continue };
        let (p, code) = match (rest.rfind('['), rest.rfind(']')) {
            (Some(a), Some(z)) if a < z => (&rest[..a], clean_code(&rest[a + 1..z])),
            _ => (rest, "---".to_string()),
        };
        let p = p.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        codes.entry((b.clone(), p)).or_default().insert(code);
    }
    codes.into_iter().filter(|(_, c)| c.len() > 1).map(|(k, _)| k).collect()
}

/// A PETRARCH transformation `a (a b ATTACK) SAY = a b 015` (the leading `~` removed)
/// as dyad's record `say<TAB>a b 190<TAB>a b 015`: the governing verb's lemma, the
/// governed event (its source and target variables and the code of its verb word)
/// and the event that replaces both. None for the identity (`Q`) and for verb words
/// without a code.
fn phoenix_transformation(t: &str, verb_codes: &HashMap<String, String>) -> Option<String> {
    let (lhs, rhs) = t.split_once('=')?;
    let (open, close) = (lhs.find('(')?, lhs.find(')')?);
    let inner: Vec<&str> = lhs[open + 1..close].split_whitespace().collect();
    let outer = lhs[close + 1..].trim().to_lowercase();
    let result: Vec<&str> = rhs.split_whitespace().collect();
    let [src, tgt, verb] = inner[..] else { return None };
    let [rsrc, rtgt, code] = result[..] else { return None };
    let var = |v: &str| matches!(v, "a" | "b" | "." | "_");
    if !(var(src) && var(tgt) && var(rsrc) && var(rtgt))
        || outer.is_empty()
        || !code.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let inner_code = verb_codes.get(&verb.to_lowercase()).filter(|c| c.chars().all(|c| c.is_ascii_digit()))?;
    Some(format!("{outer}\t{src} {tgt} {inner_code}\t{rsrc} {rtgt} {code}"))
}

/// PLOVER for the CAMEO codes the 2021 crosswalk leaves out (01 statements, 02
/// appeals). PLOVER folds CAMEO's appeals and demands into REQUEST, with modes by
/// what is asked; comments take the category of their tone. Plain statements have
/// no PLOVER category: dyad marks them OTHER so they can be filtered out.
const PLOVER_FALLBACK: &[(&str, &str, &str)] = &[
    ("01", "OTHER", ""),
    ("011", "REJECT", ""),
    ("012", "ACCUSE", "disapprove"),
    ("013", "SUPPORT", ""),
    ("016", "REJECT", ""),
    ("018", "SUPPORT", ""),
    ("019", "AGREE", ""),
    ("02", "REQUEST", ""),
    ("021", "REQUEST", "assist"),
    ("022", "REQUEST", "assist"),
    ("023", "REQUEST", "assist"),
    ("024", "REQUEST", "change"),
    ("025", "REQUEST", "yield"),
    ("026", "REQUEST", "meet"),
    ("027", "REQUEST", "meet"),
    ("028", "REQUEST", "meet"),
];

/// Crosswalk lines that contradict PLOVER's own category definitions (the PLOVER 2.0
/// manual, `plover_reference.html`), replaced here: (code, event, mode, context,
/// why). Each keeps the crosswalk's mode and context where they still fit.
const PLOVER_OVERRIDES: &[(&str, &str, &str, &str, &str)] = &[
    // PLOVER THREATEN: "Threaten to occupy ... distinct from ASSAULT, which refers to
    // military occupations that have been or are being carried out"
    ("192", "ASSAULT", "", "military", "an occupation carried out is an ASSAULT"),
    // PLOVER COERCE: "Repression, violence against civilians, or their rights or properties"
    ("175", "COERCE", "", "pro_autocracy", "violent repression is COERCE"),
    // PLOVER COERCE lists "destroy property" among its modes
    ("1712", "COERCE", "", "human_security", "destroying property is COERCE"),
    // PLOVER SUPPORT: "express support for, commend, approve policy, action, or actor
    // ... actions which ratify, sign, or finalize an agreement": the Phoenix verbs code
    // "expressed/pledged support" and "reached an agreement" as 032
    ("032", "SUPPORT", "", "diplomatic", "an expression of policy support is SUPPORT"),
    // PLOVER CONCEDE: "easing of administrative or legal restrictions on persons and
    // organizations, remove curfews"; "the lifting of a curfew is, effectively, a
    // promise ... We're treating such concessions as verbal rather than material". The
    // crosswalk files both under RETREAT, with the mode ease it has since dropped.
    ("0813", "CONCEDE", "", "legal", "lifting a curfew is a verbal concession"),
    ("0814", "CONCEDE", "", "legal", "lifting a state of emergency eases a legal restriction"),
    // PLOVER 2 gives ASSAULT a mode aerial (plover_v2_categories_modes.tsv); the crosswalk
    // files 195 "Employ aerial weapons" under heavy-weapons, the mode of 194 (artillery
    // and tanks)
    ("195", "ASSAULT", "aerial", "military", "aerial weapons are the mode aerial"),
];

/// Code names misspelt in `CAMEO.eventcodes.txt`, corrected as they are read: (code,
/// misspelt text, correction). 044's quotes were Mac Roman bytes read as Latin-1
/// ("Ò" and "Ó" for the curly quotes) with the "t" of "third" lost between them.
const NAME_FIXES: &[(&str, &str, &str)] = &[
    ("033", "matyerial", "material"),
    ("044", "\u{d2}hird\u{d3}location", "third location"),
    ("2041", "radiologicalweapons", "radiological weapons"),
];

/// Build `cameo.tsv` from the CAMEO code names, the Goldstein scores and the
/// CAMEO-to-PLOVER crosswalk. Codes absent from the crosswalk inherit their parent's.
pub fn cameo_table(eventcodes: &str, goldstein: &str, crosswalk: &str) -> Result<String, String> {
    let two_cols = |t: &str| -> BTreeMap<String, String> {
        t.lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
            .collect()
    };
    let mut names = two_cols(eventcodes);
    for (code, wrong, right) in NAME_FIXES {
        if let Some(n) = names.get_mut(*code) {
            *n = n.replace(wrong, right);
        }
    }
    let scores = two_cols(goldstein);
    let mut plover: HashMap<String, (String, String, String)> = HashMap::new();
    for l in crosswalk.lines() {
        let (body, _) = strip_comment(l);
        let Some((code, rest)) = body.split_once(':') else {
            continue;
        };
        let code = code.trim();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut f = rest.split(',').map(|s| s.trim().to_string());
        let ev = f.next().unwrap_or_default();
        if ev.is_empty() {
            continue;
        }
        plover.insert(code.to_string(), (ev, f.next().unwrap_or_default(), f.next().unwrap_or_default()));
    }
    for (code, ev, mode, ctx, _) in PLOVER_OVERRIDES {
        plover.insert(code.to_string(), (ev.to_string(), mode.to_string(), ctx.to_string()));
    }
    for (code, ev, mode) in PLOVER_FALLBACK {
        plover.entry(code.to_string()).or_insert_with(|| (ev.to_string(), mode.to_string(), String::new()));
    }
    let mut out = String::from(
        "# dyad CAMEO table: code, name, Goldstein score, PLOVER event, mode, context.\n\
         # Facts from CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt and CAMEO2PLOVER-2021.txt (CC BY-SA 4.0);\n\
         # CAMEO 01 and 02, absent from the crosswalk, follow dyad's fallback (convert.rs PLOVER_FALLBACK);\n\
         # 032, 0813, 0814, 175, 1712, 192 and 195 follow PLOVER's own definitions over the crosswalk (convert.rs PLOVER_OVERRIDES).\n",
    );
    for (code, name) in &names {
        let score = scores.get(code).ok_or_else(|| format!("no Goldstein score for {code}"))?;
        let mut c = code.as_str();
        let p = loop {
            if let Some(p) = plover.get(c) {
                break p.clone();
            }
            if c.len() <= 2 {
                break (String::new(), String::new(), String::new());
            }
            c = &c[..c.len() - 1];
        };
        // a parent's mode/context belongs to the parent; children only inherit the event
        let (mode, ctx) = if c == code { (p.1, p.2) } else { (String::new(), String::new()) };
        out.push_str(&format!("{code}\t{name}\t{score}\t{}\t{mode}\t{ctx}\n", p.0));
    }
    Ok(out)
}

/// Phoenix discards: phrases whose presence marks a sentence as not political news, or,
/// marked `+` (Phoenix's story-level discards), the whole article.
pub fn phoenix_discards(text: &str) -> String {
    let mut out = String::from(
        "# dyad discards: a sentence containing one of these phrases is not coded; a phrase\n\
         # marked + leaves the whole article uncoded wherever it stands.\n# From Phoenix.discards.txt (MIT).\n",
    );
    for l in text.lines() {
        let (body, _) = strip_comment(l);
        let body = body.trim();
        let story = body.starts_with('+');
        let t = body.trim_start_matches('+').trim().trim_end_matches('_');
        // Years and "years ago"-style phrases are dated, not discarded: the coder
        // flags such events `historical` instead of dropping them.
        let dated = t.chars().all(|c| c.is_ascii_digit()) || t.ends_with(" AGO") || t.ends_with(" LATER");
        if !t.is_empty() && !dated {
            if story {
                out.push('+');
            }
            out.push_str(&t.replace('_', " ").to_lowercase());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_names_that_are_ordinary_words_are_dropped() {
        let corpus = "# text = x\n1\tthe\tthe\tDET\n2\tyouth\tyouth\tNOUN\n3\tyouth\tyouth\tNOUN\n4\tPeople\tpeople\tNOUN\n5\tpeople\tpeople\tNOUN\n";
        let ordinary = ordinary_words(corpus, 2);
        assert!(ordinary.contains("youth"));
        assert!(!ordinary.contains("people"), "one lower-case use is below the threshold");
        let entry = |id: &str, kind, names: &[&str]| ActorEntry {
            id: id.into(),
            kind,
            roles: vec![Role { code: "FRAREB".into(), from: None, to: None, dated: false }],
            names: names.iter().map(|n| n.to_string()).collect(),
            source: "test".into(),
        };
        let mut entries = vec![
            entry("GROUP", ActorKind::Group, &["gazteriak", "youth", "free youth front"]),
            entry("ONLY_COMMON", ActorKind::Org, &["youth"]),
            entry("LETTER", ActorKind::Org, &["b"]),
            entry("COUNTRYLIKE", ActorKind::Country, &["youth"]),
            entry("AL-AQSA_MARTYRS_BRIGADES", ActorKind::Group, &["al-aqsa martyrs brigades", "al-aqsa"]),
            entry("BLACK_FRIDAY", ActorKind::Group, &["black friday"]),
            // only the entry named loses the name
            entry("SHOPPING_MALL", ActorKind::Org, &["black friday"]),
        ];
        let mut stats = ConvertStats { entries: 7, names: 10, ..ConvertStats::default() };
        drop_ordinary_word_names(&mut entries, &ordinary, &mut stats);
        assert_eq!((stats.ordinary_names, stats.names, stats.entries), (5, 5, 4));
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["GROUP", "COUNTRYLIKE", "AL-AQSA_MARTYRS_BRIGADES", "SHOPPING_MALL"]);
        assert_eq!(entries[0].names, ["gazteriak", "free youth front"]);
        assert_eq!(entries[2].names, ["al-aqsa martyrs brigades"]);
    }

    #[test]
    fn phoenix_actor_blocks() {
        let text = "\
# header
SYRIA_ [SYR]
+SYRIAN_
+DAMASCUS
BASHAR_AL_ASSAD_  # CountryInfo.txt
+ASSAD_
\t[SYRELI 830101-000101]
\t[SYRGOV >000717]
\t[SYRELI]
U.N._

UN_SECRETARY_GENERAL
+UNSG
\t[IGOUNO]
";
        let mut st = ConvertStats::default();
        let e = phoenix_actors(text, "t", ActorKind::Org, &mut st);
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].kind, ActorKind::Country);
        assert_eq!(e[0].names, vec!["syria", "syrian", "damascus"]);
        assert_eq!(e[1].kind, ActorKind::Person);
        assert_eq!(e[1].roles.len(), 3);
        assert_eq!(e[1].roles[1].from, NaiveDate::from_ymd_opt(2000, 7, 17));
        assert_eq!(e[1].roles[0].from, NaiveDate::from_ymd_opt(1983, 1, 1));
        assert_eq!(
            e[2].names,
            vec!["u.n.", "un secretary general", "unsg"],
            "a head without codes joins the next block"
        );
        let caps = HashMap::from([("SYR".to_string(), "Damascus".to_string())]);
        let mut e = e;
        let c = capital_entries(&mut e, &caps);
        assert_eq!(c[0].roles[0].code, "SYRGOV");
        assert!(!e[0].names.contains(&"damascus".to_string()));
    }

    #[test]
    fn agents_expand_sets_and_plurals() {
        let text = "!PERSON! = MAN, WOMAN\nREBEL [~REB]\nCATTLE!PERSON! [~AGR]\nMILITIA [~UAF] # x\n";
        let mut st = ConvertStats::default();
        let e = phoenix_agents(text, "t", &mut st);
        let agr = e.iter().find(|e| e.roles[0].code == "AGR").unwrap();
        assert!(agr.names.contains(&"cattle man".to_string()) || agr.names.contains(&"cattleman".to_string()));
        let uaf = e.iter().find(|e| e.roles[0].code == "UAF").unwrap();
        assert!(uaf.names.contains(&"militias".to_string()));
        // a last word that is the stem of a set's forms stands for each of them
        let text = "!MINIST! = MINISTER, MINISTERS, MINISTRY\nTRADE_MINIST [~GOVBUS]\nPERSON_MINIST_AIDE [~GOV]\n";
        let e = phoenix_agents(text, "t", &mut st);
        let bus = e.iter().find(|e| e.roles[0].code == "GOVBUS").unwrap();
        assert_eq!(bus.names, ["trade minister", "trade ministers", "trade ministries", "trade ministry"]);
        let gov = e.iter().find(|e| e.roles[0].code == "GOV").unwrap();
        assert!(gov.names.iter().all(|n| n.starts_with("person minist aide")), "{:?}", gov.names);
        assert_eq!(plural("rebel army"), "rebel armies");
        assert_eq!(plural("policeman"), "policemen");
    }

    #[test]
    fn unfinished_agent_stems_are_written_out() {
        // "HARBOUR_AUTHORIT" stands for "harbour authority" and its plural; a word that is
        // ordinary already, or whose "-y" form has no ordinary plural, stays as it is
        let text = "HARBOUR_AUTHORIT [~GOV]\nMARKET_REGULATOR [~GOV]\nSOLDIER [~MIL]\n";
        let mut st = ConvertStats::default();
        let mut e = phoenix_agents(text, "t", &mut st);
        let ordinary: HashSet<String> =
            ["authority", "authorities", "regulatory", "soldier", "soldiers", "soldiery"].map(String::from).into();
        finish_agent_stems(&mut e, &ordinary);
        let gov = e.iter().find(|e| e.roles[0].code == "GOV").unwrap();
        assert_eq!(gov.names, ["harbour authorities", "harbour authority", "market regulator", "market regulators"]);
        let mil = e.iter().find(|e| e.roles[0].code == "MIL").unwrap();
        assert_eq!(mil.names, ["soldier", "soldiers"]);
    }

    #[test]
    fn verbs_and_forms() {
        assert_eq!(regular_forms("accuse"), vec!["accuse", "accuses", "accused", "accusing"]);
        assert!(regular_forms("stop").contains(&"stopped".to_string()));
        assert_eq!(regular_forms("deny")[1..3], ["denies".to_string(), "denied".to_string()]);
        let text = "&MILITARY\n+TROOPS\n+ARMED_FORCES_\n\n####### VERB PATTERNS #######\n---  MEET   [040]  ---\n+MEET_WITH {+MET_WITH}\nMEET {MEETS MET MEETING}\nGREET [050]\n- * (FOR TALKS)   [036:036]  # MEET\n- * (WITH)  [046]  # GREET\n- * BACK TO  [042]  # STRAY\n";
        let mut st = ConvertStats::default();
        let out = phoenix_verbs(text, "C.txt", &mut st);
        assert!(out.contains("synset\t&military\ttroops; armed forces\n"), "{out}");
        assert!(out.contains("block\tMEET\t040\n"));
        assert!(out.contains("verb\tMEET\tmeet with\t-\tmeet with; met with\n"));
        assert!(out.contains("verb\tMEET\tgreet\t050\tgreet; greets; greeted; greeting\n"), "{out}");
        // a content word keeps the pattern for the whole block; particles only belong to the
        // verb the comment names, when that verb is in the block
        assert!(out.contains("pattern\tMEET\t036:036\t* (for talks)\tC.txt:10\n"), "{out}");
        assert!(out.contains("pattern\tMEET\t046\t* (with)\tC.txt:11\tgreet\n"), "{out}");
        assert!(out.contains("pattern\tMEET\t042\t* back to\tC.txt:12\n"), "{out}");
        let (f, errs) = crate::dict::verbs::parse_verb_file("v", &out);
        assert!(errs.is_empty(), "{errs:?}");
        let verbs: Vec<Option<&str>> = f.blocks[0].patterns.iter().map(|p| p.verb.as_deref()).collect();
        assert_eq!(verbs, [None, Some("greet"), None]);
    }

    #[test]
    fn a_verb_the_block_code_does_not_fit_gets_its_own() {
        let text = "####### VERB PATTERNS #######\n---  IMPEL   [170]  ---\nCOMPEL\nREINFORCE\n- * &MILITARY  [154]  # REINFORCE\n";
        let mut st = ConvertStats::default();
        let out = phoenix_verbs(text, "C.txt", &mut st);
        assert!(out.contains("verb\tIMPEL\tcompel\t-\t"), "{out}");
        assert!(out.contains("verb\tIMPEL\treinforce\t---\treinforce; reinforces; reinforced; reinforcing\n"), "{out}");
        assert!(out.contains("pattern\tIMPEL\t154\t* &military\tC.txt:5\n"), "{out}");
    }

    #[test]
    fn an_override_replaces_a_code_phoenix_gives_the_verb() {
        // Phoenix's own [110] on EXPRESS and the block's [150] that RALLY would take
        // both give way to the override; a verb without one keeps Phoenix's reading
        let text = "####### VERB PATTERNS #######\n---  EXPLAIN_VERBAL   [010]  ---\nEXPRESS [110]\nVOICE [110]\n\
---  MOBILIZE   [150]  ---\nRALLY\nMUSTER\n";
        let mut st = ConvertStats::default();
        let out = phoenix_verbs(text, "C.txt", &mut st);
        assert!(out.contains("verb\tEXPLAIN_VERBAL\texpress\t010\t"), "{out}");
        assert!(out.contains("verb\tEXPLAIN_VERBAL\tvoice\t110\t"), "{out}");
        assert!(out.contains("verb\tMOBILIZE\trally\t141\t"), "{out}");
        assert!(out.contains("verb\tMOBILIZE\tmuster\t-\t"), "{out}");
    }

    #[test]
    fn a_later_line_with_the_same_words_belongs_to_the_verb_it_names() {
        let text = "####### VERB PATTERNS #######\n---  ALLOW   [---]  ---\nAPPROVE\nRATIFY\n- * &TREATY  [031:031]  # APPROVE\n- * &TREATY  [057]  # RATIFY\n- * DEAL  [051]  # APPROVE\n- * &TREATY  [057:057]  # APPROVE\n";
        let mut st = ConvertStats::default();
        let out = phoenix_verbs(text, "C.txt", &mut st);
        assert!(out.contains("pattern\tALLOW\t031:031\t* &treaty\tC.txt:5\n"), "the first stays with the block: {out}");
        assert!(out.contains("pattern\tALLOW\t057\t* &treaty\tC.txt:6\tratify\n"), "{out}");
        assert!(out.contains("pattern\tALLOW\t051\t* deal\tC.txt:7\n"), "{out}");
        // a second line for the verb of the first leaves PETRARCH's choice, the first
        assert!(out.contains("pattern\tALLOW\t057:057\t* &treaty\tC.txt:8\n"), "{out}");
    }

    #[test]
    fn transformations_name_the_governing_verb_and_the_inner_code() {
        let text = "####### VERB PATTERNS #######\n---  SAY_IT   [010]  ---\nSAY {SAYS SAID}\n---  FIGHT   [190]  ---\nATTACK\n\n~ a (b . ATTACK) SAY = a b 112\n~ a (a b Q) SAY = a b Q\n";
        let mut stats = ConvertStats::default();
        let out = phoenix_verbs(text, "v.txt", &mut stats);
        let transforms: Vec<&str> = out.lines().filter(|l| l.starts_with("transform")).collect();
        assert_eq!(transforms, vec!["transform\tsay\tb . 190\ta b 112\tv.txt:7"]);
        assert!(!out.contains("~"), "no transformation read as a verb: {out}");
    }

    #[test]
    fn story_level_discards_keep_their_mark() {
        let out = phoenix_discards("# c\n+ World Golf Championships   # pas\nBASEBALL   \n+UEFA\n1914\nYEARS LATER\n");
        let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines, ["+world golf championships", "baseball", "+uefa"]);
    }

    #[test]
    fn cameo_table_joins_sources() {
        let t = cameo_table(
            "CODE\tNAME\n04\tCONSULT\n042\tMake a visit\n0421\tSub\n",
            "CODE\tG\n04\t1.0\n042\t1.9\n0421\t2.0\n",
            "04: CONSULT\n042: CONSULT, visit, # Make a visit\n",
        )
        .unwrap();
        assert!(t.contains("042\tMake a visit\t1.9\tCONSULT\tvisit\t\n"));
        assert!(t.contains("0421\tSub\t2.0\tCONSULT\t\t\n"));
    }

    #[test]
    fn plover_definitions_override_the_crosswalk() {
        let t = cameo_table(
            "CODE\tNAME\n19\tFIGHT\n192\tOccupy territory\n",
            "CODE\tG\n19\t-10.0\n192\t-9.5\n",
            "19: ASSAULT\n192: COERCE, seize, military # Occupy territory\n",
        )
        .unwrap();
        assert!(t.contains("192\tOccupy territory\t-9.5\tASSAULT\t\tmilitary\n"), "{t}");
    }

    #[test]
    fn aerial_weapons_take_the_aerial_mode() {
        // the crosswalk's own 194 and 195 lines: both heavy-weapons
        let t = cameo_table(
            "CODE\tNAME\n19\tFIGHT\n194\tFight with artillery and tanks\n195\tEmploy aerial weapons\n",
            "CODE\tG\n19\t-10.0\n194\t-10.0\n195\t-10.0\n",
            "19: ASSAULT\n194: ASSAULT, heavy-weapons, military # Fight with artillery and tanks\n\
             195: ASSAULT, heavy-weapons, military # Employ aerial weapons\n",
        )
        .unwrap();
        assert!(t.contains("195\tEmploy aerial weapons\t-10.0\tASSAULT\taerial\tmilitary\n"), "{t}");
        assert!(t.contains("194\tFight with artillery and tanks\t-10.0\tASSAULT\theavy-weapons\tmilitary\n"), "{t}");
    }

    #[test]
    fn a_lifted_curfew_is_a_concession_not_a_retreat() {
        // the crosswalk's own 08 lines: 0813 and 0814 sit under RETREAT, the rest of 081 under CONCEDE
        let t = cameo_table(
            "CODE\tNAME\n08\tYIELD\n081\tEase sanctions\n0813\tEase curfew\n0814\tEase emergency\n084\tRelease\n",
            "CODE\tG\n08\t5.0\n081\t5.0\n0813\t5.0\n0814\t5.0\n084\t7.0\n",
            "08: RETREAT\n081: CONCEDE, , legal\n0813: RETREAT, , legal # Ease curfew\n\
             0814: RETREAT, , legal # Ease state of emergency\n084: RETREAT, , # Return, release\n",
        )
        .unwrap();
        assert!(t.contains("0813\tEase curfew\t5.0\tCONCEDE\t\tlegal\n"), "{t}");
        assert!(t.contains("0814\tEase emergency\t5.0\tCONCEDE\t\tlegal\n"), "{t}");
        assert!(t.contains("084\tRelease\t7.0\tRETREAT\t\t\n"), "a release stays material: {t}");
    }

    #[test]
    fn misspelt_code_names_are_corrected() {
        let t = cameo_table(
            "CODE\tNAME\n03\tINTEND\n033\tExpress intent to provide matyerial aid\n034\tOther matyerial\n",
            "CODE\tG\n03\t4.0\n033\t5.2\n034\t5.0\n",
            "03: AGREE\n",
        )
        .unwrap();
        assert!(t.contains("033\tExpress intent to provide material aid\t5.2\tAGREE\t\t\n"), "{t}");
        // only the named code is corrected
        assert!(t.contains("034\tOther matyerial\t"), "{t}");
    }
}
