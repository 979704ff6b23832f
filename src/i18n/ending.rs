//! The words of ending cleanly and of what came back after an app that could not: the
//! journal's recovery, a quit signal. Both languages side by side.

use super::Lang;

impl Lang {
    /// "지난번에 저장되지 않은 답변 1개를 되살렸습니다".
    pub fn notes_recovered(self, notes: usize) -> String {
        match (self, notes) {
            (Lang::Ko, n) => format!("지난번에 저장되지 않은 답변 {n}개를 되살렸습니다"),
            (Lang::En, 1) => "Recovered 1 answer that was not saved last time".to_owned(),
            (Lang::En, n) => format!("Recovered {n} answers that were not saved last time"),
        }
    }

    pub fn journal_failed(self, error: &str) -> String {
        match self {
            Lang::Ko => format!(
                "입력 기록을 남길 수 없어, 답변은 입력을 멈춘 뒤 1초 후에 저장됩니다 — {error}"
            ),
            Lang::En => format!(
                "Typing cannot be journaled: answers are saved a second after typing stops — {error}"
            ),
        }
    }
}
