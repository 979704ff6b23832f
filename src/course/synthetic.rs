//! Large made-up courses for benches and scale tests: the seed's shapes (bullets, inline
//! code, code blocks, Korean prose, open questions), repeated with variations.

/// A markdown document with `questions` questions under `## Docker`: every seventh open,
/// every tenth with a terminal session (the seed has 2 code blocks in 21 questions).
/// Deterministic: the same `questions` gives the same text.
pub fn document(questions: usize) -> String {
    let mut s = String::with_capacity(questions * 480);
    s.push_str("# MSP T3 - 합성 노트\n\n## Docker\n\n");
    for i in 0..questions {
        s.push_str(&format!(
            "- {i}번 질문: 컨테이너 레이어와 `docker run --name c{i}` 의 관계는 어떻게 되나요?\n"
        ));
        if i % 7 == 3 {
            s.push_str("  - ...\n\n");
            continue;
        }
        s.push_str(&format!(
            "  - 네, 맞습니다. 이미지 레이어(R/O layer)들과 컨테이너 레이어(R/W layer)가 합쳐진 파일시스템이 {i}번 컨테이너의 파일시스템이 됩니다.\n"
        ));
        s.push_str(
            "  - 실행된 컨테이너에서 생성/수정/삭제되는 모든것은 R/W레이어에 기록됩니다.\n\n",
        );
        if i % 10 == 0 {
            s.push_str(&format!(
                "```bash\nubuntu $ docker run -d --name c{i} nginx\nubuntu $ docker ps\nCONTAINER ID   IMAGE     STATUS\n{i:012x}   nginx     Up 4 seconds\n```\n\n"
            ));
        }
    }
    s.push_str("---\n\n## Kubernetes\n");
    s
}

/// Markdown that breaks naive parsers and renderers, after cmark's
/// `test/pathological_tests.py`, plus a 2-million-character line and a 1 MB line of code.
/// Each is a session with one question whose answer is the case. For tests and benches.
pub fn pathological() -> Vec<(&'static str, String)> {
    let answer = |body: String| {
        format!("# 병리적 입력\n\n## Docker\n\n- 이 답변은 어떻게 보이나요?\n\n{body}\n")
    };
    let repeat = |s: &str, n: usize| s.repeat(n);
    let mut cases: Vec<(&'static str, String)> = vec![
        (
            "nested strong emphasis",
            format!(
                "{}b{}",
                repeat("*a **a ", 65_000),
                repeat(" a** a*", 65_000)
            ),
        ),
        ("emphasis closers without openers", repeat("a_ ", 65_000)),
        ("emphasis openers without closers", repeat("_a ", 65_000)),
        ("link closers without openers", repeat("a]", 65_000)),
        ("link openers without closers", repeat("[a", 65_000)),
        ("mismatched openers and closers", repeat("*a_ ", 50_000)),
        ("link openers and emphasis closers", repeat("[ a_", 50_000)),
        ("pattern [ (]( repeated", repeat("[ (](", 80_000)),
        (
            "nested brackets",
            format!("{}a{}", repeat("[", 50_000), repeat("]", 50_000)),
        ),
        ("nested block quotes", format!("{}a", repeat("> ", 50_000))),
        (
            "deeply nested lists",
            (0..1_000)
                .map(|i| format!("{}* a\n", "  ".repeat(i)))
                .collect(),
        ),
        ("NUL bytes", repeat("abc\u{0}de\u{0}", 1_000)),
        (
            "backtick runs",
            (1..2_500).map(|i| format!("e{}", "`".repeat(i))).collect(),
        ),
        ("unclosed links", repeat("[a](<b", 30_000)),
        (
            "reference definitions",
            (0..100_000).map(|i| format!("[{i}]: u\n")).collect(),
        ),
        ("a 2-million-character line", repeat("가나다라 ", 400_000)),
        (
            "a 1 MB line of code",
            format!("```bash\n{}\n```", repeat("echo x; ", 131_072)),
        ),
    ];
    for (_, body) in &mut cases {
        *body = answer(std::mem::take(body));
    }
    cases
}

/// A PNG that claims `width`×`height` RGBA pixels in a few dozen bytes: a decompression
/// bomb (60,000 × 60,000 is 14 GB once decoded).
pub fn bomb_png(width: u32, height: u32) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let chunk = |png: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc32(&body).to_be_bytes());
    };
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    // A zlib stream of zeros, cut short: a few bytes that claim gigabytes.
    chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x9c, 0xed, 0xc1, 0x01, 0x0d, 0x00, 0x00],
    );
    chunk(&mut png, b"IEND", &[]);
    png
}
