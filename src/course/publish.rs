//! "노트 파일에 답변 쓰기": the instructor's answer written into the session's markdown file
//! under its question, as nested bullets (code blocks kept as blocks), replacing a
//! placeholder answer (`...`, `…`, `TODO`, `?`) or after the answer there is. Every other
//! byte of the file stays as it was: its line endings, a byte-order mark, the encoding it
//! was read in (UTF-8, UTF-16, CP949), trailing spaces. Pure: bytes in, bytes out.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::normalize_question;

/// How a file's bytes are text: written back the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Cp949,
}

/// Why the answer was not written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PublishError {
    #[error("the file is not text the app can write back")]
    NotText,
    #[error("the question is not in the file")]
    NotFound,
    #[error("the answer has characters the file's encoding ({0}) cannot hold")]
    Unrepresentable(&'static str),
    #[error("the answer is empty")]
    Empty,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Cp949 => "CP949",
        }
    }
}

/// The text of a file's bytes and how it was encoded.
pub fn decode(bytes: &[u8]) -> Option<(String, Encoding)> {
    let bom = bytes.starts_with(&[0xef, 0xbb, 0xbf]);
    let (text, decoded) = super::text::decode(bytes.to_vec()).ok()?;
    let encoding = match decoded {
        None if bom => Encoding::Utf8Bom,
        None => Encoding::Utf8,
        Some(super::text::Decoded::Utf16Le) => Encoding::Utf16Le,
        Some(super::text::Decoded::Utf16Be) => Encoding::Utf16Be,
        Some(super::text::Decoded::Cp949) => Encoding::Cp949,
    };
    Some((text, encoding))
}

/// `text` in `encoding`; `None` when it holds a character the encoding cannot.
pub fn encode(text: &str, encoding: Encoding) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Utf8 => Some(text.as_bytes().to_vec()),
        Encoding::Utf8Bom => Some([&[0xef, 0xbb, 0xbf], text.as_bytes()].concat()),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = encoding == Encoding::Utf16Le;
            let mut out = if le {
                vec![0xff, 0xfe]
            } else {
                vec![0xfe, 0xff]
            };
            for unit in text.encode_utf16() {
                out.extend(if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            Some(out)
        }
        Encoding::Cp949 => {
            let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(text);
            (!unmappable).then(|| bytes.into_owned())
        }
    }
}

/// The file `source` with `answer` (markdown) written under the question of topic `topic`
/// whose text is `question` (compared as [`normalize_question`] does). Every other byte as
/// it was.
pub fn with_answer(
    source: &[u8],
    topic: &str,
    question: &str,
    answer: &str,
) -> Result<Vec<u8>, PublishError> {
    let (text, encoding) = decode(source).ok_or(PublishError::NotText)?;
    // Only a file that reads and writes back to the very same bytes is touched.
    if encode(&text, encoding).as_deref() != Some(source) {
        return Err(PublishError::NotText);
    }
    if answer.trim().is_empty() {
        return Err(PublishError::Empty);
    }
    let place = find(&text, topic, question).ok_or(PublishError::NotFound)?;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let bullets = as_bullets(answer, place.indent, newline);
    let mut out = String::with_capacity(text.len() + bullets.len() + 2);
    out.push_str(&text[..place.at.start]);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(newline);
    }
    out.push_str(&bullets);
    out.push_str(&text[place.at.end..]);
    encode(&out, encoding).ok_or(PublishError::Unrepresentable(encoding.name()))
}

/// Where the answer goes: the byte range it replaces (empty: inserted there), and the
/// indentation of the question's content.
#[derive(Debug)]
struct Place {
    at: std::ops::Range<usize>,
    indent: usize,
}

/// What counts as "no answer yet".
fn is_placeholder(text: &str) -> bool {
    matches!(
        text.trim(),
        "..." | "…" | "TODO" | "todo" | "?" | "TBD" | "-"
    )
}

/// The question's list item in `text`, and where its answer goes.
fn find(text: &str, topic: &str, question: &str) -> Option<Place> {
    let wanted = normalize_question(question);
    let topic = normalize_question(topic);
    let mut heading: Option<String> = None;
    let mut current_topic = String::new();
    // The items open, each with its range and the text of its first paragraph so far.
    let mut items: Vec<(std::ops::Range<usize>, String, bool)> = Vec::new();
    let mut found: Option<std::ops::Range<usize>> = None;
    for (event, range) in Parser::new_ext(text, super::PARSER_OPTIONS).into_offset_iter() {
        match &event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                current_topic = normalize_question(&heading.take().unwrap_or_default());
            }
            Event::Start(Tag::Item) => items.push((range.clone(), String::new(), true)),
            Event::End(TagEnd::Item) => {
                if let Some((r, first, _)) = items.pop()
                    && found.is_none()
                    && (topic.is_empty() || topic == current_topic)
                    && normalize_question(&first) == wanted
                {
                    found = Some(r);
                }
            }
            // The question is its item's first paragraph: what follows is its answer.
            Event::Start(Tag::List(_) | Tag::CodeBlock(_)) | Event::End(TagEnd::Paragraph) => {
                if let Some(last) = items.last_mut() {
                    last.2 = false;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(t);
                } else if let Some((_, first, open)) = items.last_mut()
                    && *open
                {
                    first.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, first, true)) = items.last_mut() {
                    first.push(' ');
                }
            }
            _ => {}
        }
        if found.is_some() {
            break;
        }
    }
    let item = found?;
    let line_start = text[..item.start].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    let marker_end = item.start - line_start
        + line[item.start - line_start..]
            .find(|c: char| c.is_whitespace())
            .unwrap_or(0);
    let indent = marker_end
        + line[marker_end..]
            .chars()
            .take_while(|c| *c == ' ')
            .count()
            .max(1);
    // The item's own answer bullets: a placeholder alone is replaced.
    let body = &text[item.clone()];
    let nested: Vec<(usize, &str)> = body
        .split_inclusive('\n')
        .scan(item.start, |at, line| {
            let here = *at;
            *at += line.len();
            Some((here, line))
        })
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    if let [(at, line)] = nested.as_slice() {
        let content = line.trim_start().trim_start_matches(['-', '*', '+']).trim();
        if is_placeholder(content) {
            return Some(Place {
                at: *at..at + line.len(),
                indent,
            });
        }
    }
    // Else after the item's last line.
    let last = text[..item.end]
        .trim_end_matches(['\n', '\r', ' ', '\t'])
        .len();
    let end = text[last..].find('\n').map_or(text.len(), |i| last + i + 1);
    Some(Place {
        at: end..end,
        indent,
    })
}

/// The answer as bullets under the question: each line of prose a bullet (a line that is a
/// bullet already keeps its own depth under them), code blocks kept whole, indented as
/// the question's content.
fn as_bullets(answer: &str, indent: usize, newline: &str) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    let mut fence: Option<String> = None;
    for line in answer.lines() {
        let trimmed = line.trim_end();
        let start = trimmed.trim_start();
        if let Some(f) = &fence {
            out.push_str(&pad);
            out.push_str(trimmed);
            out.push_str(newline);
            if start.starts_with(f.as_str()) {
                fence = None;
            }
            continue;
        }
        if start.starts_with("```") || start.starts_with("~~~") {
            fence = Some(start[..3].to_owned());
            out.push_str(&pad);
            out.push_str(start);
            out.push_str(newline);
            continue;
        }
        if start.is_empty() {
            continue;
        }
        out.push_str(&pad);
        if start.starts_with("- ") || start.starts_with("* ") || start.starts_with("+ ") {
            // A bullet of the answer: one level deeper per two spaces it had.
            let depth = (trimmed.len() - start.len()) / 2;
            out.push_str(&"  ".repeat(depth));
            out.push_str("- ");
            out.push_str(start[2..].trim_start());
        } else {
            out.push_str("- ");
            out.push_str(start);
        }
        out.push_str(newline);
    }
    out
}

#[cfg(test)]
mod tests;
