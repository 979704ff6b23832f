//! The library in the left panel: the courses of a repository with their sessions, then
//! the textbook's decks (교재), the labs (실습) and the other documents (문서); and, while a
//! document is open, its headings to jump to.

use egui::RichText;

use super::widgets::elided_label;
use crate::course::{Course, Kind, Material};
use crate::i18n::Lang;

/// What the user picked in the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryAction {
    /// A course of the repository (`None`: all of them), its topics in the sidebar.
    Group(Option<String>),
    /// One session of a course.
    Session { group: String, title: String },
    /// A deck, a lab or a document (an index into the library's materials).
    Material(usize),
}

pub struct LibraryInput<'a> {
    pub course: &'a Course,
    pub lang: Lang,
    /// The course and the session the reading window is narrowed to.
    pub group: Option<&'a str>,
    pub session: Option<&'a str>,
    /// The material open in the viewer.
    pub open: Option<usize>,
    /// My notes: a lab's steps done.
    pub notes: &'a crate::notes::Notebook,
}

/// Whether the course has more than one shelf to show: several courses, or documents that
/// are not sessions.
pub fn has_library(course: &Course) -> bool {
    course.library.groups.len() > 1 || !course.library.materials.is_empty()
}

/// The library, collapsible, above the topics.
pub fn library_ui(ui: &mut egui::Ui, input: &LibraryInput<'_>) -> Option<LibraryAction> {
    let lang = input.lang;
    let library = &input.course.library;
    let mut action = None;
    egui::CollapsingHeader::new(RichText::new(lang.library()).strong())
        .id_salt("library")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("library_scroll")
                .max_height(ui.available_height() * 0.45)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if library.groups.len() > 1 || input.open.is_some() {
                        let all = input.group.is_none() && input.open.is_none();
                        if ui.selectable_label(all, lang.all_courses()).clicked() {
                            action = Some(LibraryAction::Group(None));
                        }
                    }
                    for group in &library.groups {
                        if let Some(picked) = group_ui(ui, input, group) {
                            action = Some(picked);
                        }
                    }
                    for kind in [Kind::Deck, Kind::Lab, Kind::Doc] {
                        let mut shelf = library.of_kind(kind).peekable();
                        if shelf.peek().is_none() {
                            continue;
                        }
                        ui.add_space(4.0);
                        ui.label(RichText::new(lang.shelf(kind)).small().strong());
                        for (i, m) in shelf {
                            let selected = input.open == Some(i);
                            let text = format!("{}{}", m.title, extra(m, input.notes, lang));
                            if elided_label(ui, selected, &text, &m.path).clicked() {
                                action = Some(LibraryAction::Material(i));
                            }
                        }
                    }
                });
        });
    action
}

/// A course and, under it, its sessions.
fn group_ui(
    ui: &mut egui::Ui,
    input: &LibraryInput<'_>,
    group: &crate::course::CourseGroup,
) -> Option<LibraryAction> {
    let course = input.course;
    let mut action = None;
    let here = input.open.is_none() && input.group == Some(group.name.as_str());
    let name = if group.name.is_empty() {
        input.lang.untitled_course()
    } else {
        group.name.as_str()
    };
    let heading = format!("{name} ({})", group.sessions.len());
    if elided_label(ui, here && input.session.is_none(), &heading, name).clicked() {
        action = Some(LibraryAction::Group(Some(group.name.clone())));
    }
    ui.indent(("group", &group.name), |ui| {
        for &i in &group.sessions {
            let Some(d) = course.documents.get(i) else {
                continue;
            };
            let selected = here && input.session == Some(d.title.as_str());
            if elided_label(ui, selected, d.short_label(), &d.title).clicked() {
                action = Some(LibraryAction::Session {
                    group: group.name.clone(),
                    title: d.title.clone(),
                });
            }
        }
    });
    action
}

/// " · 3장", " · 4단계", " · 4단계 중 3단계": a deck's slides, a lab's steps and how many
/// are done.
fn extra(m: &Material, notes: &crate::notes::Notebook, lang: Lang) -> String {
    match m.kind {
        Kind::Deck if m.slides > 0 => format!(" · {}", lang.slide_count(m.slides)),
        Kind::Lab if m.steps > 0 => match notes.steps_done(m) {
            0 => format!(" · {}", lang.step_count(m.steps)),
            done => format!(" · {}", lang.steps_done(done, m.steps)),
        },
        _ => String::new(),
    }
}

/// What was picked in the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlinePick {
    /// A heading (an index into the document's headings).
    Heading(usize),
    /// A deck's slide.
    Slide(usize),
}

/// The open document's headings (a deck's slides, numbered); the one clicked.
pub fn outline_ui(ui: &mut egui::Ui, material: &Material, lang: Lang) -> Option<OutlinePick> {
    let mut picked = None;
    ui.label(RichText::new(lang.outline()).small().strong());
    egui::ScrollArea::vertical()
        .id_salt("material_outline")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(deck) = &material.deck {
                for (i, slide) in deck.slides.iter().enumerate() {
                    let title = if slide.title.is_empty() {
                        "—"
                    } else {
                        &slide.title
                    };
                    let text = format!("{}. {title}", i + 1);
                    if elided_label(ui, false, &text, &text).clicked() {
                        picked = Some(OutlinePick::Slide(i));
                    }
                }
                return;
            }
            for (i, h) in material.headings.iter().enumerate() {
                let indent = f32::from(h.level.saturating_sub(1).min(4)) * 10.0;
                let margin = egui::Margin {
                    left: indent as i8,
                    ..Default::default()
                };
                egui::Frame::NONE.inner_margin(margin).show(ui, |ui| {
                    if elided_label(ui, false, &h.text, &h.text).clicked() {
                        picked = Some(OutlinePick::Heading(i));
                    }
                });
            }
        });
    picked
}
