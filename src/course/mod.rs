//! The course: class notes as documents, topics and questions. Pure data, no egui.
//!
//! Data flows one way: files → [`parse::parse_document`] → [`Course`] (immutable after load)
//! → the UI reads it.

pub mod builtin;
pub mod diff;
pub mod html;
mod id;
pub mod kind;
pub mod library;
pub mod links;
mod load;
pub mod marp;
pub mod parse;
mod prompt;
pub mod publish;
pub mod script;
pub mod shell;
pub mod synthetic;
pub mod terms;
pub mod text;
pub mod walk;

use std::collections::HashMap;

pub use id::{QuestionId, fingerprint, normalize_question};
pub use kind::Kind;
pub use library::{CourseGroup, Library, Material, outline_text, used_characters};
pub use load::{
    ImageBase, LoadError, ReadRefusal, load_builtin, load_path, load_path_within, load_sources,
    read_regular_file, scheme_of, shared_title,
};
pub use parse::{
    PARSER_OPTIONS, ParsedDocument, parse_document, visible_control, visible_controls,
};
pub use prompt::prompt_len;

/// An image is "huge" above this many bytes: it is not decoded, and the user is told.
pub const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;

/// One loaded course: the documents (class sessions) and the topics merged across them.
#[derive(Clone, Debug, Default)]
pub struct Course {
    /// Shown in the top bar: the single document's title, what the titles of several share
    /// ("MSP T3"), or the folder's name.
    pub title: String,
    pub documents: Vec<Document>,
    /// Topics in order of first appearance; same-named topics of several documents merged.
    pub topics: Vec<Topic>,
    /// Everything that went wrong while loading, each naming its file. Never silent.
    pub problems: Vec<Problem>,
    /// The sessions grouped into courses, and the documents that are not sessions (decks,
    /// labs, READMEs).
    pub library: Library,
    /// Where each question is: (topic, question) by id. Built once per load.
    index: HashMap<QuestionId, (usize, usize)>,
}

/// One markdown file: one class session.
#[derive(Clone, Debug)]
pub struct Document {
    /// The `#` heading, or the file name when there is none.
    pub title: String,
    /// Where the file came from, as shown to the user.
    pub source_name: String,
    /// Where relative image paths of this document point.
    pub image_base: ImageBase,
    /// Markdown between the title and the first topic, if any.
    pub preface: String,
    /// Its path inside the opened folder (`/`-separated); its file name when opened alone.
    pub path: String,
    /// Its short label ([`Self::short_label`]).
    label: String,
    /// Its own topics, in its order, with their question counts (the course's topics
    /// merge same-named ones of several sessions).
    pub topics: Vec<TopicCount>,
    /// The file it was read from, and a digest of its bytes then (a file changed on disk
    /// since is not written over); `None` for the built-in notes.
    pub file: Option<(std::path::PathBuf, u64)>,
}

/// A digest of a file's bytes, to tell whether it changed since it was read.
pub fn bytes_digest(bytes: &[u8]) -> u64 {
    use std::hash::Hasher as _;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// A topic of one session and how many of its questions it holds, and how many are open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicCount {
    pub name: String,
    pub questions: usize,
    pub open: usize,
}

impl Document {
    /// A short label for the session tag on a card: "23-5차" from "MSP T3 - 23-5차";
    /// "6차 (❁´◡`❁)" from "Docker & Kubernetes 노트 (MSP T2 6차) (❁´◡`❁)" (from its
    /// session number on, the parenthesis the number closes dropped).
    pub fn short_label(&self) -> &str {
        &self.label
    }

    /// What [`Self::short_label`] is for a session of that title (once, at load).
    pub fn label_of(title: &str) -> String {
        if let Some((_, last)) = title.rsplit_once(" - ")
            && !last.trim().is_empty()
        {
            return last.trim().to_owned();
        }
        library::session_part(title).unwrap_or_else(|| title.to_owned())
    }
}

/// A `##` section, merged by name across documents.
#[derive(Clone, Debug, Default)]
pub struct Topic {
    /// The heading text; empty for the general topic of a file without `##` headings.
    pub name: String,
    /// Markdown that is not a question (text before the first question, text after a break).
    pub intro: String,
    /// The intro is too large to render as markdown: shown as plain text, in part.
    pub intro_plain: Option<Oversize>,
    pub questions: Vec<Question>,
    /// How many questions are open; counted once per load (the sidebar shows it every frame).
    open: usize,
}

impl Topic {
    /// The general topic holds questions of a file that has no `##` headings.
    pub fn is_general(&self) -> bool {
        self.name.is_empty()
    }

    pub fn open_count(&self) -> usize {
        self.open
    }
}

/// A piece of a question's text: plain or `code`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
}

/// One question: a top-level list item under a topic.
#[derive(Clone, Debug)]
pub struct Question {
    pub id: QuestionId,
    /// The question's inline pieces (text and inline code), for headings.
    pub inlines: Vec<Inline>,
    /// The question as plain text, whitespace collapsed (sidebar, hover, search).
    pub text: String,
    /// The answer as it was written (markdown, de-indented), empty when there is none.
    pub answer: String,
    /// The answer split into its top-level blocks (each bullet, code block, image).
    pub blocks: Vec<AnswerBlock>,
    /// Index into [`Course::documents`]: the session this question came from.
    pub document: usize,
    open: bool,
}

impl Question {
    /// Open: no answer at all, or only placeholders (`...`, `…`, `TODO`, `?`).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The question's text as shown in a line or a heading: at most [`MAX_SHOWN_QUESTION`]
    /// characters (a hostile file's question can be megabytes), the rest cut with "…".
    pub fn shown_text(&self) -> std::borrow::Cow<'_, str> {
        shorten(&self.text, MAX_SHOWN_QUESTION)
    }

    /// The question's pieces as shown in a heading: cut like [`Self::shown_text`].
    pub fn shown_inlines(&self) -> std::borrow::Cow<'_, [Inline]> {
        let total: usize = self
            .inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Code(t) => t.len(),
            })
            .sum();
        // Bytes bound chars: short questions are never counted twice.
        if total <= MAX_SHOWN_QUESTION {
            return std::borrow::Cow::Borrowed(&self.inlines);
        }
        let mut left = MAX_SHOWN_QUESTION;
        let mut out = Vec::new();
        for inline in &self.inlines {
            let (text, code) = match inline {
                Inline::Text(t) => (t, false),
                Inline::Code(c) => (c, true),
            };
            let count = text.chars().take(left + 1).count();
            let piece = shorten(text, left).into_owned();
            out.push(if code {
                Inline::Code(piece)
            } else {
                Inline::Text(piece)
            });
            if count > left {
                break;
            }
            left -= count;
            if left == 0 {
                out.push(Inline::Text("…".into()));
                break;
            }
        }
        std::borrow::Cow::Owned(out)
    }

    /// The markdown source of one of its answer's blocks.
    pub fn source(&self, block: &AnswerBlock) -> &str {
        self.answer.get(block.source.clone()).unwrap_or("")
    }

    /// The answer as runs of markdown and stand-alone images, for the viewer.
    /// Called when a card is drawn; cheap (no parsing).
    pub fn segments(&self) -> Vec<Segment<'_>> {
        let mut out: Vec<Segment<'_>> = Vec::new();
        let mut run = String::new();
        let mut blocked: Vec<&str> = Vec::new();
        fn flush<'a>(out: &mut Vec<Segment<'a>>, run: &mut String, blocked: &mut Vec<&'a str>) {
            if !run.is_empty() {
                out.push(Segment::Markdown {
                    text: std::mem::take(run),
                    blocked_links: std::mem::take(blocked),
                });
            }
        }
        for block in &self.blocks {
            match &block.kind {
                BlockKind::Image(image) => {
                    flush(&mut out, &mut run, &mut blocked);
                    out.push(Segment::Image(image));
                }
                BlockKind::Code {
                    lang,
                    code,
                    longest_line,
                } => {
                    flush(&mut out, &mut run, &mut blocked);
                    out.push(Segment::Code {
                        lang,
                        code,
                        longest_line: *longest_line,
                    });
                }
                BlockKind::Markdown if block.plain.is_some() => {
                    flush(&mut out, &mut run, &mut blocked);
                    if let Some(why) = block.plain {
                        out.push(Segment::Plain {
                            text: self.source(block),
                            why,
                        });
                    }
                }
                BlockKind::Markdown => {
                    if !run.is_empty() {
                        run.push_str(if block.continues_list { "\n" } else { "\n\n" });
                    }
                    run.push_str(block.drawn.as_deref().unwrap_or(self.source(block)));
                    blocked.extend(block.blocked_links.iter().map(String::as_str));
                }
            }
        }
        flush(&mut out, &mut run, &mut blocked);
        out
    }
}

/// A top-level block of an answer.
#[derive(Clone, Debug)]
pub struct AnswerBlock {
    /// Where its markdown source is in the question's answer ([`Question::source`]).
    pub source: std::ops::Range<usize>,
    pub kind: BlockKind,
    /// A bullet that follows a bullet of the same list (joined without a blank line).
    pub continues_list: bool,
    /// Links of the block that are never opened (`javascript:`, `file:`, …): the viewer
    /// shows them without opening them.
    pub blocked_links: Vec<String>,
    /// Markdown too long or too deeply nested to render (a hostile file): shown as plain
    /// text, in part, instead.
    pub plain: Option<Oversize>,
    /// A block with raw HTML as it is drawn (its safe subset as markdown,
    /// [`html::drawn`]), made once at load; the source keeps the HTML as written.
    pub drawn: Option<String>,
}

/// Why a block of markdown is shown as plain text, in part: rendering it would take
/// seconds, gigabytes, or a stack deeper than a thread has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Oversize {
    /// Longer than [`MAX_RENDERED_BYTES`].
    Long { bytes: usize },
    /// A line longer than [`MAX_RENDERED_LINE`] characters.
    LongLine { chars: usize },
    /// Lists, quotes, emphasis or links nested deeper than [`MAX_RENDERED_DEPTH`].
    Deep { depth: usize },
    /// More than [`MAX_RENDERED_SPANS`] emphasis, link and code spans.
    Busy { spans: usize },
}

/// A question's text is shown up to this many characters.
pub const MAX_SHOWN_QUESTION: usize = 300;

/// `text` cut to `max` characters with "…" when longer.
pub fn shorten(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", text.get(..cut).unwrap_or(text))),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// A block of markdown longer than this is shown as plain text.
pub const MAX_RENDERED_BYTES: usize = 32 * 1024;
/// A line longer than this (in characters) makes its block plain text.
pub const MAX_RENDERED_LINE: usize = 4_000;
/// Nesting deeper than this makes a block plain text.
pub const MAX_RENDERED_DEPTH: usize = 12;
/// More inline spans than this make a block plain text.
pub const MAX_RENDERED_SPANS: usize = 1_500;

impl Oversize {
    /// Whether markdown with these measures is too much to render, and why.
    pub fn of(source: &str, depth: usize, spans: usize) -> Option<Self> {
        if source.len() > MAX_RENDERED_BYTES {
            return Some(Oversize::Long {
                bytes: source.len(),
            });
        }
        if depth > MAX_RENDERED_DEPTH {
            return Some(Oversize::Deep { depth });
        }
        if spans > MAX_RENDERED_SPANS {
            return Some(Oversize::Busy { spans });
        }
        if source.len() <= MAX_RENDERED_LINE {
            return None; // no line can be longer than the whole text
        }
        let longest = source.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        (longest > MAX_RENDERED_LINE).then_some(Oversize::LongLine { chars: longest })
    }
}

#[derive(Clone, Debug)]
pub enum BlockKind {
    Markdown,
    /// A code block (a terminal session, a Dockerfile): shown without wrapping.
    Code {
        /// The fence's language (`bash`), empty when none.
        lang: String,
        /// The code itself, without fences.
        code: String,
        /// Its longest line in characters.
        longest_line: usize,
    },
    /// A paragraph that is only an image.
    Image(ImageRef),
}

/// An image as written in the markdown, and where it resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef {
    /// As written: `img/expose-nginx_23-5.png`.
    pub url: String,
    pub alt: String,
    /// What an image loader is given (`bytes://builtin/…`, `file:///…`, `https://…`).
    pub uri: String,
    pub status: ImageStatus,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageStatus {
    Ok,
    Missing,
    TooLarge(u64),
    /// On the web: never fetched (the card offers to open it in the browser).
    Remote,
    /// Not loaded, for the reason given: the notes may only show images of their own folder.
    Refused(Refusal),
}

/// Why an image of the notes is not loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A relative path that leads out of the document's folder (`../../etc/passwd`).
    OutsideFolder,
    /// An absolute path (`/etc/passwd`, `C:\\…`).
    Absolute,
    /// A scheme other than http(s) and small `data:` images (`file:`, `javascript:`, …).
    Scheme(String),
    /// A `data:` image larger than the limit (its size in bytes).
    DataTooLarge(u64),
    /// Not a regular file (a folder, a device, a pipe).
    NotAFile,
}

/// `data:` images up to this many bytes (of the URL) are shown.
pub const MAX_DATA_IMAGE_BYTES: u64 = 2 * 1024 * 1024;

/// A class-notes `.md` file (a session, a document of the course) larger than this is not
/// read. (The app's own data files have [`crate::notes::MAX_DATA_FILE_BYTES`].)
pub const MAX_CLASS_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A piece of an answer as the viewer shows it.
#[derive(Clone, Debug)]
pub enum Segment<'a> {
    /// Markdown, and the links in it that must not be opened.
    Markdown {
        text: String,
        blocked_links: Vec<&'a str>,
    },
    /// Markdown too large to render: shown as plain text, in part.
    Plain {
        text: &'a str,
        why: Oversize,
    },
    Image(&'a ImageRef),
    /// A code block: its language, its text, its longest line in chars.
    Code {
        lang: &'a str,
        code: &'a str,
        longest_line: usize,
    },
}

/// Something that went wrong while loading, naming the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file (or folder) concerned, as shown to the user.
    pub file: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not valid UTF-8 (at this byte offset), nor UTF-16 nor CP949.
    NotUtf8 { offset: usize },
    /// Not a problem, but said: the file was in another encoding and was converted.
    Decoded(text::Decoded),
    /// The file or folder could not be read.
    Unreadable(String),
    /// The folder holds no markdown file.
    NoMarkdown,
    /// An image the notes reference does not exist.
    MissingImage { url: String },
    /// An image is too large to show.
    HugeImage { url: String, bytes: u64 },
    /// An image that is not loaded (outside the folder, another scheme, …).
    RefusedImage { url: String, reason: Refusal },
    /// Not a regular file (a pipe, a device, a socket): not read.
    NotAFile { kind: String },
    /// A notes file over the size limit: not read.
    TooLarge { bytes: u64 },
    /// The folder is larger than what is read of it: the files past the bound are not.
    Bound(walk::Bound),
    /// A link that leads out of the opened folder: not followed.
    LinkOutside,
}

impl Course {
    /// Builds the course from parsed documents, merging topics by name.
    /// Called once per content load.
    pub fn from_documents(
        title: String,
        parsed: Vec<ParsedDocument>,
        problems: Vec<Problem>,
    ) -> Self {
        let mut course = Course {
            title,
            problems,
            ..Default::default()
        };
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (doc_index, doc) in parsed.into_iter().enumerate() {
            let ParsedDocument {
                document,
                topics,
                problems,
            } = doc;
            course.problems.extend(problems);
            course.documents.push(document);
            for mut topic in topics {
                for q in &mut topic.questions {
                    q.document = doc_index;
                }
                let key = topic.name.trim().to_lowercase();
                match by_name.get(&key).and_then(|&i| course.topics.get_mut(i)) {
                    Some(existing) => {
                        if !topic.intro.is_empty() {
                            if !existing.intro.is_empty() {
                                existing.intro.push_str("\n\n");
                            }
                            existing.intro.push_str(&topic.intro);
                        }
                        existing.questions.append(&mut topic.questions);
                    }
                    None => {
                        by_name.insert(key, course.topics.len());
                        course.topics.push(topic);
                    }
                }
            }
        }
        course.dedupe_ids();
        for topic in &mut course.topics {
            topic.open = topic.questions.iter().filter(|q| q.is_open()).count();
        }
        course.index = course
            .topics
            .iter()
            .enumerate()
            .flat_map(|(ti, t)| {
                t.questions
                    .iter()
                    .enumerate()
                    .map(move |(qi, q)| (q.id.clone(), (ti, qi)))
            })
            .collect();
        // In file order, whatever stage found them.
        course.problems.sort_by(|a, b| a.file.cmp(&b.file));
        course
    }

    /// Two identical questions in one topic of one session would share an id; the second
    /// and later get a suffix so that notes never attach to the wrong one.
    fn dedupe_ids(&mut self) {
        let mut seen: HashMap<QuestionId, usize> = HashMap::new();
        for topic in &mut self.topics {
            for q in &mut topic.questions {
                let n = seen.entry(q.id.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    q.id = q.id.with_suffix(*n);
                }
            }
        }
    }

    pub fn question_count(&self) -> usize {
        self.topics.iter().map(|t| t.questions.len()).sum()
    }

    pub fn open_count(&self) -> usize {
        self.topics.iter().map(Topic::open_count).sum()
    }

    /// Whether a note with this id has its place in the course: a question, or a heading of
    /// a deck, a lab or a document. A note of neither is an orphan.
    pub fn knows(&self, id: &QuestionId) -> bool {
        self.index.contains_key(id) || self.library.heading_index.contains_key(id)
    }

    /// Finds a question by id: (topic index, question index). O(1).
    pub fn find(&self, id: &QuestionId) -> Option<(usize, usize)> {
        self.index.get(id).copied()
    }

    pub fn topic_index(&self, name: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.name == name)
    }
}
