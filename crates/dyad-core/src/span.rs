use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into an article's text. Serialised as `[start, end]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or "" when it does not fall on char boundaries.
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Self {
        Span { start: a[0], end: a[1].max(a[0]) }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_pair_and_slices() {
        let s = Span::new(4, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[4,9]");
        assert_eq!(serde_json::from_str::<Span>("[4,9]").unwrap(), s);
        assert_eq!(s.slice("the quick brown"), "quick");
        assert_eq!(Span::new(1, 3).slice("é"), "", "not a char boundary");
        assert!(Span::new(0, 10).contains(s));
        assert!(!s.overlaps(Span::new(9, 12)));
        assert_eq!(s.cover(Span::new(10, 12)), Span::new(4, 12));
    }
}
