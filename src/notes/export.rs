//! "My study sheet": the class notes with my answers in place, as markdown that reads well
//! anywhere and that this app can open again as content.

use super::Notebook;
use super::seen::{News, NewsKind};
use crate::course::{Course, Inline, Question};

/// Labels of the sheet, in the UI language.
pub struct SheetLabels<'a> {
    pub my_answer: &'a str,
    pub still_open: &'a str,
    pub orphaned: &'a str,
    /// The heading of what is new since the last look.
    pub news: &'a str,
    /// "새 질문", "새 답변", "답변 수정".
    pub news_kind: fn(NewsKind) -> &'a str,
}

/// The whole course as markdown, my answer under each question as a quote headed
/// `labels.my_answer`; open questions I have not answered marked `labels.still_open`; what
/// is new since the last look listed under the title.
pub fn study_sheet(
    course: &Course,
    notes: &Notebook,
    news: &News,
    labels: &SheetLabels<'_>,
) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", course.title));
    news_quote(&mut out, course, news, labels);
    for topic in &course.topics {
        if topic.questions.is_empty() && topic.intro.is_empty() {
            out.push_str(&format!("## {}\n\n", topic.name));
            continue;
        }
        out.push_str(&format!(
            "## {}\n\n",
            if topic.is_general() { "-" } else { &topic.name }
        ));
        if !topic.intro.is_empty() {
            out.push_str(&format!("{}\n\n", topic.intro));
        }
        for q in &topic.questions {
            question(&mut out, q, notes, labels);
        }
    }
    // My notes on the headings of the decks, labs and documents, under their document.
    for material in &course.library.materials {
        let noted: Vec<(&str, &str)> = material
            .headings
            .iter()
            .filter_map(|h| Some((h.text.as_str(), notes.text(&h.id)?)))
            .collect();
        if noted.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "## {}

",
            material.title
        ));
        for (heading, text) in noted {
            out.push_str(&format!(
                "- {}

",
                escape_item(heading)
            ));
            quote(&mut out, labels.my_answer, text);
        }
    }
    let orphans = notes.orphans(course);
    if !orphans.is_empty() {
        out.push_str(&format!("---\n\n## {}\n\n", labels.orphaned));
        for note in orphans {
            out.push_str(&format!("- {}\n", escape_item(&note.question)));
            quote(&mut out, labels.my_answer, &note.text);
        }
    }
    out
}

/// What is new, as a quote under the title: read as the course's preface when the sheet
/// is opened again, never as questions.
fn news_quote(out: &mut String, course: &Course, news: &News, labels: &SheetLabels<'_>) {
    if news.is_empty() {
        return;
    }
    out.push_str(&format!("> **{}**\n>\n", labels.news));
    for q in course.topics.iter().flat_map(|t| &t.questions) {
        if let Some(&kind) = news.get(&q.id) {
            let session = course
                .documents
                .get(q.document)
                .map_or("", |d| d.short_label());
            out.push_str(&format!(
                "> - {} · {} ({session})\n",
                (labels.news_kind)(kind),
                escape_item(&q.text)
            ));
        }
    }
    out.push('\n');
}

fn question(out: &mut String, q: &Question, notes: &Notebook, labels: &SheetLabels<'_>) {
    let mut title = String::new();
    for inline in &q.inlines {
        match inline {
            Inline::Text(t) => title.push_str(&escape_item(t)),
            Inline::Code(c) => {
                title.push_str(&format!("`{c}`"));
            }
        }
    }
    out.push_str(&format!(
        "- {}\n",
        title.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    // The answer as written, indented under the question so it stays its answer.
    if !q.answer.is_empty() && !q.is_open() {
        for line in q.answer.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                out.push_str(&format!("  {line}\n"));
            }
        }
    }
    out.push('\n');
    match notes.text(&q.id) {
        Some(text) => quote(out, labels.my_answer, text),
        None if q.is_open() => {
            out.push_str(&format!("  > **{}**\n\n", labels.still_open));
        }
        None => {}
    }
}

/// `> **내 답변**` and my text as a quote, indented under the question.
fn quote(out: &mut String, heading: &str, text: &str) {
    out.push_str(&format!("  > **{heading}**\n  >\n"));
    for line in text.trim_end().lines() {
        if line.is_empty() {
            out.push_str("  >\n");
        } else {
            out.push_str(&format!("  > {line}\n"));
        }
    }
    out.push('\n');
}

/// A question's text on one bullet line: no line breaks.
fn escape_item(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
