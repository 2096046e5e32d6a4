//! HTML pages into blocks of text in reading order plus metadata.
//!
//! Two linear passes over the DOM, each an explicit-stack walk (no recursion, so
//! absurdly deep pages cannot overflow the stack): the first scores elements by
//! the paragraph text they hold to find the main content, the second emits every
//! text block, marking what lies outside the main content or inside page
//! furniture (navigation, share bars, related links, ...) with its reason.

pub mod dom;

use crate::boilerplate::{line_reason, Block, BlockKind};
use crate::metadata::{self, Metadata};
use crate::text::normalize;
use crate::text::FastMap;
use dom::{Dom, Edge, ElementRef, Node, NodeId, Tag};
use dyad_core::BoilerplateReason::{self, *};

/// A page split into blocks, with what it says about itself.
#[derive(Debug)]
pub struct Page {
    pub blocks: Vec<Block>,
    pub meta: Metadata,
}

/// Text kept of one removed element for the audit trail.
const ASIDE_CHARS: usize = 300;
/// Paragraphs shorter than this (bytes) do not vote for the main content.
const MIN_PARAGRAPH: usize = 25;
/// Share of link text above which a short block of the article is a link list
/// (related stories, tags) rather than prose; items whose linked title comes
/// with words of their own are content.
const LINK_HEAVY: f64 = 0.9;
/// Loose text (bytes, outside any paragraph) shorter than this does not vote.
const MIN_LOOSE_PARAGRAPH: usize = 80;
/// How many ancestors of a paragraph, wrappers included, receive its vote.
const MAX_WRAPPERS: usize = 16;

/// Parses `src` and splits it into blocks; `url` helps with the site name and date.
pub fn extract_html(src: &str, url: Option<&str>) -> Page {
    let dom = Dom::parse(src);
    let main = MainContent::find(&dom);
    let meta = metadata::from_html(src, &dom, main.ids.first().copied(), url);
    let blocks = Emitter::run(&dom, &main, meta.title.as_deref());
    Page { blocks, meta }
}

/// How an element is taken out of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Removal {
    /// Not reader-visible text at all (scripts, styles): dropped without trace.
    Silent,
    /// Visible furniture: its text is kept aside with the reason.
    Aside(BoilerplateReason),
}

/// Elements whose text flows within a line; all others break paragraphs.
fn is_inline(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        A | Abbr
            | B
            | Bdi
            | Bdo
            | Cite
            | Code
            | Data
            | Dfn
            | Em
            | I
            | Kbd
            | Mark
            | Q
            | S
            | Samp
            | Small
            | Span
            | Strong
            | Sub
            | Sup
            | Time
            | U
            | Var
            | Wbr
            | Font
            | Label
            | Ins
            | Del
            | Img
            | Picture
            | Source
            | Br
    )
}

/// Removal by tag name alone. `header` inside the article usually holds the
/// headline and byline.
fn tag_removal(tag: Tag, in_main: bool) -> Option<Removal> {
    use Tag::*;
    Some(match tag {
        Script | Style | Noscript | Template | Iframe | Svg | Math | Head | Title | Object | Embed | Canvas | Video
        | Audio | Select | Textarea | Input | Button => Removal::Silent,
        Nav => Removal::Aside(Navigation),
        Header if in_main => Removal::Aside(Byline),
        Header => Removal::Aside(Navigation),
        Footer | Aside | Form | Dialog => Removal::Aside(OutsideMainContent),
        Figcaption => Removal::Aside(BoilerplateReason::Caption),
        _ => return None,
    })
}

/// How an element is removed, if it is: scripts and the like always; otherwise
/// its class words, being more specific than its tag, decide first.
fn removal(tag: Tag, by_class: Option<Removal>, in_main: bool) -> Option<Removal> {
    match tag_removal(tag, in_main) {
        Some(Removal::Silent) => Some(Removal::Silent),
        by_tag => by_class.or(by_tag),
    }
}

/// Elements the page does not show: an inline `display: none` (copies of the
/// article kept for microdata, templates, collapsed sections). Not the
/// `hidden` attribute, which streaming renderers put on content they move into
/// place by script.
fn is_hidden(el: ElementRef<'_, '_>) -> bool {
    let Some(style) = el.attr("style").filter(|s| s.contains("none")) else {
        return false;
    };
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        prop.trim().eq_ignore_ascii_case("display") && value.trim().trim_end_matches("!important").trim() == "none"
    })
}

/// Removal by the words of an element's class and id ("share-bar",
/// "relatedPosts", "ad-slot"); inline elements are never removed this way so
/// that a sentence never loses a word.
fn class_removal(el: ElementRef<'_, '_>) -> Option<Removal> {
    if is_inline(el.tag()) || matches!(el.tag(), Tag::Html | Tag::Body) {
        return None;
    }
    el.attr("class").and_then(tokens_removal).or_else(|| el.attr("id").and_then(tokens_removal))
}

/// [`class_removal`] of every node (`None` for text), reading each distinct
/// class value of the page once: pages repeat the same few class strings on
/// thousands of elements.
fn class_removals(dom: &Dom<'_>) -> Vec<Option<Removal>> {
    let mut seen: FastMap<&str, Option<Removal>> = FastMap::default();
    (0..dom.len())
        .map(|id| {
            let el = dom.element(id)?;
            if is_inline(el.tag()) || matches!(el.tag(), Tag::Html | Tag::Body) {
                return None;
            }
            let by_class = el.attr("class").and_then(|c| *seen.entry(c).or_insert_with(|| tokens_removal(c)));
            by_class.or_else(|| el.attr("id").and_then(tokens_removal))
        })
        .collect()
}

/// The furniture the first of the tokens of a class or id value names.
fn tokens_removal(value: &str) -> Option<Removal> {
    let mut words = String::new();
    for token in value.split_whitespace() {
        if !may_name_furniture(token) {
            continue;
        }
        words.clear();
        split_words(token, &mut words);
        if let Some(reason) = token_reason(&words) {
            return Some(Removal::Aside(reason));
        }
    }
    None
}

/// Whether an element's class or id words name it as a comment section (or
/// one comment), as [`class_removal`] reads them.
pub(crate) fn is_comment_section(el: ElementRef<'_, '_>) -> bool {
    class_removal(el) == Some(Removal::Aside(Comments))
}

/// The furniture one class token names, given its words. A token describes the
/// element's state or taxonomy rather than what it is when it opens with a
/// taxonomy word ("tag-related-news", "category-comments") and from a state or
/// place word on ("has-sidebar", "no-comments", "content-with-sidebar",
/// "cookies-not-set", "under-menu", "below-nav": placed by the furniture, not
/// the furniture).
fn token_reason(words: &str) -> Option<BoilerplateReason> {
    const TAXONOMY: &[&str] = &["tag", "tags", "category", "categories", "cat", "topic", "author", "postid"];
    const STATE: &[&str] = &[
        "has", "no", "not", "with", "without", "is", "and", "under", "below", "above", "after", "before", "beside",
        "beneath", "over",
    ];
    // An author's bio box ("author-bio", "about-the-author", "authorBox").
    const BIO: &[&str] = &["bio", "biography", "box", "info", "about", "description", "details", "card", "profile"];
    let has = |set: &[&str]| words.split(' ').any(|w| set.contains(&w));
    if (has(&["author"]) && has(BIO))
        || words.split(' ').any(|w| w.starts_with("authorbio") || w.starts_with("authorbox"))
    {
        return Some(Byline);
    }
    let mut words = words.split(' ').filter(|w| !w.is_empty()).peekable();
    if words.peek().is_some_and(|w| TAXONOMY.contains(w)) {
        return None;
    }
    for w in words {
        if STATE.contains(&w) {
            return None;
        }
        if let Some(reason) = word_reason(w) {
            return Some(reason);
        }
    }
    None
}

/// Beginnings of the words [`token_reason`] acts on: every furniture word
/// ([`word_reason`]) and the author of a bio box start with one of them.
const FURNITURE_STARTS: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "pag",
    "skiplink",
    "footer",
    "sidebar",
    "shar",
    "social",
    "related",
    "recommend",
    "readmore",
    "morestories",
    "comment",
    "disqus",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscri",
    "paywall",
    "donat",
    "membership",
    "promo",
    "ad",
    "sponsor",
    "dfp",
    "byline",
    "caption",
    "figcaption",
    "author",
];

/// The first letters of [`FURNITURE_STARTS`], bit 0 for `a`: most words of
/// class names start with none of them.
const FURNITURE_LETTERS: u32 = {
    let mut mask = 0u32;
    let mut i = 0;
    while i < FURNITURE_STARTS.len() {
        mask |= 1 << (FURNITURE_STARTS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    mask
};

/// Whether a class token may name furniture: false only for an ASCII token
/// none of whose words (as [`split_words`] cuts them) starts with one of
/// [`FURNITURE_STARTS`], which [`token_reason`] would pass over anyway.
fn may_name_furniture(token: &str) -> bool {
    if !token.is_ascii() {
        return true;
    }
    let b = token.as_bytes();
    let (mut prev_alnum, mut prev_lower) = (false, false);
    for (i, &c) in b.iter().enumerate() {
        let alnum = c.is_ascii_alphanumeric();
        if alnum && (!prev_alnum || (c.is_ascii_uppercase() && prev_lower)) {
            let first = c.to_ascii_lowercase();
            let rest = &b[i..];
            if first.is_ascii_lowercase()
                && FURNITURE_LETTERS & (1 << (first - b'a')) != 0
                && FURNITURE_STARTS.iter().any(|n| {
                    n.as_bytes()[0] == first
                        && rest.len() >= n.len()
                        && rest[..n.len()].eq_ignore_ascii_case(n.as_bytes())
                })
            {
                return true;
            }
        }
        prev_alnum = alnum;
        prev_lower = c.is_ascii_lowercase();
    }
    false
}

/// Splits "shareBar related-posts ad_slot" into lowercase words, each followed by a space.
fn split_words(value: &str, out: &mut String) {
    let mut prev_lower = false;
    for c in value.chars() {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

fn word_reason(w: &str) -> Option<BoilerplateReason> {
    let starts = |p: &[&str]| p.iter().any(|p| w.starts_with(p));
    Some(if starts(&["nav", "menu", "breadcrumb", "pagination", "pager", "skiplink"]) {
        Navigation
    } else if starts(&["footer", "sidebar"]) {
        OutsideMainContent
    } else if starts(&["share", "sharing", "social"]) && !starts(&["shared", "sharehold"]) {
        Share
    } else if starts(&["related", "recommend", "readmore", "morestories"]) {
        RelatedLinks
    } else if starts(&["comment", "disqus"]) && w != "commentary" {
        Comments
    } else if starts(&["cookie", "consent", "gdpr"]) {
        Cookie
    } else if starts(&["newsletter"]) {
        Newsletter
    } else if starts(&["subscri", "paywall", "donat", "membership"]) {
        ReaderAppeal
    } else if (starts(&["promo", "advert", "sponsor", "adslot", "adunit", "dfp"]) && w != "promoted")
        || w == "ad"
        || w == "ads"
    {
        Advertisement
    } else if w == "byline" {
        Byline
    } else if starts(&["caption", "figcaption"]) {
        Caption
    } else {
        return None;
    })
}

/// The element(s) holding the article: usually one, sometimes a run of siblings
/// the page split its text into.
struct MainContent {
    ids: Vec<NodeId>,
    /// The main elements and all their ancestors, which are never removed.
    protected: Vec<bool>,
    /// What each element's class and id words say it is.
    by_class: Vec<Option<Removal>>,
}

/// Text bytes while scoring, and those inside links; `clean` leaves out text
/// inside elements whose class marks them as furniture, `raw` does not.
#[derive(Default, Clone, Copy)]
struct TextCounts {
    text_clean: usize,
    link_clean: usize,
    text_raw: usize,
    link_raw: usize,
}

impl TextCounts {
    /// Count `n` bytes of text, inside a link or not, inside furniture or not.
    fn add_text(&mut self, n: usize, in_link: bool, in_furniture: bool) {
        self.text_raw += n;
        if in_link {
            self.link_raw += n;
        }
        if !in_furniture {
            self.text_clean += n;
            if in_link {
                self.link_clean += n;
            }
        }
    }

    fn add(&mut self, other: &TextCounts) {
        self.text_clean += other.text_clean;
        self.link_clean += other.link_clean;
        self.text_raw += other.text_raw;
        self.link_raw += other.link_raw;
    }

    /// The (clean, raw) vote of a paragraph of this text: its bytes outside
    /// links, nothing when it is shorter than `min`.
    fn votes(&self, min: usize) -> (f64, f64) {
        let net = |text: usize, link: usize| if text >= min { text.saturating_sub(link) as f64 } else { 0.0 };
        (net(self.text_clean, self.link_clean), net(self.text_raw, self.link_raw))
    }
}

/// Per-element counts while scoring.
#[derive(Default)]
struct Frame {
    counts: TextCounts,
    /// A block element opened inside.
    has_block: bool,
    /// Text run directly inside a container (not in a paragraph) since its
    /// last block child: loose text that reads as a paragraph votes like one.
    run: LooseRun,
}

/// Counts of one loose text run.
#[derive(Default, Clone, Copy)]
struct LooseRun {
    counts: TextCounts,
    sentence: bool,
}

#[derive(Default, Clone, Copy)]
struct Score {
    clean: f64,
    raw: f64,
    /// Paragraph text (bytes) inside the element, furniture left out.
    paragraph_text: usize,
    /// Paragraph text (bytes) inside the element, furniture included.
    paragraph_raw: usize,
    /// Text inside links (bytes) inside the element, furniture left out.
    link_text: u32,
}

impl MainContent {
    fn find(dom: &Dom<'_>) -> MainContent {
        let mut scores: Vec<Score> = vec![Score::default(); dom.len()];
        let mut explicit: Vec<bool> = vec![false; dom.len()];
        let by_class = class_removals(dom);
        let wrapper = wrappers(dom);
        let text_bytes = |range: std::ops::Range<NodeId>| {
            range.map(|n| if let Node::Text(t) = dom.node(n) { t.len() } else { 0 }).sum::<usize>()
        };
        let mut page_text = None;
        // (node, frame, is_paragraph, removal) per open element
        let mut stack: Vec<(NodeId, Frame, bool, Option<Removal>)> = Vec::new();
        let mut silent = 0usize;
        let mut furniture = 0usize;
        let mut links = 0usize;
        // stack indices of the open block elements, and whether loose text in
        // each counts as a paragraph
        let mut blocks: Vec<(usize, bool)> = Vec::new();
        for edge in dom.traverse(0) {
            match edge {
                Edge::Open(id) => match dom.node(id) {
                    Node::Element(_) => {
                        let Some(el) = dom.element(id) else { continue };
                        let tag = el.tag();
                        // Hidden text does not vote, though it is kept if it
                        // lies in the article (collapsed sections); a page
                        // hidden as a whole until its scripts run is no hidden
                        // part of it.
                        let hidden = silent == 0 && is_hidden(el) && {
                            let page = *page_text.get_or_insert_with(|| text_bytes(0..dom.len()));
                            text_bytes(dom.subtree(id)) * 2 < page
                        };
                        let removal = if hidden { Some(Removal::Silent) } else { removal(tag, by_class[id], false) };
                        match removal {
                            Some(Removal::Silent) => silent += 1,
                            Some(Removal::Aside(_)) => furniture += 1,
                            None => {}
                        }
                        if tag == Tag::A {
                            links += 1;
                        }
                        if tag == Tag::Article
                            || el.attr("itemprop").is_some_and(|v| v.split_whitespace().any(|p| p == "articleBody"))
                        {
                            explicit[id] = true;
                        }
                        if !is_inline(tag) {
                            if let Some((_, frame, ..)) = stack.last_mut() {
                                frame.has_block = true;
                            }
                            if let Some(&(k, true)) = blocks.last() {
                                let run = std::mem::take(&mut stack[k].1.run);
                                let chain = stack[..=k].iter().rev().map(|e| e.0);
                                vote_run(&mut scores, chain, &wrapper, &run);
                            }
                            blocks.push((stack.len(), holds_loose_paragraphs(tag)));
                        }
                        stack.push((id, Frame::default(), matches!(tag, Tag::P | Tag::Td | Tag::Th), removal));
                    }
                    Node::Text(t) if silent == 0 => {
                        let n = crate::text::trim(t).len();
                        let (in_link, in_furniture) = (links > 0, furniture > 0);
                        if let Some(&(k, true)) = blocks.last() {
                            let run = &mut stack[k].1.run;
                            run.counts.add_text(n, in_link, in_furniture);
                            run.sentence |= memchr::memchr3(b'.', b'!', b'?', t.as_bytes()).is_some();
                        }
                        if let Some((_, frame, _, _)) = stack.last_mut() {
                            frame.counts.add_text(n, in_link, in_furniture);
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(el) = dom.node(node) else {
                        continue;
                    };
                    let Some((id, frame, is_p, removal)) = stack.pop() else {
                        continue;
                    };
                    debug_assert_eq!(id, node);
                    match removal {
                        Some(Removal::Silent) => silent -= 1,
                        Some(Removal::Aside(_)) => furniture -= 1,
                        None => {}
                    }
                    if el.tag() == Tag::A {
                        links = links.saturating_sub(1);
                    }
                    if !is_inline(el.tag()) {
                        if let Some((_, true)) = blocks.pop() {
                            let chain = std::iter::once(id).chain(stack.iter().rev().map(|e| e.0));
                            vote_run(&mut scores, chain, &wrapper, &frame.run);
                        }
                    }
                    // A table cell holding no blocks is a paragraph of a
                    // data table; one holding blocks is layout.
                    let is_p = is_p && (el.tag() == Tag::P || !frame.has_block);
                    if is_p {
                        let (clean, raw) = frame.counts.votes(MIN_PARAGRAPH);
                        // The parent gets the paragraph's vote, the grandparent
                        // half of it. An element wrapping nothing but one other
                        // is no level of its own: pages that put paragraphs in
                        // nests of divs vote like plain ones.
                        vote_up(&mut scores, stack.iter().rev().map(|e| e.0), &wrapper, clean, raw);
                        let own = &mut scores[id];
                        if clean > 0.0 {
                            own.paragraph_text += frame.counts.text_clean;
                        }
                        if raw > 0.0 {
                            own.paragraph_raw += frame.counts.text_raw;
                        }
                    }
                    scores[id].link_text = frame.counts.link_clean.try_into().unwrap_or(u32::MAX);
                    let own = (scores[id].paragraph_text, scores[id].paragraph_raw);
                    if let Some((parent_id, parent, _, _)) = stack.last_mut() {
                        parent.counts.add(&frame.counts);
                        parent.has_block |= frame.has_block;
                        if own != (0, 0) {
                            let p = &mut scores[*parent_id];
                            p.paragraph_text += own.0;
                            p.paragraph_raw += own.1;
                        }
                    }
                }
            }
        }

        let best_by = |key: fn(&Score) -> f64| {
            scores
                .iter()
                .enumerate()
                .filter(|(_, s)| key(s) > 0.0)
                .max_by(|a, b| key(a.1).total_cmp(&key(b.1)).then(b.0.cmp(&a.0)))
                .map(|(id, s)| (id, key(s)))
        };
        // Whether the element sits in a comment section: the one furniture that
        // routinely holds more prose than the article.
        let in_comments = |id: NodeId| {
            std::iter::once(id).chain(dom.ancestors(id)).any(|a| by_class[a] == Some(Removal::Aside(Comments)))
        };
        let best = match (best_by(|s| s.clean), best_by(|s| s.raw)) {
            // A class word on the article's own wrapper ("content-sidebar-wrap")
            // must not hide the article.
            (Some((clean_id, clean)), Some((raw_id, raw))) if clean >= raw * 0.25 || in_comments(raw_id) => {
                Some(clean_id)
            }
            (_, Some((raw_id, _))) => Some(raw_id),
            _ => None,
        };

        let best = best.map(|b| widen(dom, b, &scores));
        let body = || dom.elements().find(|(_, e)| e.tag() == Tag::Body).map(|(id, _)| id);
        let ids = match best {
            Some(best) => {
                let nearest_explicit = std::iter::once(best).chain(dom.ancestors(best)).find(|&n| explicit[n]);
                match nearest_explicit {
                    Some(e) => vec![e],
                    None => with_siblings(dom, best, &scores),
                }
            }
            None => {
                let first_explicit = (0..dom.len()).find(|&n| explicit[n]);
                // no body element at all (a fragment): everything at the top level
                match first_explicit.or_else(body) {
                    Some(id) => vec![id],
                    None => dom.children(0).collect(),
                }
            }
        };
        // The main elements, the best-scoring element and everything above them
        // stay, whatever their class says ("content-with-sidebar"); so does any
        // element holding a good share of the article's paragraphs.
        let mut protected = vec![false; dom.len()];
        for &id in ids.iter().chain(best.as_ref()) {
            protected[id] = true;
            for a in dom.ancestors(id) {
                protected[a] = true;
            }
        }
        // Only inside the best element: a comment thread beside the article
        // may hold more paragraphs than the article itself.
        if let Some(b) = best {
            let article_raw = scores[b].paragraph_raw;
            for id in dom.subtree(b) {
                if article_raw > 0 && scores[id].paragraph_raw * 10 >= article_raw * 3 {
                    protected[id] = true;
                }
            }
        }
        MainContent { ids, protected, by_class }
    }
}

/// Adds a paragraph's vote to its parent (the first of `chain`, innermost first)
/// and half of it to its grandparent, wrappers taking their child's share.
fn vote_up(scores: &mut [Score], chain: impl Iterator<Item = NodeId>, wrapper: &[bool], clean: f64, raw: f64) {
    let mut weight = 1.0;
    for (k, ancestor) in chain.take(MAX_WRAPPERS).enumerate() {
        if k > 0 && !wrapper[ancestor] {
            if weight < 1.0 {
                break;
            }
            weight = 0.5;
        }
        let s = &mut scores[ancestor];
        s.clean += clean * weight;
        s.raw += raw * weight;
    }
}

/// A run of loose text inside the first element of `chain` votes as a
/// paragraph of that element when it is long enough and has a sentence stop.
fn vote_run(scores: &mut [Score], mut chain: impl Iterator<Item = NodeId>, wrapper: &[bool], run: &LooseRun) {
    if !run.sentence || run.counts.text_raw < MIN_LOOSE_PARAGRAPH {
        return;
    }
    let Some(container) = chain.next() else {
        return;
    };
    let (clean, raw) = run.counts.votes(MIN_LOOSE_PARAGRAPH);
    if clean > 0.0 {
        scores[container].paragraph_text += run.counts.text_clean;
    }
    if raw > 0.0 {
        scores[container].paragraph_raw += run.counts.text_raw;
    }
    // The container stands in the place of the paragraph's parent.
    vote_up(scores, std::iter::once(container).chain(chain), wrapper, clean, raw);
}

/// Elements whose own loose text can be article paragraphs: containers, not
/// paragraphs, headings, list items and the like, which are blocks already.
fn holds_loose_paragraphs(tag: Tag) -> bool {
    use Tag::*;
    !matches!(
        tag,
        P | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Li
            | Dt
            | Dd
            | Pre
            | Figcaption
            | Caption
            | Th
            | Option
            | Button
            | Label
            | Address
            | Summary
            | Legend
    )
}

/// Whether each element's content is exactly one element child: no text of its
/// own, no other element but scripts and styles.
fn wrappers(dom: &Dom<'_>) -> Vec<bool> {
    // per element: 0, 1 or 2 (more) element children; 3 once it has text
    let mut children = vec![0u8; dom.len()];
    for id in 1..dom.len() {
        let Some(parent) = dom.parent(id) else { continue };
        let c = &mut children[parent];
        match dom.node(id) {
            Node::Element(e) if *c < 2 && tag_removal(e.tag(), false) != Some(Removal::Silent) => *c += 1,
            Node::Text(t) if *c != 3 && t.bytes().any(|b| !b.is_ascii_whitespace()) => *c = 3,
            _ => {}
        }
    }
    children.into_iter().map(|c| c == 1).collect()
}

/// The best element, or the nearest ancestor below `body` holding at least
/// twice its paragraph text (each step up doubling it again) and more of it
/// net of link text: the article whose sections each sit in their own
/// container, of which the best-voted element is one.
fn widen(dom: &Dom<'_>, best: NodeId, scores: &[Score]) -> NodeId {
    let net = |s: &Score| s.paragraph_text as f64 - s.link_text as f64;
    let mut chosen = best;
    for a in dom.ancestors(best) {
        if dom.element(a).is_none_or(|e| matches!(e.tag(), Tag::Body | Tag::Html)) {
            break;
        }
        let (up, now) = (&scores[a], &scores[chosen]);
        if up.paragraph_text >= 2 * now.paragraph_text && net(up) > net(now) {
            chosen = a;
        }
    }
    chosen
}

/// The best element plus siblings holding a good share of paragraph text, for
/// pages that split the article around an ad or a figure.
fn with_siblings(dom: &Dom<'_>, best: NodeId, scores: &[Score]) -> Vec<NodeId> {
    let text = |id: NodeId| scores[id].paragraph_text;
    let own = text(best);
    let Some(parent) = dom.parent(best) else {
        return vec![best];
    };
    dom.children(parent).filter(|&c| c == best || (own > 0 && text(c) * 5 >= own)).collect()
}

/// The second pass: every piece of text in reading order, as blocks.
struct Emitter<'t> {
    main: &'t MainContent,
    title_key: Option<String>,
    blocks: Vec<Block>,
    buf: String,
    link_bytes: usize,
    links: usize,
    /// Kind of the innermost paragraph-like element around the text.
    kinds: Vec<BlockKind>,
    /// The main content element we are inside, if any.
    in_main: Option<NodeId>,
    /// The outermost removed element we are inside, and its removal.
    removed: Option<(NodeId, Removal)>,
    aside: String,
}

impl<'t> Emitter<'t> {
    fn run(dom: &Dom<'_>, main: &'t MainContent, title: Option<&str>) -> Vec<Block> {
        let mut e = Emitter {
            main,
            title_key: title.map(|t| normalize(t).to_lowercase()),
            blocks: Vec::new(),
            buf: String::new(),
            link_bytes: 0,
            links: 0,
            kinds: Vec::new(),
            in_main: None,
            removed: None,
            aside: String::new(),
        };
        for edge in dom.traverse(0) {
            match edge {
                Edge::Open(node) => e.open(dom, node),
                Edge::Close(node) => e.close(dom, node),
            }
        }
        e.flush();
        e.blocks
    }

    fn open(&mut self, dom: &Dom<'_>, node: NodeId) {
        if self.removed.is_some() {
            match dom.node(node) {
                Node::Text(t) if !in_raw_text(dom, node) => self.add_aside(t),
                Node::Element(el) if !is_inline(el.tag()) => self.add_aside(" "),
                _ => {}
            }
            return;
        }
        match dom.node(node) {
            Node::Text(t) => {
                self.buf.push_str(t);
                if self.links > 0 {
                    self.link_bytes += t.len();
                }
            }
            Node::Element(el) => {
                let id = node;
                let tag = el.tag();
                let removal = if self.main.protected[id] {
                    None
                } else {
                    removal(tag, self.main.by_class[id], self.in_main.is_some())
                };
                if let Some(removal) = removal {
                    self.flush();
                    self.removed = Some((id, removal));
                    self.aside.clear();
                    return;
                }
                if self.in_main.is_none() && self.main.ids.contains(&id) {
                    self.flush();
                    self.in_main = Some(id);
                }
                match tag {
                    Tag::A => self.links += 1,
                    Tag::Br => {
                        if self.kinds.last().is_some_and(|k| *k != BlockKind::Loose) {
                            self.buf.push(' ');
                        } else {
                            self.flush();
                        }
                    }
                    _ if is_inline(tag) => {}
                    _ => {
                        self.flush();
                        let kind = match tag {
                            Tag::P | Tag::Dd | Tag::Dt | Tag::Address | Tag::Td | Tag::Th => BlockKind::Paragraph,
                            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => BlockKind::Heading,
                            Tag::Li => BlockKind::ListItem,
                            Tag::Blockquote => BlockKind::Quote,
                            Tag::Pre => BlockKind::Pre,
                            _ => *self.kinds.last().unwrap_or(&BlockKind::Loose),
                        };
                        self.kinds.push(kind);
                    }
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, dom: &Dom<'_>, node: NodeId) {
        let id = node;
        if let Some((removed_id, removal)) = self.removed {
            if removed_id == id {
                self.removed = None;
                if let Removal::Aside(reason) = removal {
                    let text = shorten(&normalize(&self.aside), ASIDE_CHARS);
                    if !text.is_empty() {
                        self.blocks.push(Block::set_aside(text, BlockKind::Loose, reason));
                    }
                }
            }
            return;
        }
        let Node::Element(el) = dom.node(node) else {
            return;
        };
        let tag = el.tag();
        if tag == Tag::A {
            self.links = self.links.saturating_sub(1);
        } else if !is_inline(tag) {
            self.flush();
            self.kinds.pop();
        }
        if self.in_main == Some(id) {
            self.flush();
            self.in_main = None;
        }
    }

    fn add_aside(&mut self, s: &str) {
        // Enough for the shortened audit text, and no more: keeps huge removed
        // regions linear and small.
        if self.aside.len() < ASIDE_CHARS * 4 {
            self.aside.push_str(s);
        }
    }

    /// Ends the current block.
    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let raw_len = crate::text::trim(&self.buf).len().max(1);
        let link_share = self.link_bytes as f64 / raw_len as f64;
        let text = normalize(&self.buf);
        self.buf.clear();
        self.link_bytes = 0;
        if text.is_empty() {
            return;
        }
        let kind = *self.kinds.last().unwrap_or(&BlockKind::Loose);
        if kind == BlockKind::Heading && self.title_key.as_deref() == Some(text.to_lowercase().as_str()) {
            return; // the headline, already the article's title
        }
        let reason = if self.in_main.is_none() {
            Some(line_reason(&text).unwrap_or(OutsideMainContent))
        } else {
            let sentence_like = text.len() >= 100 && text.contains(['.', '!', '?']);
            let loose = kind == BlockKind::Loose && !sentence_like;
            let link_heavy =
                link_share > LINK_HEAVY && (matches!(kind, BlockKind::ListItem | BlockKind::Loose) || text.len() < 200);
            (loose || link_heavy).then(|| line_reason(&text).unwrap_or(LowTextDensity))
        };
        let text = match reason {
            Some(_) => shorten(&text, ASIDE_CHARS),
            None => text,
        };
        self.blocks.push(Block { text, kind, reason });
    }
}

/// Text of a script, style or similar: not reader-visible.
fn in_raw_text(dom: &Dom<'_>, node: NodeId) -> bool {
    dom.parent(node).and_then(|p| dom.element(p)).map(|e| tag_removal(e.tag(), false)) == Some(Some(Removal::Silent))
}

/// At most `max` characters, cut at a word when possible, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
            format!("{head}…")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_without_a_furniture_word_are_passed_over() {
        for token in ["shareBar", "main-nav", "x_ad", "adSlot", "authorBio", "Comments", "post-body", "header", "lead"]
        {
            let mut w = String::new();
            split_words(token, &mut w);
            assert_eq!(may_name_furniture(token), token_reason(&w).is_some(), "{token}");
        }
        assert!(!may_name_furniture("loaded-thread"));
        assert!(may_name_furniture("navigación"), "non-ASCII tokens take the full check");
    }

    #[test]
    fn class_words() {
        let mut w = String::new();
        split_words("shareBar related-posts ad_slot x", &mut w);
        assert_eq!(w, "share bar related posts ad slot x ");
        assert_eq!(word_reason("lead"), None);
        assert_eq!(word_reason("head"), None);
        assert_eq!(word_reason("ad"), Some(Advertisement));
        assert_eq!(word_reason("commentary"), None);
        assert_eq!(word_reason("navbar"), Some(Navigation));
        assert_eq!(word_reason("shared"), None);
        assert_eq!(word_reason("promoted"), None);
        assert_eq!(word_reason("promo"), Some(Advertisement));
    }

    fn kept(page: &str) -> Vec<String> {
        let page = extract_html(page, None);
        page.blocks.into_iter().filter(|b| b.reason.is_none()).map(|b| b.text).collect()
    }

    const PARA: &str = "This is a sentence of the story that is long enough to count as text.";

    #[test]
    fn class_tokens_naming_state_or_taxonomy_are_not_furniture() {
        let dom = Dom::parse(
            "<div class='post has-comments no-sidebar tag-related-news content-with-sidebar node--promoted under-menu \
             section--below-nav'></div>\
             <div class='wp-block-shared-content'></div><div class='comment-list'></div><div id=sidebar></div>",
        );
        let removals: Vec<Option<Removal>> =
            dom.elements().filter(|(_, e)| e.name() == "div").map(|(_, e)| class_removal(e)).collect();
        assert_eq!(removals, [None, None, Some(Removal::Aside(Comments)), Some(Removal::Aside(OutsideMainContent))]);
        let bios = Dom::parse(
            "<div class=author-bio></div><section class=about-the-author></section><div id=authorBox></div>\
             <article class='post author-jane-doe'></article>",
        );
        let removals: Vec<Option<Removal>> = bios.elements().map(|(_, e)| class_removal(e)).collect();
        assert_eq!(
            removals,
            [Some(Removal::Aside(Byline)), Some(Removal::Aside(Byline)), Some(Removal::Aside(Byline)), None]
        );
        let body = Dom::parse("<html><body class='single-post sidebar-right'><p>x</p></body></html>");
        assert!(body.elements().all(|(_, e)| class_removal(e).is_none()));
    }

    #[test]
    fn paragraphs_each_in_their_own_nest_of_divs_vote_for_the_article() {
        // Every paragraph sits in two wrapper divs; the sections stand side by side.
        let section = |n: usize| {
            let p =
                |k: usize| format!("<div class=row><div class=col><p>{PARA} Section {n}, part {k}.</p></div></div>");
            format!("<div class=section><h2>Part {n}</h2>{}{}{}</div>", p(1), p(2), p(3))
        };
        let page = format!(
            "<html><body><div class=top><a href=/>Home</a></div><div class=body>{}{}{}</div>\
             <div class=side><p>{PARA} Elsewhere.</p></div></body></html>",
            section(1),
            section(2),
            section(3)
        );
        let kept = kept(&page);
        assert_eq!(kept.iter().filter(|t| t.contains("Section")).count(), 9, "{kept:?}");
        assert!(kept.iter().any(|t| t == "Part 2"), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Elsewhere")), "{kept:?}");
    }

    #[test]
    fn an_article_in_sections_is_taken_whole_not_its_longest_section() {
        let section = |n: usize, paragraphs: usize| {
            let p: String = (1..=paragraphs).map(|k| format!("<p>{PARA} Section {n}, part {k}.</p>")).collect();
            format!("<div class=s><h2>Part {n}</h2><div class=t>{p}</div></div>")
        };
        let sections: String = std::iter::once(section(1, 3)).chain((2..=5).map(|n| section(n, 2))).collect();
        let page = format!(
            "<html><body><div class=top><a href=/>Home</a></div><div class=main>{sections}</div>\
             <div class=side><p>{PARA} Elsewhere.</p></div></body></html>"
        );
        let kept = kept(&page);
        assert_eq!(kept.iter().filter(|t| t.contains("Section")).count(), 11, "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Elsewhere")), "{kept:?}");
    }

    #[test]
    fn loose_text_split_by_line_breaks_votes_like_paragraphs() {
        let line = "Loose text of the story, written straight into its container without any paragraph tags, as older pages do.";
        let page = format!(
            "<html><body><div class=post>{line} One.<br><br>{line} Two.<br><br>{line} Three.<br>{line} Four.</div>\
             <div class=box><p>{PARA} Elsewhere.</p></div></body></html>"
        );
        let kept = kept(&page);
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(kept[3].ends_with("Four."), "{kept:?}");
    }

    #[test]
    fn a_hidden_copy_of_the_article_does_not_vote() {
        let page = format!(
            "<html><body><ul>{}</ul><div class=story><p>{PARA} One.</p><p>{PARA} Two.</p></div>\
             <div style='display: none'><div><p>{PARA} One.</p><p>{PARA} Two.</p><p>{PARA} Copy.</p></div></div>\
             </body></html>",
            "<li><a href=/s>A section of the site</a></li>".repeat(20)
        );
        let kept = kept(&page);
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Copy")), "{kept:?}");
        let shown =
            Dom::parse("<div style='DISPLAY:block'></div><div style='color: red; display:none !important'></div>");
        let hidden: Vec<bool> = shown.elements().map(|(_, e)| is_hidden(e)).collect();
        assert_eq!(hidden, [false, true]);
    }

    #[test]
    fn short_table_cells_of_the_article_are_kept() {
        let page = format!(
            "<html><body><div class=story><p>{PARA} One.</p><p>{PARA} Two.</p>\
             <table><tr><th>Model</th><th>Weight</th></tr><tr><td>Trail 2</td><td>45.6 lbs</td></tr></table>\
             <p>{PARA} Three.</p></div></body></html>"
        );
        let kept = kept(&page);
        assert_eq!(kept[2..5], ["Model", "Weight", "Trail 2"], "{kept:?}");
        assert_eq!(kept.len(), 7, "{kept:?}");
    }

    #[test]
    fn cells_of_a_data_table_vote_like_paragraphs() {
        let row =
            |n: usize| format!("<tr><td>Player {n}</td><td>Two tackles, one assist and a sack in the game.</td></tr>");
        let rows: String = (1..=8).map(row).collect();
        let page = format!(
            "<html><body><div class=stats><h2>Defence</h2><table><tbody>{rows}</tbody></table></div>\
             <div class=box><p>{PARA} Elsewhere.</p><p>{PARA} Elsewhere too.</p></div></body></html>"
        );
        let kept = kept(&page);
        assert!(kept.iter().any(|t| t == "Player 8"), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Elsewhere")), "{kept:?}");
    }

    #[test]
    fn comments_inside_the_article_element_are_set_aside_however_long() {
        let comment = format!("<li class=comment><div class=comment-content><p>{PARA} A reader.</p></div></li>");
        let page = format!(
            "<html><body><article><h1>Title</h1><div class=entry-content><p>{PARA} One.</p><p>{PARA} Two.</p>\
             <p>{PARA} Three.</p></div><ol class=comment-list>{}</ol></article></body></html>",
            comment.repeat(10)
        );
        let kept = kept(&page);
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept[2].ends_with("Three."), "{kept:?}");
    }

    #[test]
    fn list_items_with_a_linked_title_and_words_of_their_own_are_kept() {
        let page = format!(
            "<html><body><div class=story><p>{PARA} One.</p><p>{PARA} Two.</p><ul>\
             <li><a href=/a>Wolfram Language fundamentals</a>, a free course</li>\
             <li><a href=/b>Another story entirely about something else</a></li></ul>\
             <p>{PARA} Three.</p></div></body></html>"
        );
        let kept = kept(&page);
        assert!(kept.iter().any(|t| t.starts_with("Wolfram")), "{kept:?}");
        assert!(!kept.iter().any(|t| t.starts_with("Another")), "{kept:?}");
    }

    #[test]
    fn a_long_comment_thread_does_not_take_the_place_of_a_short_article() {
        let comment =
            format!("<li class=comment><div class=comment-body><p>{PARA} A reader.</p><p>{PARA}</p></div></li>");
        let page = format!(
            "<html><body><article><h1>Open thread</h1><div class=entry-content><p>{PARA} Article one.</p>\
             <p>{PARA} Article two.</p></div></article><div id=comments class=comments-area><ul class=comment-list>{}</ul>\
             </div></body></html>",
            comment.repeat(12)
        );
        let kept = kept(&page);
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[1].ends_with("Article two."));
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 10), "one two…");
    }

    #[test]
    fn picks_the_densest_container_without_article_tag() {
        let para = "This is a sentence of the story that is long enough to count as text.";
        let page = format!(
            "<html><body><div id=top><a href=/>Home</a> <a href=/w>World</a></div>\
             <div class=story><p>{para} One.</p><p>{para} Two.</p><p>{para} Three.</p></div>\
             <div class=more><p><a href=/x>{para}</a></p></div></body></html>"
        );
        let page = extract_html(&page, None);
        let kept: Vec<&str> = page.blocks.iter().filter(|b| b.reason.is_none()).map(|b| b.text.as_str()).collect();
        assert_eq!(kept.len(), 3, "{:?}", page.blocks);
        assert!(kept[2].ends_with("Three."));
        assert_eq!(page.blocks[0].reason, Some(OutsideMainContent));
    }
}
