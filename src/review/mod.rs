//! 복습: spaced-repetition review of the class Q&A. Pure Rust, no egui.
//!
//! Every answered question is a card (the instructor's answer on the back); an open
//! question I answered is a card with my answer. Scheduling is FSRS (the `fsrs` crate, the
//! scheduler Anki uses) with Anki's learning steps for new and forgotten cards.
//!
//! A card's state is never stored: the review log is (`store.rs`), and the state is that
//! log replayed. Two windows' logs therefore merge by taking the union, and a setting
//! changed later never rewrites what was scheduled before.
//!
//! - `cards.rs`: which questions are cards, in which scope;
//! - `queue.rs`: what is due today, within the daily limits, and in which order;
//! - `stats.rs`: heatmap, forecast, retention, per-topic counts;
//! - `store.rs`: the review log, one crash-safe file per session;
//! - `anki.rs`: the cards in Anki's text-import format.

pub mod anki;
pub mod cards;
pub mod queue;
pub mod stats;
pub mod store;

pub use cards::{Card, Scope, cards_in};
pub use queue::{Limits, Queue};
pub use store::ReviewBook;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Learning steps of a new card, in minutes (Anki's defaults).
pub const LEARNING_STEPS: [u32; 2] = [1, 10];
/// The relearning step of a forgotten card, in minutes.
pub const RELEARNING_STEPS: [u32; 1] = [10];
/// Longest interval given, in days.
pub const MAX_INTERVAL_DAYS: u32 = 36_500;
/// A learning card due within this many minutes is shown now when nothing else is left
/// (Anki's "learn ahead limit"): Again brings a card back in the same session.
pub const LEARN_AHEAD_MINUTES: i64 = 20;
/// A day of review starts at 4 in the morning, local time (as in Anki): a late-night
/// session counts for the day before.
pub const DAY_STARTS_AT_HOUR: i64 = 4;
/// Desired retention: the default and the range the setting allows.
pub const DEFAULT_RETENTION: f32 = 0.90;
pub const MIN_RETENTION: f32 = 0.80;
pub const MAX_RETENTION: f32 = 0.97;
/// A review card is "mature" from this interval on (days).
pub const MATURE_DAYS: u32 = 21;

/// The time, and how far local time is from UTC: the one clock every schedule is
/// computed from (tests pass a fixed one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub now: Timestamp,
    pub utc_offset_secs: i32,
}

impl Clock {
    /// The computer's clock and time zone.
    pub fn system() -> Self {
        let now = Timestamp::now();
        let offset = jiff::tz::TimeZone::system().to_offset(now);
        Self {
            now,
            utc_offset_secs: offset.seconds(),
        }
    }

    /// A fixed clock (tests): `now`, at UTC+9 (Korea).
    pub fn fixed(now: Timestamp) -> Self {
        Self {
            now,
            utc_offset_secs: 9 * 3600,
        }
    }

    /// This clock `secs` seconds later.
    pub fn later(self, secs: i64) -> Self {
        Self {
            now: Timestamp::from_second(self.now.as_second() + secs).unwrap_or(self.now),
            ..self
        }
    }

    /// The review day `at` falls on (days since 1970, local, starting at 4 am).
    pub fn day_of(&self, at: Timestamp) -> i64 {
        (at.as_second() + i64::from(self.utc_offset_secs) - DAY_STARTS_AT_HOUR * 3600)
            .div_euclid(86_400)
    }

    pub fn today(&self) -> i64 {
        self.day_of(self.now)
    }
}

/// The four answers to "did you remember?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    fn index(self) -> usize {
        match self {
            Rating::Again => 0,
            Rating::Hard => 1,
            Rating::Good => 2,
            Rating::Easy => 3,
        }
    }
}

/// One review, as logged: enough to replay the schedule and, later, to optimise FSRS's
/// parameters from the student's own history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub at: Timestamp,
    pub rating: Rating,
    /// Review days since the previous review of the card (0 for the first).
    pub elapsed_days: u32,
    /// The interval this rating gave, in seconds: minutes for learning steps, whole days for
    /// review cards.
    pub interval_secs: u64,
    /// Fingerprint of the answer shown (see [`answer_fingerprint`]): a later change of the
    /// answer is noticed.
    pub answer: String,
    /// Fields this version does not know: kept and written back.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

/// Where a card stands in its learning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    New,
    /// Learning a new card: at this learning step.
    Learning(u8),
    Review,
    /// Relearning a forgotten card: at this relearning step.
    Relearning(u8),
}

/// When a card is due next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// A new card: due whenever the daily limit lets it in.
    New,
    /// A learning step: due at this moment.
    At(Timestamp),
    /// A review card: due on this review day (see [`Clock::day_of`]).
    Day(i64),
}

/// How long until a card comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interval {
    Minutes(u32),
    Days(u32),
}

impl Interval {
    pub fn secs(self) -> u64 {
        match self {
            Interval::Minutes(m) => u64::from(m) * 60,
            Interval::Days(d) => u64::from(d) * 86_400,
        }
    }

    /// Back from a logged number of seconds.
    pub fn from_secs(secs: u64) -> Self {
        if secs >= 86_400 {
            Interval::Days(u32::try_from(secs / 86_400).unwrap_or(MAX_INTERVAL_DAYS))
        } else {
            Interval::Minutes(u32::try_from(secs / 60).unwrap_or(0))
        }
    }
}

/// A card's state: its log replayed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardState {
    pub phase: Phase,
    pub memory: Option<fsrs::MemoryState>,
    pub due: Due,
    pub last: Option<Timestamp>,
    /// The last interval given (for "mature").
    pub interval: Option<Interval>,
    pub reps: u32,
    pub lapses: u32,
}

impl Default for CardState {
    fn default() -> Self {
        Self {
            phase: Phase::New,
            memory: None,
            due: Due::New,
            last: None,
            interval: None,
            reps: 0,
            lapses: 0,
        }
    }
}

impl CardState {
    /// Due now (a learning card whose step is over, a review card due today or before).
    /// New cards are not "due": the daily limit lets them in.
    pub fn is_due(&self, clock: &Clock) -> bool {
        match self.due {
            Due::New => false,
            Due::At(t) => t <= clock.now,
            Due::Day(d) => d <= clock.today(),
        }
    }

    /// To review today: a learning card due any time today, a review card due today or
    /// before (the sidebar's count, which does not change by the minute).
    pub fn due_today(&self, clock: &Clock) -> bool {
        match self.due {
            Due::New => false,
            Due::At(t) => clock.day_of(t) <= clock.today(),
            Due::Day(d) => d <= clock.today(),
        }
    }

    /// A review card whose interval is three weeks or more.
    pub fn is_mature(&self) -> bool {
        self.phase == Phase::Review
            && matches!(self.interval, Some(Interval::Days(d)) if d >= MATURE_DAYS)
    }

    pub fn is_learning(&self) -> bool {
        matches!(self.phase, Phase::Learning(_) | Phase::Relearning(_))
    }
}

/// What one rating would do to a card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub phase: Phase,
    pub memory: Option<fsrs::MemoryState>,
    pub interval: Interval,
}

/// FSRS with its default parameters and a desired retention.
#[derive(Clone, Debug)]
pub struct Scheduler {
    fsrs: fsrs::FSRS,
    retention: f32,
}

impl Default for Scheduler {
    fn default() -> Self {
        Self::new(DEFAULT_RETENTION)
    }
}

impl Scheduler {
    /// `retention` is kept within [`MIN_RETENTION`]..=[`MAX_RETENTION`].
    pub fn new(retention: f32) -> Self {
        let retention = if retention.is_finite() {
            retention.clamp(MIN_RETENTION, MAX_RETENTION)
        } else {
            DEFAULT_RETENTION
        };
        Self {
            fsrs: fsrs::FSRS::default(),
            retention,
        }
    }

    pub fn retention(&self) -> f32 {
        self.retention
    }

    /// What each of the four ratings would do to a card in `state`, reviewed `elapsed_days`
    /// after its last review.
    pub fn outcomes(&self, state: &CardState, elapsed_days: u32) -> [Outcome; 4] {
        let next = self
            .fsrs
            .next_states(state.memory, self.retention, elapsed_days)
            .map_err(|e| log::warn!("FSRS could not schedule a card: {e}"))
            .ok();
        let memory = |r: Rating| {
            next.as_ref()
                .map(|n| match r {
                    Rating::Again => n.again.memory,
                    Rating::Hard => n.hard.memory,
                    Rating::Good => n.good.memory,
                    Rating::Easy => n.easy.memory,
                })
                .or(state.memory)
        };
        let days = |r: Rating| -> u32 {
            let d = next.as_ref().map_or(1.0, |n| match r {
                Rating::Again => n.again.interval,
                Rating::Hard => n.hard.interval,
                Rating::Good => n.good.interval,
                Rating::Easy => n.easy.interval,
            });
            if d.is_finite() {
                d.round().clamp(1.0, MAX_INTERVAL_DAYS as f32) as u32
            } else {
                1
            }
        };
        let out = |phase, r, interval| Outcome {
            phase,
            memory: memory(r),
            interval,
        };
        let graduate_good = days(Rating::Good);
        let graduate_easy = days(Rating::Easy).max(graduate_good + 1);
        match state.phase {
            Phase::New | Phase::Learning(_) => {
                let step = match state.phase {
                    Phase::Learning(s) => usize::from(s).min(LEARNING_STEPS.len() - 1),
                    _ => 0,
                };
                let hard = match (step, LEARNING_STEPS.get(1)) {
                    // Anki: Hard on the first step waits halfway to the second.
                    (0, Some(&second)) => (LEARNING_STEPS[0] + second).div_ceil(2),
                    _ => LEARNING_STEPS[step],
                };
                let good = match LEARNING_STEPS.get(step + 1) {
                    Some(&m) => out(
                        Phase::Learning(step as u8 + 1),
                        Rating::Good,
                        Interval::Minutes(m),
                    ),
                    None => out(Phase::Review, Rating::Good, Interval::Days(graduate_good)),
                };
                [
                    out(
                        Phase::Learning(0),
                        Rating::Again,
                        Interval::Minutes(LEARNING_STEPS[0]),
                    ),
                    out(
                        Phase::Learning(step as u8),
                        Rating::Hard,
                        Interval::Minutes(hard),
                    ),
                    good,
                    out(Phase::Review, Rating::Easy, Interval::Days(graduate_easy)),
                ]
            }
            Phase::Review => {
                let hard = days(Rating::Hard);
                let good = days(Rating::Good).max(hard + 1);
                let easy = days(Rating::Easy).max(good + 1);
                [
                    out(
                        Phase::Relearning(0),
                        Rating::Again,
                        Interval::Minutes(RELEARNING_STEPS[0]),
                    ),
                    out(Phase::Review, Rating::Hard, Interval::Days(hard)),
                    out(Phase::Review, Rating::Good, Interval::Days(good)),
                    out(Phase::Review, Rating::Easy, Interval::Days(easy)),
                ]
            }
            Phase::Relearning(s) => {
                let step = usize::from(s).min(RELEARNING_STEPS.len() - 1);
                let good = match RELEARNING_STEPS.get(step + 1) {
                    Some(&m) => out(
                        Phase::Relearning(step as u8 + 1),
                        Rating::Good,
                        Interval::Minutes(m),
                    ),
                    None => out(Phase::Review, Rating::Good, Interval::Days(graduate_good)),
                };
                [
                    out(
                        Phase::Relearning(0),
                        Rating::Again,
                        Interval::Minutes(RELEARNING_STEPS[0]),
                    ),
                    out(
                        Phase::Relearning(step as u8),
                        Rating::Hard,
                        Interval::Minutes(RELEARNING_STEPS[step]),
                    ),
                    good,
                    out(Phase::Review, Rating::Easy, Interval::Days(graduate_easy)),
                ]
            }
        }
    }

    /// Review days between the card's last review and now.
    pub fn elapsed_days(state: &CardState, clock: &Clock) -> u32 {
        state.last.map_or(0, |last| {
            u32::try_from((clock.today() - clock.day_of(last)).max(0)).unwrap_or(u32::MAX)
        })
    }

    /// What each rating would give a card now: shown on the four buttons.
    pub fn preview(&self, state: &CardState, clock: &Clock) -> [Outcome; 4] {
        self.outcomes(state, Self::elapsed_days(state, clock))
    }

    /// Rates a card now: the review to log.
    pub fn rate(&self, state: &CardState, rating: Rating, clock: &Clock, answer: &str) -> Review {
        let elapsed_days = Self::elapsed_days(state, clock);
        let outcome = self.outcomes(state, elapsed_days)[rating.index()];
        Review {
            at: clock.now,
            rating,
            elapsed_days,
            interval_secs: outcome.interval.secs(),
            answer: answer.to_owned(),
            unknown: serde_json::Map::new(),
        }
    }

    /// A card's state from its log (in time order). The due dates are the ones logged: a
    /// setting changed since does not move them.
    pub fn replay(&self, reviews: &[Review], clock: &Clock) -> CardState {
        self.replay_each(reviews, clock, |_, _| {})
    }

    /// [`Self::replay`], telling `seen` the state before each review.
    pub fn replay_each(
        &self,
        reviews: &[Review],
        clock: &Clock,
        mut seen: impl FnMut(&CardState, &Review),
    ) -> CardState {
        let mut state = CardState::default();
        for review in reviews {
            seen(&state, review);
            let elapsed = state.last.map_or(0, |last| {
                u32::try_from((clock.day_of(review.at) - clock.day_of(last)).max(0))
                    .unwrap_or(u32::MAX)
            });
            let outcome = self.outcomes(&state, elapsed)[review.rating.index()];
            let interval = Interval::from_secs(review.interval_secs);
            if review.rating == Rating::Again && state.phase == Phase::Review {
                state.lapses += 1;
            }
            state.phase = outcome.phase;
            state.memory = outcome.memory;
            state.last = Some(review.at);
            state.interval = Some(interval);
            state.reps += 1;
            state.due = match interval {
                Interval::Minutes(m) => Due::At(
                    Timestamp::from_second(review.at.as_second() + i64::from(m) * 60)
                        .unwrap_or(review.at),
                ),
                Interval::Days(d) => Due::Day(clock.day_of(review.at) + i64::from(d)),
            };
        }
        state
    }
}

/// The fingerprint of an answer as logged with each review: 16 hex digits.
pub fn answer_fingerprint(answer: &str) -> String {
    format!("{:016x}", crate::course::fingerprint(answer.trim()))
}

#[cfg(test)]
mod loop_tests;
#[cfg(test)]
mod tests;
