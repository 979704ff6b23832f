//! Helpers the unit tests of several modules share (compiled for tests only).

use std::path::Path;

/// Runs the ignored test `child` of this test binary in a child process `rounds` times
/// (with `env` set to `value`), kills it with SIGKILL after 5 to `5 + spread_ms` ms (so the
/// kills land in every phase of a save), and calls `check(round)` after each kill.
pub(crate) fn kill_at_random_moments(
    child: &str,
    env: &str,
    value: &Path,
    rounds: usize,
    spread_ms: u64,
    mut check: impl FnMut(usize),
) {
    let exe = std::env::current_exe().expect("test binary");
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..rounds {
        let mut process = std::process::Command::new(&exe)
            .args(["--exact", child, "--ignored", "--test-threads=1"])
            .env(env, value)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn child");
        // xorshift
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(std::time::Duration::from_millis(
            5 + seed % spread_ms.max(1),
        ));
        process.kill().expect("SIGKILL");
        process.wait().expect("reap the killed child");
        check(round);
    }
}
