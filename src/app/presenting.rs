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

    /// A slide key: move, scroll, blank, jump to a typed number, or open or close the
    /// note overlay.
    pub(super) fn slide_command(&mut self, ctx: &egui::Context, command: SlideCommand) {
        let lang = self.state.lang;
        let Some(p) = self.mode.presenter_mut() else {
            return;
        };
        p.message = None;
        // Blanking and typing a number are the same whatever is presented.
        match command {
            SlideCommand::BlankBlack => p.blank = Some(Blank::Black),
            SlideCommand::BlankWhite => p.blank = Some(Blank::White),
            SlideCommand::Digit(digit) => {
                if p.number.len() < 5 {
                    p.number.push(char::from(b'0' + digit.min(9)));
                }
            }
            SlideCommand::EraseDigit => {
                p.number.pop();
            }
            SlideCommand::CancelNumber => p.number.clear(),
            SlideCommand::Next
            | SlideCommand::Prev
            | SlideCommand::First
            | SlideCommand::Last
            | SlideCommand::ScrollDown
            | SlideCommand::ScrollUp
            | SlideCommand::ClassNote
            | SlideCommand::CloseNote
            | SlideCommand::GoToNumber => {}
        }
        if let Some(show) = p.marp.as_mut() {
            match command {
                SlideCommand::Next => show.next(),
                SlideCommand::Prev => show.back(),
                SlideCommand::First => show.first(),
                SlideCommand::Last => show.last(),
                SlideCommand::GoToNumber => {
                    let number = take_number(&mut p.number);
                    if let Err(count) = show.jump(number) {
                        p.message = Some(lang.no_such_slide(number, count));
                    }
                }
                // A slide of the textbook has no answer to scroll nor a class note; the
                // rest was done above.
                SlideCommand::ScrollDown
                | SlideCommand::ScrollUp
                | SlideCommand::ClassNote
                | SlideCommand::CloseNote
                | SlideCommand::BlankBlack
                | SlideCommand::BlankWhite
                | SlideCommand::Digit(_)
                | SlideCommand::EraseDigit
                | SlideCommand::CancelNumber => {}
            }
            return;
        }
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
            // Only a question has a note; on a title slide N does nothing.
            SlideCommand::ClassNote => {
                if p.deck.question().is_some() {
                    p.note_open = true;
                    p.focus_note = true;
                }
            }
            SlideCommand::CloseNote => {
                p.note_open = false;
                // What was typed is saved now, not a second later.
                self.notes.save(ctx.input(|i| i.time), &mut self.notices);
                return;
            }
            SlideCommand::GoToNumber => {
                let number = take_number(&mut p.number);
                p.note_open = false;
                if let Err(JumpError::NoSuchQuestion { number, count }) =
                    p.deck.jump(&self.course, number)
                {
                    p.message = Some(lang.no_such_question(number, count));
                }
            }
            // Done above.
            SlideCommand::BlankBlack
            | SlideCommand::BlankWhite
            | SlideCommand::Digit(_)
            | SlideCommand::EraseDigit
            | SlideCommand::CancelNumber => {}
        }
        if p.deck.position() != before {
            p.note_open = false;
        }
    }

    /// After a blank screen, any key or click only brings the slide back (it is not a
    /// command: every key does it).
    pub(super) fn blank_returns(&mut self, ctx: &egui::Context) {
        use egui::Event;
        let Some(p) = self.mode.presenter_mut() else {
            return;
        };
        if p.blank.is_none() {
            return;
        }
        let any = ctx.input(|i| {
            i.events.iter().any(|e| {
                // A click returns on its release: the press fell on the blank screen, so
                // the slide does not take it as a click of its own.
                matches!(
                    e,
                    Event::Key { pressed: true, .. } | Event::PointerButton { pressed: false, .. }
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
    }

    /// Presentation mode: the slide over the whole window, nothing else.
    pub(super) fn slides_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.lang;
        let can_publish = self.can_publish();
        let Some(p) = self.mode.presenter_mut() else {
            return;
        };
        let editing = self.notes.editing();
        let save_text = lang.save_status(editing.status);
        let input = SlideInput {
            can_publish,
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
            Some(PresenterAction::CloseNote) => {
                Action::Command(Command::Slide(SlideCommand::CloseNote))
            }
            Some(PresenterAction::ToggleRevealAll) => Action::Command(Command::ToggleRevealAll),
            Some(PresenterAction::Next) => Action::Command(Command::Slide(SlideCommand::Next)),
            Some(PresenterAction::Back) => Action::Command(Command::Slide(SlideCommand::Prev)),
            Some(PresenterAction::Publish) => Action::Command(Command::PublishAnswer),
            None => return,
        };
        self.push(action);
    }
}

/// The number typed so far (0 when none), and the typing cleared.
fn take_number(typed: &mut String) -> usize {
    let number = typed.parse::<usize>().unwrap_or(0);
    typed.clear();
    number
}
