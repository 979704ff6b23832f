//! The one harness factory: every UI test and bench builds the real app through here.
//!
//! Every app it builds starts fresh (never the user's remembered state), keeps its notes in
//! a temporary folder (never the real user data folder) that is removed with the app, and
//! keeps kittest's accessibility and missing-glyph checks on.

#![allow(dead_code)]

pub(crate) mod commonmark;

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use study_companion::i18n::Lang;
use study_companion::state::ThemeChoice;
use study_companion::{AppOptions, StudyApp, UiState};

pub(crate) const SIZE: egui::Vec2 = egui::vec2(1400.0, 900.0);

/// The real app in a kittest harness, and the notes folder it owns.
pub(crate) struct TestApp {
    harness: Harness<'static, StudyApp>,
    data_dir: PathBuf,
    /// Removes the notes folder when the app is dropped (unless the test owns it).
    _data: DataDir,
}

enum DataDir {
    /// Made by the factory.
    Temp(tempfile::TempDir),
    /// A fixed path (snapshots show it on screen), removed on drop.
    Fixed(PathBuf),
    /// The test's own folder (shared by two apps); the test removes it.
    Given,
}

impl Drop for DataDir {
    fn drop(&mut self) {
        if let DataDir::Fixed(path) = self
            && let Err(e) = std::fs::remove_dir_all(&*path)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            eprintln!("could not remove {}: {e}", path.display());
        }
    }
}

impl TestApp {
    /// Where this app keeps its notes.
    pub(crate) fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

/// Runs frames until the course being read in the background is shown (at most 20 s).
pub(crate) fn wait_loaded(harness: &mut Harness<'static, StudyApp>) {
    let started = std::time::Instant::now();
    loop {
        harness.step();
        if !harness.state().loading() {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the course did not load in 20 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
}

impl Deref for TestApp {
    type Target = Harness<'static, StudyApp>;
    fn deref(&self) -> &Self::Target {
        &self.harness
    }
}

impl DerefMut for TestApp {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.harness
    }
}

/// How to build a test app: size, options, remembered state, renderer.
pub(crate) struct Builder {
    size: egui::Vec2,
    options: AppOptions,
    remembered: Option<UiState>,
    renderer: Option<egui_kittest::wgpu::WgpuTestRenderer>,
    fixed_data_dir: Option<PathBuf>,
}

/// The defaults: 1400×900, Korean UI, light theme, the built-in notes, a fresh notes folder.
pub(crate) fn builder() -> Builder {
    Builder {
        size: SIZE,
        options: AppOptions {
            fresh: true,
            theme: Some(ThemeChoice::Light),
            ..Default::default()
        },
        remembered: None,
        renderer: None,
        fixed_data_dir: None,
    }
}

impl Builder {
    pub(crate) fn size(mut self, size: egui::Vec2) -> Self {
        self.size = size;
        self
    }

    /// Open this file or folder instead of the built-in notes.
    pub(crate) fn path(mut self, path: impl Into<PathBuf>) -> Self {
        self.options.path = Some(path.into());
        self
    }

    /// Review scheduling starts at this time (it runs on with the app's clock).
    pub(crate) fn now(mut self, now: jiff::Timestamp) -> Self {
        self.options.now = Some(now);
        self
    }

    pub(crate) fn lang(mut self, lang: Lang) -> Self {
        self.options.lang = Some(lang);
        self
    }

    /// `None`: the remembered theme (or the default).
    pub(crate) fn theme(mut self, theme: Option<ThemeChoice>) -> Self {
        self.options.theme = theme;
        self
    }

    /// Keep the notes in the test's own folder (to open them again in a second app).
    pub(crate) fn data_dir(mut self, dir: &Path) -> Self {
        self.options.data_dir = Some(dir.to_path_buf());
        self
    }

    /// Keep the notes in `<temp>/<name>`, emptied first and removed afterwards: a path that
    /// is the same on every run (image snapshots show it).
    pub(crate) fn fixed_data_dir(mut self, name: &str) -> Self {
        self.fixed_data_dir = Some(std::env::temp_dir().join(name));
        self
    }

    /// Start from this remembered state instead of a fresh one.
    pub(crate) fn remembered(mut self, state: UiState) -> Self {
        self.remembered = Some(state);
        self
    }

    /// Render through wgpu (image snapshots).
    pub(crate) fn renderer(mut self, renderer: egui_kittest::wgpu::WgpuTestRenderer) -> Self {
        self.renderer = Some(renderer);
        self
    }

    pub(crate) fn present(mut self) -> Self {
        self.options.present = true;
        self
    }

    /// Builds the app and runs it until it is idle.
    pub(crate) fn build(self) -> TestApp {
        let Builder {
            size,
            mut options,
            remembered,
            renderer,
            fixed_data_dir,
        } = self;
        let data = match (&options.data_dir, fixed_data_dir) {
            (Some(_), _) => DataDir::Given,
            (None, Some(path)) => {
                match std::fs::remove_dir_all(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => panic!("cannot empty {}: {e}", path.display()),
                }
                options.data_dir = Some(path.clone());
                DataDir::Fixed(path)
            }
            (None, None) => {
                let dir = tempfile::Builder::new()
                    .prefix("study-companion-test-")
                    .tempdir()
                    .expect("temp data dir");
                options.data_dir = Some(dir.path().to_path_buf());
                DataDir::Temp(dir)
            }
        };
        let data_dir = options
            .data_dir
            .clone()
            .expect("tests never use the real data dir");
        // Images are read and decoded on threads: settling may take a few more frames.
        let mut builder = Harness::builder().with_size(size).with_max_steps(32);
        if let Some(renderer) = renderer {
            builder = builder.renderer(renderer);
        }
        let mut harness = builder.build_eframe(move |cc| match remembered {
            Some(state) => StudyApp::with_state(cc, options, Some(state)),
            None => StudyApp::new(cc, options),
        });
        wait_loaded(&mut harness);
        TestApp {
            harness,
            data_dir,
            _data: data,
        }
    }
}

/// The real app on the built-in notes, with the defaults of [`builder`].
pub(crate) fn app() -> TestApp {
    builder().build()
}

/// A wgpu renderer when the machine has an adapter (Mesa's lavapipe on CI), else `None`.
/// With `STUDY_COMPANION_REQUIRE_SNAPSHOTS=1` (set by `.ci/run`) a missing adapter panics.
pub(crate) fn gpu_renderer() -> Option<egui_kittest::wgpu::WgpuTestRenderer> {
    use eframe::egui_wgpu;
    let setup = egui_kittest::wgpu::default_wgpu_setup();
    let instance = pollster::block_on(setup.new_instance());
    let state = pollster::block_on(egui_wgpu::RenderState::create(
        &egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        },
        &instance,
        None,
        egui_wgpu::RendererOptions::PREDICTABLE,
    ));
    match state {
        Ok(state) => Some(egui_kittest::wgpu::WgpuTestRenderer::from_render_state(
            state,
        )),
        Err(e) => {
            let required =
                std::env::var("STUDY_COMPANION_REQUIRE_SNAPSHOTS").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "no wgpu adapter, but snapshots are required: {e}"
            );
            eprintln!("skipped: no wgpu adapter for image snapshots ({e})");
            None
        }
    }
}
