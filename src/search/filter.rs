//! Question filters: what is still to do, what I answered, what I bookmarked, what is new.

use serde::{Deserialize, Serialize};

use crate::course::Question;
use crate::notes::Notebook;
use crate::notes::seen::News;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Filter {
    #[default]
    All,
    /// The instructor left it open.
    Open,
    /// I wrote something for it.
    Mine,
    /// Open, and I have not answered it yet: what is still to do.
    OpenNotMine,
    Bookmarked,
    /// New since I last looked: a new question, a new or changed answer.
    New,
}

impl Filter {
    pub const ALL: [Filter; 6] = [
        Filter::All,
        Filter::Open,
        Filter::Mine,
        Filter::OpenNotMine,
        Filter::Bookmarked,
        Filter::New,
    ];

    pub fn passes(self, q: &Question, notes: &Notebook, news: &News) -> bool {
        let mine = || notes.text(&q.id).is_some();
        match self {
            Filter::All => true,
            Filter::Open => q.is_open(),
            Filter::Mine => mine(),
            Filter::OpenNotMine => q.is_open() && !mine(),
            Filter::Bookmarked => notes.is_bookmarked(&q.id),
            Filter::New => news.contains_key(&q.id),
        }
    }

    /// How many of `questions` pass each filter, in [`Filter::ALL`] order.
    /// Called when notes or content change, never per frame.
    pub fn counts<'a>(
        questions: impl Iterator<Item = &'a Question>,
        notes: &Notebook,
        news: &News,
    ) -> [usize; 6] {
        let mut counts = [0; 6];
        for q in questions {
            for (count, filter) in counts.iter_mut().zip(Filter::ALL) {
                if filter.passes(q, notes, news) {
                    *count += 1;
                }
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course;

    #[test]
    fn the_open_filter_gives_exactly_the_seeds_four_open_questions() {
        let c = course::load_builtin();
        let notes = Notebook::new(crate::notes::DataDir::at(
            std::env::temp_dir().join("study-companion-none"),
        ));
        let news = News::new();
        let open: Vec<&str> = c.topics[0]
            .questions
            .iter()
            .filter(|q| Filter::Open.passes(q, &notes, &news))
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(
            open,
            [
                "다른 사람이 만든 이미지에 push를 통해서 덮어 씌울 수 있나요?",
                "digest는 뭔가요?",
                "COPY는 storage(volume, bind mount 등)와는 어떤 관련이 있나요?",
                "tag와 label의 차이는 뭔가요?",
            ]
        );
        assert_eq!(
            Filter::counts(c.topics.iter().flat_map(|t| &t.questions), &notes, &news),
            [21, 4, 0, 4, 0, 0]
        );
    }

    #[test]
    fn mine_and_bookmarks_come_from_the_notes() {
        let c = course::load_builtin();
        let dir = tempfile::tempdir().expect("tempdir");
        let mut notes = Notebook::new(crate::notes::DataDir::at(dir.path().to_path_buf()));
        notes.open_sessions(&c, jiff::Timestamp::now());
        let info = crate::notes::QuestionInfo {
            question: "q".into(),
            topic: "Docker".into(),
            session: "MSP T3 - 23-5차".into(),
        };
        let digest = &c.topics[0].questions[8];
        assert_eq!(digest.text, "digest는 뭔가요?");
        let first = &c.topics[0].questions[0];
        let now = jiff::Timestamp::now();
        notes.set_text(&digest.id, &info, "해시", now);
        notes.set_bookmarked(&first.id, &info, true, now);
        assert_eq!(
            Filter::counts(
                c.topics.iter().flat_map(|t| &t.questions),
                &notes,
                &News::new()
            ),
            [21, 4, 1, 3, 1, 0]
        );
        assert!(Filter::Bookmarked.passes(first, &notes, &News::new()));
        assert!(!Filter::OpenNotMine.passes(digest, &notes, &News::new()));
    }
}
