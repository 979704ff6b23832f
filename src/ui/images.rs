//! The images of the notes, loaded so that a hostile file cannot hurt: the only files read
//! are regular files inside the folders of the open notes (checked again here, after `..`
//! and symlinks are resolved, whatever the markdown or egui_commonmark asks for), at most
//! [`MAX_IMAGE_BYTES`]; `data:` images up to [`MAX_DATA_IMAGE_BYTES`]; nothing is fetched
//! from the network. Decoding has limits on the size and the memory of the picture, so a
//! decompression bomb is an error message, not an out-of-memory. Both run off the UI
//! thread.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::task::Poll;

use egui::load::{
    Bytes, BytesLoadResult, BytesLoader, BytesPoll, ImageLoadResult, ImageLoader, ImagePoll,
    LoadError, SizeHint,
};

use crate::course::{MAX_DATA_IMAGE_BYTES, MAX_IMAGE_BYTES};

/// A picture wider or taller than this many pixels is not decoded.
pub const MAX_IMAGE_SIDE: u32 = 12_000;
/// Decoding may use at most this much memory.
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// The folders whose files the notes may show; set at every load.
#[derive(Clone, Default)]
pub struct ImageRoots(Arc<RwLock<Vec<PathBuf>>>);

impl ImageRoots {
    /// The folders of the open notes (canonicalised here).
    pub fn set<'a>(&self, folders: impl Iterator<Item = &'a Path>) {
        let canonical: Vec<PathBuf> = folders.filter_map(|f| f.canonicalize().ok()).collect();
        match self.0.write() {
            Ok(mut roots) => *roots = canonical,
            Err(poisoned) => *poisoned.into_inner() = canonical,
        }
    }

    fn contains(&self, path: &Path) -> bool {
        let check = |roots: &Vec<PathBuf>| roots.iter().any(|r| path.starts_with(r));
        match self.0.read() {
            Ok(roots) => check(&roots),
            Err(poisoned) => check(&poisoned.into_inner()),
        }
    }
}

/// Installs the loaders; returns the roots to keep up to date. Once, at start-up.
pub fn install(ctx: &egui::Context) -> ImageRoots {
    let roots = ImageRoots::default();
    ctx.add_bytes_loader(Arc::new(NotesFiles {
        roots: roots.clone(),
        cache: Cache::default(),
    }));
    ctx.add_image_loader(Arc::new(SafeDecoder {
        cache: Cache::default(),
    }));
    roots
}

type Entry<T> = Poll<Result<T, String>>;

/// Results by URI, filled by worker threads.
struct Cache<T>(Arc<Mutex<HashMap<String, Entry<T>>>>);

impl<T> Default for Cache<T> {
    fn default() -> Self {
        Self(Arc::default())
    }
}

impl<T: Clone + Send + 'static> Cache<T> {
    fn get(&self, uri: &str) -> Option<Entry<T>> {
        self.lock().get(uri).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry<T>>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `work` on a thread; the window is woken when its result is in.
    fn spawn(
        &self,
        ctx: &egui::Context,
        uri: &str,
        work: impl FnOnce() -> Result<T, String> + Send + 'static,
    ) -> Entry<T> {
        self.lock().insert(uri.to_owned(), Poll::Pending);
        let cache = Arc::clone(&self.0);
        let ctx = ctx.clone();
        let key = uri.to_owned();
        let spawned = std::thread::Builder::new()
            .name("image-loader".into())
            .spawn(move || {
                let result = work();
                cache
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(key, Poll::Ready(result));
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            let failed = Poll::Ready(Err(format!("cannot start a loader thread: {e}")));
            self.lock().insert(uri.to_owned(), failed.clone());
            return failed;
        }
        Poll::Pending
    }

    fn forget(&self, uri: &str) {
        self.lock().remove(uri);
    }

    fn forget_all(&self) {
        self.lock().clear();
    }

    fn has_pending(&self) -> bool {
        self.lock().values().any(Poll::is_pending)
    }
}

/// `file://` inside the notes' folders, and `data:`.
struct NotesFiles {
    roots: ImageRoots,
    cache: Cache<Arc<[u8]>>,
}

impl BytesLoader for NotesFiles {
    fn id(&self) -> &str {
        concat!(module_path!(), "::NotesFiles")
    }

    fn load(&self, ctx: &egui::Context, uri: &str) -> BytesLoadResult {
        let entry = match self.cache.get(uri) {
            Some(entry) => entry,
            None => {
                if let Some(data) = uri.strip_prefix("data:") {
                    let decoded = decode_data_uri(data).map(Arc::from);
                    self.cache
                        .lock()
                        .insert(uri.to_owned(), Poll::Ready(decoded.clone()));
                    Poll::Ready(decoded)
                } else if let Some(path) = uri.strip_prefix("file://") {
                    let path = file_uri_path(path);
                    let roots = self.roots.clone();
                    self.cache
                        .spawn(ctx, uri, move || read_inside(&path, &roots).map(Arc::from))
                } else {
                    return Err(LoadError::NotSupported);
                }
            }
        };
        match entry {
            Poll::Ready(Ok(bytes)) => Ok(BytesPoll::Ready {
                size: None,
                bytes: Bytes::Shared(bytes),
                mime: None,
            }),
            Poll::Ready(Err(e)) => Err(LoadError::Loading(e)),
            Poll::Pending => Ok(BytesPoll::Pending { size: None }),
        }
    }

    fn forget(&self, uri: &str) {
        self.cache.forget(uri);
    }

    fn forget_all(&self) {
        self.cache.forget_all();
    }

    fn byte_size(&self) -> usize {
        self.cache
            .lock()
            .values()
            .map(|e| match e {
                Poll::Ready(Ok(bytes)) => bytes.len(),
                _ => 0,
            })
            .sum()
    }

    fn has_pending(&self) -> bool {
        self.cache.has_pending()
    }
}

/// The path of a `file://` URI (`/C:/…` on Windows is `C:/…`).
fn file_uri_path(rest: &str) -> PathBuf {
    let bytes = rest.as_bytes();
    let windows_drive = bytes.first() == Some(&b'/')
        && bytes.get(1).is_some_and(u8::is_ascii_alphabetic)
        && bytes.get(2) == Some(&b':');
    if cfg!(windows) && windows_drive {
        PathBuf::from(rest.get(1..).unwrap_or(rest))
    } else {
        PathBuf::from(rest)
    }
}

/// Reads an image file of the notes: inside a root (after resolving `..` and symlinks),
/// a regular file, at most [`MAX_IMAGE_BYTES`].
pub fn read_inside(path: &Path, roots: &ImageRoots) -> Result<Vec<u8>, String> {
    let canonical = path
        .canonicalize()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if !roots.contains(&canonical) {
        return Err(format!(
            "{}: outside the notes' folder, not loaded",
            path.display()
        ));
    }
    let file = std::fs::File::open(&canonical).map_err(|e| format!("{}: {e}", path.display()))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("{}: not a regular file", path.display()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(format!("{}: image file too large", path.display()));
    }
    Ok(bytes)
}

/// The bytes of a `data:[mime][;base64],…` URI (after `data:`), at most
/// [`MAX_DATA_IMAGE_BYTES`] long.
pub fn decode_data_uri(data: &str) -> Result<Vec<u8>, String> {
    if data.len() as u64 > MAX_DATA_IMAGE_BYTES {
        return Err(format!("data: image too large ({} KB)", data.len() / 1024));
    }
    let (meta, payload) = data
        .split_once(',')
        .ok_or_else(|| "data: URI without a comma".to_owned())?;
    if meta.ends_with(";base64") {
        base64(payload)
    } else {
        Ok(payload.as_bytes().to_vec())
    }
}

/// Standard base64 (padding and whitespace allowed).
fn base64(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return Err("data: image is not valid base64".into()),
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// Decodes PNG, JPEG, GIF (first frame) and WebP with limits.
struct SafeDecoder {
    cache: Cache<Arc<egui::ColorImage>>,
}

impl ImageLoader for SafeDecoder {
    fn id(&self) -> &str {
        concat!(module_path!(), "::SafeDecoder")
    }

    fn load(&self, ctx: &egui::Context, uri: &str, _: SizeHint) -> ImageLoadResult {
        // egui asks for animated formats by frame ("…gif#0"); we show the first.
        let uri = egui::decode_animated_image_uri(uri).map_or(uri, |(uri, _)| uri);
        let entry = match self.cache.get(uri) {
            Some(entry) => entry,
            None => match ctx.try_load_bytes(uri) {
                Ok(BytesPoll::Ready { bytes, .. }) => {
                    let bytes: Arc<[u8]> = Arc::from(bytes.as_ref());
                    self.cache
                        .spawn(ctx, uri, move || decode(&bytes).map(Arc::new))
                }
                Ok(BytesPoll::Pending { size }) => return Ok(ImagePoll::Pending { size }),
                Err(e) => return Err(e),
            },
        };
        match entry {
            Poll::Ready(Ok(image)) => Ok(ImagePoll::Ready { image }),
            Poll::Ready(Err(e)) => Err(LoadError::Loading(e)),
            Poll::Pending => Ok(ImagePoll::Pending { size: None }),
        }
    }

    fn forget(&self, uri: &str) {
        self.cache.forget(uri);
    }

    fn forget_all(&self) {
        self.cache.forget_all();
    }

    fn byte_size(&self) -> usize {
        self.cache
            .lock()
            .values()
            .map(|e| match e {
                Poll::Ready(Ok(image)) => image.pixels.len() * 4,
                _ => 0,
            })
            .sum()
    }

    fn has_pending(&self) -> bool {
        self.cache.has_pending()
    }
}

/// Decodes an image with limits on its sides and on the memory the decoder may take.
pub fn decode(bytes: &[u8]) -> Result<egui::ColorImage, String> {
    let reader = || {
        image::ImageReader::new(std::io::Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| e.to_string())
    };
    if reader()?.format().is_none() {
        return Err("not an image (PNG, JPEG, GIF or WebP)".into());
    }
    // The header first: a decompression bomb says its size before it explodes.
    let (width, height) = reader()?
        .into_dimensions()
        .map_err(|e| format!("not a readable image: {e}"))?;
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(format!(
            "{width}×{height} pixels: too large to show (at most {MAX_IMAGE_SIDE} a side)"
        ));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut decoder = reader()?;
    decoder.limits(limits);
    let image = decoder
        .decode()
        .map_err(|e| format!("cannot decode the image: {e}"))?;
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        size,
        rgba.as_flat_samples().as_slice(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bomb(width: u32, height: u32) -> Vec<u8> {
        crate::course::synthetic::bomb_png(width, height)
    }

    #[test]
    fn a_decompression_bomb_is_an_error_not_an_allocation() {
        let err = decode(&bomb(60_000, 60_000)).expect_err("a bomb");
        assert!(err.contains("60000×60000"), "{err}");
        // Within the side limit but not the memory limit (11,000² × 4 bytes > 256 MB).
        let err = decode(&bomb(11_000, 11_000)).expect_err("a smaller bomb");
        assert!(err.contains("cannot decode"), "{err}");
    }

    #[test]
    fn a_file_that_is_not_an_image_says_so() {
        let err = decode(b"#!/bin/sh\necho hi\n").expect_err("text");
        assert!(err.contains("not an image"), "{err}");
    }

    #[test]
    fn the_builtin_screenshot_decodes() {
        let bytes = crate::course::builtin::image("img/expose-nginx_23-5.png").expect("builtin");
        let image = decode(bytes).expect("decodes");
        assert_eq!(image.size, [1280, 800]);
    }

    #[test]
    fn data_uris_decode_and_are_bounded() {
        assert_eq!(
            decode_data_uri("image/png;base64,aGVsbG8=").expect("b64"),
            b"hello"
        );
        assert_eq!(decode_data_uri("text/plain,hi").expect("plain"), b"hi");
        let huge = format!("image/png;base64,{}", "A".repeat(3 * 1024 * 1024));
        assert!(decode_data_uri(&huge).is_err());
        assert!(decode_data_uri("image/png;base64,@@@").is_err());
    }

    #[test]
    fn files_outside_the_roots_are_not_read() {
        let root = tempfile::tempdir().expect("tempdir");
        let notes = root.path().join("notes");
        std::fs::create_dir_all(notes.join("img")).expect("mkdir");
        std::fs::write(notes.join("img/ok.png"), b"png").expect("write");
        std::fs::write(root.path().join("secret.txt"), b"secret").expect("write");
        let roots = ImageRoots::default();
        roots.set(std::iter::once(notes.as_path()));
        assert_eq!(
            read_inside(&notes.join("img/ok.png"), &roots).expect("inside"),
            b"png"
        );
        let err = read_inside(&notes.join("../secret.txt"), &roots).expect_err("outside");
        assert!(err.contains("outside the notes' folder"), "{err}");
        assert!(read_inside(Path::new("/etc/hostname"), &roots).is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.path().join("secret.txt"), notes.join("img/link.png"))
                .expect("symlink");
            assert!(read_inside(&notes.join("img/link.png"), &roots).is_err());
        }
    }
}
