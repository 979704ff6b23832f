//! A Marp deck as Marpit reads it: slides cut at each top-level thematic break (`---`, and
//! at headings under `headingDivider`), the front matter's directives (`size`, `paginate`,
//! `header`, `footer`, `class`, `color`, `backgroundColor`) inherited by every slide, and
//! overridden from a slide on by a `<!-- key: value -->` comment or for one slide by
//! `<!-- _key: value -->`; images with Marp's keywords (`bg`, `left`/`right[:N%]`,
//! `contain`/`cover`/`N%`, `w:`/`h:`, and the course theme's `center`/`left`). Each slide's
//! markdown is read once, at load, into the blocks the slide view draws. Pure, no egui.

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::kind::FrontMatter;
use super::{ImageBase, ImageRef};

/// The slide size of a deck in CSS pixels: Marp's `16:9` (the default) and `4:3`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlideSize {
    pub width: f32,
    pub height: f32,
}

impl SlideSize {
    /// The front matter's `size`: `16:9` (1280×720, also the default) or `4:3` (960×720).
    pub fn of(size: Option<&str>) -> Self {
        match size.map(str::trim) {
            Some("4:3") => Self {
                width: 960.0,
                height: 720.0,
            },
            _ => Self {
                width: 1280.0,
                height: 720.0,
            },
        }
    }
}

/// A whole deck: its size and its slides.
#[derive(Clone, Debug)]
pub struct Deck {
    pub size: SlideSize,
    pub slides: Vec<Slide>,
}

/// One slide.
#[derive(Clone, Debug, Default)]
pub struct Slide {
    /// Its markdown in the deck's body.
    pub range: Range<usize>,
    /// Its first heading, for the outline and the strip.
    pub title: String,
    pub paginate: bool,
    pub header: String,
    pub footer: String,
    /// The `class` directive (`lead`, `invert`).
    pub class: String,
    /// `color` and `backgroundColor` as written (`#fff`, `white`).
    pub color: String,
    pub background_color: String,
    /// `![bg](…)` images, side by side in the background (or in the split part).
    pub backgrounds: Vec<Background>,
    /// `![bg left:40%](…)`: the backgrounds take that side, the content the rest.
    pub split: Option<Split>,
    pub blocks: Vec<Block>,
    /// Comments that are not directives: Marp's presenter notes.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Background {
    pub image: ImageRef,
    pub fit: Fit,
}

/// How a background image fills its part of the slide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fit {
    /// Marp's default: fills it, cropped.
    Cover,
    /// Whole, letterboxed (`contain`, `fit`).
    Contain,
    /// Its own size (`auto`).
    Auto,
    /// Scaled to this share of its own size (`50%`).
    Percent(f32),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Split {
    pub side: Side,
    /// The backgrounds' share of the width, in percent.
    pub percent: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// Where an image stands on its line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HAlign {
    #[default]
    Auto,
    Left,
    Center,
    Right,
}

/// An image in a slide's content, with its size keywords.
#[derive(Clone, Debug, PartialEq)]
pub struct SlideImage {
    pub image: ImageRef,
    /// `w:` and `h:` in slide pixels.
    pub width: Option<f32>,
    pub height: Option<f32>,
    pub align: HAlign,
}

/// A run of text with one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub strike: bool,
    pub code: bool,
    pub link: bool,
}

/// A block of a slide.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    Paragraph(Vec<Span>),
    /// Images of one paragraph, in a row.
    Images(Vec<SlideImage>),
    List {
        /// The first number of an ordered list.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code {
        lang: String,
        code: String,
    },
    Table {
        align: Vec<Alignment>,
        head: Vec<Vec<Span>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
    Rule,
}

/// The directives in force: the front matter's, then each slide's.
#[derive(Clone, Debug, Default)]
struct Directives {
    paginate: bool,
    header: String,
    footer: String,
    class: String,
    color: String,
    background_color: String,
}

impl Directives {
    /// Sets `key` (without `_`) to `value`; false when it is no local directive.
    fn set(&mut self, key: &str, value: &str) -> bool {
        let value = value
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_owned();
        match key {
            "paginate" => self.paginate = value == "true",
            "header" => self.header = value,
            "footer" => self.footer = value,
            "class" => self.class = value,
            "color" => self.color = value,
            "backgroundColor" => self.background_color = value,
            // Known to Marpit, not drawn here.
            "backgroundImage" | "backgroundPosition" | "backgroundRepeat" | "backgroundSize"
            | "headingDivider" | "theme" | "style" | "size" | "math" | "title" | "description"
            | "author" | "image" | "marp" | "transition" | "lang" => {}
            _ => return false,
        }
        true
    }
}

/// The deck of a body (the markdown after the front matter) and its front matter.
/// Image paths resolve against `base` (once, here: never per frame).
pub fn deck(body: &str, front: &FrontMatter, base: &ImageBase) -> Deck {
    let mut inherited = Directives::default();
    for (k, v) in &front.fields {
        inherited.set(k, v);
    }
    let divider = front
        .get("headingDivider")
        .and_then(|v| v.trim().parse::<u8>().ok())
        .filter(|l| (1..=6).contains(l));
    let mut reader = Reader::new(base);
    let mut slides = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut has_content = false;
    let mut finish = |reader: &mut Reader<'_>, range: Range<usize>, inherited: &Directives| {
        let mut slide = reader.take_slide(inherited);
        slide.range = range;
        slides.push(slide);
    };
    for (event, range) in Parser::new_ext(body, super::PARSER_OPTIONS).into_offset_iter() {
        match &event {
            Event::Rule if depth == 0 => {
                finish(&mut reader, start..range.start, &inherited);
                reader.commit(&mut inherited);
                start = range.end;
                has_content = false;
                continue;
            }
            Event::Start(Tag::Heading { level, .. })
                if depth == 0 && has_content && divider.is_some_and(|d| *level as u8 <= d) =>
            {
                finish(&mut reader, start..range.start, &inherited);
                reader.commit(&mut inherited);
                start = range.start;
            }
            _ => {}
        }
        match &event {
            Event::Start(_) => {
                has_content |= depth == 0;
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        reader.event(event);
    }
    finish(&mut reader, start..body.len(), &inherited);
    Deck {
        size: SlideSize::of(front.get("size")),
        slides,
    }
}

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
struct Reader<'a> {
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
    fn new(base: &'a ImageBase) -> Self {
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
    fn take_slide(&mut self, inherited: &Directives) -> Slide {
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
    fn commit(&mut self, inherited: &mut Directives) {
        for (k, v) in self.passed_on.drain(..) {
            inherited.set(&k, &v);
        }
        self.own.clear();
    }

    fn event(&mut self, event: Event<'_>) {
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

fn same_style(a: &Span, b: &Span) -> bool {
    (a.strong, a.emphasis, a.strike, a.link) == (b.strong, b.emphasis, b.strike, b.link)
}

/// Spans as plain text, whitespace collapsed.
pub fn plain(spans: &[Span]) -> String {
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Marp's keywords in an image's alt text, and the words left as its alt.
#[derive(Debug, PartialEq)]
struct Keywords {
    bg: bool,
    side: Option<Side>,
    split: Option<f32>,
    center: bool,
    fit: Fit,
    width: Option<f32>,
    height: Option<f32>,
    alt: String,
}

impl Keywords {
    fn of(alt: &str) -> Self {
        let mut k = Keywords {
            bg: false,
            side: None,
            split: None,
            center: false,
            fit: Fit::Cover,
            width: None,
            height: None,
            alt: String::new(),
        };
        let mut words = Vec::new();
        for word in alt.split_whitespace() {
            let (key, value) = word.split_once(':').unwrap_or((word, ""));
            match key {
                "bg" => k.bg = true,
                "left" | "right" => {
                    k.side = Some(if key == "left" {
                        Side::Left
                    } else {
                        Side::Right
                    });
                    k.split = percent(value);
                }
                "center" => k.center = true,
                "contain" | "fit" => k.fit = Fit::Contain,
                "cover" => k.fit = Fit::Cover,
                "auto" => k.fit = Fit::Auto,
                "w" | "width" if pixels(value).is_some() => k.width = pixels(value),
                "h" | "height" if pixels(value).is_some() => k.height = pixels(value),
                _ if value.is_empty() && percent(word).is_some() => {
                    k.fit = Fit::Percent(percent(word).unwrap_or(100.0));
                }
                _ => words.push(word),
            }
        }
        k.alt = words.join(" ");
        k
    }
}

/// `40%` → 40.
fn percent(value: &str) -> Option<f32> {
    value
        .strip_suffix('%')?
        .parse::<f32>()
        .ok()
        .filter(|p| (0.0..=100.0).contains(p))
}

/// `270`, `270px` → 270.
fn pixels(value: &str) -> Option<f32> {
    value
        .strip_suffix("px")
        .unwrap_or(value)
        .parse::<f32>()
        .ok()
        .filter(|p| *p > 0.0 && *p <= 10_000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::kind::front_matter;

    fn read(text: &str) -> Deck {
        let (front, body) = match front_matter(text) {
            Some((f, start)) => (f, &text[start..]),
            None => (FrontMatter::default(), text),
        };
        deck(body, &front, &ImageBase::None)
    }

    #[test]
    fn slides_are_cut_at_rules_outside_code_and_front_matter() {
        let d = read(
            "---\nmarp: true\nsize: 4:3\n---\n\n# One\n\n```yaml\n---\nkind: Pod\n---\n```\n\n---\n\n## Two\n\n***\n\n- three\n\n---\n",
        );
        assert_eq!(d.slides.len(), 4);
        assert_eq!(d.size.width, 960.0);
        let titles: Vec<&str> = d.slides.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two", "", ""]);
        assert!(
            matches!(&d.slides[0].blocks[1], Block::Code { code, .. } if code == "---\nkind: Pod\n---")
        );
        // A paragraph over `---` is a heading (setext), as in Marp: no new slide.
        assert_eq!(read("Title\n---\n\ntext").slides.len(), 1);
    }

    #[test]
    fn directives_are_inherited_and_overridden() {
        let d = read(
            "---\npaginate: true\nheader: Docker & Kubernetes - 01\nfooter: Cloud Academy\n---\n\n# Title\n<!-- _paginate: false -->\n<!-- _class: lead -->\n\n---\n\n## Two\n\n---\n\n<!-- footer: 부록 -->\n## Three\n\n<!-- 발표자 메모: 천천히 -->\n\n---\n\n## Four\n",
        );
        let s = &d.slides;
        assert_eq!(
            s.iter().map(|s| s.paginate).collect::<Vec<_>>(),
            [false, true, true, true]
        );
        assert_eq!(s[0].class, "lead");
        assert_eq!(s[1].class, "");
        assert_eq!(s[0].header, "Docker & Kubernetes - 01");
        assert_eq!(
            s.iter().map(|s| s.footer.as_str()).collect::<Vec<_>>(),
            ["Cloud Academy", "Cloud Academy", "부록", "부록"]
        );
        assert_eq!(s[2].notes, ["발표자 메모: 천천히"]);
    }

    #[test]
    fn heading_divider_cuts_at_headings() {
        let d = read("---\nheadingDivider: 2\n---\n\n# A\n\ntext\n\n## B\n\n### c\n\n## D\n");
        let titles: Vec<&str> = d.slides.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["A", "B", "D"]);
    }

    #[test]
    fn image_keywords() {
        let d = read(
            "# 개요\n\n![bg left:40%](./img/a.png)\n\n---\n\n![h:270](b.png) ![h:270](c.png) ![h:270](d.png)\n\n![w:1000 left](e.png)\n\n![h:350 center](f.png)\n\n---\n\n![bg](g.png)\n![bg contain](h.png)\n![bg right 80%](i.png)\n",
        );
        let first = &d.slides[0];
        assert_eq!(
            first.split,
            Some(Split {
                side: Side::Left,
                percent: 40.0
            })
        );
        assert_eq!(first.backgrounds.len(), 1);
        assert_eq!(first.backgrounds[0].image.url, "./img/a.png");
        assert_eq!(first.blocks.len(), 1, "the bg image is no content");
        let rows: Vec<&Vec<SlideImage>> = d.slides[1]
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Images(i) => Some(i),
                _ => None,
            })
            .collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].len(), 3);
        assert!(rows[0].iter().all(|i| i.height == Some(270.0)));
        assert_eq!(
            (rows[1][0].width, rows[1][0].align),
            (Some(1000.0), HAlign::Left)
        );
        assert_eq!(
            (rows[2][0].height, rows[2][0].align),
            (Some(350.0), HAlign::Center)
        );
        let last = &d.slides[2];
        let fits: Vec<Fit> = last.backgrounds.iter().map(|b| b.fit).collect();
        assert_eq!(fits, [Fit::Cover, Fit::Contain, Fit::Percent(80.0)]);
        assert_eq!(last.split.map(|s| s.side), Some(Side::Right));
        assert!(last.blocks.is_empty());
    }

    #[test]
    fn blocks_of_a_slide() {
        let d = read(
            "## 이미지와 레이어\n\n#### [ 레이어 ]\n\n> 이미지는 **읽기 전용** 레이어의 묶음입니다.\n\n- 하나\n  - 둘\n- `셋`\n\n1. first\n\n| 명령 | 뜻 |\n| --- | --- |\n| FROM | 베이스 |\n\n\u{a0}\n\n```bash\ndocker ps\n```\n",
        );
        let b = &d.slides[0].blocks;
        assert!(matches!(&b[0], Block::Heading { level: 2, .. }));
        assert!(
            matches!(&b[1], Block::Heading { level: 4, spans } if plain(spans) == "[ 레이어 ]")
        );
        let Block::Quote(q) = &b[2] else {
            panic!("{:?}", b[2])
        };
        let Block::Paragraph(spans) = &q[0] else {
            panic!()
        };
        assert!(spans.iter().any(|s| s.strong && s.text == "읽기 전용"));
        let Block::List { start: None, items } = &b[3] else {
            panic!("{:?}", b[3])
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0][1], Block::List { .. }), "nested list");
        assert!(matches!(&items[1][0], Block::Paragraph(s) if s[0].code));
        assert!(matches!(&b[4], Block::List { start: Some(1), .. }));
        let Block::Table { head, rows, .. } = &b[5] else {
            panic!("{:?}", b[5])
        };
        assert_eq!((head.len(), rows.len()), (2, 1));
        assert!(matches!(&b[6], Block::Paragraph(s) if s[0].text == "\u{a0}"));
        assert!(
            matches!(&b[7], Block::Code { lang, code } if lang == "bash" && code == "docker ps")
        );
    }
}
