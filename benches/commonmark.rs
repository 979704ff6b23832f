//! `cargo bench --bench commonmark`: the frame time of each CommonMark spec example shown as
//! a question's answer in the real viewer (a kittest step, no GPU), in release. The first
//! frame after selecting an example lays it out; the next ones reuse the layout. Prints the
//! slowest examples and fails when any frame takes more than 50 ms.

#![allow(clippy::print_stdout)] // A bench reports on stdout.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::commonmark;

const LIMIT: Duration = Duration::from_millis(50);

fn main() {
    // `cargo bench` passes "--bench"; a filter argument is not supported here.
    let mut examples = commonmark::examples();
    let undrawable = commonmark::undrawable(&examples, &common::app().ctx);
    examples.retain(|example| !undrawable.contains(&example.number));

    let root = tempfile::tempdir().expect("tempdir");
    let file = root.path().join("commonmark.md");
    std::fs::write(&file, commonmark::course_of(&examples)).expect("write");
    let mut harness = common::builder().path(&file).build();

    let mut first = Vec::new();
    let mut later = Vec::new();
    for (i, example) in examples.iter().enumerate() {
        harness.state_mut().select(0, Some(i));
        let started = Instant::now();
        harness.step();
        first.push((started.elapsed(), example.number));
        for _ in 0..3 {
            let started = Instant::now();
            harness.step();
            later.push((started.elapsed(), example.number));
        }
    }
    let report = |name: &str, times: &mut Vec<(Duration, usize)>| {
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let median = times[times.len() / 2].0;
        let p99 = times[times.len() * 99 / 100].0;
        let slowest: Vec<String> = times
            .iter()
            .rev()
            .take(5)
            .map(|(d, n)| format!("#{n} {:.2} ms", ms(*d)))
            .collect();
        println!(
            "{name}: {} frames, median {:.2} ms, p99 {:.2} ms, slowest {}",
            times.len(),
            ms(median),
            ms(p99),
            slowest.join(", ")
        );
    };
    report("first frame after selecting", &mut first);
    report("next frames", &mut later);
    println!(
        "({} examples; {:?} left out: characters the bundled fonts do not have)",
        examples.len(),
        undrawable
    );
    let over: Vec<usize> = first
        .iter()
        .chain(&later)
        .filter(|(d, _)| *d > LIMIT)
        .map(|(_, n)| *n)
        .collect();
    if !over.is_empty() {
        eprintln!("frames over {} ms: examples {over:?}", LIMIT.as_millis());
        std::process::exit(1);
    }
}
