//! The cards in Anki's text-import format (File › Import, "Text separated by tabs"):
//! UTF-8, header lines that tell Anki the separator, that fields are HTML, the note type,
//! and which columns hold the deck, the tags and the GUID. One note per card:
//!
//! | column | what |
//! |---|---|
//! | 1 | Front: the question (unique in the file) |
//! | 2 | Back: the answer (code as `<pre><code>`, images as `<img src="name">`) |
//! | 3 | Deck: `<course>::<topic>` |
//! | 4 | Tags |
//! | 5 | GUID: `sc-<question id>`, so a re-import updates the note instead of adding one |
//!
//! Images are copied into a folder beside the export, to be put into Anki's
//! `collection.media` folder.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

use super::cards::{Scope, cards_in};
use crate::course::{Course, Document, ImageBase, ImageStatus, MAX_IMAGE_BYTES, builtin};
use crate::notes::{Notebook, StoreError, write_atomic};

/// The export: the file's text and the images it names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnkiExport {
    pub text: String,
    /// Images to copy beside the export: (file name used in the cards, where it is now).
    pub media: BTreeMap<String, MediaSource>,
    pub notes: usize,
}

/// Where an image of the export comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MediaSource {
    Builtin(String),
    File(PathBuf),
}

/// The labels the export writes (in the UI language).
#[derive(Clone, Copy, Debug)]
pub struct Labels<'a> {
    pub my_answer: &'a str,
    pub my_note: &'a str,
}

/// Renders every card of `course` (answered questions, and open ones I answered).
pub fn render(course: &Course, notes: &Notebook, labels: Labels<'_>) -> AnkiExport {
    let (cards, _) = cards_in(course, notes, &Scope::Course);
    let mut export = AnkiExport::default();
    let mut fronts: HashSet<String> = HashSet::new();
    let mut out = String::from(
        "#separator:tab\n#html:true\n#notetype:Basic\n#deck column:3\n#tags column:4\n#guid column:5\n",
    );
    for card in &cards {
        let Some(topic) = course.topics.get(card.topic) else {
            continue;
        };
        let Some(q) = topic.questions.get(card.question) else {
            continue;
        };
        let doc = course.documents.get(q.document);
        let mut front = escape(&q.text);
        if !fronts.insert(front.clone()) {
            // The same question in two places: the first field must tell them apart.
            let place = doc.map_or("", |d| d.short_label());
            front = format!(
                "{front}<br><small>{} · {}</small>",
                escape(place),
                escape(&topic.name)
            );
            let mut n = 2;
            while !fronts.insert(front.clone()) {
                front = format!("{front} ({n})");
                n += 1;
            }
        }
        let mut back = String::new();
        if card.mine {
            back.push_str(&format!("<p><b>{}</b></p>", escape(labels.my_answer)));
            back.push_str(&html(
                notes.text(&q.id).unwrap_or(""),
                doc,
                &mut export.media,
            ));
        } else {
            back.push_str(&html(&q.answer, doc, &mut export.media));
            if let Some(note) = notes.text(&q.id) {
                back.push_str(&format!("<hr><p><b>{}</b></p>", escape(labels.my_note)));
                back.push_str(&html(note, doc, &mut export.media));
            }
        }
        // The course the session belongs to ("MSP T3", "MSP T2" of a repository), else the
        // course's title; the topic under it when there is one (`MSP T3::` would make Anki
        // invent decks).
        let course_name = course
            .library
            .groups
            .iter()
            .find(|g| !g.name.is_empty() && g.sessions.contains(&q.document))
            .map_or(course.title.as_str(), |g| g.name.as_str());
        let deck = if topic.name.trim().is_empty() {
            field(course_name)
        } else {
            format!("{}::{}", field(course_name), field(&topic.name))
        };
        let mut tags = vec!["study-companion".to_owned()];
        if let Some(d) = doc {
            tags.push(tag(d.short_label()));
        }
        if !topic.name.is_empty() {
            tags.push(tag(&topic.name));
        }
        if card.mine {
            tags.push("my-answer".to_owned());
        }
        out.push_str(&format!(
            "{front}\t{back}\t{deck}\t{}\tsc-{}\n",
            tags.join(" "),
            card.id
        ));
        export.notes += 1;
    }
    export.text = out;
    export
}

/// Writes the export to `path` and its images into `<stem>.media/` beside it. Returns
/// the media folder when there were images.
pub fn write(export: &AnkiExport, path: &Path) -> Result<Option<PathBuf>, StoreError> {
    write_atomic(path, export.text.as_bytes())?;
    if export.media.is_empty() {
        return Ok(None);
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "anki".to_owned());
    let dir = path.with_file_name(format!("{stem}.media"));
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::CreateDir {
        path: dir.clone(),
        source,
    })?;
    for (name, source) in &export.media {
        let bytes = match source {
            MediaSource::Builtin(rel) => builtin::image(rel).map(<[u8]>::to_vec),
            MediaSource::File(file) => Some(
                crate::course::read_regular_file(file, MAX_IMAGE_BYTES)
                    .map_err(|r| StoreError::refused(file, r))?,
            ),
        };
        if let Some(bytes) = bytes {
            write_atomic(&dir.join(name), &bytes)?;
        }
    }
    Ok(Some(dir))
}

/// A markdown text as one line of HTML: no tab and no line break left (they would end the
/// field or the note), line breaks as `<br>`, raw HTML shown as text, images by file name.
fn html(
    markdown: &str,
    doc: Option<&Document>,
    media: &mut BTreeMap<String, MediaSource>,
) -> String {
    let base = doc.map_or(&ImageBase::None, |d| &d.image_base);
    let events = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|event| match event {
        Event::SoftBreak => Event::HardBreak,
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::from(media_name(base, &dest_url, media)),
            title,
            id,
        }),
        other => other,
    });
    let mut rendered = String::new();
    pulldown_cmark::html::push_html(&mut rendered, events);
    let mut line = String::with_capacity(rendered.len());
    let mut in_pre = false;
    let mut rest = rendered.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<pre") {
            in_pre = true;
        } else if rest.starts_with("</pre>") {
            in_pre = false;
        }
        match c {
            '\n' if in_pre => line.push_str("<br>"),
            '\n' | '\r' => {}
            '\t' => line.push_str("&#9;"),
            c => line.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    line.trim_end_matches("<br />").to_owned()
}

/// The file name an image goes by in the export (the URL is kept when it cannot be
/// copied: a web image, a missing or refused one).
fn media_name(base: &ImageBase, url: &str, media: &mut BTreeMap<String, MediaSource>) -> String {
    let (uri, status) = base.resolve(url);
    if status != ImageStatus::Ok || uri.starts_with("data:") || uri.starts_with("http") {
        return url.to_owned();
    }
    let source = match base {
        ImageBase::Builtin => MediaSource::Builtin(url.trim_start_matches("./").to_owned()),
        _ => match uri.strip_prefix("file://") {
            Some(path) => MediaSource::File(PathBuf::from(path)),
            None => return url.to_owned(),
        },
    };
    let file = url.rsplit(['/', '\\']).next().unwrap_or(url).to_owned();
    let mut name = file.clone();
    let mut n = 2;
    // Two different images with the same file name get different names.
    while media.get(&name).is_some_and(|s| *s != source) {
        name = format!("{n}-{file}");
        n += 1;
    }
    media.insert(name.clone(), source);
    name
}

/// HTML-escapes plain text, on one line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A deck name part: no tab, no line break.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ").trim().to_owned()
}

/// An Anki tag: no spaces (they separate tags).
fn tag(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}
