use super::*;

#[test]
fn a_question_is_matched_with_other_spacing_punctuation_and_ending() {
    let asked = "컨테이너를 삭제하면 이미지도 지워지나요?";
    for later in [
        "컨테이너를  삭제하면 이미지도 지워지나요 ?",
        "컨테이너를 삭제하면, 이미지도 지워지는 건가요?",
        "컨테이너를 삭제하면 이미지도 지워지는가요",
    ] {
        assert_eq!(question_key(asked), question_key(later), "{later}");
    }
    assert_ne!(
        question_key(asked),
        question_key("컨테이너를 삭제하면 볼륨도 지워지나요?")
    );
}

#[test]
fn a_later_session_that_asks_it_is_found_and_its_answer_said() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    let (mut book, warnings) = AskedBook::open(&data).expect("opens");
    assert!(warnings.is_empty() && book.is_empty());
    let now = Timestamp::from_second(1_764_464_400).expect("time");
    book.add("Docker", "컨테이너를 삭제하면 이미지도 지워지나요?", now);
    book.add("Kubernetes", "파드는 몇 개까지 띄울 수 있나요?", now);
    book.save().expect("saved");
    // A second window sees them; one taken back there is gone here too after a merge.
    let (mut other, _) = AskedBook::open(&data).expect("opens");
    assert_eq!(other.len(), 2);
    let id = other.questions().nth(1).expect("second").id.clone();
    other.remove(&id, Timestamp::from_second(1_764_464_500).expect("time"));
    other.save().expect("saved");
    book.add(
        "Docker",
        "tag는 여러 개 붙일 수 있나요?",
        Timestamp::from_second(1_764_464_600).expect("time"),
    );
    book.save().expect("saved");
    let (book, _) = AskedBook::open(&data).expect("opens");
    let texts: Vec<&str> = book.questions().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "컨테이너를 삭제하면 이미지도 지워지나요?",
            "tag는 여러 개 붙일 수 있나요?"
        ]
    );
    // Exported in the session format, under their topics.
    assert_eq!(
        as_markdown(book.questions()),
        "## Docker\n\n- 컨테이너를 삭제하면 이미지도 지워지나요?\n- tag는 여러 개 붙일 수 있나요?\n"
    );
    // Pasted into the next session, with another ending, and answered there.
    let next = "# MSP T3 - 23-8차\n\n## Docker\n\n- 컨테이너를 삭제하면, 이미지도 지워지는 건가요?\n  - 아니요, 이미지는 그대로 남습니다.\n";
    let course = crate::course::load_sources(
        "",
        &[("23-8.md".to_owned(), next.to_owned())],
        &crate::course::ImageBase::None,
    );
    let first = book.questions().next().expect("first");
    let (t, q) = asked_in(first, &course).expect("found");
    assert!(!course.topics[t].questions[q].is_open());
    let second = book.questions().nth(1).expect("second");
    assert_eq!(asked_in(second, &course), None);
}
