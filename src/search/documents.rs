//! Search over the documents that are not sessions (the textbook's decks, the labs, the
//! READMEs and appendices): each section (a heading, a slide) is one entry, matched the same
//! Korean-aware way as the questions.

use super::{Haystack, Query, TermKind, plain_answer, snippet};
use crate::course::{Course, Kind};

/// One section that matches every term.
#[derive(Clone, Debug, PartialEq)]
pub struct DocHit {
    /// Its document (an index into the library's materials) and section.
    pub material: usize,
    pub section: usize,
    pub kind: Kind,
    /// The heading the section opens with (else the document's title).
    pub heading: String,
    pub snippet: String,
    pub highlight: std::ops::Range<usize>,
}

#[derive(Debug, Default)]
pub(super) struct DocIndex {
    /// Per entry: its document, section, kind and heading.
    entries: Vec<(usize, usize, Kind, String)>,
    texts: Haystack,
}

impl DocIndex {
    pub(super) fn new(course: &Course) -> Self {
        let mut index = DocIndex::default();
        for (mi, m) in course.library.materials.iter().enumerate() {
            for (si, range) in m.sections.iter().enumerate() {
                let heading = m
                    .headings
                    .iter()
                    .find(|h| h.section == si)
                    .map_or_else(|| m.title.clone(), |h| h.text.clone());
                let text = plain_answer(m.body.get(range.clone()).unwrap_or(""));
                index.entries.push((mi, si, m.kind, heading));
                index.texts.push(&text.replace(super::SEPARATOR, " "));
            }
        }
        index
    }

    /// The sections matching every term, decks first, then labs, then documents; within a
    /// kind, in library order. At most `limit`.
    pub(super) fn search(&self, query: &Query, limit: usize) -> Vec<DocHit> {
        if query.is_empty() || self.entries.is_empty() {
            return Vec::new();
        }
        let n = self.entries.len();
        let mut matched = vec![0usize; n];
        let mut first: Vec<usize> = vec![0; n];
        for (ti, term) in query.terms.iter().enumerate() {
            self.texts.scan(term, |i, offset| {
                if matched[i] == ti {
                    matched[i] += 1;
                    if ti == 0 {
                        first[i] = offset;
                    }
                }
            });
        }
        let all = query.terms.len();
        let first_len = query.terms.first().map_or(0, |t| t.chars.len());
        let first_kind = query.terms.first().map_or(TermKind::Literal, |t| t.kind);
        let mut hits: Vec<DocHit> = (0..n)
            .filter(|&i| matched[i] == all)
            .filter_map(|i| {
                let (material, section, kind, heading) = self.entries.get(i)?;
                let start = self.texts.chars_before(i, first[i], first_kind);
                let original: Vec<char> = self.texts.original.get(i)?.chars().collect();
                let (snippet, highlight) = snippet(&original, start..start + first_len);
                Some(DocHit {
                    material: *material,
                    section: *section,
                    kind: *kind,
                    heading: heading.clone(),
                    snippet,
                    highlight,
                })
            })
            .collect();
        hits.sort_by_key(|h| (h.kind, h.material, h.section));
        hits.truncate(limit);
        hits
    }
}
