//! The search box's state: the query, its results, the highlighted one, and the keys that
//! drive them.
//!
//! How the keys reach the results, at any typing speed. In one frame egui may deliver the
//! last letters of a query *and* the Enter that follows (a fast typist, a busy laptop,
//! `xdotool type`). The frame therefore goes:
//! 1. [`Search::take_keys`], before the top bar is drawn: while the box has focus, the keys
//!    of the command table's search-box keymap (↑/↓, Enter, Esc) are taken out of the
//!    input, so the box never sees them;
//! 2. the top bar draws the box, which inserts this frame's text into the query;
//! 3. [`Search::refresh`] runs the query as typed;
//! 4. the app applies the keys taken in step 1 to those fresh results.
//!
//! Where egui would move focus: a single-line `TextEdit` surrenders focus on Enter (it
//! never sees Enter here), and egui's own focus navigation takes Esc and ↑/↓ at the start
//! of a frame (`Focus::begin_pass`) unless the focused widget's event filter claims them.
//! The box claims them (see `ui::top_bar`), but egui applies a widget's filter only from
//! its second focused frame on; in the frame right after Ctrl+F, Esc or an arrow could
//! still drop or move focus before the app runs. `take_keys` therefore also acts when the
//! box had focus at the end of the previous frame, puts the focus back and cancels egui's
//! pending move. Either way the keys act on the results, never on the reading view.

use egui::text::{CCursor, CCursorRange};

use crate::command::{Command, Keymap, SearchCommand};

use crate::notes::Notebook;
use crate::search::{self, Hit, Query};
use crate::ui::top_bar::search_box_id;

/// The query, its hits, the highlighted hit.
#[derive(Default)]
pub(super) struct Search {
    /// Built once per content load.
    index: search::Index,
    /// The text in the box.
    pub query: String,
    /// The query the hits are for; `None` when they must be recomputed (new content, my
    /// notes changed).
    searched: Option<String>,
    hits: Vec<Hit>,
    /// The sections of the decks, labs and documents that match.
    doc_hits: Vec<search::DocHit>,
    cursor: usize,
    scroll_to_cursor: bool,
    /// The box had keyboard focus at the end of the last frame.
    had_focus: bool,
}

impl Search {
    /// The index of a new course (built where it was loaded); the query stays and runs
    /// again. Once per content load.
    /// Each question's related questions, computed with the index.
    pub(super) fn related(&self) -> &search::related::Related {
        self.index.related()
    }

    pub(super) fn set_index(&mut self, index: search::Index) {
        self.index = index;
        self.invalidate();
    }

    /// My notes changed (they are searched too): run the query again.
    pub(super) fn invalidate(&mut self) {
        self.searched = None;
    }

    /// Whether the sidebar shows results instead of topics.
    pub(super) fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    pub(super) fn hits(&self) -> &[Hit] {
        &self.hits
    }

    pub(super) fn doc_hits(&self) -> &[search::DocHit] {
        &self.doc_hits
    }

    pub(super) fn hit(&self, index: usize) -> Option<&Hit> {
        self.hits.get(index)
    }

    pub(super) fn cursor(&self) -> usize {
        self.cursor
    }

    /// Once per frame, for the results list: whether to bring the cursor into view.
    pub(super) fn take_scroll(&mut self) -> bool {
        std::mem::take(&mut self.scroll_to_cursor)
    }

    /// Runs the query if it changed since the hits were computed. Cheap when it did not.
    pub(super) fn refresh(&mut self, store: &Notebook) {
        if self.searched.as_deref() == Some(self.query.as_str()) {
            return;
        }
        let query = Query::parse(&self.query);
        let before = self.hits.get(self.cursor).map(|h| h.id.clone());
        self.hits = self.index.search(&query, |id| store.text(id), 200);
        self.doc_hits = self.index.search_documents(&query, 100);
        // A new query starts at the top; the same query re-run (my notes changed) keeps
        // the highlighted result where it still is.
        let same_query = self.searched.as_deref().is_none_or(|q| q == self.query);
        self.cursor = if same_query && before.is_some() {
            self.hits
                .iter()
                .position(|h| Some(&h.id) == before.as_ref())
                .unwrap_or(0)
        } else {
            0
        };
        self.searched = Some(self.query.clone());
        self.scroll_to_cursor = true;
    }

    /// Moves the highlighted result by `delta`, staying inside the list.
    pub(super) fn move_cursor(&mut self, delta: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        self.scroll_to_cursor = true;
    }

    /// The user opened hit `index` (click or Enter): it becomes the highlighted one.
    pub(super) fn set_cursor(&mut self, index: usize) {
        self.cursor = index.min(self.hits.len().saturating_sub(1));
    }

    /// Takes this frame's result keys out of the input, in the order they were pressed,
    /// while the box has focus (see the module comment). Before the top bar is drawn.
    pub(super) fn take_keys(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let id = search_box_id();
        let focused = ctx.memory(|m| m.has_focus(id));
        if !focused && !self.had_focus {
            return Vec::new();
        }
        let mut keys = Vec::new();
        ctx.input_mut(|i| {
            i.events.retain(|event| {
                let egui::Event::Key {
                    key,
                    pressed,
                    modifiers,
                    ..
                } = event
                else {
                    return true;
                };
                let Some(command) = Keymap::SearchBox.command_for(*key, *modifiers, true) else {
                    return true;
                };
                if *pressed {
                    keys.push(command);
                }
                false
            });
        });
        if keys.is_empty() {
            return keys;
        }
        let escape = keys.contains(&Command::Search(SearchCommand::Clear));
        ctx.memory_mut(|m| {
            // egui's focus navigation must not act on keys that belong to the results.
            m.move_focus(egui::FocusDirection::None);
            if !focused && !escape {
                m.request_focus(id);
            }
        });
        keys
    }

    /// Clears the query and hands the keyboard back to the reading view (Esc).
    pub(super) fn clear(&mut self, ctx: &egui::Context) {
        self.query.clear();
        ctx.memory_mut(|m| m.surrender_focus(search_box_id()));
    }

    /// Ctrl+F / Ctrl+K: focus the box with its text selected, so typing replaces the old
    /// query and Enter opens its first result again.
    pub(super) fn focus(&self, ctx: &egui::Context) {
        let id = search_box_id();
        ctx.memory_mut(|m| m.request_focus(id));
        let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
        let everything =
            CCursorRange::two(CCursor::new(0), CCursor::new(self.query.chars().count()));
        state.cursor.set_char_range(Some(everything));
        state.store(ctx, id);
    }

    /// Remembers whether the box has focus, for the next frame's keys. At the end of every
    /// frame.
    pub(super) fn end_frame(&mut self, ctx: &egui::Context) {
        self.had_focus = ctx.memory(|m| m.has_focus(search_box_id()));
    }
}

/// The search result the user opened, for its card to mark.
pub(super) fn found(query: &str, hit: Hit) -> crate::ui::viewer::Found {
    crate::ui::viewer::Found {
        question: hit.question,
        query: Query::parse(query),
        hit,
    }
}
