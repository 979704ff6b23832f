//! `study-companion [PATH] [--present | --review] [--screenshot OUT.png]`: opens the class
//! notes window. `--export-sheet` and `--export-anki` write a file without one; `--pull`
//! gets the latest notes of a course kept in a git clone.

// On Windows a release build is a GUI program: no console window opens behind it. It still
// prints to the console it was started from (study_companion::console).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, ValueEnum};
use study_companion::app::ScreenshotJob;
use study_companion::i18n::Lang;
use study_companion::state::ThemeChoice;
use study_companion::{AppOptions, StudyApp};

/// Read the MSP T3 class Q&A notes: topics, questions, answers, open questions.
#[derive(Parser, Debug)]
#[command(name = "study-companion", version, about, long_about = None)]
struct Cli {
    /// A class-notes .md file, or a folder of them. Default: what was open last time,
    /// or the built-in notes. (A file manager may pass several: the first is opened.)
    paths: Vec<PathBuf>,

    /// Render the first complete frame (fonts and images loaded) to this PNG and exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,

    /// UI language (default: the remembered one, Korean at first).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,

    /// Colour theme (default: the remembered one, following the system at first).
    #[arg(long, value_enum)]
    theme: Option<ThemeArg>,

    /// Where my answers are saved (default: the user data folder,
    /// ~/.local/share/study-companion on Linux).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Write "my study sheet" (the notes with my answers in place) to this .md file and
    /// exit, without opening a window.
    #[arg(long, value_name = "OUT.md")]
    export_sheet: Option<PathBuf>,

    /// Start in presentation mode (fullscreen slides; Esc returns to the reading window).
    #[arg(long)]
    present: bool,

    /// Start a review session (복습) on the remembered scope; Esc returns to the notes.
    #[arg(long)]
    review: bool,

    /// Start a review session on its statistics view.
    #[arg(long)]
    review_stats: bool,

    /// Write the cards in Anki's text-import format to this .txt file (images into
    /// OUT.media/ beside it) and exit, without opening a window.
    #[arg(long, value_name = "OUT.txt")]
    export_anki: Option<PathBuf>,

    /// Write every command of the terminal sessions of PATH (the built-in notes without
    /// it) to OUT.sh and exit: prompts and output left out, each block under a `#` comment
    /// naming its question, step or slide.
    #[arg(long, value_names = ["PATH", "OUT.sh"], num_args = 1..=2)]
    export_commands: Option<Vec<PathBuf>>,

    /// Print what the app finds in PATH (a course repository, a folder or a file) and
    /// exit: one line per document in library order, `KIND<TAB>TITLE<TAB>PATH<TAB>EXTRA`
    /// (KIND qa, deck, lab or doc), and under each Q&A session one line per topic,
    /// `<TAB>TOPIC<TAB>QUESTIONS<TAB>OPEN`.
    #[arg(long, value_name = "PATH")]
    outline: Option<PathBuf>,

    /// Schedule reviews as if it were this time (RFC 3339, e.g. 2026-12-01T10:00:00+09:00),
    /// running on from there: to try tomorrow's reviews today.
    #[arg(long, value_name = "TIME")]
    now: Option<jiff::Timestamp>,

    /// 최신 노트 받기 without a window: `git pull --ff-only` in the git clone that holds PATH
    /// (default: the course open last time), unless something of that repository could run
    /// a command. Prints what it did or why not; exits non-zero when nothing was pulled.
    #[arg(long, value_name = "PATH", num_args = 0..=1)]
    pull: Option<Option<PathBuf>>,

    /// 강의 받기 without git: clone the course repository at URL (https) into DIR (default: a
    /// folder named after it in Documents), printing its progress, then open the window on
    /// it. Nothing of git's configuration is read; no password is ever asked for.
    #[arg(long, value_names = ["URL", "DIR"], num_args = 1..=2)]
    clone: Option<Vec<String>>,

    /// Put the app in the desktop's menu: write a freedesktop entry and its icons into the
    /// user's data folder ($XDG_DATA_HOME, ~/.local/share), print what was written, and exit.
    #[arg(long)]
    install_desktop: bool,

    /// Remove exactly what --install-desktop wrote, and exit.
    #[arg(long)]
    uninstall_desktop: bool,

    /// Log where start-up goes (window and renderer, fonts, course, first frame, first
    /// complete frame), in ms since the program started.
    #[arg(long)]
    trace_startup: bool,

    /// How the window is drawn (default: glow, or $STUDY_COMPANION_RENDERER).
    #[arg(long, value_enum, env = "STUDY_COMPANION_RENDERER")]
    renderer: Option<RendererArg>,

    /// Window size in logical pixels, e.g. 1400x900.
    #[arg(long, value_name = "WxH", default_value = "1400x900")]
    size: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Ko,
    En,
}

/// How the window is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum RendererArg {
    /// OpenGL (glow): the default — on a machine without a GPU (Mesa's llvmpipe) it starts
    /// in less than half wgpu's time with less memory. Falls back to wgpu by itself when
    /// OpenGL cannot start.
    Glow,
    /// wgpu (Vulkan, Metal, DX12).
    Wgpu,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ThemeArg {
    System,
    Light,
    Dark,
}

fn cli_lang(lang: Option<LangArg>) -> Option<Lang> {
    lang.map(|l| match l {
        LangArg::Ko => Lang::Ko,
        LangArg::En => Lang::En,
    })
}

fn parse_size(s: &str) -> Option<[f32; 2]> {
    let (w, h) = s.split_once(['x', 'X'])?;
    Some([w.trim().parse().ok()?, h.trim().parse().ok()?])
}

/// The course at `path` (or the built-in one) and my notes on it, for an export without a
/// window; every warning goes to stderr. Returns the data folder too.
fn course_and_notes(
    path: Option<&std::path::Path>,
    data_dir: Option<PathBuf>,
    lang: Lang,
) -> anyhow::Result<(
    study_companion::course::Course,
    study_companion::notes::Notebook,
    study_companion::notes::DataDir,
)> {
    use study_companion::course;
    use study_companion::notes;
    use study_companion::notice::Notice;
    let course = match path {
        Some(p) => course::load_path_within(p, std::time::Duration::from_secs(30))?,
        None => course::load_builtin(),
    };
    for p in &course.problems {
        let kind = match p.kind {
            course::ProblemKind::Decoded(_) => "note",
            _ => "warning",
        };
        eprintln!("{kind}: {}", lang.problem(p));
    }
    let dir = notes::DataDir::given_or_user(data_dir);
    // What an app that could not save had typed goes into the notes files first.
    let recovered = notes::journal::recover(&dir);
    for e in &recovered.errors {
        eprintln!("warning: {}", Notice::NotesError(e.to_string()).text(lang));
    }
    if recovered.notes > 0 {
        eprintln!("{}", Notice::NotesRecovered(recovered.notes).text(lang));
    }
    let migration = notes::migrate::migrate_layout(&dir, &course);
    let mut warnings = migration.warnings.clone();
    for e in &migration.errors {
        eprintln!("warning: {}", Notice::NotesError(e.clone()).text(lang));
    }
    if !migration.kept.is_empty() {
        let kept = migration
            .kept
            .iter()
            .map(|(_, kept)| kept.display().to_string())
            .collect();
        let notice = Notice::NotesMigrated {
            notes: migration.notes,
            kept,
        };
        eprintln!("{}", notice.text(lang));
    }
    let mut book = notes::Notebook::new(dir.clone());
    let opened = book.open_sessions(&course, jiff::Timestamp::now());
    warnings.extend(opened.warnings);
    for e in opened.errors {
        eprintln!("warning: {}", Notice::NotesError(e.to_string()).text(lang));
    }
    for w in warnings {
        eprintln!("warning: {}", Notice::from(w).text(lang));
    }
    Ok((course, book, dir))
}

/// `--outline PATH`: what the app finds there, on stdout; what went wrong on stderr.
fn print_outline(path: &std::path::Path, lang: Lang) -> anyhow::Result<()> {
    use std::io::Write as _;
    use study_companion::course;
    let course = course::load_path_within(path, std::time::Duration::from_secs(30))?;
    for p in &course.problems {
        eprintln!("{}", lang.problem(p));
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(course::outline_text(&course).as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// `--export-sheet`, `--export-anki`: an export without a window. Writes exactly `out` (and
/// what the format keeps beside it); says what was written on stderr.
fn export_to(
    format: study_companion::export::Format,
    path: Option<&std::path::Path>,
    data_dir: Option<PathBuf>,
    out: &std::path::Path,
    lang: Lang,
) -> anyhow::Result<()> {
    use study_companion::export::{self, Sources};
    use study_companion::notes::seen::Seen;
    use study_companion::notice::Notice;
    let (course, book, dir) = course_and_notes(path, data_dir, lang)?;
    // What is new since the app last showed these questions (read, not marked seen).
    let (mut seen, _) = Seen::open(&dir);
    let news = seen.news(&course);
    let asked = study_companion::notes::asked::AskedBook::open(&dir)
        .map(|(book, _)| book.questions().cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    let from = Sources {
        course: &course,
        notes: &book,
        news: &news,
        lang,
        asked: &asked,
    };
    match export::write(format, &from, out) {
        Notice::ExportFailed(e) => anyhow::bail!("{e}"),
        notice => eprintln!("{}", notice.text(lang)),
    }
    Ok(())
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let console = study_companion::console::attach_parent();
    // egui_commonmark asks egui_extras for its image loaders, which warns at every start
    // that none is enabled: on purpose, ours keep to the notes' folders (ui/images.rs).
    env_logger::Builder::from_env(
        env_logger::Env::default()
            .default_filter_or("warn,study_companion=info,egui_extras::loaders=error"),
    )
    .format_timestamp_millis()
    .init();
    match run(Cli::parse(), started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            if console == study_companion::console::Console::Absent {
                // Started from a launcher, with no console to read it in.
                rfd::MessageDialog::new()
                    .set_level(rfd::MessageLevel::Error)
                    .set_title("Study Companion")
                    .set_description(format!("{e:#}"))
                    .show();
            }
            ExitCode::FAILURE
        }
    }
}

/// `--pull`: the window's 최신 노트 받기, with the same function and the same words.
fn pull_course(path: Option<&std::path::Path>, lang: Lang) -> anyhow::Result<()> {
    use study_companion::notice::Notice;
    let path =
        path.context("no course to pull: give its folder (--pull PATH); none was open last time")?;
    let dir = if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(path)
    };
    eprintln!("{}", lang.git_pulling(&dir.display().to_string()));
    let outcome = study_companion::git::pull(dir);
    let pulled = outcome.is_ok();
    let text = Notice::from(outcome).text(lang);
    if pulled {
        eprintln!("{text}");
        Ok(())
    } else {
        anyhow::bail!("{text}")
    }
}

/// `--clone URL [DIR]`: the course cloned, its progress on stderr. Returns its folder.
fn clone_course(args: &[String], lang: Lang) -> anyhow::Result<PathBuf> {
    use study_companion::git::fetch;
    let (url, into) = match args {
        [url] => (
            url,
            fetch::folder_for(url, &study_companion::app::default_course_parent()),
        ),
        [url, dir] => (url, absolute(std::path::Path::new(dir))),
        _ => anyhow::bail!("--clone takes URL [DIR]"),
    };
    eprintln!("{} {url} → {}", lang.clone_running(), into.display());
    let progress = fetch::new_progress();
    let interrupt = std::sync::atomic::AtomicBool::new(false);
    let outcome = std::thread::scope(|scope| {
        let job = scope.spawn(|| fetch::clone(url, &into, &progress, &interrupt));
        let mut said = String::new();
        while !job.is_finished() {
            std::thread::sleep(std::time::Duration::from_millis(250));
            if let Some((task, done, total)) = fetch::progress_now(&progress) {
                let now = match total {
                    Some(total) => format!("{task} {done}/{total}"),
                    None => format!("{task} {done}"),
                };
                if now != said {
                    eprintln!("  {now}");
                    said = now;
                }
            }
        }
        job.join()
    });
    match outcome {
        Ok(Ok(folder)) => {
            eprintln!("{}", lang.cloned(&folder.display().to_string()));
            Ok(folder)
        }
        Ok(Err(e)) => anyhow::bail!("{}", lang.clone_error(&e)),
        Err(_) => anyhow::bail!("the clone stopped unexpectedly"),
    }
}

/// `--install-desktop` / `--uninstall-desktop`.
fn desktop_integration(install: bool) -> anyhow::Result<()> {
    use study_companion::desktop;
    if !cfg!(all(unix, not(target_os = "macos"))) {
        anyhow::bail!("desktop entries are for Linux and BSD desktops (freedesktop.org)");
    }
    let home = desktop::data_home().context("no home folder to install into")?;
    if install {
        let exe = std::env::current_exe()
            .and_then(|p| p.canonicalize())
            .context("cannot tell where this program is")?;
        let written = desktop::install(&home, &exe)
            .with_context(|| format!("cannot write into {}", home.display()))?;
        for path in written {
            eprintln!("wrote {}", path.display());
        }
        eprintln!(
            "Study Companion is in the menu (Education); .md files open with it from the file manager."
        );
    } else {
        let removed = desktop::uninstall(&home)
            .with_context(|| format!("cannot remove from {}", home.display()))?;
        if removed.is_empty() {
            eprintln!("nothing to remove: the desktop entry is not installed");
        }
        for path in removed {
            eprintln!("removed {}", path.display());
        }
    }
    Ok(())
}

/// `path` from the folder the command ran in: the course is remembered as an absolute path,
/// so it opens again from a launcher or another folder. The file system is not asked (a
/// network drive may not answer); `..` stays.
fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// What was open last time, from the state eframe remembers (`eframe::get_value` reads it
/// the same way once the window exists). `None` on a first run, or when the state cannot be
/// read: the app then reads and reports it as usual.
fn remembered_content() -> Option<PathBuf> {
    remembered_content_in(&eframe::storage_dir(study_companion::desktop::APP_ID)?.join("app.ron"))
}

/// [`remembered_content`] from eframe's state file `file`.
fn remembered_content_in(file: &std::path::Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(file).ok()?;
    let stored: std::collections::HashMap<String, String> = match ron::from_str(&text) {
        Ok(stored) => stored,
        Err(e) => {
            log::debug!("{}: {e}", file.display());
            return None;
        }
    };
    let state: study_companion::state::UiState = ron::from_str(stored.get(eframe::APP_KEY)?)
        .map_err(|e| log::debug!("{}: {e}", file.display()))
        .ok()?;
    state.last_content
}

/// The window's icon, decoded from the bundled PNG.
fn window_icon() -> Option<egui::IconData> {
    let png = study_companion::desktop::window_icon_png();
    match image::load_from_memory(png) {
        Ok(img) => {
            let rgba = img.into_rgba8();
            let (width, height) = rgba.dimensions();
            Some(egui::IconData {
                rgba: rgba.into_raw(),
                width,
                height,
            })
        }
        Err(e) => {
            log::error!("the window icon could not be decoded: {e}");
            None
        }
    }
}

/// This program again, with the same arguments, drawing with wgpu; its exit status is ours.
fn restart_with_wgpu() -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("cannot tell where this program is")?;
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let status = std::process::Command::new(exe)
        .args(args)
        .env("STUDY_COMPANION_RENDERER", "wgpu")
        .status()
        .context("cannot start again with wgpu")?;
    if status.success() {
        Ok(())
    } else {
        anyhow::bail!("the window could not be shown ({status})")
    }
}

/// The window eframe opens: its title, icon, size, renderer, and where eframe keeps its
/// state (`persistence_path`; a scratch folder for a screenshot).
fn native_options(
    renderer: RendererArg,
    size: [f32; 2],
    persistence_path: Option<PathBuf>,
    persist_window: bool,
) -> eframe::NativeOptions {
    log::info!("drawing with {renderer:?}");
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Study Companion")
        .with_app_id(study_companion::desktop::APP_ID)
        .with_drag_and_drop(true);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    eframe::NativeOptions {
        persistence_path,
        viewport: viewport
            .with_inner_size(size)
            .with_min_inner_size([640.0, 400.0]),
        persist_window,
        // The bundled fonts cover everything; enumerating system fonts only costs start-up.
        system_font_fallback: false,
        renderer: match renderer {
            RendererArg::Glow => eframe::Renderer::Glow,
            RendererArg::Wgpu => eframe::Renderer::Wgpu,
        },
        ..Default::default()
    }
}

/// `--pull`, `--export-sheet`, `--export-anki`, `--export-commands`, `--outline`: what runs
/// without a window
/// (`None`: open the window).
fn run_without_window(
    cli: &Cli,
    path: Option<&std::path::Path>,
    lang: Option<Lang>,
) -> Option<anyhow::Result<()>> {
    let lang = lang.unwrap_or_default();
    if let Some(target) = &cli.outline {
        return Some(print_outline(target, lang));
    }
    if let Some(target) = &cli.pull {
        let target = target
            .as_deref()
            .map(absolute)
            .or_else(|| path.map(std::path::Path::to_path_buf))
            .or_else(remembered_content);
        return Some(pull_course(target.as_deref(), lang));
    }
    use study_companion::export::Format;
    if let Some(args) = &cli.export_commands {
        let (source, out) = match args.as_slice() {
            [out] => (None, out),
            [source, out] => (Some(absolute(source)), out),
            _ => {
                return Some(Err(anyhow::anyhow!(
                    "--export-commands takes [PATH] OUT.sh"
                )));
            }
        };
        let source = source.as_deref();
        return Some(export_to(
            Format::Commands,
            source,
            cli.data_dir.clone(),
            out,
            lang,
        ));
    }
    let (format, out) = match (&cli.export_sheet, &cli.export_anki) {
        (Some(out), _) => (Format::StudySheet, out),
        (None, Some(out)) => (Format::Anki, out),
        (None, None) => return None,
    };
    Some(export_to(format, path, cli.data_dir.clone(), out, lang))
}

fn run(cli: Cli, started: std::time::Instant) -> anyhow::Result<()> {
    if cli.install_desktop || cli.uninstall_desktop {
        return desktop_integration(cli.install_desktop);
    }
    let mut path = cli.paths.first().map(|p| absolute(p));
    if let Some(args) = &cli.clone {
        path = Some(clone_course(args, cli_lang(cli.lang).unwrap_or_default())?);
    }
    if cli.paths.len() > 1 {
        log::warn!(
            "{} paths given: opening the first, {}",
            cli.paths.len(),
            cli.paths[0].display()
        );
    }
    let lang = cli_lang(cli.lang);
    let size = parse_size(&cli.size)
        .with_context(|| format!("--size expects WxH, e.g. 1400x900 (got {:?})", cli.size))?;
    if let Some(done) = run_without_window(&cli, path.as_deref(), lang) {
        return done;
    }
    // A screenshot starts from a clean slate: no remembered window, scroll or panel state.
    let scratch = match &cli.screenshot {
        Some(_) => Some(tempfile::tempdir().context("cannot create a temporary folder")?),
        None => None,
    };
    let screenshot = cli.screenshot.map(|path| {
        let job = ScreenshotJob::new(path);
        match &scratch {
            Some(dir) => job.exiting_when_written(dir.path().to_path_buf()),
            None => job,
        }
    });
    // The course is read while eframe opens the window and the renderer: the one named here,
    // else the one open last time (the app reads the same remembered state once the window
    // exists, and takes this load over if it is for the same path).
    let early_load = match (&path, &screenshot) {
        (Some(p), _) => Some((p.clone(), true)),
        (None, None) => remembered_content().map(|p| (p, false)),
        // A screenshot starts from a clean slate: nothing remembered.
        (None, Some(_)) => None,
    }
    .map(|(p, from_command_line)| {
        study_companion::app::EarlyLoadSlot::new(study_companion::app::EarlyLoad::start(
            p,
            from_command_line,
        ))
    });
    let options = AppOptions {
        system_fonts: true,
        path,
        early_load,
        data_dir: cli.data_dir,
        fresh: screenshot.is_some(),
        present: cli.present,
        review: cli.review,
        review_stats: cli.review_stats,
        now: cli.now,
        trace_startup: cli.trace_startup.then_some(started),
        screenshot: screenshot.clone(),
        lang,
        theme: cli.theme.map(|t| match t {
            ThemeArg::System => ThemeChoice::System,
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
        }),
    };
    let native = native_options(
        cli.renderer.unwrap_or(RendererArg::Glow),
        size,
        scratch.as_ref().map(|d| d.path().join("app.ron")),
        screenshot.is_none(),
    );
    let created = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let app_created = created.clone();
    let ran = eframe::run_native(
        "study-companion",
        native,
        Box::new(move |cc| {
            app_created.store(true, std::sync::atomic::Ordering::SeqCst);
            let app = StudyApp::new(cc, options);
            study_companion::app::watch_quit_signals(cc, app.journal_flusher());
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = ran {
        let by_default = cli.renderer.is_none();
        if by_default && !created.load(std::sync::atomic::Ordering::SeqCst) {
            // OpenGL could not start here (no usable driver): the same command with wgpu. A
            // process has one event loop, so in a new process.
            log::warn!("OpenGL could not start ({e}); starting again with wgpu");
            drop(scratch);
            return restart_with_wgpu();
        }
        anyhow::bail!("{e}");
    }
    if cli.trace_startup {
        log::info!(
            "start-up: the event loop ended at {} ms",
            started.elapsed().as_millis()
        );
    }
    match screenshot.map(|job| job.outcome()) {
        None | Some(Some(Ok(()))) => Ok(()),
        Some(Some(Err(e))) => Err(anyhow::anyhow!("could not save the screenshot: {e}")),
        Some(None) => Err(anyhow::anyhow!(
            "the window closed before the screenshot was taken"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The state file as eframe writes it (`set_value`, then the store written pretty).
    fn eframe_state_file(
        dir: &std::path::Path,
        state: &study_companion::state::UiState,
    ) -> PathBuf {
        let value = ron::ser::to_string(state).expect("the state serializes");
        let stored = std::collections::HashMap::from([
            (eframe::APP_KEY.to_owned(), value),
            ("egui".to_owned(), "()".to_owned()),
        ]);
        let text = ron::Options::default()
            .to_string_pretty(&stored, ron::ser::PrettyConfig::default())
            .expect("the store serializes");
        let file = dir.join("app.ron");
        std::fs::write(&file, text).expect("write the state file");
        file
    }

    #[test]
    fn a_relative_path_is_remembered_from_the_folder_the_command_ran_in() {
        let here = std::env::current_dir().expect("current dir");
        assert_eq!(
            absolute(std::path::Path::new("notes/23-5차.md")),
            here.join("notes/23-5차.md")
        );
        let anywhere = here.join("MSP T3");
        assert_eq!(absolute(&anywhere), anywhere);
    }

    #[test]
    fn the_course_open_last_time_is_read_from_eframes_state_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = study_companion::state::UiState {
            last_content: Some(PathBuf::from("/notes/MSP T3/23-5차.md")),
            ..Default::default()
        };
        let file = eframe_state_file(dir.path(), &state);
        assert_eq!(
            remembered_content_in(&file),
            Some(PathBuf::from("/notes/MSP T3/23-5차.md"))
        );
        // The built-in notes last time, no file, a broken file: nothing to read early.
        let file = eframe_state_file(dir.path(), &Default::default());
        assert_eq!(remembered_content_in(&file), None);
        assert_eq!(remembered_content_in(&dir.path().join("none.ron")), None);
        std::fs::write(&file, "{ \"app\": ").expect("write");
        assert_eq!(remembered_content_in(&file), None);
    }
}
