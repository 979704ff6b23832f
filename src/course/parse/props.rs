//! Properties of [`parse_document`] over random markdown-shaped text: class notes as
//! students and instructors write them, mixed with the pieces that trip parsers (fences
//! left open, stray brackets, control characters, deep indentation, CRLF).
//!
//! CI runs proptest's default number of cases (256); `PROPTEST_CASES=20000 cargo test
//! props` runs more locally.

use proptest::prelude::*;

use super::parse_document;
use crate::course::ImageBase;

/// Words and inline pieces a line is made of.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "컨테이너", "이미지는", "docker", "run", "Pod와", "노드", "왜", "안", "되나요?",
            "kubectl", "get", "pods", "-it", "레이어", "digest", "ENTRYPOINT", "CMD", "볼륨",
            "네트워크", "포트", "8080:80", "...", "…", "TODO", "?", "a", "1.", "2)",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "`code`", "``a`b``", "**굵게**", "*기울임*", "_a", "a_", "**", "[링크](https://docs.docker.com)",
            "[상대](other.md#q)", "[js](javascript:alert(1))", "![그림](img/a.png)",
            "![](../../etc/passwd)", "<b>html</b>", "<script>", "[", "]", "(", ")", "![", "\\",
            "&amp;", "&#0;", "|", "---", "#", "\u{0}", "\u{feff}", "\u{fffd}", "\t", "😀",
            "ㅋㅋ", "가\u{0301}", "\u{1100}\u{1161}",
        ])
        .prop_map(str::to_owned),
        1 => "[^\\n\\r]{0,6}",
    ]
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..max).prop_map(|w| w.join(" "))
}

/// One line of a note: headings, question bullets, indented answers, fences, blanks.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => words(5).prop_map(|w| format!("# {w}")),
        2 => prop::sample::select(vec!["## Docker", "## Kubernetes", "## 기타", "##", "### 질문"])
            .prop_map(str::to_owned),
        6 => words(8).prop_map(|w| format!("- {w}")),
        1 => words(8).prop_map(|w| format!("* {w}")),
        1 => words(8).prop_map(|w| format!("1. {w}")),
        6 => (0usize..4, words(8)).prop_map(|(depth, w)| format!("{}- {w}", "  ".repeat(depth + 1))),
        3 => (0usize..10, words(8)).prop_map(|(indent, w)| format!("{}{w}", " ".repeat(indent))),
        2 => (0usize..6, prop::sample::select(vec!["```", "```bash", "~~~", "````", "```yaml"]))
            .prop_map(|(indent, f)| format!("{}{f}", " ".repeat(indent))),
        1 => (0usize..6, words(3)).prop_map(|(indent, w)| format!("{}> {w}", " ".repeat(indent))),
        3 => Just(String::new()),
        1 => prop::sample::select(vec!["   ", "\t", "---", "***", "| a | b |", "|---|---|"])
            .prop_map(str::to_owned),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..40),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(lines, crlf, final_newline)| {
            let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
            if final_newline {
                text.push('\n');
            }
            text
        })
}

/// The text as the parser sees it: CRLF and CR as LF.
fn normalized_source(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The same note with whitespace edited where it means nothing: trailing spaces, runs of
/// spaces between words, CRLF line ends, blank lines at the end.
fn whitespace_edited(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let (lead, rest) = line.split_at(indent);
        out.push_str(lead);
        // Only a space between two letters is widened: elsewhere a space can be syntax
        // ("- [ ]" is a task, "` a `" a code span, the first space after "-" sets the
        // indentation of what follows).
        let chars: Vec<char> = rest.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let between_letters = c == ' '
                && i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            if between_letters {
                out.push_str("   ");
            } else {
                out.push(c);
            }
        }
        // A trailing space, except after a backslash ("\\" at a line's end is a line break,
        // "\\ " a backslash) and in a line with backticks (a code span can go on to the next
        // line, and a space in it is its text).
        let literal = line.ends_with('\\') || line.contains('`');
        out.push_str(if literal { "\r\n" } else { " \r\n" });
    }
    out.push_str("\r\n\r\n");
    out
}

proptest! {
    #[test]
    fn parsing_any_note_never_panics_and_keeps_its_promises(text in document()) {
        let parsed = parse_document(&text, "fallback", "fuzz.md", ImageBase::None);
        // The file's text as the parser reads it: composed (NFC), as it is drawn.
        let source = normalized_source(&crate::course::text::composed(&text));
        for topic in &parsed.topics {
            for q in &topic.questions {
                // Every question has something to show and to hash.
                prop_assert!(!q.text.trim().is_empty(), "empty question in {text:?}");
                // The answer is the source's own text: each of its lines is in the file.
                for answer_line in q.answer.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    let visible = super::visible_controls(answer_line);
                    prop_assert!(
                        source.contains(answer_line) || source.contains(visible.as_str())
                            || super::visible_controls(&source).contains(visible.as_str()),
                        "answer line {answer_line:?} is not in {text:?}"
                    );
                }
                // The blocks shown are the answer, in order, nothing added.
                let mut rest = q.answer.as_str();
                let mut end = 0;
                for block in &q.blocks {
                    // Each block is a range of the answer, on character boundaries, in order.
                    prop_assert!(q.answer.get(block.source.clone()).is_some());
                    prop_assert!(block.source.start >= end && block.source.start < block.source.end);
                    end = block.source.end;
                    let first = q.source(block).lines().map(str::trim).find(|l| !l.is_empty());
                    if let Some(first) = first {
                        let at = rest.find(first);
                        prop_assert!(at.is_some(), "block {first:?} is not in the answer {:?}", q.answer);
                        rest = &rest[at.unwrap_or(0)..];
                    }
                }
            }
        }
    }

    #[test]
    fn question_ids_survive_whitespace_edits(text in document()) {
        let ids = |text: &str| -> Vec<String> {
            parse_document(text, "fallback", "fuzz.md", ImageBase::None)
                .topics
                .iter()
                .flat_map(|t| t.questions.iter().map(|q| q.id.to_string()))
                .collect()
        };
        let before = ids(&text);
        let edited = whitespace_edited(&text);
        prop_assert_eq!(before, ids(&edited), "edited: {:?}", edited);
    }
}
