//! The CommonMark spec as an outside test: each of its 652 examples is a question's answer,
//! shown by the real viewer, headless. Frame times are measured in release by
//! `cargo bench --bench commonmark`.

use egui_kittest::kittest::{Queryable as _, by};

use super::common::{self, commonmark};

#[test]
fn every_commonmark_example_draws_as_an_answer() {
    let mut examples = commonmark::examples();
    let undrawable = commonmark::undrawable(&examples, &common::app().ctx);
    // &HilbertSpace; &DifferentialD; &ClockwiseContourIntegral; &ngE;, &#1234; &#992;,
    // &#XD06; &#xcab; (Malayalam, Kannada).
    assert_eq!(undrawable, [25, 26, 27]);
    examples.retain(|example| !undrawable.contains(&example.number));

    let root = tempfile::tempdir().expect("tempdir");
    let file = root.path().join("commonmark.md");
    std::fs::write(&file, commonmark::course_of(&examples)).expect("write");
    let mut harness = common::builder().path(&file).build();
    assert_eq!(
        harness.state().course().topics[0].questions.len(),
        examples.len()
    );
    for (i, example) in examples.iter().enumerate() {
        harness.state_mut().select(0, Some(i));
        harness.step();
        harness.step();
        let heading = commonmark::question(example);
        assert_eq!(
            super::selected_text(&harness).as_deref(),
            Some(heading.as_str()),
            "example {}",
            example.number
        );
        // The answer is drawn: its first word is in a label (text, an image placeholder
        // naming its alt text) or a value (code, in a selectable text box).
        // As drawn: the safe subset of raw HTML is markdown by then (an `<img>` an image).
        let text = commonmark::shown_text(&study_companion::course::html::drawn(&example.markdown));
        if let Some(word) = text
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| w.len() >= 3)
        {
            let shown = by().predicate(|node| {
                [node.label(), node.value()]
                    .into_iter()
                    .flatten()
                    .any(|text| text.contains(word))
            });
            assert!(
                harness.query_all(shown).next().is_some(),
                "example {}: {word:?} is not shown",
                example.number
            );
        }
    }
}
