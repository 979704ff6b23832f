//! `parse-count parse|floor|none`: builds the 10,000-question course of the benches, then
//! parses it three times (`parse`), runs pulldown-cmark alone over it three times with the
//! parser's options (`floor`), or stops (`none`: the cost of building the text).

use std::hint::black_box;

use study_companion::course::{self, ImageBase, synthetic};

fn main() {
    let text = synthetic::document(10_000);
    let what = std::env::args().nth(1).unwrap_or_default();
    for _ in 0..3 {
        match what.as_str() {
            "parse" => {
                let parsed =
                    course::parse_document(black_box(&text), "big", "big", ImageBase::None);
                black_box(&parsed);
            }
            "floor" => {
                let events =
                    pulldown_cmark::Parser::new_ext(black_box(&text), course::PARSER_OPTIONS)
                        .into_offset_iter()
                        .count();
                black_box(events);
            }
            _ => return,
        }
    }
}
