//! 노트 파일에 답변 쓰기 in the app: the answer to write is my note on the question (the
//! class answer typed with N while presenting); the file is read again, refused if it
//! changed since the course was read, written with the answer (atomic, the file before kept
//! as `.bak`) on a thread of its own, and said. The watcher's reload then shows it to every
//! window as 새 답변.

use std::sync::mpsc;

use super::StudyApp;
use crate::notice::Notice;

impl StudyApp {
    /// The question my answer would go to: the slide's while presenting, else the one my
    /// typing goes to.
    fn publish_target(&self) -> Option<(usize, usize)> {
        if let Some(p) = self.mode.presenter() {
            return p.deck.question();
        }
        self.note_target()
    }

    /// Whether the answer to the question of the notes panel can be written into its file:
    /// a question of a file (not the built-in notes) with my answer.
    pub(super) fn can_publish(&self) -> bool {
        let Some((t, q)) = self.publish_target() else {
            return false;
        };
        let Some(question) = self.course.topics.get(t).and_then(|t| t.questions.get(q)) else {
            return false;
        };
        let from_file = self
            .course
            .documents
            .get(question.document)
            .is_some_and(|d| d.file.is_some());
        from_file && self.notes.book().text(&question.id).is_some()
    }

    /// Which sessions' files are in a git work tree (their commit can be offered): only
    /// the file system is looked at, once per content load.
    pub(super) fn find_publish_repos(&mut self) {
        let git = crate::git::installed();
        self.publish_git = self
            .course
            .documents
            .iter()
            .map(|d| {
                git && d
                    .file
                    .as_ref()
                    .and_then(|(file, _)| crate::git::find(file.parent()?))
                    .is_some()
            })
            .collect();
    }

    /// Whether the question's file is in a git work tree.
    pub(super) fn publish_in_git(&self) -> bool {
        self.publish_target()
            .and_then(|(t, q)| self.course.topics.get(t)?.questions.get(q))
            .and_then(|q| self.publish_git.get(q.document).copied())
            .unwrap_or(false)
    }

    /// 노트 파일에 답변 쓰기.
    pub(super) fn publish_answer(&mut self, now: f64) {
        let lang = self.state.lang;
        // What was just typed is in the notes before it is read.
        self.notes.save(now, &mut self.notices);
        let Some((t, q)) = self.publish_target() else {
            return;
        };
        let Some((topic, question)) = self
            .course
            .topics
            .get(t)
            .and_then(|topic| Some((topic, topic.questions.get(q)?)))
        else {
            return;
        };
        let Some((file, digest)) = self
            .course
            .documents
            .get(question.document)
            .and_then(|d| d.file.clone())
        else {
            self.notices
                .push(Notice::PublishFailed(lang.publish_builtin().to_owned()));
            return;
        };
        let answer = self
            .notes
            .book()
            .text(&question.id)
            .unwrap_or("")
            .to_owned();
        let (topic, text) = (topic.name.clone(), question.text.clone());
        let commit = self.state.publish_commit && self.publish_in_git();
        let backup = self.notes_dir().published_backup(&file);
        let (tx, rx) = mpsc::channel();
        let ctx = self.ctx.clone();
        let work = move || {
            let at = Written {
                file: &file,
                digest,
                backup: &backup,
            };
            let mut notice = write_answer(&at, &topic, &text, &answer, lang);
            if commit && let Notice::Published(_, _, committed) = &mut notice {
                let message = lang.publish_commit_message(&text);
                *committed = Some(
                    crate::git::commit_file(&file, &message).map_err(|e| match e {
                        crate::git::PullError::Git(words) => words,
                        other => format!("{other:?}"),
                    }),
                );
            }
            let _ = tx.send(notice);
            ctx.request_repaint();
        };
        if let Err(e) = std::thread::Builder::new()
            .name("publish".into())
            .spawn(work)
        {
            self.notices
                .push(Notice::PublishFailed(format!("cannot start: {e}")));
            return;
        }
        self.publishing = Some(rx);
    }

    /// Whether 노트 파일에 답변 쓰기 is under way (tests wait for it).
    pub fn publishing(&self) -> bool {
        self.publishing.is_some()
    }

    /// Per frame: the outcome of a write under way, said once it is in.
    pub(super) fn poll_publish(&mut self) {
        let Some(rx) = &self.publishing else {
            return;
        };
        match rx.try_recv() {
            Ok(notice) => {
                self.publishing = None;
                // While presenting, the status line is hidden: the slide says it too.
                let lang = self.state.lang;
                if let Some(p) = self.mode.presenter_mut() {
                    p.message = Some(notice.text(lang));
                }
                self.notices.push(notice);
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => {
                self.publishing = None;
                self.notices
                    .push(Notice::PublishFailed("the writer stopped".to_owned()));
            }
        }
    }
}

/// The file to write, the digest it was read with, where the file before goes.
struct Written<'a> {
    file: &'a std::path::Path,
    digest: u64,
    backup: &'a std::path::Path,
}

/// Reads the file again, checks it is the one the course was read from, and writes the
/// answer into it, the file before kept as the backup. Off the UI thread.
fn write_answer(
    at: &Written<'_>,
    topic: &str,
    question: &str,
    answer: &str,
    lang: crate::i18n::Lang,
) -> Notice {
    let Written {
        file,
        digest,
        backup,
    } = *at;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let failed = |why: String| Notice::PublishFailed(format!("{name}: {why}"));
    let bytes = match crate::course::read_regular_file(file, crate::course::MAX_CLASS_FILE_BYTES) {
        Ok(b) => b,
        Err(e) => return failed(format!("{e:?}")),
    };
    if crate::course::bytes_digest(&bytes) != digest {
        return Notice::PublishFailed(lang.publish_changed(&name));
    }
    let written = match crate::course::publish::with_answer(&bytes, topic, question, answer) {
        Ok(w) => w,
        Err(e) => return failed(lang.publish_refusal(&e).to_owned()),
    };
    if let Some(dir) = backup.parent()
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return failed(format!("{}: {e}", dir.display()));
    }
    if let Err(e) = crate::notes::write_atomic(backup, &bytes) {
        return failed(e.to_string());
    }
    match crate::notes::write_atomic(file, &written) {
        Ok(()) => {
            log::info!("wrote an answer into {}", file.display());
            Notice::Published(
                name,
                crate::course::shorten(question, 60).into_owned(),
                None,
            )
        }
        Err(e) => failed(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("mspt3_23-7.md");
        let before = "# MSP T3 - 23-7차\n\n## Docker\n\n- host 네트워크는 언제 쓰나요?\n  - ...\n";
        std::fs::write(&file, before).expect("write");
        let digest = crate::course::bytes_digest(before.as_bytes());
        let lang = crate::i18n::Lang::Ko;
        // Someone saved the file after the app read it: refused, the file untouched.
        let edited = format!("{before}- 새 질문인가요?\n");
        std::fs::write(&file, &edited).expect("write");
        let backup = dir.path().join("data/published/mspt3_23-7.md.bak");
        let at = Written {
            file: &file,
            digest,
            backup: &backup,
        };
        let notice = write_answer(&at, "Docker", "host 네트워크는 언제 쓰나요?", "답", lang);
        assert!(
            matches!(&notice, Notice::PublishFailed(m) if m.contains("바뀌었습니다")),
            "{notice:?}"
        );
        assert_eq!(std::fs::read_to_string(&file).expect("read"), edited);
        assert!(!backup.exists());
        // As read: written, the file before kept as .bak.
        let digest = crate::course::bytes_digest(edited.as_bytes());
        let notice = write_answer(
            &Written {
                file: &file,
                digest,
                backup: &backup,
            },
            "Docker",
            "host 네트워크는 언제 쓰나요?",
            "호스트 네트워크를 씁니다.",
            lang,
        );
        assert!(matches!(notice, Notice::Published(..)), "{notice:?}");
        let after = std::fs::read_to_string(&file).expect("read");
        assert!(
            after.contains("  - 호스트 네트워크를 씁니다.\n- 새 질문인가요?"),
            "{after}"
        );
        assert_eq!(std::fs::read_to_string(&backup).expect("bak"), edited);
    }
}
