//! The app on a Linux desktop: `--install-desktop` writes a freedesktop entry (so the app
//! is in the menu and opens `.md` files from the file manager) and its icons into the
//! user's XDG data folder; `--uninstall-desktop` removes exactly those files.

use std::path::{Path, PathBuf};

/// The app id: Wayland app_id, X11 WM_CLASS, the entry's and the icons' name.
pub const APP_ID: &str = "study-companion";

/// The icon, drawn by `tools/make-icon.sh`, at the sizes it was drawn for.
pub const ICONS: &[(u32, &[u8])] = &[
    (16, include_bytes!("../assets/icon/study-companion-16.png")),
    (32, include_bytes!("../assets/icon/study-companion-32.png")),
    (48, include_bytes!("../assets/icon/study-companion-48.png")),
    (
        256,
        include_bytes!("../assets/icon/study-companion-256.png"),
    ),
];

/// The icon the window shows (the largest; the window manager scales it).
pub fn window_icon_png() -> &'static [u8] {
    ICONS.last().map_or(&[], |(_, png)| png)
}

/// The user's data folder (`$XDG_DATA_HOME`, else `~/.local/share`).
pub fn data_home() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().to_path_buf())
}

/// The files an install writes under `data_home`, entry first.
pub fn files(data_home: &Path) -> Vec<PathBuf> {
    let mut files = vec![
        data_home
            .join("applications")
            .join(format!("{APP_ID}.desktop")),
    ];
    for (size, _) in ICONS {
        files.push(
            data_home
                .join("icons/hicolor")
                .join(format!("{size}x{size}"))
                .join("apps")
                .join(format!("{APP_ID}.png")),
        );
    }
    files
}

/// The desktop entry as packaged (the `.deb` installs it as it is): `Exec` names the
/// program on the `PATH`.
pub const PACKAGED_ENTRY: &str = include_str!("../assets/linux/study-companion.desktop");

/// The desktop entry for the binary at `exe`: the packaged one, its `Exec` naming `exe`.
pub fn desktop_entry(exe: &Path) -> String {
    let mut entry = String::with_capacity(PACKAGED_ENTRY.len() + 64);
    for line in PACKAGED_ENTRY.lines() {
        match line.strip_prefix("Exec=study-companion ") {
            Some(codes) => entry.push_str(&format!("Exec={} {codes}", exec_quoted(exe))),
            None => entry.push_str(line),
        }
        entry.push('\n');
    }
    entry
}

/// A path as the `Exec` key needs it: quoted when it has a space or a reserved character,
/// `"`, `` ` ``, `$` and `\` escaped inside the quotes with a backslash that is itself
/// escaped (string values unescape `\\` first), `%` doubled (the Desktop Entry spec).
fn exec_quoted(exe: &Path) -> String {
    let path = exe.display().to_string();
    let reserved = |c: char| " \t\n\"'\\><~|&;$*?#()`%".contains(c);
    if !path.contains(reserved) {
        return path;
    }
    let mut quoted = String::from('"');
    for c in path.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            // The quoting escape is a backslash, itself escaped in a string value.
            quoted.push_str("\\\\");
        }
        // `%` is a field code even inside quotes: doubled.
        if c == '%' {
            quoted.push('%');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// Writes the entry and the icons under `data_home`. Returns what it wrote.
pub fn install(data_home: &Path, exe: &Path) -> std::io::Result<Vec<PathBuf>> {
    let files = files(data_home);
    let mut contents: Vec<&[u8]> = Vec::new();
    let entry = desktop_entry(exe);
    contents.push(entry.as_bytes());
    contents.extend(ICONS.iter().map(|(_, png)| *png));
    for (path, bytes) in files.iter().zip(contents) {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, bytes)?;
    }
    Ok(files)
}

/// Removes what [`install`] wrote, and the folders it made that are empty now (never
/// `data_home` itself). Returns the files removed.
pub fn uninstall(data_home: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for path in files(data_home) {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != data_home && d.starts_with(data_home)) {
            // Only an empty folder goes; the first that is not empty stops the climb.
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).expect("read_dir").flatten() {
                let path = entry.path();
                out.push(
                    path.strip_prefix(dir)
                        .expect("inside")
                        .display()
                        .to_string(),
                );
                if path.is_dir() {
                    stack.push(path);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn install_writes_a_valid_entry_and_icons_and_uninstall_leaves_the_folder_as_it_was() {
        let home = tempfile::tempdir().expect("tempdir");
        // Something of the user's that must stay.
        std::fs::create_dir_all(home.path().join("applications")).expect("mkdir");
        std::fs::write(home.path().join("applications/other.desktop"), "x").expect("write");
        let before = tree(home.path());
        let exe = Path::new("/opt/my apps/study-companion");
        let written = install(home.path(), exe).expect("install");
        assert_eq!(written.len(), 1 + ICONS.len());
        let entry_path = home.path().join("applications/study-companion.desktop");
        let entry = std::fs::read_to_string(&entry_path).expect("entry");
        assert!(
            entry.contains("Exec=\"/opt/my apps/study-companion\" %F\n"),
            "{entry}"
        );
        assert!(entry.contains("Name[ko]=스터디 컴패니언\n"));
        assert!(entry.contains("MimeType=text/markdown;\n"));
        assert!(entry.contains("StartupWMClass=study-companion\n"));
        for size in [48, 256] {
            let icon = home.path().join(format!(
                "icons/hicolor/{size}x{size}/apps/study-companion.png"
            ));
            let img = image::load_from_memory(&std::fs::read(&icon).expect("icon")).expect("png");
            assert_eq!((img.width(), img.height()), (size, size));
        }
        validate(&entry_path);
        // Everything but `Exec` is the packaged entry's, line for line.
        let differing: Vec<_> = entry
            .lines()
            .zip(PACKAGED_ENTRY.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(
            differing,
            [(
                "Exec=\"/opt/my apps/study-companion\" %F",
                "Exec=study-companion %F"
            )]
        );
        let removed = uninstall(home.path()).expect("uninstall");
        assert_eq!(removed, written);
        assert_eq!(tree(home.path()), before, "exactly as it was");
        assert!(uninstall(home.path()).expect("again").is_empty());
    }

    /// Debian's validator on the entry at `path`, when installed (CI installs it and
    /// requires it).
    fn validate(path: &Path) {
        match std::process::Command::new("desktop-file-validate")
            .arg(path)
            .output()
        {
            Ok(out) => assert!(
                out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
                "desktop-file-validate: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
            Err(e) => assert!(
                std::env::var_os("STUDY_COMPANION_REQUIRE_DESKTOP_VALIDATE").is_none(),
                "desktop-file-validate is required here: {e}"
            ),
        }
    }

    #[test]
    fn the_packaged_entry_is_valid() {
        validate(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/linux/study-companion.desktop"
        )));
        assert!(PACKAGED_ENTRY.contains("\nExec=study-companion %F\n"));
    }

    /// The Windows and macOS icons are the PNGs as drawn, not a drifting copy:
    /// `tools/make-icon.sh` writes all of them.
    #[test]
    fn the_ico_and_icns_hold_the_drawn_pngs() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon");
        let ico = std::fs::read(dir.join("study-companion.ico")).expect("ico");
        let u16_at = |i: usize| u16::from_le_bytes([ico[i], ico[i + 1]]);
        let u32_at = |i: usize| u32::from_le_bytes([ico[i], ico[i + 1], ico[i + 2], ico[i + 3]]);
        assert_eq!((u16_at(0), u16_at(2)), (0, 1), "an icon file");
        assert_eq!(usize::from(u16_at(4)), ICONS.len());
        for (n, (size, png)) in ICONS.iter().enumerate() {
            let entry = 6 + 16 * n;
            // 0 means 256.
            let width = match ico[entry] {
                0 => 256,
                w => u32::from(w),
            };
            assert_eq!(width, *size);
            let (len, offset) = (u32_at(entry + 8) as usize, u32_at(entry + 12) as usize);
            assert_eq!(&ico[offset..offset + len], *png, "the {size} px picture");
        }
        let icns = std::fs::read(dir.join("study-companion.icns")).expect("icns");
        assert_eq!(&icns[..4], b"icns");
        let mut kinds = Vec::new();
        let mut at = 8;
        while at + 8 <= icns.len() {
            kinds.push(String::from_utf8_lossy(&icns[at..at + 4]).into_owned());
            let len = u32::from_be_bytes([icns[at + 4], icns[at + 5], icns[at + 6], icns[at + 7]]);
            at += len as usize;
        }
        assert_eq!(at, icns.len(), "the entries fill the file");
        // 16, 32, 48 px with their masks, and 256 px.
        for kind in ["is32", "il32", "ih32", "ic08"] {
            assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
        }
    }

    /// The `.deb` (Cargo.toml's `[package.metadata.deb]`) installs the files
    /// `--install-desktop` writes, from the same sources, where [`files`] puts them under
    /// `/usr/share`, and the licence of every bundled font.
    #[test]
    fn the_deb_installs_what_install_desktop_writes_and_the_font_licences() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml"))
            .expect("Cargo.toml")
            .parse()
            .expect("Cargo.toml parses");
        let assets = manifest["package"]["metadata"]["deb"]["assets"]
            .as_array()
            .expect("deb assets");
        let assets: Vec<(String, String)> = assets
            .iter()
            .map(|a| {
                let a = a.as_array().expect("[source, destination, mode]");
                let s = |i: usize| a[i].as_str().expect("a string").to_owned();
                (s(0), s(1))
            })
            .collect();
        for (source, _) in &assets {
            assert!(
                source.starts_with("target/") || root.join(source).is_file(),
                "{source} is missing"
            );
        }
        let destination_of = |source: &str| {
            assets
                .iter()
                .find(|(s, _)| s == source)
                .map(|(_, d)| d.clone())
                .unwrap_or_else(|| panic!("{source} is not in the package"))
        };
        let under_usr_share = files(Path::new("usr/share"));
        let entry = destination_of("assets/linux/study-companion.desktop");
        assert_eq!(
            Path::new(&entry).join("study-companion.desktop"),
            under_usr_share[0]
        );
        for ((size, _), installed) in ICONS.iter().zip(&under_usr_share[1..]) {
            let source = format!("assets/icon/study-companion-{size}.png");
            assert_eq!(Path::new(&destination_of(&source)), installed.as_path());
        }
        for font in std::fs::read_dir(root.join("assets/fonts")).expect("fonts") {
            let name = font
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.ends_with(".txt") {
                destination_of(&format!("assets/fonts/{name}"));
            }
        }
    }

    #[test]
    fn exec_paths_are_quoted_as_the_spec_says() {
        assert_eq!(exec_quoted(Path::new("/usr/bin/sc")), "/usr/bin/sc");
        assert_eq!(
            exec_quoted(Path::new("/home/a b/$x\"y")),
            r#""/home/a b/\\$x\\"y""#
        );
        assert_eq!(exec_quoted(Path::new("/tmp/100%")), "\"/tmp/100%%\"");
    }
}
