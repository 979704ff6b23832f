//! Input-method compositions that end where they were typed. An editor owns the syllable
//! being composed (egui keeps it in the text, underlined); once the editor loses focus
//! (a click elsewhere, another question, a mode switch) the syllable is its text, as
//! Notepad commits it, and the composition is ended for egui too: a late event of the
//! input method (X11 sends an empty preedit when its context is made anew) must not clear
//! it in the editor later, nor land in another question's text.
//!
//! An input method may also commit the interrupted syllable after the focus moved (macOS
//! does, egui#7983): that commit is of text the first editor already kept, so it is
//! dropped before another editor could take it ([`drop_late_commit`]).
//!
//! Editors call [`track`] after showing their `TextEdit`; the app calls [`drop_late_commit`]
//! at the start of each frame and [`end_stale`] at its end.

/// Where the editor composing a syllable (and the syllable) is remembered between frames.
fn key() -> egui::Id {
    egui::Id::unique("study_companion::ime::composing")
}

/// Where the syllable of a composition ended by a focus change is remembered, with when.
fn ended_key() -> egui::Id {
    egui::Id::unique("study_companion::ime::ended")
}

/// How long after a composition ended by a focus change its commit counts as late.
const LATE_COMMIT_SECONDS: f64 = 1.0;

type Composing = Option<(egui::Id, String)>;

/// Notes whether the editor of `response` is composing, from this frame's IME events.
pub fn track(ctx: &egui::Context, response: &egui::Response) {
    if !response.has_focus() {
        return;
    }
    let composing = ctx.input(|i| {
        i.events.iter().fold(None, |state, event| match event {
            egui::Event::Ime(egui::ImeEvent::Preedit { text, .. }) => Some(text.clone()),
            egui::Event::Ime(egui::ImeEvent::Commit(_)) => Some(String::new()),
            _ => state,
        })
    });
    if let Some(text) = composing {
        let state: Composing = (!text.is_empty()).then_some((response.id, text));
        ctx.data_mut(|d| d.insert_temp(key(), state));
    }
}

/// Ends the composition of an editor that no longer has focus: its syllable stays in its
/// text, and egui forgets the composed range, so nothing the input method sends later
/// edits that text. Once per frame, after every editor.
pub fn end_stale(ctx: &egui::Context) {
    let Some((id, syllable)) = ctx.data(|d| d.get_temp::<Composing>(key())).flatten() else {
        return;
    };
    if ctx.memory(|m| m.has_focus(id)) {
        return;
    }
    if let Some(mut state) = egui::TextEdit::load_state(ctx, id) {
        // The cursor back to "anywhere": the next preedit starts at the cursor the user
        // sets, never over the composed range.
        state.cursor.set_char_range(None);
        state.store(ctx, id);
    }
    let now = ctx.input(|i| i.time);
    ctx.data_mut(|d| {
        d.insert_temp::<Composing>(key(), None);
        d.insert_temp(ended_key(), Some((syllable, now)));
    });
    log::debug!(target: "study_companion::ime", "composition in {id:?} ended: the editor lost focus");
}

/// Drops this frame's commit of a syllable whose composition a focus change ended just
/// before (its editor kept it): the input method commits it late, and it would otherwise
/// land a second time, in whatever editor has focus now. Once per frame, before any editor.
pub fn drop_late_commit(ctx: &egui::Context) {
    let Some((syllable, at)) = ctx
        .data(|d| d.get_temp::<Option<(String, f64)>>(ended_key()))
        .flatten()
    else {
        return;
    };
    let now = ctx.input(|i| i.time);
    if now - at > LATE_COMMIT_SECONDS {
        ctx.data_mut(|d| d.insert_temp::<Option<(String, f64)>>(ended_key(), None));
        return;
    }
    // A late commit comes alone; a new composition starts with a preedit, and then a
    // commit of the same syllable is newly typed.
    let mut dropped = false;
    let mut fresh = false;
    ctx.input_mut(|i| {
        i.events.retain(|event| match event {
            egui::Event::Ime(egui::ImeEvent::Preedit { text, .. }) if !text.is_empty() => {
                fresh = true;
                true
            }
            egui::Event::Ime(egui::ImeEvent::Commit(text))
                if !dropped && !fresh && *text == syllable =>
            {
                dropped = true;
                false
            }
            _ => true,
        });
    });
    if fresh && !dropped {
        ctx.data_mut(|d| d.insert_temp::<Option<(String, f64)>>(ended_key(), None));
        return;
    }
    if dropped {
        ctx.data_mut(|d| d.insert_temp::<Option<(String, f64)>>(ended_key(), None));
        log::debug!(target: "study_companion::ime", "a late commit of {syllable:?} dropped: its editor kept it");
    }
}
