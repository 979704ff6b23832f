//! `cargo bench`: parsing, and one UI frame (a kittest step, no GPU), for the seed and for a
//! generated 10,000-question course. The frame of the large course must stay within 2× of
//! the seed's: only what is visible is laid out.

// criterion is not a dependency on Windows (see Cargo.toml): there this bench says so.
#[cfg(windows)]
fn main() {
    eprintln!("the criterion benches run on Linux and macOS");
}

#[cfg(not(windows))]
criterion::criterion_main!(bench::benches);

#[cfg(not(windows))]
#[path = "../tests/common/mod.rs"]
mod common;

#[cfg(not(windows))]
mod bench {
    use super::common;

    use criterion::{Criterion, criterion_group};
    use std::hint::black_box;
    use study_companion::course::{self, ImageBase, synthetic};

    const SEED: &str = include_str!("../content/msp-t3-23-5.md");

    fn parse(c: &mut Criterion) {
        let big = synthetic::document(10_000);
        let mut g = c.benchmark_group("parse");
        g.bench_function("seed", |b| {
            b.iter(|| course::parse_document(black_box(SEED), "seed", "seed", ImageBase::None))
        });
        g.sample_size(20);
        g.bench_function("10k_questions", |b| {
            b.iter(|| course::parse_document(black_box(&big), "big", "big", ImageBase::None))
        });
        // Parsing alone: freeing the last result (a course being replaced) is not timed.
        g.bench_function("10k_questions_without_drop", |b| {
            b.iter_with_large_drop(|| {
                course::parse_document(black_box(&big), "big", "big", ImageBase::None)
            })
        });
        // The floor: pulldown-cmark's own pass over the same text, with every extension on
        // (as first measured) and with the ones the app's parser turns on.
        g.bench_function("10k_questions_pulldown_only", |b| {
            b.iter(|| {
                pulldown_cmark::Parser::new_ext(black_box(&big), pulldown_cmark::Options::all())
                    .into_offset_iter()
                    .count()
            })
        });
        g.bench_function("10k_questions_pulldown_only_same_options", |b| {
            b.iter(|| {
                pulldown_cmark::Parser::new_ext(black_box(&big), course::PARSER_OPTIONS)
                    .into_offset_iter()
                    .count()
            })
        });
        g.finish();
        ratio_to_floor(&big);
    }

    /// The parser's time over pulldown-cmark's alone (same options), each the fastest of 30
    /// runs taken in turn: on a shared machine the minimum is what repeats. Printed, as the
    /// issue's budget is a ratio (≤ 3×).
    fn ratio_to_floor(big: &str) {
        use std::time::{Duration, Instant};
        let mut parse = Duration::MAX;
        let mut floor = Duration::MAX;
        for _ in 0..30 {
            let t = Instant::now();
            let parsed = course::parse_document(black_box(big), "big", "big", ImageBase::None);
            parse = parse.min(t.elapsed());
            drop(black_box(parsed));
            let t = Instant::now();
            black_box(
                pulldown_cmark::Parser::new_ext(black_box(big), course::PARSER_OPTIONS)
                    .into_offset_iter()
                    .count(),
            );
            floor = floor.min(t.elapsed());
        }
        eprintln!(
            "parse/ratio_to_floor: 10,000 questions parsed in {:.2} ms, pulldown-cmark alone \
             {:.2} ms: {:.2}× (fastest of 30 each; budget 3×)",
            parse.as_secs_f64() * 1e3,
            floor.as_secs_f64() * 1e3,
            parse.as_secs_f64() / floor.as_secs_f64()
        );
    }

    /// The app at `size` on `path` (the built-in notes when `None`), a question in the middle
    /// of the first topic selected.
    fn app_mid_topic(path: Option<&std::path::Path>, size: egui::Vec2) -> common::TestApp {
        let mut builder = common::builder().size(size);
        if let Some(path) = path {
            builder = builder.path(path);
        }
        let mut h = builder.build();
        let len = h.state().course().topics[0].questions.len();
        h.state_mut().select(0, Some(len / 2));
        h.run();
        h
    }

    fn frame(c: &mut Criterion) {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.md");
        std::fs::write(&big, synthetic::document(10_000)).expect("write");

        let small = dir.path().join("small.md");
        std::fs::write(&small, synthetic::document(20)).expect("write");

        let mut g = c.benchmark_group("frame");
        for (name, path) in [
            ("seed", None),
            ("synthetic_20", Some(small)),
            ("10k_questions", Some(big)),
        ] {
            let mut h = app_mid_topic(path.as_deref(), common::SIZE);
            g.bench_function(format!("{name}/idle"), |b| b.iter(|| h.step()));
            g.bench_function(format!("{name}/scrolling"), |b| {
                b.iter(|| {
                    h.event(egui::Event::MouseWheel {
                        unit: egui::MouseWheelUnit::Point,
                        delta: egui::vec2(0.0, -120.0),
                        modifiers: egui::Modifiers::NONE,
                        phase: egui::TouchPhase::Move,
                        source: egui::MouseWheelSource::Wheel,
                    });
                    h.hover_at(egui::pos2(900.0, 450.0));
                    h.step();
                })
            });
        }
        g.finish();
    }

    /// Presentation mode at 1920×1080: a slide frame at rest, a "next" keystroke (one build or
    /// the next slide), and building the deck on F5. The 10k course must cost what the seed does
    /// per frame: only the current slide is laid out.
    fn present(c: &mut Criterion) {
        use study_companion::deck::Deck;
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.md");
        std::fs::write(&big, synthetic::document(10_000)).expect("write");
        let mut g = c.benchmark_group("present");
        for (name, path) in [("seed", None), ("10k_questions", Some(big))] {
            let mut h = app_mid_topic(path.as_deref(), egui::vec2(1920.0, 1080.0));
            let len = h.state().course().topics[0].questions.len();
            h.key_press(egui::Key::F5);
            h.run();
            g.bench_function(format!("{name}/slide_idle"), |b| b.iter(|| h.step()));
            // Through the deck and round again (Home at the end), so every frame does real work.
            g.bench_function(format!("{name}/next_key"), |b| {
                b.iter(|| {
                    let at_end = h
                        .state()
                        .presenter()
                        .is_some_and(|p| p.deck.position() + 1 == p.deck.len());
                    h.key_press(if at_end {
                        egui::Key::Home
                    } else {
                        egui::Key::ArrowRight
                    });
                    h.step();
                })
            });
            let course = h.state().course().clone();
            g.bench_function(format!("{name}/build_deck"), |b| {
                b.iter(|| Deck::new(black_box(&course), 0, Some(len / 2), false))
            });
        }
        g.finish();
    }

    /// 복습: a frame on a card, showing and rating one (the log is written at each rating,
    /// fsync included), and starting a session (the topic's cards replayed from their log).
    fn review(c: &mut Criterion) {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.md");
        std::fs::write(&big, synthetic::document(10_000)).expect("write");
        let mut g = c.benchmark_group("review");
        // No daily limit, and Again: every iteration rates a card (a new one while there are,
        // then the same ones again), and the log grows as it would.
        let unlimited = study_companion::UiState {
            review_limits: study_companion::review::Limits {
                new_per_day: study_companion::review::Limits::MAX,
                reviews_per_day: study_companion::review::Limits::MAX,
            },
            ..Default::default()
        };
        for (name, path) in [("seed", None), ("10k_questions", Some(big))] {
            let mut builder = common::builder().remembered(unlimited.clone());
            if let Some(path) = &path {
                builder = builder.path(path);
            }
            let mut h = builder.build();
            h.key_press(egui::Key::R);
            h.run();
            assert!(h.state().reviewing());
            g.bench_function(format!("{name}/card_idle"), |b| b.iter(|| h.step()));
            g.bench_function(format!("{name}/reveal_and_rate_again"), |b| {
                b.iter(|| {
                    h.key_press(egui::Key::Space);
                    h.step();
                    h.key_press(egui::Key::Num1);
                    h.step();
                    assert!(h.state().review_run().is_some_and(|r| r.current.is_some()));
                })
            });
            g.bench_function(format!("{name}/start"), |b| {
                b.iter(|| {
                    h.key_press(egui::Key::Escape);
                    h.step();
                    h.key_press(egui::Key::R);
                    h.step();
                })
            });
        }
        g.finish();
    }

    /// Saving 1,000 notes: merge with the file on disk, pretty JSON, fsync, rename, .bak.
    fn save_notes(c: &mut Criterion) {
        use study_companion::notes::{NoteStore, QuestionInfo};
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut store, _) =
            NoteStore::open(dir.path().join("bench.notes.json"), "bench").expect("open");
        let info = QuestionInfo {
            question: "컨테이너 레이어와 이미지 레이어의 관계는?".into(),
            topic: "Docker".into(),
            session: "MSP T3 - 23-5차".into(),
        };
        let text = "이미지 레이어(R/O)와 컨테이너 레이어(R/W)가 합쳐진 파일시스템. ".repeat(8);
        for i in 0..1000 {
            let id = study_companion::course::QuestionId::new("bench", "Docker", &format!("q{i}"));
            store.set_text(&id, &info, &text, jiff::Timestamp::now());
        }
        store.save().expect("first save");
        let first = study_companion::course::QuestionId::new("bench", "Docker", "q0");
        let mut n = 0u64;
        c.bench_function("notes/save_1000", |b| {
            b.iter(|| {
                n += 1;
                store.set_text(&first, &info, &format!("{text}{n}"), jiff::Timestamp::now());
                store.save().expect("save");
            })
        });
    }

    /// One keystroke's search over the 10,000-question course (the index is built per load).
    fn search(c: &mut Criterion) {
        use study_companion::search::{Index, Query};
        let course = course::load_sources(
            "big",
            &[("big".into(), synthetic::document(10_000))],
            &ImageBase::None,
        );
        let index = Index::new(&course);
        let mut g = c.benchmark_group("search_10k");
        g.bench_function("build_index", |b| b.iter(|| Index::new(black_box(&course))));
        for q in ["docker", "ㅋㅌㅇㄴ", "컨테ㅇ", "docker ㅇㅁㅈ", "없는말"] {
            let query = Query::parse(q);
            g.bench_function(q, |b| {
                b.iter(|| index.search(black_box(&query), |_| None, 50))
            });
        }
        g.finish();
    }

    /// The fixture repository at the real course's size in text (17 sessions, 15 decks of
    /// 15 slides, 17 labs, 8 appendices): one keystroke searches the questions and every
    /// section of the documents.
    fn search_repository(c: &mut Criterion) {
        use study_companion::search::{Index, Query};
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course-repo");
        let read = |rel: &str| std::fs::read_to_string(fixture.join(rel)).expect("fixture");
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |rel: String, text: String| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        let (book, lab, session) = (
            read("doc/[Book] 01_Docker_Overview.md"),
            read("doc/[Hands-on] 01_Run_Container.md"),
            read("qna/mspt3_23-3차.md"),
        );
        for n in 1..=15 {
            let slides: String = (1..=14)
                .map(|s| format!("\n---\n\n## {n}.{s} 슬라이드\n\n- 컨테이너와 이미지 {s}\n"))
                .collect();
            write(format!("doc/[Book] {n:02}.md"), format!("{book}{slides}"));
        }
        for n in 1..=17 {
            write(format!("doc/[Hands-on] {n:02}.md"), lab.repeat(2));
            write(
                format!("qna/mspt3_{n}차.md"),
                session.replace("23-3차", &format!("{n}차")),
            );
        }
        for n in 1..=8 {
            write(
                format!("doc/[Appendix] {n:02}.md"),
                read("doc/[Appendix] SSH.md"),
            );
        }
        let course = course::load_path(dir.path()).expect("loads");
        let index = Index::new(&course);
        let mut g = c.benchmark_group("search_repository");
        for q in ["docker", "ㅋㅌㅇㄴ", "레이어", "이미지 ㄱㅅ", "없는말"] {
            let query = Query::parse(q);
            g.bench_function(q, |b| {
                b.iter(|| {
                    let questions = index.search(black_box(&query), |_| None, 200);
                    let documents = index.search_documents(black_box(&query), 100);
                    (questions, documents)
                })
            });
        }
        g.finish();
    }

    /// The textbook: a 30-slide deck with an image on each slide, read (at rest, and
    /// scrolled through: only the slides in view are drawn, their images decoded as they come
    /// into view) and presented (a slide at rest, → to the next). Targets: a slide frame
    /// ≤ 1 ms, scrolling ≤ 2 ms a frame.
    fn slides(c: &mut Criterion) {
        use egui_kittest::kittest::Queryable as _;
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("img")).expect("mkdir");
        let mut deck = String::from(
            "---\nmarp: true\npaginate: true\nheader: Docker & Kubernetes - 01\nfooter: Cloud Academy\n---\n\n# 01. Docker 개요\n\n![bg left:40%](img/0.png)\n",
        );
        for n in 0..30u8 {
            let png = dir.path().join(format!("img/{n}.png"));
            image::RgbImage::from_pixel(800, 600, image::Rgb([n * 8, 100, 200 - n * 4]))
                .save(&png)
                .expect("png");
            deck.push_str(&format!(
                "\n---\n\n## {n}. 컨테이너와 이미지\n\n- 격리된 **프로세스** {n}\n- 이미지로부터 `docker run`\n\n![h:300](img/{n}.png)\n\n```bash\nubuntu $ docker run -d nginx\n54767f04cfab\nubuntu $ docker ps\n```\n"
            ));
        }
        std::fs::write(dir.path().join("[Book] 01_Docker.md"), deck).expect("write");
        let mut h = common::builder()
            .path(dir.path())
            .size(egui::vec2(1920.0, 1080.0))
            .build();
        common::wait_loaded(&mut h);
        h.get_by_role_and_label(egui::accesskit::Role::Button, "01. Docker 개요 · 31장")
            .click_accesskit();
        h.run();
        let mut g = c.benchmark_group("slides");
        g.bench_function("deck_idle", |b| b.iter(|| h.step()));
        let mut frames = 0u32;
        g.bench_function("deck_scrolling", |b| {
            b.iter(|| {
                // Down through the deck (about 250 frames), then back up.
                frames += 1;
                let down = (frames / 250).is_multiple_of(2);
                h.event(egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, if down { -120.0 } else { 120.0 }),
                    modifiers: egui::Modifiers::NONE,
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                });
                h.hover_at(egui::pos2(900.0, 500.0));
                h.step();
            })
        });
        h.key_press(egui::Key::F5);
        h.run();
        assert!(h.state().presenting());
        // The slide is drawn: its header is there to read.
        h.get_by_label("Docker & Kubernetes - 01");
        g.bench_function("present_idle", |b| b.iter(|| h.step()));
        g.bench_function("present_next_key", |b| {
            b.iter(|| {
                let at_end = h
                    .state()
                    .presenter()
                    .and_then(|p| p.marp.as_ref())
                    .is_some_and(|m| m.slide + 1 == m.count);
                h.key_press(if at_end {
                    egui::Key::Home
                } else {
                    egui::Key::ArrowRight
                });
                h.step();
            })
        });
        g.finish();
    }

    /// Related questions for a 10,000-question course (computed once per load, off the UI
    /// thread): the whole course, and what that is per question (target ≤ 5 ms each).
    fn related(c: &mut Criterion) {
        use study_companion::search::related::Related;
        let course = course::load_sources(
            "big",
            &[("big.md".to_owned(), synthetic::document(10_000))],
            &ImageBase::None,
        );
        let questions = course.question_count();
        let mut g = c.benchmark_group("related");
        g.sample_size(10);
        g.bench_function("10k_questions", |b| {
            b.iter(|| Related::compute(black_box(&course)))
        });
        g.finish();
        let started = std::time::Instant::now();
        let related = Related::compute(&course);
        let took = started.elapsed();
        let with = (0..course.topics.len())
            .map(|t| {
                (0..course.topics[t].questions.len())
                    .filter(|&q| !related.of((t, q)).is_empty())
                    .count()
            })
            .sum::<usize>();
        eprintln!(
            "related: {questions} questions in {took:?}, {:.3} ms per question; {with} with related questions",
            took.as_secs_f64() * 1000.0 / questions as f64
        );
    }

    criterion_group!(
        benches,
        related,
        slides,
        parse,
        frame,
        present,
        review,
        save_notes,
        search,
        search_repository
    );
}
