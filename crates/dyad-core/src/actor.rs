use std::fmt;

/// A CAMEO actor code such as `RUSGOV`, `SYRREB`, `IGOUNO` or `TURMIL`: an optional
/// three-letter country, then three-letter role (sector) codes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode(pub String);

/// Three-letter CAMEO codes that stand first in a code but are not countries.
/// (As byte arrays, compared without a call to `memcmp`.)
const NON_STATE_PREFIXES: &[[u8; 3]] = &[
    *b"IGO", *b"NGO", *b"IMG", *b"MNC", *b"UIS", *b"NGM", *b"REB", *b"OPP", *b"CVL", *b"GOV", *b"MIL", *b"COP",
    *b"JUD", *b"LEG", *b"ELI", *b"BUS", *b"MED", *b"EDU", *b"HLH", *b"LAB", *b"REF", *b"CRM", *b"SPY", *b"UAF",
    *b"AGR", *b"ENV", *b"HRI", *b"RAD", *b"SET", *b"MOD", *b"PTY", *b"INS", *b"SEP", *b"BUD", *b"CHR", *b"CON",
    *b"HIN", *b"JEW", *b"MUS", *b"SHI", *b"SUN", *b"TAO", *b"ZRO", *b"ATH", *b"JAN", *b"DOX", *b"CTH", *b"PRO",
    *b"ALE", *b"ITP", *b"KKL", *b"PPL", *b"REL",
];

/// Roles of those who act in politics: governments, militaries, police, courts,
/// legislatures, parties, the opposition, rebels, insurgents, separatists, spies, armed
/// forces of no state, political elites, and international, non-governmental and militant
/// organisations (the sectors PLOVER and ICEWS code beside the state's own).
const POLITICAL_ROLES: &[[u8; 3]] = &[
    *b"GOV", *b"MIL", *b"COP", *b"JUD", *b"LEG", *b"PTY", *b"OPP", *b"REB", *b"INS", *b"SEP", *b"SPY", *b"UAF",
    *b"ELI", *b"IGO", *b"NGO", *b"IMG",
];

/// Three capital letters as a number below 26^3.
const fn prefix_index(p: [u8; 3]) -> usize {
    ((p[0] - b'A') as usize * 26 + (p[1] - b'A') as usize) * 26 + (p[2] - b'A') as usize
}

/// [`NON_STATE_PREFIXES`] as a bit per three capital letters ([`prefix_index`]): a code's
/// first three letters are tested with one read instead of a search of the list.
const NON_STATE_BITS: [u64; 26 * 26 * 26 / 64 + 1] = {
    let mut bits = [0u64; 26 * 26 * 26 / 64 + 1];
    let mut i = 0;
    while i < NON_STATE_PREFIXES.len() {
        let n = prefix_index(NON_STATE_PREFIXES[i]);
        bits[n / 64] |= 1 << (n % 64);
        i += 1;
    }
    bits
};

/// Do these three bytes start a country's code (capital letters, no non-state prefix)?
#[inline]
fn is_country_prefix(p: [u8; 3]) -> bool {
    if !p.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let n = prefix_index(p);
    NON_STATE_BITS[n / 64] & (1 << (n % 64)) == 0
}

impl ActorCode {
    pub fn new(code: impl Into<String>) -> Self {
        ActorCode(code.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISO-3 style country part, when the code starts with one.
    /// (Inlined: the coder asks it of a mention's code at many of its rules.)
    #[inline]
    pub fn country(&self) -> Option<&str> {
        country_of(&self.0)
    }

    /// The role part after the country (or the whole code for non-state actors),
    /// e.g. `GOV` for `RUSGOV`, `IGOUNO` for `IGOUNO`, None for a bare country.
    #[inline]
    pub fn sector(&self) -> Option<&str> {
        let rest = if self.country().is_some() { &self.0[3..] } else { &self.0[..] };
        (!rest.is_empty()).then_some(rest)
    }

    /// Does one of the code's three-letter parts name a political role (see
    /// [`POLITICAL_ROLES`]): `RUSGOV`, `IGOUNO`, `COP`, not `USA`, `BUS` or `---`?
    pub fn has_political_role(&self) -> bool {
        has_political_role(&self.0)
    }

    /// Is this a state or someone of a state (`USA`, `RUSGOV`, `PSECVL`), or an
    /// international, non-governmental or militant organisation (`IGOUNO`, `NGOAMN`,
    /// `IMGMUSISI`)? Such an actor is political by who it is, whatever the text around
    /// it. A role alone is not (`GOV` for "officials", `MIL` for "captain"): the words
    /// that give it also name the officers of companies, teams and clubs.
    pub fn is_state_or_organisation(&self) -> bool {
        is_state_or_organisation(&self.0)
    }

    /// Combine a country (or other base) code with an agent role: `SYR` + `REB`.
    /// A role already present is not repeated. A role written with a trailing `~`
    /// stands before the base, as a PETRARCH agent `[NGO~]` does: `ARN` + `NGO~` is
    /// `NGOARN`.
    pub fn with_role(&self, role: &str) -> ActorCode {
        if let Some(prefix) = role.strip_suffix('~') {
            if self.0.starts_with(prefix) {
                return self.clone();
            }
            return ActorCode(format!("{prefix}{}", self.0));
        }
        let s = self.0.as_str();
        // (the code's whole three-letter parts, read in place)
        let has_part = |r: &[u8]| s.as_bytes().chunks_exact(3).any(|p| p == r);
        let mut out = String::with_capacity(s.len() + role.len());
        out.push_str(s);
        for r in role.as_bytes().chunks_exact(3) {
            if !has_part(r) {
                // (a part of three bytes on a char boundary of `role`: pushed as its text)
                out.push_str(std::str::from_utf8(r).unwrap_or_default());
            }
        }
        ActorCode(out)
    }
}

/// The country a code starts with, if any (see [`ActorCode::country`]).
#[inline]
pub(crate) fn country_of(code: &str) -> Option<&str> {
    match code.as_bytes() {
        &[a, b, c, ..] if is_country_prefix([a, b, c]) => Some(&code[..3]),
        _ => None,
    }
}

/// [`ActorCode::has_political_role`] of a code as written.
pub(crate) fn has_political_role(code: &str) -> bool {
    code.as_bytes().chunks_exact(3).any(|part| POLITICAL_ROLES.iter().any(|r| r == part))
}

/// [`ActorCode::is_state_or_organisation`] of a code as written.
pub(crate) fn is_state_or_organisation(code: &str) -> bool {
    country_of(code).is_some() || [b"IGO", b"NGO", b"IMG"].iter().any(|o| code.as_bytes().starts_with(*o))
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_organisations_and_political_roles() {
        for code in ["RUSGOV", "IGOUNO", "SYRREB", "USA", "PSECVL", "IMGMUSISI", "NGOAMN"] {
            assert!(ActorCode::new(code).is_state_or_organisation(), "{code}");
        }
        for code in ["COP", "GOV", "BUS", "MNCUSA", "PPL", "CVL", "MED", "EDU", "---", ""] {
            assert!(!ActorCode::new(code).is_state_or_organisation(), "{code}");
        }
        for code in ["RUSGOV", "IGOUNO", "COP", "GOV", "SYRREB", "LEG", "NGOAMN"] {
            assert!(ActorCode::new(code).has_political_role(), "{code}");
        }
        for code in ["USA", "PSECVL", "BUS", "MNCUSA", "---"] {
            assert!(!ActorCode::new(code).has_political_role(), "{code}");
        }
        // the role is read at three-letter boundaries only ("UAF" is no part of "MUAFxx")
        assert!(!ActorCode::new("MUAFRA").has_political_role());
        assert!(ActorCode::new("USAGOVLEG").has_political_role());
    }

    #[test]
    fn splits_country_and_sector() {
        let c = ActorCode::new("RUSGOV");
        assert_eq!(c.country(), Some("RUS"));
        assert_eq!(c.sector(), Some("GOV"));
        let igo = ActorCode::new("IGOUNO");
        assert_eq!(igo.country(), None);
        assert_eq!(igo.sector(), Some("IGOUNO"));
        assert_eq!(ActorCode::new("TUR").sector(), None);
    }

    #[test]
    fn no_agent_role_of_the_dictionaries_is_taken_for_a_country() {
        // every code the agents dictionary gives an agent alone ("people" PPL, "clergy"
        // REL, ...) must read as a sector, or "people" would be a country called PPL
        for file in [
            include_str!("../../../data/actors/phoenix-agents.tsv"),
            include_str!("../../../data/actors/dyad-supplement.tsv"),
        ] {
            for line in file.lines().filter(|l| !l.starts_with('#')) {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.get(1) != Some(&"agent") {
                    continue;
                }
                let code = ActorCode::new(cols[2].split(' ').next().unwrap_or(""));
                assert_eq!(code.country(), None, "{line}");
            }
        }
    }

    #[test]
    fn the_prefix_bits_hold_the_non_state_prefixes() {
        // every three capital letters: a country's unless the list has them
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let p = [a, b, c];
                    assert_eq!(is_country_prefix(p), !NON_STATE_PREFIXES.contains(&p), "{p:?}");
                }
            }
        }
        for code in ["", "RU", "rusGOV", "RU1", "R\u{e9}S", "\u{e9}RUS", "RUS", "IGO", "SYRREB"] {
            let head = code.get(0..3).filter(|h| h.bytes().all(|b| b.is_ascii_uppercase()));
            let by_list = head.filter(|h| !NON_STATE_PREFIXES.iter().any(|p| p == h.as_bytes()));
            assert_eq!(ActorCode::new(code).country(), by_list, "{code:?}");
        }
    }

    #[test]
    fn a_prefix_role_stands_before_the_base() {
        assert_eq!(ActorCode::new("ARN").with_role("NGO~").as_str(), "NGOARN");
        assert_eq!(ActorCode::new("ARN").with_role("NGO~").with_role("GOV").as_str(), "NGOARNGOV");
        assert_eq!(ActorCode::new("NGOARN").with_role("NGO~").as_str(), "NGOARN");
    }

    #[test]
    fn combines_roles_without_repeats() {
        assert_eq!(ActorCode::new("SYR").with_role("REB").as_str(), "SYRREB");
        assert_eq!(ActorCode::new("TURMIL").with_role("MIL").as_str(), "TURMIL");
        assert_eq!(ActorCode::new("USA").with_role("GOVMIL").as_str(), "USAGOVMIL");
        // only whole three-letter parts count, and a role's last part short of three
        // letters is left out
        assert_eq!(ActorCode::new("USAG").with_role("GOVMI").as_str(), "USAGGOV");
        assert_eq!(ActorCode::new("SAGOV").with_role("AGO").as_str(), "SAGOVAGO");
    }
}
