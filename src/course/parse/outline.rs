//! The one walk over pulldown-cmark's events: a file's top-level blocks, its top-level
//! list items split into question text and child blocks, and what each block holds (images,
//! links that never open, the definitions its reference links use, how deep it nests).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::super::Inline;

/// A top-level block of the file.
#[derive(Debug)]
pub(super) enum Block {
    Heading {
        level: HeadingLevel,
        text: String,
    },
    Rule,
    /// A top-level list: each item may be a question. `range`: the whole list's source.
    List {
        items: Vec<Item>,
        range: Range<usize>,
    },
    /// Any other block: its source span and what is in it.
    Other(Span),
}

#[derive(Debug)]
pub(super) struct Item {
    /// A task item (`- [x] …`).
    pub(super) task: bool,
    /// Its text is a link and nothing else (a playlist's entry).
    pub(super) link_only: bool,
    /// Inside its text: how deep links nest, and whether text came outside any.
    link_depth: usize,
    text_outside_links: bool,
    pub(super) inlines: Vec<Inline>,
    /// The item's blocks after the question text.
    pub(super) children: Vec<Span>,
}

/// A block's source span and a summary of its content.
#[derive(Debug, Default, Clone)]
pub(super) struct Span {
    pub(super) range: Range<usize>,
    /// The block has text that is not whitespace.
    pub(super) has_text: bool,
    /// The block has a word that is not a placeholder (`...`, `TODO`): an answer.
    pub(super) has_answer_words: bool,
    /// Has content that is not text: code block, image, table, html.
    pub(super) rich: bool,
    /// Images in the block.
    pub(super) images: Vec<(String, String)>,
    /// Links of the block that are never opened.
    pub(super) blocked_links: Vec<String>,
    /// Labels of the reference definitions its links use (`[docs][1]` … `[1]: https://…`),
    /// and once the document is read, where those definitions are.
    pub(super) references: Vec<String>,
    pub(super) definitions: Vec<Range<usize>>,
    /// The block depth where the block starts, and how deep lists, quotes and inline
    /// spans (emphasis, links) nest inside it.
    pub(super) start_depth: usize,
    pub(super) max_depth: usize,
    /// How many inline spans it holds.
    pub(super) inline_spans: usize,
    /// The block is a paragraph holding only one image.
    pub(super) lone_image: bool,
    /// The block is an item that follows another item of the same list.
    pub(super) continues_list: bool,
    /// The block is a code block.
    pub(super) code: bool,
    /// The block holds raw HTML (drawn in its safe subset, `course::html`).
    pub(super) html: bool,
    /// A child of a question: the column its lines are indented to, stripped from them.
    pub(super) indent: usize,
    /// A code block's language (first word of the fence info) and text.
    pub(super) code_lang: String,
    pub(super) code_text: String,
}

impl Span {
    /// The span of a block that starts with `tag` at block depth `depth`.
    fn of_block(tag: &Tag<'_>, range: Range<usize>, depth: usize) -> Self {
        Span {
            range,
            rich: !matches!(tag, Tag::Paragraph | Tag::BlockQuote(_)),
            code: matches!(tag, Tag::CodeBlock(_)),
            code_lang: code_lang(tag),
            start_depth: depth,
            max_depth: 1,
            ..Default::default()
        }
    }
}

fn code_lang(tag: &Tag<'_>) -> String {
    match tag {
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
            info.split_whitespace().next().unwrap_or("").to_owned()
        }
        _ => String::new(),
    }
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// The markdown extensions notes are read with: GitHub's tables, strikethrough, task lists
/// and footnotes.
pub const PARSER_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES);

/// Walks pulldown-cmark's events once and returns the top-level blocks, with top-level
/// list items split into question text and child blocks, and where the link reference
/// definitions are (they make no events, and a block rendered alone needs the ones it uses).
pub(super) fn outline(text: &str) -> Vec<Block> {
    Outliner::default().read(text)
}

/// The walk, one method per level of the format it reads (as mdBook's `SummaryParser`):
///
/// ```text
/// file        = block*                          depth 0
/// block       = heading | rule | list | other
/// list        = item*                           a top-level list: each item a question
/// item        = title child*                    depth 1
/// title       = the item's first paragraph, or its text before any block
/// child       = nested-list | rule | block      depth 2: the question's answer
/// nested-list = nested-item*                    each of its items is a child of its own
/// ```
///
/// Everything deeper belongs to the child (or the top-level block) it is in, which records
/// what it holds: text, answer words, images, blocked links, reference labels, how deep it
/// nests.
#[derive(Default)]
struct Outliner {
    out: Vec<Block>,
    /// Block depth (inline tags do not count).
    depth: usize,
    /// The current top-level block: a heading, a list, or another block.
    heading: Option<(HeadingLevel, String)>,
    list: Option<Vec<Item>>,
    other: Option<Span>,
    /// Inside a top-level list: the item (question) being read.
    item: Option<Item>,
    /// Still collecting the question text, and whether it is a paragraph.
    title_open: bool,
    title_in_paragraph: bool,
    /// The child block of the item being read.
    child: Option<Span>,
    /// Inside a child that is a nested list: its depth, and how many items it had so far.
    child_list_depth: Option<usize>,
    child_list_items: usize,
    /// An image being read: its address and its alt text so far.
    image_alt: Option<(String, String)>,
    /// Events of the paragraph being read (a lone image has one).
    paragraph_events: usize,
    /// Inline nesting (emphasis inside links inside emphasis…).
    inline_depth: usize,
}

impl Outliner {
    fn read(mut self, text: &str) -> Vec<Block> {
        let mut events = Parser::new_ext(text, PARSER_OPTIONS).into_offset_iter();
        for (event, range) in events.by_ref() {
            self.measure_nesting(&event);
            self.event(event, range);
        }
        // Labels match as CommonMark says (case folded, whitespace collapsed):
        // pulldown-cmark's own lookup.
        let definitions = events.reference_definitions();
        let resolve = |span: &mut Span| {
            for label in std::mem::take(&mut span.references) {
                if let Some(def) = definitions.get(&label)
                    && !span.definitions.contains(&def.span)
                {
                    span.definitions.push(def.span.clone());
                }
            }
        };
        for block in &mut self.out {
            match block {
                Block::List { items, .. } => items
                    .iter_mut()
                    .flat_map(|i| &mut i.children)
                    .for_each(resolve),
                Block::Other(span) => resolve(span),
                Block::Heading { .. } | Block::Rule => {}
            }
        }
        self.out
    }

    /// The span collecting content right now: the child, else the top-level block.
    fn span(&mut self) -> Option<&mut Span> {
        self.child.as_mut().or(self.other.as_mut())
    }

    /// How deep things nest in the block being collected: a renderer recurses that deep.
    fn measure_nesting(&mut self, event: &Event<'_>) {
        let (depth, inline_depth) = (self.depth, self.inline_depth);
        match event {
            Event::Start(tag) if is_inline(tag) => {
                self.inline_depth += 1;
                if let Some(s) = self.span() {
                    s.inline_spans += 1;
                    let nesting = depth.saturating_sub(s.start_depth) + inline_depth + 1;
                    s.max_depth = s.max_depth.max(nesting);
                }
            }
            Event::Start(_) => {
                if let Some(s) = self.span() {
                    s.max_depth = s.max_depth.max(depth + 1 - s.start_depth.min(depth + 1));
                }
            }
            Event::End(tag) if is_inline_end(tag) => {
                self.inline_depth = self.inline_depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) if is_inline(&tag) => self.start_inline(&tag),
            Event::End(tag) if is_inline_end(&tag) => self.end_inline(tag),
            Event::Start(tag) => {
                self.start_block(&tag, range);
                self.depth += 1;
            }
            Event::End(tag) => {
                self.depth = self.depth.saturating_sub(1);
                self.end_block(tag, range);
            }
            Event::Text(ref t)
            | Event::Code(ref t)
            | Event::InlineMath(ref t)
            | Event::DisplayMath(ref t) => self.text(t, matches!(event, Event::Code(_))),
            Event::SoftBreak | Event::HardBreak => self.line_break(),
            Event::Rule if self.depth == 0 => self.out.push(Block::Rule),
            Event::Rule
                if self.depth == 2 && self.child.is_none() && self.child_list_depth.is_none() =>
            {
                self.rule_in_item(range);
            }
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule | Event::FootnoteReference(_) => {
                self.paragraph_events += 1;
                let html = matches!(event, Event::Html(_) | Event::InlineHtml(_));
                if let Some(span) = self.span() {
                    span.rich = true;
                    span.html |= html;
                }
            }
            Event::TaskListMarker(_) => {
                if self.title_open
                    && let Some(it) = self.item.as_mut()
                {
                    it.task = true;
                }
            }
        }
    }

    /// An image, or a link (never opened, or by reference), inside the block being read.
    fn start_inline(&mut self, tag: &Tag<'_>) {
        if matches!(tag, Tag::Link { .. })
            && self.title_open
            && self.child.is_none()
            && let Some(it) = self.item.as_mut()
        {
            it.link_depth += 1;
            it.link_only = !it.text_outside_links;
        }
        if let Tag::Image { dest_url, .. } = tag {
            self.image_alt = Some((dest_url.to_string(), String::new()));
        }
        if let Tag::Link { dest_url, .. } = tag
            && !crate::course::links::is_allowed(dest_url)
            && let Some(span) = self.span()
        {
            span.blocked_links.push(dest_url.to_string());
        }
        if let Tag::Link { link_type, id, .. } | Tag::Image { link_type, id, .. } = tag
            && matches!(
                link_type,
                LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
            )
            && let Some(span) = self.span()
        {
            span.references.push(id.to_string());
        }
    }

    /// The end of an image: it belongs to the block, or (its alt text) to the question.
    fn end_inline(&mut self, tag: TagEnd) {
        if tag == TagEnd::Link
            && let Some(it) = self.item.as_mut()
        {
            it.link_depth = it.link_depth.saturating_sub(1);
        }
        if tag != TagEnd::Image {
            return;
        }
        let Some((url, alt)) = self.image_alt.take() else {
            return;
        };
        self.paragraph_events += 1;
        if let Some(span) = self.span() {
            span.images.push((url, alt));
            span.rich = true;
        } else if let Some(it) = self.item.as_mut() {
            // An image in the question text: keep its alt text.
            it.inlines.push(Inline::Text(alt));
        }
    }

    /// A block starts at the current depth: which production it opens.
    fn start_block(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        match self.depth {
            0 => self.start_top_level(tag, range),
            1 if self.list.is_some() => self.start_item(),
            2 if self.item.is_some() => self.start_in_item(tag, range),
            d if self.child_list_depth == Some(d) && matches!(tag, Tag::Item) => {
                self.start_nested_item(range);
            }
            _ => {
                if let Some(span) = self.span()
                    && !matches!(tag, Tag::Paragraph | Tag::List(_) | Tag::Item)
                {
                    span.rich = true;
                }
            }
        }
    }

    /// `block`: a heading, a list (of questions), or another block.
    fn start_top_level(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => self.heading = Some((*level, String::new())),
            Tag::List(_) => self.list = Some(Vec::new()),
            _ => {
                self.paragraph_events = 0;
                self.other = Some(Span::of_block(tag, range, self.depth));
            }
        }
    }

    /// `item`: a question; its title comes first.
    fn start_item(&mut self) {
        self.item = Some(Item {
            task: false,
            link_only: false,
            link_depth: 0,
            text_outside_links: false,
            inlines: Vec::new(),
            children: Vec::new(),
        });
        self.title_open = true;
        self.title_in_paragraph = false;
    }

    /// Inside an item: the title's paragraph, or a `child` (a nested list's items each).
    fn start_in_item(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        let first_paragraph = self.title_open
            && matches!(tag, Tag::Paragraph)
            && self.item.as_ref().is_some_and(|i| i.inlines.is_empty());
        if first_paragraph {
            self.title_in_paragraph = true;
            return;
        }
        self.title_open = false;
        if let Tag::List(_) = tag {
            self.child_list_depth = Some(self.depth + 1);
            self.child_list_items = 0;
        } else {
            self.paragraph_events = 0;
            self.child = Some(Span::of_block(tag, range, self.depth));
        }
    }

    /// `nested-item`: an item of the question's nested list, a child of its own.
    fn start_nested_item(&mut self, range: Range<usize>) {
        self.child_list_items += 1;
        self.child = Some(Span {
            range,
            continues_list: self.child_list_items > 1,
            start_depth: self.depth,
            max_depth: 1,
            ..Default::default()
        });
    }

    /// A block ends (the depth is the one it started at): the production it closes.
    fn end_block(&mut self, tag: TagEnd, range: Range<usize>) {
        match self.depth {
            0 => self.end_top_level(tag, range),
            1 => {
                if let (Some(it), Some(items)) = (self.item.take(), self.list.as_mut()) {
                    items.push(it);
                }
            }
            2 if self.item.is_some() => self.end_in_item(tag, range),
            d if self.child_list_depth.is_some_and(|l| l == d) => {
                if let (Some(mut span), Some(it)) = (self.child.take(), self.item.as_mut()) {
                    span.range.end = range.end;
                    it.children.push(span);
                }
            }
            _ => {}
        }
    }

    fn end_top_level(&mut self, tag: TagEnd, range: Range<usize>) {
        if let Some((level, text)) = self.heading.take() {
            self.out.push(Block::Heading { level, text });
        } else if let Some(items) = self.list.take() {
            self.out.push(Block::List { items, range });
        } else if let Some(mut span) = self.other.take() {
            span.range.end = range.end;
            span.lone_image = self.is_lone_image(&tag, &span);
            self.out.push(Block::Other(span));
        }
    }

    fn end_in_item(&mut self, tag: TagEnd, range: Range<usize>) {
        if self.title_in_paragraph {
            self.title_in_paragraph = false;
            self.title_open = false;
        } else if self.child_list_depth == Some(self.depth + 1) {
            self.child_list_depth = None;
        } else if let Some(mut span) = self.child.take() {
            span.range.end = range.end;
            span.lone_image = self.is_lone_image(&tag, &span);
            if let Some(it) = self.item.as_mut() {
                it.children.push(span);
            }
        }
    }

    /// A paragraph holding one image and nothing else.
    fn is_lone_image(&self, tag: &TagEnd, span: &Span) -> bool {
        *tag == TagEnd::Paragraph
            && span.images.len() == 1
            && self.paragraph_events == 1
            && !span.has_text
    }

    /// Text goes to the image's alt, the heading, the question's title, or the block.
    fn text(&mut self, t: &str, is_code: bool) {
        self.paragraph_events += 1;
        if let Some((_, alt)) = self.image_alt.as_mut() {
            alt.push_str(t);
            self.paragraph_events -= 1;
        } else if let Some((_, h)) = self.heading.as_mut() {
            h.push_str(t);
        } else if self.title_open && self.item.is_some() && self.child.is_none() {
            if let Some(it) = self.item.as_mut() {
                push_inline(&mut it.inlines, t, is_code);
                if it.link_depth == 0 && !t.trim().is_empty() {
                    it.text_outside_links = true;
                    it.link_only = false;
                }
            }
        } else if let Some(span) = self.span() {
            if span.code {
                span.code_text.push_str(t);
            }
            // Word by word as the text comes: no copy of it is kept.
            span.has_text |= !t.trim().is_empty();
            span.has_answer_words |= !t.split_whitespace().all(super::is_placeholder_word);
        }
    }

    fn line_break(&mut self) {
        if let Some((_, h)) = self.heading.as_mut() {
            h.push(' ');
        } else if self.title_open
            && self.child.is_none()
            && let Some(it) = self.item.as_mut()
        {
            push_inline(&mut it.inlines, " ", false);
        }
    }

    /// A thematic break right under a question: a block of its answer.
    fn rule_in_item(&mut self, range: Range<usize>) {
        let depth = self.depth;
        if let Some(it) = self.item.as_mut() {
            self.title_open = false;
            it.children.push(Span {
                range,
                rich: true,
                start_depth: depth,
                max_depth: 1,
                ..Default::default()
            });
        }
    }
}

fn push_inline(inlines: &mut Vec<Inline>, text: &str, code: bool) {
    match (inlines.last_mut(), code) {
        (Some(Inline::Text(last)), false) => last.push_str(text),
        _ if code => inlines.push(Inline::Code(text.to_owned())),
        _ => inlines.push(Inline::Text(text.to_owned())),
    }
}
