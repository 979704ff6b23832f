//! The strings of a course repository: its kinds of document, the library, the walk's
//! bounds.

use super::Lang;
use crate::course::Kind;
use crate::course::walk::Bound;

impl Lang {
    /// A folder larger than what is read of it.
    pub fn walk_bound(self, folder: &str, bound: Bound) -> String {
        match (self, bound) {
            (Lang::Ko, Bound::Depth(n)) => {
                format!("{folder}: 폴더가 {n}단계보다 깊어서 그 아래는 읽지 않았습니다")
            }
            (Lang::En, Bound::Depth(n)) => {
                format!("{folder}: folders deeper than {n} levels were not read")
            }
            (Lang::Ko, Bound::Entries(n)) => {
                format!("{folder}: 항목이 {n}개를 넘어서 나머지는 읽지 않았습니다")
            }
            (Lang::En, Bound::Entries(n)) => {
                format!("{folder}: more than {n} entries; the rest were not read")
            }
            (Lang::Ko, Bound::Markdown(n)) => {
                format!("{folder}: 마크다운 파일이 {n}개를 넘어서 나머지는 읽지 않았습니다")
            }
            (Lang::En, Bound::Markdown(n)) => {
                format!("{folder}: more than {n} markdown files; the rest were not read")
            }
        }
    }

    /// A symlink that leads out of the opened folder.
    pub fn link_outside(self, link: &str) -> String {
        match self {
            Lang::Ko => format!("{link}: 연 폴더 밖을 가리키는 링크라 따라가지 않았습니다"),
            Lang::En => format!("{link}: a link out of the opened folder; not followed"),
        }
    }
}

impl Lang {
    pub fn library(self) -> &'static str {
        self.ko_en("📚 라이브러리", "📚 Library")
    }

    pub fn all_courses(self) -> &'static str {
        self.ko_en("전체 Q&A", "All Q&A")
    }

    pub fn untitled_course(self) -> &'static str {
        self.ko_en("수업 노트", "Class notes")
    }

    /// The shelf of a kind of document.
    pub fn shelf(self, kind: Kind) -> &'static str {
        match kind {
            Kind::Qa => self.ko_en("수업 Q&A", "Class Q&A"),
            Kind::Deck => self.ko_en("교재", "Textbook"),
            Kind::Lab => self.ko_en("실습", "Labs"),
            Kind::Doc => self.ko_en("문서", "Documents"),
        }
    }

    pub fn slide_count(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("{n}장"),
            Lang::En if n == 1 => "1 slide".to_owned(),
            Lang::En => format!("{n} slides"),
        }
    }

    pub fn step_count(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("{n}단계"),
            Lang::En if n == 1 => "1 step".to_owned(),
            Lang::En => format!("{n} steps"),
        }
    }

    pub fn outline(self) -> &'static str {
        self.ko_en("이 문서의 목차", "Outline")
    }

    /// Characters no font of the computer draws, named once.
    pub fn glyphs_missing(self, chars: &str) -> String {
        let shown: String = chars
            .chars()
            .map(|c| format!("{c} (U+{:04X})", u32::from(c)))
            .collect::<Vec<_>>()
            .join(", ");
        match self {
            Lang::Ko => format!("이 컴퓨터의 어떤 글꼴에도 없는 문자라 상자로 보입니다: {shown}"),
            Lang::En => {
                format!("No font on this computer has these characters (drawn as boxes): {shown}")
            }
        }
    }

    /// The heading of the documents' search results.
    pub fn document_results(self, n: usize) -> String {
        match self {
            Lang::Ko => format!("교재·실습·문서 {n}곳"),
            Lang::En => format!("{n} in the textbook, labs and documents"),
        }
    }

    pub fn related_questions(self) -> &'static str {
        self.ko_en("관련 질문", "Related questions")
    }

    pub fn open_related(self) -> &'static str {
        self.ko_en("이 질문의 카드로 갑니다", "Go to this question's card")
    }

    pub fn back_to_questions(self) -> &'static str {
        self.ko_en("← 질문으로", "← Questions")
    }
}
