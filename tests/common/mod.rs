//! The one harness factory: every UI test builds the real app through here.

#![allow(dead_code)]

use egui_kittest::Harness;
use study_companion::ui::i18n::Lang;
use study_companion::ui::theme::ThemeChoice;
use study_companion::{AppOptions, StudyApp};

pub const SIZE: egui::Vec2 = egui::vec2(1400.0, 900.0);

/// Options for a test app: never the user's remembered state, and notes in a fresh
/// temporary folder (never the real user data folder).
pub fn options() -> AppOptions {
    AppOptions {
        fresh: true,
        theme: Some(ThemeChoice::Light),
        data_dir: Some(temp_data_dir()),
        ..Default::default()
    }
}

/// A temporary folder that outlives the harness (kept, under the system temp folder).
pub fn temp_data_dir() -> std::path::PathBuf {
    tempfile::Builder::new()
        .prefix("study-companion-test-")
        .tempdir()
        .expect("temp data dir")
        .keep()
}

/// The real app on the built-in notes, Korean UI, light theme, 1400×900.
/// Accessibility and missing-glyph checks stay on (kittest's defaults).
pub fn app() -> Harness<'static, StudyApp> {
    app_with(options())
}

pub fn app_with(options: AppOptions) -> Harness<'static, StudyApp> {
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |cc| StudyApp::new(cc, options));
    harness.run();
    harness
}

pub fn english() -> AppOptions {
    AppOptions {
        lang: Some(Lang::En),
        ..options()
    }
}

/// A wgpu renderer when the machine has an adapter (Mesa's lavapipe on CI), else `None`.
/// With `STUDY_COMPANION_REQUIRE_SNAPSHOTS=1` (set by `.ci/run`) a missing adapter panics.
pub fn gpu_renderer() -> Option<egui_kittest::wgpu::WgpuTestRenderer> {
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
