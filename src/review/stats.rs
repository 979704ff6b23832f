//! Progress you can see: reviews per day (a 12-week heatmap), due cards for the next 30
//! days, true retention over the last 30 days, and per-topic counts.

use super::queue::Entry;
use super::store::{HoldKind, ReviewBook};
use super::{Clock, Due, Phase, Rating, Scheduler};

/// Days in the heatmap: 12 weeks.
pub const HEATMAP_DAYS: usize = 84;
/// Days in the forecast.
pub const FORECAST_DAYS: usize = 30;
/// Days true retention is measured over.
pub const RETENTION_DAYS: i64 = 30;

/// The cards of one topic by where they stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TopicStats {
    pub new: usize,
    pub learning: usize,
    /// Review cards due today or before.
    pub due: usize,
    /// Review cards not due, interval under three weeks.
    pub young: usize,
    /// Review cards not due, interval three weeks or more.
    pub mature: usize,
}

impl TopicStats {
    /// Cards to review today (learning and due review cards).
    pub fn due_today(&self) -> usize {
        self.learning + self.due
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Reviews per day, oldest first; the last is today.
    pub heatmap: Vec<u32>,
    /// The weekday of the heatmap's first day (0 = Monday).
    pub first_weekday: u8,
    /// Cards due per day from today (today includes the overdue and learning ones).
    pub forecast: Vec<u32>,
    /// Review cards remembered / reviewed in the last 30 days (Again is forgotten).
    pub retention: (u32, u32),
    /// Per topic of the course, in course order.
    pub topics: Vec<TopicStats>,
    pub total_reviews: u32,
    pub reviews_today: u32,
    /// Cards buried until tomorrow, suspended, and leeches (forgotten 8 times or more).
    pub buried: usize,
    pub suspended: usize,
    pub leeches: usize,
}

impl Stats {
    /// True retention in percent, when there was anything to measure.
    pub fn retention_percent(&self) -> Option<f32> {
        let (kept, total) = self.retention;
        (total > 0).then(|| kept as f32 * 100.0 / total as f32)
    }

    /// `entries`: every card of the course with its state; `book`: every log (also of cards
    /// whose question is gone, which count in the heatmap).
    pub fn compute(
        entries: &[Entry],
        topic_count: usize,
        book: &ReviewBook,
        scheduler: &Scheduler,
        clock: &Clock,
    ) -> Self {
        let today = clock.today();
        let mut stats = Stats {
            heatmap: vec![0; HEATMAP_DAYS],
            forecast: vec![0; FORECAST_DAYS],
            topics: vec![TopicStats::default(); topic_count],
            ..Default::default()
        };
        let first_day = today - (HEATMAP_DAYS as i64 - 1);
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        stats.first_weekday = u8::try_from((first_day + 3).rem_euclid(7)).unwrap_or(0);
        for (_, _, log) in book.logs() {
            scheduler.replay_each(&log.reviews, clock, |before, review| {
                let day = clock.day_of(review.at);
                stats.total_reviews += 1;
                if day == today {
                    stats.reviews_today += 1;
                }
                if let Some(slot) = usize::try_from(day - first_day)
                    .ok()
                    .and_then(|i| stats.heatmap.get_mut(i))
                {
                    *slot += 1;
                }
                if before.phase == Phase::Review && today - day < RETENTION_DAYS {
                    stats.retention.1 += 1;
                    if review.rating != Rating::Again {
                        stats.retention.0 += 1;
                    }
                }
            });
        }
        for e in entries {
            match e.held {
                Some(HoldKind::Buried { .. }) => stats.buried += 1,
                Some(HoldKind::Suspended) => stats.suspended += 1,
                Some(HoldKind::Released) | None => {}
            }
            stats.leeches += usize::from(e.is_leech());
            let day = match e.state.due {
                Due::New => None,
                Due::At(t) => Some(clock.day_of(t)),
                Due::Day(d) => Some(d),
            };
            if let Some(slot) = day
                .and_then(|d| usize::try_from((d - today).max(0)).ok())
                .and_then(|i| stats.forecast.get_mut(i))
            {
                *slot += 1;
            }
            let Some(t) = stats.topics.get_mut(e.card.topic) else {
                continue;
            };
            match e.state.phase {
                Phase::New => t.new += 1,
                Phase::Learning(_) | Phase::Relearning(_) => t.learning += 1,
                Phase::Review if day.is_some_and(|d| d <= today) => t.due += 1,
                Phase::Review if e.state.is_mature() => t.mature += 1,
                Phase::Review => t.young += 1,
            }
        }
        stats
    }
}
