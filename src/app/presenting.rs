//! Presentation mode in the app: entering and leaving, slide keys, the slide frame.
//! The slides themselves are drawn by `ui::presenter`; the deck is `crate::deck`.

use super::{Action, Mode, StudyApp};
use crate::command::{Command, SlideCommand};
use crate::deck::{Deck, JumpError};
use crate::notes::SaveStatus;
use crate::ui::presenter::{Blank, Presenter, PresenterAction, SlideInput, presenter_ui};

impl StudyApp {
    /// Whether presentation mode is on.
    pub fn presenting(&self) -> bool {
        self.mode.presenter().is_some()
    }

    /// The slides, while presenting (tests read the deck).
    pub fn presenter(&self) -> Option<&Presenter> {
        self.mode.presenter()
    }

    /// F5: fullscreen slides from the selected question. Nothing of the reading layout is
    /// touched, so leaving finds it as it was.
    pub(super) fn enter_presentation(&mut self, ctx: &egui::Context) {
        if self.mode.presenter().is_some() {
            return;
        }
        let was_fullscreen = ctx.input(|i| i.viewport().fullscreen).unwrap_or(false);
        let deck = Deck::new(
            &self.course,
            self.selection.topic,
            self.selection.question,
            self.state.reveal_all,
        );
        self.mode = Mode::Presenting(Box::new(Presenter::new(deck, was_fullscreen)));
        // Whatever was just typed in the notes panel is kept before the slides take over.
        self.notes.save(ctx.input(|i| i.time), &mut self.notices);
        self.mode.set_help(false);
        self.viewer.full_image = None;
        // The slides take the keys: nothing of the reading window keeps focus.
        if let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
        if !was_fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
    }

    /// Esc: back to the reading window exactly as it was; the class's answers are saved.
    pub(super) fn exit_presentation(&mut self, ctx: &egui::Context) {
        let Some(p) = self.mode.take_presenter() else {
            return;
        };
        if !p.was_fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        self.notes.save(ctx.input(|i| i.time), &mut self.notices);
    }

    /// A slide key: move, scroll, blank, or open the note overlay.
    pub(super) fn slide_command(&mut self, ctx: &egui::Context, command: SlideCommand) {
        let Some(p) = self.mode.presenter_mut() else {
            return;
        };
        let before = p.deck.position();
        match command {
            SlideCommand::Next => {
                p.deck.forward();
            }
            SlideCommand::Prev => {
                p.deck.back();
            }
            SlideCommand::First => p.deck.first(),
            SlideCommand::Last => p.deck.last(),
            SlideCommand::ScrollDown | SlideCommand::ScrollUp => {
                let step = ctx.content_rect().height() * 0.4;
                p.scroll_by += if command == SlideCommand::ScrollDown {
                    step
                } else {
                    -step
                };
            }
            SlideCommand::BlankBlack => p.blank = Some(Blank::Black),
            SlideCommand::BlankWhite => p.blank = Some(Blank::White),
            // Only a question has a note; on a title slide N does nothing.
            SlideCommand::ClassNote => {
                if p.deck.question().is_some() {
                    p.note_open = true;
                    p.focus_note = true;
                }
            }
        }
        p.message = None;
        if p.deck.position() != before {
            p.note_open = false;
        }
    }

    /// Closes the note overlay (Esc or its button); what was typed is saved now, not a
    /// second later.
    pub(super) fn close_class_note(&mut self, now: f64) {
        if let Some(p) = self.mode.presenter_mut() {
            p.note_open = false;
        }
        self.notes.save(now, &mut self.notices);
    }

    /// Keys of presentation mode that are not commands, handled before the commands see
    /// them: any key after a blank, Esc in the note overlay or help, digits + Enter.
    pub(super) fn presenter_keys(&mut self, ctx: &egui::Context) {
        use egui::{Event, Key, Modifiers};
        let lang = self.state.lang;
        let Some(p) = self.mode.presenter_mut() else {
            return;
        };
        if p.blank.is_some() {
            let any = ctx.input(|i| {
                i.events.iter().any(|e| {
                    // A click returns on its release: the press fell on the blank screen,
                    // so the slide does not take it as a click of its own.
                    matches!(
                        e,
                        Event::Key { pressed: true, .. }
                            | Event::PointerButton { pressed: false, .. }
                    )
                })
            });
            if any {
                p.blank = None;
                // The key only brings the slide back; it does nothing else.
                ctx.input_mut(|i| {
                    i.events
                        .retain(|e| !matches!(e, Event::Key { .. } | Event::Text(_)));
                });
            }
            return;
        }
        if p.note_open {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
                self.push(Action::CloseClassNote);
            }
            return;
        }
        if p.help && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            p.help = false;
            return;
        }
        const DIGITS: [Key; 10] = [
            Key::Num0,
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        // In the order typed.
        ctx.input_mut(|i| {
            i.events.retain(|e| match e {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.is_none() => match DIGITS.iter().position(|d| d == key) {
                    Some(n) => {
                        if p.number.len() < 5 {
                            p.number.push(char::from(b'0' + n as u8));
                        }
                        p.message = None;
                        false
                    }
                    None => true,
                },
                _ => true,
            });
        });
        if p.number.is_empty() {
            return;
        }
        let (enter, back, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Backspace),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if back {
            p.number.pop();
        }
        if escape {
            p.number.clear();
        }
        if enter {
            let number = p.number.parse::<usize>().unwrap_or(0);
            p.number.clear();
            p.note_open = false;
            if let Err(JumpError::NoSuchQuestion { number, count }) =
                p.deck.jump(&self.course, number)
            {
                p.message = Some(lang.no_such_question(number, count));
            }
        }
    }

    /// Presentation mode: the slide over the whole window, nothing else.
    pub(super) fn slides_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let Some(p) = self.mode.presenter_mut() else {
            return;
        };
        let editing = self.notes.editing();
        let save_text = lang.save_status(editing.status);
        let input = SlideInput {
            course: &self.course,
            store: editing.store,
            lang,
            zoom: self.state.present_zoom,
            save_text: &save_text,
            save_failed: matches!(editing.status, SaveStatus::Failed(_)),
        };
        let shown = p.deck.question();
        let action = presenter_ui(ui, p, &input, editing.buffer);
        if let Some((t, q)) = shown {
            self.mark_seen(t, &[q]);
        }
        let action = match action {
            Some(PresenterAction::NoteEdited) => Action::NoteEdited,
            Some(PresenterAction::CloseNote) => Action::CloseClassNote,
            Some(PresenterAction::ToggleRevealAll) => Action::Command(Command::ToggleRevealAll),
            Some(PresenterAction::Next) => Action::Command(Command::Slide(SlideCommand::Next)),
            Some(PresenterAction::Back) => Action::Command(Command::Slide(SlideCommand::Prev)),
            None => return,
        };
        self.push(action);
    }
}
