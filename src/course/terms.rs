//! A text's terms for comparing questions (the related questions, a question for the next
//! class asked again): English words lowercased and their plurals folded; Hangul runs as
//! syllable bigrams (a one-syllable run as itself), so that "컨테이너는" and "컨테이너를"
//! share 컨테·테이·이너 without a morphological analyser; the Korean spelling of a
//! technical word and its English one the same term (도커 = docker, 컨테이너 = container,
//! …); question endings and stop words dropped.

/// Korean spellings of the course's technical words, and the English term each is.
const GLOSSARY: &[(&str, &str)] = &[
    ("도커", "docker"),
    ("컨테이너", "container"),
    ("이미지", "image"),
    ("레이어", "layer"),
    ("볼륨", "volume"),
    ("네트워크", "network"),
    ("브릿지", "bridge"),
    ("브리지", "bridge"),
    ("호스트", "host"),
    ("포트", "port"),
    ("커밋", "commit"),
    ("태그", "tag"),
    ("레이블", "label"),
    ("라벨", "label"),
    ("레지스트리", "registry"),
    ("빌드", "build"),
    ("쿠버네티스", "kubernetes"),
    ("파드", "pod"),
    ("서비스", "service"),
    ("디플로이먼트", "deployment"),
    ("노드", "node"),
    ("클러스터", "cluster"),
    ("네임스페이스", "namespace"),
    ("마운트", "mount"),
    ("다이제스트", "digest"),
    ("엔진엑스", "nginx"),
    ("마이에스큐엘", "mysql"),
];

/// English words that say nothing about a question.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "is", "are", "was", "be", "to", "of", "in", "on", "and", "or", "it", "for",
    "with", "as", "at", "by", "this", "that", "what", "how", "why", "can", "do", "does", "not",
    "no", "yes", "i", "you", "we", "if", "then", "so", "from", "vs",
];

/// Hangul bigrams of question endings and of words every question has.
const STOP_BIGRAMS: &[&str] = &[
    "나요", "인가", "가요", "까요", "을까", "는지", "어떻", "떻게", "무엇", "엇인", "뭔가", "있나",
    "되나", "하나", "하면", "되는", "하는", "있는", "에서", "으로", "니다", "습니", "합니", "됩니",
    "입니", "있습", "없습", "경우", "사용", "용하", "해서", "어서", "는데", "그런", "런데", "이렇",
    "렇게", "같은", "것이", "것은", "맞습", "네요",
];

/// The terms of `text` (see the module comment), in order, repeated as often as they come.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut hangul: Vec<char> = Vec::new();
    let flush_word = |word: &mut String, out: &mut Vec<String>| {
        let mut w = word.to_lowercase();
        word.clear();
        // English plurals as their word: images = image, containers = container.
        if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w.is_ascii() {
            w.pop();
        }
        if w.chars().count() >= 2 && !STOP_WORDS.contains(&w.as_str()) {
            out.push(w);
        }
    };
    let flush_hangul = |run: &mut Vec<char>, out: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        let text: String = run.iter().collect();
        let mut rest = run.as_slice();
        // A technical word at the start of the run is its English term; what follows
        // (a particle, 리스트 in 이미지리스트) goes on as Hangul.
        if let Some((ko, en)) = GLOSSARY.iter().find(|(ko, _)| text.starts_with(ko)) {
            out.push((*en).to_owned());
            rest = &rest[ko.chars().count()..];
            if rest.len() <= 1 {
                run.clear();
                return;
            }
        }
        if rest.len() == 1 {
            out.push(rest[0].to_string());
        }
        for pair in rest.windows(2) {
            let bigram: String = pair.iter().collect();
            if !STOP_BIGRAMS.contains(&bigram.as_str()) {
                out.push(bigram);
            }
        }
        run.clear();
    };
    for c in text.chars() {
        if ('\u{ac00}'..='\u{d7a3}').contains(&c) {
            if !word.is_empty() {
                flush_word(&mut word, &mut out);
            }
            hangul.push(c);
        } else if c.is_ascii_alphanumeric() {
            flush_hangul(&mut hangul, &mut out);
            word.push(c);
        } else {
            flush_hangul(&mut hangul, &mut out);
            if !word.is_empty() {
                flush_word(&mut word, &mut out);
            }
        }
    }
    flush_hangul(&mut hangul, &mut out);
    if !word.is_empty() {
        flush_word(&mut word, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_and_english_terms() {
        assert_eq!(
            terms("컨테이너는 어떻게 되나요? Docker image"),
            ["container", "docker", "image"]
        );
        assert_eq!(terms("이미지리스트"), ["image", "리스", "스트"]);
        assert_eq!(terms("R/W 레이어에"), ["layer"]);
        assert!(terms("host 네트워크").contains(&"network".to_owned()));
    }
}
