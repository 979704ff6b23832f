//! The journal: what was typed and not yet saved in a notes file, on disk within a few
//! hundred milliseconds of the keystroke, for what no handler can catch (`kill -9`, a
//! crash, power loss). The notes files keep their one-generation guarantee and their low
//! write rate (a second after typing stops); the journal is the small, append-only,
//! fsync'd record in between, as vim's swap file and SQLite's WAL are.
//!
//! One file per running app, `journal-<pid>.jsonl` in the data folder, held under an
//! exclusive lock while the app runs: one JSON line per edit (the note's whole text), written
//! and fsync'd by a thread of its own at most [`FLUSH_EVERY`] after the edit. Emptied once
//! the notes file holding those edits is saved. At the next start, [`recover`] replays
//! the journals whose app is gone (their lock is free) into the notes files, newest edit
//! winning as in every merge, then removes them.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead as _, BufReader, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{DataDir, NoteStore, QuestionInfo, StoreError};
use crate::course::QuestionId;

/// How long an edit waits before it is written and fsync'd (the edits of that time go
/// together): typed text reaches the disk within this plus one fsync.
pub const FLUSH_EVERY: Duration = Duration::from_millis(100);

/// A journal larger than this is rewritten with only the last text of each note.
const COMPACT_ABOVE: u64 = 1 << 20;

/// One edit: the note's whole text after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub id: QuestionId,
    pub question: String,
    pub topic: String,
    pub session: String,
    pub text: String,
    pub at: Timestamp,
}

impl Edit {
    pub fn new(id: &QuestionId, info: &QuestionInfo, text: &str, at: Timestamp) -> Self {
        Self {
            id: id.clone(),
            question: info.question.clone(),
            topic: info.topic.clone(),
            session: info.session.clone(),
            text: text.to_owned(),
            at,
        }
    }

    fn info(&self) -> QuestionInfo {
        QuestionInfo {
            question: self.question.clone(),
            topic: self.topic.clone(),
            session: self.session.clone(),
        }
    }
}

enum Message {
    /// Journal this edit; `u64`: its number, counting from 1.
    Edit(Edit, u64),
    /// Every edit up to this number is in a saved notes file.
    Saved(u64),
    /// Write what waits, fsync, then answer.
    Flush(Sender<()>),
    /// The app ends: as `Flush`, then the file goes if nothing in it is unsaved, and the
    /// thread ends.
    Close(Sender<()>),
}

/// The running app's journal. Cheap to call from the UI thread: the writing is the thread's.
#[derive(Debug)]
pub struct Journal {
    tx: Option<Sender<Message>>,
    path: PathBuf,
    /// The number of the last edit journaled.
    edits: u64,
    /// The thread's last write error, until the app takes it to show it.
    failure: Arc<Mutex<Option<String>>>,
}

/// A handle that can make the journal reach the disk from another thread (a second signal,
/// before the process exits).
#[derive(Clone, Debug)]
pub struct Flusher(Sender<Message>);

impl Flusher {
    /// Writes and fsyncs what waits; waits at most `timeout` for it.
    pub fn flush(&self, timeout: Duration) {
        let (tx, rx) = channel();
        if self.0.send(Message::Flush(tx)).is_ok() {
            let _ = rx.recv_timeout(timeout);
        }
    }
}

impl Journal {
    /// Starts this app's journal in `dir` (created if needed) and its thread. `Err`: the
    /// journal cannot be written there (said by the caller; the notes still save as before).
    pub fn start(dir: &DataDir) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir.root()).map_err(|source| StoreError::CreateDir {
            path: dir.root().to_path_buf(),
            source,
        })?;
        // A new file: a journal left with the same process id by an app that died (and
        // could not be replayed) is kept for the next start.
        let pid = std::process::id();
        let mut attempt = 0;
        let (path, file) = loop {
            let path = dir.journal(pid, attempt);
            match OpenOptions::new()
                .create_new(true)
                .append(true)
                .read(true)
                .open(&path)
            {
                Ok(file) => break (path, file),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(source) => return Err(StoreError::Write { path, source }),
            }
        };
        let io = |source| StoreError::Write {
            path: path.clone(),
            source,
        };
        file.try_lock().map_err(|e| {
            io(std::io::Error::other(format!(
                "the journal is held by another app: {e}"
            )))
        })?;
        let (tx, rx) = channel();
        let thread_path = path.clone();
        let failure = Arc::new(Mutex::new(None));
        let thread_failure = failure.clone();
        std::thread::Builder::new()
            .name("journal".into())
            .spawn(move || write_loop(file, &thread_path, &rx, &thread_failure))
            .map_err(io)?;
        Ok(Self {
            tx: Some(tx),
            path,
            edits: 0,
            failure,
        })
    }

    /// A journal that keeps nothing (tests of other parts, an unwritable data folder).
    pub fn none() -> Self {
        Self {
            tx: None,
            path: PathBuf::new(),
            edits: 0,
            failure: Arc::default(),
        }
    }

    /// Why the journal could not be written lately, once (the app shows it).
    pub fn take_failure(&self) -> Option<String> {
        self.failure.lock().ok()?.take()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Journals an edit; returns its number.
    pub fn record(&mut self, edit: Edit) -> u64 {
        self.edits += 1;
        if let Some(tx) = &self.tx
            && tx.send(Message::Edit(edit, self.edits)).is_err()
        {
            log::error!("the journal's thread is gone: edits are saved only by the notes file");
            self.tx = None;
        }
        self.edits
    }

    /// The number of the last edit journaled: what a save that starts now will hold.
    pub fn last(&self) -> u64 {
        self.edits
    }

    /// Every edit up to `upto` is in a saved notes file: the journal may forget them.
    pub fn saved(&self, upto: u64) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Message::Saved(upto));
        }
    }

    pub fn flusher(&self) -> Option<Flusher> {
        self.tx.clone().map(Flusher)
    }
}

impl Drop for Journal {
    /// The app ends normally: what waits is written (the notes were saved just before, so
    /// the journal is usually empty, and then removed).
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            let (done, wait) = channel();
            if tx.send(Message::Close(done)).is_ok() {
                let _ = wait.recv_timeout(Duration::from_secs(2));
            }
        }
    }
}

/// The journal's thread: edits wait at most [`FLUSH_EVERY`], then go to the file together
/// and are fsync'd; a save empties the file once nothing newer is in it.
fn write_loop(
    mut file: File,
    path: &Path,
    rx: &Receiver<Message>,
    failure: &Mutex<Option<String>>,
) {
    // Edits not written yet, the last per note; and the last per note in the file.
    let mut waiting: BTreeMap<QuestionId, (Edit, u64)> = BTreeMap::new();
    let mut written: BTreeMap<QuestionId, (Edit, u64)> = BTreeMap::new();
    let mut due: Option<Instant> = None;
    let mut saved = 0u64;
    loop {
        let message = match due {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => break,
            },
        };
        let mut reply = None;
        let mut closing = false;
        match message {
            Some(Message::Edit(edit, n)) => {
                due.get_or_insert_with(|| Instant::now() + FLUSH_EVERY);
                waiting.insert(edit.id.clone(), (edit, n));
                continue;
            }
            Some(Message::Saved(upto)) => saved = saved.max(upto),
            Some(Message::Flush(tx)) => reply = Some(tx),
            Some(Message::Close(tx)) => {
                reply = Some(tx);
                closing = true;
            }
            None => {}
        }
        due = None;
        waiting.retain(|_, (_, n)| *n > saved);
        written.retain(|_, (_, n)| *n > saved);
        let result = if written.is_empty() && waiting.is_empty() {
            empty(&mut file)
        } else {
            let lines = std::mem::take(&mut waiting);
            append(&mut file, lines.values().map(|(e, _)| e)).and_then(|()| {
                written.extend(lines);
                compact_if_large(&mut file, path, &written)
            })
        };
        if let Err(e) = result
            && let Ok(mut slot) = failure.lock()
        {
            // Said once by the app (and logged there), until the next failure.
            *slot = Some(format!("{}: {e}", path.display()));
        }
        if closing {
            // The lock goes with the file, before the app is told the journal is closed.
            drop(file);
            // Nothing unsaved in it: the file goes (else the next start replays it).
            if written.is_empty()
                && let Err(e) = std::fs::remove_file(path)
            {
                log::warn!("the empty journal {} stays: {e}", path.display());
            }
            if let Some(tx) = reply {
                let _ = tx.send(());
            }
            return;
        }
        if let Some(tx) = reply {
            let _ = tx.send(());
        }
    }
}

fn append<'a>(file: &mut File, edits: impl Iterator<Item = &'a Edit>) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    for edit in edits {
        serde_json::to_writer(&mut bytes, edit).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
    }
    if bytes.is_empty() {
        return Ok(());
    }
    file.write_all(&bytes)?;
    file.sync_data()
}

fn empty(file: &mut File) -> std::io::Result<()> {
    if file.metadata()?.len() == 0 {
        return Ok(());
    }
    file.set_len(0)?;
    file.rewind()?;
    file.sync_data()
}

/// Rewrites a large journal in place with the last text of each note (typing for a long
/// time without a pause grows it by one line per flush).
fn compact_if_large(
    file: &mut File,
    path: &Path,
    written: &BTreeMap<QuestionId, (Edit, u64)>,
) -> std::io::Result<()> {
    if file.metadata()?.len() <= COMPACT_ABOVE {
        return Ok(());
    }
    log::info!("compacting the journal {}", path.display());
    file.set_len(0)?;
    file.rewind()?;
    append(file, written.values().map(|(e, _)| e))
}

/// What [`recover`] brought back.
#[derive(Debug, Default)]
pub struct Recovered {
    /// Notes whose text in the journal was newer than their notes file, now saved there.
    pub notes: usize,
    /// Journals or notes files that could not be read or written (the journal then stays).
    pub errors: Vec<StoreError>,
}

/// Replays into the notes files of `dir` the journals of apps that are gone (their lock
/// is free), the newest edit of each note winning over the file's, then removes them. A
/// torn last line (the app died while writing it) is skipped. Called once at start, before
/// the notes are opened; blocks on file I/O.
pub fn recover(dir: &DataDir) -> Recovered {
    let mut recovered = Recovered::default();
    for path in dir.journals() {
        let io = |source| StoreError::Write {
            path: path.clone(),
            source,
        };
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else {
            continue;
        };
        // Held: that app runs. Anything else (a journal of a running app on a file system
        // without locks) is left alone too.
        if file.try_lock().is_err() {
            continue;
        }
        let mut last: BTreeMap<QuestionId, Edit> = BTreeMap::new();
        for line in BufReader::new(&file).split(b'\n') {
            let Ok(line) = line else {
                break;
            };
            match serde_json::from_slice::<Edit>(&line) {
                Ok(edit) => {
                    last.insert(edit.id.clone(), edit);
                }
                // A torn line: the app died writing it. What came before is whole.
                Err(_) => continue,
            }
        }
        match replay(dir, last.into_values()) {
            Ok(n) => {
                recovered.notes += n;
                drop(file);
                if let Err(e) = std::fs::remove_file(&path) {
                    recovered.errors.push(io(e));
                }
            }
            Err(e) => recovered.errors.push(e),
        }
    }
    recovered
}

/// Writes each edit into its session's notes file where it is newer than the note there.
/// Returns how many notes changed.
fn replay(dir: &DataDir, edits: impl Iterator<Item = Edit>) -> Result<usize, StoreError> {
    let mut by_session: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    for edit in edits {
        by_session
            .entry(edit.session.clone())
            .or_default()
            .push(edit);
    }
    let mut changed = 0;
    for (session, edits) in by_session {
        let path = dir.settled_session_notes(&session);
        let (mut store, _warnings) = NoteStore::open(path, &session)?;
        let mut any = false;
        for edit in edits {
            let newer = match store.get(&edit.id) {
                Some(note) => note.updated < edit.at && note.text != edit.text,
                None => !edit.text.is_empty(),
            };
            if newer {
                store.set_text(&edit.id, &edit.info(), &edit.text, edit.at);
                changed += 1;
                any = true;
            }
        }
        if any {
            store.save()?;
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests;
