//! Presenting a deck of the textbook: its Marp slides one at a time over the whole screen,
//! each the largest page of the deck's shape the screen holds (black around it), in the
//! projector's colours, with the page number where Marp puts it. The keys are those of
//! presentation mode; the slide moves here, not the question.

use egui::{Color32, Frame};

use super::{Presenter, PresenterAction, SlideInput};
use crate::ui::slide::{SlideColors, SlideLook, page_rect, slide_ui};

/// The deck being presented and its slide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarpShow {
    /// Its index in the library's materials, and its path (which finds it after a reload).
    pub material: usize,
    pub path: String,
    pub slide: usize,
    pub count: usize,
}

impl MarpShow {
    /// → / Space / PageDown.
    pub fn next(&mut self) {
        self.slide = (self.slide + 1).min(self.count.saturating_sub(1));
    }

    /// ←.
    pub fn back(&mut self) {
        self.slide = self.slide.saturating_sub(1);
    }

    pub fn first(&mut self) {
        self.slide = 0;
    }

    pub fn last(&mut self) {
        self.slide = self.count.saturating_sub(1);
    }

    /// A typed slide number and Enter: that slide (from 1), or `Err` with how many there
    /// are.
    pub fn jump(&mut self, number: usize) -> Result<(), usize> {
        if number == 0 || number > self.count {
            return Err(self.count);
        }
        self.slide = number - 1;
        Ok(())
    }
}

/// The slide over the whole window; a click moves on, a right click back.
pub(super) fn marp_slide_ui(
    ui: &mut egui::Ui,
    p: &mut Presenter,
    input: &SlideInput<'_>,
) -> Option<PresenterAction> {
    let show = p.marp.as_ref()?;
    let material = input.course.library.materials.get(show.material)?;
    let deck = material.deck.as_ref()?;
    let mut action = None;
    egui::CentralPanel::default()
        .frame(Frame::new().fill(Color32::BLACK))
        .show(ui, |ui| {
            action = super::background_click(ui, input.lang, !p.help);
            let page = page_rect(ui.max_rect(), deck);
            let look = SlideLook {
                deck,
                index: show.slide,
                colors: SlideColors::projector(),
                projector: true,
                lang: input.lang,
            };
            ui.push_id(("marp", show.slide), |ui| slide_ui(ui, page, &look));
        });
    p.settling = false;
    action
}
