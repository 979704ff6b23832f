//! Ending cleanly: SIGTERM, SIGINT and SIGHUP (what a desktop session sends at logout and
//! shutdown, what `systemctl` and `timeout` send, what a closing terminal sends) ask the
//! window to close exactly as its close button does: everything saved, then exit (and the
//! usual question if a save fails). A second signal exits at once, once the journal holds
//! what was typed. What no handler catches (`kill -9`, a crash) the journal covers.
//!
//! On Windows, logging off and shutting down (`WM_QUERYENDSESSION`, `WM_ENDSESSION`) and
//! console control events (Ctrl+C, the console closing, logoff, shutdown) do the same:
//! the journal is flushed at once (Windows may end the process as soon as the message is
//! answered) and the window asked to close.
//!
//! Installed by the program (`main`), never by the tests' many apps in one process.

use crate::notes::journal::Flusher;

/// Watches the ways the system asks the app to end. `flusher`: the notes' journal.
pub fn watch_quit_signals(cc: &eframe::CreationContext<'_>, flusher: Option<Flusher>) {
    #[cfg(unix)]
    watch_signals(cc.egui_ctx.clone(), flusher);
    #[cfg(windows)]
    windows::watch(cc, flusher);
    #[cfg(not(any(unix, windows)))]
    let _ = (cc, flusher);
}

/// Asks the window to close as its close button does (the app saves, then exits). Callable
/// from any thread.
fn close_like_the_close_button(ctx: &egui::Context, why: &str) {
    log::info!("{why}: closing as the window's close button does");
    ctx.send_viewport_cmd_to(egui::ViewportId::ROOT, egui::ViewportCommand::Close);
    ctx.request_repaint();
}

/// SIGTERM, SIGINT, SIGHUP on a thread of their own.
#[cfg(unix)]
fn watch_signals(ctx: egui::Context, flusher: Option<Flusher>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(signals) => signals,
        Err(e) => {
            log::error!("quit signals cannot be watched ({e}): they end the app unsaved");
            return;
        }
    };
    let spawned = std::thread::Builder::new()
        .name("quit signals".into())
        .spawn(move || {
            for (count, signal) in signals.forever().enumerate() {
                if count == 0 {
                    close_like_the_close_button(&ctx, &format!("signal {signal}"));
                } else {
                    log::warn!("signal {signal} again: exiting now, what was typed in the journal");
                    if let Some(flusher) = &flusher {
                        flusher.flush(std::time::Duration::from_secs(1));
                    }
                    log::logger().flush();
                    std::process::exit(128 + signal);
                }
            }
        });
    if let Err(e) = spawned {
        log::error!("quit signals cannot be watched ({e}): they end the app unsaved");
    }
}

/// The one place the app calls Windows itself. Audited: a window subclass (the documented
/// way to see a window's messages) that only looks at two messages and always passes them
/// on, and a console control handler; both touch nothing but a `OnceLock` set before them.
#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use std::sync::OnceLock;
    use std::time::Duration;

    use raw_window_handle::{HasWindowHandle as _, RawWindowHandle};
    use windows_sys::Win32::Foundation::{HWND, LPARAM, LRESULT, WPARAM};
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };
    use windows_sys::Win32::UI::Shell::{DefSubclassProc, SetWindowSubclass};
    use windows_sys::Win32::UI::WindowsAndMessaging::{WM_ENDSESSION, WM_QUERYENDSESSION};

    use super::Flusher;

    /// What the handlers need, set once before they are installed.
    static ENDING: OnceLock<(egui::Context, Option<Flusher>)> = OnceLock::new();

    pub(super) fn watch(cc: &eframe::CreationContext<'_>, flusher: Option<Flusher>) {
        if ENDING.set((cc.egui_ctx.clone(), flusher)).is_err() {
            return;
        }
        // SAFETY: `console_event` is a valid handler for the process's whole life.
        if unsafe { SetConsoleCtrlHandler(Some(console_event), 1) } == 0 {
            log::warn!("console control events cannot be watched");
        }
        let hwnd = cc.window_handle().ok().and_then(|h| match h.as_raw() {
            RawWindowHandle::Win32(w) => Some(w.hwnd.get() as HWND),
            _ => None,
        });
        match hwnd {
            // SAFETY: the window is the app's own, alive until the event loop ends; the
            // subclass procedure passes every message on.
            Some(hwnd) if unsafe { SetWindowSubclass(hwnd, Some(window_message), 1, 0) } != 0 => {}
            _ => log::warn!("logging off is not watched: the journal alone keeps what was typed"),
        }
    }

    /// The system ends the session or the console: what was typed to disk now, then the
    /// window asked to close as its close button does.
    fn ending(why: &str) {
        let Some((ctx, flusher)) = ENDING.get() else {
            return;
        };
        if let Some(flusher) = flusher {
            flusher.flush(Duration::from_secs(1));
        }
        super::close_like_the_close_button(ctx, why);
    }

    unsafe extern "system" fn window_message(
        hwnd: HWND,
        message: u32,
        wparam: WPARAM,
        lparam: LPARAM,
        _id: usize,
        _data: usize,
    ) -> LRESULT {
        if message == WM_QUERYENDSESSION {
            ending("the session is ending");
        } else if message == WM_ENDSESSION && wparam != 0 {
            ending("the session ends");
        }
        // SAFETY: the arguments are the message Windows gave, passed on unchanged.
        unsafe { DefSubclassProc(hwnd, message, wparam, lparam) }
    }

    unsafe extern "system" fn console_event(event: u32) -> windows_sys::core::BOOL {
        match event {
            CTRL_C_EVENT | CTRL_BREAK_EVENT | CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT
            | CTRL_SHUTDOWN_EVENT => {
                ending("a console control event");
                1
            }
            _ => 0,
        }
    }
}
