//! A small, forgiving HTML parser into a flat tree, built for extraction speed.
//!
//! A full HTML5 tree builder (html5ever) spent most of the extract stage's time on
//! work that does not change which text a reader sees. This parser keeps what
//! matters for extraction: elements with their attributes, text with character
//! references decoded, raw-text elements (`script`, `style`, ...) read up to
//! their end tag, void elements, and the implied end tags that shape paragraphs
//! and lists (`<p>` closed by a block, `<li>` by the next `<li>`, ...). Nodes are
//! stored in document order, so an element's descendants are the contiguous run
//! of nodes after it, and text borrows from the source whenever it needs no
//! decoding.
//!
//! Hostile input is bounded: nesting past [`MAX_DEPTH`] is flattened (the text
//! is kept, like browsers' parser depth limit), attributes past [`MAX_ATTRIBUTES`]
//! are dropped, and every step moves forward, so time is linear in the input.

use std::borrow::Cow;

/// Deepest nesting of elements kept; real pages stay well under 100.
pub const MAX_DEPTH: usize = 512;
/// Most attributes kept on one start tag.
pub const MAX_ATTRIBUTES: usize = 256;

pub type NodeId = usize;

/// Declares [`Tag`] and its names.
macro_rules! tags {
    ($($tag:ident = $name:literal,)*) => {
        /// The element names the parser and the extractor test for, read once
        /// per element while parsing; every other name is [`Tag::Other`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Tag {
            $($tag,)*
            Other,
        }

        impl Tag {
            /// The tag of a lowercase element name.
            pub fn of(name: &str) -> Tag {
                match name {
                    $($name => Tag::$tag,)*
                    _ => Tag::Other,
                }
            }

            /// The element name of the tag (empty for `Other`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Tag::$tag => $name,)*
                    Tag::Other => "",
                }
            }
        }
    };
}

tags! {
    A = "a",
    Abbr = "abbr",
    Address = "address",
    Applet = "applet",
    Area = "area",
    Article = "article",
    Aside = "aside",
    Audio = "audio",
    B = "b",
    Base = "base",
    Basefont = "basefont",
    Bdi = "bdi",
    Bdo = "bdo",
    Bgsound = "bgsound",
    Blockquote = "blockquote",
    Body = "body",
    Br = "br",
    Button = "button",
    Canvas = "canvas",
    Caption = "caption",
    Center = "center",
    Cite = "cite",
    Code = "code",
    Col = "col",
    Data = "data",
    Dd = "dd",
    Del = "del",
    Details = "details",
    Dfn = "dfn",
    Dialog = "dialog",
    Dir = "dir",
    Div = "div",
    Dl = "dl",
    Dt = "dt",
    Em = "em",
    Embed = "embed",
    Fieldset = "fieldset",
    Figcaption = "figcaption",
    Figure = "figure",
    Font = "font",
    Footer = "footer",
    Form = "form",
    Frame = "frame",
    H1 = "h1",
    H2 = "h2",
    H3 = "h3",
    H4 = "h4",
    H5 = "h5",
    H6 = "h6",
    Head = "head",
    Header = "header",
    Hgroup = "hgroup",
    Hr = "hr",
    Html = "html",
    I = "i",
    Iframe = "iframe",
    Image = "image",
    Img = "img",
    Input = "input",
    Ins = "ins",
    Kbd = "kbd",
    Keygen = "keygen",
    Label = "label",
    Legend = "legend",
    Li = "li",
    Link = "link",
    Main = "main",
    Mark = "mark",
    Marquee = "marquee",
    Math = "math",
    Menu = "menu",
    Meta = "meta",
    Nav = "nav",
    Noembed = "noembed",
    Noframes = "noframes",
    Noscript = "noscript",
    Object = "object",
    Ol = "ol",
    Option = "option",
    P = "p",
    Param = "param",
    Picture = "picture",
    Plaintext = "plaintext",
    Pre = "pre",
    Q = "q",
    S = "s",
    Samp = "samp",
    Script = "script",
    Section = "section",
    Select = "select",
    Small = "small",
    Source = "source",
    Span = "span",
    Strong = "strong",
    Style = "style",
    Sub = "sub",
    Summary = "summary",
    Sup = "sup",
    Svg = "svg",
    Table = "table",
    Tbody = "tbody",
    Td = "td",
    Template = "template",
    Textarea = "textarea",
    Tfoot = "tfoot",
    Th = "th",
    Thead = "thead",
    Time = "time",
    Title = "title",
    Tr = "tr",
    Track = "track",
    U = "u",
    Ul = "ul",
    Var = "var",
    Video = "video",
    Wbr = "wbr",
    Xmp = "xmp",
}

/// An attribute: lowercase name and decoded value.
type Attr<'s> = (Cow<'s, str>, Cow<'s, str>);

/// One element: lowercase name, its tag, and where its attributes (in source
/// order) lie in the page's one attribute list: a list per element was the
/// parser's most frequent allocation.
#[derive(Debug)]
pub struct Element<'s> {
    name: Cow<'s, str>,
    tag: Tag,
    attrs: (u32, u32),
}

impl Element<'_> {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn tag(&self) -> Tag {
        self.tag
    }
}

/// An element of a [`Dom`] with its attributes.
#[derive(Clone, Copy, Debug)]
pub struct ElementRef<'d, 's> {
    element: &'d Element<'s>,
    attrs: &'d [Attr<'s>],
}

impl<'d> ElementRef<'d, '_> {
    pub fn name(&self) -> &'d str {
        &self.element.name
    }

    pub fn tag(&self) -> Tag {
        self.element.tag
    }

    /// The value of attribute `key` (lowercase), the first if repeated.
    pub fn attr(&self, key: &str) -> Option<&'d str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_ref())
    }
}

#[derive(Debug)]
pub enum Node<'s> {
    Document,
    Element(Element<'s>),
    Text(Cow<'s, str>),
}

impl<'s> Node<'s> {
    pub fn as_element(&self) -> Option<&Element<'s>> {
        match self {
            Node::Element(e) => Some(e),
            _ => None,
        }
    }
}

const NONE: u32 = u32::MAX;

#[derive(Debug)]
struct Slot<'s> {
    node: Node<'s>,
    parent: u32,
    next_sibling: u32,
    first_child: u32,
    last_child: u32,
    /// One past the last descendant.
    end: u32,
}

/// An entry of a depth-first walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Open(NodeId),
    Close(NodeId),
}

/// A parsed page. Node 0 is the document.
#[derive(Debug)]
pub struct Dom<'s> {
    slots: Vec<Slot<'s>>,
    attrs: Vec<Attr<'s>>,
}

fn opt(v: u32) -> Option<NodeId> {
    (v != NONE).then_some(v as NodeId)
}

impl<'s> Dom<'s> {
    pub fn parse(src: &'s str) -> Dom<'s> {
        Parser::new(src).run()
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.len() <= 1
    }

    pub fn node(&self, id: NodeId) -> &Node<'s> {
        &self.slots[id].node
    }

    pub fn element(&self, id: NodeId) -> Option<ElementRef<'_, 's>> {
        self.slots.get(id).and_then(|s| s.node.as_element()).map(|e| self.element_ref(e))
    }

    fn element_ref<'d>(&'d self, element: &'d Element<'s>) -> ElementRef<'d, 's> {
        ElementRef { element, attrs: &self.attrs[element.attrs.0 as usize..element.attrs.1 as usize] }
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        opt(self.slots[id].parent)
    }

    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(opt(self.slots[id].first_child), move |&c| opt(self.slots[c].next_sibling))
    }

    /// The node and its descendants, in document order.
    pub fn subtree(&self, id: NodeId) -> std::ops::Range<NodeId> {
        id..self.slots[id].end as NodeId
    }

    /// Elements in document order.
    pub fn elements(&self) -> impl Iterator<Item = (NodeId, ElementRef<'_, 's>)> + '_ {
        self.slots.iter().enumerate().filter_map(|(i, s)| s.node.as_element().map(|e| (i, self.element_ref(e))))
    }

    /// All text below `id`, concatenated.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for i in self.subtree(id) {
            if let Node::Text(t) = &self.slots[i].node {
                out.push_str(t);
            }
        }
        out
    }

    /// Depth-first walk of the subtree at `id`: every node is opened, then its
    /// children walked, then closed.
    pub fn traverse(&self, id: NodeId) -> Traverse<'_, 's> {
        Traverse { dom: self, next: id, stop: self.slots[id].end as NodeId, open: Vec::new(), pending: None }
    }
}

pub struct Traverse<'d, 's> {
    dom: &'d Dom<'s>,
    next: NodeId,
    stop: NodeId,
    open: Vec<NodeId>,
    pending: Option<NodeId>,
}

impl Iterator for Traverse<'_, '_> {
    type Item = Edge;

    fn next(&mut self) -> Option<Edge> {
        if let Some(id) = self.pending.take() {
            return Some(Edge::Close(id));
        }
        if let Some(&top) = self.open.last() {
            if self.dom.slots[top].end as NodeId <= self.next || self.next >= self.stop {
                self.open.pop();
                return Some(Edge::Close(top));
            }
        }
        if self.next >= self.stop {
            return None;
        }
        let id = self.next;
        self.next += 1;
        if self.dom.slots[id].end as NodeId > id + 1 {
            self.open.push(id);
        } else {
            self.pending = Some(id);
        }
        Some(Edge::Open(id))
    }
}

fn is_void(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Area | Base
            | Br
            | Col
            | Embed
            | Hr
            | Img
            | Input
            | Keygen
            | Link
            | Meta
            | Param
            | Source
            | Track
            | Wbr
            | Image
            | Basefont
            | Bgsound
            | Frame
    )
}

/// Elements whose content is text up to their end tag.
fn is_raw_text(tag: Tag) -> bool {
    use Tag::*;
    matches!(tag, Script | Style | Textarea | Title | Xmp | Iframe | Noembed | Noframes | Noscript | Plaintext)
}

/// Start tags that close an open `<p>`.
fn closes_p(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Address
            | Article
            | Aside
            | Blockquote
            | Center
            | Details
            | Dialog
            | Dir
            | Div
            | Dl
            | Fieldset
            | Figcaption
            | Figure
            | Footer
            | Form
            | Header
            | Hgroup
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Hr
            | Li
            | Dd
            | Dt
            | Main
            | Menu
            | Nav
            | Ol
            | P
            | Pre
            | Section
            | Summary
            | Table
            | Ul
    )
}

fn is_heading(tag: Tag) -> bool {
    use Tag::*;
    matches!(tag, H1 | H2 | H3 | H4 | H5 | H6)
}

/// Elements that end the search for an element to close implicitly.
fn is_scope_boundary(tag: Tag) -> bool {
    use Tag::*;
    matches!(tag, Table | Td | Th | Caption | Html | Button | Object | Template | Marquee | Applet)
}

struct Parser<'s> {
    src: &'s str,
    pos: usize,
    slots: Vec<Slot<'s>>,
    /// The attributes of every element, one element's after another's.
    attrs: Vec<Attr<'s>>,
    stack: Vec<NodeId>,
    /// Start tags dropped for depth whose end tags are still to come.
    dropped: usize,
    /// Open `svg`/`math` elements, where `/>` closes an element.
    foreign: usize,
    /// Open `p`, `li` and `a` elements: when there are none, the search for
    /// one to close implicitly is skipped.
    open: OpenCounts,
}

/// Counts of open elements of the tags most often closed implicitly.
#[derive(Default)]
struct OpenCounts {
    p: usize,
    li: usize,
    a: usize,
}

impl OpenCounts {
    fn count(&mut self, tag: Tag) -> Option<&mut usize> {
        match tag {
            Tag::P => Some(&mut self.p),
            Tag::Li => Some(&mut self.li),
            Tag::A => Some(&mut self.a),
            _ => None,
        }
    }

    fn any(&self, tag: Tag) -> bool {
        match tag {
            Tag::P => self.p > 0,
            Tag::Li => self.li > 0,
            Tag::A => self.a > 0,
            _ => true,
        }
    }
}

impl<'s> Parser<'s> {
    fn new(src: &'s str) -> Self {
        let root = Slot {
            node: Node::Document,
            parent: NONE,
            next_sibling: NONE,
            first_child: NONE,
            last_child: NONE,
            end: 1,
        };
        let mut slots = Vec::with_capacity(src.len() / 40 + 16);
        slots.push(root);
        // news pages carry an attribute for every 140 bytes or so: room for
        // most pages' from the start, rather than a vector doubled a dozen
        // times and copied each time
        let attrs = Vec::with_capacity(src.len() / 96 + 16);
        Parser { src, pos: 0, slots, attrs, stack: vec![0], dropped: 0, foreign: 0, open: OpenCounts::default() }
    }

    fn run(mut self) -> Dom<'s> {
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() {
            let Some(lt) = memchr::memchr(b'<', &bytes[self.pos..]) else {
                self.text(self.pos, bytes.len());
                break;
            };
            let start = self.pos + lt;
            if start > self.pos {
                self.text(self.pos, start);
            }
            self.pos = start;
            self.markup();
        }
        while self.stack.len() > 1 {
            self.pop();
        }
        let n = self.slots.len() as u32;
        self.slots[0].end = n;
        Dom { slots: self.slots, attrs: self.attrs }
    }

    /// At a `<`: a tag, a comment, a declaration, or a literal `<`.
    fn markup(&mut self) {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            self.pos = find(&bytes[start + 4..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3);
            return;
        }
        if rest.starts_with(b"<![CDATA[") {
            self.pos = find(&bytes[start..], b"]]>").map_or(bytes.len(), |e| start + e + 3);
            return;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            self.pos = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + e + 1);
            return;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + if closing { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            if closing {
                // `</ >` and the like: a bogus comment
                self.pos = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + e + 1);
            } else {
                self.text(start, start + 1);
                self.pos = start + 1;
            }
            return;
        }
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
                .unwrap_or(bytes.len() - name_start);
        let name = lower(&self.src[name_start..name_end]);
        let attrs_start = self.attrs.len();
        let (self_closing, end) = self.attributes(name_end, closing);
        self.pos = end;
        if closing {
            self.end_tag(&name);
        } else {
            self.start_tag(name, attrs_start, self_closing);
        }
    }

    /// Attributes from `from` to the end of the tag, added to `self.attrs` unless
    /// `skip`: (`/>`, position after `>`).
    fn attributes(&mut self, from: usize, skip: bool) -> (bool, usize) {
        let bytes = self.src.as_bytes();
        let start = self.attrs.len();
        let mut i = from;
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                return (false, bytes.len());
            }
            if bytes[i] == b'>' {
                return (self_closing, i + 1);
            }
            self_closing = false;
            let name_start = i;
            i += 1; // a name may start with `=`
            while i < bytes.len() && !matches!(bytes[i], b'=' | b'>' | b'/') && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let name_end = i;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = (0, 0);
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let quote = bytes[i];
                    let v_end = memchr::memchr(quote, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e);
                    value = (i + 1, v_end);
                    i = (v_end + 1).min(bytes.len());
                } else {
                    let v_start = i;
                    while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = (v_start, i);
                }
            }
            if !skip && self.attrs.len() - start < MAX_ATTRIBUTES {
                let name = lower(&self.src[name_start..name_end]);
                if !self.attrs[start..].iter().any(|(k, _)| *k == name) {
                    self.attrs.push((name, decode_entities(&self.src[value.0..value.1])));
                }
            }
        }
    }

    fn text(&mut self, start: usize, end: usize) {
        let raw = &self.src[start..end];
        self.append(Node::Text(decode_entities(raw)));
    }

    /// Adds a node as the last child of the current element.
    fn append(&mut self, node: Node<'s>) -> NodeId {
        let id = self.slots.len();
        let parent = *self.stack.last().unwrap_or(&0);
        self.slots.push(Slot {
            node,
            parent: parent as u32,
            next_sibling: NONE,
            first_child: NONE,
            last_child: NONE,
            end: id as u32 + 1,
        });
        let p = &mut self.slots[parent];
        let prev = p.last_child;
        p.last_child = id as u32;
        if prev == NONE {
            p.first_child = id as u32;
        } else {
            self.slots[prev as usize].next_sibling = id as u32;
        }
        id
    }

    fn pop(&mut self) {
        if let Some(id) = self.stack.pop() {
            if let Some(Node::Element(e)) = Some(&self.slots[id].node) {
                if matches!(e.tag, Tag::Svg | Tag::Math) {
                    self.foreign = self.foreign.saturating_sub(1);
                }
                let tag = e.tag;
                if let Some(n) = self.open.count(tag) {
                    *n = n.saturating_sub(1);
                }
            }
            self.slots[id].end = self.slots.len() as u32;
        }
    }

    /// The tag of the current element (`Other` at the top).
    fn current(&self) -> Tag {
        self.stack.last().and_then(|&id| self.slots[id].node.as_element()).map_or(Tag::Other, Element::tag)
    }

    /// Index in the stack of the innermost open element of `tags` below any of `boundaries`.
    fn open_in_scope(&self, tags: &[Tag], boundaries: &[Tag]) -> Option<usize> {
        if !tags.iter().any(|&t| self.open.any(t)) {
            return None;
        }
        for (i, &id) in self.stack.iter().enumerate().rev().take(MAX_DEPTH) {
            let Some(el) = self.slots[id].node.as_element() else { break };
            if tags.contains(&el.tag) {
                return Some(i);
            }
            if is_scope_boundary(el.tag) || boundaries.contains(&el.tag) {
                return None;
            }
        }
        None
    }

    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            self.pop();
        }
    }

    /// A start tag whose attributes are `self.attrs[attrs..]`.
    fn start_tag(&mut self, name: Cow<'s, str>, attrs: usize, self_closing: bool) {
        let n = Tag::of(&name);
        if matches!(n, Tag::Html | Tag::Body | Tag::Head)
            && self.slots.iter().skip(1).take(64).any(|s| s.node.as_element().is_some_and(|e| e.tag == n))
        {
            self.attrs.truncate(attrs);
            return;
        }
        // The head ends where the body or any content starts, even when the page
        // forgot to close it; otherwise the whole page would be head.
        if n == Tag::Body || (self.current() == Tag::Head && !in_head(n)) {
            if let Some(i) =
                self.stack.iter().rposition(|&id| self.slots[id].node.as_element().is_some_and(|e| e.tag == Tag::Head))
            {
                self.pop_to(i);
            }
        }
        if closes_p(n) {
            if let Some(i) = self.open_in_scope(&[Tag::P], &[]) {
                self.pop_to(i);
            }
        }
        match n {
            Tag::Li => {
                if let Some(i) = self.open_in_scope(&[Tag::Li], &[Tag::Ul, Tag::Ol]) {
                    self.pop_to(i);
                }
            }
            Tag::Dt | Tag::Dd => {
                if let Some(i) = self.open_in_scope(&[Tag::Dt, Tag::Dd], &[Tag::Dl]) {
                    self.pop_to(i);
                }
            }
            Tag::Tr => {
                if let Some(i) = self.open_in_scope(&[Tag::Tr], &[Tag::Tbody, Tag::Thead, Tag::Tfoot]) {
                    self.pop_to(i);
                }
            }
            Tag::Td | Tag::Th => {
                if let Some(i) = self.open_in_scope(&[Tag::Td, Tag::Th], &[Tag::Tr]) {
                    self.pop_to(i);
                }
            }
            Tag::Option if self.current() == Tag::Option => self.pop(),
            Tag::A => {
                if let Some(i) = self.open_in_scope(&[Tag::A], &[]) {
                    self.pop_to(i);
                }
            }
            _ if is_heading(n) && is_heading(self.current()) => self.pop(),
            _ => {}
        }
        let raw = is_raw_text(n);
        let void = is_void(n) || (self_closing && (self.foreign > 0 || n == Tag::Svg || n == Tag::Math));
        // Paragraphs and headings close their own kind, so letting them past the
        // limit adds at most two levels and keeps the text's shape.
        if !void && self.stack.len() > MAX_DEPTH && !(n == Tag::P || is_heading(n)) {
            self.dropped += 1;
            self.attrs.truncate(attrs);
            return;
        }
        let (name, tag) = if n == Tag::Image { (Cow::Borrowed("img"), Tag::Img) } else { (name, n) };
        let is_foreign_root = matches!(tag, Tag::Svg | Tag::Math);
        let attrs = (attrs as u32, self.attrs.len() as u32);
        let id = self.append(Node::Element(Element { name, tag, attrs }));
        if void {
            return;
        }
        self.stack.push(id);
        if let Some(n) = self.open.count(tag) {
            *n += 1;
        }
        if is_foreign_root {
            self.foreign += 1;
        }
        if raw {
            let bytes = self.src.as_bytes();
            // `</` and the name, on the stack: raw-text names are short
            let mut close = [0u8; 16];
            let name = tag.as_str().as_bytes();
            close[..2].copy_from_slice(b"</");
            close[2..2 + name.len()].copy_from_slice(name);
            let close = &close[..2 + name.len()];
            let end = if tag == Tag::Plaintext {
                bytes.len()
            } else {
                find_ignore_case(&bytes[self.pos..], close).map_or(bytes.len(), |e| self.pos + e)
            };
            if end > self.pos {
                let text = &self.src[self.pos..end];
                let node = if matches!(tag, Tag::Title | Tag::Textarea) {
                    Node::Text(decode_entities(text))
                } else {
                    Node::Text(Cow::Borrowed(text))
                };
                self.append(node);
            }
            self.pos = memchr::memchr(b'>', &bytes[end..]).map_or(bytes.len(), |e| end + e + 1);
            self.pop();
        }
    }

    fn end_tag(&mut self, name: &str) {
        let tag = Tag::of(name);
        if tag == Tag::Br {
            self.append(Node::Element(Element { name: Cow::Borrowed("br"), tag, attrs: (0, 0) }));
            return;
        }
        if is_void(tag) || matches!(tag, Tag::Html | Tag::Body) {
            return;
        }
        if self.dropped > 0 {
            self.dropped -= 1;
            return;
        }
        let found = match tag {
            Tag::P => self.open_in_scope(&[Tag::P], &[]),
            Tag::Li => self.open_in_scope(&[Tag::Li], &[Tag::Ul, Tag::Ol]),
            Tag::Td | Tag::Th | Tag::Tr => self.open_in_scope(&[tag], &[Tag::Table]),
            _ if is_heading(tag) => self.open_in_scope(&[Tag::H1, Tag::H2, Tag::H3, Tag::H4, Tag::H5, Tag::H6], &[]),
            Tag::Other => {
                self.stack.iter().rposition(|&id| self.slots[id].node.as_element().is_some_and(|e| e.name() == name))
            }
            _ => self.stack.iter().rposition(|&id| self.slots[id].node.as_element().is_some_and(|e| e.tag == tag)),
        };
        if let Some(i) = found {
            if i > 0 {
                self.pop_to(i);
            }
        }
    }
}

/// Elements that belong in the head.
fn in_head(tag: Tag) -> bool {
    use Tag::*;
    matches!(tag, Meta | Link | Title | Style | Script | Noscript | Base | Template)
}

/// Lowercase, borrowed when it already is.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Case-insensitive search for an ASCII needle that starts with `<`.
fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr::memchr(needle[0], &hay[from..]) {
        let at = from + p;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Text with character references (`&amp;`, `&#8217;`, `&#x2019;`) decoded;
/// borrowed when there are none.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((mut decoded, len)) => {
                out.push_str(decoded.as_str());
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

enum Decoded {
    Char(char, [u8; 4]),
    Str(&'static str),
}

impl Decoded {
    fn char(c: char) -> Self {
        Decoded::Char(c, [0; 4])
    }

    fn as_str(&mut self) -> &str {
        match self {
            Decoded::Char(c, buf) => c.encode_utf8(buf),
            Decoded::Str(s) => s,
        }
    }
}

/// The reference at the start of `s` (which starts with `&`) and its length.
fn reference(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let digits = b[digits_start..]
            .iter()
            .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
            .count()
            .min(8);
        if digits == 0 {
            return None;
        }
        let code = u32::from_str_radix(&s[digits_start..digits_start + digits], if hex { 16 } else { 10 }).ok()?;
        let mut len = digits_start + digits;
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        let c = match code {
            0x80..=0x9F => WINDOWS_1252_C1[(code - 0x80) as usize],
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return Some((Decoded::char(c), len));
    }
    let name_len = b[1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count().min(32);
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let semicolon = b.get(1 + name_len) == Some(&b';');
    let value = named(name)?;
    if !semicolon && !matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        return None;
    }
    Some((Decoded::Str(value), 1 + name_len + usize::from(semicolon)))
}

/// What the C1 range means in numeric references, as in browsers.
const WINDOWS_1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The common named references of news pages.
fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "lrm" => "\u{200e}",
        "rlm" => "\u{200f}",
        "shy" => "\u{ad}",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "prime" => "′",
        "Prime" => "″",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "para" => "¶",
        "sect" => "§",
        "cent" => "¢",
        "pound" => "£",
        "euro" => "€",
        "yen" => "¥",
        "curren" => "¤",
        "iexcl" => "¡",
        "iquest" => "¿",
        "ordf" => "ª",
        "ordm" => "º",
        "dagger" => "†",
        "Dagger" => "‡",
        "permil" => "‰",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "minus" => "−",
        "acute" => "´",
        "uml" => "¨",
        "cedil" => "¸",
        "macr" => "¯",
        "not" => "¬",
        "brvbar" => "¦",
        "Agrave" => "À",
        "Aacute" => "Á",
        "Acirc" => "Â",
        "Atilde" => "Ã",
        "Auml" => "Ä",
        "Aring" => "Å",
        "AElig" => "Æ",
        "Ccedil" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Euml" => "Ë",
        "Igrave" => "Ì",
        "Iacute" => "Í",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "ETH" => "Ð",
        "Ntilde" => "Ñ",
        "Ograve" => "Ò",
        "Oacute" => "Ó",
        "Ocirc" => "Ô",
        "Otilde" => "Õ",
        "Ouml" => "Ö",
        "Oslash" => "Ø",
        "Ugrave" => "Ù",
        "Uacute" => "Ú",
        "Ucirc" => "Û",
        "Uuml" => "Ü",
        "Yacute" => "Ý",
        "THORN" => "Þ",
        "szlig" => "ß",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "atilde" => "ã",
        "auml" => "ä",
        "aring" => "å",
        "aelig" => "æ",
        "ccedil" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "euml" => "ë",
        "igrave" => "ì",
        "iacute" => "í",
        "icirc" => "î",
        "iuml" => "ï",
        "eth" => "ð",
        "ntilde" => "ñ",
        "ograve" => "ò",
        "oacute" => "ó",
        "ocirc" => "ô",
        "otilde" => "õ",
        "ouml" => "ö",
        "oslash" => "ø",
        "ugrave" => "ù",
        "uacute" => "ú",
        "ucirc" => "û",
        "uuml" => "ü",
        "yacute" => "ý",
        "thorn" => "þ",
        "yuml" => "ÿ",
        "OElig" => "Œ",
        "oelig" => "œ",
        "Scaron" => "Š",
        "scaron" => "š",
        "Yuml" => "Ÿ",
        "fnof" => "ƒ",
        "circ" => "ˆ",
        "tilde" => "˜",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "pi" => "π",
        "mu" => "μ",
        "sigma" => "σ",
        "omega" => "ω",
        "hearts" => "♥",
        "star" => "☆",
        "check" => "✓",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(dom: &Dom<'_>) -> String {
        let mut out = String::new();
        for edge in dom.traverse(0) {
            match edge {
                Edge::Open(id) => match dom.node(id) {
                    Node::Element(e) => out.push_str(&format!("<{}>", e.name())),
                    Node::Text(t) => out.push_str(t),
                    Node::Document => {}
                },
                Edge::Close(id) => {
                    if let Some(e) = dom.element(id) {
                        out.push_str(&format!("</{}>", e.name()));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn an_unclosed_head_ends_where_the_body_or_content_starts() {
        let dom = Dom::parse("<html><head><title>t</title><meta charset=utf-8><body><p>text</p></body></html>");
        assert_eq!(shape(&dom), "<html><head><title>t</title><meta></meta></head><body><p>text</p></body></html>");
        let dom = Dom::parse("<head><title>t</title><div>x</div>");
        assert_eq!(shape(&dom), "<head><title>t</title></head><div>x</div>");
    }

    #[test]
    fn implied_end_tags_and_voids() {
        let dom = Dom::parse("<div><p>one<p>two<br>x<ul><li>a<li>b</ul><img src=x>end</div>");
        assert_eq!(shape(&dom), "<div><p>one</p><p>two<br></br>x</p><ul><li>a</li><li>b</li></ul><img></img>end</div>");
        let dom = Dom::parse("<h2>a<h3>b</h3></h2><a href=1>x<a href=2>y</a>");
        assert_eq!(shape(&dom), "<h2>a</h2><h3>b</h3><a>x</a><a>y</a>");
    }

    #[test]
    fn raw_text_comments_and_attributes() {
        let dom = Dom::parse(
            "<!DOCTYPE html><SCRIPT type=x>if (a<b) '</div>'</script><!-- <p>hidden --><P Class=\"a>b\" id='c' data-x=y hidden>t&amp;t &#8217;&#x2014;&nbsp;&bogus;</p>",
        );
        let (_, p) = dom.elements().find(|(_, e)| e.name() == "p").unwrap();
        assert_eq!(p.attr("class"), Some("a>b"));
        assert_eq!(p.attr("id"), Some("c"));
        assert_eq!(p.attr("data-x"), Some("y"));
        assert_eq!(p.attr("hidden"), Some(""));
        assert_eq!(shape(&dom), "<script>if (a<b) '</div>'</script><p>t&t ’—\u{a0}&bogus;</p>");
    }

    #[test]
    fn each_element_sees_only_its_own_attributes() {
        // nested and neighbouring elements, an end tag with attributes, a second
        // body (dropped with its attributes) and a repeated attribute
        let dom = Dom::parse(
            "<body lang=en><div class=outer id=one><em title=inner>a</em></div class=stray>\
             <body class=late><span class=s class=t>b</span><br></body>",
        );
        let attrs: Vec<(&str, Vec<Option<&str>>)> = dom
            .elements()
            .map(|(_, e)| (e.name(), ["lang", "class", "id", "title"].iter().map(|k| e.attr(k)).collect()))
            .collect();
        assert_eq!(
            attrs,
            [
                ("body", vec![Some("en"), None, None, None]),
                ("div", vec![None, Some("outer"), Some("one"), None]),
                ("em", vec![None, None, None, Some("inner")]),
                ("span", vec![None, Some("s"), None, None]),
                ("br", vec![None, None, None, None]),
            ]
        );
    }

    #[test]
    fn tags_are_read_once_from_names() {
        let dom = Dom::parse("<DIV><p>a<Span>b</span><custom-el>c</custom-el><image src=x></p></div>");
        let tags: Vec<Tag> = dom.elements().map(|(_, e)| e.tag()).collect();
        assert_eq!(tags, [Tag::Div, Tag::P, Tag::Span, Tag::Other, Tag::Img]);
        assert_eq!(Tag::of("blockquote"), Tag::Blockquote);
        assert_eq!(Tag::Blockquote.as_str(), "blockquote");
        assert_eq!(Tag::of("Div"), Tag::Other, "names are lowercased before");
        // an unknown element closes by its name
        let dom = Dom::parse("<x-a><x-b>t</x-b>u</x-a>v");
        assert_eq!(shape(&dom), "<x-a><x-b>t</x-b>u</x-a>v");
    }

    #[test]
    fn text_and_subtrees() {
        let dom = Dom::parse("<html><body><div id=a><b>x</b>y</div><div>z</div></body></html>");
        let (a, _) = dom.elements().find(|(_, e)| e.attr("id") == Some("a")).unwrap();
        assert_eq!(dom.text(a), "xy");
        assert_eq!(dom.children(a).count(), 2);
        assert_eq!(dom.ancestors(a).count(), 3);
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = 100_000;
        let page = format!("{}<b>x</b>text{}after", "<div>".repeat(n), "</div>".repeat(n));
        let dom = Dom::parse(&page);
        let depth = dom.elements().map(|(id, _)| dom.ancestors(id).count()).max().unwrap();
        assert!(depth <= MAX_DEPTH + 4, "{depth}");
        assert!(dom.text(0).contains("xtext") && dom.text(0).ends_with("after"));
        let page = format!("{}<p>a<h2>b<p>c<p>d{}", "<div>".repeat(n), "</div>".repeat(n));
        let dom = Dom::parse(&page);
        let depth = dom.elements().map(|(id, _)| dom.ancestors(id).count()).max().unwrap();
        assert!(depth <= MAX_DEPTH + 4, "{depth}");
        assert!(dom.elements().any(|(_, e)| e.name() == "p"));
    }

    #[test]
    fn excess_attributes_are_dropped_and_broken_input_ends() {
        let attrs: String = (0..MAX_ATTRIBUTES + 10).map(|i| format!(" a{i}='v'")).collect();
        let page = format!("<p{attrs}>text</p>");
        let dom = Dom::parse(&page);
        let (_, p) = dom.elements().next().unwrap();
        assert!(p.attr(&format!("a{}", MAX_ATTRIBUTES - 1)).is_some());
        assert!(p.attr(&format!("a{}", MAX_ATTRIBUTES)).is_none());
        for broken in
            ["<", "<a", "<a href='x", "</", "<!--", "<script>x", "&#", "&#xFFFFFFFFF;", "<p>&", "<<>>", "</p></p>"]
        {
            let _ = shape(&Dom::parse(broken));
        }
    }
}
