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
