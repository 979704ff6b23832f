//! The notes' data files on disk, and every data file of the app's (review logs, what was
//! seen): read only as small regular files, written atomically (a temp file, fsync,
//! rename) with the previous good file kept as `.bak`, a corrupt file moved aside and never
//! overwritten, the backup loaded in its place.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::Path;

use serde::Serialize;

use super::files::{backup_path, corrupt_path, lock_path, temp_path};
use super::*;

/// Reads a notes file: `Ok(None)` if there is none.
/// Only a regular file of at most [`MAX_DATA_FILE_BYTES`] is read.
pub fn read_file(path: &Path) -> Result<Option<NotesFile>, StoreError> {
    read_data(path)
}

/// A file of the student's own data (notes, review history): JSON with a schema version.
/// Such files share every guarantee: see [`open_data`] and [`save_data`].
pub trait DataFile: Serialize + serde::de::DeserializeOwned {
    /// The newest schema this version reads and writes.
    const SCHEMA: u32;
    fn schema(&self) -> u32;
}

impl DataFile for NotesFile {
    const SCHEMA: u32 = SCHEMA_VERSION;
    fn schema(&self) -> u32 {
        self.schema
    }
}

/// Reads a data file: `Ok(None)` if there is none. Only a regular file of at most
/// [`MAX_DATA_FILE_BYTES`] is read.
pub fn read_data<F: DataFile>(path: &Path) -> Result<Option<F>, StoreError> {
    let bytes = match crate::course::read_regular_file(path, MAX_DATA_FILE_BYTES) {
        Ok(b) => b,
        Err(ReadRefusal::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(refusal) => return Err(StoreError::refused(path, refusal)),
    };
    parse_data(path, &bytes).map(Some)
}

/// What opening a data file found.
#[derive(Debug)]
pub struct OpenedData<F> {
    /// The file's content (or its backup's); `None` when there is neither.
    pub file: Option<F>,
    /// The content came from the backup: it must be written back.
    pub from_backup: bool,
    /// A corrupt file moved aside, said to the user.
    pub warnings: Vec<StoreWarning>,
    /// Set when the file could not be read nor moved aside: nothing may replace it.
    pub blocked: Option<String>,
}

/// Opens a data file (creating its folder): a missing file with a good backup gives the
/// backup (the last rename never happened); a corrupt file is moved aside and its backup
/// loaded, which is reported, never silent. Errors when the folder cannot be created, or
/// the file is not this app's to change (see [`StoreError::leaves_file_alone`]).
pub fn open_data<F: DataFile>(path: &Path) -> Result<OpenedData<F>, StoreError> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut opened = OpenedData {
        file: None,
        from_backup: false,
        warnings: Vec::new(),
        blocked: None,
    };
    match read_data::<F>(path) {
        Ok(Some(file)) => opened.file = Some(file),
        Ok(None) => {
            if let Ok(Some(file)) = read_data::<F>(&backup_path(path)) {
                opened.file = Some(file);
                opened.from_backup = true;
            }
        }
        Err(e) if e.leaves_file_alone() => return Err(e),
        Err(e) => {
            let reason = e.to_string();
            let moved_to = corrupt_path(path);
            match fs::rename(path, &moved_to) {
                Ok(()) => {
                    let backup = backup_path(path);
                    let restored_from = match read_data::<F>(&backup) {
                        Ok(Some(file)) => {
                            opened.file = Some(file);
                            opened.from_backup = true;
                            Some(backup)
                        }
                        _ => None,
                    };
                    opened.warnings.push(StoreWarning::MovedAside {
                        file: path.to_path_buf(),
                        moved_to,
                        restored_from,
                        reason,
                    });
                }
                Err(rename) => {
                    opened.blocked = Some(format!("{reason}; moving it aside failed: {rename}"));
                }
            }
        }
    }
    Ok(opened)
}

/// Saves a data file: under an advisory lock, `merge` gets what is on disk now (another
/// window's save) and returns the file to write; the file is replaced atomically and the
/// previous one kept as `.bak`. A file that turned corrupt meanwhile is moved aside first
/// (said in `warnings`), never overwritten.
pub fn save_data<F: DataFile>(
    path: &Path,
    warnings: &mut Vec<StoreWarning>,
    merge: impl FnOnce(Option<F>) -> F,
) -> Result<(), StoreError> {
    let lock_path = lock_path(path);
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| StoreError::Write {
            path: lock_path.clone(),
            source,
        })?;
    lock.lock().map_err(|source| StoreError::Lock {
        path: lock_path.clone(),
        source,
    })?;
    let disk = match read_data::<F>(path) {
        Ok(disk) => disk,
        Err(e) if e.leaves_file_alone() || matches!(e, StoreError::Read { .. }) => {
            return Err(e);
        }
        Err(e) => {
            // Appeared corrupt while we ran: never overwrite it, move it aside first.
            let moved_to = corrupt_path(path);
            fs::rename(path, &moved_to).map_err(|source| StoreError::Write {
                path: moved_to.clone(),
                source,
            })?;
            warnings.push(StoreWarning::MovedAside {
                file: path.to_path_buf(),
                moved_to,
                restored_from: None,
                reason: e.to_string(),
            });
            None
        }
    };
    let file = merge(disk);
    let json = serde_json::to_string_pretty(&file).map_err(|e| StoreError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    write_with_backup(path, json.as_bytes())?;
    drop(lock);
    Ok(())
}

impl StoreError {
    /// Why a file could not be read, as a store error.
    pub fn refused(path: &Path, refusal: ReadRefusal) -> Self {
        let path = path.to_path_buf();
        match refusal {
            ReadRefusal::Io(source) => StoreError::Read { path, source },
            ReadRefusal::NotAFile { kind } => StoreError::NotAFile { path, kind },
            ReadRefusal::TooLarge { bytes } => StoreError::TooLarge { path, bytes },
        }
    }
}

/// Parses a notes file's bytes, checking its schema version.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<NotesFile, StoreError> {
    parse_data(path, bytes)
}

/// Parses a data file's bytes, checking its schema version.
pub fn parse_data<F: DataFile>(path: &Path, bytes: &[u8]) -> Result<F, StoreError> {
    let file: F = serde_json::from_slice(bytes).map_err(|e| StoreError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    if file.schema() > F::SCHEMA {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: file.schema(),
            reads: F::SCHEMA,
        });
    }
    Ok(file)
}

/// Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the
/// new file whole: temp file in the same folder, fsync, rename, fsync the folder. Writes only
/// `path` (and its temp file): an export lands exactly where the user said.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = temp_path(path);
    let written = File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(source) = written {
        remove_leftover(&tmp);
        return Err(StoreError::Write { path: tmp, source });
    }
    if let Err(source) = fs::rename(&tmp, path) {
        remove_leftover(&tmp);
        return Err(StoreError::Write {
            path: path.to_path_buf(),
            source,
        });
    }
    // Make the rename itself durable. Where folders cannot be opened (Windows) there is
    // nothing to sync.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Ok(d) = File::open(dir.unwrap_or(Path::new(".")))
        && let Err(e) = d.sync_all()
    {
        log::warn!("could not sync the folder of {}: {e}", path.display());
    }
    Ok(())
}

/// Like [`write_atomic`], and the file it replaces becomes `path.bak` first (itself written
/// atomically): the notes store always has the previous good generation beside it.
fn write_with_backup(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if path.exists() {
        let bak = backup_path(path);
        let bak_tmp = temp_path(&bak);
        let copied = fs::copy(path, &bak_tmp)
            .and_then(|_| File::open(&bak_tmp)?.sync_all())
            .and_then(|()| fs::rename(&bak_tmp, &bak));
        if let Err(source) = copied {
            remove_leftover(&bak_tmp);
            return Err(StoreError::Write { path: bak, source });
        }
    }
    write_atomic(path, bytes)
}

/// Removes a temp file a failed write left behind. The write's own error is what the user
/// is told; a leftover that cannot be removed is only logged (it holds no user data that
/// is not also elsewhere).
fn remove_leftover(path: &Path) {
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => log::warn!("could not remove the leftover {}: {e}", path.display()),
    }
}
