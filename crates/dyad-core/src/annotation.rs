use crate::{Article, Precision, Span};
use serde::{Deserialize, Serialize};

/// What kind of characters a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

/// A token: a byte span into the article text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// One sentence with its tokens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Tokens are kept in memory for the coder; the JSON record omits them for size.
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// The part of speech of each token (empty when not tagged); like the tokens,
    /// kept for the coder and left out of the JSON record.
    #[serde(skip)]
    pub tags: Vec<PosTag>,
}

/// A part-of-speech tag of the Penn Treebank set, as UD English EWT writes it in
/// its XPOS column (`VBD`, `NNP`, `HYPH` ...).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PosTag(u8);

impl PosTag {
    /// Every tag, by index; `XX` (unknown) first so the default is "unknown".
    pub const NAMES: [&'static str; 51] = [
        "XX", "NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "JJ", "JJR", "JJS", "RB",
        "RBR", "RBS", "RP", "IN", "TO", "DT", "PDT", "WDT", "WP", "WP$", "WRB", "PRP", "PRP$", "POS", "CC", "CD", "EX",
        "FW", "LS", "UH", "SYM", "$", "#", ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "ADD", "GW",
        "AFX",
    ];

    /// The index of the tag named `name` in [`PosTag::NAMES`] (what [`PosTag::index`]
    /// gives), for constants: a name not in the list fails to compile there.
    pub const fn index_of(name: &str) -> usize {
        let mut i = 0;
        while i < PosTag::NAMES.len() {
            let n = PosTag::NAMES[i].as_bytes();
            let b = name.as_bytes();
            if n.len() == b.len() {
                let mut k = 0;
                while k < n.len() && n[k] == b[k] {
                    k += 1;
                }
                if k == n.len() {
                    return i;
                }
            }
            i += 1;
        }
        panic!("not a tag name")
    }

    pub fn from_name(name: &str) -> Option<PosTag> {
        PosTag::NAMES.iter().position(|n| *n == name).map(|i| PosTag(i as u8))
    }

    pub fn as_str(self) -> &'static str {
        PosTag::NAMES.get(self.0 as usize).copied().unwrap_or("XX")
    }

    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    // (the tests below are on the index into `NAMES`, the names' order: a call from
    // another crate is inlined, and compares a byte instead of strings)

    /// Any verb form (VB, VBD, VBG, VBN, VBP, VBZ).
    #[inline]
    pub fn is_verb(self) -> bool {
        matches!(self.0, 5..=10)
    }

    /// A common or proper noun, singular or plural.
    #[inline]
    pub fn is_noun(self) -> bool {
        matches!(self.0, 1..=4)
    }

    /// A finite verb: past, present or modal (VBD, VBZ, VBP, MD), the verb of a clause.
    #[inline]
    pub fn is_finite_verb(self) -> bool {
        matches!(self.0, 6 | 9 | 10 | 11)
    }

    /// An adjective, comparative or superlative.
    #[inline]
    pub fn is_adjective(self) -> bool {
        matches!(self.0, 12..=14)
    }
}

impl Serialize for PosTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Named-entity labels (GPE folds into LOC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityLabel {
    PER,
    ORG,
    LOC,
    MISC,
}

impl EntityLabel {
    /// The label's name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::PER => "PER",
            EntityLabel::ORG => "ORG",
            EntityLabel::LOC => "LOC",
            EntityLabel::MISC => "MISC",
        }
    }
}

/// A named entity mention, with the actor code it resolves to when known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    pub span: Span,
    pub label: EntityLabel,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub actor: Option<String>,
}

/// A time expression normalised against the publication date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub text: String,
    pub span: Span,
    /// ISO date (`2024-07-24`), month (`2023-03`) or year (`2015`).
    pub value: String,
    pub precision: Precision,
    /// True for "since 2016" style ranges that start at `value` and run on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_ended: bool,
}

/// A direct quote and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    pub span: Span,
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker_actor: Option<String>,
}

/// An article with its language annotations: the output of the annotate stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotated {
    #[serde(flatten)]
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    pub quotes: Vec<Quote>,
}

impl Annotated {
    /// The index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }
}

#[cfg(test)]
mod postag_tests {
    use super::PosTag;

    #[test]
    fn tag_classes_are_the_classes_of_their_names() {
        for (i, name) in PosTag::NAMES.iter().enumerate() {
            let t = PosTag::from_name(name).unwrap();
            assert_eq!(t.index(), i);
            assert_eq!(t.is_verb(), matches!(*name, "VB" | "VBD" | "VBG" | "VBN" | "VBP" | "VBZ"), "{name}");
            assert_eq!(t.is_noun(), matches!(*name, "NN" | "NNS" | "NNP" | "NNPS"), "{name}");
            assert_eq!(t.is_finite_verb(), matches!(*name, "VBD" | "VBZ" | "VBP" | "MD"), "{name}");
            assert_eq!(t.is_adjective(), matches!(*name, "JJ" | "JJR" | "JJS"), "{name}");
        }
        for (i, name) in PosTag::NAMES.iter().enumerate() {
            assert_eq!(PosTag::index_of(name), i);
        }
        let none = PosTag::default();
        assert!(!none.is_verb() && !none.is_noun() && !none.is_finite_verb() && !none.is_adjective());
    }
}
