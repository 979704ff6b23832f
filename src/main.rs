//! `study-companion [PATH] [--present] [--screenshot OUT.png]`: opens the class notes window.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use study_companion::ui::i18n::Lang;
use study_companion::ui::theme::ThemeChoice;
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

/// `--export-sheet`: the study sheet without a window.
fn export_sheet(
    path: Option<&std::path::Path>,
    data_dir: Option<PathBuf>,
    out: &std::path::Path,
    lang: Lang,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use study_companion::course;
    use study_companion::notes::{self, NoteStore, export};
    let course = match path {
        Some(p) => course::load_path(p)?,
        None => course::load_builtin(),
    };
    for p in &course.problems {
        eprintln!("warning: {}", lang.problem(p));
    }
    let dir = data_dir.unwrap_or_else(study_companion::app::default_data_dir);
    let (mut store, warnings) =
        NoteStore::open(NoteStore::path_for(&dir, &course.title), &course.title)?;
    for w in warnings {
        eprintln!("warning: {w:?}");
    }
    store.reattach(&course, jiff::Timestamp::now());
    let s = lang.strings();
    let labels = export::SheetLabels {
        my_answer: s.my_answer,
        still_open: s.still_open,
        orphaned: s.orphaned,
    };
    let sheet = export::study_sheet(&course, &store, &labels);
    notes::write_atomic(out, sheet.as_bytes())
        .with_context(|| format!("failed to write {}", out.display()))?;
    Ok(())
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,study_companion=info"),
    )
    .init();
    let cli = Cli::parse();
    let Some(size) = parse_size(&cli.size) else {
        eprintln!(
            "error: --size expects WxH, e.g. 1400x900 (got {:?})",
            cli.size
        );
        return ExitCode::FAILURE;
    };
    if let Some(out) = &cli.export_sheet {
        let lang = match cli.lang {
            Some(LangArg::En) => Lang::En,
            _ => Lang::Ko,
        };
        return match export_sheet(cli.path.as_deref(), cli.data_dir.clone(), out, lang) {
            Ok(()) => {
                eprintln!("wrote {}", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        };
    }
    let options = AppOptions {
        path: cli.path,
        data_dir: cli.data_dir,
        fresh: cli.screenshot.is_some(),
        present: cli.present,
        screenshot: cli.screenshot,
        lang: cli.lang.map(|l| match l {
            LangArg::Ko => Lang::Ko,
            LangArg::En => Lang::En,
        }),
        theme: cli.theme.map(|t| match t {
            ThemeArg::System => ThemeChoice::System,
            ThemeArg::Light => ThemeChoice::Light,
            ThemeArg::Dark => ThemeChoice::Dark,
        }),
    };
    let persist = options.screenshot.is_none();
    // A screenshot starts from a clean slate: no remembered window, scroll or panel state.
    let scratch = if persist {
        None
    } else {
        match tempfile::tempdir() {
            Ok(dir) => Some(dir),
            Err(e) => {
                eprintln!("error: cannot create a temporary folder: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let native = eframe::NativeOptions {
        persistence_path: scratch.as_ref().map(|d| d.path().join("app.ron")),
        viewport: egui::ViewportBuilder::default()
            .with_title("Study Companion")
            .with_app_id("study-companion")
            .with_inner_size(size)
            .with_min_inner_size([640.0, 400.0]),
        persist_window: persist,
        // The bundled fonts cover everything; enumerating system fonts only costs start-up.
        system_font_fallback: false,
        ..Default::default()
    };
    let result = eframe::run_native(
        "study-companion",
        native,
        Box::new(move |cc| Ok(Box::new(StudyApp::new(cc, options)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
