//! Everything the user can ask for, and the one place it is applied.

use super::StudyApp;
use super::search::found;
use crate::command::{self, Command, SearchCommand};
use crate::search::Filter;
use crate::state::{
    MAX_PRESENT_ZOOM, MAX_ZOOM, MIN_PRESENT_ZOOM, MIN_ZOOM, ThemeChoice, clamp_zoom,
};
use crate::ui::dialogs::QuitChoice;

/// What a panel, a key or a dialog asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A command of the table (a key, a button, a menu entry).
    Command(Command),
    /// Select a topic and maybe one of its questions. `scroll_cards` false when the user
    /// clicked the card itself.
    Select {
        topic: usize,
        question: Option<usize>,
        scroll_cards: bool,
    },
    /// Open search result `index`.
    OpenHit(usize),
    SetFilter(Filter),
    /// Narrow the reading window to one session (by title), or show all (`None`).
    SetSession(Option<String>),
    /// The notes editor's text changed (the buffer already holds it).
    NoteEdited,
    DismissNotice(usize),
    /// The answer to "quit with unsaved notes?".
    Quit(QuitChoice),
    /// Open the recent course at this index of the list; remove it from the list.
    OpenRecent(usize),
    ForgetRecent(usize),
    /// A setting of review mode's header changed.
    ReviewSetting(ReviewSetting),
    /// A course, a session or a document picked in the library.
    Library(crate::ui::library::LibraryAction),
    /// A deck, a lab or a document in the viewer (an index into the library's materials),
    /// at a section (a link to one of its headings).
    OpenMaterial {
        index: usize,
        section: Option<usize>,
    },
    /// Something done in the list of my questions for the next class.
    Asked(crate::ui::asked::AskedAction),
    /// Something done in the open document's view (back to the questions, a step's
    /// checkbox, a copy, ▶ 발표).
    Material(crate::ui::material::MaterialAction),
    /// A heading or a slide of the open document's outline.
    OutlineJump(crate::ui::library::OutlinePick),
}

/// The settings review mode's header changes: the scope, the daily limits, the retention.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewSetting {
    Scope(crate::state::ReviewScope),
    Limits(crate::review::queue::Limits),
    Retention(f32),
}

impl StudyApp {
    /// Runs this frame's key presses in the order they came, each against the keymap of
    /// that moment (a digit and the Enter after it in one frame go to the typed question),
    /// before any widget reads the frame: Ctrl+F's focus decides where the letters typed
    /// after it go. Presses of no command stay for the widgets.
    pub(super) fn dispatch_keys(&mut self, ctx: &egui::Context) {
        let mut from = 0;
        loop {
            let keymap = self.mode.keymap(self.viewer.full_image.is_some());
            let typing = ctx.egui_wants_keyboard_input();
            let next = ctx
                .input_mut(|i| command::next_key_command(&mut i.events, &mut from, keymap, typing));
            let Some(command) = next else {
                break;
            };
            self.apply(ctx, Action::Command(command));
        }
    }

    /// Applies one action: the keys' commands as they are read, at the start of the frame
    /// ([`Self::dispatch_keys`]); the panels' actions at its end, in order.
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let now = ctx.input(|i| i.time);
        match action {
            Action::Command(command) => self.apply_command(ctx, command),
            Action::Select {
                topic,
                question,
                scroll_cards,
            } => {
                self.material = None;
                self.select_and_reveal(topic, question, scroll_cards);
            }
            Action::OpenHit(index) => {
                self.material = None;
                self.open_hit(index);
            }
            Action::SetFilter(filter) => self.set_filter(filter),
            Action::SetSession(session) => self.set_session(session),
            Action::NoteEdited => {
                let presence_changed = self.notes.edited(&self.course, now);
                self.notes_changed(presence_changed);
            }
            Action::DismissNotice(index) => self.notices.dismiss(index),
            Action::OpenRecent(index) => self.open_recent(index),
            Action::ForgetRecent(index) => self.forget_recent(index),
            Action::ReviewSetting(setting) => self.apply_review_setting(setting),
            Action::Library(picked) => self.library_pick(picked),
            Action::OpenMaterial { index, section } => self.open_material(index, section),
            Action::Material(done) => self.material_action(ctx, done),
            Action::Asked(asked) => self.asked_action(ctx, asked),
            Action::OutlineJump(pick) => self.outline_jump(pick),
            Action::Quit(choice) => {
                if self.notes.quit().answer(choice) {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
        ctx.request_repaint();
    }

    fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        let now = ctx.input(|i| i.time);
        match command {
            Command::File(file) => self.file_command(file, now),
            Command::OpenBuiltin => self.open_builtin(now),
            Command::GitPull => self.git_pull(),
            Command::CloneCourse => self.open_clone_dialog(),
            Command::PrevQuestion | Command::NextQuestion => {
                self.step_question(command == Command::NextQuestion);
            }
            Command::PrevTopic | Command::NextTopic => {
                let last = self.course.topics.len().saturating_sub(1);
                let topic = if command == Command::NextTopic {
                    (self.selection.topic + 1).min(last)
                } else {
                    self.selection.topic.saturating_sub(1)
                };
                self.select(topic, None);
            }
            Command::ZoomIn => self.set_zoom(self.zoom() + 0.1),
            Command::ZoomOut => self.set_zoom(self.zoom() - 0.1),
            Command::ZoomReset => self.set_zoom(1.0),
            Command::ToggleLanguage => self.state.lang = self.state.lang.other(),
            Command::ThemeSystem => self.state.theme = ThemeChoice::System,
            Command::ThemeLight => self.state.theme = ThemeChoice::Light,
            Command::ThemeDark => self.state.theme = ThemeChoice::Dark,
            Command::ShowHelp => {
                let on = !self.mode.help();
                self.mode.set_help(on);
            }
            Command::CloseHelp => self.mode.set_help(false),
            Command::FocusSearch => self.search.focus(ctx),
            Command::Search(key) => match key {
                SearchCommand::Down => self.search.move_cursor(1),
                SearchCommand::Up => self.search.move_cursor(-1),
                SearchCommand::Open => self.open_hit(self.search.cursor()),
                SearchCommand::Clear => self.search.clear(ctx),
            },
            Command::CloseImage => self.viewer.full_image = None,
            Command::ToggleBookmark => self.toggle_bookmark(now),
            Command::PublishAnswer => self.publish_answer(now),
            // On a deck, its slides; else the questions.
            Command::Present => match self
                .material
                .as_ref()
                .filter(|_| self.open_deck().is_some())
            {
                Some(view) => self.present_deck(ctx, view.slide_in_view),
                None => self.enter_presentation(ctx),
            },
            Command::Review => self.enter_review(ctx),
            Command::InReview(review) => self.review_command(ctx, review),
            Command::ExitPresentation => self.exit_presentation(ctx),
            Command::Slide(slide) => self.slide_command(ctx, slide),
            Command::ToggleRevealAll => {
                self.state.reveal_all = !self.state.reveal_all;
                if let Some(p) = self.mode.presenter_mut() {
                    p.deck.set_reveal_all(self.state.reveal_all);
                }
            }
        }
    }

    /// ↑/↓: the previous or next question among those the filter shows.
    fn step_question(&mut self, forward: bool) {
        let visible = &self.overview.visible;
        let Some(last) = visible.len().checked_sub(1) else {
            return;
        };
        let at = self
            .selection
            .question
            .and_then(|q| visible.iter().position(|&v| v == q));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => last,
            (Some(p), true) => (p + 1).min(last),
            (Some(p), false) => p.saturating_sub(1),
        };
        if let Some(&q) = visible.get(next) {
            self.select(self.selection.topic, Some(q));
        }
    }

    /// Opens a search result: selects its question, scrolls to it, marks the match.
    fn open_hit(&mut self, index: usize) {
        let Some(hit) = self.search.hit(index).cloned() else {
            return;
        };
        self.search.set_cursor(index);
        self.select(hit.topic, Some(hit.question));
        self.selection.found = Some(found(&self.search.query, hit));
    }

    /// Shows only the questions passing `filter`.
    fn set_filter(&mut self, filter: Filter) {
        self.state.filter = filter;
        self.refresh_visible();
        if let Some(q) = self.selection.question {
            self.viewer.scroll_to(q);
        }
    }

    /// Narrows the reading window to one session; counts and progress follow.
    /// The library's pick: a course or a session narrows the reading window to it (and
    /// closes an open document); a document opens in the viewer.
    fn library_pick(&mut self, picked: crate::ui::library::LibraryAction) {
        use crate::ui::library::LibraryAction;
        match picked {
            LibraryAction::Group(group) => {
                self.material = None;
                self.state.group = group;
                self.set_session(None);
            }
            LibraryAction::Session { group, title } => {
                self.material = None;
                self.state.group = Some(group);
                self.set_session(Some(title));
            }
            LibraryAction::Material(index) => self.open_material(index, None),
        }
    }

    /// Opens a document of the library in the viewer (at `section`), or brings the open
    /// one to that section.
    fn open_material(&mut self, index: usize, section: Option<usize>) {
        let Some(m) = self.course.library.materials.get(index) else {
            return;
        };
        let view = match self.material.take() {
            Some(view) if view.index == index => view,
            _ => crate::ui::material::MaterialView::new(index, m.path.clone()),
        };
        self.material = Some(view);
        if let Some(view) = self.material.as_mut() {
            view.scroll_to = section;
        }
    }

    fn set_session(&mut self, session: Option<String>) {
        self.state.session = session;
        self.refresh_overview();
        if let Some(q) = self.selection.question {
            self.viewer.scroll_to(q);
        }
    }

    /// Ctrl+D or the panel's star: the bookmark of the question my typing goes to.
    fn toggle_bookmark(&mut self, now: f64) {
        let Some(id) = self.note_target_id() else {
            return;
        };
        if self
            .notes
            .toggle_bookmark(&self.course, &id, now, &mut self.notices)
        {
            self.notes_changed(true);
        }
    }

    fn set_zoom(&mut self, zoom: f32) {
        if self.mode.presenter().is_some() {
            self.state.present_zoom = clamp_zoom(zoom, MIN_PRESENT_ZOOM, MAX_PRESENT_ZOOM);
        } else {
            self.state.zoom = clamp_zoom(zoom, MIN_ZOOM, MAX_ZOOM);
        }
    }
}
