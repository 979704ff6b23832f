//! The examples of the CommonMark spec (`tests/fixtures/commonmark`), and a course that
//! holds each as a question's answer.

#![allow(dead_code)]

/// The spec as vendored: CommonMark 0.31.2.
pub(crate) const SPEC: &str = include_str!("../fixtures/commonmark/spec.txt");

pub(crate) struct Example {
    /// Numbered from 1, as in the spec.
    pub number: usize,
    pub section: String,
    pub markdown: String,
}

/// Every example of the spec, read as its own tools read them: between a line of 32
/// backticks and `example` and a line `.`; headings name the section; `→` is a tab.
pub(crate) fn examples() -> Vec<Example> {
    let fence = "`".repeat(32);
    let start = format!("{fence} example");
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = SPEC.lines();
    while let Some(line) = lines.next() {
        if line == "<!-- END TESTS -->" {
            break;
        }
        if line == start {
            let mut markdown = String::new();
            for line in lines.by_ref() {
                if line == "." {
                    break;
                }
                markdown.push_str(&line.replace('→', "\t"));
                markdown.push('\n');
            }
            // The expected HTML, up to the closing fence: not used.
            for line in lines.by_ref() {
                if line == fence {
                    break;
                }
            }
            examples.push(Example {
                number: examples.len() + 1,
                section: section.clone(),
                markdown,
            });
        } else if let Some(heading) = line.strip_prefix('#') {
            let heading = heading.trim_start_matches('#');
            if heading.starts_with(' ') || heading.is_empty() {
                section = heading.trim().to_owned();
            }
        }
    }
    examples
}

/// The question under which example `number` is the answer.
pub(crate) fn question(example: &Example) -> String {
    format!("예제 {} ({})", example.number, example.section)
}

/// Example `example` as a question with its answer, indented under it the way an answer is
/// written.
pub(crate) fn as_question(example: &Example) -> String {
    let mut out = format!("- {}\n\n", question(example));
    for line in example.markdown.lines() {
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

/// A notes file with one question per example.
pub(crate) fn course() -> String {
    course_of(&examples())
}

/// A notes file with one question per example of `examples`.
pub(crate) fn course_of(examples: &[Example]) -> String {
    let mut out = String::from("# CommonMark 0.31.2\n\n## 예제\n\n");
    for example in examples {
        out.push_str(&as_question(example));
    }
    out
}

/// The text an example shows: pulldown-cmark's text events, entities decoded.
pub(crate) fn shown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                Some(t.into_string())
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The numbers of the examples whose text has a character the app's bundled fonts cannot
/// draw. The fonts draw Korean, Latin and symbols, not every script: those examples are
/// left out of UI runs, so that kittest's missing-glyph check stays on for the rest.
/// `ctx`: a context with the app's fonts.
pub(crate) fn undrawable(examples: &[Example], ctx: &egui::Context) -> Vec<usize> {
    examples
        .iter()
        .filter(|example| {
            let text = shown_text(&example.markdown);
            ctx.fonts_mut(|fonts| {
                let proportional = egui::FontId::proportional(14.0);
                let monospace = egui::FontId::monospace(14.0);
                let drawn = |c: char| {
                    c.is_control()
                        || (fonts.has_glyph(&proportional, c) && fonts.has_glyph(&monospace, c))
                };
                !text.chars().all(drawn)
            })
        })
        .map(|example| example.number)
        .collect()
}
