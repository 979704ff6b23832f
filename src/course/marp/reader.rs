//! The reader of one slide's markdown events: its blocks, its backgrounds and split, its
//! directives and presenter notes.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Tag, TagEnd};

use super::{
    Background, Block, Directives, HAlign, Keywords, Side, Slide, SlideImage, Span, Split, plain,
    same_style,
};
use crate::course::{ImageBase, ImageRef};

/// A text being gathered: a heading's, a paragraph's, a table cell's.
#[derive(Default)]
struct Inline {
    heading: Option<u8>,
    spans: Vec<Span>,
    images: Vec<SlideImage>,
}

/// A block holding blocks, open while its events come.
enum Container {
    Root,
    Quote,
    List(Option<u64>, Vec<Vec<Block>>),
    Item,
}

#[derive(Default)]
struct Style {
    strong: u8,
    emphasis: u8,
    strike: u8,
    link: u8,
}

#[derive(Default)]
struct Table {
    align: Vec<Alignment>,
    head: Vec<Vec<Span>>,
    rows: Vec<Vec<Vec<Span>>>,
    row: Vec<Vec<Span>>,
}

/// Turns one slide's events into its blocks.
pub(super) struct Reader<'a> {
    base: &'a ImageBase,
    stack: Vec<(Container, Vec<Block>)>,
    inline: Option<Inline>,
    code: Option<(String, String)>,
    table: Option<Table>,
    /// An image's URL and its alt text so far.
    image: Option<(String, String)>,
    style: Style,
    /// This slide's own directives (`_key`) and those it passes on (`key`).
    own: Vec<(String, String)>,
    passed_on: Vec<(String, String)>,
    backgrounds: Vec<Background>,
    split: Option<Split>,
    notes: Vec<String>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(base: &'a ImageBase) -> Self {
        Self {
            base,
            stack: vec![(Container::Root, Vec::new())],
            inline: None,
            code: None,
            table: None,
            image: None,
            style: Style::default(),
            own: Vec::new(),
            passed_on: Vec::new(),
            backgrounds: Vec::new(),
            split: None,
            notes: Vec::new(),
        }
    }

    /// The slide read so far, with the directives in force for it; the reader is ready for
    /// the next one.
    pub(super) fn take_slide(&mut self, inherited: &Directives) -> Slide {
        self.end_inline();
        let mut d = inherited.clone();
        for (k, v) in self.passed_on.iter().chain(&self.own) {
            d.set(k, v);
        }
        let blocks = std::mem::take(&mut self.stack[0].1);
        self.stack.truncate(1);
        let title = blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading { spans, .. } => Some(plain(spans)),
                _ => None,
            })
            .unwrap_or_default();
        Slide {
            range: 0..0,
            title,
            paginate: d.paginate,
            header: d.header,
            footer: d.footer,
            class: d.class,
            color: d.color,
            background_color: d.background_color,
            backgrounds: std::mem::take(&mut self.backgrounds),
            split: self.split.take(),
            blocks,
            notes: std::mem::take(&mut self.notes),
        }
    }

    /// The directives this slide passes on become the inherited ones.
    pub(super) fn commit(&mut self, inherited: &mut Directives) {
        for (k, v) in self.passed_on.drain(..) {
            inherited.set(&k, &v);
        }
        self.own.clear();
    }

    pub(super) fn event(&mut self, event: Event<'_>) {
        if let Some((_, alt)) = self.image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => self.end_image(),
                _ => {}
            }
            return;
        }
        if let Some((_, code)) = self.code.as_mut() {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((lang, mut code)) = self.code.take() {
                        if code.ends_with('\n') {
                            code.pop();
                        }
                        self.push(Block::Code { lang, code });
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t, false),
            Event::Code(t) => self.text(&t, true),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.text("\n", false),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
            Event::Rule => {
                self.end_inline();
                self.push(Block::Rule);
            }
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }, false),
            Event::FootnoteReference(r) => self.text(&format!("[{r}]"), false),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.end_inline();
                self.inline = Some(Inline {
                    heading: Some(level as u8),
                    ..Inline::default()
                });
            }
            Tag::Paragraph => {
                self.end_inline();
                self.inline = Some(Inline::default());
            }
            Tag::BlockQuote(_) => self.open(Container::Quote),
            Tag::List(start) => self.open(Container::List(start, Vec::new())),
            Tag::Item => self.open(Container::Item),
            Tag::CodeBlock(kind) => {
                self.end_inline();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Tag::Table(align) => {
                self.end_inline();
                self.table = Some(Table {
                    align,
                    ..Table::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.row.clear();
                }
            }
            Tag::TableCell => self.inline = Some(Inline::default()),
            Tag::Emphasis => self.style.emphasis += 1,
            Tag::Strong => self.style.strong += 1,
            Tag::Strikethrough => self.style.strike += 1,
            Tag::Link { .. } => self.style.link += 1,
            Tag::Image { dest_url, .. } => {
                self.image = Some((dest_url.into_string(), String::new()))
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph => self.end_inline(),
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => self.close(),
            TagEnd::TableCell => {
                let cell = self.inline.take().map(|i| i.spans).unwrap_or_default();
                if let Some(t) = self.table.as_mut() {
                    t.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.head = std::mem::take(&mut t.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push(Block::Table {
                        align: t.align,
                        head: t.head,
                        rows: t.rows,
                    });
                }
            }
            TagEnd::Emphasis => self.style.emphasis = self.style.emphasis.saturating_sub(1),
            TagEnd::Strong => self.style.strong = self.style.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.style.strike = self.style.strike.saturating_sub(1),
            TagEnd::Link => self.style.link = self.style.link.saturating_sub(1),
            _ => {}
        }
    }

    fn open(&mut self, container: Container) {
        self.end_inline();
        self.stack.push((container, Vec::new()));
    }

    fn close(&mut self) {
        self.end_inline();
        if self.stack.len() < 2 {
            return;
        }
        let Some((container, blocks)) = self.stack.pop() else {
            return;
        };
        match container {
            Container::Item => {
                if let Some((Container::List(_, items), _)) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            Container::List(start, items) => self.push(Block::List { start, items }),
            Container::Quote => self.push(Block::Quote(blocks)),
            Container::Root => {}
        }
    }

    fn push(&mut self, block: Block) {
        if let Some((_, blocks)) = self.stack.last_mut() {
            blocks.push(block);
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        let style = &self.style;
        let span = Span {
            text: text.to_owned(),
            strong: style.strong > 0,
            emphasis: style.emphasis > 0,
            strike: style.strike > 0,
            code,
            link: style.link > 0,
        };
        // A tight list item's text comes without a paragraph.
        let inline = self.inline.get_or_insert_with(Inline::default);
        match inline.spans.last_mut() {
            Some(last) if !code && !last.code && same_style(last, &span) => {
                last.text.push_str(text);
            }
            _ => inline.spans.push(span),
        }
    }

    /// Ends the text being gathered (not a table cell's): a heading, a paragraph, a row of
    /// images.
    fn end_inline(&mut self) {
        if self.table.is_some() {
            return;
        }
        let Some(inline) = self.inline.take() else {
            return;
        };
        let text = !inline
            .spans
            .iter()
            .all(|s| s.text.trim().is_empty() || s.text.trim() == "\u{a0}");
        match inline.heading {
            Some(level) => self.push(Block::Heading {
                level,
                spans: inline.spans,
            }),
            None if text => self.push(Block::Paragraph(inline.spans)),
            // `<br>` on a line of its own: an empty line of spacing.
            None if inline.spans.iter().any(|s| s.text.contains('\u{a0}')) => {
                self.push(Block::Paragraph(vec![Span {
                    text: "\u{a0}".to_owned(),
                    ..Span::default()
                }]));
            }
            None => {}
        }
        if !inline.images.is_empty() {
            self.push(Block::Images(inline.images));
        }
    }

    fn end_image(&mut self) {
        let Some((url, alt)) = self.image.take() else {
            return;
        };
        let keywords = Keywords::of(&alt);
        let (uri, status) = self.base.resolve(&url);
        let image = ImageRef {
            url,
            alt: keywords.alt.clone(),
            uri,
            status,
        };
        if keywords.bg {
            if let Some(side) = keywords.side {
                self.split = Some(Split {
                    side,
                    percent: keywords.split.unwrap_or(50.0),
                });
            }
            self.backgrounds.push(Background {
                image,
                fit: keywords.fit,
            });
            return;
        }
        let align = match keywords.side {
            Some(Side::Left) => HAlign::Left,
            Some(Side::Right) => HAlign::Right,
            None if keywords.center => HAlign::Center,
            None => HAlign::Auto,
        };
        self.inline
            .get_or_insert_with(Inline::default)
            .images
            .push(SlideImage {
                image,
                width: keywords.width,
                height: keywords.height,
                align,
            });
    }

    /// A comment: directives, else a presenter note. Other HTML is not drawn.
    fn html(&mut self, html: &str) {
        let Some(inner) = html
            .trim()
            .strip_prefix("<!--")
            .and_then(|s| s.strip_suffix("-->"))
        else {
            return;
        };
        let mut pairs = Vec::new();
        for line in inner.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match line.split_once(':') {
                Some((k, v))
                    if !k.is_empty()
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    pairs.push((k.to_owned(), v.trim().to_owned()));
                }
                _ => {
                    pairs.clear();
                    break;
                }
            }
        }
        let known = !pairs.is_empty()
            && pairs
                .iter()
                .all(|(k, v)| Directives::default().set(k.strip_prefix('_').unwrap_or(k), v));
        if !known {
            let note = inner.trim();
            if !note.is_empty() {
                self.notes.push(note.to_owned());
            }
            return;
        }
        for (k, v) in pairs {
            match k.strip_prefix('_') {
                Some(own) => self.own.push((own.to_owned(), v)),
                None => self.passed_on.push((k, v)),
            }
        }
    }
}
