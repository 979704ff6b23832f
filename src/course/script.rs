//! `--export-commands`: every command of the opened documents' terminal sessions, in
//! order, as a shell script to read and run: prompts and output dropped, continuations and
//! heredocs kept, each block under a `#` comment naming its question, step or slide. A
//! block whose commands were all just written under the same comment is not written again
//! (a lab's "💻 명령어" quote repeats the session above it).

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::{Course, shell};

/// The script of `course`'s commands; `header`: its first comment lines.
pub fn commands_script(course: &Course, header: &[String]) -> String {
    let mut out = Script::default();
    out.text.push_str("#!/bin/sh\n");
    for line in header {
        out.text.push_str(&format!("# {line}\n"));
    }
    for (d, document) in course.documents.iter().enumerate() {
        out.document(&document.title);
        for topic in &course.topics {
            for q in topic.questions.iter().filter(|q| q.document == d) {
                let at = format!("{} › {}", topic.name, one_line(&q.text));
                for (lang, code) in code_blocks(&q.answer) {
                    out.block(&at, &lang, &code);
                }
            }
        }
    }
    for m in &course.library.materials {
        out.document(&m.title);
        if let Some(deck) = &m.deck {
            for (i, slide) in deck.slides.iter().enumerate() {
                let at = format!("[{}] {}", i + 1, slide.title);
                for (lang, code) in code_blocks(m.body.get(slide.range.clone()).unwrap_or("")) {
                    out.block(&at, &lang, &code);
                }
            }
            continue;
        }
        let mut at = m.title.clone();
        for piece in pieces(&m.body) {
            match piece {
                Piece::Heading(level, text) if level <= 3 => at = text,
                Piece::Heading(..) => {}
                Piece::Code(lang, code) => out.block(&at, &lang, &code),
            }
        }
    }
    out.text
}

#[derive(Default)]
struct Script {
    text: String,
    /// The document whose title is still to be written (only once it has a command).
    pending_document: Option<String>,
    /// The comment last written, and the commands written under it.
    at: String,
    written: Vec<String>,
}

impl Script {
    fn document(&mut self, title: &str) {
        self.pending_document = Some(title.to_owned());
        self.at.clear();
        self.written.clear();
    }

    fn block(&mut self, at: &str, lang: &str, code: &str) {
        if !shell::is_shell(lang, code) {
            return;
        }
        let commands = shell::commands(lang, code);
        if commands.is_empty() {
            return;
        }
        if at == self.at && commands.iter().all(|c| self.written.contains(c)) {
            return;
        }
        if let Some(title) = self.pending_document.take() {
            self.text
                .push_str(&format!("\n# ===== {} =====\n", one_line(&title)));
        }
        if at != self.at {
            self.text.push_str(&format!("\n# {}\n", one_line(at)));
            self.at = at.to_owned();
            self.written.clear();
        }
        for c in commands {
            self.text.push_str(&c);
            self.text.push('\n');
            self.written.push(c);
        }
    }
}

/// Text on one line (a comment cannot span two).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The code blocks of some markdown, at any depth (in a list, in a quote), in order.
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    pieces(markdown)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Code(lang, code) => Some((lang, code)),
            _ => None,
        })
        .collect()
}

enum Piece {
    Heading(u8, String),
    Code(String, String),
}

fn pieces(markdown: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut heading: Option<(u8, String)> = None;
    let mut code: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, super::PARSER_OPTIONS) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    out.push(Piece::Heading(level, one_line(&text)));
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, code)) = code.take() {
                    out.push(Piece::Code(lang, code));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, c)) = code.as_mut() {
                    c.push_str(&t);
                } else if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}
