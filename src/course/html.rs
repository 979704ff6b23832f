//! Raw HTML in the course's markdown, a safe subset drawn as markdown: `<br>` breaks the
//! line, `<kbd>` is a key (code), `<sup>`/`<sub>` raise or lower what Unicode can,
//! `<img src>` is an image (under the image rules of its document), `<details>` shows its
//! `<summary>` as a bold line and its body after it. Anything else stays text, and nothing
//! inside code changes.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// `text` with the subset drawn as markdown (see the module comment).
pub fn drawn(text: &str) -> Cow<'_, str> {
    let breaks = with_line_breaks(text);
    match tags(&breaks) {
        Some(out) => Cow::Owned(out),
        None => breaks,
    }
}

/// `text` with its raw `<br>` tags as markdown draws them: inside a paragraph or a list item
/// a line break, in a table cell a space, on a line of their own an empty line each (the
/// textbook uses them for spacing). Code is left as it is; every other tag stays text.
fn with_line_breaks(text: &str) -> Cow<'_, str> {
    if !text.contains("<br") && !text.contains("<BR") {
        return Cow::Borrowed(text);
    }
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut in_cell = 0usize;
    for (event, range) in Parser::new_ext(text, super::PARSER_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::TableCell) => in_cell += 1,
            Event::End(TagEnd::TableCell) => in_cell = in_cell.saturating_sub(1),
            Event::InlineHtml(html) if is_br(&html) => {
                // Two spaces before a line's end are a hard break, and nothing at the end
                // of a paragraph (a backslash there would show); mid-line, add the end.
                let at_line_end = text[range.end..].starts_with('\n');
                let with = match (in_cell > 0, at_line_end) {
                    (true, _) => " ",
                    (false, true) => "  ",
                    (false, false) => "  \n",
                };
                edits.push((range, with.to_owned()));
            }
            Event::Html(html)
                if html
                    .split_inclusive('>')
                    .filter(|t| !t.trim().is_empty())
                    .all(|t| is_br(t.trim())) =>
            {
                let count = html.matches('>').count().max(1);
                edits.push((range, "\u{a0}\n\n".repeat(count)));
            }
            _ => {}
        }
    }
    if edits.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, with) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&with);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// `<br>`, `<br/>`, `<br />`, any case.
fn is_br(tag: &str) -> bool {
    let t = tag.trim().to_ascii_lowercase();
    let inner = t.strip_prefix("<br").and_then(|r| r.strip_suffix('>'));
    inner.is_some_and(|r| r.trim().trim_end_matches('/').trim().is_empty())
}

/// The tags other than `<br>` rewritten; `None` when there is none.
fn tags(text: &str) -> Option<String> {
    const OPENERS: [&str; 5] = ["<kbd", "<sup", "<sub", "<img", "<details"];
    let lower = text.to_ascii_lowercase();
    if !OPENERS.iter().any(|t| lower.contains(t)) && !lower.contains("<summary") {
        return None;
    }
    let code = code_ranges(text);
    let in_code = |at: usize| code.iter().any(|r| r.contains(&at));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        out.push_str(&text[at..start]);
        at = start;
        if in_code(start) {
            out.push('<');
            at += 1;
            continue;
        }
        match rewrite(text, &lower, start) {
            Some((with, end)) => {
                out.push_str(&with);
                at = end;
            }
            None => {
                out.push('<');
                at += 1;
            }
        }
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The markdown for the tag at `start`, and where the text goes on after it.
fn rewrite(text: &str, lower: &str, start: usize) -> Option<(String, usize)> {
    let rest = &lower[start..];
    let tag_end = start + rest.find('>')? + 1;
    let tag = &lower[start..tag_end];
    let inner = |name: &str| -> Option<(String, usize)> {
        let close = format!("</{name}>");
        let end = tag_end + lower[tag_end..].find(&close)?;
        Some((text[tag_end..end].to_owned(), end + close.len()))
    };
    if tag == "<kbd>" {
        let (key, end) = inner("kbd")?;
        return Some((format!("`{}`", key.trim().replace('`', "")), end));
    }
    if tag == "<sup>" || tag == "<sub>" {
        let name = &tag[1..4];
        let (content, end) = inner(name)?;
        let shifted = shifted(&content, name == "sup");
        return Some((shifted, end));
    }
    if tag.starts_with("<img") {
        let src = attribute(&text[start..tag_end], "src")?;
        let alt = attribute(&text[start..tag_end], "alt").unwrap_or_default();
        return Some((format!("![{alt}]({})", src.replace(' ', "%20")), tag_end));
    }
    if tag.starts_with("<details") {
        return Some((String::new(), tag_end));
    }
    if tag == "</details>" {
        return Some(("\n".to_owned(), tag_end));
    }
    if tag == "<summary>" {
        let (summary, end) = inner("summary")?;
        return Some((format!("**▸ {}**\n\n", summary.trim()), end));
    }
    None
}

/// An attribute's value in a tag (`src="a.png"`, `src='a.png'`, `src=a.png`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        let (quote, body) = match value.chars().next()? {
            q @ ('"' | '\'') => (Some(q), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => body.find(q)?,
            None => body
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(body.len()),
        };
        return Some(body[..end].to_owned());
    }
    None
}

/// Raised (or lowered) with Unicode's super- and subscript letters where each has one;
/// else as `^(…)` or `_(…)`.
fn shifted(text: &str, up: bool) -> String {
    const SUP: [(char, char); 15] = [
        ('0', '⁰'),
        ('1', '¹'),
        ('2', '²'),
        ('3', '³'),
        ('4', '⁴'),
        ('5', '⁵'),
        ('6', '⁶'),
        ('7', '⁷'),
        ('8', '⁸'),
        ('9', '⁹'),
        ('+', '⁺'),
        ('-', '⁻'),
        ('n', 'ⁿ'),
        ('i', 'ⁱ'),
        ('=', '⁼'),
    ];
    const SUB: [(char, char); 13] = [
        ('0', '₀'),
        ('1', '₁'),
        ('2', '₂'),
        ('3', '₃'),
        ('4', '₄'),
        ('5', '₅'),
        ('6', '₆'),
        ('7', '₇'),
        ('8', '₈'),
        ('9', '₉'),
        ('+', '₊'),
        ('-', '₋'),
        ('=', '₌'),
    ];
    let table: &[(char, char)] = if up { &SUP } else { &SUB };
    let mapped: Option<String> = text
        .trim()
        .chars()
        .map(|c| table.iter().find(|(from, _)| *from == c).map(|(_, to)| *to))
        .collect();
    match mapped {
        Some(m) if !m.is_empty() => m,
        _ if up => format!("^({})", text.trim()),
        _ => format!("_({})", text.trim()),
    }
}

/// Where the code spans and code blocks of `text` are (nothing changes inside them).
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut block: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, super::PARSER_OPTIONS).into_offset_iter() {
        match event {
            Event::Code(_) => ranges.push(range),
            Event::Start(Tag::CodeBlock(_)) => block = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(start) = block.take() {
                    ranges.push(start..range.end);
                }
            }
            _ => {}
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::drawn;

    #[test]
    fn the_safe_subset_is_drawn_and_the_rest_stays_text() {
        assert_eq!(drawn("<kbd>Ctrl</kbd>+<kbd>C</kbd>"), "`Ctrl`+`C`");
        assert_eq!(
            drawn("x<sup>2</sup>, H<sub>2</sub>O, e<sup>iπ</sup>"),
            "x², H₂O, e^(iπ)"
        );
        assert_eq!(
            drawn(r#"<img src="./img/a b.png" width="300" alt="그림">"#),
            "![그림](./img/a%20b.png)"
        );
        assert_eq!(
            drawn("<details>\n<summary>정답</summary>\n\n본문\n</details>\n"),
            "\n**▸ 정답**\n\n\n\n본문\n\n\n"
        );
        assert_eq!(
            drawn("<b>굵게</b> <script>x</script>"),
            "<b>굵게</b> <script>x</script>"
        );
        assert_eq!(drawn("`<kbd>A</kbd>`"), "`<kbd>A</kbd>`");
        assert_eq!(drawn("<kbd>unclosed"), "<kbd>unclosed");
    }
}

#[cfg(test)]
mod line_break_tests {
    use super::with_line_breaks;

    #[test]
    fn br_breaks_lines_spaces_cells_and_leaves_code_alone() {
        assert_eq!(with_line_breaks("가<br>나"), "가  \n나");
        assert_eq!(with_line_breaks("- 항목<BR/>\n- 다음"), "- 항목  \n- 다음");
        assert_eq!(
            with_line_breaks("| a |\n|---|\n| x<br>y |\n"),
            "| a |\n|---|\n| x y |\n"
        );
        assert_eq!(with_line_breaks("<br>\n\n# 제목"), "\u{a0}\n\n\n# 제목");
        assert_eq!(
            with_line_breaks("`<br>` 와 <b>굵게</b>"),
            "`<br>` 와 <b>굵게</b>"
        );
        assert_eq!(with_line_breaks("```\n<br>\n```"), "```\n<br>\n```");
    }
}
