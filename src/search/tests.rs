use super::*;
use crate::course;

fn matches(text: &str, query: &str) -> bool {
    let text = Text::new(text);
    let q = Query::parse(query);
    q.terms.iter().all(|t| text.find(t).is_some())
}

#[test]
fn choseong_extraction() {
    let cases = [
        ('컨', Some('ㅋ')),
        ('테', Some('ㅌ')),
        ('이', Some('ㅇ')),
        ('너', Some('ㄴ')),
        ('까', Some('ㄲ')),
        ('빠', Some('ㅃ')),
        ('쌍', Some('ㅆ')),
        ('짜', Some('ㅉ')),
        ('따', Some('ㄸ')),
        ('가', Some('ㄱ')),
        ('힣', Some('ㅎ')),
        ('ㅎ', Some('ㅎ')),
        ('a', None),
        ('ㅏ', None),
        ('ㄳ', None),
    ];
    for (c, want) in cases {
        assert_eq!(choseong(c), want, "{c}");
    }
}

#[test]
fn matching_table() {
    let cases: &[(&str, &str, bool)] = &[
        // Substrings of Hangul, no tokenizing.
        ("컨테이너 레이어", "테이너", true),
        ("컨테이너 레이어", "이너 레", true),
        ("컨테이너", "컨테이너들", false),
        // Latin, case-insensitive.
        ("EXPOSE는 80으로", "expose", true),
        ("docker run", "DOCKER", true),
        ("digest는 뭔가요?", "Digest", true),
        // 초성.
        ("컨테이너", "ㅋㅌㅇㄴ", true),
        ("다이제스트", "ㄷㅇㅈㅅㅌ", true),
        ("이미지", "ㅇㅁㅈ", true),
        ("이미지", "ㅇㅁㅊ", false),
        // 쌍자음 are their own consonant.
        ("까만 빵", "ㄲㅁ", true),
        ("까만 빵", "ㄱㅁ", false),
        ("쌍둥이", "ㅆㄷ", true),
        ("쌍둥이", "ㅅㄷ", false),
        // Mixed terms, all must match.
        ("docker 이미지 삭제", "docker ㅇㅁㅈ", true),
        ("docker 이미지 삭제", "docker ㅂㄹ", false),
        ("컨테이너", "컨ㅌ", true),
        // Unfinished syllable at the end while typing.
        ("컨테이너", "컨테ㅇ", true),
        ("컨테이너", "컨텡", true),
        ("컨테이너", "커", true),
        ("컨테이너", "컨테이", true),
        ("컨테이너", "컨텍", false),
        // An unfinished syllable only counts at the end of a term.
        ("컨테이너", "커테", false),
        // No false hits across unrelated syllables.
        ("볼륨", "ㅂㄹㅁ", false),
        ("볼륨", "ㅂㄹ", true),
        ("tag와 label", "ㅌ", false),
    ];
    for &(text, query, want) in cases {
        assert_eq!(matches(text, query), want, "{query:?} in {text:?}");
    }
}

#[test]
fn ranking_puts_question_hits_before_answer_hits_before_notes() {
    let md = "## T\n\n- 볼륨은 뭔가요?\n  - 데이터를 남깁니다.\n\n- 네트워크는?\n  - 볼륨과는 다릅니다.\n\n- 이미지는?\n  - 레이어입니다.\n";
    let c = course::load_sources("t", &[("t".into(), md.into())], &course::ImageBase::None);
    let index = Index::new(&c);
    let third = c.topics[0].questions[2].id.clone();
    let hits = index.search(
        &Query::parse("볼륨"),
        |id| (id == &third).then_some("볼륨 마운트 정리"),
        10,
    );
    let order: Vec<(usize, Field)> = hits.iter().map(|h| (h.question, h.field)).collect();
    assert_eq!(
        order,
        [(0, Field::Question), (1, Field::Answer), (2, Field::Note)]
    );
    // The snippet keeps the original text and the highlight covers the match.
    let h = &hits[1];
    assert_eq!(h.snippet_parts().1, "볼륨");
}

#[test]
fn snippets_keep_case_and_mark_the_match() {
    let md = "## Docker\n\n- EXPOSE는 80으로 설정하고 docker run -p 8080:8080 로 하면?\n";
    let c = course::load_sources("t", &[("t".into(), md.into())], &course::ImageBase::None);
    let hits = Index::new(&c).search(&Query::parse("expose"), |_| None, 5);
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!(h.snippet_parts().1, "EXPOSE");
}

#[test]
fn the_seed_answers_searches_students_make() {
    let c = course::load_builtin();
    let index = Index::new(&c);
    let texts = |q: &str| -> Vec<String> {
        index
            .search(&Query::parse(q), |_| None, 50)
            .into_iter()
            .map(|h| c.topics[h.topic].questions[h.question].text.clone())
            .collect()
    };
    assert_eq!(
        texts("digest").first().map(String::as_str),
        Some("digest는 뭔가요?")
    );
    // Every 초성 hit really holds 컨테이너, in its question or its answer.
    let hits = index.search(&Query::parse("ㅋㅌㅇㄴ"), |_| None, 50);
    assert!(hits.len() >= 5, "{hits:?}");
    for h in &hits {
        let q = &c.topics[h.topic].questions[h.question];
        assert!(
            q.text.contains("컨테이너") || q.answer.contains("컨테이너"),
            "{}",
            q.text
        );
    }
    // Question-text hits come first.
    assert_eq!(hits[0].field, Field::Question);
    assert!(texts("볼륨").iter().any(|t| t.contains("볼륨")));
    assert!(texts("EXPOSE").iter().any(|t| t.starts_with("EXPOSE")));
    assert!(texts("쿠버네티스").iter().any(|t| t.contains("쿠버네티스")));
    assert!(texts("없는말").is_empty());
}
