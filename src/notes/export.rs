//! "My study sheet": the class notes with my answers in place, as markdown that reads well
//! anywhere and that this app can open again as content.

use std::fmt::Write as _;

use super::NoteStore;
use crate::course::{Course, Inline, Question};

/// Labels of the sheet, in the UI language.
pub struct SheetLabels<'a> {
    pub my_answer: &'a str,
    pub still_open: &'a str,
    pub orphaned: &'a str,
}

/// The whole course as markdown, my answer under each question as a quote headed
/// `labels.my_answer`; open questions I have not answered marked `labels.still_open`.
pub fn study_sheet(course: &Course, notes: &NoteStore, labels: &SheetLabels<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", course.title);
    for topic in &course.topics {
        if topic.questions.is_empty() && topic.intro.is_empty() {
            let _ = writeln!(out, "## {}\n", topic.name);
            continue;
        }
        let _ = writeln!(
            out,
            "## {}\n",
            if topic.is_general() { "-" } else { &topic.name }
        );
        if !topic.intro.is_empty() {
            let _ = writeln!(out, "{}\n", topic.intro);
        }
        for q in &topic.questions {
            question(&mut out, q, notes, labels);
        }
    }
    let orphans = notes.orphans(course);
    if !orphans.is_empty() {
        let _ = writeln!(out, "---\n\n## {}\n", labels.orphaned);
        for note in orphans {
            let _ = writeln!(out, "- {}", escape_item(&note.question));
            quote(&mut out, labels.my_answer, &note.text);
        }
    }
    out
}

fn question(out: &mut String, q: &Question, notes: &NoteStore, labels: &SheetLabels<'_>) {
    let mut title = String::new();
    for inline in &q.inlines {
        match inline {
            Inline::Text(t) => title.push_str(&escape_item(t)),
            Inline::Code(c) => {
                let _ = write!(title, "`{c}`");
            }
        }
    }
    let _ = writeln!(
        out,
        "- {}",
        title.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    // The answer as written, indented under the question so it stays its answer.
    if !q.answer.is_empty() && !q.is_open() {
        for line in q.answer.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    out.push('\n');
    match notes.text(&q.id) {
        Some(text) => quote(out, labels.my_answer, text),
        None if q.is_open() => {
            let _ = writeln!(out, "  > **{}**\n", labels.still_open);
        }
        None => {}
    }
}

/// `> **내 답변**` and my text as a quote, indented under the question.
fn quote(out: &mut String, heading: &str, text: &str) {
    let _ = writeln!(out, "  > **{heading}**\n  >");
    for line in text.trim_end().lines() {
        if line.is_empty() {
            out.push_str("  >\n");
        } else {
            let _ = writeln!(out, "  > {line}");
        }
    }
    out.push('\n');
}

/// A question's text on one bullet line: no line breaks.
fn escape_item(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
