//! An eframe window as the app opens it (same features, OpenGL, 1920×1080), showing two
//! lines of text: what any egui app costs on this machine before its own work.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default().with_inner_size([1920.0, 1080.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native("eframe-floor", options, Box::new(|_| Ok(Box::new(Floor))))
}

struct Floor;

impl eframe::App for Floor {
    fn ui(&mut self, ui: &mut eframe::egui::Ui, _frame: &mut eframe::Frame) {
        eframe::egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("MSP T3 - 23-5");
            ui.label("docker run -it ubuntu bash");
        });
    }
}
