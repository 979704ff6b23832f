//! `study-companion [PATH] [--present] [--screenshot OUT.png]`: opens the class notes window.

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
    /// or the built-in notes.
    path: Option<PathBuf>,

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

    /// Window size in logical pixels, e.g. 1400x900.
    #[arg(long, value_name = "WxH", default_value = "1400x900")]
    size: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Ko,
    En,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ThemeArg {
    System,
    Light,
    Dark,
}

fn parse_size(s: &str) -> Option<[f32; 2]> {
    let (w, h) = s.split_once(['x', 'X'])?;
    Some([w.trim().parse().ok()?, h.trim().parse().ok()?])
}

/// `--export-sheet`: the study sheet without a window. Writes exactly `out`.
fn export_sheet(
    path: Option<&std::path::Path>,
    data_dir: Option<PathBuf>,
    out: &std::path::Path,
    lang: Lang,
) -> anyhow::Result<()> {
    use study_companion::course;
    use study_companion::notes::{self, export};
    use study_companion::notice::Notice;
    let course = match path {
        Some(p) => course::load_path_within(p, std::time::Duration::from_secs(30))?,
        None => course::load_builtin(),
    };
    for p in &course.problems {
        eprintln!("warning: {}", lang.problem(p));
    }
    let dir = data_dir.unwrap_or_else(study_companion::app::default_data_dir);
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
    let dir_for_seen = dir.clone();
    let mut book = notes::Notebook::new(dir);
    let opened = book.open_sessions(&course, jiff::Timestamp::now());
    warnings.extend(opened.warnings);
    for e in opened.errors {
        eprintln!("warning: {}", Notice::NotesError(e.to_string()).text(lang));
    }
    for w in warnings {
        eprintln!("warning: {}", Notice::from(w).text(lang));
    }
    // What is new since the app last showed these questions (read, not marked seen).
    let (mut seen, _) = notes::seen::Seen::open(&dir_for_seen);
    let news = seen.news(&course);
    let sheet = export::study_sheet(&course, &book, &news, &lang.sheet_labels());
    notes::write_atomic(out, sheet.as_bytes())
        .with_context(|| format!("failed to write {}", out.display()))?;
    Ok(())
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,study_companion=info"),
    )
    .format_timestamp_millis()
    .init();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let lang = cli.lang.map(|l| match l {
        LangArg::Ko => Lang::Ko,
        LangArg::En => Lang::En,
    });
    let size = parse_size(&cli.size)
        .with_context(|| format!("--size expects WxH, e.g. 1400x900 (got {:?})", cli.size))?;
    if let Some(out) = &cli.export_sheet {
        export_sheet(
            cli.path.as_deref(),
            cli.data_dir.clone(),
            out,
            lang.unwrap_or_default(),
        )?;
        eprintln!("wrote {}", out.display());
        return Ok(());
    }
    let screenshot = cli.screenshot.map(ScreenshotJob::new);
    let options = AppOptions {
        path: cli.path,
        data_dir: cli.data_dir,
        fresh: screenshot.is_some(),
        present: cli.present,
        screenshot: screenshot.clone(),
        lang,
        theme: cli.theme.map(|t| match t {
            ThemeArg::System => ThemeChoice::System,
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
        }),
    };
    // A screenshot starts from a clean slate: no remembered window, scroll or panel state.
    let scratch = match &screenshot {
        Some(_) => Some(tempfile::tempdir().context("cannot create a temporary folder")?),
        None => None,
    };
    let native = eframe::NativeOptions {
        persistence_path: scratch.as_ref().map(|d| d.path().join("app.ron")),
        viewport: egui::ViewportBuilder::default()
            .with_title("Study Companion")
            .with_app_id("study-companion")
            .with_inner_size(size)
            .with_min_inner_size([640.0, 400.0]),
        persist_window: screenshot.is_none(),
        // The bundled fonts cover everything; enumerating system fonts only costs start-up.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "study-companion",
        native,
        Box::new(move |cc| Ok(Box::new(StudyApp::new(cc, options)))),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    match screenshot.map(|job| job.outcome()) {
        None | Some(Some(Ok(()))) => Ok(()),
        Some(Some(Err(e))) => Err(anyhow::anyhow!("could not save the screenshot: {e}")),
        Some(None) => Err(anyhow::anyhow!(
            "the window closed before the screenshot was taken"
        )),
    }
}
