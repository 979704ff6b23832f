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
        if !write_normalized_plain(&mut h, question_text) {
            h.write(normalize_question(question_text).as_bytes());
        }
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut id = String::with_capacity(17);
        id.push('q');
        for shift in (0..16).rev() {
            id.push(char::from(HEX[((h.0 >> (shift * 4)) & 0xf) as usize]));
        }
        Self(id)
    }

    /// Before the document's title is known (the parser sets the real id at the end).
    pub(crate) fn placeholder() -> Self {
        Self(String::new())
    }

    /// Whether this is still the id of [`Self::placeholder`].
    pub(crate) fn is_unset(&self) -> bool {
        self.0.is_empty()
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
    let nfc: std::borrow::Cow<'_, str> = if is_plain(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        match unicode_normalization::is_nfc_quick(text.chars()) {
            unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
            _ => std::borrow::Cow::Owned(text.nfc().collect()),
        }
    };
    let mut collapsed = String::with_capacity(nfc.len());
    for word in nfc.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    let trimmed = collapsed.trim_end_matches(trailing);
    // Class notes are ASCII and Hangul, which lower-case without Unicode's tables (Hangul
    // has no case): the text is lowered in place. Anything else takes the full rules
    // (Greek final sigma, İ, the Kelvin sign).
    if trimmed.chars().all(lowers_alone) {
        collapsed.truncate(trimmed.len());
        collapsed.make_ascii_lowercase();
        collapsed
    } else {
        trimmed.to_lowercase()
    }
}

/// What a question may end with without changing it: whitespace and closing punctuation.
fn trailing(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '?' | '.' | '!' | '…' | '？' | '。' | '！' | '~' | ',' | ':' | ';'
        )
}

/// ASCII and precomposed Hangul only: NFC as it is, lower-cased by ASCII rules.
fn is_plain(text: &str) -> bool {
    // Byte by byte, not char by char: every question of a course goes through here. A
    // Hangul syllable is three bytes led by 0xEA…0xED (U+A000…U+D7FF).
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead.is_ascii() {
            i += 1;
        } else if syllable_at(bytes, i) {
            i += 3;
        } else {
            return false;
        }
    }
    true
}

/// Whether a Hangul syllable (U+AC00…U+D7A3) starts at byte `i`: three bytes led by
/// 0xEA…0xED.
fn syllable_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..i + 3) {
        Some(&[lead @ 0xea..=0xed, b1, b2]) => {
            let c =
                (u32::from(lead & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f);
            (0xac00..=0xd7a3).contains(&c)
        }
        _ => false,
    }
}

/// Feeds [`normalize_question`]`(text)` to the hash without building it, when the text is
/// plain (see [`is_plain`]); returns whether it did, leaving the hash as it was when not. A
/// course's every question goes through here on every load: one pass over the bytes.
fn write_normalized_plain(h: &mut Fnv64, text: &str) -> bool {
    // Trimming before collapsing whitespace gives the same text: whitespace is trimmed too.
    let bytes = text.trim_end_matches(trailing).as_bytes();
    let mut hash = Fnv64(h.0);
    // A space is owed before the next word once a word was written.
    let (mut wrote, mut space) = (false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii() {
            // `char::is_whitespace` for ASCII.
            if matches!(b, b' ' | b'\t'..=b'\r') {
                space = wrote;
                continue;
            }
        } else if b >= 0xc0 && !syllable_at(bytes, i) {
            // A character's first byte, not a syllable's. A syllable's other bytes
            // (0x80…0xBF) are hashed as they come.
            return false;
        }
        if std::mem::take(&mut space) {
            hash.write_byte(b' ');
        }
        hash.write_byte(b.to_ascii_lowercase());
        wrote = true;
    }
    *h = hash;
    true
}

/// Whether `c` is lower-cased by ASCII rules alone: ASCII itself, and characters without
/// case (Hangul syllables and jamo, general and CJK punctuation).
fn lowers_alone(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{ac00}'..='\u{d7a3}' // Hangul syllables
            | '\u{1100}'..='\u{11ff}' // Hangul jamo
            | '\u{3130}'..='\u{318f}' // Hangul compatibility jamo
            | '\u{a960}'..='\u{a97f}' // Hangul jamo extended-A
            | '\u{d7b0}'..='\u{d7ff}' // Hangul jamo extended-B
            | '\u{2000}'..='\u{206f}' // general punctuation
            | '\u{3000}'..='\u{303f}' // CJK symbols and punctuation
        )
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
            self.write_byte(b);
        }
    }

    #[inline]
    fn write_byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
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
            text in "[ a-zA-Z가-힣ᄀ-ᇿ\u{0300}-\u{036f}\u{3000}\t\n?.!…？。,:;ΣσςİKＡ-Ｚ‐-⁯]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize_question(&text), reference(&text));
        }

        #[test]
        fn plain_is_ascii_and_hangul_syllables(text in "([a-z가-힣]|.){0,20}") {
            let by_chars = text
                .chars()
                .all(|c| c.is_ascii() || ('\u{ac00}'..='\u{d7a3}').contains(&c));
            proptest::prop_assert_eq!(is_plain(&text), by_chars);
        }

        #[test]
        fn the_fast_normalization_equals_the_reference_on_any_text(text in ".{0,40}") {
            proptest::prop_assert_eq!(normalize_question(&text), reference(&text));
        }

        /// The id hashes the normalized text as first written, however it gets there.
        #[test]
        fn ids_hash_the_reference_normalization(
            text in "([ a-zA-Z가-힣\t\n?.!…？~]|.){0,40}"
        ) {
            let mut h = Fnv64::default();
            h.write(b"t");
            h.write(&[0x1f]);
            h.write(b"d");
            h.write(&[0x1f]);
            h.write(reference(&text).as_bytes());
            let expected = format!("q{:016x}", h.0);
            let id = QuestionId::new("T", "D", &text);
            proptest::prop_assert_eq!(id.as_str(), expected);
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
