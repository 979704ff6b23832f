//! The reading window's frame: top bar, status line, sidebar (or search results), notes
//! panel, cards. Each panel gets what it shows and returns what the user asked for; this
//! file turns that into actions.

use super::{Action, StudyApp};
use crate::command::Command;
use crate::ui::dialogs::help_window_ui;
use crate::ui::library::{LibraryInput, has_library, library_ui, outline_ui};
use crate::ui::material::{MaterialInput, material_ui};
use crate::ui::notes_panel::{NotesAction, NotesInput, Target, folded_notes_ui, notes_panel_ui};
use crate::ui::search_panel::{ResultPick, ResultsInput, search_results_ui};
use crate::ui::sidebar::{
    SidebarAction, SidebarInput, progress_and_filters_ui, session_picker_ui, sidebar_ui,
};
use crate::ui::status::{StatusInput, status_ui};
use crate::ui::top_bar::{TopAction, TopBarInput, top_bar_ui};
use crate::ui::viewer::{ViewerAction, ViewerInput, viewer_ui};

impl StudyApp {
    /// Whether the notes panel may fold: the reading window is narrow. Beside a review card
    /// the panel is shown only when asked for (N), so never folded.
    fn notes_foldable(&self, ctx: &egui::Context) -> bool {
        self.mode.review().is_none() && crate::ui::widgets::is_narrow(ctx)
    }

    /// The cards change width when the notes panel folds or unfolds: the selected one stays
    /// in view rather than the same pixel offset.
    fn keep_selected_card_in_view(&mut self) {
        if let Some(q) = self.selection.question {
            self.viewer.scroll_to(q);
        }
    }

    /// The reading window.
    pub(super) fn reading_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let lang = self.state.lang;
        // Before the search box sees them (see `app::search`).
        let search_keys = self.search.take_keys(ctx);

        let top = TopBarInput {
            title: &self.course.title,
            lang,
            theme: self.state.theme,
            zoom: self.state.zoom,
            reveal_all: self.state.reveal_all,
            recent: &self.recent_shown,
            git: self.git.available(),
        };
        let command = egui::Panel::top("top_bar")
            .show(ui, |ui| top_bar_ui(ui, &top, &mut self.search.query))
            .inner;
        match command {
            Some(TopAction::Command(command)) => self.push(Action::Command(command)),
            Some(TopAction::OpenRecent(i)) => self.push(Action::OpenRecent(i)),
            Some(TopAction::ForgetRecent(i)) => self.push(Action::ForgetRecent(i)),
            None => {}
        }
        self.clone_dialog(ctx);
        // The query as typed this frame; then the keys that came with it.
        self.search.refresh(self.notes.store());
        for key in search_keys {
            self.push(Action::Command(key));
        }

        let source = match &self.state.last_content {
            Some(p) => p.display().to_string(),
            None => lang.builtin_source().to_owned(),
        };
        let loading = self.loading_path().map(|p| p.display().to_string());
        let pulling = self.git.pulling().map(|p| p.display().to_string());
        let status = StatusInput {
            lang,
            source: &source,
            documents: self.course.documents.len(),
            questions: self.course.question_count(),
            open: self.course.open_count(),
            loading: loading.as_deref(),
            pulling: pulling.as_deref(),
            watching: self
                .watch
                .as_ref()
                .map(|w| w.mode() == super::watch::Mode::Polling),
            notices: self.notices.as_slice(),
        };
        if let Some(i) = egui::Panel::bottom("status")
            .show(ui, |ui| status_ui(ui, &status))
            .inner
        {
            self.push(Action::DismissNotice(i));
        }

        let left = egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(320.0)
            .min_size(200.0)
            .show(ui, |ui| self.left_panel_ui(ui))
            .inner;
        self.actions.extend(left);

        self.notes_side_panel_ui(ui, "notes");

        let input = ViewerInput {
            course: &self.course,
            store: self.notes.store(),
            lang,
            topic: self.selection.topic,
            visible: &self.overview.visible,
            generation: self.overview.visible_generation,
            selected: self.selection.question,
            found: self.selection.found.as_ref(),
            news: &self.news,
            related: self.search.related(),
        };
        if let Some(view) = self.material.as_mut()
            && let Some(material) = self.course.library.materials.get(view.index)
        {
            let input = MaterialInput {
                material,
                notes: self.notes.book(),
                lang,
            };
            let done = egui::CentralPanel::default()
                .show(ui, |ui| material_ui(ui, view, &input))
                .inner;
            if let Some(done) = done {
                self.push(Action::Material(done));
            }
            self.help_ui(ctx, lang);
            return;
        }
        let clicked = egui::CentralPanel::default()
            .show(ui, |ui| viewer_ui(ui, &mut self.viewer, &input))
            .inner;
        let shown = self.viewer.take_shown();
        self.mark_seen(self.selection.topic, &shown);
        match clicked {
            Some(ViewerAction::SelectQuestion(q)) => self.push(Action::Select {
                topic: self.selection.topic,
                question: Some(q),
                scroll_cards: false,
            }),
            Some(ViewerAction::Open { topic, question }) => self.push(Action::Select {
                topic,
                question: Some(question),
                scroll_cards: true,
            }),
            None => {}
        }
        self.help_ui(ctx, lang);
    }

    /// The list of keys over the reading window (F1).
    fn help_ui(&mut self, ctx: &egui::Context, lang: crate::i18n::Lang) {
        if self.mode.help() && !help_window_ui(ctx, lang, crate::command::Keymap::Reading) {
            self.push(Action::Command(Command::CloseHelp));
        }
    }

    /// Progress, filters, and the topics or the search results.
    fn left_panel_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let lang = self.state.lang;
        let mut actions = Vec::new();
        if has_library(&self.course) {
            let input = LibraryInput {
                course: &self.course,
                lang,
                group: self.state.group.as_deref(),
                session: self.state.session.as_deref(),
                open: self.material.as_ref().map(|v| v.index),
                notes: self.notes.book(),
            };
            if let Some(picked) = library_ui(ui, &input) {
                actions.push(Action::Library(picked));
            }
            ui.separator();
        }
        if let Some(material) = self
            .material
            .as_ref()
            .and_then(|v| self.course.library.materials.get(v.index))
            .filter(|_| !self.search.is_active())
        {
            if let Some(heading) = outline_ui(ui, material, lang) {
                actions.push(Action::OutlineJump(heading));
            }
            return actions;
        }
        if let Some(session) =
            session_picker_ui(ui, lang, &self.course, self.state.session.as_deref())
        {
            actions.push(Action::SetSession(session));
        }
        if let Some(filter) = progress_and_filters_ui(ui, lang, &self.overview, self.state.filter) {
            actions.push(Action::SetFilter(filter));
        }
        if self.search.is_active() {
            let scroll_to_cursor = self.search.take_scroll();
            let input = ResultsInput {
                course: &self.course,
                lang,
                hits: self.search.hits(),
                doc_hits: self.search.doc_hits(),
                cursor: self.search.cursor(),
                scroll_to_cursor,
            };
            match search_results_ui(ui, &input) {
                Some(ResultPick::Question(i)) => actions.push(Action::OpenHit(i)),
                Some(ResultPick::Document(i)) => {
                    if let Some(hit) = self.search.doc_hits().get(i) {
                        actions.push(Action::OpenMaterial {
                            index: hit.material,
                            section: Some(hit.section),
                        });
                    }
                }
                None => {}
            }
        } else {
            let input = SidebarInput {
                course: &self.course,
                store: self.notes.store(),
                lang,
                topic: self.selection.topic,
                visible: &self.overview.visible,
                topics: &self.overview.topics,
                question: self.selection.question,
                scroll_to: self.selection.sidebar_scroll.take(),
                news: &self.news,
                due: &self.due,
            };
            let (topic, question) = match sidebar_ui(ui, &input) {
                Some(SidebarAction::SelectTopic(t)) => (t, None),
                Some(SidebarAction::SelectQuestion(t, q)) => (t, Some(q)),
                None => return actions,
            };
            actions.push(Action::Select {
                topic,
                question,
                scroll_cards: true,
            });
        }
        actions
    }

    /// The notes panel on the right (the reading window's, or beside a review card), its
    /// actions queued.
    pub(super) fn notes_side_panel_ui(&mut self, ui: &mut egui::Ui, id: &'static str) {
        if self.notes_foldable(ui.ctx()) && !self.notes_panel.unfolded {
            let has_note = self
                .note_target()
                .and_then(|(t, q)| self.course.topics.get(t)?.questions.get(q))
                .is_some_and(|q| self.notes.store().get(&q.id).is_some());
            let lang = self.state.lang;
            let unfold = egui::Panel::right(egui::Id::unique(id).with("folded"))
                .resizable(false)
                .exact_size(48.0)
                .show(ui, |ui| folded_notes_ui(ui, lang, has_note))
                .inner;
            if unfold {
                self.notes_panel.unfolded = true;
                self.keep_selected_card_in_view();
            }
            return;
        }
        let notes_action = egui::Panel::right(id)
            .resizable(true)
            .default_size(380.0)
            .min_size(260.0)
            .show(ui, |ui| {
                let action = self.notes_ui(ui);
                self.asked_panel_ui(ui);
                action
            })
            .inner;
        match notes_action {
            Some(NotesAction::Edited) => self.push(Action::NoteEdited),
            Some(NotesAction::ToggleBookmark) => {
                self.push(Action::Command(crate::command::Command::ToggleBookmark));
            }
            Some(NotesAction::Publish) => {
                self.push(Action::Command(crate::command::Command::PublishAnswer));
            }
            Some(NotesAction::SetPublishCommit(on)) => self.state.publish_commit = on,
            Some(NotesAction::Fold) => {
                self.notes_panel.unfolded = false;
                self.keep_selected_card_in_view();
            }
            None => {}
        }
    }

    /// The notes panel on the question my typing goes to (the selected one, or the review
    /// card).
    fn notes_ui(&mut self, ui: &mut egui::Ui) -> Option<NotesAction> {
        let heading = self.note_heading().and_then(|(m, h)| {
            let material = self.course.library.materials.get(m)?;
            Some((material, material.headings.get(h)?))
        });
        let question = self
            .note_target()
            .filter(|_| heading.is_none())
            .and_then(|(t, q)| self.course.topics.get(t)?.questions.get(q));
        let target = match heading {
            Some((material, h)) => Some(Target {
                id: &h.id,
                text: format!("{} › {}", material.title, h.text).into(),
                open: false,
            }),
            None => question.map(Target::question),
        };
        let session = match heading {
            Some((material, _)) => Some(material.title.as_str()),
            None => question
                .and_then(|q| self.course.documents.get(q.document))
                .map(|d| d.title.as_str()),
        };
        let data_path = match session {
            Some(session) => self.notes.file_of(session),
            None => self.notes.location(),
        }
        .display()
        .to_string();
        let can_publish = heading.is_none() && self.can_publish();
        let publish_commit =
            (can_publish && self.publish_in_git()).then_some(self.state.publish_commit);
        let foldable = self.notes_foldable(ui.ctx());
        let editing = self.notes.editing();
        let note = target.as_ref().and_then(|t| editing.store.get(t.id));
        let input = NotesInput {
            can_publish,
            publish_commit,
            lang: self.state.lang,
            target,
            note,
            save: editing.status,
            data_path: &data_path,
            editable: session.is_some_and(|s| editing.store.can_write(s)),
            orphans: &self.overview.orphans,
            foldable,
        };
        notes_panel_ui(ui, &mut self.notes_panel, &input, editing.buffer)
    }
}
