//! Which headings of a session are its topics, and which lists hold questions: read over
//! the file's top-level blocks before they are built into topics.
//!
//! - Topics are the headings that hold the questions: `##` in one course, `###` under a
//!   `## Q&A` heading in another. A heading above that level is a container (not a topic);
//!   one below is material of its topic, shown in its intro.
//! - A list holds questions unless it reads as something else: all task items (`- [x]`), or
//!   links with no answer and none that reads as a question (a playlist).
//! - Lists before the first topic are the session's intro unless one of their items reads
//!   as a question.

use pulldown_cmark::HeadingLevel;

use super::outline::{Block, Item};
use crate::course::Inline;
use crate::course::kind::is_question_like;

/// What [`plan`] found.
pub(super) struct Plan {
    /// The level topics are at (2 for `##`; a `#` after the title counts as 2).
    pub(super) topic_level: u8,
    /// Per block: a list that holds questions.
    pub(super) question_list: Vec<bool>,
    /// Per block: a heading with a list of questions right under it.
    pub(super) holds_questions: Vec<bool>,
    /// The block where the first topic starts, if any does.
    pub(super) first_topic: Option<usize>,
    /// Per block: a list with an item that reads as a question.
    pub(super) asks: Vec<bool>,
}

/// A heading's level as topics count it: the title's `#` is not one; another `#` is a
/// topic as `##` is.
pub(super) fn topic_rank(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 2,
        other => other as u8,
    }
}

pub(super) fn plan(blocks: &[Block]) -> Plan {
    let n = blocks.len();
    let mut question_list = vec![false; n];
    let mut asks = vec![false; n];
    for (i, block) in blocks.iter().enumerate() {
        if let Block::List { items, .. } = block {
            asks[i] = items
                .iter()
                .any(|it| !it.task && is_question_like(&plain(it)));
            let answered = items.iter().any(|it| !it.children.is_empty())
                || matches!(blocks.get(i + 1), Some(Block::Other(_)));
            let all_tasks = items.iter().all(|it| it.task);
            let playlist = !answered && !asks[i] && items.iter().all(|it| it.link_only);
            question_list[i] = !all_tasks && !playlist;
        }
    }
    // The title: the first `#`.
    let title = blocks.iter().position(|b| {
        matches!(
            b,
            Block::Heading {
                level: HeadingLevel::H1,
                ..
            }
        )
    });
    let mut holds_questions = vec![false; n];
    for (i, block) in blocks.iter().enumerate() {
        if !matches!(block, Block::Heading { .. }) || Some(i) == title {
            continue;
        }
        holds_questions[i] = blocks[i + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, b)| !matches!(b, Block::Heading { .. }))
            .any(|(j, _)| question_list[i + 1 + j]);
    }
    let topic_level = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| holds_questions[*i])
        .filter_map(|(_, b)| match b {
            Block::Heading { level, .. } => Some(topic_rank(*level)),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let first_topic = blocks.iter().enumerate().position(|(i, b)| {
        Some(i) != title
            && matches!(b, Block::Heading { level, .. } if topic_rank(*level) == topic_level)
    });
    Plan {
        topic_level,
        question_list,
        holds_questions,
        first_topic,
        asks,
    }
}

/// An item's question text, plain.
fn plain(item: &Item) -> String {
    item.inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Code(t) => t.as_str(),
        })
        .collect()
}
