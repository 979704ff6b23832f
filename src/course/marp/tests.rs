use super::*;
use crate::course::kind::front_matter;

fn read(text: &str) -> Deck {
    let (front, body) = match front_matter(text) {
        Some((f, start)) => (f, &text[start..]),
        None => (FrontMatter::default(), text),
    };
    deck(body, &front, &ImageBase::None)
}

#[test]
fn slides_are_cut_at_rules_outside_code_and_front_matter() {
    let d = read(
        "---\nmarp: true\nsize: 4:3\n---\n\n# One\n\n```yaml\n---\nkind: Pod\n---\n```\n\n---\n\n## Two\n\n***\n\n- three\n\n---\n",
    );
    assert_eq!(d.slides.len(), 4);
    assert_eq!(d.size.width, 960.0);
    let titles: Vec<&str> = d.slides.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["One", "Two", "", ""]);
    assert!(
        matches!(&d.slides[0].blocks[1], Block::Code { code, .. } if code == "---\nkind: Pod\n---")
    );
    // A paragraph over `---` is a heading (setext), as in Marp: no new slide.
    assert_eq!(read("Title\n---\n\ntext").slides.len(), 1);
}

#[test]
fn directives_are_inherited_and_overridden() {
    let d = read(
        "---\npaginate: true\nheader: Docker & Kubernetes - 01\nfooter: Cloud Academy\n---\n\n# Title\n<!-- _paginate: false -->\n<!-- _class: lead -->\n\n---\n\n## Two\n\n---\n\n<!-- footer: 부록 -->\n## Three\n\n<!-- 발표자 메모: 천천히 -->\n\n---\n\n## Four\n",
    );
    let s = &d.slides;
    assert_eq!(
        s.iter().map(|s| s.paginate).collect::<Vec<_>>(),
        [false, true, true, true]
    );
    assert_eq!(s[0].class, "lead");
    assert_eq!(s[1].class, "");
    assert_eq!(s[0].header, "Docker & Kubernetes - 01");
    assert_eq!(
        s.iter().map(|s| s.footer.as_str()).collect::<Vec<_>>(),
        ["Cloud Academy", "Cloud Academy", "부록", "부록"]
    );
    assert_eq!(s[2].notes, ["발표자 메모: 천천히"]);
}

#[test]
fn heading_divider_cuts_at_headings() {
    let d = read("---\nheadingDivider: 2\n---\n\n# A\n\ntext\n\n## B\n\n### c\n\n## D\n");
    let titles: Vec<&str> = d.slides.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["A", "B", "D"]);
}

#[test]
fn image_keywords() {
    let d = read(
        "# 개요\n\n![bg left:40%](./img/a.png)\n\n---\n\n![h:270](b.png) ![h:270](c.png) ![h:270](d.png)\n\n![w:1000 left](e.png)\n\n![h:350 center](f.png)\n\n---\n\n![bg](g.png)\n![bg contain](h.png)\n![bg right 80%](i.png)\n",
    );
    let first = &d.slides[0];
    assert_eq!(
        first.split,
        Some(Split {
            side: Side::Left,
            percent: 40.0
        })
    );
    assert_eq!(first.backgrounds.len(), 1);
    assert_eq!(first.backgrounds[0].image.url, "./img/a.png");
    assert_eq!(first.blocks.len(), 1, "the bg image is no content");
    let rows: Vec<&Vec<SlideImage>> = d.slides[1]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Images(i) => Some(i),
            _ => None,
        })
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].len(), 3);
    assert!(rows[0].iter().all(|i| i.height == Some(270.0)));
    assert_eq!(
        (rows[1][0].width, rows[1][0].align),
        (Some(1000.0), HAlign::Left)
    );
    assert_eq!(
        (rows[2][0].height, rows[2][0].align),
        (Some(350.0), HAlign::Center)
    );
    let last = &d.slides[2];
    let fits: Vec<Fit> = last.backgrounds.iter().map(|b| b.fit).collect();
    assert_eq!(fits, [Fit::Cover, Fit::Contain, Fit::Percent(80.0)]);
    assert_eq!(last.split.map(|s| s.side), Some(Side::Right));
    assert!(last.blocks.is_empty());
}

#[test]
fn blocks_of_a_slide() {
    let d = read(
        "## 이미지와 레이어\n\n#### [ 레이어 ]\n\n> 이미지는 **읽기 전용** 레이어의 묶음입니다.\n\n- 하나\n  - 둘\n- `셋`\n\n1. first\n\n| 명령 | 뜻 |\n| --- | --- |\n| FROM | 베이스 |\n\n\u{a0}\n\n```bash\ndocker ps\n```\n",
    );
    let b = &d.slides[0].blocks;
    assert!(matches!(&b[0], Block::Heading { level: 2, .. }));
    assert!(matches!(&b[1], Block::Heading { level: 4, spans } if plain(spans) == "[ 레이어 ]"));
    let Block::Quote(q) = &b[2] else {
        panic!("{:?}", b[2])
    };
    let Block::Paragraph(spans) = &q[0] else {
        panic!()
    };
    assert!(spans.iter().any(|s| s.strong && s.text == "읽기 전용"));
    let Block::List { start: None, items } = &b[3] else {
        panic!("{:?}", b[3])
    };
    assert_eq!(items.len(), 2);
    assert!(matches!(&items[0][1], Block::List { .. }), "nested list");
    assert!(matches!(&items[1][0], Block::Paragraph(s) if s[0].code));
    assert!(matches!(&b[4], Block::List { start: Some(1), .. }));
    let Block::Table { head, rows, .. } = &b[5] else {
        panic!("{:?}", b[5])
    };
    assert_eq!((head.len(), rows.len()), (2, 1));
    assert!(matches!(&b[6], Block::Paragraph(s) if s[0].text == "\u{a0}"));
    assert!(matches!(&b[7], Block::Code { lang, code } if lang == "bash" && code == "docker ps"));
}
