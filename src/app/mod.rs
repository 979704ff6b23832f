//! `StudyApp`: the runtime shell (loaded course, caches, notices) around `UiState`, the part
//! that is persisted between runs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

mod presenting;

use crate::command::{Command, Mode};
use crate::course::{self, Course, Problem, QuestionId};
use crate::notes::export::{SheetLabels, study_sheet};
use crate::notes::{self, Note, NoteStore, QuestionInfo, StoreWarning};
use crate::search::{self, Filter, Hit, Query};
use crate::ui::i18n::Lang;
use crate::ui::notes_panel::{NotesAction, NotesPanel, SaveState, notes_panel_ui};
use crate::ui::presenter::Presenter;
use crate::ui::search_panel::search_results_ui;
use crate::ui::sidebar::{SidebarAction, sidebar_ui};
use crate::ui::theme::{self, ThemeChoice};
use crate::ui::viewer::{Found, ViewerAction, ViewerState, viewer_ui};
use crate::ui::{fonts, top_bar};

/// The state we persist (eframe storage): where the user was and how they like it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub topic: Option<String>,
    pub question: Option<QuestionId>,
    pub theme: ThemeChoice,
    pub zoom: f32,
    pub lang: Lang,
    /// The file or folder last opened; `None` for the built-in notes.
    pub last_content: Option<PathBuf>,
    /// Which questions the sidebar and viewer show.
    pub filter: Filter,
    /// Presentation mode: reveal each answer at once instead of block by block.
    pub reveal_all: bool,
    /// Presentation mode's own text zoom (Ctrl +/− on the slides).
    pub present_zoom: f32,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            topic: None,
            question: None,
            theme: ThemeChoice::System,
            zoom: 1.0,
            lang: Lang::Ko,
            last_content: None,
            filter: Filter::All,
            reveal_all: false,
            present_zoom: 1.0,
        }
    }
}

pub const MIN_ZOOM: f32 = 0.5;
pub const MAX_ZOOM: f32 = 3.0;
pub const MIN_PRESENT_ZOOM: f32 = 0.5;
pub const MAX_PRESENT_ZOOM: f32 = 2.5;

/// How the app was started (command line, or a test).
#[derive(Clone, Debug, Default)]
pub struct AppOptions {
    /// Open this file or folder instead of what was open last time.
    pub path: Option<PathBuf>,
    /// Render the first complete frame to this PNG, then exit.
    pub screenshot: Option<PathBuf>,
    /// Override the remembered language.
    pub lang: Option<Lang>,
    /// Override the remembered theme.
    pub theme: Option<ThemeChoice>,
    /// Ignore the remembered state (tests, screenshots).
    pub fresh: bool,
    /// Where the notes live; `None`: the user data folder (`directories`).
    /// Tests always give a temporary folder.
    pub data_dir: Option<PathBuf>,
    /// Start in presentation mode.
    pub present: bool,
}

/// The user data folder for notes: `~/.local/share/study-companion` on Linux.
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "study-companion")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("study-companion-data"))
}

/// Seconds after the last keystroke before an autosave.
pub const AUTOSAVE_DELAY: f64 = 1.0;
/// Seconds between retries of a failed save.
pub const RETRY_DELAY: f64 = 5.0;

/// Something the status line must show until the user dismisses it.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Problem(Problem),
    LastContentGone(String),
    OpenFailed(String),
    ScreenshotFailed(String),
    /// The notes could not be opened or saved; stays until a save succeeds.
    NotesError(String),
    NotesMovedAside {
        file: String,
        moved_to: String,
        restored: Option<String>,
    },
    Info(String),
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Problem(p) => lang.problem(p),
            Notice::LastContentGone(path) => lang.last_content_gone(path),
            Notice::OpenFailed(e) => lang.open_failed(e),
            Notice::ScreenshotFailed(e) => lang.screenshot_failed(e),
            Notice::NotesError(e) => lang.notes_problem(e),
            Notice::NotesMovedAside {
                file,
                moved_to,
                restored,
            } => lang.notes_moved_aside(file, moved_to, restored.as_deref()),
            Notice::Info(text) => text.clone(),
        }
    }
}

/// The filter chips: 전체 21 · 열린 질문 4 · 내 답변 1 · 할 일 3 · ★ 1.
fn filter_ui(ui: &mut egui::Ui, lang: Lang, filter: &mut Filter, counts: &[usize; 5]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (f, count) in Filter::ALL.into_iter().zip(counts) {
            let (label, hover) = lang.filter_label(f);
            ui.selectable_value(filter, f, format!("{label} {count}"))
                .on_hover_text(hover);
        }
    });
}

/// What the left panel reported: a sidebar action, or a search result clicked.
enum SidebarOrSearch {
    Sidebar(SidebarAction),
    Hit(usize),
}

/// Progress of `--screenshot`.
#[derive(Debug)]
enum Screenshot {
    Waiting {
        path: PathBuf,
        started: Instant,
        frames: u32,
    },
    Requested {
        path: PathBuf,
        started: Instant,
        rx: std::sync::mpsc::Receiver<std::sync::Arc<egui::ColorImage>>,
    },
    Done,
}

pub struct StudyApp {
    pub state: UiState,
    course: Course,
    /// Runtime selection (indices into `course`), kept in step with `state`.
    topic: usize,
    question: Option<usize>,
    viewer: ViewerState,
    notices: Vec<Notice>,
    commands: Vec<Command>,
    sidebar_scroll: Option<usize>,
    show_help: bool,
    screenshot: Screenshot,
    applied_zoom: Option<f32>,
    /// False for tests and screenshots: they must not overwrite the user's remembered state.
    persist: bool,
    data_dir: PathBuf,
    /// The notes of the loaded course; `None` when they could not be opened (said in a notice).
    store: Option<NoteStore>,
    /// My text for the selected question, as edited (the store gets every change).
    buffer: String,
    buffer_for: Option<QuestionId>,
    notes_panel: NotesPanel,
    save_state: SaveState,
    /// egui time of the last edit, and of the earliest next save attempt after a failure.
    last_edit: f64,
    next_retry: f64,
    was_focused: bool,
    /// The user asked to quit with unsaved notes: ask before dropping them.
    confirm_quit: bool,
    allow_close: bool,
    /// Notes whose question is not in the course; recomputed per load and import.
    orphans: Vec<Note>,
    /// Built once per content load.
    search_index: search::Index,
    /// The search box, the query the hits are for, the hits and the highlighted one.
    query: String,
    searched: String,
    hits: Vec<Hit>,
    hit_cursor: usize,
    hits_scroll: bool,
    /// The search box had focus at the end of the last frame (egui drops focus on Esc
    /// before the app sees the key).
    search_had_focus: bool,
    /// The result the user opened: its card marks the match (until another selection).
    found: Option<Found>,
    /// (open questions, of which answered by me); recomputed on load and after edits.
    progress: (usize, usize),
    /// Per topic: how many of its open questions I answered.
    answered_per_topic: Vec<usize>,
    /// The selected topic's questions that pass the filter, and how many of the course pass
    /// each filter; recomputed when content, topic, filter or notes change.
    visible: Vec<usize>,
    filter_counts: [usize; 5],
    /// Bumped whenever `visible` changes (the viewer re-measures).
    visible_generation: u64,
    /// Presentation mode, while it is on.
    presenter: Option<Presenter>,
    /// `--present`: enter presentation mode on the first frame.
    present_on_start: bool,
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

    /// Builds the app from a given remembered state: fonts, images, content.
    pub fn with_state(
        cc: &eframe::CreationContext<'_>,
        options: AppOptions,
        remembered: Option<UiState>,
    ) -> Self {
        let ctx = &cc.egui_ctx;
        fonts::install(ctx);
        theme::apply_text_styles(ctx);
        egui_extras::install_image_loaders(ctx);
        for (path, bytes) in course::builtin::IMAGES {
            ctx.include_bytes(
                format!("{}{path}", course::builtin::IMAGE_URI_PREFIX),
                *bytes,
            );
        }
        // Zoom goes through our command table (and is remembered with the rest).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);

        let mut state = remembered.unwrap_or_default();
        if let Some(lang) = options.lang {
            state.lang = lang;
        }
        if let Some(theme) = options.theme {
            state.theme = theme;
        }
        state.zoom = state.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        state.present_zoom = state.present_zoom.clamp(MIN_PRESENT_ZOOM, MAX_PRESENT_ZOOM);
        ctx.set_theme(state.theme.preference());

        let mut app = Self {
            state,
            course: Course::default(),
            topic: 0,
            question: None,
            viewer: ViewerState::default(),
            notices: Vec::new(),
            commands: Vec::new(),
            sidebar_scroll: None,
            show_help: false,
            screenshot: match options.screenshot {
                Some(path) => Screenshot::Waiting {
                    path,
                    started: Instant::now(),
                    frames: 0,
                },
                None => Screenshot::Done,
            },
            applied_zoom: None,
            persist: !options.fresh,
            data_dir: options.data_dir.clone().unwrap_or_else(default_data_dir),
            store: None,
            buffer: String::new(),
            buffer_for: None,
            notes_panel: NotesPanel::default(),
            save_state: SaveState::Idle,
            last_edit: 0.0,
            next_retry: 0.0,
            was_focused: true,
            confirm_quit: false,
            allow_close: false,
            orphans: Vec::new(),
            search_index: search::Index::default(),
            query: String::new(),
            searched: String::new(),
            hits: Vec::new(),
            hit_cursor: 0,
            hits_scroll: false,
            search_had_focus: false,
            found: None,
            progress: (0, 0),
            answered_per_topic: Vec::new(),
            visible: Vec::new(),
            filter_counts: [0; 5],
            visible_generation: 0,
            presenter: None,
            present_on_start: options.present,
        };

        let from_command_line = options.path.is_some();
        let requested = options.path.or_else(|| app.state.last_content.clone());
        match requested {
            Some(path) => match course::load_path(&path) {
                Ok(c) => app.set_course(c, Some(path)),
                Err(e) => {
                    let notice = if from_command_line {
                        Notice::OpenFailed(e.to_string())
                    } else {
                        Notice::LastContentGone(path.display().to_string())
                    };
                    app.set_course(course::load_builtin(), None);
                    app.notices.insert(0, notice);
                }
            },
            None => app.set_course(course::load_builtin(), None),
        }
        app
    }

    /// The loaded course (read-only).
    pub fn course(&self) -> &Course {
        &self.course
    }

    /// The selection: topic index and question index.
    pub fn selection(&self) -> (usize, Option<usize>) {
        (self.topic, self.question)
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Replaces the content and restores the remembered selection where it still exists.
    /// Called once per content load.
    fn set_course(&mut self, course: Course, path: Option<PathBuf>) {
        self.save_now(0.0);
        self.notices.retain(|n| !matches!(n, Notice::Problem(_)));
        self.notices
            .extend(course.problems.iter().cloned().map(Notice::Problem));
        self.course = course;
        self.state.last_content = path;
        self.viewer.reset();
        self.open_store();
        self.search_index = search::Index::new(&self.course);
        self.searched.clear();
        self.hits.clear();
        self.update_progress();

        let by_id = self
            .state
            .question
            .as_ref()
            .and_then(|id| self.course.find(id));
        let by_topic = self
            .state
            .topic
            .as_deref()
            .and_then(|name| self.course.topic_index(name));
        match (by_id, by_topic) {
            (Some((t, q)), _) => self.select(t, Some(q)),
            (None, Some(t)) => self.select(t, None),
            (None, None) => self.select(0, None),
        }
    }

    /// Opens the notes of the loaded course and re-attaches orphans. Once per content load.
    fn open_store(&mut self) {
        self.store = None;
        self.buffer_for = None;
        self.save_state = SaveState::Idle;
        self.notices
            .retain(|n| !matches!(n, Notice::NotesError(_) | Notice::NotesMovedAside { .. }));
        let path = NoteStore::path_for(&self.data_dir, &self.course.title);
        match NoteStore::open(path, &self.course.title) {
            Ok((mut store, warnings)) => {
                self.show_store_warnings(warnings);
                if store.reattach(&self.course, jiff::Timestamp::now()) > 0 {
                    self.last_edit = f64::NEG_INFINITY;
                }
                self.orphans = store.orphans(&self.course).into_iter().cloned().collect();
                self.store = Some(store);
            }
            Err(e) => self.notices.push(Notice::NotesError(e.to_string())),
        }
    }

    fn show_store_warnings(&mut self, warnings: Vec<StoreWarning>) {
        for w in warnings {
            let StoreWarning::MovedAside {
                file,
                moved_to,
                restored_from,
                ..
            } = w;
            self.notices.push(Notice::NotesMovedAside {
                file: file.display().to_string(),
                moved_to: moved_to.display().to_string(),
                restored: restored_from.map(|p| p.display().to_string()),
            });
        }
    }

    /// Counts the open questions and how many of them I answered. On load and after edits,
    /// never per frame.
    fn update_progress(&mut self) {
        let store = self.store.as_ref();
        let mine = |q: &&crate::course::Question| {
            q.is_open() && store.is_some_and(|s| s.text(&q.id).is_some())
        };
        self.answered_per_topic = self
            .course
            .topics
            .iter()
            .map(|t| t.questions.iter().filter(mine).count())
            .collect();
        self.progress = (
            self.course.open_count(),
            self.answered_per_topic.iter().sum(),
        );
        self.filter_counts = Filter::counts(&self.course, self.store.as_ref());
        self.refresh_visible();
    }

    /// The selected topic's questions that pass the filter.
    fn refresh_visible(&mut self) {
        let filter = self.state.filter;
        let store = self.store.as_ref();
        let visible: Vec<usize> = self
            .course
            .topics
            .get(self.topic)
            .map(|t| {
                t.questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| filter.passes(q, store))
                    .map(|(i, _)| i)
                    .collect()
            })
            .unwrap_or_default();
        if visible != self.visible {
            self.visible = visible;
            self.visible_generation += 1;
        }
    }

    /// The questions of the selected topic that the sidebar and viewer show.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// Shows only the questions passing `filter`.
    pub fn set_filter(&mut self, filter: Filter) {
        self.state.filter = filter;
        self.refresh_visible();
        if let Some(q) = self.question {
            self.viewer.scroll_to(q);
        }
    }

    /// Runs the query when it changed (one keystroke). The index was built at load.
    fn update_search(&mut self) {
        if self.query == self.searched {
            return;
        }
        self.searched.clone_from(&self.query);
        let query = Query::parse(&self.query);
        let store = self.store.as_ref();
        self.hits = self
            .search_index
            .search(&query, |id| store.and_then(|s| s.text(id)), 200);
        self.hit_cursor = 0;
        self.hits_scroll = true;
    }

    /// The search results (for tests and the sidebar).
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Opens a search result: selects its question and scrolls to it.
    fn open_hit(&mut self, index: usize) {
        if let Some(hit) = self.hits.get(index).cloned() {
            let (topic, question) = (hit.topic, hit.question);
            self.hit_cursor = index;
            self.select(topic, Some(question));
            self.found = Some(Found {
                question,
                query: Query::parse(&self.query),
                hit,
            });
        }
    }

    /// ↑/↓, Enter and Esc while the search box has focus.
    fn search_keys(&mut self, ctx: &egui::Context) {
        if !self.search_had_focus || self.query.trim().is_empty() {
            return;
        }
        let (down, up, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            )
        });
        let len = self.hits.len();
        if down && len > 0 {
            self.hit_cursor = (self.hit_cursor + 1).min(len - 1);
            self.hits_scroll = true;
        }
        if up {
            self.hit_cursor = self.hit_cursor.saturating_sub(1);
            self.hits_scroll = true;
        }
        if enter {
            self.open_hit(self.hit_cursor);
        }
        if escape {
            self.query.clear();
        }
    }

    /// The notes store, if the notes could be opened.
    pub fn store(&self) -> Option<&NoteStore> {
        self.store.as_ref()
    }

    /// Where the notes file is.
    pub fn notes_path(&self) -> Option<&Path> {
        self.store.as_ref().map(NoteStore::path)
    }

    /// Saves now if anything is unsaved. `now` is egui time (for the save state line).
    /// A failure keeps everything in memory, shows an error until a save succeeds, and
    /// schedules a retry.
    pub fn save_now(&mut self, now: f64) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        if !store.is_dirty() {
            return;
        }
        let result = store.save();
        let warnings = store.take_warnings();
        self.show_store_warnings(warnings);
        match result {
            Ok(()) => {
                self.notices.retain(|n| !matches!(n, Notice::NotesError(_)));
                let clock = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
                self.save_state = SaveState::Saved { at: now, clock };
            }
            Err(e) => {
                let text = e.to_string();
                self.notices.retain(|n| !matches!(n, Notice::NotesError(_)));
                self.notices.push(Notice::NotesError(text.clone()));
                self.save_state = SaveState::Failed(text);
                self.next_retry = now + RETRY_DELAY;
            }
        }
    }

    /// Saves before other notes replace these; false (and said) when that failed, so the
    /// unsaved answers stay in memory instead of being dropped with the old store.
    fn can_leave_notes(&mut self, now: f64) -> bool {
        self.save_now(now);
        if self.store.as_ref().is_some_and(NoteStore::is_dirty) {
            self.notices.push(Notice::OpenFailed(
                self.state.lang.unsaved_blocks_open().to_owned(),
            ));
            return false;
        }
        true
    }

    /// The context a note records for a question.
    fn question_info(&self, topic: usize, question: usize) -> Option<(QuestionId, QuestionInfo)> {
        let t = self.course.topics.get(topic)?;
        let q = t.questions.get(question)?;
        let session = self
            .course
            .documents
            .get(q.document)
            .map(|d| d.title.clone())
            .unwrap_or_default();
        Some((
            q.id.clone(),
            QuestionInfo {
                question: q.text.clone(),
                topic: t.name.clone(),
                session,
            },
        ))
    }

    /// The question my typing goes to: the selected one, or the slide's while presenting.
    fn note_target(&self) -> Option<(usize, usize)> {
        match &self.presenter {
            Some(p) => p.deck.question(),
            None => self.question.map(|q| (self.topic, q)),
        }
    }

    /// Loads the editor buffer for the note target (saving the previous one first).
    fn sync_buffer(&mut self, now: f64) {
        let selected = self
            .note_target()
            .and_then(|(t, q)| self.course.topics.get(t)?.questions.get(q))
            .map(|q| q.id.clone());
        if selected == self.buffer_for {
            return;
        }
        // Switching question: save what was typed, right away.
        self.save_now(now);
        self.buffer = selected
            .as_ref()
            .and_then(|id| self.store.as_ref()?.get(id))
            .map(|n| n.text.clone())
            .unwrap_or_default();
        self.buffer_for = selected;
    }

    /// The buffer changed: hand it to the store; the autosave follows.
    fn edited(&mut self, now: f64) {
        let Some((t, q)) = self.note_target() else {
            return;
        };
        let Some((id, info)) = self.question_info(t, q) else {
            return;
        };
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let had_note = store.text(&id).is_some();
        store.set_text(&id, &info, &self.buffer, jiff::Timestamp::now());
        let has_note = store.text(&id).is_some();
        self.last_edit = now;
        if !matches!(self.save_state, SaveState::Failed(_)) {
            self.save_state = SaveState::Pending;
        }
        // Progress changes only when a note appears or disappears.
        if had_note != has_note {
            self.update_progress();
        }
        // My notes are searched too: the results follow the edit.
        self.searched.clear();
    }

    fn toggle_bookmark(&mut self, now: f64) {
        let Some((t, q)) = self.note_target() else {
            return;
        };
        let Some((id, info)) = self.question_info(t, q) else {
            return;
        };
        if let Some(store) = self.store.as_mut() {
            let on = !store.is_bookmarked(&id);
            store.set_bookmarked(&id, &info, on, jiff::Timestamp::now());
            self.save_now(now);
            self.update_progress();
        }
    }

    /// Autosave, focus-loss save, retry after failure, and the close request. Per frame,
    /// cheap: no I/O unless a save is due.
    fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let lost_focus = self.was_focused && !focused;
        self.was_focused = focused;
        let dirty = self.store.as_ref().is_some_and(NoteStore::is_dirty);
        if dirty {
            let due = self.last_edit + AUTOSAVE_DELAY;
            let failed = matches!(self.save_state, SaveState::Failed(_));
            let allowed = if failed { self.next_retry } else { due };
            if lost_focus || now >= allowed.max(due) {
                self.save_now(now);
            } else {
                let wait = (allowed.max(due) - now).max(0.05);
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            self.save_now(now);
            if self.store.as_ref().is_some_and(NoteStore::is_dirty) {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.confirm_quit = true;
            }
        }
    }

    fn confirm_quit_ui(&mut self, ctx: &egui::Context) {
        let s = self.state.lang.strings();
        let modal = egui::Modal::new(egui::Id::unique("confirm_quit")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(s.unsaved_title);
            ui.label(s.unsaved_body);
            if let Some(SaveState::Failed(e)) = Some(&self.save_state) {
                ui.label(
                    egui::RichText::new(e)
                        .color(ui.visuals().error_fg_color)
                        .small(),
                );
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(s.keep_open).clicked() {
                    self.confirm_quit = false;
                }
                if ui.button(s.quit_anyway).clicked() {
                    self.confirm_quit = false;
                    self.allow_close = true;
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
        });
        if modal.should_close() {
            self.confirm_quit = false;
        }
    }

    fn export_sheet(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let s = self.state.lang.strings();
        let labels = SheetLabels {
            my_answer: s.my_answer,
            still_open: s.still_open,
            orphaned: s.orphaned,
        };
        let sheet = study_sheet(&self.course, store, &labels);
        let name = format!("{}-study-sheet.md", self.course.title);
        if let Some(path) = save_dialog(&name, "Markdown", "md") {
            self.write_export(&path, sheet.as_bytes());
        }
    }

    fn export_backup(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let json = match serde_json::to_string_pretty(&store.to_file()) {
            Ok(j) => j,
            Err(e) => {
                self.notices.push(Notice::NotesError(e.to_string()));
                return;
            }
        };
        let name = format!("{}-notes-backup.json", self.course.title);
        if let Some(path) = save_dialog(&name, "JSON", "json") {
            self.write_export(&path, json.as_bytes());
        }
    }

    fn write_export(&mut self, path: &Path, bytes: &[u8]) {
        let lang = self.state.lang;
        match notes::write_atomic(path, bytes) {
            Ok(()) => self
                .notices
                .push(Notice::Info(lang.exported(&path.display().to_string()))),
            Err(e) => self.notices.push(Notice::OpenFailed(e.to_string())),
        }
    }

    /// Merges a JSON backup into the notes: never replaces a newer note.
    pub fn import_backup(&mut self, path: &Path, now: f64) {
        let lang = self.state.lang;
        let parsed = std::fs::read(path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|bytes| notes::parse_file(path, &bytes).map_err(|e| e.to_string()));
        match (parsed, self.store.as_mut()) {
            (Ok(file), Some(store)) => {
                let n = store.import(file);
                store.reattach(&self.course, jiff::Timestamp::now());
                self.orphans = store.orphans(&self.course).into_iter().cloned().collect();
                self.notices.push(Notice::Info(lang.imported(n)));
                self.buffer_for = None;
                self.save_now(now);
            }
            (Err(e), _) => self.notices.push(Notice::OpenFailed(e)),
            (Ok(_), None) => {}
        }
    }

    /// Selects a topic and optionally one of its questions, and scrolls to it.
    pub fn select(&mut self, topic: usize, question: Option<usize>) {
        self.found = None;
        let Some(t) = self.course.topics.get(topic) else {
            self.topic = 0;
            self.question = None;
            return;
        };
        let question = question.filter(|&q| q < t.questions.len());
        let topic_changed = self.topic != topic;
        self.topic = topic;
        self.question = question;
        self.state.topic = Some(t.name.clone());
        self.state.question = question
            .and_then(|q| t.questions.get(q))
            .map(|q| q.id.clone());
        if topic_changed || self.visible.is_empty() {
            self.refresh_visible();
        }
        if let Some(q) = question {
            self.viewer.scroll_to(q);
            self.sidebar_scroll = Some(q);
        }
    }

    /// Queues a command; applied at the end of the frame.
    pub fn run(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let needs_dialog = matches!(
            command,
            Command::OpenFile
                | Command::OpenFolder
                | Command::ExportSheet
                | Command::ExportBackup
                | Command::ImportBackup
        );
        if needs_dialog && !file_dialog_available() {
            // rfd would return "cancelled" without showing anything: say why instead.
            self.notices.push(Notice::OpenFailed(
                self.state.lang.no_file_dialog().to_owned(),
            ));
            return;
        }
        match command {
            Command::OpenFile => {
                let picked = rfd::FileDialog::new()
                    .add_filter("Markdown", &["md", "markdown"])
                    .pick_file();
                if let Some(path) = picked {
                    self.open(&path);
                }
            }
            Command::OpenFolder => {
                if let Some(path) = rfd::FileDialog::new().pick_folder() {
                    self.open(&path);
                }
            }
            Command::OpenBuiltin => {
                if !self.can_leave_notes(ctx.input(|i| i.time)) {
                    return;
                }
                self.notices
                    .retain(|n| !matches!(n, Notice::LastContentGone(_)));
                self.set_course(course::load_builtin(), None);
            }
            Command::PrevQuestion | Command::NextQuestion => {
                // Within what the filter shows.
                let len = self.visible.len();
                if len == 0 {
                    return;
                }
                let at = self
                    .question
                    .and_then(|q| self.visible.iter().position(|&v| v == q));
                let next = match (at, command == Command::NextQuestion) {
                    (None, true) => 0,
                    (None, false) => len - 1,
                    (Some(p), true) => (p + 1).min(len - 1),
                    (Some(p), false) => p.saturating_sub(1),
                };
                if let Some(&q) = self.visible.get(next) {
                    self.select(self.topic, Some(q));
                }
            }
            Command::PrevTopic | Command::NextTopic => {
                let len = self.course.topics.len();
                if len == 0 {
                    return;
                }
                let next = if command == Command::NextTopic {
                    (self.topic + 1).min(len - 1)
                } else {
                    self.topic.saturating_sub(1)
                };
                self.select(next, None);
            }
            Command::ZoomIn => self.set_zoom(self.zoom() + 0.1),
            Command::ZoomOut => self.set_zoom(self.zoom() - 0.1),
            Command::ZoomReset => self.set_zoom(1.0),
            Command::ToggleLanguage => self.state.lang = self.state.lang.other(),
            Command::ShowHelp => match self.presenter.as_mut() {
                Some(p) => p.help = !p.help,
                None => self.show_help = !self.show_help,
            },
            Command::Present => self.enter_presentation(ctx),
            Command::ExitPresentation => self.exit_presentation(ctx),
            Command::SlideNext
            | Command::SlidePrev
            | Command::SlideFirst
            | Command::SlideLast
            | Command::ScrollDown
            | Command::ScrollUp
            | Command::BlankBlack
            | Command::BlankWhite
            | Command::ClassNote => self.slide_command(ctx, command),
            Command::ToggleRevealAll => {
                self.state.reveal_all = !self.state.reveal_all;
                if let Some(p) = self.presenter.as_mut() {
                    p.deck.set_reveal_all(self.state.reveal_all);
                }
            }
            Command::ToggleBookmark => self.toggle_bookmark(ctx.input(|i| i.time)),
            Command::FocusSearch => ctx.memory_mut(|m| m.request_focus(top_bar::search_box_id())),
            Command::ExportSheet => self.export_sheet(),
            Command::ExportBackup => self.export_backup(),
            Command::ImportBackup => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("JSON", &["json"])
                    .pick_file()
                {
                    self.import_backup(&path, ctx.input(|i| i.time));
                }
            }
        }
        ctx.request_repaint();
    }

    /// The zoom Ctrl +/− changes: the slides' own while presenting, else the reading zoom.
    fn zoom(&self) -> f32 {
        if self.presenter.is_some() {
            self.state.present_zoom
        } else {
            self.state.zoom
        }
    }

    fn set_zoom(&mut self, zoom: f32) {
        let zoom = (zoom * 10.0).round() / 10.0;
        if self.presenter.is_some() {
            self.state.present_zoom = zoom.clamp(MIN_PRESENT_ZOOM, MAX_PRESENT_ZOOM);
        } else {
            self.state.zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        }
    }

    /// Opens a file or folder the user picked; on failure the current notes stay.
    pub fn open(&mut self, path: &Path) {
        if !self.can_leave_notes(0.0) {
            return;
        }
        match course::load_path(path) {
            Ok(c) => {
                self.notices
                    .retain(|n| !matches!(n, Notice::OpenFailed(_) | Notice::LastContentGone(_)));
                self.state.question = None;
                self.state.topic = None;
                self.set_course(c, Some(path.to_path_buf()));
            }
            Err(e) => self.notices.push(Notice::OpenFailed(e.to_string())),
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let source = match &self.state.last_content {
            Some(p) => p.display().to_string(),
            None => lang.builtin_source().to_owned(),
        };
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(lang.loaded(
                    &source,
                    self.course.documents.len(),
                    self.course.question_count(),
                    self.course.open_count(),
                ))
                .small(),
            );
        });
        let mut dismiss = None;
        for (i, notice) in self.notices.iter().enumerate() {
            ui.horizontal(|ui| {
                let color = match notice {
                    Notice::Problem(_)
                    | Notice::LastContentGone(_)
                    | Notice::NotesMovedAside { .. } => ui.visuals().warn_fg_color,
                    Notice::OpenFailed(_) | Notice::ScreenshotFailed(_) | Notice::NotesError(_) => {
                        ui.visuals().error_fg_color
                    }
                    Notice::Info(_) => ui.visuals().text_color(),
                };
                ui.label(egui::RichText::new(format!("⚠ {}", notice.text(lang))).color(color));
                if ui
                    .small_button("✖")
                    .on_hover_text(lang.strings().dismiss)
                    .clicked()
                {
                    dismiss = Some(i);
                }
            });
        }
        if let Some(i) = dismiss {
            self.notices.remove(i);
        }
    }

    fn notes_ui(&mut self, ui: &mut egui::Ui) -> Option<NotesAction> {
        let lang = self.state.lang;
        let question = self
            .question
            .and_then(|q| self.course.topics.get(self.topic)?.questions.get(q));
        let note = question.and_then(|q| self.store.as_ref()?.get(&q.id));
        let data_path = self.notes_path().map_or_else(
            || self.data_dir.display().to_string(),
            |p| p.display().to_string(),
        );
        let action = notes_panel_ui(
            ui,
            &mut self.notes_panel,
            lang,
            question,
            note,
            &mut self.buffer,
            &self.save_state,
            &data_path,
            // Without a store nothing typed could be kept: the notice says why.
            self.store.is_some(),
        );
        if !self.orphans.is_empty() {
            let s = lang.strings();
            egui::CollapsingHeader::new(format!("{} ({})", s.orphaned, self.orphans.len()))
                .id_salt("orphans")
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(s.orphaned_hint).small().weak());
                    egui::ScrollArea::vertical()
                        .id_salt("orphans_list")
                        .max_height(200.0)
                        .show(ui, |ui| {
                            for note in &self.orphans {
                                ui.label(egui::RichText::new(&note.question).strong());
                                ui.label(format!("{} · {}", note.session, note.topic));
                                ui.label(&note.text);
                                ui.separator();
                            }
                        });
                });
        }
        action
    }

    fn help_ui(&mut self, ctx: &egui::Context) {
        let lang = self.state.lang;
        let s = lang.strings();
        let mut open = self.show_help;
        egui::Window::new(s.help)
            .id(egui::Id::unique("help"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
            .show(ctx, |ui| {
                egui::Grid::new("help_grid").striped(true).show(ui, |ui| {
                    ui.strong(s.shortcut);
                    ui.strong(s.action);
                    ui.end_row();
                    for command in Command::with_keys_in(Mode::Reading) {
                        ui.monospace(command.all_shortcuts_text(ctx));
                        ui.label(command.label(lang));
                        ui.end_row();
                    }
                });
            });
        self.show_help = open;
    }

    /// `--screenshot`: wait for fonts, images and card heights to settle, grab the frame,
    /// save it, quit.
    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let settled = !ctx.has_pending_images()
            && match &self.presenter {
                Some(p) => !p.settling(),
                None => !self.viewer.settling,
            };
        let next = match std::mem::replace(&mut self.screenshot, Screenshot::Done) {
            Screenshot::Waiting {
                path,
                started,
                frames,
            } => {
                let timed_out = started.elapsed().as_secs() > 15;
                if (frames >= 3 && settled) || timed_out {
                    let (tx, rx) = std::sync::mpsc::channel();
                    let repaint = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        // The receiver lives until the image is saved; a send can only fail
                        // if the app is already gone.
                        let _ = tx.send(image);
                        repaint.request_repaint();
                    });
                    Screenshot::Requested { path, started, rx }
                } else {
                    Screenshot::Waiting {
                        path,
                        started,
                        frames: frames + 1,
                    }
                }
            }
            Screenshot::Requested { path, started, rx } => match rx.try_recv().ok() {
                Some(image) => {
                    match save_png(&path, &image) {
                        Ok(()) => log::info!(
                            "screenshot {} after {} ms",
                            path.display(),
                            started.elapsed().as_millis()
                        ),
                        Err(e) => {
                            log::error!("{e:#}");
                            self.notices
                                .push(Notice::ScreenshotFailed(format!("{e:#}")));
                            std::process::exit(1);
                        }
                    }
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    Screenshot::Done
                }
                None => Screenshot::Requested { path, started, rx },
            },
            Screenshot::Done => Screenshot::Done,
        };
        self.screenshot = next;
        if !matches!(self.screenshot, Screenshot::Done) {
            ctx.request_repaint();
        }
    }
}

/// Asks where to save an export; `None` when the user cancels.
fn save_dialog(file_name: &str, filter: &str, extension: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_file_name(file_name)
        .add_filter(filter, &[extension])
        .save_file()
}

/// Whether a file dialog can be shown: on Linux rfd needs the desktop portal (on the D-Bus
/// session bus) or zenity; without both it silently returns nothing.
fn file_dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
        return true;
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

fn save_png(path: &Path, image: &egui::ColorImage) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let [w, h] = image.size;
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, image.as_raw().to_vec())
        .context("screenshot has an unexpected size")?;
    buffer
        .save(path)
        .with_context(|| format!("failed to write {}", path.display()))
}

impl eframe::App for StudyApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.applied_zoom != Some(self.state.zoom) {
            ctx.set_zoom_factor(self.state.zoom);
            self.applied_zoom = Some(self.state.zoom);
        }
        ctx.set_theme(self.state.theme.preference());
        if std::mem::take(&mut self.present_on_start) {
            self.enter_presentation(&ctx);
        }
        let mode = if self.presenter.is_some() {
            Mode::Presenting
        } else {
            Mode::Reading
        };
        self.presenter_keys(&ctx);
        for command in Command::from_shortcuts(&ctx, mode) {
            self.run(command);
        }
        match mode {
            Mode::Reading => self.reading_ui(ui, &ctx),
            Mode::Presenting => self.slides_ui(ui, &ctx),
        }
        if self.confirm_quit {
            self.confirm_quit_ui(&ctx);
        }

        // The one place commands are applied.
        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        self.sync_buffer(ctx.input(|i| i.time));
        self.search_had_focus = ctx.memory(|m| m.has_focus(top_bar::search_box_id()));
        self.autosave(&ctx);
        self.screenshot_step(&ctx);
    }

    fn on_exit(&mut self) {
        self.save_now(0.0);
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
    /// The reading window: top bar, sidebar, cards, notes panel, status line.
    fn reading_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let ctx = ctx.clone();
        let lang = self.state.lang;
        // Before the search box sees them: its ↑/↓/Enter/Esc drive the results.
        self.search_keys(&ctx);

        egui::Panel::top("top_bar").show(ui, |ui| {
            if let Some(command) =
                top_bar::top_bar_ui(ui, &self.course.title, &mut self.state, &mut self.query)
            {
                self.run(command);
            }
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        self.update_search();
        let scroll = self.sidebar_scroll.take();
        let searching = !self.query.trim().is_empty();
        let hits_scroll = std::mem::take(&mut self.hits_scroll);
        let (open, answered) = self.progress;
        let filter_before = self.state.filter;
        let sidebar = egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(320.0)
            .min_size(200.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.label(
                    egui::RichText::new(lang.progress(open, answered))
                        .small()
                        .color(theme::mine_color(ui.visuals())),
                );
                filter_ui(ui, lang, &mut self.state.filter, &self.filter_counts);
                if searching {
                    search_results_ui(
                        ui,
                        &self.course,
                        lang,
                        &self.hits,
                        self.hit_cursor,
                        hits_scroll,
                    )
                    .map(SidebarOrSearch::Hit)
                } else {
                    sidebar_ui(
                        ui,
                        &self.course,
                        self.store.as_ref(),
                        lang,
                        self.topic,
                        &self.visible,
                        &self.answered_per_topic,
                        self.question,
                        scroll,
                    )
                    .map(SidebarOrSearch::Sidebar)
                }
            })
            .inner;
        if self.state.filter != filter_before {
            let filter = self.state.filter;
            self.set_filter(filter);
        }
        match sidebar {
            Some(SidebarOrSearch::Sidebar(SidebarAction::SelectTopic(t))) => self.select(t, None),
            Some(SidebarOrSearch::Sidebar(SidebarAction::SelectQuestion(t, q))) => {
                self.select(t, Some(q));
            }
            Some(SidebarOrSearch::Hit(i)) => self.open_hit(i),
            None => {}
        }
        self.sync_buffer(ctx.input(|i| i.time));
        let notes_action = egui::Panel::right("notes")
            .resizable(true)
            .default_size(380.0)
            .min_size(260.0)
            .show(ui, |ui| self.notes_ui(ui))
            .inner;
        match notes_action {
            Some(NotesAction::Edited) => self.edited(ctx.input(|i| i.time)),
            Some(NotesAction::ToggleBookmark) => self.run(Command::ToggleBookmark),
            None => {}
        }
        let viewer = egui::CentralPanel::default()
            .show(ui, |ui| {
                viewer_ui(
                    ui,
                    &mut self.viewer,
                    &self.course,
                    self.store.as_ref(),
                    lang,
                    self.topic,
                    &self.visible,
                    self.visible_generation,
                    self.question,
                    self.found.as_ref(),
                )
            })
            .inner;
        if let Some(ViewerAction::SelectQuestion(q)) = viewer {
            self.question = Some(q);
            let t = self.topic;
            self.state.question = self
                .course
                .topics
                .get(t)
                .and_then(|t| t.questions.get(q))
                .map(|q| q.id.clone());
            self.sidebar_scroll = Some(q);
        }
        if self.show_help {
            self.help_ui(&ctx);
        }
    }
}
