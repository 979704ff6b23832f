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

/// What the reading window shows: the selected topic, the filter, and the session it is
/// narrowed to (`None`: all sessions).
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    pub topic: usize,
    pub filter: Filter,
    pub session: Option<&'a str>,
    /// The course of a repository it is narrowed to (`None`: all).
    pub group: Option<&'a str>,
}

impl View<'_> {
    /// Whether `q` is in the session (and the course) the view is narrowed to.
    pub fn in_session(&self, course: &Course, q: &Question) -> bool {
        let in_group = self.group.is_none_or(|name| {
            course
                .library
                .groups
                .iter()
                .any(|g| g.name == name && g.sessions.contains(&q.document))
        });
        in_group
            && self.session.is_none_or(|s| {
                course
                    .documents
                    .get(q.document)
                    .is_some_and(|d| d.title == s)
            })
    }
}

/// A topic's numbers in the sidebar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TopicCount {
    pub total: usize,
    pub open: usize,
    /// Open questions of the topic that I answered.
    pub answered: usize,
}

/// Everything on screen that is counted or filtered, within the session the view is
/// narrowed to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// Open questions.
    pub open: usize,
    /// Open questions that I answered.
    pub answered: usize,
    /// Per topic of the course: its numbers.
    pub topics: Vec<TopicCount>,
    /// How many questions pass each filter, in [`Filter::ALL`] order.
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
    pub fn new(course: &Course, marks: Marks<'_>, view: View<'_>) -> Self {
        let mut overview = Self::default();
        overview.update(course, marks, view);
        overview
    }

    /// Recomputes after a change of the course, the notes, the session or the filter.
    pub fn update(&mut self, course: &Course, marks: Marks<'_>, view: View<'_>) {
        let Marks { notes, news } = marks;
        self.topics = course
            .topics
            .iter()
            .map(|t| {
                let mut count = TopicCount::default();
                for q in t.questions.iter().filter(|q| view.in_session(course, q)) {
                    count.total += 1;
                    if q.is_open() {
                        count.open += 1;
                        if notes.text(&q.id).is_some() {
                            count.answered += 1;
                        }
                    }
                }
                count
            })
            .collect();
        self.open = self.topics.iter().map(|t| t.open).sum();
        self.answered = self.topics.iter().map(|t| t.answered).sum();
        let in_view = course
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .filter(|q| view.in_session(course, q));
        self.filter_counts = Filter::counts(in_view, notes, news);
        self.orphans = notes.orphans(course).into_iter().cloned().collect();
        self.set_visible(course, marks, view);
    }

    /// Recomputes only the visible list: after a change of topic, O(topic).
    pub fn set_visible(&mut self, course: &Course, marks: Marks<'_>, view: View<'_>) {
        let visible: Vec<usize> = course
            .topics
            .get(view.topic)
            .map(|t| {
                t.questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| view.in_session(course, q))
                    .filter(|(_, q)| view.filter.passes(q, marks.notes, marks.news))
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
        Notebook::new(crate::notes::DataDir::at(
            std::env::temp_dir().join("study-companion-none"),
        ))
    }

    fn marks<'a>(notes: &'a Notebook, news: &'a News) -> Marks<'a> {
        Marks { notes, news }
    }

    fn view(topic: usize, filter: Filter) -> View<'static> {
        View {
            topic,
            filter,
            session: None,
            group: None,
        }
    }

    fn store(dir: &std::path::Path) -> Notebook {
        let mut book = Notebook::new(crate::notes::DataDir::at(dir.to_path_buf()));
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
        let o = Overview::new(&seed, marks(&notes, &news), view(0, Filter::All));
        assert_eq!((o.open, o.answered), (4, 0));
        assert_eq!(
            o.topics.iter().map(|t| t.answered).collect::<Vec<_>>(),
            [0, 0]
        );
        assert_eq!(o.filter_counts, [21, 4, 0, 4, 0, 0]);
        assert_eq!(o.visible, (0..21).collect::<Vec<_>>());
        assert!(o.orphans.is_empty());
        // Kubernetes has no questions: nothing visible, whatever the filter.
        assert!(
            Overview::new(&seed, marks(&notes, &news), view(1, Filter::All))
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
        let o = Overview::new(&seed, marks(&notes, &news), view(0, Filter::New));
        assert_eq!(o.filter_counts[5], 1);
        assert_eq!(o.visible, [8]);
    }

    #[test]
    fn an_answer_moves_progress_counts_and_the_to_do_list() {
        let seed = course::load_builtin();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut notes = store(dir.path());
        let mut o = Overview::new(
            &seed,
            marks(&notes, &News::new()),
            view(0, Filter::OpenNotMine),
        );
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
        o.update(
            &seed,
            marks(&notes, &News::new()),
            view(0, Filter::OpenNotMine),
        );

        // A note on an answered question is mine, but not progress on open questions.
        assert_eq!((o.open, o.answered), (4, 1));
        assert_eq!(
            o.topics.iter().map(|t| t.answered).collect::<Vec<_>>(),
            [1, 0]
        );
        assert_eq!(o.filter_counts, [21, 4, 2, 3, 1, 0]);
        assert_eq!(o.visible.len(), 3);
        assert!(!o.visible.contains(&8));
        assert!(o.visible_generation > generation);

        // Same inputs again: the list did not change, the viewer keeps its measurements.
        let generation = o.visible_generation;
        o.update(
            &seed,
            marks(&notes, &News::new()),
            view(0, Filter::OpenNotMine),
        );
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
        let o = Overview::new(&changed, marks(&notes, &News::new()), view(0, Filter::All));
        assert_eq!(o.orphans.len(), 1);
        assert_eq!(o.orphans[0].text, "해시");
        assert_eq!(o.filter_counts[2], 0, "an orphan is not counted as mine");
        assert!(
            Overview::new(&seed, marks(&notes, &News::new()), view(0, Filter::All))
                .orphans
                .is_empty()
        );
    }
}
