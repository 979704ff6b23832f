//! Golden files for each shape of the file and of the answer; `UPDATE_GOLDEN=1` writes the
//! `.after.md` files anew (then read them).

use super::*;

/// (case, topic, question, answer)
const CASES: &[(&str, &str, &str, &str)] = &[
    // A placeholder answer (`...`) replaced.
    (
        "placeholder",
        "Docker",
        "host 네트워크는 언제 쓰나요?",
        "컨테이너가 호스트의 네트워크를 그대로 씁니다.\n포트 매핑이 필요 없을 때 씁니다.",
    ),
    // After an answer there is; the trailing spaces of the line above kept.
    (
        "appended",
        "Docker",
        "컨테이너와 VM의 차이는 무엇인가요?",
        "수업 중 보충: 부팅 시간이 다릅니다.",
    ),
    // Bullets of the answer and a code block kept as a block.
    (
        "code",
        "Docker",
        "볼륨은 어디에 저장되나요?",
        "기본은 아래 경로입니다.\n- 리눅스: `/var/lib/docker/volumes`\n  - 이름 붙은 볼륨도 같습니다\n\n```bash\nubuntu $ docker volume inspect data\n```",
    ),
    // An open question without any bullet.
    (
        "no-answer",
        "Docker",
        "볼륨은 어디에 저장되나요?",
        "`docker volume inspect`로 봅니다.",
    ),
    // CRLF, a BOM, CP949: written back as they were.
    (
        "crlf",
        "Docker",
        "host 네트워크는 언제 쓰나요?",
        "호스트 네트워크를 씁니다.",
    ),
    (
        "bom",
        "Kubernetes",
        "파드와 컨테이너의 관계는?",
        "파드는 컨테이너의 묶음입니다.",
    ),
    (
        "cp949",
        "Docker",
        "host 네트워크는 언제 쓰나요?",
        "호스트 네트워크를 씁니다.",
    ),
    // The last question of a file that ends without a newline.
    (
        "last",
        "Kubernetes",
        "마지막 질문인가요?",
        "네, 마지막입니다.",
    ),
];

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/publish")
        .join(name)
}

#[test]
fn each_shape_is_written_as_its_golden_file() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for (case, topic, question, answer) in CASES {
        let before = std::fs::read(fixture(&format!("{case}.before.md"))).expect("before");
        let after =
            with_answer(&before, topic, question, answer).unwrap_or_else(|e| panic!("{case}: {e}"));
        let golden = fixture(&format!("{case}.after.md"));
        if update {
            std::fs::write(&golden, &after).expect("write golden");
        }
        let expected = std::fs::read(&golden).expect("the golden file");
        assert_eq!(
            String::from_utf8_lossy(&after),
            String::from_utf8_lossy(&expected),
            "{case}"
        );
        assert_eq!(after, expected, "{case}: byte for byte");
        // Only lines were added or one replaced: every line of the file before is still
        // there, in order, byte for byte (but a replaced placeholder).
        let (old, encoding) = decode(&before).expect("text");
        let (new, same) = decode(&after).expect("text");
        assert_eq!(encoding, same, "{case}: the encoding kept");
        let mut new_lines = new.split_inclusive('\n');
        for line in old.split_inclusive('\n') {
            if is_placeholder(line.trim_start().trim_start_matches('-')) {
                continue;
            }
            let line = line.trim_end_matches(['\r', '\n']);
            assert!(
                new_lines.any(|n| n.trim_end_matches(['\r', '\n']) == line),
                "{case}: {line:?} lost"
            );
        }
        // The course reads it back with the answer under its question, no longer open.
        let course = crate::course::load_sources(
            "",
            &[(format!("{case}.md"), new.clone())],
            &crate::course::ImageBase::None,
        );
        let q = course
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .find(|q| normalize_question(&q.text) == normalize_question(question))
            .unwrap_or_else(|| panic!("{case}: the question"));
        assert!(!q.is_open(), "{case}: answered now");
        let first_line = answer.lines().next().unwrap_or("").trim_start_matches("- ");
        assert!(q.answer.contains(first_line.trim()), "{case}: {}", q.answer);
    }
}

#[test]
fn what_cannot_be_written_is_refused() {
    let before = std::fs::read(fixture("placeholder.before.md")).expect("before");
    assert_eq!(
        with_answer(&before, "Docker", "없는 질문인가요?", "답"),
        Err(PublishError::NotFound)
    );
    // The same question under another topic is not it.
    assert_eq!(
        with_answer(&before, "Kubernetes", "host 네트워크는 언제 쓰나요?", "답"),
        Err(PublishError::NotFound)
    );
    assert_eq!(
        with_answer(&before, "Docker", "host 네트워크는 언제 쓰나요?", "  \n"),
        Err(PublishError::Empty)
    );
    // CP949 has no emoji: said, and nothing written.
    let cp949 = std::fs::read(fixture("cp949.before.md")).expect("before");
    assert_eq!(
        with_answer(&cp949, "Docker", "host 네트워크는 언제 쓰나요?", "네 🙂"),
        Err(PublishError::Unrepresentable("CP949"))
    );
    assert_eq!(
        with_answer(&[0, 159, 146, 150], "", "q", "a"),
        Err(PublishError::NotText)
    );
}
