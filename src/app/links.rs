//! Where the links clicked in the notes and the documents go.

use super::{Action, StudyApp};
use crate::course::links::{self, LinkTarget};
use crate::notice::Notice;

impl StudyApp {
    /// Links clicked this frame: web pages and mail leave the app, a link to another session
    /// of the course opens it here, anything else is refused and said. Every `OpenUrl` of the
    /// frame passes here, whichever widget asked for it.
    pub(super) fn route_links(&mut self, ctx: &egui::Context) {
        let blocked = self
            .viewer
            .refused_link
            .take()
            .or_else(|| self.mode.presenter_mut()?.refused_link.take());
        if let Some(url) = blocked {
            self.notices.push(Notice::LinkRefused(url));
        }
        let opened: Vec<egui::OpenUrl> = ctx.output_mut(|o| {
            let mut opened = Vec::new();
            o.commands.retain(|c| match c {
                egui::OutputCommand::OpenUrl(open) => {
                    opened.push(open.clone());
                    false
                }
                _ => true,
            });
            opened
        });
        for open in opened {
            match links::target(&open.url, &self.course) {
                LinkTarget::Outside => {
                    ctx.output_mut(|o| o.commands.push(egui::OutputCommand::OpenUrl(open)));
                }
                LinkTarget::Inside { topic, question } => self.push(Action::Select {
                    topic,
                    question: Some(question),
                    scroll_cards: true,
                }),
                LinkTarget::Material { index, section } => {
                    self.push(Action::OpenMaterial { index, section });
                }
                LinkTarget::NotInCourse => self.notices.push(Notice::LinkNotInCourse(open.url)),
                LinkTarget::Refused(_) => self.notices.push(Notice::LinkRefused(open.url)),
            }
        }
    }
}
