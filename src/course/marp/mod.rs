//! A Marp deck as Marpit reads it: slides cut at each top-level thematic break (`---`, and
//! at headings under `headingDivider`), the front matter's directives (`size`, `paginate`,
//! `header`, `footer`, `class`, `color`, `backgroundColor`) inherited by every slide, and
//! overridden from a slide on by a `<!-- key: value -->` comment or for one slide by
//! `<!-- _key: value -->`; images with Marp's keywords (`bg`, `left`/`right[:N%]`,
//! `contain`/`cover`/`N%`, `w:`/`h:`, and the course theme's `center`/`left`). Each slide's
//! markdown is read once, at load, into the blocks the slide view draws. Pure, no egui.

use std::ops::Range;

mod reader;

use pulldown_cmark::{Alignment, Event, Parser, Tag};

use reader::Reader;

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
mod tests;
