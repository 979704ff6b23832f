//! Markdown → documents, topics and questions.
//!
//! The shape of a class-notes file: `#` is the session title, `##` a topic, each top-level
//! list item under a topic a question. Its answer is its nested blocks plus every block that
//! follows it (code blocks, images, paragraphs) until the next top-level item, heading or
//! thematic break. Answers keep their original markdown source.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::{
    AnswerBlock, BlockKind, Document, ImageBase, ImageRef, ImageStatus, Inline, Oversize, Problem,
    Question, QuestionId, Topic,
};

/// The result of parsing one file, before topics are merged into a course.
#[derive(Clone, Debug)]
pub struct ParsedDocument {
    pub document: Document,
    pub topics: Vec<Topic>,
    pub problems: Vec<Problem>,
}

/// Parses one markdown file. `fallback_title` (the file name) is used when there is no `#`.
/// Never fails: any text is some markdown. Called once per file per content load.
pub fn parse_document(
    text: &str,
    fallback_title: &str,
    source_name: &str,
    image_base: ImageBase,
) -> ParsedDocument {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // CRLF → LF once, so that every source span we copy is clean.
    let owned;
    let text = if text.contains('\r') {
        owned = text.replace("\r\n", "\n").replace('\r', "\n");
        owned.as_str()
    } else {
        text
    };
    // Control characters (a NUL byte in a hostile file) and U+FFFD have no glyph in any
    // font: shown as their pictures (␀) and □ instead of boxes of nothing.
    let visible;
    let text = if text
        .chars()
        .any(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || c == '\u{fffd}')
    {
        visible = visible_controls(text);
        visible.as_str()
    } else {
        text
    };

    let blocks = outline(text);
    let mut b = Builder {
        text,
        title: None,
        preface: String::new(),
        topics: Vec::new(),
        current_topic: None,
        current_question: None,
        image_base,
        source_name: source_name.to_owned(),
        problems: Vec::new(),
    };
    for block in blocks {
        b.block(block);
    }
    b.finish_question();

    let title = b.title.clone().unwrap_or_else(|| fallback_title.to_owned());
    let mut topics = std::mem::take(&mut b.topics);
    let title_key = super::normalize_question(&title);
    for topic in &mut topics {
        let topic_key = super::normalize_question(&topic.name);
        for q in &mut topic.questions {
            q.id = QuestionId::from_normalized(&title_key, &topic_key, &q.text);
        }
        topic.open = topic.questions.iter().filter(|q| q.is_open()).count();
    }
    ParsedDocument {
        document: Document {
            title,
            source_name: b.source_name,
            image_base: b.image_base,
            preface: b.preface,
        },
        topics,
        problems: b.problems,
    }
}

/// A top-level block of the file.
#[derive(Debug)]
enum Block {
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
struct Item {
    inlines: Vec<Inline>,
    /// The item's blocks after the question text.
    children: Vec<Span>,
}

/// A block's source span and a summary of its content.
#[derive(Debug, Default, Clone)]
struct Span {
    range: Range<usize>,
    /// Text of the block (for the "only placeholders" test).
    text: String,
    /// Has content that is not text: code block, image, table, html.
    rich: bool,
    /// Images in the block.
    images: Vec<(String, String)>,
    /// Links of the block that are never opened.
    blocked_links: Vec<String>,
    /// Labels of the reference definitions its links use (`[docs][1]` … `[1]: https://…`),
    /// and once the document is read, where those definitions are.
    references: Vec<String>,
    definitions: Vec<Range<usize>>,
    /// The block depth where the block starts, and how deep lists, quotes and inline
    /// spans (emphasis, links) nest inside it.
    start_depth: usize,
    max_depth: usize,
    /// How many inline spans it holds.
    inline_spans: usize,
    /// The block is a paragraph holding only one image.
    lone_image: bool,
    /// The block is an item that follows another item of the same list.
    continues_list: bool,
    /// The block is a code block.
    code: bool,
    /// A code block's language (first word of the fence info) and text.
    code_lang: String,
    code_text: String,
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

/// Walks pulldown-cmark's events once and returns the top-level blocks, with top-level
/// list items split into question text and child blocks, and where the link reference
/// definitions are (they make no events, and a block rendered alone needs the ones it uses).
fn outline(text: &str) -> Vec<Block> {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
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
                    && !super::links::is_allowed(dest_url)
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
                                && span.text.trim().is_empty();
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
                                && span.text.trim().is_empty();
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
                    span.text.push_str(t);
                    span.text.push(' ');
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

/// `text` with C0 control characters as their Unicode pictures (U+2400…), DEL as ␡, other
/// controls and U+FFFD as □.
pub fn visible_controls(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('□'),
            '\u{7f}' => '␡',
            c if c.is_control() || c == '\u{fffd}' => '□',
            c => c,
        })
        .collect()
}

fn push_inline(inlines: &mut Vec<Inline>, text: &str, code: bool) {
    match (inlines.last_mut(), code) {
        (Some(Inline::Text(last)), false) => last.push_str(text),
        _ if code => inlines.push(Inline::Code(text.to_owned())),
        _ => inlines.push(Inline::Text(text.to_owned())),
    }
}

/// What a question's answer is built from while parsing.
struct PendingQuestion {
    inlines: Vec<Inline>,
    spans: Vec<(Span, usize)>, // span and the indentation to strip
}

struct Builder<'a> {
    text: &'a str,
    title: Option<String>,
    preface: String,
    topics: Vec<Topic>,
    current_topic: Option<usize>,
    current_question: Option<PendingQuestion>,
    image_base: ImageBase,
    source_name: String,
    problems: Vec<Problem>,
}

impl Builder<'_> {
    fn block(&mut self, block: Block) {
        match block {
            Block::Heading { level, text } => {
                self.finish_question();
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                match level {
                    HeadingLevel::H1 if self.title.is_none() => self.title = Some(text),
                    HeadingLevel::H1 | HeadingLevel::H2 => self.start_topic(text),
                    _ => {
                        let hashes = "#".repeat(level as usize);
                        self.add_loose(format!("{hashes} {text}"), None);
                    }
                }
            }
            Block::Rule => self.finish_question(),
            Block::List(items) => {
                for item in items {
                    self.finish_question();
                    let spans = item
                        .children
                        .into_iter()
                        .map(|s| {
                            let indent = column(self.text, s.range.start);
                            (s, indent)
                        })
                        .collect();
                    self.current_question = Some(PendingQuestion {
                        inlines: item.inlines,
                        spans,
                    });
                }
            }
            Block::Other(span) => match self.current_question.as_mut() {
                Some(q) => q.spans.push((span, 0)),
                None => {
                    let src = self
                        .text
                        .get(span.range.clone())
                        .unwrap_or("")
                        .trim_end()
                        .to_owned();
                    let src = self.with_definitions(src, &span);
                    let plain = Oversize::of(&src, span.max_depth, span.inline_spans);
                    self.add_loose(src, plain);
                }
            },
        }
    }

    /// `source` followed by the reference definitions its links use that are not in it:
    /// each block is rendered on its own, and `[docs][1]` needs its `[1]: https://…`.
    fn with_definitions(&self, mut source: String, span: &Span) -> String {
        let mut added = 0;
        for range in &span.definitions {
            if range.start >= span.range.start && range.end <= span.range.end {
                continue;
            }
            added += 1;
            let definition = self.text.get(range.clone()).unwrap_or("");
            source.push_str(if added == 1 { "\n\n" } else { "\n" });
            for (n, line) in definition.trim().lines().enumerate() {
                if n > 0 {
                    source.push('\n');
                }
                source.push_str(line.trim_start());
            }
        }
        source
    }

    fn start_topic(&mut self, name: String) {
        let key = name.to_lowercase();
        let index = match self
            .topics
            .iter()
            .position(|t| t.name.to_lowercase() == key)
        {
            Some(i) => i,
            None => {
                self.topics.push(Topic {
                    name,
                    ..Default::default()
                });
                self.topics.len() - 1
            }
        };
        self.current_topic = Some(index);
    }

    /// Markdown that belongs to no question: the preface before the first topic, or the
    /// topic's intro.
    fn add_loose(&mut self, source: String, plain: Option<Oversize>) {
        if source.trim().is_empty() {
            return;
        }
        let (target, target_plain) = match self.current_topic.and_then(|i| self.topics.get_mut(i)) {
            Some(topic) => (&mut topic.intro, Some(&mut topic.intro_plain)),
            None => (&mut self.preface, None),
        };
        if !target.is_empty() {
            target.push_str("\n\n");
        }
        target.push_str(&source);
        if let Some(target_plain) = target_plain {
            *target_plain = target_plain
                .or(plain)
                .or_else(|| Oversize::of(target, 0, 0));
        }
    }

    fn topic_mut(&mut self) -> &mut Topic {
        let index = match self.current_topic {
            Some(i) if i < self.topics.len() => i,
            _ => {
                // Questions before any `##`: the general topic (empty name).
                let i = match self.topics.iter().position(Topic::is_general) {
                    Some(i) => i,
                    None => {
                        self.topics.push(Topic::default());
                        self.topics.len() - 1
                    }
                };
                self.current_topic = Some(i);
                i
            }
        };
        &mut self.topics[index]
    }

    fn finish_question(&mut self) {
        let Some(pending) = self.current_question.take() else {
            return;
        };
        let mut blocks = Vec::new();
        let mut rich = false;
        let mut only_placeholders = true;
        for (span, indent) in pending.spans {
            rich |= span.rich;
            only_placeholders &= span.text.split_whitespace().all(is_placeholder);
            let raw = self.text.get(span.range.clone()).unwrap_or("");
            let source = dedent(raw, indent).trim_end().to_owned();
            if source.is_empty() {
                continue;
            }
            let kind = match span.images.first() {
                _ if span.code => {
                    let code = span.code_text.strip_suffix('\n').unwrap_or(&span.code_text);
                    BlockKind::Code {
                        longest_line: code.lines().map(|l| l.chars().count()).max().unwrap_or(0),
                        code: code.to_owned(),
                        lang: span.code_lang.clone(),
                    }
                }
                Some((url, alt)) if span.lone_image => BlockKind::Image(self.image(url, alt)),
                _ => {
                    for (url, alt) in &span.images {
                        // Checked for the warning it may give; rendered by the markdown viewer.
                        self.image(url, alt);
                    }
                    BlockKind::Markdown
                }
            };
            let source = match kind {
                BlockKind::Markdown => self.with_definitions(source, &span),
                BlockKind::Code { .. } | BlockKind::Image(_) => source,
            };
            let plain = match kind {
                BlockKind::Markdown => Oversize::of(&source, span.max_depth, span.inline_spans),
                BlockKind::Code { .. } | BlockKind::Image(_) => None,
            };
            blocks.push(AnswerBlock {
                source,
                kind,
                continues_list: span.continues_list,
                blocked_links: span.blocked_links,
                plain,
            });
        }
        let text = plain_text(&pending.inlines);
        if text.is_empty() {
            // An empty bullet asks nothing: what is nested under it is the topic's text.
            for block in blocks {
                self.add_loose(block.source, block.plain);
            }
            return;
        }
        let answer = join_blocks(&blocks);
        let open = !rich && only_placeholders;
        let question = Question {
            id: QuestionId::placeholder(), // set once the document's title is known
            inlines: pending.inlines,
            text,
            answer,
            blocks,
            document: 0,
            open,
        };
        self.topic_mut().questions.push(question);
    }

    /// Resolves an image reference and reports it if it is missing or huge.
    fn image(&mut self, url: &str, alt: &str) -> ImageRef {
        let (uri, status) = self.image_base.resolve(url);
        let kind = match status {
            ImageStatus::Missing => Some(super::ProblemKind::MissingImage {
                url: url.to_owned(),
            }),
            ImageStatus::TooLarge(bytes) => Some(super::ProblemKind::HugeImage {
                url: url.to_owned(),
                bytes,
            }),
            ImageStatus::Refused(ref reason) => Some(super::ProblemKind::RefusedImage {
                url: url.to_owned(),
                reason: reason.clone(),
            }),
            ImageStatus::Ok | ImageStatus::Remote => None,
        };
        if let Some(kind) = kind {
            let problem = Problem {
                file: self.source_name.clone(),
                kind,
            };
            if !self.problems.contains(&problem) {
                self.problems.push(problem);
            }
        }
        ImageRef {
            url: url.to_owned(),
            alt: alt.to_owned(),
            uri,
            status,
        }
    }
}

/// Joins answer blocks back into one markdown text: bullets of one list stay one list.
pub(crate) fn join_blocks(blocks: &[AnswerBlock]) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str(if block.continues_list { "\n" } else { "\n\n" });
        }
        out.push_str(&block.source);
    }
    out
}

/// `...`, `…`, `TODO`, `?` and the like: text that says "no answer yet".
fn is_placeholder(word: &str) -> bool {
    let w = word.trim();
    w.is_empty()
        || w.chars()
            .all(|c| matches!(c, '.' | '…' | '?' | '？' | '-' | '_' | '~' | '·'))
        || ["todo", "tbd", "todo:", "tbd:"].contains(&w.to_lowercase().as_str())
}

fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => s.push_str(t),
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The column (in bytes from the line start) of `offset`.
fn column(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or("");
    match before.rfind('\n') {
        Some(nl) => offset - nl - 1,
        None => offset,
    }
}

/// Strips up to `indent` leading spaces from every line but the first (which starts at the
/// block itself), so a nested block reads as top-level markdown.
fn dedent(source: &str, indent: usize) -> String {
    if indent == 0 {
        return source.to_owned();
    }
    let mut out = String::with_capacity(source.len());
    for (i, line) in source.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            let spaces = line.bytes().take(indent).take_while(|&b| b == b' ').count();
            out.push_str(&line[spaces..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
