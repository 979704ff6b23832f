//! Parser tests: answers, open questions, blocks and odd markdown.

use super::*;

fn parse(text: &str) -> ParsedDocument {
    parse_document(text, "fallback", "test.md", ImageBase::None)
}

#[test]
fn nested_bullets_are_the_answer_dedented() {
    let doc = parse("# T\n\n## A\n\n- q1?\n  - a1\n  - a2\n\n- q2\n");
    let q = &doc.topics[0].questions;
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].text, "q1?");
    assert_eq!(q[0].answer, "- a1\n- a2");
    assert_eq!(q[0].blocks.len(), 2);
    assert!(!q[0].is_open());
    assert!(q[1].is_open());
}

#[test]
fn following_blocks_join_the_answer_until_a_break() {
    let doc = parse("## A\n\n- q\n  - a\n\n```sh\nls\n```\n\nafter\n\n---\n\nloose\n");
    let q = &doc.topics[0].questions[0];
    assert_eq!(q.answer, "- a\n\n```sh\nls\n```\n\nafter");
    assert_eq!(doc.topics[0].intro, "loose");
}

#[test]
fn placeholders_leave_a_question_open() {
    for answer in ["...", "…", "TODO", "?", "  - ...\n  - ?"] {
        let text = format!("## A\n\n- q\n  - {}\n", answer.trim_start_matches("  - "));
        let doc = parse(&text);
        assert!(doc.topics[0].questions[0].is_open(), "{answer:?}");
    }
    let doc = parse("## A\n\n- q\n  - 네\n");
    assert!(!doc.topics[0].questions[0].is_open());
}

#[test]
fn a_code_block_alone_is_an_answer() {
    let doc = parse("## A\n\n- q\n\n```\nx\n```\n");
    assert!(!doc.topics[0].questions[0].is_open());
}

#[test]
fn inline_code_in_questions() {
    let doc = parse("## A\n\n- `docker run`을 하면?\n");
    let q = &doc.topics[0].questions[0];
    assert_eq!(q.text, "docker run을 하면?");
    assert_eq!(
        q.inlines,
        vec![
            Inline::Code("docker run".into()),
            Inline::Text("을 하면?".into())
        ]
    );
}

#[test]
fn text_before_the_first_question_is_the_topic_intro() {
    let doc = parse("# T\n\nabout\n\n## A\n\nintro text\n\n- q\n");
    assert_eq!(doc.document.preface, "about");
    assert_eq!(doc.topics[0].intro, "intro text");
    assert_eq!(doc.topics[0].questions.len(), 1);
}

#[test]
fn no_headings_gives_the_file_name_and_a_general_topic() {
    let doc = parse("- q1\n- q2\n  - a\n");
    assert_eq!(doc.document.title, "fallback");
    assert_eq!(doc.topics.len(), 1);
    assert!(doc.topics[0].is_general());
    assert_eq!(doc.topics[0].questions.len(), 2);
}

#[test]
fn crlf_and_bom() {
    let lf = parse("# T\n\n## A\n\n- q\n  - a\n  - b\n");
    let crlf = parse("\u{feff}# T\r\n\r\n## A\r\n\r\n- q\r\n  - a\r\n  - b\r\n");
    assert_eq!(crlf.document.title, "T");
    assert_eq!(
        crlf.topics[0].questions[0].answer,
        lf.topics[0].questions[0].answer
    );
    assert_eq!(crlf.topics[0].questions[0].id, lf.topics[0].questions[0].id);
}

#[test]
fn broken_markdown_still_parses() {
    let doc = parse("## A\n\n- q\n  ```\n  unclosed\n\n- [link](\n* ** _\n");
    assert_eq!(doc.topics.len(), 1);
    assert!(!doc.topics[0].questions.is_empty());
}

#[test]
fn dedent_keeps_deeper_indentation() {
    let mut out = String::from("앞\n\n");
    dedent_into(&mut out, "- a\n    - b\n  c  \n ", 2);
    assert_eq!(out, "앞\n\n- a\n  - b\nc");
}

/// Found by the property test: an empty bullet was a question with no text.
#[test]
fn an_empty_bullet_asks_nothing_and_what_it_holds_stays_readable() {
    let doc = parse("# T\n\n## A\n\n- \n- q\n- \n  - under an empty bullet\n");
    let q = &doc.topics[0].questions;
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "q");
    assert_eq!(doc.topics[0].intro, "- under an empty bullet");
}

/// Each block is rendered on its own: a reference link takes its definition along, wherever
/// in the file it is. Found by the CommonMark examples.
#[test]
fn a_reference_link_takes_its_definition_along() {
    let doc = parse(
        "## A\n\n- q\n  - [문서][Docker Docs] 참고\n  - [없는][nope]\n\n- q2\n\n[docker   docs]: https://docs.docker.com \"Docs\"\n",
    );
    let q = &doc.topics[0].questions;
    assert_eq!(
        q[0].source(&q[0].blocks[0]),
        "- [문서][Docker Docs] 참고\n\n[docker   docs]: https://docs.docker.com \"Docs\""
    );
    assert_eq!(q[0].source(&q[0].blocks[1]), "- [없는][nope]");
}

/// Found by the CommonMark examples: a thematic break right under a question was lost.
#[test]
fn a_thematic_break_in_an_answer_is_kept() {
    let doc = parse("## A\n\n- q\n\n  ***\n  after\n");
    let q = &doc.topics[0].questions[0];
    assert_eq!(q.answer, "***\n\nafter");
}

proptest::proptest! {
    /// The byte scan for invisible characters agrees with the character rules it replaces.
    #[test]
    fn the_invisible_scan_equals_the_char_rules(
        text in "(.|[\u{0}-\u{1f}\u{7f}-\u{a0}\u{fffd}\u{ff00}-\u{ffff}\u{c0}-\u{c3}])*"
    ) {
        let by_chars = text
            .chars()
            .any(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || c == '\u{fffd}');
        proptest::prop_assert_eq!(has_invisible(&text), by_chars);
    }

    #[test]
    fn the_quick_whitespace_test_is_unicodes(c in proptest::char::any()) {
        proptest::prop_assert_eq!(is_whitespace(c), c.is_whitespace());
    }

    /// The question text is its inlines' text with whitespace collapsed, as first written.
    #[test]
    fn plain_text_collapses_whitespace_across_inlines(
        parts in proptest::collection::vec(("[a가 \t\n\u{3000}]{0,6}", proptest::bool::ANY), 0..6)
    ) {
        let inlines: Vec<Inline> = parts
            .iter()
            .map(|(t, code)| if *code { Inline::Code(t.clone()) } else { Inline::Text(t.clone()) })
            .collect();
        let joined: String = parts.iter().map(|(t, _)| t.as_str()).collect();
        let reference = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        proptest::prop_assert_eq!(plain_text(&inlines), reference);
    }
}

#[test]
fn placeholder_words_match_in_any_case() {
    for w in ["TODO", "todo", "Tbd:", "...", "…", "？", ""] {
        assert!(is_placeholder_word(w), "{w}");
    }
    for w in ["todos", "네", "tbd?x"] {
        assert!(!is_placeholder_word(w), "{w}");
    }
}
