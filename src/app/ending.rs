//! Ending cleanly: SIGTERM, SIGINT and SIGHUP (what a desktop session sends at logout and
//! shutdown, what `systemctl` and `timeout` send, what a closing terminal sends) ask the
//! window to close exactly as its close button does: everything saved, then exit (and the
//! usual question if a save fails). A second signal exits at once, once the journal holds
//! what was typed. What no handler catches (`kill -9`, a crash) the journal covers.
//!
//! Installed by the program (`main`), never by the tests' many apps in one process.

use crate::notes::journal::Flusher;

/// Watches the quit signals on a thread of its own. `flusher`: the notes' journal.
#[cfg(unix)]
pub fn watch_quit_signals(ctx: egui::Context, flusher: Option<Flusher>) {
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
                    log::info!("signal {signal}: closing as the window's close button does");
                    ctx.send_viewport_cmd_to(egui::ViewportId::ROOT, egui::ViewportCommand::Close);
                    ctx.request_repaint();
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

/// Windows ends a program by its window messages (closing it, logging off); console
/// control events are not watched yet.
#[cfg(not(unix))]
pub fn watch_quit_signals(_ctx: egui::Context, _flusher: Option<Flusher>) {}
