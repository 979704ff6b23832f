//! `StudyApp`: owns the course, my notes, the runtime state of every panel and the
//! persisted [`UiState`], and applies every action in one place.
//!
//! A frame: keyboard shortcuts become actions; the mode's frame (`reading.rs`,
//! `presenting.rs`, `reviewing.rs`) draws the panels, which return what the user asked for as actions; at
//! the end of the frame [`StudyApp::apply`] applies the queue in order (`actions.rs`).

mod actions;
mod asked;
mod clone;
mod content;
mod ending;
mod files;
mod glyphs;
mod links;
mod loader;
mod material;
mod mode;
mod notes_session;
mod opening;
mod presenting;
mod publish;
mod pull;
mod reading;
mod review_loop;
mod review_writer;
mod reviewing;
mod screenshot;
mod search;
mod startup;
mod watch;
mod window_fit;

use std::path::PathBuf;

pub use actions::Action;
pub use clone::default_parent as default_course_parent;
pub use ending::watch_quit_signals;
pub use loader::{EarlyLoad, EarlyLoadSlot};
pub use reviewing::ReviewRun;
pub use screenshot::ScreenshotJob;
pub use startup::StartupTrace;

use crate::course::{self, Course};
use crate::i18n::Lang;
use crate::notes::seen::{News, Seen};
use crate::notes::{Notebook, SaveStatus};
use crate::notice::{Notice, Notices};
use crate::overview::{Marks, Overview, View};
use crate::search::Hit;
use crate::state::{ThemeChoice, UiState};
use crate::ui::notes_panel::NotesPanel;
use crate::ui::viewer::{Found, Viewer};
use crate::ui::{fonts, theme};
use loader::Loader;
use mode::Mode;
use notes_session::NotesSession;
use screenshot::Screenshot;
use search::Search;
use watch::Watch;

/// How the app was started (command line, or a test).
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// Open this file or folder instead of what was open last time.
    pub path: Option<PathBuf>,
    /// `path`, already being read since before the window opened.
    pub early_load: Option<EarlyLoadSlot>,
    /// Render the first complete frame to a PNG, then close.
    pub screenshot: Option<ScreenshotJob>,
    /// Override the remembered language.
    pub lang: Option<Lang>,
    /// Override the remembered theme.
    pub theme: Option<ThemeChoice>,
    /// Ignore the remembered state, and do not remember this run's (tests, screenshots).
    pub fresh: bool,
    /// Where the notes live; `None`: the user data folder (`directories`).
    /// Tests always give a temporary folder.
    pub data_dir: Option<PathBuf>,
    /// Start in presentation mode.
    pub present: bool,
    /// Start a review session (`--review`); with `stats`, on its statistics.
    pub review: bool,
    pub review_stats: bool,
    /// Review scheduling starts from this time instead of the computer's clock (`--now`,
    /// tests); it runs on from there.
    pub now: Option<jiff::Timestamp>,
    /// `--trace-startup`: when `main` started; the breakdown is logged at the first
    /// complete frame.
    pub trace_startup: Option<std::time::Instant>,
    /// Look up characters no bundled font has among the system's fonts (off in tests,
    /// which keep to the bundled fonts whatever the machine has).
    pub system_fonts: bool,
}

/// Seconds between writes of what was seen.
const SEEN_SAVE_EVERY: f64 = 3.0;

/// What is selected, as indices into the course (kept in step with `UiState`, which
/// remembers it by name and id).
#[derive(Debug, Default)]
struct Selection {
    topic: usize,
    question: Option<usize>,
    /// The search result the user opened: its card marks the match until another
    /// question is selected.
    found: Option<Found>,
    /// Bring this question's sidebar row into view on the next frame.
    sidebar_scroll: Option<usize>,
}

pub struct StudyApp {
    state: UiState,
    /// For the loader and watcher threads, which wake the window when they have news.
    ctx: egui::Context,
    /// The folders whose images the notes may show; set at every load.
    image_roots: crate::ui::images::ImageRoots,
    course: Course,
    /// Reads courses off the UI thread.
    loader: Loader,
    /// Watches the open file or folder; `None` for the built-in notes.
    watch: Option<Watch>,
    selection: Selection,
    /// Progress, counts, the visible list, orphans: recomputed when course or notes change.
    overview: Overview,
    /// What the student has seen of each question (across runs), and what is new since:
    /// computed at each load, kept for the run.
    seen: Seen,
    news: News,
    /// When the seen state was last written (egui time).
    seen_saved_at: f64,
    search: Search,
    notes: NotesSession,
    notices: Notices,
    /// What the user asked for this frame, applied in order at its end.
    actions: Vec<Action>,
    viewer: Viewer,
    /// A deck, a lab or a document of the library open in the viewer, in place of the
    /// questions.
    material: Option<crate::ui::material::MaterialView>,
    /// Characters no bundled font draws, looked up among the system's fonts.
    glyphs: glyphs::Glyphs,
    notes_panel: NotesPanel,
    /// Reading, presenting or reviewing: one at a time.
    mode: Mode,
    screenshot: Option<Screenshot>,
    applied_zoom: Option<f32>,
    /// False for tests and screenshots: they must not overwrite the user's remembered state.
    persist: bool,
    /// The review logs of the open course.
    reviews: crate::review::ReviewBook,
    review_writer: review_writer::ReviewWriter,
    /// 노트 파일에 답변 쓰기 under way: its outcome; which sessions are in a git work tree.
    publishing: Option<std::sync::mpsc::Receiver<Notice>>,
    publish_git: Vec<bool>,
    asked: asked::Asked,
    /// The review card's runtime data; made at the first review (its markdown cache loads
    /// the syntax definitions), taken out while the card is drawn.
    reviewer: Option<crate::ui::review::Reviewer>,
    /// Cards to review today per topic (the sidebar's "복습 5").
    due: Vec<usize>,
    /// `--now`: the fixed start of the review clock, and the app time it was taken at.
    fixed_now: Option<(jiff::Timestamp, f64)>,
    /// The recent list as the 열기 menu shows it: each path, and whether it is there.
    recent_shown: Vec<(String, bool)>,
    /// The check of the recent list in flight.
    recent_check: Option<std::sync::mpsc::Receiver<Vec<(String, bool)>>>,
    /// 최신 노트 받기 for a course in a git clone.
    git: pull::Git,
    /// `--trace-startup`.
    startup: Option<StartupTrace>,
    /// The window's title ("MSP T3 - 23-5차 — Study Companion"), its accessible name too.
    window_title: String,
}

impl StudyApp {
    /// Builds the app with the state eframe remembered (none with `options.fresh`).
    /// Called once.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let remembered = if options.fresh {
            None
        } else {
            cc.storage
                .and_then(|s| eframe::get_value::<UiState>(s, eframe::APP_KEY))
        };
        Self::with_state(cc, options, remembered)
    }

    /// Builds the app from a given remembered state: fonts, images, content, notes.
    pub fn with_state(
        cc: &eframe::CreationContext<'_>,
        options: AppOptions,
        remembered: Option<UiState>,
    ) -> Self {
        let ctx = &cc.egui_ctx;
        let mut startup = options.trace_startup.map(StartupTrace::new);
        if let Some(t) = startup.as_mut() {
            t.mark("window + renderer");
        }
        fonts::install(ctx);
        if let Some(t) = startup.as_mut() {
            t.mark("fonts");
        }
        theme::apply_text_styles(ctx);
        let image_roots = crate::ui::images::install(ctx);
        for (path, bytes) in course::builtin::IMAGES {
            ctx.include_bytes(
                format!("{}{path}", course::builtin::IMAGE_URI_PREFIX),
                *bytes,
            );
        }
        // Zoom goes through our command table (and is remembered with the rest).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);

        let mut state = remembered.unwrap_or_default().clamped();
        if let Some(lang) = options.lang {
            state.lang = lang;
        }
        if let Some(theme) = options.theme {
            state.theme = theme;
        }
        ctx.set_theme(state.theme.preference());

        let data_dir = crate::notes::DataDir::given_or_user(options.data_dir.clone());
        let (seen, seen_warning) = Seen::open(&data_dir);
        let mut first_notices = Notices::default();
        let asked = asked::Asked::open(&data_dir, &mut first_notices);
        let mut app = Self {
            state,
            ctx: ctx.clone(),
            image_roots,
            course: Course::default(),
            loader: Loader::default(),
            watch: None,
            selection: Selection::default(),
            overview: Overview::default(),
            seen,
            news: News::new(),
            seen_saved_at: 0.0,
            search: Search::default(),
            notes: NotesSession::new(data_dir.clone()),
            notices: first_notices,
            actions: Vec::new(),
            viewer: Viewer::default(),
            material: None,
            glyphs: glyphs::Glyphs::new(options.system_fonts),
            notes_panel: NotesPanel::default(),
            mode: Mode::initial(options.present, options.review, options.review_stats),
            screenshot: options.screenshot.clone().map(Screenshot::new),
            applied_zoom: None,
            persist: !options.fresh,
            reviews: crate::review::ReviewBook::new(data_dir),
            review_writer: review_writer::ReviewWriter::start(ctx.clone()),
            publishing: None,
            publish_git: Vec::new(),
            asked,
            reviewer: None,
            due: Vec::new(),
            fixed_now: options.now.map(|t| (t, ctx.input(|i| i.time))),
            recent_shown: Vec::new(),
            recent_check: None,
            git: pull::Git::default(),
            startup,
            window_title: "Study Companion".to_owned(),
        };
        app.refresh_recent();
        if let Some(w) = seen_warning {
            app.notices.push(Notice::from(w));
        }
        let early = options.early_load.as_ref().and_then(EarlyLoadSlot::take);
        app.load_initial(options.path, early);
        app.startup_mark("app state");
        app
    }

    /// What is remembered between runs.
    pub fn ui_state(&self) -> &UiState {
        &self.state
    }

    /// The loaded course (read-only).
    pub fn course(&self) -> &Course {
        &self.course
    }

    /// The selection: topic index and question index.
    pub fn selection(&self) -> (usize, Option<usize>) {
        (self.selection.topic, self.selection.question)
    }

    pub fn notices(&self) -> &[Notice] {
        self.notices.as_slice()
    }

    /// The questions of the selected topic that the sidebar and viewer show.
    pub fn visible(&self) -> &[usize] {
        &self.overview.visible
    }

    /// The search results.
    pub fn hits(&self) -> &[Hit] {
        self.search.hits()
    }

    /// My notes on the course.
    pub fn store(&self) -> &Notebook {
        self.notes.store()
    }

    /// The notes file of the selected question's session (the first session's when none
    /// is selected); `None` for a course without sessions.
    pub fn notes_path(&self) -> Option<PathBuf> {
        let (topic, question) = self.selection();
        let session = question
            .and_then(|q| self.course.topics.get(topic)?.questions.get(q))
            .and_then(|q| self.course.documents.get(q.document))
            .or(self.course.documents.first())?;
        Some(self.notes.file_of(&session.title))
    }

    /// Queues an action; the queue is applied at the end of the frame.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Selects a topic and optionally one of its questions, and scrolls both the sidebar
    /// and the cards to it. The only way the selection changes.
    pub fn select(&mut self, topic: usize, question: Option<usize>) {
        self.select_and_reveal(topic, question, true);
    }

    /// [`Self::select`]; `scroll_cards` false when the card is already where the user
    /// clicked it.
    fn select_and_reveal(&mut self, topic: usize, question: Option<usize>, scroll_cards: bool) {
        let Some(t) = self.course.topics.get(topic) else {
            self.selection = Selection::default();
            return;
        };
        let question = question.filter(|&q| q < t.questions.len());
        let changed = (self.selection.topic, self.selection.question) != (topic, question);
        if changed {
            self.selection.found = None;
        }
        let topic_changed = self.selection.topic != topic;
        self.selection.topic = topic;
        self.selection.question = question;
        self.state.topic = Some(t.name.clone());
        self.state.question = question
            .and_then(|q| t.questions.get(q))
            .map(|q| q.id.clone());
        if topic_changed {
            self.refresh_visible();
        }
        if let Some(q) = question {
            if scroll_cards {
                self.viewer.scroll_to(q);
            }
            self.selection.sidebar_scroll = Some(q);
        }
    }

    /// Recomputes progress, counts, the visible list and orphans. After any change of the
    /// course or of which notes exist; never per frame.
    fn refresh_overview(&mut self) {
        let marks = Marks {
            notes: self.notes.store(),
            news: &self.news,
        };
        let view = view_of(&self.state, self.selection.topic);
        self.overview.update(&self.course, marks, view);
    }

    /// Recomputes the visible list: after a change of topic or filter.
    fn refresh_visible(&mut self) {
        let marks = Marks {
            notes: self.notes.store(),
            news: &self.news,
        };
        let view = view_of(&self.state, self.selection.topic);
        self.overview.set_visible(&self.course, marks, view);
    }

    /// My notes changed: the results (my notes are searched) and, when a note appeared or
    /// disappeared, the overview follow.
    fn notes_changed(&mut self, presence_changed: bool) {
        self.search.invalidate();
        if presence_changed {
            self.refresh_overview();
            // My answer to an open question makes it a card.
            self.refresh_due();
        }
    }

    /// The question my typing goes to: the selected one, the slide's while presenting, the
    /// card's while reviewing.
    fn note_target(&self) -> Option<(usize, usize)> {
        if let Some(run) = self.mode.review() {
            let entry = run.queue.entries.get(run.current?)?;
            return Some((entry.card.topic, entry.card.question));
        }
        match self.mode.presenter() {
            Some(p) => p.deck.question(),
            None => self.selection.question.map(|q| (self.selection.topic, q)),
        }
    }

    /// Where the notes and review logs live.
    fn notes_dir(&self) -> crate::notes::DataDir {
        self.notes.dir().clone()
    }

    /// The heading of the open document my notes go to, if one was picked: (material,
    /// heading).
    fn note_heading(&self) -> Option<(usize, usize)> {
        if !matches!(self.mode, Mode::Reading { .. }) {
            return None;
        }
        let view = self.material.as_ref()?;
        Some((view.index, view.note_heading?))
    }

    /// The id my typing goes to: the heading picked in the open document, else the note
    /// target's question.
    fn note_target_id(&self) -> Option<crate::course::QuestionId> {
        if let Some((m, h)) = self.note_heading() {
            return Some(
                self.course
                    .library
                    .materials
                    .get(m)?
                    .headings
                    .get(h)?
                    .id
                    .clone(),
            );
        }
        let (t, q) = self.note_target()?;
        Some(self.course.topics.get(t)?.questions.get(q)?.id.clone())
    }

    /// Loads the notes editor's text for the note target (saving the previous one first).
    fn sync_buffer(&mut self, now: f64) {
        let target = self.note_target_id();
        self.notes
            .sync_buffer(&self.course, target.as_ref(), now, &mut self.notices);
    }

    /// Questions of `topic` whose cards (or slide) were on screen count as seen: next run
    /// they are not news. Their badges stay for this run.
    fn mark_seen(&mut self, topic: usize, questions: &[usize]) {
        let Some(t) = self.course.topics.get(topic) else {
            return;
        };
        for q in questions.iter().filter_map(|&q| t.questions.get(q)) {
            self.seen.mark(q);
        }
    }

    /// What is new in the course since the last look (at a load), or in addition (at a
    /// reload: news of this run stays, what went away goes).
    fn update_news(&mut self, reload: bool) {
        let fresh = self.seen.news(&self.course);
        if reload {
            let course = &self.course;
            self.news.retain(|id, _| course.find(id).is_some());
            self.news.extend(fresh);
        } else {
            self.news = fresh;
        }
    }

    /// The zoom Ctrl +/− changes: the slides' own while presenting, else the reading zoom.
    fn zoom(&self) -> f32 {
        if self.mode.presenter().is_some() {
            self.state.present_zoom
        } else {
            self.state.zoom
        }
    }

    /// `--trace-startup`: `what` is reached now.
    fn startup_mark(&mut self, what: &'static str) {
        if let Some(t) = self.startup.as_mut() {
            t.mark(what);
        }
    }

    /// Whether the frame is complete (screenshots wait for it).
    fn settled(&self, ctx: &egui::Context) -> bool {
        !self.loading()
            && !ctx.has_pending_images()
            && match self.mode.presenter() {
                Some(p) => !p.settling(),
                None => !self.viewer.settling,
            }
    }
}

/// What the reading window shows of the course: the topic, and the filter and session
/// remembered in `state`.
fn view_of(state: &UiState, topic: usize) -> View<'_> {
    View {
        topic,
        filter: state.filter,
        session: state.session.as_deref(),
        group: state.group.as_deref(),
    }
}

/// What an input method sent this frame, with the keys and focus changes beside it, for
/// `RUST_LOG=study_companion::ime=debug` (how a platform's events arrive together).
fn log_ime_events(ctx: &egui::Context) {
    if !log::log_enabled!(target: "study_companion::ime", log::Level::Debug) {
        return;
    }
    ctx.input(|i| {
        let events: Vec<&egui::Event> = i
            .events
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    egui::Event::Ime(_)
                        | egui::Event::Key { .. }
                        | egui::Event::Text(_)
                        | egui::Event::WindowFocused(_)
                        | egui::Event::PointerButton { .. }
                )
            })
            .collect();
        if !events.is_empty() {
            log::debug!(target: "study_companion::ime", "{events:?}");
        }
    });
}

impl eframe::App for StudyApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        log_ime_events(&ctx);
        crate::ui::ime::drop_late_commit(&ctx);
        if self.applied_zoom != Some(self.state.zoom) {
            ctx.set_zoom_factor(self.state.zoom);
            self.applied_zoom = Some(self.state.zoom);
        }
        ctx.set_theme(self.state.theme.preference());
        self.poll_content(&ctx);
        self.glyphs.poll(&ctx, &mut self.notices);
        self.poll_git(&ctx);
        self.poll_recent();
        self.poll_review_writes();
        self.poll_publish();
        self.drag_and_drop(&ctx);
        if self.screenshot.is_none() {
            window_fit::fit_once(&ctx);
        }
        // `--present`, `--review`: once the course is there.
        if !self.loading()
            && let Some(start) = self.mode.take_start()
        {
            match start {
                // A deck opened alone is presented as its slides.
                mode::Start::Presenting if self.open_deck().is_some() => self.present_deck(&ctx, 0),
                mode::Start::Presenting => self.enter_presentation(&ctx),
                mode::Start::Reviewing { stats } => {
                    self.enter_review(&ctx);
                    if stats {
                        self.review_command(&ctx, crate::command::ReviewCommand::Stats);
                    }
                }
            }
        }
        self.blank_returns(&ctx);
        self.dispatch_keys(&ctx);
        self.sync_buffer(now);
        match &self.mode {
            Mode::Reading { .. } | Mode::Starting(_) => self.reading_ui(ui, &ctx),
            Mode::Presenting(_) => self.slides_ui(ui),
            Mode::Reviewing(_) => self.review_ui(ui),
        }
        if self.notes.quit().asking() {
            let error = match self.notes.status() {
                SaveStatus::Failed(e) => Some(e.clone()),
                _ => None,
            };
            if let Some(choice) =
                crate::ui::dialogs::confirm_quit_ui(&ctx, self.state.lang, error.as_deref())
            {
                self.push(Action::Quit(choice));
            }
        }

        self.route_links(&ctx);
        // A screen reader names the window as its title bar does.
        let title = self.window_title.as_str();
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
        // The one place actions are applied.
        for action in std::mem::take(&mut self.actions) {
            self.apply(&ctx, action);
        }
        self.search.end_frame(&ctx);
        crate::ui::ime::end_stale(&ctx);
        self.end_frame_notes(&ctx);
        let settled = self.settled(&ctx);
        self.startup_mark("first frame");
        if settled {
            self.startup_mark("complete");
        }
        if let Some(mark) = self.screenshot.as_mut().and_then(|s| s.step(&ctx, settled)) {
            self.startup_mark(mark);
        }
        // Logged at the first complete frame (with --screenshot: once the PNG is written).
        let done = match &self.screenshot {
            Some(_) => self
                .startup
                .as_ref()
                .is_some_and(|t| t.reached("PNG written")),
            None => settled,
        };
        if done && let Some(report) = self.startup.as_mut().and_then(StartupTrace::report_once) {
            log::info!("{report}");
        }
        if let Some(shot) = &self.screenshot
            && let Some(scratch) = shot.exit_when_written()
        {
            // `--screenshot` from the command line: the PNG is written, nothing is left to
            // show. Closing through the event loop would paint two more frames (half a
            // second on a CPU renderer): save what a close saves and end here.
            self.save_all_at_exit();
            if let Err(e) = std::fs::remove_dir_all(&scratch) {
                log::warn!("could not remove {}: {e}", scratch.display());
            }
            log::logger().flush();
            std::process::exit(0);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_all_at_exit();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.state);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.persist
    }
}

impl StudyApp {
    /// Makes the notes' journal reach the disk from another thread (a second quit signal).
    pub fn journal_flusher(&self) -> Option<crate::notes::journal::Flusher> {
        self.notes.journal_flusher()
    }

    /// What is saved when the window closes: my notes, the review log, what was seen.
    fn save_all_at_exit(&mut self) {
        self.notes.save_on_exit();
        self.save_reviews_at_exit();
        if let Err(e) = self.seen.save() {
            log::error!("what was seen could not be saved at exit: {e}");
        }
    }
}

impl StudyApp {
    /// Autosave, focus-loss save, retry, and the close request. Per frame, cheap: no I/O
    /// unless a save is due.
    fn end_frame_notes(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        if let Some(wait) = self.notes.autosave(now, focused, &mut self.notices) {
            ctx.request_repaint_after(wait);
        }
        // What was seen: written every few seconds at most, and when the window closes.
        if self.seen.is_dirty() {
            let wait = self.seen_saved_at + SEEN_SAVE_EVERY - now;
            if wait <= 0.0 {
                self.seen_saved_at = now;
                match self.seen.save() {
                    Ok(()) => self.notices.clear(|n| matches!(n, Notice::SeenNotSaved(_))),
                    Err(e) => self.notices.push(Notice::SeenNotSaved(e.to_string())),
                }
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            let saved = self.notes.save(now, &mut self.notices);
            if self.notes.quit().close_requested(!saved) {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
        }
    }
}
