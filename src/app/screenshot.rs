//! `--screenshot OUT.png`: wait until the first frame is complete (fonts, images, card
//! heights settled), grab it, write the PNG, close the window. Every state has a deadline;
//! the outcome goes back to `main`, which reports it once and sets the exit code.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use anyhow::Context as _;

/// How long the first complete frame may take before the frame is taken as it is.
const SETTLE_DEADLINE: Duration = Duration::from_secs(15);
/// How long the renderer may take to deliver a requested screenshot.
const CAPTURE_DEADLINE: Duration = Duration::from_secs(10);

/// Where a screenshot goes and how it went; shared with `main`, which reads the outcome
/// after the window has closed.
#[derive(Clone, Debug, Default)]
pub struct ScreenshotJob {
    pub path: PathBuf,
    outcome: Arc<Mutex<Option<Result<(), String>>>>,
    /// From the command line: once the PNG is written the process ends at once, and this
    /// scratch folder (the run's window state) is removed first.
    exit_cleaning: Option<PathBuf>,
}

impl ScreenshotJob {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            outcome: Arc::default(),
            exit_cleaning: None,
        }
    }

    /// The process ends as soon as the PNG is written (the command line's `--screenshot`),
    /// removing `scratch` first.
    pub fn exiting_when_written(mut self, scratch: PathBuf) -> Self {
        self.exit_cleaning = Some(scratch);
        self
    }

    /// The outcome, once the app has one; `None` if the window closed before.
    pub fn outcome(&self) -> Option<Result<(), String>> {
        self.outcome.lock().ok().and_then(|o| o.clone())
    }

    fn finish(&self, result: Result<(), String>) {
        match self.outcome.lock() {
            Ok(mut slot) => *slot = Some(result),
            // Only a panic while holding the lock poisons it; main then reports "no
            // outcome", which is an error too.
            Err(poisoned) => *poisoned.into_inner() = Some(result),
        }
    }
}

enum Phase {
    Waiting {
        frames: u32,
    },
    Requested {
        since: Instant,
        rx: mpsc::Receiver<Arc<egui::ColorImage>>,
    },
    Done,
}

/// The screenshot in progress.
pub(super) struct Screenshot {
    job: ScreenshotJob,
    started: Instant,
    phase: Phase,
}

impl Screenshot {
    pub(super) fn new(job: ScreenshotJob) -> Self {
        Self {
            job,
            started: Instant::now(),
            phase: Phase::Waiting { frames: 0 },
        }
    }

    /// One step per frame. `settled`: no image is loading and no card is changing height.
    /// Keeps the frames coming until done, then closes the window. Returns the start-up
    /// mark this step reached, if any.
    pub(super) fn step(&mut self, ctx: &egui::Context, settled: bool) -> Option<&'static str> {
        let before = std::mem::discriminant(&self.phase);
        self.phase = match std::mem::replace(&mut self.phase, Phase::Done) {
            Phase::Waiting { frames } => {
                let timed_out = self.started.elapsed() > SETTLE_DEADLINE;
                if timed_out {
                    log::warn!("the first frame did not settle in time; taking it as it is");
                }
                // One frame drawn before is enough: `settled` already waits for fonts,
                // images and card heights (each frame more costs ~0.2 s on a CPU renderer).
                if (frames >= 1 && settled) || timed_out {
                    let (tx, rx) = mpsc::channel();
                    let repaint = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        // The receiver lives until the deadline; after it nobody waits.
                        if tx.send(image).is_ok() {
                            repaint.request_repaint();
                        }
                    });
                    Phase::Requested {
                        since: Instant::now(),
                        rx,
                    }
                } else {
                    Phase::Waiting { frames: frames + 1 }
                }
            }
            Phase::Requested { since, rx } => match rx.try_recv() {
                Ok(image) => {
                    let result = save_png(&self.job.path, &image).map_err(|e| format!("{e:#}"));
                    if result.is_ok() {
                        log::info!(
                            "screenshot {} after {} ms",
                            self.job.path.display(),
                            self.started.elapsed().as_millis()
                        );
                    }
                    self.finish(ctx, result)
                }
                Err(mpsc::TryRecvError::Empty) if since.elapsed() < CAPTURE_DEADLINE => {
                    // Poll again soon: the renderer answers within a frame or two.
                    ctx.request_repaint_after(Duration::from_millis(50));
                    Phase::Requested { since, rx }
                }
                Err(_) => self.finish(
                    ctx,
                    Err(format!(
                        "the renderer did not deliver the screenshot within {} s",
                        CAPTURE_DEADLINE.as_secs()
                    )),
                ),
            },
            Phase::Done => Phase::Done,
        };
        if matches!(self.phase, Phase::Waiting { .. }) {
            ctx.request_repaint();
        }
        if std::mem::discriminant(&self.phase) == before {
            return None;
        }
        match self.phase {
            Phase::Requested { .. } => Some("screenshot requested"),
            Phase::Done => Some("PNG written"),
            Phase::Waiting { .. } => None,
        }
    }

    /// The scratch folder to remove before ending the process, once the PNG is written
    /// and the job asked to end then.
    pub(super) fn exit_when_written(&self) -> Option<PathBuf> {
        let written =
            matches!(self.phase, Phase::Done) && matches!(self.job.outcome(), Some(Ok(())));
        written.then(|| self.job.exit_cleaning.clone()).flatten()
    }

    fn finish(&self, ctx: &egui::Context, result: Result<(), String>) -> Phase {
        self.job.finish(result);
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        Phase::Done
    }
}

fn save_png(path: &Path, image: &egui::ColorImage) -> anyhow::Result<()> {
    let [w, h] = image.size;
    let width = u32::try_from(w).context("screenshot too wide")?;
    let height = u32::try_from(h).context("screenshot too tall")?;
    // Fast compression: a 1920×1080 frame encodes in a fraction of the default's time, for
    // a file a little larger.
    let file = std::fs::File::create(path)
        .with_context(|| format!("failed to create {}", path.display()))?;
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        std::io::BufWriter::new(file),
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    // Straight from the frame's pixels (opaque, so premultiplied is plain RGBA): a copy of
    // a 1920×1080 frame would add 8 MiB to the peak.
    image::ImageEncoder::write_image(
        encoder,
        image.as_raw(),
        width,
        height,
        image::ExtendedColorType::Rgba8,
    )
    .with_context(|| format!("failed to write {}", path.display()))
}
