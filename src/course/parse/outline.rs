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
    /// A top-level list: each item is a question.
    List(Vec<Item>),
    /// Any other block: its source span and what is in it.
    Other(Span),
}

#[derive(Debug)]
pub(super) struct Item {
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
    let opts = PARSER_OPTIONS;
    let mut out = Vec::new();
    // Block depth (inline tags do not count).
    let mut depth = 0usize;

    // State of the current top-level block.
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut list: Option<Vec<Item>> = None;
    let mut other: Option<Span> = None;
    // Inside a top-level list.
    let mut item: Option<Item> = None;
    let mut title_open = false; // still collecting the question text
    let mut title_in_paragraph = false;
    let mut child: Option<Span> = None;
    // Inside a child that is a nested list: each of its items is its own block.
    let mut child_list_depth: Option<usize> = None;
    let mut child_list_items = 0usize;
    let mut image_alt: Option<(String, String)> = None;
    let mut paragraph_events = 0usize;
    // Inline nesting (emphasis inside links inside emphasis…).
    let mut inline_depth = 0usize;

    let mut events = Parser::new_ext(text, opts).into_offset_iter();
    for (event, range) in events.by_ref() {
        // How deep things nest in the block being collected: a renderer recurses that deep.
        if let Some(s) = child.as_mut().or(other.as_mut()) {
            match &event {
                Event::Start(tag) if is_inline(tag) => {
                    inline_depth += 1;
                    s.inline_spans += 1;
                    let nesting = depth.saturating_sub(s.start_depth) + inline_depth;
                    s.max_depth = s.max_depth.max(nesting);
                }
                Event::Start(_) => {
                    s.max_depth = s.max_depth.max(depth + 1 - s.start_depth.min(depth + 1));
                }
                _ => {}
            }
        }
        if let Event::End(tag) = &event
            && is_inline_end(tag)
        {
            inline_depth = inline_depth.saturating_sub(1);
        }
        let in_child = child.is_some();
        // Which span collects content right now.
        let mut span: Option<&mut Span> = if let Some(c) = child.as_mut() {
            Some(c)
        } else {
            other.as_mut()
        };
        match event {
            Event::Start(tag) if is_inline(&tag) => {
                if let Tag::Image { dest_url, .. } = &tag {
                    image_alt = Some((dest_url.to_string(), String::new()));
                }
                if let Tag::Link { dest_url, .. } = &tag
                    && !crate::course::links::is_allowed(dest_url)
                    && let Some(span) = span.as_mut()
                {
                    span.blocked_links.push(dest_url.to_string());
                }
                if let Tag::Link { link_type, id, .. } | Tag::Image { link_type, id, .. } = &tag
                    && matches!(
                        link_type,
                        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut
                    )
                    && let Some(span) = span
                {
                    span.references.push(id.to_string());
                }
            }
            Event::End(tag) if is_inline_end(&tag) => {
                if tag == TagEnd::Image
                    && let Some((url, alt)) = image_alt.take()
                {
                    paragraph_events += 1;
                    if let Some(span) = span {
                        span.images.push((url, alt));
                        span.rich = true;
                    } else if let Some(it) = item.as_mut() {
                        // An image in the question text: keep its alt text.
                        it.inlines.push(Inline::Text(alt));
                    }
                }
            }
            Event::Start(tag) => {
                match depth {
                    0 => match &tag {
                        Tag::Heading { level, .. } => heading = Some((*level, String::new())),
                        Tag::List(_) => list = Some(Vec::new()),
                        _ => {
                            paragraph_events = 0;
                            other = Some(Span::of_block(&tag, range.clone(), depth));
                        }
                    },
                    1 if list.is_some() => {
                        item = Some(Item {
                            inlines: Vec::new(),
                            children: Vec::new(),
                        });
                        title_open = true;
                        title_in_paragraph = false;
                    }
                    2 if item.is_some() => {
                        let first_paragraph = title_open
                            && matches!(tag, Tag::Paragraph)
                            && item.as_ref().is_some_and(|i| i.inlines.is_empty());
                        if first_paragraph {
                            title_in_paragraph = true;
                        } else {
                            title_open = false;
                            if let Tag::List(_) = tag {
                                child_list_depth = Some(depth + 1);
                                child_list_items = 0;
                            } else {
                                paragraph_events = 0;
                                child = Some(Span::of_block(&tag, range.clone(), depth));
                            }
                        }
                    }
                    d if child_list_depth == Some(d) && matches!(tag, Tag::Item) => {
                        child_list_items += 1;
                        child = Some(Span {
                            range: range.clone(),
                            continues_list: child_list_items > 1,
                            start_depth: depth,
                            max_depth: 1,
                            ..Default::default()
                        });
                    }
                    _ => {
                        if let Some(span) = span
                            && !matches!(tag, Tag::Paragraph | Tag::List(_) | Tag::Item)
                        {
                            span.rich = true;
                        }
                    }
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                match depth {
                    0 => {
                        if let Some((level, text)) = heading.take() {
                            out.push(Block::Heading { level, text });
                        } else if let Some(items) = list.take() {
                            out.push(Block::List(items));
                        } else if let Some(mut span) = other.take() {
                            span.range.end = range.end;
                            span.lone_image = tag == TagEnd::Paragraph
                                && span.images.len() == 1
                                && paragraph_events == 1
                                && !span.has_text;
                            out.push(Block::Other(span));
                        }
                    }
                    1 => {
                        if let (Some(it), Some(items)) = (item.take(), list.as_mut()) {
                            items.push(it);
                        }
                    }
                    2 if item.is_some() => {
                        if title_in_paragraph {
                            title_in_paragraph = false;
                            title_open = false;
                        } else if child_list_depth == Some(depth + 1) {
                            child_list_depth = None;
                        } else if let Some(mut span) = child.take() {
                            span.range.end = range.end;
                            span.lone_image = tag == TagEnd::Paragraph
                                && span.images.len() == 1
                                && paragraph_events == 1
                                && !span.has_text;
                            if let Some(it) = item.as_mut() {
                                it.children.push(span);
                            }
                        }
                    }
                    d if child_list_depth.is_some_and(|l| l == d) => {
                        if let (Some(mut span), Some(it)) = (child.take(), item.as_mut()) {
                            span.range.end = range.end;
                            it.children.push(span);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t)
            | Event::Code(ref t)
            | Event::InlineMath(ref t)
            | Event::DisplayMath(ref t) => {
                let is_code = matches!(event, Event::Code(_));
                paragraph_events += 1;
                if let Some((_, alt)) = image_alt.as_mut() {
                    alt.push_str(t);
                    paragraph_events -= 1;
                } else if let Some((_, h)) = heading.as_mut() {
                    h.push_str(t);
                } else if title_open && item.is_some() && !in_child {
                    if let Some(it) = item.as_mut() {
                        push_inline(&mut it.inlines, t, is_code);
                    }
                } else if let Some(span) = span {
                    if span.code {
                        span.code_text.push_str(t);
                    }
                    // Word by word as the text comes: no copy of it is kept.
                    span.has_text |= !t.trim().is_empty();
                    span.has_answer_words |= !t.split_whitespace().all(super::is_placeholder_word);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push(' ');
                } else if title_open
                    && !in_child
                    && let Some(it) = item.as_mut()
                {
                    push_inline(&mut it.inlines, " ", false);
                }
            }
            Event::Rule if depth == 0 => out.push(Block::Rule),
            // A thematic break right under a question: a block of its answer.
            Event::Rule if depth == 2 && !in_child && child_list_depth.is_none() => {
                if let Some(it) = item.as_mut() {
                    title_open = false;
                    it.children.push(Span {
                        range,
                        rich: true,
                        start_depth: depth,
                        max_depth: 1,
                        ..Default::default()
                    });
                }
            }
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule | Event::FootnoteReference(_) => {
                paragraph_events += 1;
                if let Some(span) = span {
                    span.rich = true;
                }
            }
            Event::TaskListMarker(_) => {}
        }
    }
    // Labels match as CommonMark says (case folded, whitespace collapsed): pulldown-cmark's
    // own lookup.
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
    for block in &mut out {
        match block {
            Block::List(items) => items
                .iter_mut()
                .flat_map(|i| &mut i.children)
                .for_each(resolve),
            Block::Other(span) => resolve(span),
            Block::Heading { .. } | Block::Rule => {}
        }
    }
    out
}

fn push_inline(inlines: &mut Vec<Inline>, text: &str, code: bool) {
    match (inlines.last_mut(), code) {
        (Some(Inline::Text(last)), false) => last.push_str(text),
        _ if code => inlines.push(Inline::Code(text.to_owned())),
        _ => inlines.push(Inline::Text(text.to_owned())),
    }
}
