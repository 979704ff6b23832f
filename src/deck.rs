//! The slide deck of presentation mode: which slide is shown and how much of its answer is
//! revealed. Pure navigation over a [`Course`], no egui.
//!
//! Every topic starts with a title slide, then one slide per question. A question slide has
//! one build step per top-level answer block (each bullet, code block, image), like the
//! builds of a slide tool: "next" reveals the next block, then moves to the next slide.

use crate::course::Course;

/// One slide of the deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The topic's name, its counts; the only slide of a topic without questions.
    Title {
        topic: usize,
    },
    Question {
        topic: usize,
        question: usize,
    },
}

impl Slide {
    /// The topic the slide belongs to.
    pub fn topic(self) -> usize {
        match self {
            Slide::Title { topic } | Slide::Question { topic, .. } => topic,
        }
    }
}

/// Where the presenter is: the slide and how many of its blocks are revealed.
#[derive(Clone, Debug)]
pub struct Deck {
    slides: Vec<Slide>,
    /// Build steps per slide: the number of answer blocks (0 for titles and open questions).
    builds: Vec<usize>,
    position: usize,
    revealed: usize,
    /// Reveal every block as soon as a slide is shown.
    reveal_all: bool,
}

/// Why a jump did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpError {
    /// The current topic has no question with this number (1-based).
    NoSuchQuestion { number: usize, count: usize },
}

impl Deck {
    /// Builds the deck of `course`, starting at `question` of `topic` (its title slide when
    /// no question is given). Called once when presentation mode starts: O(questions).
    pub fn new(course: &Course, topic: usize, question: Option<usize>, reveal_all: bool) -> Self {
        let mut slides = Vec::with_capacity(course.question_count() + course.topics.len());
        let mut builds = Vec::with_capacity(slides.capacity());
        for (ti, t) in course.topics.iter().enumerate() {
            slides.push(Slide::Title { topic: ti });
            builds.push(0);
            for (qi, q) in t.questions.iter().enumerate() {
                slides.push(Slide::Question {
                    topic: ti,
                    question: qi,
                });
                builds.push(if q.is_open() { 0 } else { q.blocks.len() });
            }
        }
        let wanted = match question {
            Some(q) => Slide::Question { topic, question: q },
            None => Slide::Title { topic },
        };
        let position = slides.iter().position(|s| *s == wanted).unwrap_or(0);
        let mut deck = Self {
            slides,
            builds,
            position,
            revealed: 0,
            reveal_all,
        };
        deck.enter_slide(false);
        deck
    }

    /// The slide shown; `None` only for a course without topics.
    pub fn slide(&self) -> Option<Slide> {
        self.slides.get(self.position).copied()
    }

    /// How many answer blocks of the current slide are shown.
    pub fn revealed(&self) -> usize {
        self.revealed
    }

    /// How many answer blocks the current slide has.
    pub fn builds(&self) -> usize {
        self.builds.get(self.position).copied().unwrap_or(0)
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn len(&self) -> usize {
        self.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }

    pub fn reveal_all(&self) -> bool {
        self.reveal_all
    }

    /// Switches between block-by-block and all-at-once; the current slide follows.
    /// Shows `n` blocks of the current slide (at most all of them): a deck rebuilt after a
    /// reload keeps what was revealed.
    pub fn set_revealed(&mut self, n: usize) {
        self.revealed = n.min(self.builds());
    }

    pub fn set_reveal_all(&mut self, on: bool) {
        self.reveal_all = on;
        if on {
            self.revealed = self.builds();
        }
    }

    /// The question shown, as (topic, question).
    pub fn question(&self) -> Option<(usize, usize)> {
        match self.slide()? {
            Slide::Question { topic, question } => Some((topic, question)),
            Slide::Title { .. } => None,
        }
    }

    /// The topic of the current slide.
    pub fn topic(&self) -> Option<usize> {
        match self.slide()? {
            Slide::Question { topic, .. } | Slide::Title { topic } => Some(topic),
        }
    }

    fn enter_slide(&mut self, fully_built: bool) {
        self.revealed = if self.reveal_all || fully_built {
            self.builds()
        } else {
            0
        };
    }

    /// Next build, else the next slide. False at the very end.
    pub fn forward(&mut self) -> bool {
        if self.revealed < self.builds() {
            self.revealed += 1;
            return true;
        }
        if self.position + 1 < self.slides.len() {
            self.position += 1;
            self.enter_slide(false);
            return true;
        }
        false
    }

    /// Hides the last build, else goes to the previous slide fully built (as slide tools
    /// do). False at the very start.
    pub fn back(&mut self) -> bool {
        if self.revealed > 0 && !self.reveal_all {
            self.revealed -= 1;
            return true;
        }
        if self.position > 0 {
            self.position -= 1;
            self.enter_slide(true);
            return true;
        }
        false
    }

    pub fn first(&mut self) {
        self.position = 0;
        self.enter_slide(false);
    }

    pub fn last(&mut self) {
        self.position = self.slides.len().saturating_sub(1);
        self.enter_slide(false);
    }

    /// Goes to question `number` (1-based, as the counter shows it) of the current topic.
    pub fn jump(&mut self, course: &Course, number: usize) -> Result<(), JumpError> {
        let topic = self.topic().unwrap_or(0);
        let count = course.topics.get(topic).map_or(0, |t| t.questions.len());
        if number == 0 || number > count {
            return Err(JumpError::NoSuchQuestion { number, count });
        }
        let wanted = Slide::Question {
            topic,
            question: number - 1,
        };
        if let Some(p) = self.slides.iter().position(|s| *s == wanted) {
            self.position = p;
            self.enter_slide(false);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{ImageBase, load_builtin, load_sources};

    fn course(md: &str) -> Course {
        load_sources("test", &[("t.md".into(), md.to_owned())], &ImageBase::None)
    }

    const MD: &str =
        "# S\n\n## A\n\n- q1\n  - one\n  - two\n\n- q2\n  - ...\n\n- q3\n  - only\n\n## B\n";

    #[test]
    fn next_reveals_each_block_then_moves_on() {
        let c = course(MD);
        let mut d = Deck::new(&c, 0, Some(0), false);
        assert_eq!(
            d.slide(),
            Some(Slide::Question {
                topic: 0,
                question: 0
            })
        );
        assert_eq!((d.revealed(), d.builds()), (0, 2));
        assert!(d.forward());
        assert_eq!(d.revealed(), 1);
        assert!(d.forward());
        assert_eq!(d.revealed(), 2);
        assert!(d.forward());
        // q2 is open: nothing to reveal.
        assert_eq!(d.question(), Some((0, 1)));
        assert_eq!(d.builds(), 0);
        assert!(d.forward());
        assert_eq!(d.question(), Some((0, 2)));
        assert!(d.forward());
        assert!(d.forward());
        // Topic B: its title slide, the last slide.
        assert_eq!(d.slide(), Some(Slide::Title { topic: 1 }));
        assert!(!d.forward());
    }

    #[test]
    fn prev_hides_builds_then_shows_the_previous_slide_fully_built() {
        let c = course(MD);
        let mut d = Deck::new(&c, 0, Some(0), false);
        d.forward();
        assert!(d.back());
        assert_eq!(d.revealed(), 0);
        assert!(d.back());
        assert_eq!(d.slide(), Some(Slide::Title { topic: 0 }));
        assert!(!d.back());
        d.jump(&c, 3).expect("q3 exists");
        assert!(d.back());
        assert!(d.back());
        assert_eq!(d.question(), Some((0, 0)));
        assert_eq!(d.revealed(), 2);
    }

    #[test]
    fn reveal_all_shows_every_block_at_once() {
        let c = course(MD);
        let mut d = Deck::new(&c, 0, Some(0), true);
        assert_eq!(d.revealed(), 2);
        d.forward();
        assert_eq!(d.question(), Some((0, 1)));
        d.back();
        assert_eq!((d.question(), d.revealed()), (Some((0, 0)), 2));
        d.set_reveal_all(false);
        d.forward();
        d.forward();
        assert_eq!(d.revealed(), 0);
    }

    #[test]
    fn home_end_and_jumps() {
        let c = course(MD);
        let mut d = Deck::new(&c, 1, None, false);
        assert_eq!(d.slide(), Some(Slide::Title { topic: 1 }));
        // Topic B has no questions.
        assert_eq!(
            d.jump(&c, 1),
            Err(JumpError::NoSuchQuestion {
                number: 1,
                count: 0
            })
        );
        d.first();
        assert_eq!(d.position(), 0);
        assert_eq!(d.jump(&c, 3), Ok(()));
        assert_eq!(d.question(), Some((0, 2)));
        assert!(d.jump(&c, 0).is_err());
        assert!(d.jump(&c, 4).is_err());
        d.last();
        assert_eq!(d.position(), d.len() - 1);
    }

    #[test]
    fn the_seed_deck_has_21_question_slides_and_two_titles() {
        let c = load_builtin();
        let d = Deck::new(&c, 0, None, false);
        assert_eq!(d.len(), 23);
        let open = d
            .slides
            .iter()
            .zip(&d.builds)
            .filter(|(s, b)| matches!(s, Slide::Question { .. }) && **b == 0)
            .count();
        assert_eq!(open, 4);
    }

    #[test]
    fn an_empty_course_has_no_slides_and_does_not_panic() {
        let c = Course::default();
        let mut d = Deck::new(&c, 3, Some(7), false);
        assert!(d.is_empty());
        assert_eq!(d.slide(), None);
        assert!(!d.forward());
        assert!(!d.back());
        d.first();
        d.last();
        assert!(d.jump(&c, 1).is_err());
    }
}
