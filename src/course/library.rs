//! A course repository as a library: its Q&A sessions grouped into the courses their titles
//! name ("MSP T3", "MSP T2"), in course order, then the textbook's decks (교재), the labs
//! (실습) and the other documents (문서), in the order of the repository's contents page
//! where it has one, else in natural order.

use std::cmp::Ordering;

use super::kind::{Kind, front_matter};
use super::walk::{natural_cmp, natural_path_cmp};
use super::{Document, ImageBase};

/// The topic a heading note's id hashes, apart from any topic of a session.
pub const HEADING_TOPIC: &str = "§";

/// A document of the course that is not a Q&A session: a deck, a lab, a README.
#[derive(Clone, Debug)]
pub struct Material {
    pub kind: Kind,
    /// Its `#` heading (the first heading of a deck), else the file name.
    pub title: String,
    /// Its path inside the opened folder, `/`-separated.
    pub path: String,
    /// Where it came from, as shown to the user.
    pub source_name: String,
    pub image_base: ImageBase,
    /// The markdown, without a deck's front matter.
    pub body: String,
    /// Its headings, for the outline beside it.
    pub headings: Vec<Heading>,
    /// The body cut into the parts the viewer lays out one by one (at each heading, and
    /// at each slide of a deck): ranges of [`Self::body`].
    pub sections: Vec<std::ops::Range<usize>>,
    /// A deck's slides; a lab's numbered steps.
    pub slides: usize,
    pub steps: usize,
    /// A deck's slides as Marp cuts and draws them (its sections are its slides).
    pub deck: Option<super::marp::Deck>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// What a note on this heading is kept under: the document's title and the heading's
    /// text (so it follows the document wherever it is opened), numbered when repeated.
    pub id: super::QuestionId,
    pub level: u8,
    pub text: String,
    /// The section it opens (an index into [`Material::sections`]).
    pub section: usize,
}

/// The sessions of one course, in course order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseGroup {
    pub name: String,
    /// Indices into [`super::Course::documents`].
    pub sessions: Vec<usize>,
}

/// The whole repository as the sidebar lists it.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub groups: Vec<CourseGroup>,
    /// The GitHub repository (owner, name) the clone's remote names, if it is one: its
    /// `blob` addresses open the local files.
    pub repository: Option<(String, String)>,
    /// Decks, then labs, then documents, each in library order.
    pub materials: Vec<Material>,
    /// Where each heading note's heading is: (material, heading) by id. Built once per load.
    pub heading_index: std::collections::HashMap<super::QuestionId, (usize, usize)>,
}

impl Library {
    /// Indexes the headings' ids, once the materials are in their order.
    pub fn index_headings(&mut self) {
        self.heading_index = self
            .materials
            .iter()
            .enumerate()
            .flat_map(|(mi, m)| {
                m.headings
                    .iter()
                    .enumerate()
                    .map(move |(hi, h)| (h.id.clone(), (mi, hi)))
            })
            .collect();
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = (usize, &Material)> {
        self.materials
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.kind == kind)
    }
}

impl Material {
    /// A lab's steps: its numbered `##` headings (index into [`Self::headings`], heading).
    pub fn step_headings(&self) -> impl Iterator<Item = (usize, &Heading)> {
        self.headings
            .iter()
            .enumerate()
            .filter(|(_, h)| h.level == 2 && super::kind::is_numbered_step(&h.text))
    }

    /// Reads a non-session document: its title, headings, slides or steps.
    pub fn new(
        kind: Kind,
        text: &str,
        fallback_title: &str,
        path: String,
        source_name: String,
        image_base: ImageBase,
    ) -> Self {
        let composed = super::text::composed(text);
        let text = composed.as_ref();
        let (front, body) = match front_matter(text) {
            Some((front, start)) => (front, text.get(start..).unwrap_or("")),
            None => (Default::default(), text),
        };
        let body = super::html::drawn(body).into_owned();
        let (mut headings, mut sections) = headings_and_sections(&body);
        let deck = (kind == Kind::Deck).then(|| super::marp::deck(&body, &front, &image_base));
        if let Some(deck) = &deck {
            // A deck's sections are its slides; each heading is on its slide.
            let slide_of = |offset: usize| {
                deck.slides
                    .iter()
                    .rposition(|s| s.range.start <= offset)
                    .unwrap_or(0)
            };
            for h in &mut headings {
                h.section = slide_of(sections.get(h.section).map_or(0, |r| r.start));
            }
            sections = deck.slides.iter().map(|s| s.range.clone()).collect();
        }
        let slides = deck.as_ref().map_or(0, |d| d.slides.len());
        let title = headings
            .iter()
            .find(|h| h.level == 1)
            .or_else(|| headings.first())
            .map_or_else(
                || super::text::composed(fallback_title).into_owned(),
                |h| h.text.clone(),
            );
        let mut seen: std::collections::HashMap<super::QuestionId, usize> = Default::default();
        for h in &mut headings {
            let id = super::QuestionId::new(&title, HEADING_TOPIC, &h.text);
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            h.id = if *n > 1 { id.with_suffix(*n) } else { id };
        }
        let steps = headings
            .iter()
            .filter(|h| h.level == 2 && super::kind::is_numbered_step(&h.text))
            .count();
        Material {
            kind,
            title,
            path,
            source_name,
            image_base,
            body,
            headings,
            sections,
            slides,
            steps,
            deck,
        }
    }
}

/// The headings of `text` and its sections (a new one at each top-level heading or
/// thematic break). The viewer lays out one section at a time, and shows one too large to
/// render (a hostile file) as plain text.
fn headings_and_sections(text: &str) -> (Vec<Heading>, Vec<std::ops::Range<usize>>) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut headings = Vec::new();
    let mut starts = vec![0];
    let mut current: Option<(u8, String)> = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, super::PARSER_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 && matches!(tag, Tag::Heading { .. }) && range.start > 0 {
                    starts.push(range.start);
                }
                if let Tag::Heading { level, .. } = tag {
                    current = Some((level as u8, String::new()));
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if let (TagEnd::Heading(_), Some((level, t))) = (tag, current.take()) {
                    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !t.is_empty() {
                        headings.push(Heading {
                            id: super::QuestionId::placeholder(),
                            level,
                            text: t,
                            section: starts.len() - 1,
                        });
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = current.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Rule if depth == 0 => starts.push(range.start),
            _ => {}
        }
    }
    starts.dedup();
    let mut sections = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        sections.push(start..end);
    }
    (headings, sections)
}

/// The course a session's title names: the title before its session number (`23-5차`,
/// `6차`, `Week 3`), without the separators before it; what an unclosed parenthesis holds
/// when the number was inside one ("Docker & Kubernetes 노트 (MSP T2 6차)" → "MSP T2").
/// Empty when the title has no session number.
pub fn course_of_title(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| is_session_number(w)) else {
        return String::new();
    };
    let mut name = words[..at].join(" ");
    // "(MSP T2 6차)": the course is what the parenthesis holds.
    if let Some(open) = name.rfind('(')
        && !name[open..].contains(')')
    {
        let inside = name[open + 1..].trim();
        name = if inside.is_empty() {
            name[..open].to_owned()
        } else {
            inside.to_owned()
        };
    }
    let is_separator = |c: char| matches!(c, '-' | '·' | ':' | '|' | '—' | '–' | '/' | '(' | '[');
    name.trim().trim_end_matches(is_separator).trim().to_owned()
}

/// The title from its session number on ("6차 (❁´◡`❁)"), the `)` that closes a
/// parenthesis the number was in dropped; `None` when the title has no session number.
pub(crate) fn session_part(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let at = words.iter().position(|w| is_session_number(w))?;
    let number = words[at].trim_start_matches(['(', '[']);
    let number = match number.strip_suffix(')') {
        Some(n) if words[..at].iter().any(|w| w.contains('(')) => n,
        _ => number,
    };
    let mut rest = words[at + 1..].to_vec();
    if words[..at].iter().any(|w| w.contains('(')) && !number.ends_with(')') {
        // "(MSP T2 6차)": the `)` after the number closes the course's parenthesis.
        if let Some(first) = rest.first_mut()
            && let Some(stripped) = first.strip_prefix(')')
        {
            *first = stripped;
        }
    }
    let mut part = number.to_owned();
    for w in rest.into_iter().filter(|w| !w.is_empty()) {
        part.push(' ');
        part.push_str(w);
    }
    Some(part)
}

/// `23-5차`, `6차`, `3회`, `3주차`, `W3`, or an English session word and its number
/// (`Week`/`Day`/`Lecture`/`Session` are followed by one: checked on the word itself).
fn is_session_number(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '[']);
    let digits = w
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .count();
    if digits == 0 || !w.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let rest = &w[digits..];
    ["차", "회", "주차", "일차", "강"]
        .iter()
        .any(|s| rest.starts_with(s))
}

/// Groups the sessions (`documents`, each with its path) into courses: one per course name
/// their titles give, a session whose title names none with the others of its folder.
/// Groups come in the order of their first session's path; sessions in natural order of
/// their titles (then paths).
pub fn group_sessions(documents: &[Document]) -> Vec<CourseGroup> {
    let key = |d: &Document| -> String {
        let named = course_of_title(&d.title);
        if named.is_empty() {
            let folder = d.path.rsplit_once('/').map_or("", |(f, _)| f);
            format!("\u{0}{folder}")
        } else {
            named
        }
    };
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order
        .sort_by(|&a, &b| natural_path_cmp(documents[a].path.as_ref(), documents[b].path.as_ref()));
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for i in order {
        let k = key(&documents[i]);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, sessions)) => sessions.push(i),
            None => groups.push((k, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(key, mut sessions)| {
            sessions.sort_by(|&a, &b| {
                let (x, y) = (&documents[a], &documents[b]);
                natural_cmp(&x.title, &y.title).then_with(|| natural_cmp(&x.path, &y.path))
            });
            let name = match key.strip_prefix('\u{0}') {
                Some(_) => {
                    super::shared_title(sessions.iter().map(|&i| documents[i].title.as_str()))
                }
                None => key,
            };
            CourseGroup { name, sessions }
        })
        .collect()
}

/// Orders `materials` as the library lists them: decks, labs, documents; within each, in
/// the order the repository's contents page links them, else in natural order.
pub fn order_materials(materials: &mut [Material]) {
    let contents = contents_order(materials);
    let rank = |m: &Material| contents.iter().position(|p| *p == m.path);
    materials.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then_with(|| match (rank(a), rank(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => natural_path_cmp(a.path.as_ref(), b.path.as_ref()),
        })
    });
}

/// The paths the contents page links, in its order: the document whose relative links
/// name the most other materials (at least two).
fn contents_order(materials: &[Material]) -> Vec<String> {
    let mut best: Vec<String> = Vec::new();
    for m in materials.iter().filter(|m| m.kind == Kind::Doc) {
        let folder = m.path.rsplit_once('/').map_or("", |(f, _)| f);
        let mut linked: Vec<String> = Vec::new();
        for target in super::links::relative_targets(&m.body) {
            let path = super::links::join(folder, &target);
            if path != m.path && materials.iter().any(|o| o.path == path) && !linked.contains(&path)
            {
                linked.push(path);
            }
        }
        if linked.len() >= 2 && linked.len() > best.len() {
            best = linked;
        }
    }
    best
}

/// What the app found in an opened folder, in library order, for `--outline`: one line per
/// document, `KIND<TAB>TITLE<TAB>PATH<TAB>EXTRA` (`N slides` for a deck, `N steps` for a
/// lab), and under each session one line per topic, `<TAB>TOPIC<TAB>QUESTIONS<TAB>OPEN`.
pub fn outline_text(course: &super::Course) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::new();
    for group in &course.library.groups {
        for &i in &group.sessions {
            let Some(d) = course.documents.get(i) else {
                continue;
            };
            out += &format!("qa\t{}\t{}\t\n", clean(&d.title), clean(&d.path));
            for t in &d.topics {
                out += &format!("\t{}\t{}\t{}\n", clean(&t.name), t.questions, t.open);
            }
        }
    }
    for m in &course.library.materials {
        let extra = match m.kind {
            Kind::Deck => format!("{} slides", m.slides),
            Kind::Lab => format!("{} steps", m.steps),
            Kind::Qa | Kind::Doc => String::new(),
        };
        out += &format!(
            "{}\t{}\t{}\t{extra}\n",
            m.kind.code(),
            clean(&m.title),
            clean(&m.path)
        );
    }
    out
}

/// Every character the course's text uses (titles, topics, questions, answers, documents):
/// what the fonts must draw. One pass over the text; on the loader thread.
pub fn used_characters(course: &super::Course) -> std::collections::BTreeSet<char> {
    let mut chars = std::collections::BTreeSet::new();
    let mut add = |text: &str| chars.extend(text.chars());
    add(&course.title);
    for d in &course.documents {
        add(&d.title);
        add(&d.preface);
    }
    for t in &course.topics {
        add(&t.name);
        add(&t.intro);
        for q in &t.questions {
            add(&q.text);
            add(&q.answer);
        }
    }
    for m in &course.library.materials {
        add(&m.title);
        add(&m.body);
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_a_title_names() {
        assert_eq!(course_of_title("MSP T3 - 23-5차"), "MSP T3");
        assert_eq!(
            course_of_title("MSP T3 - 24-1차 (aws-track) ٩(ˊᗜˋ*)و"),
            "MSP T3"
        );
        assert_eq!(
            course_of_title("Docker & Kubernetes 노트 (MSP T2 6차)"),
            "MSP T2"
        );
        assert_eq!(course_of_title("MSP T2 - 10차 (✿◡‿◡)"), "MSP T2");
        assert_eq!(course_of_title("README"), "");
        assert_eq!(
            session_part("Docker & Kubernetes 노트 (MSP T2 6차) (❁´◡`❁)").as_deref(),
            Some("6차 (❁´◡`❁)")
        );
        assert_eq!(session_part("노트 23-3차").as_deref(), Some("23-3차"));
    }
}
