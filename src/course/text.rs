//! Notes files are UTF-8 — or what Windows Notepad long saved: UTF-16 with a byte-order mark,
//! or CP949 (EUC-KR). Detected conservatively: valid UTF-8 first, then a BOM, then CP949 only
//! when the whole file decodes without an error into text with Hangul and no NUL. Anything
//! else (a binary file) stays an error.

/// An encoding other than UTF-8 a file was read in (said to the user).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoded {
    Utf16Le,
    Utf16Be,
    Cp949,
}

impl Decoded {
    /// As people call it.
    pub fn name(self) -> &'static str {
        match self {
            Decoded::Utf16Le => "UTF-16 LE",
            Decoded::Utf16Be => "UTF-16 BE",
            Decoded::Cp949 => "CP949 (EUC-KR)",
        }
    }
}

/// The text of a file's bytes, and the encoding it was in when not UTF-8. `Err`: not text
/// in any of these encodings; the offset where UTF-8 failed.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Option<Decoded>), usize> {
    let bytes = match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            return Ok((text, None));
        }
        Err(e) => e,
    };
    let offset = bytes.utf8_error().valid_up_to();
    let bytes = bytes.into_bytes();
    let utf16 = match bytes.get(..2) {
        Some([0xff, 0xfe]) => Some((encoding_rs::UTF_16LE, Decoded::Utf16Le)),
        Some([0xfe, 0xff]) => Some((encoding_rs::UTF_16BE, Decoded::Utf16Be)),
        _ => None,
    };
    if let Some((encoding, decoded)) = utf16 {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[2..])
            .filter(|text| !text.contains('\0'))
            .map(|text| (text.into_owned(), Some(decoded)))
            .ok_or(offset);
    }
    encoding_rs::EUC_KR
        .decode_without_bom_handling_and_without_replacement(&bytes)
        .filter(|text| !text.contains('\0') && text.chars().any(is_hangul_syllable))
        .map(|text| (text.into_owned(), Some(Decoded::Cp949)))
        .ok_or(offset)
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTES: &str =
        "# MSP T3 - 23-5차\n\n## Docker\n\n- digest는 뭔가요?\n  - 이미지 내용의 해시입니다.\n";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    }

    #[test]
    fn utf16_with_a_bom_and_cp949_decode_to_the_same_korean_text() {
        assert_eq!(
            decode(NOTES.as_bytes().to_vec()),
            Ok((NOTES.to_owned(), None))
        );
        assert_eq!(
            decode(utf16(NOTES, false)),
            Ok((NOTES.to_owned(), Some(Decoded::Utf16Le)))
        );
        assert_eq!(
            decode(utf16(NOTES, true)),
            Ok((NOTES.to_owned(), Some(Decoded::Utf16Be)))
        );
        let (cp949, _, errors) = encoding_rs::EUC_KR.encode(NOTES);
        assert!(!errors);
        assert_eq!(
            decode(cp949.into_owned()),
            Ok((NOTES.to_owned(), Some(Decoded::Cp949)))
        );
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend(NOTES.as_bytes());
        assert_eq!(
            decode(bom),
            Ok((NOTES.to_owned(), None)),
            "a UTF-8 BOM is dropped"
        );
    }

    #[test]
    fn binary_files_are_still_refused() {
        // xorshift bytes: random enough to hold invalid sequences in every encoding.
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        assert!(decode(random).is_err());
        let png = crate::course::builtin::IMAGES[0].1.to_vec();
        assert!(decode(png).is_err());
        // Latin-1 text has no Hangul: not taken for CP949.
        assert!(decode(b"caf\xe9 cr\xe8me".to_vec()).is_err());
        // A UTF-16 BOM before bytes that are not UTF-16.
        assert!(decode(vec![0xff, 0xfe, 0x00, 0xd8, 0x41]).is_err());
    }
}

/// `text` with decomposed Hangul (and anything else) composed (NFC): macOS writes file names
/// and some copied text decomposed (NFD), which the fonts draw as loose jamo and boxes.
/// Borrowed when it already is (almost always).
pub fn composed(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization as _;
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

#[cfg(test)]
mod composed_tests {
    #[test]
    fn decomposed_hangul_is_composed() {
        use unicode_normalization::UnicodeNormalization as _;
        let nfd: String = "# MSP T3 - 23-9차".nfd().collect();
        assert_ne!(nfd, "# MSP T3 - 23-9차");
        assert_eq!(super::composed(&nfd), "# MSP T3 - 23-9차");
        let doc = crate::course::parse_document(&nfd, "x", "x.md", crate::course::ImageBase::None);
        assert_eq!(doc.document.title, "MSP T3 - 23-9차");
    }
}
