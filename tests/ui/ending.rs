//! However the app ends, no word is lost: the real program in a real X11 window (Xvfb),
//! keys typed with xdotool, then SIGTERM or SIGINT 100 ms after the last keystroke (the
//! text is in the notes file: the app closed as its close button does), or SIGKILL 400 ms
//! after it (the text comes back from the journal at the next start).
//!
//! Needs `Xvfb` and `xdotool`; skipped without them, unless `STUDY_COMPANION_REQUIRE_XVFB`
//! is set (CI installs both and sets it).

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn can_run() -> bool {
    let found = have("Xvfb") && have("xdotool");
    if !found {
        assert!(
            std::env::var_os("STUDY_COMPANION_REQUIRE_XVFB").is_none(),
            "Xvfb and xdotool are required here"
        );
        eprintln!("skipped: Xvfb or xdotool is not installed");
    }
    found
}

/// A private X display, stopped when dropped.
struct Display {
    number: u32,
    server: Child,
}

impl Display {
    fn start() -> Display {
        // Tests of this binary run side by side: each takes numbers of its own.
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let base = 150 + (std::process::id() % 100) * 8;
        loop {
            let number = base + NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            assert!(number < base + 400, "no free X display number");
            if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
                continue;
            }
            let server = Command::new("Xvfb")
                .arg(format!(":{number}"))
                .args(["-screen", "0", "1280x800x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb starts");
            let socket = format!("/tmp/.X11-unix/X{number}");
            let deadline = Instant::now() + Duration::from_secs(10);
            while !Path::new(&socket).exists() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
            return Display { number, server };
        }
    }

    fn name(&self) -> String {
        format!(":{}", self.number)
    }

    fn xdotool(&self, args: &[&str]) {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", self.name())
            .status()
            .expect("xdotool runs");
        assert!(status.success(), "xdotool {args:?}");
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// The app in presentation mode on `display`, with its own home and data folder; returns
/// once its first complete frame is drawn.
fn start_app(display: &Display, home: &Path, data: &Path) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_study-companion"))
        .args(["--present", "--trace-startup", "--size", "1200x760"])
        .arg("--data-dir")
        .arg(data)
        .env("DISPLAY", display.name())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_RUNTIME_DIR", home)
        .env("RUST_LOG", "warn,study_companion=info")
        .env_remove("XMODIFIERS")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the app starts");
    let mut stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut log = Vec::new();
        let mut chunk = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut chunk) {
            if n == 0 {
                break;
            }
            log.extend_from_slice(&chunk[..n]);
            if String::from_utf8_lossy(&log).contains("start-up:") {
                let _ = tx.send(());
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(90))
        .expect("the first complete frame within 90 s");
    // The window mapped and presentation mode entered (a frame after the course is in).
    std::thread::sleep(Duration::from_millis(1000));
    child
}

/// Goes from the topic's title slide to its first question (→), opens the class-answer
/// editor (N) and types `text`, a key every 40 ms.
fn type_answer(display: &Display, text: &str) {
    display.xdotool(&["mousemove", "600", "380"]);
    display.xdotool(&["key", "Right"]);
    std::thread::sleep(Duration::from_millis(500));
    display.xdotool(&["key", "n"]);
    std::thread::sleep(Duration::from_millis(1500));
    display.xdotool(&["type", "--delay", "40", text]);
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

fn wait_exit(child: &mut Child, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if child.try_wait().ok().flatten().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn notes_text(data: &Path) -> String {
    let dir = data.join("sessions");
    std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".notes.json"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default()
}

fn folders() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().expect("tempdir");
    let home = root.path().join("home");
    let data = root.path().join("data");
    std::fs::create_dir_all(&home).expect("mkdir");
    (root, home, data)
}

#[test]
fn sigterm_and_sigint_100_ms_after_typing_save_the_text() {
    if !can_run() {
        return;
    }
    let display = Display::start();
    for name in ["TERM", "INT"] {
        let (_root, home, data) = folders();
        let mut app = start_app(&display, &home, &data);
        let text = format!("answer before SIG{name}");
        type_answer(&display, &text);
        std::thread::sleep(Duration::from_millis(100));
        signal(&app, name);
        assert!(
            wait_exit(&mut app, Duration::from_secs(20)),
            "SIG{name}: still running"
        );
        assert!(
            notes_text(&data).contains(&text),
            "SIG{name}: not saved: {}",
            notes_text(&data)
        );
    }
}

#[test]
fn sigkill_400_ms_after_typing_and_the_text_is_back_at_the_next_start() {
    if !can_run() {
        return;
    }
    let display = Display::start();
    let (root, home, data) = folders();
    let mut app = start_app(&display, &home, &data);
    let text = "typed just before SIGKILL";
    type_answer(&display, text);
    std::thread::sleep(Duration::from_millis(400));
    app.kill().expect("SIGKILL");
    app.wait().expect("reaped");
    assert!(
        !notes_text(&data).contains(text),
        "already saved by the autosave: the test would prove nothing"
    );
    // The next start (here the command-line export, which opens the notes the same way).
    let sheet = root.path().join("sheet.md");
    let out = Command::new(env!("CARGO_BIN_EXE_study-companion"))
        .arg("--export-sheet")
        .arg(&sheet)
        .arg("--data-dir")
        .arg(&data)
        .env("HOME", &home)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("지난번에 저장되지 않은 답변 1개를 되살렸습니다"),
        "{said}"
    );
    assert!(notes_text(&data).contains(text));
    let sheet = std::fs::read_to_string(&sheet).expect("sheet");
    assert!(sheet.contains(text), "{sheet}");
}
