//! The window on a small screen: a first window (1400×900) or a remembered one larger than
//! the monitor it opens on (a 1366×768 laptop, a laptop that left its external display) is
//! maximized, which every desktop fits to the monitor's work area (taskbar, panels and dock
//! left visible); a window hanging off a monitor at the origin is moved back onto it. Once,
//! at the first frame that knows its monitor.

/// Room left for a title bar and a taskbar, panel or dock, in points: a window whose outer
/// rectangle does not fit the monitor less this is larger than its work area.
const RESERVED_HEIGHT: f32 = 80.0;

/// What the start-up window needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Fit {
    /// It fits: nothing to do.
    Fits,
    /// Larger than the work area: maximized.
    Maximize,
    /// It fits, but hangs off the monitor: moved to this outer position.
    MoveTo(egui::Pos2),
}

/// What a window with outer rectangle `outer` needs on a monitor of `monitor` points.
/// Positions are only judged against a monitor at the origin (the only one whose place is
/// known here): a window on another monitor lies beyond it and is left where it is.
pub(super) fn fit(monitor: egui::Vec2, outer: egui::Rect) -> Fit {
    if monitor.x <= 0.0 || monitor.y <= 0.0 {
        return Fit::Fits;
    }
    if outer.width() > monitor.x || outer.height() > monitor.y - RESERVED_HEIGHT {
        return Fit::Maximize;
    }
    let on_this_monitor =
        (0.0..monitor.x).contains(&outer.min.x) && (0.0..monitor.y).contains(&outer.min.y);
    if on_this_monitor
        && (outer.max.x > monitor.x || outer.max.y > monitor.y - RESERVED_HEIGHT / 2.0)
    {
        let x = ((monitor.x - outer.width()) / 2.0).max(0.0);
        let y = ((monitor.y - RESERVED_HEIGHT - outer.height()) / 2.0).max(0.0);
        return Fit::MoveTo(egui::pos2(x, y));
    }
    Fit::Fits
}

/// At the first frames: once the window's monitor is known, fits the window to it.
pub(super) fn fit_once(ctx: &egui::Context) {
    let id = egui::Id::unique("study_companion::window_fit::done");
    if ctx.data(|d| d.get_temp::<bool>(id)).is_some() {
        return;
    }
    let (monitor, outer, maximized, fullscreen) = ctx.input(|i| {
        let v = i.viewport();
        (v.monitor_size, v.outer_rect, v.maximized, v.fullscreen)
    });
    let (Some(monitor), Some(outer)) = (monitor, outer) else {
        return;
    };
    ctx.data_mut(|d| d.insert_temp(id, true));
    if maximized == Some(true) || fullscreen == Some(true) {
        return;
    }
    match fit(monitor, outer) {
        Fit::Fits => {}
        Fit::Maximize => {
            log::info!(
                "the window ({:.0}×{:.0}) is larger than its monitor's work area ({:.0}×{:.0}): maximized",
                outer.width(),
                outer.height(),
                monitor.x,
                monitor.y
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
        Fit::MoveTo(pos) => {
            log::info!("the window hung off its monitor: moved to {pos:?}");
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(pos));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> egui::Rect {
        egui::Rect::from_min_size(egui::pos2(x, y), egui::vec2(w, h))
    }

    #[test]
    fn a_first_window_larger_than_a_laptops_screen_is_maximized() {
        let laptop = egui::vec2(1366.0, 768.0);
        // eframe clamps 1400×900 to the largest monitor; the title bar comes on top.
        assert_eq!(fit(laptop, rect(0.0, 0.0, 1366.0, 800.0)), Fit::Maximize);
        assert_eq!(fit(laptop, rect(0.0, 0.0, 1366.0, 768.0)), Fit::Maximize);
        // 1600×900: wide enough, too short once the taskbar is counted.
        assert_eq!(
            fit(egui::vec2(1600.0, 900.0), rect(100.0, 0.0, 1400.0, 932.0)),
            Fit::Maximize
        );
        // 1920×1080 holds it.
        assert_eq!(
            fit(egui::vec2(1920.0, 1080.0), rect(260.0, 74.0, 1400.0, 932.0)),
            Fit::Fits
        );
    }

    #[test]
    fn a_window_hanging_off_its_monitor_is_moved_back_and_one_on_another_monitor_stays() {
        let laptop = egui::vec2(1366.0, 768.0);
        // Remembered at the right edge of a larger screen, now on the laptop.
        assert_eq!(
            fit(laptop, rect(900.0, 300.0, 1000.0, 600.0)),
            Fit::MoveTo(egui::pos2(183.0, 44.0))
        );
        // On a second monitor to the right (x beyond this one): not judged.
        assert_eq!(fit(laptop, rect(2000.0, 100.0, 1000.0, 600.0)), Fit::Fits);
        // No monitor known.
        assert_eq!(
            fit(egui::Vec2::ZERO, rect(0.0, 0.0, 1400.0, 900.0)),
            Fit::Fits
        );
    }
}
