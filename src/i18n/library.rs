//! The strings of a course repository: its kinds of document, the library, the walk's
//! bounds.

use super::Lang;
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
