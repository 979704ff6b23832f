//! Which links of the notes may leave the app: web pages and mail open in the system's
//! browser, a link to another session of the course opens it here, and nothing else is
//! opened (`file:`, `javascript:`, `data:`, unknown schemes).

use super::{Course, load::scheme_of, normalize_question};

/// Where a link of the notes goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// `http`, `https`, `mailto`: the system's browser or mail program.
    Outside,
    /// A session of the open course, and maybe one of its questions: (topic, question),
    /// or the session's first question when no question matched.
    Inside { topic: usize, question: usize },
    /// A deck, a lab or a document of the course (an index into the library's materials),
    /// at a heading's section when the link names one.
    Material {
        index: usize,
        section: Option<usize>,
    },
    /// Relative, but to nothing of the course.
    NotInCourse,
    /// Not opened: this scheme.
    Refused(String),
}

/// Whether a link may be opened from the notes at all (before knowing the course).
pub fn is_allowed(url: &str) -> bool {
    match scheme_of(url) {
        Some(scheme) => matches!(scheme.as_str(), "http" | "https" | "mailto"),
        None => true,
    }
}

/// Where `url` goes in `course`. A relative link names a session's file (`msp-t3-23-6.md`)
/// and maybe a question (`#digest는-뭔가요`, its id `#q28c9…`, or its text); `#…` alone is a
/// question of any session.
pub fn target(url: &str, course: &Course) -> LinkTarget {
    let url = url.trim();
    if let Some(path) = own_repository_path(url, course) {
        return target(&path, course);
    }
    if let Some(scheme) = scheme_of(url) {
        return if is_allowed(url) {
            LinkTarget::Outside
        } else {
            LinkTarget::Refused(scheme)
        };
    }
    let (file, anchor) = url.split_once('#').unwrap_or((url, ""));
    let file = percent_decode(file);
    let anchor = percent_decode(anchor);
    if let Some(found) = material_target(&file, &anchor, course) {
        return found;
    }
    let file = file.as_str();
    let anchor = anchor.as_str();
    let file_name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let document = (!file_name.is_empty()).then(|| {
        course.documents.iter().position(|d| {
            std::path::Path::new(&d.source_name)
                .file_name()
                .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case(file_name))
        })
    });
    let document = match document {
        Some(None) => return LinkTarget::NotInCourse,
        Some(Some(d)) => Some(d),
        None => None,
    };
    let wanted = normalize_question(&anchor.replace('-', " "));
    let questions = course.topics.iter().enumerate().flat_map(|(ti, t)| {
        t.questions
            .iter()
            .enumerate()
            .map(move |(qi, q)| (ti, qi, q))
    });
    let mut first_of_document = None;
    for (ti, qi, q) in questions {
        if document.is_some_and(|d| q.document != d) {
            continue;
        }
        first_of_document.get_or_insert((ti, qi));
        let by_text = normalize_question(&q.text.replace('-', " "));
        if !anchor.is_empty() && (q.id.as_str() == anchor || by_text == wanted) {
            return LinkTarget::Inside {
                topic: ti,
                question: qi,
            };
        }
    }
    match (document, first_of_document) {
        (Some(_), Some((topic, question))) => LinkTarget::Inside { topic, question },
        _ => LinkTarget::NotInCourse,
    }
}

/// The document of the course a relative link names (by its path inside the course, or
/// the end of it: a link is relative to a folder this does not know), at the heading its
/// anchor names by GitHub's rules.
fn material_target(file: &str, anchor: &str, course: &Course) -> Option<LinkTarget> {
    if file.is_empty() {
        return None;
    }
    let wanted: Vec<&str> = file
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect();
    if wanted.is_empty() {
        return None;
    }
    let index = course.library.materials.iter().position(|m| {
        let parts: Vec<&str> = m.path.split('/').collect();
        parts.len() >= wanted.len() && parts[parts.len() - wanted.len()..] == wanted[..]
    })?;
    let material = &course.library.materials[index];
    let section = (!anchor.is_empty())
        .then(|| {
            let slugs = heading_slugs(material.headings.iter().map(|h| h.text.as_str()));
            let anchor = anchor.to_lowercase();
            slugs
                .iter()
                .position(|s| *s == anchor)
                .and_then(|i| material.headings.get(i))
                .map(|h| h.section)
        })
        .flatten();
    Some(LinkTarget::Material { index, section })
}

/// The anchors GitHub gives `headings`, in order: lower case, letters (Hangul too), digits,
/// `-` and `_` kept, spaces as `-`, everything else dropped; a repeated one numbered
/// (`-1`, `-2`).
pub fn heading_slugs<'a>(headings: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    headings
        .map(|h| {
            let slug: String = h
                .trim()
                .to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                    _ => None,
                })
                .collect();
            let n = seen.entry(slug.clone()).or_insert(0);
            let unique = if *n == 0 {
                slug.clone()
            } else {
                format!("{slug}-{n}")
            };
            *n += 1;
            unique
        })
        .collect()
}

/// A `blob` or `tree` address on GitHub of the course's own repository
/// (`https://github.com/<owner>/<repo>/blob/<ref>/<path>#anchor`), as the path and anchor
/// inside the course. The own repository is the one the clone's remote names, or, when the
/// course knows none, one whose path names a file of the course.
fn own_repository_path(url: &str, course: &Course) -> Option<String> {
    let rest = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("http://github.com/"))
        .or_else(|| url.strip_prefix("https://www.github.com/"))?;
    let mut parts = rest.splitn(5, '/');
    let (owner, repo, kind, _reference) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if kind != "blob" && kind != "tree" {
        return None;
    }
    let path = parts.next().unwrap_or("");
    let own = match &course.library.repository {
        Some((o, r)) => o.eq_ignore_ascii_case(owner) && r.eq_ignore_ascii_case(repo),
        None => {
            let file = percent_decode(path.split('#').next().unwrap_or(""));
            course.library.materials.iter().any(|m| m.path == file)
                || course.documents.iter().any(|d| d.path == file)
        }
    };
    own.then(|| path.to_owned())
}

/// The GitHub repository (owner, name) a git config's remote names: `https://github.com/o/r`
/// (`.git` or not) or `git@github.com:o/r.git`.
pub fn github_remote(config: &str) -> Option<(String, String)> {
    config.lines().find_map(|line| {
        let (key, value) = line.trim().split_once('=')?;
        if key.trim() != "url" {
            return None;
        }
        let value = value.trim();
        let rest = value
            .strip_prefix("https://github.com/")
            .or_else(|| value.strip_prefix("http://github.com/"))
            .or_else(|| value.strip_prefix("git@github.com:"))
            .or_else(|| value.strip_prefix("ssh://git@github.com/"))?;
        let (owner, repo) = rest.trim_end_matches('/').split_once('/')?;
        let repo = repo.strip_suffix(".git").unwrap_or(repo);
        (!owner.is_empty() && !repo.is_empty() && !repo.contains('/'))
            .then(|| (owner.to_owned(), repo.to_owned()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{ImageBase, load_sources};

    const SEED: &str = include_str!("../../content/msp-t3-23-5.md");
    const SESSION_6: &str = include_str!("../../tests/fixtures/sessions/msp-t3-23-6.md");

    #[test]
    fn only_the_web_and_mail_leave_the_app() {
        for ok in [
            "https://docs.docker.com",
            "HTTP://x",
            "mailto:me@example.com",
        ] {
            assert!(is_allowed(ok), "{ok}");
        }
        for refused in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
            "ftp://host/file",
            "smb://host/share",
        ] {
            assert!(!is_allowed(refused), "{refused}");
        }
        assert!(is_allowed("msp-t3-23-6.md#pod"), "relative");
    }

    #[test]
    fn a_link_to_another_session_opens_it_at_its_question() {
        let course = load_sources(
            "c",
            &[
                ("msp-t3-23-5.md".into(), SEED.into()),
                ("msp-t3-23-6.md".into(), SESSION_6.into()),
            ],
            &ImageBase::None,
        );
        let pod = course.topics[1].questions[0].text.clone();
        assert_eq!(pod, "Pod와 컨테이너는 어떤 관계인가요?");
        assert_eq!(
            target("msp-t3-23-6.md#Pod와-컨테이너는-어떤-관계인가요", &course),
            LinkTarget::Inside {
                topic: 1,
                question: 0
            }
        );
        // The session alone: its first question.
        assert_eq!(
            target("./msp-t3-23-6.md", &course),
            LinkTarget::Inside {
                topic: 0,
                question: 21
            }
        );
        let digest = &course.topics[0].questions[8];
        assert_eq!(
            target(&format!("#{}", digest.id), &course),
            LinkTarget::Inside {
                topic: 0,
                question: 8
            }
        );
        assert_eq!(target("other.md", &course), LinkTarget::NotInCourse);
        assert_eq!(
            target("javascript:alert(1)", &course),
            LinkTarget::Refused("javascript".into())
        );
        assert_eq!(target("https://x.org", &course), LinkTarget::Outside);
    }
}

/// The files the relative links of `markdown` name, in order: without their `#anchor`,
/// percent-escapes decoded (`%5BBook%5D%2006_…` is `[Book] 06_…`).
pub fn relative_targets(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut out = Vec::new();
    for event in Parser::new_ext(markdown, super::PARSER_OPTIONS) {
        if let Event::Start(Tag::Link { dest_url, .. }) = event {
            let url = dest_url.trim();
            if scheme_of(url).is_some() || url.starts_with('#') || url.is_empty() {
                continue;
            }
            let file = url.split_once('#').map_or(url, |(f, _)| f);
            out.push(percent_decode(file));
        }
    }
    out
}

/// `%XX` escapes decoded as UTF-8 (an invalid sequence is kept as written).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// `target` (relative, `/`-separated) from the folder `folder` of the course, as a path
/// inside the course: `./` and `..` resolved. A path that climbs out of the course starts
/// with `../` (it names nothing of it).
pub fn join(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    let mut above = 0;
    for part in target.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    above += 1;
                }
            }
            p => parts.push(p),
        }
    }
    let mut path = "../".repeat(above);
    path.push_str(&parts.join("/"));
    path
}

#[cfg(test)]
mod relative_tests {
    use super::*;

    #[test]
    fn relative_links_resolve_inside_the_course() {
        let md = "[교재](./%5BBook%5D%2001_Docker.md#1-이미지-검색하기) [web](https://x.io) [a](#top) [lab](../doc/lab.md)";
        assert_eq!(
            relative_targets(md),
            ["./[Book] 01_Docker.md", "../doc/lab.md"]
        );
        assert_eq!(
            join("doc", "./[Book] 01_Docker.md"),
            "doc/[Book] 01_Docker.md"
        );
        assert_eq!(join("qna", "../doc/lab.md"), "doc/lab.md");
        assert_eq!(join("", "../../etc/passwd"), "../../etc/passwd");
        assert_eq!(percent_decode("%ED%95%9C%EA%B8%80"), "한글");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
