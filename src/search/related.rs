//! Related questions: for each question of the course, up to three from any session that
//! are about the same thing, ranked by BM25 over Korean-aware terms. Computed once per load
//! off the UI thread; the cards read the result.
//!
//! Terms: English words lowercased; Hangul runs as syllable bigrams (a one-syllable run as
//! itself), so that "컨테이너는" and "컨테이너를" share 컨테·테이·이너 without a
//! morphological analyser; the Korean spelling of a technical word and its English one are
//! the same term (도커 = docker, 컨테이너 = container, …), and question endings and stop
//! words are dropped. The question's own words count twice its answer's.

use std::collections::HashMap;

use crate::course::Course;
use crate::course::terms::terms;

/// How many related questions a card shows.
pub const RELATED: usize = 3;

/// BM25's parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Terms in more than this share of the questions say nothing about any of them.
const MAX_DF_SHARE: f32 = 0.25;

/// A question's place: (topic, question) in the course.
pub type Place = (usize, usize);

/// The related questions of every question, by place.
#[derive(Clone, Debug, Default)]
pub struct Related {
    by_place: HashMap<Place, Vec<Place>>,
}

impl Related {
    /// Up to [`RELATED`] questions about the same thing as the one at `place`, best first.
    pub fn of(&self, place: Place) -> &[Place] {
        self.by_place.get(&place).map_or(&[], Vec::as_slice)
    }

    /// Computes them for the whole course. Blocks (about a millisecond per hundred
    /// questions): run it off the UI thread.
    pub fn compute(course: &Course) -> Self {
        let mut places = Vec::new();
        let mut docs: Vec<HashMap<u32, f32>> = Vec::new();
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        for (t, topic) in course.topics.iter().enumerate() {
            for (q, question) in topic.questions.iter().enumerate() {
                let mut tf: HashMap<u32, f32> = HashMap::new();
                let mut add = |text: &str, weight: f32| {
                    for term in terms(text) {
                        let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                        let id = *vocabulary.entry(term).or_insert(next);
                        *tf.entry(id).or_insert(0.0) += weight;
                    }
                };
                add(&question.text, 2.0);
                add(&question.answer, 1.0);
                places.push((t, q));
                docs.push(tf);
            }
        }
        let n = docs.len();
        if n < 2 {
            return Self::default();
        }
        let lengths: Vec<f32> = docs.iter().map(|d| d.values().sum()).collect();
        let average = lengths.iter().sum::<f32>() / n as f32;
        let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::new();
        for (i, doc) in docs.iter().enumerate() {
            for (&term, &tf) in doc {
                postings.entry(term).or_default().push((i, tf));
            }
        }
        let max_df = ((n as f32 * MAX_DF_SHARE) as usize).max(50);
        let idf = |df: usize| ((n as f32 - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln();
        let mut by_place = HashMap::new();
        let mut scores = vec![0.0f32; n];
        let mut touched = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            for (term, &query_tf) in doc {
                let Some(list) = postings.get(term) else {
                    continue;
                };
                if list.len() < 2 || list.len() > max_df {
                    continue;
                }
                let w = idf(list.len()) * query_tf.min(2.0);
                for &(j, tf) in list {
                    if j == i {
                        continue;
                    }
                    let norm = K1 * (1.0 - B + B * lengths[j] / average);
                    if scores[j] == 0.0 {
                        touched.push(j);
                    }
                    scores[j] += w * tf * (K1 + 1.0) / (tf + norm);
                }
            }
            let mut best: Vec<(f32, usize)> = touched.iter().map(|&j| (scores[j], j)).collect();
            best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            // Weak matches (a word or two in passing) are no relation.
            let floor = best.first().map_or(0.0, |b| b.0 * 0.35).max(MIN_SCORE);
            let related: Vec<Place> = best
                .iter()
                .filter(|(s, _)| *s >= floor)
                .take(RELATED)
                .map(|&(_, j)| places[j])
                .collect();
            if !related.is_empty() {
                by_place.insert(places[i], related);
            }
            for j in touched.drain(..) {
                scores[j] = 0.0;
            }
        }
        Self { by_place }
    }
}

/// A relation scores at least this much (a rare term shared in the questions themselves).
const MIN_SCORE: f32 = 6.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_related_questions_are_about_the_same_thing() {
        let course = crate::course::load_builtin();
        let related = Related::compute(&course);
        let text = |(t, q): Place| course.topics[t].questions[q].text.clone();
        let find = |needle: &str| -> Place {
            course
                .topics
                .iter()
                .enumerate()
                .find_map(|(t, topic)| {
                    let q = topic
                        .questions
                        .iter()
                        .position(|q| q.text.contains(needle))?;
                    Some((t, q))
                })
                .unwrap_or_else(|| panic!("{needle}"))
        };
        // `docker commit`, asked twice in 23-5.
        let commit = find("commit을 하게되면");
        let of_commit: Vec<String> = related.of(commit).iter().map(|&p| text(p)).collect();
        assert!(
            of_commit
                .iter()
                .any(|t| t.contains("커밋") || t.contains("commit")),
            "{of_commit:?}"
        );
        // The R/W layer, asked three times.
        let rw = find("test 라는 파일은 R/W 레이어");
        let of_rw: Vec<String> = related.of(rw).iter().map(|&p| text(p)).collect();
        assert!(
            of_rw
                .iter()
                .any(|t| t.contains("레이어") || t.contains("layer")),
            "{of_rw:?}"
        );
        // Host networking.
        let host = find("host유형");
        let of_host: Vec<String> = related.of(host).iter().map(|&p| text(p)).collect();
        assert!(
            of_host
                .iter()
                .any(|t| t.contains("host") || t.contains("Host")),
            "{of_host:?}"
        );
        // Never itself, never more than three.
        for (t, topic) in course.topics.iter().enumerate() {
            for q in 0..topic.questions.len() {
                let r = related.of((t, q));
                assert!(r.len() <= RELATED && !r.contains(&(t, q)));
            }
        }
    }
}
