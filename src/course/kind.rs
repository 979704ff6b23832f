//! What kind of document a markdown file of a course is, told by its content (its name is
//! only a hint): a Q&A session, a slide deck, a lab, or another document.
//!
//! - **Deck**: Marp front matter (`marp: true`), or slides separated by `---` that each open
//!   with a heading.
//! - **Lab**: at least two numbered steps (`## 1. 이미지 검색하기`) and a terminal session
//!   (a code block with a shell prompt) or a "💻 명령어" quote.
//! - **Q&A session**: a list item that reads as a question (a `?`, or a Korean question's
//!   ending), or, failing that, questions with answers in a file that shows no sign of being
//!   something else (no task items, not named README, todo, index…).
//! - **Document**: the rest (a README, an appendix, a contents page, a course plan).
//!
//! Only Q&A sessions have questions; the others are read as documents.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::parse::PARSER_OPTIONS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Qa,
    Deck,
    Lab,
    Doc,
}

impl Kind {
    /// The word `--outline` prints.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Qa => "qa",
            Kind::Deck => "deck",
            Kind::Lab => "lab",
            Kind::Doc => "doc",
        }
    }
}

/// Marp's front matter: the `---` block at the very start of a deck.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `key: value` lines, in order, values unquoted.
    pub fields: Vec<(String, String)>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The front matter at the start of `text` and where the body starts after it.
pub fn front_matter(text: &str) -> Option<(FrontMatter, usize)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut offset = text.len() - rest.len();
    let mut fields = Vec::new();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return Some((FrontMatter { fields }, offset));
        }
        if let Some((key, value)) = line.split_once(':')
            && !key.starts_with([' ', '\t', '-', '#'])
        {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            fields.push((key.trim().to_owned(), value.to_owned()));
        }
        // A front matter is short; a file that opens with a rule and runs on is not one.
        if fields.len() > 64 || offset > 16 * 1024 {
            return None;
        }
    }
    None
}

/// What a file's shape says, counted in one walk over its events.
#[derive(Debug, Default)]
struct Shape {
    /// Top-level thematic breaks, and sections between them that open with a heading.
    rules: usize,
    sections: usize,
    sections_with_heading: usize,
    section_started: bool,
    /// Headings numbered as steps (`1. …`, `Step 2 …`).
    numbered_steps: usize,
    /// Code blocks holding a shell prompt; "💻 명령어" quotes.
    terminal_sessions: usize,
    command_quotes: usize,
    /// Top-level list items: all, task items, those that read as questions, those with an
    /// answer (nested, or the blocks after the list).
    items: usize,
    task_items: usize,
    question_like: usize,
    answered: usize,
}

/// The kind of the file named `name` (its file name, a hint) holding `text`.
pub fn classify(text: &str, name: &str) -> Kind {
    let (front, body) = match front_matter(text) {
        Some((front, start)) => (Some(front), text.get(start..).unwrap_or("")),
        None => (None, text),
    };
    if front
        .as_ref()
        .and_then(|f| f.get("marp"))
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return Kind::Deck;
    }
    let shape = shape_of(body);
    if shape.rules >= 2 && shape.sections >= 3 && shape.sections_with_heading == shape.sections {
        return Kind::Deck;
    }
    if shape.numbered_steps >= 2 && (shape.terminal_sessions + shape.command_quotes) >= 1 {
        return Kind::Lab;
    }
    if shape.question_like > 0 {
        return Kind::Qa;
    }
    let lower = name.to_lowercase();
    let doc_name = [
        "readme",
        "todo",
        "index",
        "contents",
        "license",
        "changelog",
        "appendix",
    ]
    .iter()
    .any(|hint| lower.contains(hint));
    if shape.answered > 0 && shape.task_items == 0 && !doc_name {
        Kind::Qa
    } else {
        Kind::Doc
    }
}

fn shape_of(text: &str) -> Shape {
    let mut walk = ShapeWalk::default();
    for event in Parser::new_ext(text, PARSER_OPTIONS) {
        match event {
            Event::Start(tag) => walk.start(&tag),
            Event::End(tag) => walk.end(tag),
            Event::Text(t) | Event::Code(t) => walk.text(&t),
            Event::TaskListMarker(_) => {
                if let Some((_, task, _)) = walk.item.as_mut() {
                    *task = true;
                }
            }
            Event::Rule if walk.depth == 0 => {
                walk.shape.rules += 1;
                walk.shape.section_started = false;
            }
            _ => {}
        }
    }
    walk.shape
}

/// The walk of [`shape_of`]: what is open while the events come.
#[derive(Default)]
struct ShapeWalk {
    shape: Shape,
    depth: usize,
    /// Inside a top-level list item: its text so far, whether it is a task, whether a
    /// nested block follows its text.
    item: Option<(String, bool, bool)>,
    heading: Option<String>,
    code: Option<String>,
    quote: Option<String>,
    /// A top-level list just ended: a block after it answers its last item.
    after_list: bool,
}

impl ShapeWalk {
    fn start(&mut self, tag: &Tag<'_>) {
        let shape = &mut self.shape;
        if self.depth == 0 {
            if !shape.section_started {
                shape.section_started = true;
                shape.sections += 1;
                shape.sections_with_heading += usize::from(matches!(tag, Tag::Heading { .. }));
            }
            if self.after_list && !matches!(tag, Tag::Heading { .. } | Tag::List(_)) {
                shape.answered += 1;
            }
            self.after_list = false;
        }
        match tag {
            Tag::Heading { .. } => self.heading = Some(String::new()),
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::BlockQuote(_) if self.quote.is_none() => self.quote = Some(String::new()),
            Tag::Item if self.depth == 1 => self.item = Some((String::new(), false, false)),
            _ => {}
        }
        let answer_block = matches!(
            tag,
            Tag::List(_) | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Paragraph | Tag::Table(_)
        );
        if self.depth >= 2
            && answer_block
            && let Some((text, _, answered)) = self.item.as_mut()
            && !text.trim().is_empty()
        {
            *answered = true;
        }
        self.depth += 1;
    }

    fn end(&mut self, tag: TagEnd) {
        self.depth = self.depth.saturating_sub(1);
        let shape = &mut self.shape;
        match tag {
            TagEnd::Heading(level) => {
                let step = self
                    .heading
                    .take()
                    .is_some_and(|h| level >= HeadingLevel::H2 && is_numbered_step(&h));
                shape.numbered_steps += usize::from(step);
            }
            TagEnd::CodeBlock => {
                let session = self.code.take().is_some_and(|c| has_prompt(&c));
                shape.terminal_sessions += usize::from(session);
            }
            TagEnd::BlockQuote(_) => {
                let command = self
                    .quote
                    .take()
                    .is_some_and(|q| q.contains("명령어") || q.contains("💻"));
                shape.command_quotes += usize::from(command);
            }
            TagEnd::List(_) if self.depth == 0 => self.after_list = true,
            TagEnd::Item if self.depth == 1 => {
                if let Some((text, task, answered)) = self.item.take() {
                    shape.items += 1;
                    if task {
                        shape.task_items += 1;
                    } else if is_question_like(&text) {
                        shape.question_like += 1;
                    }
                    shape.answered += usize::from(answered);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        for open in [&mut self.heading, &mut self.code, &mut self.quote]
            .into_iter()
            .flatten()
        {
            open.push_str(t);
        }
        if self.depth <= 3
            && let Some((text, _, answered)) = self.item.as_mut()
            && !*answered
        {
            text.push_str(t);
        }
    }
}

/// `1. 이미지 검색하기`, `2) …`, `Step 3: …`, `실습 4. …`.
pub(crate) fn is_numbered_step(heading: &str) -> bool {
    let h = heading.trim();
    let h = h
        .strip_prefix("Step")
        .or_else(|| h.strip_prefix("step"))
        .or_else(|| h.strip_prefix("실습"))
        .or_else(|| h.strip_prefix("단계"))
        .map_or(h, str::trim_start);
    let digits = h.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && h[digits..].starts_with(['.', ')', ':', ' '])
        && h[digits..]
            .trim_start_matches(['.', ')', ':', ' '])
            .chars()
            .next()
            .is_some()
}

/// A line that starts with a shell prompt: `user@host:~$ `, `ubuntu $ `, `$ `, `# `,
/// `PS C:\> `.
pub fn has_prompt(code: &str) -> bool {
    code.lines().any(|line| super::prompt_len(line).is_some())
}

/// A list item's text that reads as a question: a question mark, or a Korean question's
/// ending (`…나요`, `…까요`, `…인가요`, `…는지`, `…죠`).
pub fn is_question_like(text: &str) -> bool {
    let t = text.trim();
    if t.contains('?') || t.contains('？') {
        return true;
    }
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    [
        "나요",
        "까요",
        "가요",
        "는지",
        "은지",
        "죠",
        "니까",
        "을까",
        "ㄹ까",
        "할까",
        "된다면",
    ]
    .iter()
    .any(|ending| t.ends_with(ending))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marp_deck_by_its_front_matter_or_its_slides() {
        let marp = "---\nmarp: true\nsize: 16:9\ntheme: course\npaginate: true\n---\n\n# Docker\n\n---\n\n## 컨테이너\n\n- 격리된 프로세스\n";
        assert_eq!(classify(marp, "[Book] 01_Docker_Overview.md"), Kind::Deck);
        let (front, start) = front_matter(marp).expect("front matter");
        assert_eq!(front.get("size"), Some("16:9"));
        assert!(marp[start..].trim_start().starts_with("# Docker"));
        let slides = "# 제목\n\n---\n\n## 하나\n\n- 가\n\n---\n\n## 둘\n\n- 나\n";
        assert_eq!(classify(slides, "x.md"), Kind::Deck);
    }

    #[test]
    fn a_lab_by_its_numbered_steps_and_terminal_sessions() {
        let lab = "# 실습 1\n\n## Contents\n\n## 1. 이미지 검색하기\n\n```\nubuntu@ip-172-31-23-60:~$ docker search ubuntu\nNAME  DESCRIPTION\n```\n\n## 2. 이미지 받기\n\n> 💻 명령어\n> ```\n> docker pull ubuntu\n> ```\n";
        assert_eq!(classify(lab, "[Hands-on] 01.md"), Kind::Lab);
    }

    #[test]
    fn a_session_by_its_questions_and_the_rest_as_documents() {
        let seed = include_str!("../../content/msp-t3-23-5.md");
        assert_eq!(classify(seed, "msp-t3-23-5.md"), Kind::Qa);
        let todo = "# todo\n\n## 강의 계획\n\n- 1주차: Docker\n  - 이미지, 컨테이너\n- [x] 23-5차 노트 올리기\n- [ ] 실습 순서 바꾸기\n";
        assert_eq!(classify(todo, "todo.md"), Kind::Doc);
        let readme = "# MSP T3\n\n| 폴더 | 설명 |\n|---|---|\n| doc | 교재 |\n\n## 학습방법\n\n- 교재를 읽고 실습합니다\n";
        assert_eq!(classify(readme, "README.md"), Kind::Doc);
        // Questions without a question mark, with answers: still a session.
        let plain = "# 노트\n\n## 주제\n\n- 예제 1 (Tabs)\n\n  답\n";
        assert_eq!(classify(plain, "spec.md"), Kind::Qa);
        assert!(is_question_like("docker commit은 언제 쓰나요"));
        assert!(!is_question_like("Visual Studio Code"));
    }
}
