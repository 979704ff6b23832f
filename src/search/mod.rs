//! Korean-aware search over questions, answers and my notes. Pure Rust, no egui.
//!
//! No whitespace tokenizing (it fails on Hangul, as mdBook's search does): every query term
//! is a substring match. Latin is case-insensitive. A Hangul consonant in the query (ㄱ…ㅎ)
//! matches any syllable that starts with it, so "ㅋㅌㅇㄴ" finds 컨테이너; the last syllable
//! of the query may be unfinished ("컨테ㅇ", "컨텡" while typing 컨테이너). Terms separated by
//! spaces must all match ("docker ㅇㅁㅈ").

mod documents;
mod filter;
mod hangul;
pub mod related;

pub use documents::DocHit;
pub use filter::Filter;

use crate::course::{Course, QuestionId};

pub use hangul::{choseong, is_choseong_jamo};

/// Where a match was found; question text ranks first, then the answer, then my notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Question,
    Answer,
    Note,
}

/// One result: the question, where the first term matched, and a snippet around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub topic: usize,
    pub question: usize,
    pub id: QuestionId,
    pub field: Field,
    /// The snippet (one line of the field) and the match inside it, in chars.
    pub snippet: String,
    pub highlight: std::ops::Range<usize>,
}

/// One searchable text, prepared once per load: lower-cased (for literal terms, searched with
/// `str::find`, which is SIMD-fast), its 초성 form (every syllable replaced by its initial
/// consonant, for consonant-only terms), and the original for snippets.
#[derive(Debug, Default)]
struct Text {
    lower: String,
    choseong: Vec<u8>,
    original: String,
}

impl Text {
    fn new(s: &str) -> Self {
        let lower: String = s.chars().map(lower).collect();
        let choseong = lower.chars().map(choseong_byte).collect();
        Self {
            lower,
            choseong,
            original: s.to_owned(),
        }
    }

    /// Where `term` first matches, in chars.
    fn find(&self, term: &Term) -> Option<std::ops::Range<usize>> {
        let chars_before =
            |text: &str, byte: usize| text.get(..byte).map_or(0, |p| p.chars().count());
        match term.kind {
            TermKind::Literal => {
                let at = term.finder.find(self.lower.as_bytes())?;
                let start = chars_before(&self.lower, at);
                Some(start..start + term.chars.len())
            }
            TermKind::Choseong => {
                let start = term.finder.find(&self.choseong)?;
                Some(start..start + term.chars.len())
            }
            TermKind::Mixed => {
                let Some(literal) = &term.literal else {
                    let chars: Vec<char> = self.lower.chars().collect();
                    return find(&chars, &term.chars);
                };
                // Check the term only where its literal part occurs.
                for at in literal.finder.find_iter(self.lower.as_bytes()) {
                    let before = self.lower.get(..at)?;
                    let mut back = before.char_indices().rev().take(literal.offset);
                    let start_byte = match literal.offset {
                        0 => at,
                        n => match back.nth(n - 1) {
                            Some((b, _)) => b,
                            None => continue,
                        },
                    };
                    let rest = self.lower.get(start_byte..)?;
                    if matches_at(rest, &term.chars) {
                        let start = chars_before(&self.lower, start_byte);
                        return Some(start..start + term.chars.len());
                    }
                }
                None
            }
        }
    }
}

fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TermKind {
    /// Matches only itself: no consonant jamo, and it does not end in a syllable that may be
    /// unfinished.
    Literal,
    /// Only initial consonants: ㅋㅌㅇㄴ.
    Choseong,
    /// Anything else: 컨테ㅇ, 컨텡, docker는.
    Mixed,
}

#[derive(Debug, Clone)]
struct Term {
    chars: Vec<char>,
    kind: TermKind,
    /// Finds the term's text (literal terms) or its consonants (초성 terms): SIMD memmem.
    finder: memchr::memmem::Finder<'static>,
    /// For mixed terms: the longest run that must appear as it is, and where it starts.
    literal: Option<Literal>,
}

#[derive(Debug, Clone)]
struct Literal {
    finder: memchr::memmem::Finder<'static>,
    /// How many term chars come before the run.
    offset: usize,
}

impl Term {
    fn new(raw: &str) -> Self {
        let chars: Vec<char> = raw.chars().map(lower).collect();
        let text: String = chars.iter().collect();
        let last_is_syllable = chars.last().is_some_and(|&c| hangul::is_syllable(c));
        let kind = if chars.iter().all(|&c| is_choseong_jamo(c)) {
            TermKind::Choseong
        } else if !last_is_syllable && !chars.iter().any(|&c| is_choseong_jamo(c)) {
            TermKind::Literal
        } else {
            TermKind::Mixed
        };
        // The longest literal run: split at jamo, leaving out the last char (it may be an
        // unfinished syllable).
        let body = chars.get(..chars.len().saturating_sub(1)).unwrap_or(&[]);
        let mut literal: Option<(usize, &[char])> = None;
        let mut offset = 0;
        for run in body.split(|&c| is_choseong_jamo(c)) {
            if !run.is_empty() && literal.is_none_or(|(_, best)| run.len() > best.len()) {
                literal = Some((offset, run));
            }
            offset += run.len() + 1;
        }
        let literal = literal.map(|(offset, run)| Literal {
            finder: memchr::memmem::Finder::new(run.iter().collect::<String>().as_bytes())
                .into_owned(),
            offset,
        });
        let needle: Vec<u8> = if kind == TermKind::Choseong {
            chars.iter().map(|&c| choseong_byte(c)).collect()
        } else {
            text.into_bytes()
        };
        Self {
            finder: memchr::memmem::Finder::new(&needle).into_owned(),
            chars,
            kind,
            literal,
        }
    }
}

#[derive(Debug)]
struct Entry {
    topic: usize,
    question: usize,
    id: QuestionId,
}

/// One field of every question, end to end in one haystack (separated by a byte no term
/// holds), lower-cased and in 초성 form. One SIMD scan per term covers the whole course.
#[derive(Debug, Default)]
struct Haystack {
    lower: String,
    /// `starts[i]` is where entry `i` begins in `lower` (bytes).
    starts: Vec<usize>,
    /// One byte per char: a syllable's 초성 as `0x80 + index`, ASCII as itself, anything
    /// else `0xFF`. Distinct bytes keep memmem fast (UTF-8 jamo all share a prefix).
    choseong: Vec<u8>,
    /// `choseong_starts[i]` is where entry `i` begins in `choseong` (chars).
    choseong_starts: Vec<usize>,
    original: Vec<String>,
}

/// A char's byte in the 초성 haystack.
fn choseong_byte(c: char) -> u8 {
    match hangul::choseong_index(c) {
        Some(i) => 0x80 + i,
        None if c.is_ascii() => c as u8,
        None => 0xFF,
    }
}

const SEPARATOR: char = '\u{1}';

impl Haystack {
    fn push(&mut self, text: &str) {
        self.starts.push(self.lower.len());
        self.choseong_starts.push(self.choseong.len());
        for c in text.chars() {
            let l = lower(c);
            self.lower.push(l);
            self.choseong.push(choseong_byte(l));
        }
        self.lower.push(SEPARATOR);
        self.choseong.push(SEPARATOR as u8);
        self.original.push(text.to_owned());
    }

    /// For every entry where `term` matches: where its first match starts within the entry
    /// (bytes of `lower`, or chars for 초성 terms). Calls `hit(entry, offset)` once per
    /// entry, in entry order; after a hit the scan jumps to the next entry.
    fn scan(&self, term: &Term, mut hit: impl FnMut(usize, usize)) {
        let (hay, starts, finder): (&[u8], &[usize], Option<&memchr::memmem::Finder<'_>>) =
            match (term.kind, &term.literal) {
                (TermKind::Choseong, _) => {
                    (&self.choseong, &self.choseong_starts, Some(&term.finder))
                }
                (TermKind::Literal, _) => (self.lower.as_bytes(), &self.starts, Some(&term.finder)),
                (TermKind::Mixed, Some(literal)) => {
                    (self.lower.as_bytes(), &self.starts, Some(&literal.finder))
                }
                (TermKind::Mixed, None) => (self.lower.as_bytes(), &self.starts, None),
            };
        let mut from = 0;
        let mut entry = 0;
        while from < hay.len() {
            let found = match finder {
                Some(f) => hay.get(from..).and_then(|h| f.find(h)).map(|p| p + from),
                None => Some(from),
            };
            let Some(at) = found else { break };
            // Entries only move forward: walk instead of searching.
            while starts.get(entry + 1).is_some_and(|&next| next <= at) {
                entry += 1;
            }
            let entry_start = starts.get(entry).copied().unwrap_or(0);
            let next_entry = starts.get(entry + 1).copied().unwrap_or(hay.len());
            let matched_at = match term.kind {
                TermKind::Literal | TermKind::Choseong => Some(at),
                TermKind::Mixed => self.verify_mixed(term, at, entry_start),
            };
            match matched_at {
                Some(m) => {
                    hit(entry, m - entry_start);
                    from = next_entry;
                }
                None => {
                    // Next char (the scan is on UTF-8 here).
                    from = at
                        + self
                            .lower
                            .get(at..)
                            .and_then(|r| r.chars().next())
                            .map_or(1, char::len_utf8);
                }
            }
        }
    }

    /// A mixed term whose literal part (or, without one, whose start) is at byte `at`:
    /// where the whole term starts, if it matches there.
    fn verify_mixed(&self, term: &Term, at: usize, entry_start: usize) -> Option<usize> {
        let offset = term.literal.as_ref().map_or(0, |l| l.offset);
        let start = match offset {
            0 => at,
            n => self
                .lower
                .get(entry_start..at)?
                .char_indices()
                .rev()
                .nth(n - 1)
                .map(|(b, _)| b + entry_start)?,
        };
        self.lower
            .get(start..)
            .is_some_and(|rest| matches_at(rest, &term.chars))
            .then_some(start)
    }

    /// A match offset from [`Self::scan`] as chars.
    fn chars_before(&self, entry: usize, offset: usize, kind: TermKind) -> usize {
        if kind == TermKind::Choseong {
            return offset;
        }
        let start = self.starts.get(entry).copied().unwrap_or(0);
        self.lower
            .get(start..start + offset)
            .map_or(0, |p| p.chars().count())
    }
}

/// The search index: built once per content load ([`Index::new`]); my notes are passed at
/// query time (they change as I type).
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
    questions: Haystack,
    answers: Haystack,
    /// The decks, labs and documents, a section each.
    documents: documents::DocIndex,
    /// Each question's related questions.
    related: related::Related,
}

/// A parsed query: its terms, each classified once for the fastest way to match it.
#[derive(Debug, Clone)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    pub fn parse(q: &str) -> Self {
        Self {
            terms: q.split_whitespace().map(Term::new).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

impl Index {
    /// Prepares every question's text and answer. Called once per content load.
    pub fn new(course: &Course) -> Self {
        let mut index = Index::default();
        for (ti, topic) in course.topics.iter().enumerate() {
            for (qi, q) in topic.questions.iter().enumerate() {
                index.entries.push(Entry {
                    topic: ti,
                    question: qi,
                    id: q.id.clone(),
                });
                index.questions.push(&q.text.replace(SEPARATOR, " "));
                index
                    .answers
                    .push(&plain_answer(&q.answer).replace(SEPARATOR, " "));
            }
        }
        index.documents = documents::DocIndex::new(course);
        index.related = related::Related::compute(course);
        index
    }

    /// Each question's related questions (computed with the index, off the UI thread).
    pub fn related(&self) -> &related::Related {
        &self.related
    }

    /// The sections of the decks, labs and documents matching every term, grouped by kind
    /// (decks, labs, documents). At most `limit`.
    pub fn search_documents(&self, query: &Query, limit: usize) -> Vec<DocHit> {
        self.documents.search(query, limit)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every question matching all terms, best first: question-text hits, then answers,
    /// then my notes; earlier matches and earlier questions first. At most `limit`.
    /// `note` gives my text for a question, if any.
    pub fn search<'n>(
        &self,
        query: &Query,
        note: impl Fn(&QuestionId) -> Option<&'n str>,
        limit: usize,
    ) -> Vec<Hit> {
        if query.is_empty() || limit == 0 || self.entries.is_empty() {
            return Vec::new();
        }
        let n = self.entries.len();
        // Per entry: the best (field, byte offset) of the first term; and how many terms
        // matched so far.
        let mut first: Vec<Option<(Field, usize)>> = vec![None; n];
        let mut matched: Vec<u16> = vec![0; n];
        let notes: Vec<(usize, Text)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                note(&e.id)
                    .filter(|t| !t.is_empty())
                    .map(|t| (i, Text::new(t)))
            })
            .collect();
        for (ti, term) in query.terms.iter().enumerate() {
            let mut this: Vec<Option<(Field, usize)>> = vec![None; n];
            let mut note_hit = |i: usize, field: Field, offset: usize| {
                if let Some(slot) = this.get_mut(i)
                    && slot.is_none_or(|(f, _)| field < f)
                {
                    *slot = Some((field, offset));
                }
            };
            self.questions
                .scan(term, |i, off| note_hit(i, Field::Question, off));
            self.answers
                .scan(term, |i, off| note_hit(i, Field::Answer, off));
            for (i, text) in &notes {
                if let Some(r) = text.find(term) {
                    note_hit(*i, Field::Note, r.start);
                }
            }
            for (i, hit) in this.into_iter().enumerate() {
                if hit.is_some() && usize::from(matched[i]) == ti {
                    matched[i] += 1;
                    if ti == 0 {
                        first[i] = hit;
                    }
                }
            }
        }
        let all = query.terms.len();
        let mut found: Vec<(Field, usize, usize)> = first
            .iter()
            .enumerate()
            .filter(|(i, _)| usize::from(matched[*i]) == all)
            .filter_map(|(i, f)| f.map(|(field, off)| (field, off.min(600), i)))
            .collect();
        if found.len() > limit {
            found.select_nth_unstable(limit);
            found.truncate(limit);
        }
        found.sort_unstable();
        let first_term_len = query.terms.first().map_or(0, |t| t.chars.len());
        let first_kind = query.terms.first().map_or(TermKind::Literal, |t| t.kind);
        found
            .into_iter()
            .filter_map(|(field, _, i)| {
                let e = self.entries.get(i)?;
                let (field_offset, original): (usize, Vec<char>) = match field {
                    Field::Question => {
                        let (_, off) = first.get(i).copied().flatten()?;
                        (
                            self.questions.chars_before(i, off, first_kind),
                            self.questions.original.get(i)?.chars().collect(),
                        )
                    }
                    Field::Answer => {
                        let (_, off) = first.get(i).copied().flatten()?;
                        (
                            self.answers.chars_before(i, off, first_kind),
                            self.answers.original.get(i)?.chars().collect(),
                        )
                    }
                    Field::Note => {
                        let (_, text) = notes.iter().find(|(j, _)| *j == i)?;
                        let (_, off) = first.get(i).copied().flatten()?;
                        (off, text.original.chars().collect())
                    }
                };
                let range = field_offset..field_offset + first_term_len;
                let (snippet, highlight) = snippet(&original, range);
                Some(Hit {
                    topic: e.topic,
                    question: e.question,
                    id: e.id.clone(),
                    field,
                    snippet,
                    highlight,
                })
            })
            .collect()
    }
}

/// `text` split around a match given in chars: (before, match, after). Out-of-range parts
/// are clamped, so a stale range never panics.
pub fn split_marked(text: &str, range: std::ops::Range<usize>) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let end = range.end.min(chars.len());
    let start = range.start.min(end);
    let part = |r: std::ops::Range<usize>| {
        chars
            .get(r)
            .map_or_else(String::new, |c| c.iter().collect())
    };
    (part(0..start), part(start..end), part(end..chars.len()))
}

impl Hit {
    /// The snippet split around the match.
    pub fn snippet_parts(&self) -> (String, String, String) {
        split_marked(&self.snippet, self.highlight.clone())
    }
}

/// Where the query's first term matches in `text`, in chars (for highlighting a match
/// in a card). Called for the one card a search result opened.
pub fn find_in(text: &str, query: &Query) -> Option<std::ops::Range<usize>> {
    let term = query.terms.first()?;
    Text::new(text).find(term)
}

/// The answer's words without the most common markdown punctuation, for matching and
/// snippets. Cheap and good enough: a match inside `**bold**` is still a match.
fn plain_answer(markdown: &str) -> String {
    markdown
        .lines()
        .map(|l| {
            l.trim_start_matches(|c: char| {
                c == '-' || c == '*' || c == '>' || c == '#' || c.is_whitespace()
            })
            .replace("**", "")
            .replace('`', "")
        })
        .filter(|l| !l.starts_with("```") && !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first place `term` matches in `text`, in chars.
pub fn find(text: &[char], term: &[char]) -> Option<std::ops::Range<usize>> {
    let (&first, _) = term.split_first()?;
    let last_index = term.len() - 1;
    'outer: for start in 0..text.len() {
        let Some(&c) = text.get(start) else { break };
        if !char_matches(first, c, last_index == 0, text.get(start + 1).copied()) {
            continue;
        }
        let mut t = start;
        for (k, &qc) in term.iter().enumerate() {
            let Some(&tc) = text.get(t) else {
                continue 'outer;
            };
            if !char_matches(qc, tc, k == last_index, text.get(t + 1).copied()) {
                continue 'outer;
            }
            t += 1;
        }
        return Some(start..t);
    }
    None
}

/// Does `term` match at the start of `text`?
fn matches_at(text: &str, term: &[char]) -> bool {
    let mut it = text.chars().peekable();
    let last = term.len().saturating_sub(1);
    for (k, &q) in term.iter().enumerate() {
        let Some(t) = it.next() else { return false };
        if !char_matches(q, t, k == last, it.peek().copied()) {
            return false;
        }
    }
    true
}

/// Does query char `q` match text char `t`? `last`: `q` is the term's last char, which may be
/// an unfinished syllable; `next` is the text char after `t` (for "컨텡" → 컨테이).
fn char_matches(q: char, t: char, last: bool, next: Option<char>) -> bool {
    if q == t {
        return true;
    }
    if is_choseong_jamo(q) {
        return choseong(t) == Some(q);
    }
    if last {
        return hangul::unfinished_matches(q, t, next);
    }
    false
}

/// One line around the match, at most ~80 chars, and the match's range inside it.
fn snippet(text: &[char], range: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    let line_start = text
        .get(..range.start)
        .and_then(|b| b.iter().rposition(|&c| c == '\n'))
        .map_or(0, |p| p + 1);
    let line_end = text
        .get(range.end..)
        .and_then(|a| a.iter().position(|&c| c == '\n'))
        .map_or(text.len(), |p| range.end + p);
    // Little context before the match: the sidebar row is narrow and shows one line.
    let from = line_start.max(range.start.saturating_sub(12));
    let to = line_end.min(range.end + 50).max(range.end);
    let mut s: String = String::new();
    let prefix = from > line_start;
    if prefix {
        s.push('…');
    }
    s.extend(text.get(from..to).unwrap_or(&[]));
    if to < line_end {
        s.push('…');
    }
    let offset = usize::from(prefix);
    let start = range.start - from + offset;
    (s, start..start + (range.end - range.start))
}

#[cfg(test)]
mod tests;
