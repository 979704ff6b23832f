//! The numbers and lists derived from the course and my notes: progress, filter counts, the
//! questions the sidebar and viewer show, and the notes that lost their question. Pure, no
//! egui; recomputed whenever the course, the notes, the topic or the filter change, never
//! per frame.

use crate::course::{Course, Question};
use crate::notes::seen::News;
use crate::notes::{Note, Notebook};
use crate::search::Filter;

/// What the student marked and what is new: what filters and counts read besides the
/// course.
#[derive(Clone, Copy)]
pub struct Marks<'a> {
    pub notes: &'a Notebook,
    pub news: &'a News,
}

/// Everything on screen that is counted or filtered.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// Open questions of the course.
    pub open: usize,
    /// Open questions of the course that I answered.
    pub answered: usize,
    /// Per topic: how many of its open questions I answered.
    pub answered_per_topic: Vec<usize>,
    /// How many questions of the course pass each filter, in [`Filter::ALL`] order.
    pub filter_counts: [usize; 6],
    /// The selected topic's questions that pass the filter (indices into the topic).
    pub visible: Vec<usize>,
    /// Bumped whenever `visible` changes, so the viewer knows to re-measure.
    pub visible_generation: u64,
    /// Notes whose question is not in the course (kept, shown apart, re-attached when the
    /// question comes back).
    pub orphans: Vec<Note>,
}

impl Overview {
    /// Computes everything from scratch: O(questions).
    pub fn new(course: &Course, marks: Marks<'_>, topic: usize, filter: Filter) -> Self {
        let mut overview = Self::default();
        overview.update(course, marks, topic, filter);
        overview
    }

    /// Recomputes after a change of the course, the notes, the topic or the filter.
    pub fn update(&mut self, course: &Course, marks: Marks<'_>, topic: usize, filter: Filter) {
        let Marks { notes, news } = marks;
        let mine = |q: &&Question| q.is_open() && notes.text(&q.id).is_some();
        self.answered_per_topic = course
            .topics
            .iter()
            .map(|t| t.questions.iter().filter(mine).count())
            .collect();
        self.open = course.open_count();
        self.answered = self.answered_per_topic.iter().sum();
        self.filter_counts = Filter::counts(course, notes, news);
        self.orphans = notes.orphans(course).into_iter().cloned().collect();
        self.set_visible(course, marks, topic, filter);
    }

    /// Recomputes only the visible list: after a change of topic or filter, O(topic).
    pub fn set_visible(&mut self, course: &Course, marks: Marks<'_>, topic: usize, filter: Filter) {
        let visible: Vec<usize> = course
            .topics
            .get(topic)
            .map(|t| {
                t.questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| filter.passes(q, marks.notes, marks.news))
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default();
        if visible != self.visible {
            self.visible = visible;
            self.visible_generation += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{self, ImageBase};
    use crate::notes::QuestionInfo;

    fn none() -> Notebook {
        Notebook::new(std::env::temp_dir().join("study-companion-none"))
    }

    fn marks<'a>(notes: &'a Notebook, news: &'a News) -> Marks<'a> {
        Marks { notes, news }
    }

    fn store(dir: &std::path::Path) -> Notebook {
        let mut book = Notebook::new(dir.to_path_buf());
        book.open_sessions(&course::load_builtin(), jiff::Timestamp::now());
        book
    }

    fn info() -> QuestionInfo {
        QuestionInfo {
            question: "q".into(),
            topic: "Docker".into(),
            session: "MSP T3 - 23-5차".into(),
        }
    }

    #[test]
    fn the_seed_without_notes_has_four_open_and_none_answered() {
        let seed = course::load_builtin();
        let (notes, news) = (none(), News::new());
        let o = Overview::new(&seed, marks(&notes, &news), 0, Filter::All);
        assert_eq!((o.open, o.answered), (4, 0));
        assert_eq!(o.answered_per_topic, [0, 0]);
        assert_eq!(o.filter_counts, [21, 4, 0, 4, 0, 0]);
        assert_eq!(o.visible, (0..21).collect::<Vec<_>>());
        assert!(o.orphans.is_empty());
        // Kubernetes has no questions: nothing visible, whatever the filter.
        assert!(
            Overview::new(&seed, marks(&notes, &news), 1, Filter::All)
                .visible
                .is_empty()
        );
    }

    #[test]
    fn the_new_filter_lists_what_is_new() {
        let seed = course::load_builtin();
        let notes = none();
        let digest = &seed.topics[0].questions[8];
        let news: News = [(digest.id.clone(), crate::notes::seen::NewsKind::Answer)].into();
        let o = Overview::new(&seed, marks(&notes, &news), 0, Filter::New);
        assert_eq!(o.filter_counts[5], 1);
        assert_eq!(o.visible, [8]);
    }

    #[test]
    fn an_answer_moves_progress_counts_and_the_to_do_list() {
        let seed = course::load_builtin();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut notes = store(dir.path());
        let mut o = Overview::new(&seed, marks(&notes, &News::new()), 0, Filter::OpenNotMine);
        let todo_before = o.visible.clone();
        assert_eq!(todo_before.len(), 4);
        let generation = o.visible_generation;

        let digest = &seed.topics[0].questions[8];
        assert_eq!(digest.text, "digest는 뭔가요?");
        let answered = &seed.topics[0].questions[0];
        assert!(!answered.is_open());
        let now = jiff::Timestamp::now();
        notes.set_text(&digest.id, &info(), "이미지 내용의 해시", now);
        notes.set_text(&answered.id, &info(), "메모", now);
        notes.set_bookmarked(&answered.id, &info(), true, now);
        o.update(&seed, marks(&notes, &News::new()), 0, Filter::OpenNotMine);

        // A note on an answered question is mine, but not progress on open questions.
        assert_eq!((o.open, o.answered), (4, 1));
        assert_eq!(o.answered_per_topic, [1, 0]);
        assert_eq!(o.filter_counts, [21, 4, 2, 3, 1, 0]);
        assert_eq!(o.visible.len(), 3);
        assert!(!o.visible.contains(&8));
        assert!(o.visible_generation > generation);

        // Same inputs again: the list did not change, the viewer keeps its measurements.
        let generation = o.visible_generation;
        o.update(&seed, marks(&notes, &News::new()), 0, Filter::OpenNotMine);
        assert_eq!(o.visible_generation, generation);
    }

    #[test]
    fn notes_whose_question_is_gone_are_orphans() {
        let seed = course::load_builtin();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut notes = store(dir.path());
        let digest = &seed.topics[0].questions[8];
        notes.set_text(&digest.id, &info(), "해시", jiff::Timestamp::now());
        let without = course::builtin::DOCUMENTS[0]
            .1
            .replace("- digest는 뭔가요?\n  - ...\n", "");
        let changed = course::load_sources("x", &[("a".into(), without)], &ImageBase::None);
        let o = Overview::new(&changed, marks(&notes, &News::new()), 0, Filter::All);
        assert_eq!(o.orphans.len(), 1);
        assert_eq!(o.orphans[0].text, "해시");
        assert_eq!(o.filter_counts[2], 0, "an orphan is not counted as mine");
        assert!(
            Overview::new(&seed, marks(&notes, &News::new()), 0, Filter::All)
                .orphans
                .is_empty()
        );
    }
}
