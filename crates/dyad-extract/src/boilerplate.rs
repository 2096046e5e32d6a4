//! Which paragraphs are article text and which are page furniture: wire credits,
//! reader appeals, newsletter boxes, share bars, related links. Shared by the HTML
//! and plain-text paths, which both hand over a sequence of [`Block`]s.
//!
//! Decisions are made from cues (phrases and words) scored per paragraph, never
//! from one site's wording, so the rules carry over to pages not seen before.

use crate::text::FastMap;
use dyad_core::chars::to_lowercase;
use dyad_core::BoilerplateReason;
use BoilerplateReason::*;

/// What element (or line) a block of text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Pre,
    /// Text directly inside a container, not in a paragraph-like element.
    Loose,
}

/// One paragraph of a page in reading order; `reason` is set once it is known
/// not to be article text.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    pub reason: Option<BoilerplateReason>,
}

impl Block {
    pub fn new(text: String, kind: BlockKind) -> Self {
        Block { text, kind, reason: None }
    }

    pub fn set_aside(text: String, kind: BlockKind, reason: BoilerplateReason) -> Self {
        Block { text, kind, reason: Some(reason) }
    }
}

/// Paragraphs longer than this are never credits, share bars or link labels.
const SHORT: usize = 120;

/// Sets `reason` on the blocks that are not article text. Blocks that already
/// have a reason are left as they are.
pub fn classify(blocks: &mut [Block]) {
    let candidates: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].reason.is_none()).collect();
    let lowers: Vec<String> = candidates.iter().map(|&i| to_lowercase(&blocks[i].text)).collect();
    let appeals: Vec<Appeal> = lowers.iter().map(|l| appeal(l)).collect();
    let lines: Vec<Option<BoilerplateReason>> =
        candidates.iter().zip(&lowers).map(|(&i, lower)| line_reason_lower(&blocks[i].text, lower)).collect();

    // The first appeal header after real text whose remainder reads as an appeal
    // ends the article.
    let mut cut = None;
    let mut seen_article_text = false;
    for k in 0..candidates.len() {
        if appeals[k].header {
            if seen_article_text && tail_is_appeal(&appeals[k + 1..], &lines[k + 1..], &lowers[k + 1..]) {
                cut = Some(k);
                break;
            }
        } else if lines[k].is_none() {
            seen_article_text = true;
        }
    }

    let end = cut.unwrap_or(candidates.len());
    for k in 0..end {
        let block = &mut blocks[candidates[k]];
        block.reason = lines[k].or_else(|| appeals[k].header.then(|| appeals[k].reason()));
    }
    if let Some(cut) = cut {
        let reason = appeals[cut].reason();
        for k in cut..candidates.len() {
            let credit = (lines[k] == Some(WireCredit)).then_some(WireCredit);
            blocks[candidates[k]].reason = Some(credit.unwrap_or(reason));
        }
    }
}

/// Shortest run of repeated paragraphs (bytes) set aside as a copy.
const MIN_COPY: usize = 1000;
/// Least average length (bytes) of the paragraphs of a copy: prose, not the
/// short lines of a schedule or a table.
const MIN_COPY_AVERAGE: usize = 100;

/// Sets aside runs of kept blocks that repeat an earlier run word for word,
/// paragraph after paragraph: pages built for several screen sizes render
/// the article once per size and hide all but one with style sheets, which an
/// extractor does not apply. Only runs of prose count: a line repeated here
/// and there (a question asked in every interview) or a repeated plan of
/// short lines (a meal plan for each day) is content.
pub fn set_aside_repeats(blocks: &mut [Block]) {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].reason.is_none()).collect();
    let text = |k: usize| blocks[kept[k]].text.as_str();
    // earlier positions of the texts of each length and opening (equal texts
    // share them; the runs below compare the texts), in the order of the kept blocks
    let mut earlier: FastMap<(usize, &str), Vec<usize>> = FastMap::default();
    let mut copies: Vec<std::ops::Range<usize>> = Vec::new();
    let mut k = 0;
    while k < kept.len() {
        let mut best = (0, 0);
        for &j in earlier.get(&repeat_key(text(k))).map_or(&[][..], Vec::as_slice) {
            let (mut len, mut bytes) = (0, 0);
            while k + len < kept.len() && j + len < k && text(j + len) == text(k + len) {
                bytes += text(k + len).len();
                len += 1;
            }
            if bytes > best.1 {
                best = (len, bytes);
            }
        }
        earlier.entry(repeat_key(text(k))).or_default().push(k);
        let (len, bytes) = best;
        if bytes >= MIN_COPY && bytes >= MIN_COPY_AVERAGE * len {
            copies.push(k..k + len);
            k += len;
        } else {
            k += 1;
        }
    }
    for k in copies.into_iter().flatten() {
        blocks[kept[k]].reason = Some(LowTextDensity);
    }
}

/// A text's length and first bytes (up to 32): equal texts share it.
fn repeat_key(t: &str) -> (usize, &str) {
    let mut cut = t.len().min(32);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    (t.len(), &t[..cut])
}

/// Whether what follows an appeal header is mostly appeal or furniture too.
fn tail_is_appeal(appeals: &[Appeal], lines: &[Option<BoilerplateReason>], lowers: &[String]) -> bool {
    let appealing =
        (0..appeals.len()).filter(|&k| appeals[k].header || lines[k].is_some() || appeal_score(&lowers[k]) > 0).count();
    appealing * 2 >= appeals.len()
}

/// How much a paragraph reads like a request for readers' money or sign-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Appeal {
    /// It opens (or is) an appeal: "A Message from ...", "Dear readers", "Donate".
    pub header: bool,
    /// The appeal is a newsletter sign-up rather than a plea for support.
    pub newsletter: bool,
}

impl Appeal {
    fn reason(&self) -> BoilerplateReason {
        if self.newsletter {
            Newsletter
        } else {
            ReaderAppeal
        }
    }
}

/// Phrases that open an appeal when a paragraph starts with them.
const APPEAL_OPENERS: &[&str] = &[
    "a message from",
    "a note from",
    "a letter from the editor",
    "dear reader",
    "dear readers",
    "dear friend",
    "dear friends",
    "support us",
    "support our",
    "support independent",
    "support quality",
    "please support",
    "please consider",
    "please donate",
    "become a member",
    "become a subscriber",
    "become a supporter",
    "become a patron",
    "donate",
    "make a donation",
    "make a contribution",
    "subscribe to",
    "subscribe now",
    "subscribe today",
    "subscribe for",
    "remind me later",
    "sign up for",
    "sign up to",
    "we need your help",
    "we need your support",
    "help us",
    "if you value",
    "if you appreciate",
    "if you like our",
    "if you enjoy",
    "thank you for reading",
    "thanks for reading",
    "you've read",
    "you have read",
    "already a subscriber",
    "already a member",
    "start your free trial",
    "get unlimited access",
    "unlock unlimited",
    "get our newsletter",
    "get the newsletter",
    "newsletter",
    "newsletters",
];

/// Phrases that make a short paragraph an appeal wherever they appear.
const APPEAL_ANYWHERE: &[&str] = &[
    "a message from",
    "dear reader",
    "support us",
    "support our journalism",
    "please support",
    "donate now",
    "donate today",
    "become a member",
    "subscribe now",
    "subscribe today",
    "remind me later",
    "sign up for our",
    "our newsletter",
    "maybe later",
    "a small favor to ask",
    "a small favour to ask",
];

/// Words and phrases that each add one to an appeal's score.
const APPEAL_WORDS: &[&str] = &[
    "support",
    "donat",
    "contribution",
    "subscri",
    "journalism",
    "independent",
    "thank you",
    "monthly",
    "per month",
    "a month",
    "readers",
    "membership",
    "paywall",
    "your help",
    "no matter how small",
    "newsletter",
    "inbox",
    "ad-free",
    "reader-funded",
    "sign up",
];

/// Scores a lowercased paragraph for appeal cues.
pub fn appeal(lower: &str) -> Appeal {
    let trimmed = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let opens = APPEAL_OPENERS
        .iter()
        .any(|p| trimmed.starts_with(p) && !trimmed[p.len()..].chars().next().is_some_and(char::is_alphanumeric));
    let header = (opens && (lower.len() < 150 || appeal_score(lower) >= 2))
        || (lower.len() < 80 && APPEAL_ANYWHERE.iter().any(|p| lower.contains(p)));
    let newsletter = header
        && (lower.contains("newsletter")
            || (lower.contains("sign up") && (lower.contains("email") || lower.contains("inbox"))));
    Appeal { header, newsletter }
}

/// Count of appeal words in a lowercased paragraph: support, donate,
/// subscribe, journalism, "$5", ...
pub fn appeal_score(lower: &str) -> u32 {
    let mut score = APPEAL_WORDS.iter().filter(|w| lower.contains(*w)).count() as u32;
    if has_money(lower) {
        score += 1;
    }
    score
}

/// "$2", "€5", "£10": a price, as in "from just $2 a month".
fn has_money(lower: &str) -> bool {
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '$' | '€' | '£') && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            return true;
        }
    }
    false
}

/// The reason a single short paragraph is furniture, judged on its own words.
pub fn line_reason(text: &str) -> Option<BoilerplateReason> {
    // Cookie notices and credits naming many people run longer than other
    // furniture.
    if text.len() >= 5 * SHORT {
        return None;
    }
    line_reason_lower(text, &to_lowercase(text))
}

/// [`line_reason`] of `text` given in lowercase as well.
fn line_reason_lower(text: &str, lower: &str) -> Option<BoilerplateReason> {
    if text.len() >= 5 * SHORT {
        return None;
    }
    let bare = lower.trim().trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '*' | '—' | '-' | ' '));
    let bare = bare.trim_end_matches(['.', ':', '!']);
    if lower.len() < 3 * SHORT && is_wire_credit(bare) {
        return Some(WireCredit);
    }
    if lower.contains("cookie")
        && ["we use", "uses cookies", "accept", "consent", "cookie policy", "cookie settings"]
            .iter()
            .any(|p| lower.contains(p))
    {
        return Some(Cookie);
    }
    // Template placeholder text, never an article's.
    if bare.starts_with("lorem ipsum") {
        return Some(LowTextDensity);
    }
    if lower.len() >= 2 * SHORT {
        return None;
    }
    if bare.starts_with("follow ")
        && [" on facebook", " on twitter", " on instagram", " on x ", " on linkedin", " on tiktok", "@"]
            .iter()
            .any(|p| bare.contains(p))
    {
        return Some(Share);
    }
    if lower.len() >= SHORT {
        return None;
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| bare.starts_with(p));
    let is = |words: &[&str]| words.contains(&bare);
    if starts(&[
        "read more",
        "read also",
        "also read",
        "see also",
        "related:",
        "related articles",
        "related stories",
        "related coverage",
        "related content",
        "related news",
        "more on this",
        "recommended for you",
        "you may also like",
        "you might also like",
        "most read",
        "most popular",
        "read next",
        "read the full story",
        "don't miss",
        "don’t miss",
    ]) || is(&["related", "more stories", "more news", "trending"])
    {
        return Some(RelatedLinks);
    }
    if starts(&[
        "share this",
        "share on",
        "share:",
        "share article",
        "share via",
        "share the article",
        "follow us on",
        "follow us:",
        "like us on facebook",
        "tweet this",
    ]) || is(&["share", "print", "email"])
        || is_social_bar(bare)
    {
        return Some(Share);
    }
    if starts(&["click here"]) {
        return Some(if lower.contains("subscri") || lower.contains("newsletter") { Newsletter } else { Navigation });
    }
    if starts(&["back to top", "skip to content", "skip to main content"])
        || is(&["home", "menu", "next article", "previous article", "next story"])
    {
        return Some(Navigation);
    }
    if is(&["advertisement", "advertising", "sponsored", "sponsored content", "ad", "paid content"])
        || starts(&["story continues below", "article continues below", "continue reading below", "scroll to continue"])
    {
        return Some(Advertisement);
    }
    if starts(&[
        "leave a comment",
        "add a comment",
        "show comments",
        "view comments",
        "post a comment",
        "join the conversation",
        "comments are closed",
    ]) || is(&["comments", "comment"])
        || (bare.ends_with(" comments") && bare.split(' ').count() == 2)
    {
        return Some(Comments);
    }
    if starts(&["photo:", "photo by", "photograph:", "image:", "picture:", "file photo", "photo credit"]) {
        return Some(Caption);
    }
    if is_byline(text.trim()) {
        return Some(Byline);
    }
    None
}

/// "AFP contributed reporting", "Additional reporting by X",
/// "Reporting by X; Editing by Y". `bare` is lowercased and stripped of brackets
/// and final punctuation.
fn is_wire_credit(bare: &str) -> bool {
    const OPENERS: &[&str] = &[
        "additional reporting",
        "reporting by",
        "with reporting by",
        "with additional reporting",
        "writing by",
        "editing by",
        "reporting and writing by",
        "compiled by",
        "research by",
    ];
    if OPENERS.iter().any(|p| bare.starts_with(p)) {
        return true;
    }
    if let Some(pos) = bare.find(" contributed") {
        let after = &bare[pos + " contributed".len()..];
        return after.is_empty()
            || after.starts_with(" reporting")
            || after.starts_with(" to this")
            || after.starts_with(" research");
    }
    false
}

/// A line made only of social network and sharing words.
fn is_social_bar(bare: &str) -> bool {
    const WORDS: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "email",
        "e-mail",
        "print",
        "reddit",
        "copy",
        "link",
        "share",
        "pinterest",
        "messenger",
        "vk",
        "bluesky",
        "threads",
        "instagram",
        "youtube",
        "tiktok",
    ];
    let mut count = 0;
    for w in bare.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()) {
        if !WORDS.contains(&w) {
            return false;
        }
        count += 1;
    }
    count >= 2
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters": short, every word after
/// "By" capitalised or a joiner, no sentence punctuation.
fn is_byline(text: &str) -> bool {
    let rest = ["By ", "BY ", "Written by ", "Posted by "].iter().find_map(|p| text.strip_prefix(p));
    let Some(rest) = rest else {
        return false;
    };
    const JOINERS: &[&str] = &["and", "&", "of", "the", "in", "for", "de", "van", "von", "al"];
    text.len() < 80
        && !rest.trim().is_empty()
        && !rest.ends_with(['.', '!', '?'])
        && !rest.contains([';', '!', '?'])
        && rest.split_whitespace().all(|w| JOINERS.contains(&w) || w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(texts: &[&str]) -> Vec<Option<BoilerplateReason>> {
        let mut blocks: Vec<Block> = texts.iter().map(|t| Block::new(t.to_string(), BlockKind::Paragraph)).collect();
        classify(&mut blocks);
        blocks.iter().map(|b| b.reason).collect()
    }

    const BODY: &str = "The minister said the talks would continue next week in the capital, officials confirmed.";

    #[test]
    fn wire_credits() {
        for credit in [
            "Reuters contributed reporting.",
            "The Associated Press contributed to this report.",
            "Additional reporting by Jane Doe in Kyiv",
            "Reporting by Jane Doe; Editing by John Roe",
            "(Reporting by Jane Doe; writing by Ann Lee)",
            "Staff writer Ann Lee contributed.",
        ] {
            assert_eq!(line_reason(credit), Some(WireCredit), "{credit}");
        }
        for text in
            [BODY, "He contributed money to the campaign.", "Reporting from the front line is dangerous, she said."]
        {
            assert_eq!(line_reason(text), None, "{text}");
        }
    }

    #[test]
    fn a_credit_does_not_end_the_article() {
        let got = reasons(&[BODY, "AFP contributed reporting.", BODY]);
        assert_eq!(got, [None, Some(WireCredit), None]);
    }

    #[test]
    fn appeal_at_the_end_takes_everything_after_it() {
        let got = reasons(&[
            BODY,
            BODY,
            "A Message from Example News:",
            "Dear readers,",
            "Our newsroom faces pressure from every side and the years ahead look hard.",
            "Independent journalism needs your support. Please give monthly, from $3.",
            "Thank you.",
            "Remind me later.",
        ]);
        assert_eq!(got[..2], [None, None]);
        assert!(got[2..].iter().all(|r| *r == Some(ReaderAppeal)), "{got:?}");
    }

    #[test]
    fn one_appeal_sentence_mid_article_sets_aside_only_itself() {
        let mut texts = vec![BODY; 8];
        texts.insert(3, "Support our journalism: subscribe today.");
        let got = reasons(&texts);
        assert_eq!(got[3], Some(ReaderAppeal));
        assert_eq!(got.iter().filter(|r| r.is_some()).count(), 1, "{got:?}");
        let got = reasons(&[BODY, BODY, "Since you read this far, we have a small favour to ask.", BODY, BODY, BODY]);
        assert_eq!(got, [None, None, Some(ReaderAppeal), None, None, None]);
    }

    #[test]
    fn appeal_before_any_article_text_does_not_swallow_the_article() {
        let got = reasons(&["Dear readers,", BODY, BODY, BODY]);
        assert_eq!(got, [Some(ReaderAppeal), None, None, None]);
    }

    #[test]
    fn newsletter_box_and_other_furniture() {
        let got = reasons(&[
            BODY,
            BODY,
            "Sign up for our newsletter",
            "Get the day's top stories in your inbox every morning.",
        ]);
        assert_eq!(got[2..], [Some(Newsletter), Some(Newsletter)]);
        let cases = [
            ("Read more: Talks stall again", RelatedLinks),
            ("Related: Earlier coverage", RelatedLinks),
            ("Share this article", Share),
            ("Facebook Twitter WhatsApp Email", Share),
            ("Follow us on Telegram", Share),
            ("Click here to see the map", Navigation),
            ("We use cookies to improve your experience. Accept all", Cookie),
            ("Advertisement", Advertisement),
            ("Leave a comment", Comments),
            ("By Jane Doe and John Roe", Byline),
            ("Follow The Example Times Opinion section on Facebook, Twitter (@ExOpinion) and Instagram.", Share),
            ("DON'T MISS: Talks stall again [LATEST]", RelatedLinks),
            (
                "(Reporting by Jane Doe, John Roe and Ann Lee in New York, with additional reporting by Bob Smith \
                 and Carla Jones in London; editing by Dan Brown and Eve White)",
                WireCredit,
            ),
            (
                "We use cookies and other tracking technologies to improve your browsing experience on our site, \
                 show personalized content and targeted ads, analyze site traffic, and understand where our \
                 audiences come from. By continuing, you consent to our use of cookies.",
                Cookie,
            ),
        ];
        for (text, reason) in cases {
            assert_eq!(line_reason(text), Some(reason), "{text}");
        }
        assert_eq!(line_reason("By Thursday, the army had pulled back."), None);
        assert_eq!(line_reason("Follow the money, investigators said on Monday."), None);
        let lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut \
                     labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco \
                     laboris nisi ut aliquip ex ea commodo consequat.";
        assert_eq!(line_reason(lorem), Some(LowTextDensity));
        assert_eq!(line_reason("Designers call the filler text lorem ipsum, she said."), None);
        assert_eq!(line_reason("By Thursday, the army had pulled back"), None);
    }

    #[test]
    fn a_second_rendering_of_the_article_is_set_aside() {
        let paragraphs: Vec<String> = (1..=10).map(|n| format!("{BODY} Paragraph {n} of the story.")).collect();
        let mut texts: Vec<&str> = vec!["Talks continue"];
        texts.extend(paragraphs.iter().map(String::as_str));
        texts.push("Share this article");
        texts.extend(paragraphs.iter().map(String::as_str));
        let mut blocks: Vec<Block> = texts.iter().map(|t| Block::new(t.to_string(), BlockKind::Paragraph)).collect();
        classify(&mut blocks);
        set_aside_repeats(&mut blocks);
        let kept: Vec<&str> = blocks.iter().filter(|b| b.reason.is_none()).map(|b| b.text.as_str()).collect();
        assert_eq!(kept.len(), 11, "{kept:?}");
        assert_eq!(blocks[12..].iter().filter(|b| b.reason == Some(LowTextDensity)).count(), 10);
        // short lines repeated (a plan for each day) and a question asked in every interview stay
        let day = ["Breakfast: oats, one cup of berries", "Lunch: chicken salad with greens", "Snack: one apple"];
        let mut plan: Vec<String> = Vec::new();
        for n in 1..=7 {
            plan.push(format!("Day {n}"));
            plan.extend(day.iter().map(|d| d.to_string()));
        }
        for n in 1..=3 {
            plan.push("What brought you to cooking?".to_string());
            plan.push(format!("{BODY} Answer {n}."));
        }
        let mut blocks: Vec<Block> = plan.iter().map(|t| Block::new(t.clone(), BlockKind::Paragraph)).collect();
        set_aside_repeats(&mut blocks);
        assert!(blocks.iter().all(|b| b.reason.is_none()));
    }

    #[test]
    fn news_about_donations_is_not_an_appeal() {
        let texts = [
            BODY,
            "Donations to the relief fund rose sharply after the earthquake, the charity said on Monday in a statement.",
            "Officials said independent monitors would check how the money was spent over the coming months.",
            BODY,
        ];
        assert_eq!(reasons(&texts), [None; 4]);
    }
}
