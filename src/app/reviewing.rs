//! 복습 in the app: starting and leaving a review session, rating cards into the review
//! log, the statistics, the due counts of the sidebar, and the Anki export. The panels are
//! `ui::review` and `ui::review_stats`; the scheduling is `crate::review`.

use jiff::Timestamp;

use super::actions::ReviewSetting;
use super::{Action, Mode, StudyApp};
use crate::command::{Command, ReviewCommand};
use crate::notice::Notice;
use crate::review::queue::Queue;
use crate::review::stats::Stats;
use crate::review::{Clock, Rating, ReviewBook, Scheduler, Scope, cards_in};
use crate::state::ReviewScope;
use crate::ui::review::{CardView, ReviewAction, ReviewInput, review_card_ui, review_header_ui};
use crate::ui::review_stats::{StatsInput, review_stats_ui};

/// A review session, while it runs.
#[derive(Debug)]
pub struct ReviewRun {
    pub scope: Scope,
    pub queue: Queue,
    /// The card on screen (an index into the queue's entries).
    pub current: Option<usize>,
    pub revealed: bool,
    pub note_open: bool,
    /// The statistics view, while it is open (computed when opened and after each rating).
    pub stats: Option<Stats>,
    /// The list of keys (F1) over the card.
    pub help: bool,
    /// This session's ratings, newest last, each with what undoing it puts back.
    pub undo: Vec<super::review_loop::Rated>,
}

impl StudyApp {
    /// Whether review mode is on.
    pub fn reviewing(&self) -> bool {
        self.mode.review().is_some()
    }

    /// The running review session (tests read it).
    pub fn review_run(&self) -> Option<&ReviewRun> {
        self.mode.review()
    }

    /// Cards to review today per topic (learning and due review cards), for the sidebar.
    pub fn due_by_topic(&self) -> &[usize] {
        &self.due
    }

    /// The one clock of review scheduling: the computer's, or (`--now`, tests) a fixed
    /// start that runs on with the app's time.
    pub(super) fn clock(&self) -> Clock {
        match self.fixed_now {
            Some((start, at)) => {
                let elapsed = self.ctx.input(|i| i.time) - at;
                let mut clock = Clock::fixed(start);
                clock.now = Timestamp::from_second(start.as_second() + elapsed.max(0.0) as i64)
                    .unwrap_or(start);
                clock
            }
            None => Clock::system(),
        }
    }

    pub(super) fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.state.retention)
    }

    /// Opens the review logs of the course's sessions (a load or a reload).
    pub(super) fn open_review_logs(&mut self, fresh: bool) {
        if fresh {
            self.reviews = ReviewBook::new(self.notes_dir());
        }
        let opened = self.reviews.open_sessions(&self.course);
        for w in opened.warnings {
            self.notices.push(Notice::from(w));
        }
        for e in opened.errors {
            self.notices.push(Notice::NotesError(e.to_string()));
        }
        // A card's history follows its question, reworded or moved, as notes do.
        let moved = self.reviews.reattach(&self.course);
        if moved > 0 {
            log::info!("{moved} cards' review history re-attached to their question");
            self.save_reviews();
        }
        self.refresh_due();
    }

    /// Recomputes the sidebar's due counts: after a load, a rating, a note (which can make
    /// a card), and when leaving a review. Never per frame.
    pub(super) fn refresh_due(&mut self) {
        let clock = self.clock();
        let (cards, unanswered) = cards_in(&self.course, self.notes.store(), &Scope::Course);
        let queue = Queue::build(cards, unanswered, &self.reviews, &self.scheduler(), &clock);
        let mut due = vec![0; self.course.topics.len()];
        for e in queue
            .entries
            .iter()
            .filter(|e| e.state.due_today(&clock) && e.held.is_none())
        {
            if let Some(n) = due.get_mut(e.card.topic) {
                *n += 1;
            }
        }
        self.due = due;
    }

    /// What the scope setting means now: the selected topic, the session in view, …
    fn resolve_scope(&self) -> Scope {
        match self.state.review_scope {
            ReviewScope::Course => Scope::Course,
            ReviewScope::Bookmarked => Scope::Bookmarked,
            ReviewScope::Topic => self
                .course
                .topics
                .get(self.selection.topic)
                .map_or(Scope::Course, |t| Scope::Topic(t.name.clone())),
            ReviewScope::Session => {
                let selected = self
                    .selection
                    .question
                    .and_then(|q| {
                        self.course
                            .topics
                            .get(self.selection.topic)?
                            .questions
                            .get(q)
                    })
                    .and_then(|q| self.course.documents.get(q.document));
                match (&self.state.session, selected) {
                    (Some(title), _) => Scope::Session(title.clone()),
                    (None, Some(doc)) => Scope::Session(doc.title.clone()),
                    (None, None) => Scope::Course,
                }
            }
        }
    }

    /// R: a review session on the scope; the reading window is left as it is, so Esc finds
    /// it again.
    pub(super) fn enter_review(&mut self, ctx: &egui::Context) {
        if self.mode.review().is_some() || self.mode.presenter().is_some() {
            return;
        }
        self.notes.save(ctx.input(|i| i.time), &mut self.notices);
        self.mode.set_help(false);
        self.viewer.full_image = None;
        if let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
        let scope = self.resolve_scope();
        self.mode = Mode::Reviewing(Box::new(ReviewRun {
            queue: Queue::default(),
            scope,
            current: None,
            revealed: false,
            note_open: false,
            stats: None,
            help: false,
            undo: Vec::new(),
        }));
        self.rebuild_queue();
    }

    /// The queue of the running session from the logs and notes as they are now.
    pub(super) fn rebuild_queue(&mut self) {
        let clock = self.clock();
        let scheduler = self.scheduler();
        let limits = self.state.review_limits;
        let Some(run) = self.mode.review_mut() else {
            return;
        };
        let (cards, unanswered) = cards_in(&self.course, self.notes.store(), &run.scope);
        let done = run.queue.done;
        run.queue = Queue::build(cards, unanswered, &self.reviews, &scheduler, &clock);
        run.queue.done = done;
        run.current = run.queue.next(&clock, &limits);
        run.revealed = false;
    }

    /// Esc: back to the reading window as it was; the log is saved.
    pub(super) fn exit_review(&mut self, ctx: &egui::Context) {
        if self.mode.take_review().is_none() {
            return;
        }
        self.notes.save(ctx.input(|i| i.time), &mut self.notices);
        self.save_reviews();
        self.refresh_due();
    }

    /// A key or button of review mode.
    pub(super) fn review_command(&mut self, ctx: &egui::Context, command: ReviewCommand) {
        match command {
            ReviewCommand::Reveal => {
                let Some(run) = self.mode.review_mut() else {
                    return;
                };
                if run.current.is_none() {
                    return;
                }
                if run.revealed {
                    self.rate(Rating::Good);
                } else {
                    run.revealed = true;
                }
            }
            ReviewCommand::OpenSource => {
                let target = self
                    .mode
                    .review()
                    .and_then(|r| r.queue.entries.get(r.current?))
                    .map(|e| (e.card.topic, e.card.question));
                if let Some((topic, question)) = target {
                    self.exit_review(ctx);
                    self.select(topic, Some(question));
                }
            }
            ReviewCommand::Note => {
                if let Some(run) = self.mode.review_mut() {
                    run.note_open = !run.note_open;
                }
            }
            ReviewCommand::Stats => {
                let open = self.mode.review().is_some_and(|r| r.stats.is_some());
                let stats = (!open).then(|| self.compute_stats());
                if let Some(run) = self.mode.review_mut() {
                    run.stats = stats;
                }
            }
            ReviewCommand::Rate(rating) => self.rate(rating),
            ReviewCommand::Exit => self.exit_review(ctx),
            ReviewCommand::Undo => self.undo_rating(),
            ReviewCommand::Bury => self.hold_card(crate::review::store::HoldKind::Buried {
                until_day: self.clock().today() + 1,
            }),
            ReviewCommand::Suspend => self.hold_card(crate::review::store::HoldKind::Suspended),
            ReviewCommand::ReleaseSuspended => self.release_suspended(),
        }
    }

    /// Rates the card on screen (only once its answer is shown), logs and saves the
    /// review, and moves on.
    fn rate(&mut self, rating: Rating) {
        let clock = self.clock();
        let scheduler = self.scheduler();
        let limits = self.state.review_limits;
        let Some(run) = self.mode.review_mut() else {
            return;
        };
        let Some(index) = run.current.filter(|_| run.revealed) else {
            return;
        };
        let Some(entry) = run.queue.entries.get(index).cloned() else {
            return;
        };
        let Some((topic, q)) = self.course.topics.get(entry.card.topic).and_then(|t| {
            let q = t.questions.get(entry.card.question)?;
            Some((t.name.as_str(), q))
        }) else {
            return;
        };
        let review = scheduler.rate(&entry.state, rating, &clock, &entry.card.answer);
        let before = self
            .reviews
            .card_log(&entry.card.session, &entry.card.id)
            .cloned();
        let snapshot = run.queue.snapshot(index);
        if !self.reviews.record(
            &entry.card.session,
            &entry.card.id,
            &q.text,
            topic,
            review.clone(),
        ) {
            self.notices
                .push(Notice::ReviewNotKept(entry.card.session.clone()));
            return;
        }
        if let Some(snapshot) = snapshot {
            run.undo.push(super::review_loop::Rated {
                snapshot,
                session: entry.card.session.clone(),
                id: entry.card.id.clone(),
                before,
                review,
            });
        }
        let reviews = self.reviews.reviews(&entry.card.session, &entry.card.id);
        run.queue.rated(index, reviews, &scheduler, &clock);
        run.current = run.queue.next(&clock, &limits);
        run.revealed = false;
        // The sidebar's count of the card's topic, for this card alone (the whole course is
        // not replayed at each rating).
        let due_after = run
            .queue
            .entries
            .get(index)
            .is_some_and(|e| e.state.due_today(&clock));
        if let Some(n) = self.due.get_mut(entry.card.topic) {
            let due_before = entry.state.due_today(&clock) && entry.held.is_none();
            *n = (*n + usize::from(due_after)).saturating_sub(usize::from(due_before));
        }
        self.save_reviews();
        if self.mode.review().is_some_and(|r| r.stats.is_some()) {
            let stats = self.compute_stats();
            if let Some(run) = self.mode.review_mut() {
                run.stats = Some(stats);
            }
        }
    }

    /// The statistics of the whole course.
    pub fn compute_stats(&self) -> Stats {
        let clock = self.clock();
        let scheduler = self.scheduler();
        let (cards, unanswered) = cards_in(&self.course, self.notes.store(), &Scope::Course);
        let queue = Queue::build(cards, unanswered, &self.reviews, &scheduler, &clock);
        Stats::compute(
            &queue.entries,
            self.course.topics.len(),
            &self.reviews,
            &scheduler,
            &clock,
        )
    }

    /// What the header or the card asked for joins the one queue.
    fn apply_review_action(&mut self, action: ReviewAction) {
        self.push(match action {
            ReviewAction::Command(command) => Action::Command(command),
            ReviewAction::SetScope(scope) => Action::ReviewSetting(ReviewSetting::Scope(scope)),
            ReviewAction::SetLimits(limits) => Action::ReviewSetting(ReviewSetting::Limits(limits)),
            ReviewAction::SetRetention(retention) => {
                Action::ReviewSetting(ReviewSetting::Retention(retention))
            }
        });
    }

    /// A review setting changed: remembered, and today's queue built anew. Applied with the
    /// queue at the end of the frame.
    pub(super) fn apply_review_setting(&mut self, setting: ReviewSetting) {
        match setting {
            ReviewSetting::Scope(scope) => {
                self.state.review_scope = scope;
                let resolved = self.resolve_scope();
                if let Some(run) = self.mode.review_mut() {
                    run.scope = resolved;
                }
            }
            ReviewSetting::Limits(limits) => self.state.review_limits = limits.clamped(),
            ReviewSetting::Retention(retention) => {
                self.state.retention = retention;
                self.state = std::mem::take(&mut self.state).clamped();
            }
        }
        self.rebuild_queue();
    }

    /// "주제: Docker", "수업: 23-5차", …
    fn scope_label(&self, scope: &Scope) -> String {
        let lang = self.state.lang;
        match scope {
            Scope::Course => lang.scope_course().to_owned(),
            Scope::Bookmarked => lang.scope_bookmarked().to_owned(),
            Scope::Topic(name) if name.is_empty() => lang.scope_topic(lang.strings().general_topic),
            Scope::Topic(name) => lang.scope_topic(name),
            Scope::Session(title) => {
                let label = self
                    .course
                    .documents
                    .iter()
                    .find(|d| &d.title == title)
                    .map_or(title.as_str(), |d| d.short_label());
                lang.scope_session(label)
            }
        }
    }

    /// Review mode: the header, my note beside the card when asked for, and the card (or
    /// the statistics).
    pub(super) fn review_ui(&mut self, ui: &mut egui::Ui) {
        let clock = self.clock();
        let limits = self.state.review_limits;
        let Some(run) = self.mode.review_mut() else {
            return;
        };
        // A learning card that fell due while nothing was shown comes up now.
        if run.current.is_none() {
            run.current = run.queue.next(&clock, &limits);
        }
        let wake = match run.current {
            None => run.queue.next_wake(&clock),
            Some(_) => None,
        };
        let note_open = run.note_open && run.current.is_some();
        let mut actions = Vec::new();
        let header = {
            let input = self.review_input(&clock, wake, false);
            egui::Panel::top("review_header")
                .show(ui, |ui| review_header_ui(ui, &input))
                .inner
        };
        actions.extend(header);
        if note_open {
            self.notes_side_panel_ui(ui, "review_notes");
        }
        let stats = self.mode.review().and_then(|r| r.stats.clone());
        let body = match &stats {
            Some(stats) => {
                let topics: Vec<String> =
                    self.course.topics.iter().map(|t| t.name.clone()).collect();
                let input = StatsInput {
                    lang: self.state.lang,
                    stats,
                    topics: &topics,
                };
                egui::CentralPanel::default()
                    .show(ui, |ui| review_stats_ui(ui, &input))
                    .inner
                    .map(ReviewAction::Command)
            }
            None => {
                let mut reviewer = self.reviewer.take().unwrap_or_default();
                let input = self.review_input(&clock, wake, true);
                let action = egui::CentralPanel::default()
                    .show(ui, |ui| review_card_ui(ui, &mut reviewer, &input))
                    .inner;
                drop(input);
                let refused = reviewer.refused_link.take();
                self.reviewer = Some(reviewer);
                if let Some(url) = refused {
                    self.notices.push(Notice::LinkRefused(url));
                }
                action
            }
        };
        actions.extend(body);
        for action in actions {
            self.apply_review_action(action);
        }
        if self.mode.help()
            && !crate::ui::dialogs::help_window_ui(
                ui.ctx(),
                self.state.lang,
                crate::command::Keymap::Reviewing,
            )
        {
            self.push(Action::Command(Command::CloseHelp));
        }
        if let Some(wake) = wake {
            let secs = (wake.as_second() - clock.now.as_second()).max(1);
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(secs.unsigned_abs()));
        }
    }

    /// What the review panels show; the card only when `with_card`.
    fn review_input(
        &self,
        clock: &Clock,
        wake: Option<Timestamp>,
        with_card: bool,
    ) -> ReviewInput<'_> {
        let lang = self.state.lang;
        let limits = self.state.review_limits;
        let run = self.mode.review();
        let counts = run
            .map(|r| r.queue.counts(clock, &limits))
            .unwrap_or_default();
        let entry = run
            .filter(|_| with_card)
            .and_then(|r| r.queue.entries.get(r.current?));
        let card = entry.and_then(|e| {
            let topic = self.course.topics.get(e.card.topic)?;
            let question = topic.questions.get(e.card.question)?;
            let note = self.notes.store().text(&question.id);
            let intervals = self
                .scheduler()
                .preview(&e.state, clock)
                .map(|o| lang.interval(o.interval));
            Some(CardView {
                question,
                doc: self.course.documents.get(question.document),
                topic: if topic.is_general() {
                    lang.strings().general_topic
                } else {
                    &topic.name
                },
                revealed: run.is_some_and(|r| r.revealed),
                mine: e.card.mine.then_some(note).flatten(),
                note: (!e.card.mine).then_some(note).flatten(),
                answer_changed: e.answer_changed,
                intervals,
                lapses: e.is_leech().then_some(e.state.lapses),
            })
        });
        ReviewInput {
            lang,
            scope_label: run.map(|r| self.scope_label(&r.scope)).unwrap_or_default(),
            scope: self.state.review_scope,
            limits,
            retention: self.state.retention,
            left: [counts.new, counts.learning, counts.review],
            done: run.map_or(0, |r| r.queue.done),
            card,
            unanswered: run.map_or(0, |r| r.queue.unanswered),
            next_in_minutes: wake.map(|t| (t.as_second() - clock.now.as_second() + 59) / 60),
            empty: run.is_none_or(|r| r.queue.entries.is_empty()),
            note_open: run.is_some_and(|r| r.note_open),
            stats_open: run.is_some_and(|r| r.stats.is_some()),
            can_undo: run.is_some_and(|r| !r.undo.is_empty()),
        }
    }
}
