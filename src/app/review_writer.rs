//! The review log written off the UI thread: a rating costs no fsync on it. One thread
//! takes the sessions' logs to write, in order, and hands back what each write did; the
//! window wakes to take it. At exit the app waits for the writes under way, then saves
//! what is left itself.

use std::sync::mpsc;

use super::StudyApp;
use crate::notice::Notice;
use crate::review::store::{Leftover, PendingSave, SaveDone};

/// What the writer's thread is given: a log to write, or one to drop.
enum Job {
    Save(PendingSave),
    Drop(Leftover),
}

pub(super) struct ReviewWriter {
    jobs: Option<mpsc::Sender<Job>>,
    done: mpsc::Receiver<SaveDone>,
    thread: Option<std::thread::JoinHandle<()>>,
    in_flight: usize,
}

impl ReviewWriter {
    /// Starts the thread; `ctx` is woken after each write.
    pub(super) fn start(ctx: egui::Context) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("review-log".into())
            .spawn(move || {
                for job in inbox {
                    let save = match job {
                        Job::Save(save) => save,
                        Job::Drop(leftover) => {
                            drop(leftover);
                            continue;
                        }
                    };
                    if outbox.send(save.write()).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            });
        let thread = match thread {
            Ok(t) => Some(t),
            Err(e) => {
                log::error!("the review log's writer could not start: {e}; it is written here");
                None
            }
        };
        Self {
            jobs: thread.as_ref().map(|_| jobs),
            done,
            thread,
            in_flight: 0,
        }
    }

    /// Hands the writes to the thread; those it cannot take are written here.
    fn send(&mut self, saves: Vec<PendingSave>) -> Vec<SaveDone> {
        let mut here = Vec::new();
        for save in saves {
            match &self.jobs {
                Some(jobs) => match jobs.send(Job::Save(save)) {
                    Ok(()) => self.in_flight += 1,
                    Err(mpsc::SendError(Job::Save(save))) => here.push(save.write()),
                    Err(mpsc::SendError(Job::Drop(_))) => {}
                },
                None => here.push(save.write()),
            }
        }
        here
    }

    /// Drops what is no longer needed on the thread (here when it is gone).
    fn discard(&self, leftover: Leftover) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Drop(leftover));
        }
    }

    fn poll(&mut self) -> Vec<SaveDone> {
        let done: Vec<SaveDone> = self.done.try_iter().collect();
        self.in_flight = self.in_flight.saturating_sub(done.len());
        done
    }

    /// Waits for the writes under way (the window is closing) and returns what they did.
    fn finish(&mut self) -> Vec<SaveDone> {
        self.jobs = None;
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::error!("the review log's writer stopped with a panic");
        }
        self.poll()
    }
}

impl StudyApp {
    /// Saves the review log: the writes go to the writer's thread; their results come in
    /// [`Self::poll_review_writes`].
    pub(super) fn save_reviews(&mut self) {
        let saves = self.reviews.take_saves();
        let here = self.review_writer.send(saves);
        self.take_review_writes(here);
    }

    /// Per frame: what the writer did, into the log and the notices.
    pub(super) fn poll_review_writes(&mut self) {
        let done = self.review_writer.poll();
        self.take_review_writes(done);
    }

    fn take_review_writes(&mut self, done: Vec<SaveDone>) {
        for d in done {
            match self.reviews.saved(d) {
                Ok(leftover) => {
                    if let Some(leftover) = leftover {
                        self.review_writer.discard(leftover);
                    }
                    self.notices
                        .clear(|n| matches!(n, Notice::ReviewNotSaved(_)));
                }
                Err(e) => {
                    self.notices
                        .clear(|n| matches!(n, Notice::ReviewNotSaved(_)));
                    self.notices.push(Notice::ReviewNotSaved(e.to_string()));
                }
            }
        }
        for w in self.reviews.take_warnings() {
            self.notices.push(Notice::from(w));
        }
    }

    /// At exit: the writes under way finished, then what is still unsaved written here.
    pub(super) fn save_reviews_at_exit(&mut self) {
        let done = self.review_writer.finish();
        for d in done {
            if let Err(e) = self.reviews.saved(d) {
                log::error!("a review log write failed at exit: {e}; written again");
            }
        }
        if let Err(e) = self.reviews.save() {
            log::error!("the review log could not be saved at exit: {e}");
        }
    }

    /// Whether review log writes are under way (a test waits for them).
    pub fn review_writes_pending(&self) -> bool {
        self.review_writer.in_flight > 0
    }
}
