//! Stable question ids: notes are keyed by them, so they must survive cosmetic edits.

use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;

/// Identifies a question across runs and content updates: a hash of the document title,
/// the topic and the normalized question text (see [`normalize_question`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuestionId(String);

impl QuestionId {
    pub fn new(document_title: &str, topic: &str, question_text: &str) -> Self {
        Self::from_normalized(
            &normalize_question(document_title),
            &normalize_question(topic),
            question_text,
        )
    }

    /// Like [`Self::new`] with the title and topic already normalized (a parser computes
    /// them once per document rather than once per question).
    pub(crate) fn from_normalized(title: &str, topic: &str, question_text: &str) -> Self {
        let mut h = Fnv64::default();
        h.write(title.as_bytes());
        h.write(&[0x1f]);
        h.write(topic.as_bytes());
        h.write(&[0x1f]);
        h.write(normalize_question(question_text).as_bytes());
        Self(format!("q{:016x}", h.0))
    }

    /// Before the document's title is known (the parser sets the real id at the end).
    pub(crate) fn placeholder() -> Self {
        Self(String::new())
    }

    /// The n-th question with the same normalized text in the same place.
    pub(crate) fn with_suffix(&self, n: usize) -> Self {
        Self(format!("{}-{n}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// NFC, whitespace runs collapsed to one space, trimmed, trailing punctuation dropped,
/// lower-cased. "digest는  뭔가요?" and "digest는 뭔가요" give the same string.
pub fn normalize_question(text: &str) -> String {
    // Almost every text is NFC already (precomposed Hangul, ASCII): checked, not rebuilt.
    let nfc: std::borrow::Cow<'_, str> = match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    };
    let mut collapsed = String::with_capacity(nfc.len());
    for word in nfc.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    let trimmed = collapsed.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '?' | '.' | '!' | '…' | '？' | '。' | '！' | '~' | ',' | ':' | ';'
            )
    });
    trimmed.to_lowercase()
}

/// A stable 64-bit fingerprint of `text` (FNV-1a): the same text gives the same number in
/// every run and version, so it can be stored to notice later that a text changed.
pub fn fingerprint(text: &str) -> u64 {
    let mut h = Fnv64::default();
    h.write(text.as_bytes());
    h.0
}

/// FNV-1a, 64 bit: tiny, and its output never changes between Rust versions
/// (unlike `DefaultHasher`), which stored notes depend on.
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_ignores_whitespace_and_trailing_punctuation() {
        assert_eq!(
            normalize_question("  digest는   뭔가요? "),
            "digest는 뭔가요"
        );
        assert_eq!(normalize_question("digest는 뭔가요"), "digest는 뭔가요");
        assert_eq!(
            normalize_question("Tag와 label의\n차이는 뭔가요?!"),
            "tag와 label의 차이는 뭔가요"
        );
    }

    /// The normalization as first written (every text rebuilt): the fast path must give
    /// exactly its result, or stored notes would lose their questions.
    fn reference(text: &str) -> String {
        let nfc: String = text.nfc().collect();
        let collapsed = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
        let trimmed = collapsed.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '?' | '.' | '!' | '…' | '？' | '。' | '！' | '~' | ',' | ':' | ';'
                )
        });
        trimmed.to_lowercase()
    }

    proptest::proptest! {
        #[test]
        fn the_fast_normalization_equals_the_reference(
            text in "[ a-zA-Z가-힣ᄀ-ᇿ\u{0300}-\u{036f}\u{3000}\t\n?.!…？。,:;ΣσςİK]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize_question(&text), reference(&text));
        }
    }

    #[test]
    fn decomposed_hangul_normalizes_to_the_composed_text() {
        let nfd: String = "digest는 뭔가요?".nfd().collect();
        assert_ne!(nfd, "digest는 뭔가요?");
        assert_eq!(normalize_question(&nfd), "digest는 뭔가요");
    }

    #[test]
    fn nfd_hangul_is_the_same_question() {
        let nfd: String = "컨테이너".nfd().collect();
        assert_ne!(nfd, "컨테이너");
        assert_eq!(
            QuestionId::new("d", "t", &nfd),
            QuestionId::new("d", "t", "컨테이너")
        );
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = QuestionId::new("MSP T3 - 23-5차", "Docker", "digest는 뭔가요?");
        // Pinned: stored notes depend on this value never changing.
        assert_eq!(a.as_str(), "q28c9c1e8d8e60261");
        assert_eq!(
            a,
            QuestionId::new("MSP T3 - 23-5차", "Docker", "digest는   뭔가요")
        );
        assert_ne!(
            a,
            QuestionId::new("MSP T3 - 23-5차", "Kubernetes", "digest는 뭔가요?")
        );
        assert_ne!(
            a,
            QuestionId::new("MSP T3 - 23-6차", "Docker", "digest는 뭔가요?")
        );
        assert!(a.as_str().starts_with('q') && a.as_str().len() == 17);
    }
}
