//! The content model on the real class notes and on bad input. No UI.

use std::fs;

#[path = "common/commonmark.rs"]
mod commonmark;

use study_companion::course::{
    self, BlockKind, Course, ImageBase, ImageStatus, LoadError, ProblemKind, builtin,
};

const SEED: &str = include_str!("../content/msp-t3-23-5.md");

/// The status of each stand-alone image of the first topic, in order.
fn image_statuses(c: &Course) -> Vec<ImageStatus> {
    c.topics[0]
        .questions
        .iter()
        .flat_map(|q| &q.blocks)
        .filter_map(|b| match &b.kind {
            BlockKind::Image(i) => Some(i.status.clone()),
            BlockKind::Markdown | BlockKind::Code { .. } => None,
        })
        .collect()
}

fn seed() -> Course {
    course::load_builtin()
}

#[test]
fn seed_has_one_document_two_topics_and_21_docker_questions() {
    let c = seed();
    assert_eq!(c.documents.len(), 1);
    assert_eq!(c.documents[0].title, "MSP T3 - 23-5차");
    assert_eq!(c.title, "MSP T3 - 23-5차");
    let names: Vec<&str> = c.topics.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Docker", "Kubernetes"]);
    assert_eq!(c.topics[0].questions.len(), 21);
    assert!(c.topics[1].questions.is_empty());
    assert!(c.problems.is_empty(), "{:?}", c.problems);
}

#[test]
fn seed_has_exactly_the_four_open_questions() {
    let c = seed();
    let open: Vec<&str> = c.topics[0]
        .questions
        .iter()
        .filter(|q| q.is_open())
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(
        open,
        [
            "다른 사람이 만든 이미지에 push를 통해서 덮어 씌울 수 있나요?",
            "digest는 뭔가요?",
            "COPY는 storage(volume, bind mount 등)와는 어떤 관련이 있나요?",
            "tag와 label의 차이는 뭔가요?",
        ]
    );
    assert_eq!(c.open_count(), 4);
}

#[test]
fn expose_answer_holds_its_code_block_and_the_screenshot() {
    let c = seed();
    let q = c.topics[0]
        .questions
        .iter()
        .find(|q| q.text.starts_with("EXPOSE는 80으로"))
        .expect("EXPOSE question");
    assert!(q.answer.contains("502 Bad gateway"));
    assert!(
        q.answer
            .contains("```\nubuntu $ docker run -dp 8080:8080 nginx")
    );
    assert!(q.answer.contains("22875/docker-proxy"));
    assert!(q.answer.contains("![](img/expose-nginx_23-5.png)"));
    let image = q
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Image(i) => Some(i),
            BlockKind::Markdown | BlockKind::Code { .. } => None,
        })
        .expect("a stand-alone image block");
    assert_eq!(image.url, "img/expose-nginx_23-5.png");
    assert_eq!(image.status, ImageStatus::Ok);
    assert_eq!(image.uri, "bytes://builtin/img/expose-nginx_23-5.png");
    assert!(builtin::image("img/expose-nginx_23-5.png").is_some_and(|b| b.starts_with(b"\x89PNG")));
    // The next question does not swallow the image or the code.
    let next = c.topics[0]
        .questions
        .iter()
        .find(|q| q.text.starts_with("COPY는"))
        .expect("COPY question");
    assert!(next.answer.is_empty());
}

#[test]
fn docker_rmi_answer_holds_its_code_block() {
    let c = seed();
    let q = c.topics[0]
        .questions
        .iter()
        .find(|q| q.text.contains("그 이미지를 삭제(?)하면"))
        .expect("rmi question");
    assert!(
        q.answer
            .starts_with("- 먼저 docker 명령어를 이용한 이미지 삭제(`docker rmi`)는 안됩니다.")
    );
    assert!(q.answer.contains("```bash\nubuntu $ docker run -d nginx"));
    assert!(q.answer.contains("Error response from daemon: conflict"));
    assert!(!q.is_open());
    // Two bullets and a code block: three blocks, the bullets one list.
    assert_eq!(q.blocks.len(), 3);
    assert!(q.blocks[1].continues_list);
    // The terminal session is a code block: its language, its text without fences, and
    // its longest line (for unwrapped display).
    let BlockKind::Code {
        lang,
        code,
        longest_line,
    } = &q.blocks[2].kind
    else {
        panic!("not a code block: {:?}", q.blocks[2].kind);
    };
    assert_eq!(lang, "bash");
    assert!(code.starts_with("ubuntu $ docker run -d nginx\n"));
    assert!(code.ends_with("is using its referenced image f9c14fe76d50"));
    // The daemon's error line, counted by hand: the card sizes the code to it.
    assert_eq!(*longest_line, 164);
}

#[test]
fn answers_render_as_written_with_inline_code_and_links() {
    let c = seed();
    let q = c.topics[0]
        .questions
        .iter()
        .find(|q| q.text.starts_with("Docker network의 bridge"))
        .expect("bridge question");
    assert_eq!(
        q.answer,
        "- L2 통신을 지원합니다.\n- [4. Docker 네트워크 (리눅스 용)](https://doitnow-man.tistory.com/m/183) 의 내용도 참고하세요."
    );
}

#[test]
fn ids_survive_whitespace_and_punctuation_edits() {
    let c = seed();
    let edited = SEED
        .replace("- digest는 뭔가요?", "- digest는 \t  뭔가요")
        .replace(
            "- tag와 label의 차이는 뭔가요?",
            "- tag와 label의 차이는 뭔가요?!",
        );
    let e = course::load_sources("x", &[("msp-t3-23-5".into(), edited)], &ImageBase::None);
    let ids = |c: &Course| -> Vec<String> {
        c.topics[0]
            .questions
            .iter()
            .map(|q| q.id.to_string())
            .collect()
    };
    assert_eq!(ids(&c), ids(&e));
    // All 21 ids are distinct.
    let mut unique = ids(&c);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 21);
}

/// The ids of the seed's questions, pinned. Notes are stored under these: a change of the
/// hash, the normalisation or what goes into the id would orphan every student's answers.
const GOLDEN_IDS: [(&str, &str); 21] = [
    (
        "qee984b27f0bbf862",
        "컨테이너 환경은 OS가 24시간 동작한다고 생각하면 되겠네요.",
    ),
    (
        "q21207ce064eed27f",
        "컨테이너 레이어에서 어떤 파일을 사용할지 결정할 때 상위에 있는 Image layer 순서는 어떻게 정해지나요?",
    ),
    (
        "q5d81d204b6f1e3cc",
        "이미지와 컨테이너는 상호 종속관계가 아니고 독립적인 관계인가요?",
    ),
    (
        "q74524a06e22e506e",
        "다른 사람이 만든 이미지에 push를 통해서 덮어 씌울 수 있나요?",
    ),
    (
        "qa80765b65bf00b45",
        "이미지로부터 컨테이너를 run하여 생성한 후, 그 이미지를 삭제(?)하면 run하던 컨테이너는 어떻게 되나요?",
    ),
    (
        "qd9332cab01d03e18",
        "commit을 하게되면 image에 변경되어 저장되나요?",
    ),
    (
        "q05a1af4c7a3d63b3",
        "run하는 동안에는 images와 컨테이너는 연결되어 있는건가요?",
    ),
    (
        "q1d04076591633a4c",
        "test 라는 파일은 R/W 레이어에 있는건가요? (* test파일은 컨테이너 실행 후 생성된 파일)",
    ),
    ("q28c9c1e8d8e60261", "digest는 뭔가요?"),
    (
        "q9d61a59e30cc2477",
        "pull때 기본 디렉토리는 library/ 이고, push때 기본 디렉토리는 docker.io/ 인가요?",
    ),
    (
        "q6e27b3a86488faaf",
        "docker run을 실행하면 docker pull은 같이 수행되나요?",
    ),
    (
        "q5928a8532baea363",
        "이미지는 push시에 다른 버젼으로 자동으로 생성해 주는 건가요?",
    ),
    (
        "q96d62ba474b5bc3f",
        "Chapter2 교재 4페이지에서 docker push 시에 3개는 push, 4내는 이미 존재하는 레이어라고 나오는데요, r/w레이어는 하나인데 왜 3개가 push되나요?",
    ),
    (
        "qb34e47ecde1eb854",
        "R/W 레이어를 마운트하지 않고 커밋으로 이미지화 하면 동일하게 삭제되지 않고 사용할 수 있지 않나요?",
    ),
    (
        "q4ec508b12f21c188",
        "Docker network의 bridge유형이 L4랑 비슷한 개념일까요?",
    ),
    (
        "qe21eb7c1b057d990",
        "host유형으로 쿠버네티스에서 사용하나요?",
    ),
    (
        "q92c507a853b64b3d",
        "Host 유형은 잘 사용하지 않나요? 어떨 때 사용하나요?",
    ),
    (
        "q75b9b45adb108aba",
        "볼륨을 사용하지 않으면 mysql 에 저장된 데이터도 삭제되나요?",
    ),
    (
        "q6963f0100a04c8c7",
        "EXPOSE는 80으로 설정하고 docker run -p 8080:8080 로 하면 어떻게 되나요?",
    ),
    (
        "q6e0846b9e69bb9dd",
        "COPY는 storage(volume, bind mount 등)와는 어떤 관련이 있나요?",
    ),
    ("qf795ded86d78e7c2", "tag와 label의 차이는 뭔가요?"),
];

#[test]
fn the_seeds_question_ids_never_change() {
    let c = seed();
    let ids: Vec<(&str, &str)> = c.topics[0]
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.text.as_str()))
        .collect();
    assert_eq!(ids, GOLDEN_IDS);
}

#[test]
fn crlf_and_bom_give_the_same_course() {
    let c = course::load_sources("x", &[("a".into(), SEED.to_owned())], &ImageBase::None);
    let crlf = format!("\u{feff}{}", SEED.replace('\n', "\r\n"));
    let d = course::load_sources("x", &[("a".into(), crlf)], &ImageBase::None);
    assert_eq!(d.documents[0].title, "MSP T3 - 23-5차");
    assert_eq!(d.topics[0].questions.len(), 21);
    for (a, b) in c.topics[0].questions.iter().zip(&d.topics[0].questions) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.answer, b.answer);
    }
}

#[test]
fn a_file_without_headings_uses_its_name_and_a_general_topic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("week-3 notes.md");
    fs::write(
        &path,
        "intro line\n\n- 볼륨은 뭔가요?\n  - 데이터를 남기는 곳\n- 열린 질문\n",
    )
    .expect("write");
    let c = course::load_path(&path).expect("loads");
    assert_eq!(c.title, "week-3 notes");
    assert_eq!(c.topics.len(), 1);
    assert!(c.topics[0].is_general());
    assert_eq!(c.topics[0].questions.len(), 2);
    assert_eq!(c.open_count(), 1);
    assert_eq!(c.documents[0].preface, "intro line");
}

#[test]
fn a_folder_merges_topics_and_reports_bad_files_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("01.md"), SEED).expect("write");
    fs::write(
        dir.path().join("02.md"),
        "# MSP T3 - 23-6차\n\n## Kubernetes\n\n- Pod는 뭔가요?\n  - 컨테이너 묶음\n\n## Docker\n\n- 볼륨?\n",
    )
    .expect("write");
    fs::write(dir.path().join("03-broken.md"), b"# \xff\xfe bad\n").expect("write");
    fs::write(dir.path().join("notes.txt"), "not markdown").expect("write");
    let c = course::load_path(dir.path()).expect("loads");
    assert_eq!(c.documents.len(), 2);
    let names: Vec<&str> = c.topics.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Docker", "Kubernetes"]);
    assert_eq!(c.topics[0].questions.len(), 22);
    assert_eq!(c.topics[1].questions.len(), 1);
    // Questions keep their session.
    let last = c.topics[0].questions.last().expect("q");
    assert_eq!(c.documents[last.document].short_label(), "23-6차");
    // The copy of the seed has no img/ folder beside it: said, with the file's name.
    assert_eq!(c.problems.len(), 2, "{:?}", c.problems);
    assert!(c.problems[0].file.ends_with("01.md"));
    assert_eq!(
        c.problems[0].kind,
        ProblemKind::MissingImage {
            url: "img/expose-nginx_23-5.png".into()
        }
    );
    assert!(c.problems[1].file.ends_with("03-broken.md"));
    assert!(matches!(
        c.problems[1].kind,
        ProblemKind::NotUtf8 { offset: 2 }
    ));
}

#[test]
fn a_single_bad_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin1.md");
    fs::write(&path, b"# caf\xe9\n").expect("write");
    let err = course::load_path(&path).expect_err("not UTF-8");
    assert!(matches!(err, LoadError::NotUtf8 { .. }));
    assert!(err.to_string().contains("latin1.md"), "{err}");

    let missing = dir.path().join("gone.md");
    let err = course::load_path(&missing).expect_err("missing");
    assert!(err.to_string().contains("gone.md"), "{err}");

    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    let err = course::load_path(&empty).expect_err("no markdown");
    assert!(matches!(err, LoadError::NoMarkdown { .. }), "{err}");
}

#[test]
fn missing_and_huge_images_are_reported_with_their_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("img")).expect("mkdir");
    fs::write(dir.path().join("img/ok.png"), b"\x89PNG").expect("write");
    let big = fs::File::create(dir.path().join("img/big.png")).expect("create");
    big.set_len(course::MAX_IMAGE_BYTES + 1)
        .expect("sparse file");
    fs::write(
        dir.path().join("n.md"),
        "## T\n\n- a\n\n![](img/ok.png)\n\n- b\n\n![](img/nope.png)\n\n- c\n\n![](img/big.png)\n",
    )
    .expect("write");
    let c = course::load_path(&dir.path().join("n.md")).expect("loads");
    let kinds: Vec<&ProblemKind> = c.problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &ProblemKind::MissingImage {
                url: "img/nope.png".into()
            },
            &ProblemKind::HugeImage {
                url: "img/big.png".into(),
                bytes: course::MAX_IMAGE_BYTES + 1
            },
        ]
    );
    assert!(c.problems.iter().all(|p| p.file.ends_with("n.md")));
    let statuses = image_statuses(&c);
    assert_eq!(
        statuses,
        [
            ImageStatus::Ok,
            ImageStatus::Missing,
            ImageStatus::TooLarge(course::MAX_IMAGE_BYTES + 1)
        ]
    );
}

#[test]
fn a_folder_course_is_titled_by_what_its_sessions_share() {
    let titles = |ts: &[&str]| course::shared_title(ts.iter().copied());
    assert_eq!(titles(&["MSP T3 - 23-5차", "MSP T3 - 23-6차"]), "MSP T3");
    assert_eq!(
        titles(&["MSP T3 - 23-5차", "MSP T3 - 23-6차", "MSP T3 · 보충"]),
        "MSP T3"
    );
    assert_eq!(titles(&["Docker 1", "Kubernetes 1"]), "");
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.md"), SEED).expect("write");
    fs::write(
        dir.path().join("b.md"),
        include_str!("fixtures/sessions/msp-t3-23-6.md"),
    )
    .expect("write");
    assert_eq!(course::load_path(dir.path()).expect("load").title, "MSP T3");
    // A third session: topics merge across all three, each question keeps its session.
    fs::write(
        dir.path().join("b2.md"),
        include_str!("fixtures/sessions/msp-t3-23-7.md"),
    )
    .expect("write");
    let three = course::load_path(dir.path()).expect("load");
    assert_eq!(three.title, "MSP T3");
    let counts: Vec<(&str, usize, usize)> = three
        .topics
        .iter()
        .map(|t| (t.name.as_str(), t.questions.len(), t.open_count()))
        .collect();
    assert_eq!(counts, [("Docker", 25, 5), ("Kubernetes", 9, 4)]);
    let sessions: Vec<&str> = three.topics[1]
        .questions
        .iter()
        .map(|q| three.documents[q.document].short_label())
        .collect();
    assert_eq!(sessions[..5], ["23-6차"; 5]);
    assert_eq!(sessions[5..], ["23-7차"; 4]);
    fs::remove_file(dir.path().join("b2.md")).expect("remove");
    // Nothing shared: the folder's name.
    fs::write(dir.path().join("c.md"), "# 보충 수업\n\n- 질문?\n").expect("write");
    let name = dir
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    assert_eq!(course::load_path(dir.path()).expect("load").title, name);
}

/// `study-companion --export-sheet`, the real binary.
fn export_sheet(data: &std::path::Path, path: &std::path::Path, out: &std::path::Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_study-companion"))
        .arg("--export-sheet")
        .arg(out)
        .arg("--data-dir")
        .arg(data)
        .arg(path)
        .status()
        .expect("run the app");
    assert!(status.success());
}

#[test]
fn the_study_sheet_of_the_grown_folder_has_the_answers_of_the_single_file() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let folder = root.path().join("msp");
    fs::create_dir_all(&folder).expect("mkdir");
    let file = folder.join("msp-t3-23-5.md");
    fs::write(&file, SEED).expect("write");
    // An answer given on the single file (as the app stores it).
    let alone = course::load_path(&file).expect("load");
    let mut book =
        study_companion::notes::Notebook::new(study_companion::notes::DataDir::at(&data));
    book.open_sessions(&alone, jiff::Timestamp::now());
    let digest = alone.topics[0].questions[8].id.clone();
    let info = study_companion::notes::QuestionInfo::find(&alone, &digest).expect("info");
    assert!(book.set_text(&digest, &info, "이미지 내용의 해시", jiff::Timestamp::now()));
    book.save().expect("save");

    fs::write(
        folder.join("msp-t3-23-6.md"),
        include_str!("fixtures/sessions/msp-t3-23-6.md"),
    )
    .expect("write");
    let out = root.path().join("sheet.md");
    export_sheet(&data, &folder, &out);
    let sheet = fs::read_to_string(&out).expect("sheet");
    assert!(sheet.starts_with("# MSP T3\n"), "{sheet}");
    let digest_at = sheet.find("- digest는 뭔가요?").expect("digest");
    let answer_at = sheet.find("  > 이미지 내용의 해시").expect("answer");
    assert!(digest_at < answer_at);
    // Only the file that was named: no backup beside it.
    let names: Vec<String> = fs::read_dir(root.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with("sheet.md.")),
        "{names:?}"
    );
}

// ---- Hostile input: the loader never blocks, never reads without end, never escapes ----

/// Loads with a deadline: a hang is an error ("not read within"), not a hung test.
fn load_within(path: &std::path::Path, seconds: u64) -> Result<Course, LoadError> {
    course::load_path_within(path, std::time::Duration::from_secs(seconds))
}

#[cfg(unix)]
#[test]
fn a_folder_with_a_fifo_and_a_link_to_dev_zero_loads_at_once_and_names_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.md"), SEED).expect("write");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).expect("symlink");
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    std::os::unix::fs::symlink("loop.md", dir.path().join("loop.md")).expect("loop");
    let c = load_within(dir.path(), 5).expect("loads");
    assert_eq!(c.question_count(), 21);
    let kinds: Vec<(String, &ProblemKind)> = c
        .problems
        .iter()
        .filter(|p| !matches!(p.kind, ProblemKind::MissingImage { .. }))
        .map(|p| {
            let name = std::path::Path::new(&p.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, &p.kind)
        })
        .collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert!(matches!(kinds[0], (ref n, ProblemKind::Unreadable(_)) if n == "loop.md"));
    assert!(
        matches!(kinds[1], (ref n, ProblemKind::NotAFile { kind }) if n == "pipe.md" && kind.contains("FIFO"))
    );
    // A link out of the opened folder is never followed (a course repository may hold
    // anything): named, not read.
    assert!(matches!(kinds[2], (ref n, ProblemKind::LinkOutside) if n == "zero.md"));
    // Opened alone, each is a clear error naming it.
    let err = load_within(&dir.path().join("pipe.md"), 5).expect_err("a pipe");
    assert!(err.to_string().contains("pipe.md"), "{err}");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let err = load_within(&dir.path().join("zero.md"), 5).expect_err("a device");
    assert!(err.to_string().contains("zero.md"), "{err}");
}

#[test]
fn a_notes_file_over_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.md");
    let file = fs::File::create(&big).expect("create");
    file.set_len(course::MAX_CLASS_FILE_BYTES + 1)
        .expect("sparse");
    let err = load_within(&big, 5).expect_err("too large");
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("big.md"), "{err}");
}

#[test]
fn images_that_leave_the_folder_or_use_other_schemes_are_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let notes = root.path().join("notes");
    fs::create_dir_all(notes.join("img")).expect("mkdir");
    fs::write(notes.join("img/ok.png"), b"\x89PNG").expect("write");
    fs::write(root.path().join("secret.png"), b"\x89PNG").expect("write");
    let md = "## T\n\n\
        - a\n\n![](img/ok.png)\n\n\
        - b\n\n![](../secret.png)\n\n\
        - c\n\n![](/etc/passwd)\n\n\
        - d\n\n![](file:///etc/passwd)\n\n\
        - e\n\n![](javascript:alert(1))\n\n\
        - f\n\n![](https://example.com/cat.png)\n\n\
        - g\n\n![](data:image/png;base64,iVBORw0KGgo=)\n\n\
        - h\n\n![](img)\n";
    fs::write(notes.join("n.md"), md).expect("write");
    let c = course::load_path(&notes.join("n.md")).expect("loads");
    let statuses = image_statuses(&c);
    use study_companion::course::Refusal;
    assert_eq!(
        statuses,
        [
            ImageStatus::Ok,
            ImageStatus::Refused(Refusal::OutsideFolder),
            ImageStatus::Refused(Refusal::Absolute),
            ImageStatus::Refused(Refusal::Scheme("file".into())),
            ImageStatus::Refused(Refusal::Scheme("javascript".into())),
            ImageStatus::Remote,
            ImageStatus::Ok,
            ImageStatus::Refused(Refusal::NotAFile),
        ]
    );
    // Each refusal is said, naming the file and the image.
    let refused = c
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::RefusedImage { .. }))
        .count();
    assert_eq!(refused, 5);
}

#[test]
fn pathological_markdown_parses_in_under_a_second() {
    for (name, text) in course::synthetic::pathological() {
        let started = std::time::Instant::now();
        let doc = course::parse_document(&text, "p", "p.md", ImageBase::None);
        let took = started.elapsed();
        eprintln!("{name}: {} ms, {} bytes", took.as_millis(), text.len());
        assert!(!doc.topics.is_empty(), "{name}");
        assert!(took.as_secs_f64() < 1.0, "{name}: {took:?}");
    }
}

/// Every example of the CommonMark spec parses, on its own and as the answer to a question,
/// and the answer holds the example (with the link definitions it uses); all of them in one
/// file make one question each.
#[test]
fn every_commonmark_example_parses_alone_and_as_an_answer() {
    let examples = commonmark::examples();
    assert_eq!(examples.len(), 652);
    for example in &examples {
        course::parse_document(&example.markdown, "예제", "spec.md", ImageBase::None);
        let doc = course::parse_document(
            &format!("## 예제\n\n{}", commonmark::as_question(example)),
            "spec",
            "spec.md",
            ImageBase::None,
        );
        let q = &doc.topics[0].questions;
        assert_eq!(q.len(), 1, "example {}", example.number);
        let answer = course::visible_controls(&q[0].answer);
        // Only link reference definitions are left out (those the answer does not use, and
        // lone images, which are resolved already); example 208's "[\nfoo\n]: /url" is one.
        let missing: Vec<String> = example
            .markdown
            .lines()
            .map(|l| course::visible_controls(l.trim()))
            .filter(|l| !l.is_empty() && !answer.contains(l.as_str()))
            .filter(|l| !(l.starts_with('[') && l.contains("]:")) && example.number != 208)
            .collect();
        assert!(
            missing.is_empty(),
            "example {}: {missing:?} not in {answer:?}",
            example.number
        );
    }
    let doc = course::parse_document(&commonmark::course(), "spec", "spec.md", ImageBase::None);
    let questions = &doc.topics[0].questions;
    assert_eq!(questions.len(), examples.len());
    for (q, example) in questions.iter().zip(&examples) {
        assert_eq!(q.text, commonmark::question(example));
    }
}

/// What Windows Notepad saves: UTF-16 with a BOM (LE and BE) and CP949. Each opens with its
/// Korean text intact and says which encoding it was; a binary `.md` is still refused.
#[test]
fn utf16_and_cp949_notes_open_with_their_korean_text_and_say_so() {
    use study_companion::course::text::Decoded;
    let seed = include_str!("../content/msp-t3-23-5.md");
    let dir = tempfile::tempdir().expect("tempdir");
    let utf16 = |big_endian: bool| -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in seed.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    let (cp949, _, unmappable) = encoding_rs::EUC_KR.encode(seed);
    assert!(!unmappable, "the seed is all in CP949");
    let reference = course::load_builtin();
    for (name, bytes, encoding) in [
        ("utf16le.md", utf16(false), Decoded::Utf16Le),
        ("utf16be.md", utf16(true), Decoded::Utf16Be),
        ("cp949.md", cp949.into_owned(), Decoded::Cp949),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).expect("write");
        let c = course::load_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(c.title, "MSP T3 - 23-5차", "{name}");
        let texts = |c: &course::Course| -> Vec<String> {
            c.topics[0]
                .questions
                .iter()
                .map(|q| q.text.clone())
                .collect()
        };
        assert_eq!(texts(&c), texts(&reference), "{name}");
        assert_eq!(
            c.topics[0].questions[3].answer,
            reference.topics[0].questions[3].answer
        );
        assert_eq!(c.problems[0].kind, ProblemKind::Decoded(encoding), "{name}");
        assert!(c.problems[0].file.ends_with(name));
        let said = study_companion::i18n::Lang::Ko.problem(&c.problems[0]);
        assert!(said.contains(encoding.name()), "{said}");
    }
    let binary = dir.path().join("binary.md");
    fs::write(&binary, course::builtin::IMAGES[0].1).expect("write");
    let err = course::load_path(&binary).expect_err("a PNG is not notes");
    assert!(matches!(err, LoadError::NotUtf8 { .. }), "{err}");
    assert!(err.to_string().contains("binary.md"), "{err}");
}

/// The fixture course repository (the real layout in small: a README, a contents page,
/// two Marp decks, two labs, an appendix, this course's sessions with every shape of the
/// real ones and an earlier course's in its own format, a stray todo.md, images, a lab
/// file) gives exactly the outline written down beside it.
#[test]
fn a_course_repository_is_told_apart_into_sessions_decks_labs_and_documents() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/course-repo");
    let c = course::load_path(std::path::Path::new(root)).expect("loads");
    let expected = include_str!("fixtures/course-repo.outline");
    assert_eq!(course::outline_text(&c), expected);
    // Only the sessions have questions: the todo's plan, the playlists and the textbook's
    // bullets are none.
    assert_eq!(c.question_count(), 15);
    assert_eq!(c.open_count(), 3);
    let names: Vec<&str> = c.library.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["MSP T3", "MSP T2"]);
    assert_eq!(c.title, "MSP T3 Docker & Kubernetes");
    // The course plan before the first topic is the session's intro, the summary image
    // and the table of commands are the topic's material.
    let first = &c.documents[0];
    assert!(
        first.preface.contains("1주차: Docker 기초"),
        "{}",
        first.preface
    );
    let docker = c
        .topics
        .iter()
        .find(|t| t.name == "Docker")
        .expect("Docker");
    assert!(
        docker.intro.contains("### Docker Summary"),
        "{}",
        docker.intro
    );
    assert!(
        docker.intro.contains("### Docker commands"),
        "{}",
        docker.intro
    );
    // Nothing was wrong in it.
    assert!(
        c.problems
            .iter()
            .all(|p| matches!(p.kind, ProblemKind::Decoded(_))),
        "{:?}",
        c.problems
    );
    // A lab opened alone is a lab, not topics of zero questions.
    let lab =
        course::load_path(&std::path::Path::new(root).join("doc/[Hands-on] 01_Run_Container.md"))
            .expect("loads");
    assert_eq!(lab.question_count(), 0);
    assert_eq!(lab.library.materials.len(), 1);
    assert_eq!(lab.library.materials[0].kind, course::Kind::Lab);
    assert_eq!(lab.title, "[실습] 01. 컨테이너 실행하기");
}

/// Hostile trees: more files than are read, deeper than is read. The bound is said, what
/// came before it loads, nothing hangs.
#[test]
fn a_huge_or_deep_tree_is_read_up_to_its_bounds_and_says_so() {
    use study_companion::course::walk::{self, Bound};
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.md"), SEED).expect("write");
    let many = dir.path().join("many");
    fs::create_dir(&many).expect("mkdir");
    for i in 0..walk::MAX_MARKDOWN + 10 {
        fs::write(many.join(format!("{i}.md")), "# x\n\n- q?\n").expect("write");
    }
    let c = load_within(dir.path(), 20).expect("loads");
    assert!(
        c.problems
            .iter()
            .any(|p| p.kind == ProblemKind::Bound(Bound::Markdown(walk::MAX_MARKDOWN))),
        "{:?}",
        c.problems.iter().map(|p| &p.kind).collect::<Vec<_>>()
    );
    assert_eq!(c.documents.len(), walk::MAX_MARKDOWN);
    let empty = tempfile::tempdir().expect("tempdir");
    for i in 0..walk::MAX_ENTRIES + 1 {
        fs::write(empty.path().join(format!("{i}.txt")), "").expect("write");
    }
    fs::write(empty.path().join("notes.md"), SEED).expect("write");
    let walked = walk::markdown_files(empty.path());
    assert_eq!(walked.bound, Some(Bound::Entries(walk::MAX_ENTRIES)));
}

/// Links inside the course open inside the app: relative ones with percent-escapes, anchors
/// by GitHub's rules (Korean, duplicates numbered), and addresses on GitHub of the course's
/// own repository; a link out of the repository names nothing of it.
#[test]
fn links_to_the_textbook_and_the_labs_open_their_heading() {
    use study_companion::course::links::{LinkTarget, heading_slugs, target};
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/course-repo");
    let mut c = course::load_path(std::path::Path::new(root)).expect("loads");
    let material = |path: &str| {
        c.library
            .materials
            .iter()
            .position(|m| m.path == path)
            .expect("a material")
    };
    let section = |index: usize, heading: &str| {
        c.library.materials[index]
            .headings
            .iter()
            .find(|h| h.text == heading)
            .map(|h| h.section)
    };
    let book1 = material("doc/[Book] 01_Docker_Overview.md");
    let book2 = material("doc/[Book] 02_Dockerfile.md");
    let lab1 = material("doc/[Hands-on] 01_Run_Container.md");
    let cases = [
        (
            "../doc/%5BBook%5D%2002_Dockerfile.md#multi-line-arguments--reducing-clutter",
            LinkTarget::Material {
                index: book2,
                section: section(book2, "Multi-line arguments & reducing clutter"),
            },
        ),
        (
            "../doc/%5BHands-on%5D%2001_Run_Container.md#1-이미지-검색하기",
            LinkTarget::Material {
                index: lab1,
                section: section(lab1, "1. 이미지 검색하기"),
            },
        ),
        (
            "https://github.com/cloud-academy/msp-t3/blob/main/doc/%5BBook%5D%2001_Docker_Overview.md#컨테이너란",
            LinkTarget::Material {
                index: book1,
                section: section(book1, "컨테이너란?"),
            },
        ),
        (
            "https://github.com/someone/else/blob/main/x.md",
            LinkTarget::Outside,
        ),
        ("../../etc/passwd", LinkTarget::NotInCourse),
    ];
    for (url, want) in &cases {
        assert!(
            !matches!(want, LinkTarget::Material { section: None, .. }),
            "{url}"
        );
        assert_eq!(&target(url, &c), want, "{url}");
    }
    // Once the clone's remote names the repository, another owner's address is the web.
    c.library.repository = Some(("cloud-academy".into(), "msp-t3".into()));
    assert_eq!(target(cases[2].0, &c), cases[2].1);
    let theirs = cases[2].0.replace("cloud-academy", "someone");
    assert_eq!(target(&theirs, &c), LinkTarget::Outside);
    assert_eq!(
        heading_slugs(["설치", "설치", "Docker & K8s"].into_iter()),
        ["설치", "설치-1", "docker--k8s"]
    );
    assert_eq!(
        course::links::github_remote(
            "[remote \"origin\"]\n\turl = git@github.com:cloud-academy/msp-t3.git\n"
        ),
        Some(("cloud-academy".into(), "msp-t3".into()))
    );
}

/// The Anki export of a repository: a deck per course and topic (`MSP T2::Docker`), never a
/// course title cut inside its parenthesis, never an empty topic.
#[test]
fn a_repository_exports_a_deck_per_course_and_topic() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/course-repo");
    let c = course::load_path(std::path::Path::new(root)).expect("loads");
    let dir = tempfile::tempdir().expect("tempdir");
    let notes =
        study_companion::notes::Notebook::new(study_companion::notes::DataDir::at(dir.path()));
    let labels = study_companion::review::anki::Labels {
        my_answer: "내 답",
        my_note: "내 메모",
    };
    let export = study_companion::review::anki::render(&c, &notes, labels);
    let mut decks: Vec<&str> = export
        .text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(2))
        .collect();
    decks.sort();
    decks.dedup();
    assert_eq!(
        decks,
        [
            "MSP T2::Docker",
            "MSP T2::Kubernetes",
            "MSP T3::AWS",
            "MSP T3::Docker",
            "MSP T3::Kubernetes"
        ]
    );
}

/// Raw HTML of the safe subset in a session's answer and a topic's material is drawn when
/// shown; the answer as written (for the sheet and Anki) keeps it.
#[test]
fn an_answers_br_and_kbd_are_drawn_and_kept_as_written() {
    let md = "# S\n\n## T\n\n<kbd>Ctrl</kbd> 로 시작\n\n- 복사는 어떻게 하나요?\n  - <kbd>Ctrl</kbd>+<kbd>C</kbd><br>그리고 붙여넣기\n";
    let c = course::load_sources("c", &[("s.md".into(), md.into())], &ImageBase::None);
    let q = &c.topics[0].questions[0];
    assert!(q.answer.contains("<kbd>Ctrl</kbd>"), "{}", q.answer);
    let shown: String = q
        .segments()
        .into_iter()
        .filter_map(|s| match s {
            course::Segment::Markdown { text, .. } => Some(text),
            _ => None,
        })
        .collect();
    assert!(shown.contains("`Ctrl`+`C`  \n그리고"), "{shown}");
    assert!(
        c.topics[0].intro.contains("`Ctrl` 로 시작"),
        "{}",
        c.topics[0].intro
    );
}

/// Every fixture deck has the slides Marp makes of it: the counts `tools/marp-compare.sh
/// --record` wrote down from marp-cli (`---` in code and in the front matter, a setext
/// heading, `***` and `- - -`, `headingDivider`, a trailing rule).
#[test]
fn each_fixture_deck_has_the_slides_marp_makes_of_it() {
    let root = env!("CARGO_MANIFEST_DIR");
    let recorded = include_str!("fixtures/decks/marp-slides.txt");
    let mut checked = 0;
    for line in recorded.lines().filter(|l| !l.starts_with('#')) {
        let (path, count) = line.split_once('\t').expect("path and count");
        let c = course::load_path(&std::path::Path::new(root).join(path)).expect("loads");
        let deck = &c.library.materials[0];
        assert_eq!(deck.kind, course::Kind::Deck, "{path}");
        assert_eq!(deck.slides.to_string(), count, "{path}");
        assert_eq!(
            deck.deck.as_ref().map(|d| d.slides.len()),
            Some(deck.slides)
        );
        checked += 1;
    }
    assert_eq!(checked, 5);
}

/// `--export-commands` writes the commands of each document as these golden scripts: the
/// built-in notes, the fixture repository's first lab, and a lab of every session shape
/// (a heredoc with `#` and `$` lines in it, a `\` continuation, a "💻 명령어" quote that
/// repeats the session above it, busybox's `/ # ` after `docker run -it … sh`, a console
/// block, PowerShell, a YAML block that is no command).
#[test]
fn the_commands_script_of_the_built_in_notes_and_the_labs() {
    use study_companion::course::script::commands_script;
    use study_companion::i18n::Lang;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = |c: &course::Course| commands_script(c, &Lang::Ko.script_header(&c.title));
    assert_eq!(
        script(&course::load_builtin()),
        include_str!("fixtures/commands/builtin.sh")
    );
    for (lab, golden) in [
        (
            "tests/fixtures/course-repo/doc/[Hands-on] 01_Run_Container.md",
            include_str!("fixtures/commands/lab-run-container.sh"),
        ),
        (
            "tests/fixtures/labs/[Hands-on] 03_Volume.md",
            include_str!("fixtures/commands/lab-volume.sh"),
        ),
    ] {
        let c = course::load_path(&root.join(lab)).expect("loads");
        assert_eq!(script(&c), golden, "{lab}");
    }
}
