//! CAMEO event codes with their names, Goldstein scores, QuadClass and PLOVER
//! crosswalk, in dyad's `cameo.tsv` format:
//! `code  name  goldstein  plover_event  plover_mode  plover_context`.

use crate::words::FastMap;

#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
    pub plover_event: String,
    pub plover_mode: Option<String>,
    pub plover_context: Option<String>,
}

impl CameoCode {
    pub fn root(&self) -> &str {
        &self.code[..2]
    }

    /// QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-09),
    /// 3 verbal conflict (10-14), 4 material conflict (15-20).
    pub fn quad_class(&self) -> u8 {
        quad_class(self.root())
    }
}

pub fn quad_class(root: &str) -> u8 {
    match root.parse::<u8>().unwrap_or(0) {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    }
}

#[derive(Debug, Default)]
pub struct CameoTable {
    /// (a fixed fast hash: codes are looked up for every event coded)
    codes: FastMap<String, CameoCode>,
}

impl CameoTable {
    pub fn parse(text: &str) -> Result<CameoTable, String> {
        let mut codes = FastMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 6 {
                return Err(format!("cameo.tsv:{}: want 6 columns", i + 1));
            }
            let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
            let goldstein = c[2].parse().map_err(|_| format!("cameo.tsv:{}: bad Goldstein score", i + 1))?;
            codes.insert(
                c[0].to_string(),
                CameoCode {
                    code: c[0].to_string(),
                    name: c[1].to_string(),
                    goldstein,
                    plover_event: c[3].to_string(),
                    plover_mode: opt(c[4]),
                    plover_context: opt(c[5]),
                },
            );
        }
        Ok(CameoTable { codes })
    }

    /// The code itself, or its nearest listed parent (0231 -> 023 -> 02).
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        let mut c = code;
        while c.len() >= 2 {
            if let Some(x) = self.codes.get(c) {
                return Some(x);
            }
            c = &c[..c.len() - 1];
        }
        None
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_parent_codes() {
        let t = CameoTable::parse("04\tConsult\t1.0\tCONSULT\t\t\n042\tMake a visit\t1.9\tCONSULT\tvisit\t\n").unwrap();
        assert_eq!(t.get("042").unwrap().plover_mode.as_deref(), Some("visit"));
        assert_eq!(t.get("0499").unwrap().code, "04");
        assert_eq!(t.get("042").unwrap().quad_class(), 1);
        assert!(t.get("19").is_none());
        assert_eq!(quad_class("19"), 4);
        assert_eq!(quad_class("07"), 2);
        assert_eq!(quad_class("11"), 3);
    }
}
