//! Markdown → documents, topics and questions.
//!
//! The shape of a class-notes file: `#` is the session title, `##` a topic, each top-level
//! list item under a topic a question. Its answer is its nested blocks plus every block that
//! follows it (code blocks, images, paragraphs) until the next top-level item, heading or
//! thematic break. Answers keep their original markdown source.

use pulldown_cmark::HeadingLevel;

mod outline;
mod plan;

pub use outline::PARSER_OPTIONS;

use outline::{Block, Span, outline};

use super::{
    AnswerBlock, BlockKind, Document, ImageBase, ImageRef, ImageStatus, Inline, Oversize, Problem,
    Question, QuestionId, Topic,
};

/// The result of parsing one file, before topics are merged into a course.
#[derive(Clone, Debug)]
pub struct ParsedDocument {
    pub document: Document,
    pub topics: Vec<Topic>,
    pub problems: Vec<Problem>,
}

/// Parses one markdown file. `fallback_title` (the file name) is used when there is no `#`.
/// Never fails: any text is some markdown. Called once per file per content load.
pub fn parse_document(
    text: &str,
    fallback_title: &str,
    source_name: &str,
    image_base: ImageBase,
) -> ParsedDocument {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Decomposed Hangul (NFD) composed, as it is drawn.
    let composed = super::text::composed(text);
    let text = composed.as_ref();
    // CRLF → LF once, so that every source span we copy is clean.
    let owned;
    let text = if text.contains('\r') {
        owned = text.replace("\r\n", "\n").replace('\r', "\n");
        owned.as_str()
    } else {
        text
    };
    // Control characters (a NUL byte in a hostile file) and U+FFFD have no glyph in any
    // font: shown as their pictures (␀) and □ instead of boxes of nothing.
    let visible;
    let text = if has_invisible(text) {
        visible = visible_controls(text);
        visible.as_str()
    } else {
        text
    };

    let blocks = outline(text);
    let plan = plan::plan(&blocks);
    let mut b = Builder {
        text,
        title: None,
        title_key: None,
        preface: String::new(),
        topics: Vec::new(),
        topic_keys: Vec::new(),
        current_topic: None,
        current_question: None,
        image_base,
        source_name: source_name.to_owned(),
        problems: Vec::new(),
    };
    for (i, block) in blocks.into_iter().enumerate() {
        b.block(block, i, &plan);
    }
    b.finish_question();

    let title = b
        .title
        .clone()
        .unwrap_or_else(|| super::text::composed(fallback_title).into_owned());
    let mut topics = std::mem::take(&mut b.topics);
    // Questions before the `#` title, or in a file without one, get their ids now.
    let title_key = super::normalize_question(&title);
    for (topic, topic_key) in topics.iter_mut().zip(&b.topic_keys) {
        for q in &mut topic.questions {
            if q.id.is_unset() {
                q.id = QuestionId::from_normalized(&title_key, topic_key, &q.text);
            }
        }
        topic.open = topic.questions.iter().filter(|q| q.is_open()).count();
        // The topic's material is shown as markdown: its raw HTML in the safe subset.
        if topic.intro.contains('<') {
            topic.intro = super::html::drawn(&topic.intro).into_owned();
        }
    }
    ParsedDocument {
        document: Document {
            label: Document::label_of(&title),
            title,
            path: source_name.to_owned(),
            source_name: b.source_name,
            image_base: b.image_base,
            preface: b.preface,
            topics: topics
                .iter()
                .map(|t| super::TopicCount {
                    name: t.name.clone(),
                    questions: t.questions.len(),
                    open: t.open,
                })
                .collect(),
            file: None,
        },
        topics,
        problems: b.problems,
    }
}

/// Whether `text` has a control character other than newline and tab, or U+FFFD. Byte by
/// byte (the text is long, and almost never has one): C0 and DEL are single bytes, C1
/// (U+0080…U+009F) is 0xC2 then 0x80…0x9F, and U+FFFD is EF BF BD.
fn has_invisible(text: &str) -> bool {
    const CHUNK: usize = 64;
    // A branch-free pass, which the compiler vectorizes, finds the first chunk with a byte
    // that may start one (0xC2 and 0xEF also start `·` and full-width forms); the exact
    // rules run from there. A chunk may start inside a character: its continuation bytes
    // (0x80…0xBF) match nothing.
    // Bitwise `&` and `|`, not `&&`: no branch per byte.
    let suspect = |b: u8| {
        u8::from(b < 0x20) & u8::from(b != b'\n') & u8::from(b != b'\t')
            | u8::from(b == 0x7f)
            | u8::from(b == 0xc2)
            | u8::from(b == 0xef)
    };
    let Some(first) = text
        .as_bytes()
        .chunks(CHUNK)
        .position(|chunk| chunk.iter().fold(0, |any, &b| any | suspect(b)) != 0)
    else {
        return false;
    };
    let bytes = &text.as_bytes()[first * CHUNK..];
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => false,
        0..0x20 | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)),
        0xef => bytes.get(i + 1..i + 3) == Some(&[0xbf, 0xbd]),
        _ => false,
    })
}

/// `text` with C0 control characters as their Unicode pictures (U+2400…), DEL as ␡, other
/// controls and U+FFFD as □.
pub fn visible_controls(text: &str) -> String {
    text.chars().map(visible_control).collect()
}

/// One character as [`visible_controls`] draws it: the one picture of control characters
/// wherever the app shows text.
pub fn visible_control(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('□'),
        '\u{7f}' => '␡',
        c if c.is_control() || c == '\u{fffd}' => '□',
        c => c,
    }
}

/// What a question's answer is built from while parsing.
struct PendingQuestion {
    inlines: Vec<Inline>,
    spans: Vec<Span>,
}

struct Builder<'a> {
    text: &'a str,
    title: Option<String>,
    /// The title and each topic's name as ids hash them (see [`QuestionId`]).
    title_key: Option<String>,
    preface: String,
    topics: Vec<Topic>,
    topic_keys: Vec<String>,
    current_topic: Option<usize>,
    current_question: Option<PendingQuestion>,
    image_base: ImageBase,
    source_name: String,
    problems: Vec<Problem>,
}

impl Builder<'_> {
    /// Block `i` of the file, as `plan` reads the file's shape.
    fn block(&mut self, block: Block, i: usize, plan: &plan::Plan) {
        match block {
            Block::Heading { level, text } => {
                self.finish_question();
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if level == HeadingLevel::H1 && self.title.is_none() {
                    self.title_key = Some(super::normalize_question(&text));
                    self.title = Some(text);
                    return;
                }
                let rank = plan::topic_rank(level);
                let hashes = "#".repeat(level as usize);
                if rank < plan.topic_level {
                    // A container of topics (`## Q&A` above `### Docker`), or a section
                    // that is not Q&A at that level (`## Playlist`): no topic.
                    self.current_topic = None;
                    self.add_loose(format!("{hashes} {text}"), None);
                } else if rank == plan.topic_level
                    && (plan.topic_level == 2
                        || plan.holds_questions[i]
                        || self.current_topic.is_none())
                {
                    self.start_topic(text);
                } else {
                    // Below the topics, or a heading of the topics' level that holds no
                    // questions (a summary, a table of commands): material of the topic.
                    self.add_loose(format!("{hashes} {text}"), None);
                }
            }
            Block::Rule => self.finish_question(),
            Block::List { items, range }
                if !plan.question_list[i]
                    || (self.current_topic.is_none()
                        && plan.first_topic.is_some_and(|first| i < first)
                        && !plan.asks[i]) =>
            {
                // Not questions (a playlist, a task list, a course plan before the first
                // topic): the session's intro or the topic's material.
                self.finish_question();
                let src = self.text.get(range).unwrap_or("").trim_end().to_owned();
                let children = items.iter().flat_map(|it| &it.children);
                let depth = children.clone().map(|s| s.max_depth + 2).max().unwrap_or(1);
                let spans = children.map(|s| s.inline_spans).sum();
                let plain = Oversize::of(&src, depth, spans);
                self.add_loose(src, plain);
            }
            Block::List { items, .. } => {
                for item in items {
                    self.finish_question();
                    let mut spans = item.children;
                    for s in &mut spans {
                        s.indent = column(self.text, s.range.start);
                    }
                    self.current_question = Some(PendingQuestion {
                        inlines: item.inlines,
                        spans,
                    });
                }
            }
            Block::Other(span) => match self.current_question.as_mut() {
                Some(q) => q.spans.push(span),
                None => {
                    let src = self
                        .text
                        .get(span.range.clone())
                        .unwrap_or("")
                        .trim_end()
                        .to_owned();
                    let src = self.with_definitions(src, &span);
                    let plain = Oversize::of(&src, span.max_depth, span.inline_spans);
                    self.add_loose(src, plain);
                }
            },
        }
    }

    /// `source` followed by the reference definitions its links use that are not in it:
    /// each block is rendered on its own, and `[docs][1]` needs its `[1]: https://…`.
    fn with_definitions(&self, mut source: String, span: &Span) -> String {
        self.push_definitions(&mut source, span);
        source
    }

    /// Appends to `out` the definitions [`Self::with_definitions`] adds.
    fn push_definitions(&self, out: &mut String, span: &Span) {
        let mut added = 0;
        for range in &span.definitions {
            if range.start >= span.range.start && range.end <= span.range.end {
                continue;
            }
            added += 1;
            let definition = self.text.get(range.clone()).unwrap_or("");
            out.push_str(if added == 1 { "\n\n" } else { "\n" });
            for (n, line) in definition.trim().lines().enumerate() {
                if n > 0 {
                    out.push('\n');
                }
                out.push_str(line.trim_start());
            }
        }
    }

    fn start_topic(&mut self, name: String) {
        let key = name.to_lowercase();
        let index = match self
            .topics
            .iter()
            .position(|t| t.name.to_lowercase() == key)
        {
            Some(i) => i,
            None => self.push_topic(Topic {
                name,
                ..Default::default()
            }),
        };
        self.current_topic = Some(index);
    }

    fn push_topic(&mut self, topic: Topic) -> usize {
        self.topic_keys.push(super::normalize_question(&topic.name));
        self.topics.push(topic);
        self.topics.len() - 1
    }

    /// Markdown that belongs to no question: the preface before the first topic, or the
    /// topic's intro.
    fn add_loose(&mut self, source: String, plain: Option<Oversize>) {
        if source.trim().is_empty() {
            return;
        }
        let (target, target_plain) = match self.current_topic.and_then(|i| self.topics.get_mut(i)) {
            Some(topic) => (&mut topic.intro, Some(&mut topic.intro_plain)),
            None => (&mut self.preface, None),
        };
        if !target.is_empty() {
            target.push_str("\n\n");
        }
        target.push_str(&source);
        if let Some(target_plain) = target_plain {
            *target_plain = target_plain
                .or(plain)
                .or_else(|| Oversize::of(target, 0, 0));
        }
    }

    /// The topic questions go to now, created if there is none.
    fn topic_index(&mut self) -> usize {
        match self.current_topic {
            Some(i) if i < self.topics.len() => i,
            _ => {
                // Questions before any `##`: the general topic (empty name).
                let i = match self.topics.iter().position(Topic::is_general) {
                    Some(i) => i,
                    None => self.push_topic(Topic::default()),
                };
                self.current_topic = Some(i);
                i
            }
        }
    }

    fn finish_question(&mut self) {
        let Some(pending) = self.current_question.take() else {
            return;
        };
        let mut blocks = Vec::new();
        let mut rich = false;
        let mut only_placeholders = true;
        // The answer is written once; each block is a range of it. Bullets of one list
        // stay one list (a single newline between them), other blocks are paragraphs.
        let capacity = pending.spans.iter().map(|s| s.range.len() + 2).sum();
        let mut answer = String::with_capacity(capacity);
        for span in pending.spans {
            rich |= span.rich;
            only_placeholders &= !span.has_answer_words;
            let raw = self.text.get(span.range.clone()).unwrap_or("");
            let before = answer.len();
            if !answer.is_empty() {
                answer.push_str(if span.continues_list { "\n" } else { "\n\n" });
            }
            let start = answer.len();
            dedent_into(&mut answer, raw, span.indent);
            if answer.len() == start {
                answer.truncate(before);
                continue;
            }
            let kind = self.block_kind(&span);
            if let BlockKind::Markdown = kind {
                self.push_definitions(&mut answer, &span);
            }
            let source = start..answer.len();
            let plain = match kind {
                BlockKind::Markdown => Oversize::of(
                    answer.get(source.clone()).unwrap_or(""),
                    span.max_depth,
                    span.inline_spans,
                ),
                BlockKind::Code { .. } | BlockKind::Image(_) => None,
            };
            let drawn = span
                .html
                .then(|| super::html::drawn(answer.get(source.clone()).unwrap_or("")))
                .map(std::borrow::Cow::into_owned);
            blocks.push(AnswerBlock {
                source,
                kind,
                continues_list: span.continues_list,
                blocked_links: span.blocked_links,
                drawn,
                plain,
            });
        }
        let text = plain_text(&pending.inlines);
        if text.is_empty() {
            // An empty bullet asks nothing: what is nested under it is the topic's text.
            for block in blocks {
                let source = answer.get(block.source).unwrap_or("").to_owned();
                self.add_loose(source, block.plain);
            }
            return;
        }
        let open = !rich && only_placeholders;
        let topic = self.topic_index();
        // The id while the text is fresh in the cache; once the title is known at the end
        // when the `#` comes later or never.
        let id = match (&self.title_key, self.topic_keys.get(topic)) {
            (Some(title), Some(topic)) => QuestionId::from_normalized(title, topic, &text),
            _ => QuestionId::placeholder(),
        };
        let question = Question {
            id,
            inlines: pending.inlines,
            text,
            answer,
            blocks,
            document: 0,
            open,
        };
        if let Some(topic) = self.topics.get_mut(topic) {
            topic.questions.push(question);
        }
    }

    /// What a child block of a question is: code, a lone image, or markdown (whose images
    /// are checked for the warnings they may give).
    fn block_kind(&mut self, span: &Span) -> BlockKind {
        match span.images.first() {
            _ if span.code => {
                let code = span.code_text.strip_suffix('\n').unwrap_or(&span.code_text);
                BlockKind::Code {
                    longest_line: code.lines().map(|l| l.chars().count()).max().unwrap_or(0),
                    code: code.to_owned(),
                    lang: span.code_lang.clone(),
                }
            }
            Some((url, alt)) if span.lone_image => BlockKind::Image(self.image(url, alt)),
            _ => {
                for (url, alt) in &span.images {
                    // Checked for the warning it may give; rendered by the markdown viewer.
                    self.image(url, alt);
                }
                BlockKind::Markdown
            }
        }
    }

    /// Resolves an image reference and reports it if it is missing or huge.
    fn image(&mut self, url: &str, alt: &str) -> ImageRef {
        let (uri, status) = self.image_base.resolve(url);
        let kind = match status {
            ImageStatus::Missing => Some(super::ProblemKind::MissingImage {
                url: url.to_owned(),
            }),
            ImageStatus::TooLarge(bytes) => Some(super::ProblemKind::HugeImage {
                url: url.to_owned(),
                bytes,
            }),
            ImageStatus::Refused(ref reason) => Some(super::ProblemKind::RefusedImage {
                url: url.to_owned(),
                reason: reason.clone(),
            }),
            ImageStatus::Ok | ImageStatus::Remote => None,
        };
        if let Some(kind) = kind {
            let problem = Problem {
                file: self.source_name.clone(),
                kind,
            };
            if !self.problems.contains(&problem) {
                self.problems.push(problem);
            }
        }
        ImageRef {
            url: url.to_owned(),
            alt: alt.to_owned(),
            uri,
            status,
        }
    }
}

/// `...`, `…`, `TODO`, `?` and the like: text that says "no answer yet".
fn is_placeholder_word(word: &str) -> bool {
    let w = word.trim();
    w.is_empty()
        || w.chars()
            .all(|c| matches!(c, '.' | '…' | '?' | '？' | '-' | '_' | '~' | '·'))
        || ["todo", "tbd", "todo:", "tbd:"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
}

/// The question's text: its inlines with every run of whitespace as one space, trimmed.
fn plain_text(inlines: &[Inline]) -> String {
    let len = inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Code(t) => t.len(),
        })
        .sum();
    let mut s = String::with_capacity(len);
    // A space is written only before the next word, so none ends the text.
    let mut space = false;
    for i in inlines {
        let (Inline::Text(t) | Inline::Code(t)) = i;
        for (n, word) in t.split(is_whitespace).enumerate() {
            space |= n > 0;
            if word.is_empty() {
                continue;
            }
            if space && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            s.push_str(word);
        }
    }
    s
}

/// `char::is_whitespace`, with Hangul syllables (most of a Korean text) answered before
/// Unicode's table is looked up.
fn is_whitespace(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c == '\u{b}'
    } else {
        !('\u{ac00}'..='\u{d7a3}').contains(&c) && c.is_whitespace()
    }
}

/// The column (in bytes from the line start) of `offset`.
fn column(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or("");
    match before.rfind('\n') {
        Some(nl) => offset - nl - 1,
        None => offset,
    }
}

/// Appends `source` to `out` with up to `indent` leading spaces stripped from every line but
/// the first (which starts at the block itself), so a nested block reads as top-level
/// markdown; trailing whitespace goes.
fn dedent_into(out: &mut String, source: &str, indent: usize) {
    let source = source.trim_end();
    if indent == 0 {
        out.push_str(source);
        return;
    }
    for (i, line) in source.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            let spaces = line.bytes().take(indent).take_while(|&b| b == b' ').count();
            out.push_str(&line[spaces..]);
        } else {
            out.push_str(line);
        }
    }
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
