//! The open document's view in the app: a lab step's checkbox, a note on a heading, ▶ 발표
//! of a deck (its slides fullscreen, with the keys of presentation mode).

use super::{Mode, StudyApp};
use crate::ui::library::OutlinePick;
use crate::ui::material::MaterialAction;
use crate::ui::presenter::MarpShow;

impl StudyApp {
    /// Applies what was done in the open document's view.
    pub(super) fn material_action(&mut self, ctx: &egui::Context, done: MaterialAction) {
        match done {
            MaterialAction::Close => self.material = None,
            MaterialAction::StepDone { heading, done } => {
                let Some(id) = self.material_heading_id(heading) else {
                    return;
                };
                let now = ctx.input(|i| i.time);
                if !self
                    .notes
                    .set_done(&self.course, &id, done, now, &mut self.notices)
                {
                    log::warn!("a step was checked where no notes can be kept");
                }
            }
            MaterialAction::NoteOn(heading) => {
                if let Some(view) = self.material.as_mut() {
                    view.note_heading = Some(heading);
                }
                // ✎ 노트 asks for the panel: shown even where the window folds it.
                self.notes_panel.unfolded = true;
            }
            MaterialAction::Present(slide) => self.present_deck(ctx, slide),
        }
    }

    /// A heading or a slide picked in the outline: brought into view; a heading (or a
    /// slide's first one) is what the notes panel writes on.
    pub(super) fn outline_jump(&mut self, pick: OutlinePick) {
        let Some(view) = self.material.as_mut() else {
            return;
        };
        let Some(m) = self.course.library.materials.get(view.index) else {
            return;
        };
        let (section, heading) = match pick {
            OutlinePick::Heading(h) => match m.headings.get(h) {
                Some(heading) => (heading.section, Some(h)),
                None => return,
            },
            OutlinePick::Slide(s) => (s, m.headings.iter().position(|h| h.section == s)),
        };
        view.scroll_to = Some(section);
        if heading.is_some() {
            view.note_heading = heading;
        }
    }

    /// The id of heading `heading` of the open document.
    fn material_heading_id(&self, heading: usize) -> Option<crate::course::QuestionId> {
        let view = self.material.as_ref()?;
        let m = self.course.library.materials.get(view.index)?;
        Some(m.headings.get(heading)?.id.clone())
    }

    /// The deck open in the viewer, if one is: (its index, its path, its slide count).
    pub(super) fn open_deck(&self) -> Option<(usize, String, usize)> {
        let view = self.material.as_ref()?;
        let m = self.course.library.materials.get(view.index)?;
        m.deck.as_ref()?;
        Some((view.index, m.path.clone(), m.slides))
    }

    /// ▶ 발표 or F5 on a deck: its slides fullscreen from `slide`. Esc comes back to the
    /// deck's view as it was.
    pub(super) fn present_deck(&mut self, ctx: &egui::Context, slide: usize) {
        let Some((material, path, count)) = self.open_deck() else {
            return;
        };
        self.enter_presentation(ctx);
        if let Mode::Presenting(p) = &mut self.mode {
            p.marp = Some(MarpShow {
                material,
                path,
                slide: slide.min(count.saturating_sub(1)),
                count,
            });
        }
    }
}
