//! Hangul syllable arithmetic: 초성 (initial consonant) and unfinished syllables.

const SYLLABLE_BASE: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
const JUNGSEONG_COUNT: u32 = 21;
const JONGSEONG_COUNT: u32 = 28;

/// The 19 initial consonants as compatibility jamo (what a keyboard types alone), in
/// syllable order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
const CHOSEONG: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The 27 final consonants (index 1..=27; 0 is "none") as compatibility jamo. The ones that
/// are also initials can start the next syllable while typing: 텡 → 테 + ㅇ….
const JONGSEONG: [char; 28] = [
    '\0', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ',
    'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// (초성 index, 중성 index, 종성 index) of a precomposed syllable.
fn decompose(c: char) -> Option<(u32, u32, u32)> {
    let code = c as u32;
    if !(SYLLABLE_BASE..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let s = code - SYLLABLE_BASE;
    Some((
        s / (JUNGSEONG_COUNT * JONGSEONG_COUNT),
        (s / JONGSEONG_COUNT) % JUNGSEONG_COUNT,
        s % JONGSEONG_COUNT,
    ))
}

fn compose(cho: u32, jung: u32, jong: u32) -> Option<char> {
    char::from_u32(SYLLABLE_BASE + (cho * JUNGSEONG_COUNT + jung) * JONGSEONG_COUNT + jong)
}

/// A precomposed Hangul syllable (가…힣).
pub(super) fn is_syllable(c: char) -> bool {
    (SYLLABLE_BASE..=SYLLABLE_LAST).contains(&(c as u32))
}

/// The 초성 of a syllable as a compatibility jamo (컨 → ㅋ), or a lone consonant itself.
pub fn choseong(c: char) -> Option<char> {
    if is_choseong_jamo(c) {
        return Some(c);
    }
    let (cho, _, _) = decompose(c)?;
    CHOSEONG.get(cho as usize).copied()
}

/// The index (0..19) of the 초성 of a syllable or of an initial consonant jamo.
pub(super) fn choseong_index(c: char) -> Option<u8> {
    let jamo = choseong(c)?;
    CHOSEONG
        .iter()
        .position(|&j| j == jamo)
        .and_then(|i| u8::try_from(i).ok())
}

/// A consonant that can begin a syllable: ㄱ ㄲ ㄴ … ㅎ (not ㄳ, ㄵ, …).
pub fn is_choseong_jamo(c: char) -> bool {
    CHOSEONG.contains(&c)
}

/// The last char of a query, possibly mid-composition, against text char `t` (and the one
/// after it):
/// - 커 (no final yet) matches 컨, 컹, … : same initial and vowel, any final;
/// - 텡 (a final that may become the next initial) matches 테 followed by 이, 아, …;
/// - 컨 matches 컨 (equal, handled by the caller) and 컨ㅌ… is left to the next keystroke.
pub(super) fn unfinished_matches(q: char, t: char, next: Option<char>) -> bool {
    let (Some((qc, qv, qf)), Some((tc, tv, tf))) = (decompose(q), decompose(t)) else {
        return false;
    };
    if qc != tc || qv != tv {
        return false;
    }
    if qf == 0 {
        return true;
    }
    // 텡 = 테 + ㅇ: the final may really be the start of the next syllable.
    if tf == 0 {
        let Some(&final_jamo) = JONGSEONG.get(qf as usize) else {
            return false;
        };
        return next.and_then(choseong) == Some(final_jamo);
    }
    // 컹 typed on the way to 컨? No: a different final is a different word.
    compose(qc, qv, qf) == Some(t)
}
