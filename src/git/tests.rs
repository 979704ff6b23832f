//! Every door a handed-over clone can open, each tried three ways: through [`pull`] (refused,
//! the key named, nothing run), through the second lock alone ([`pull_checked`] without the
//! check: nothing run), and with plain git (the marker appears: the door is real).

use std::collections::BTreeSet;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::check::survey;
use super::*;

/// Plain git for setting up, as an instructor or a student would run it (nothing of this
/// machine's own git configuration read).
pub(super) fn plain_git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", NULL_DEVICE)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .args([
            "-c",
            "user.name=Instructor",
            "-c",
            "user.email=i@example.com",
        ])
        .args(args)
        .output()
        .expect("git runs")
}

/// [`plain_git`]'s output, whether it succeeded or not (a door may make it fail).
pub(super) fn git(dir: &Path, args: &[&str]) -> String {
    String::from_utf8_lossy(&plain_git(dir, args).stdout)
        .trim()
        .to_owned()
}

/// [`plain_git`], which must succeed.
pub(super) fn git_ok(dir: &Path, args: &[&str]) {
    let out = plain_git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whether git can be used here; on CI it must.
pub(super) fn have_git() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "git is required on CI"
    );
    if !found {
        eprintln!("skipped: git is not installed");
    }
    found
}

/// An origin (`file://`), the instructor's clone and a student's clone handed over.
struct Course {
    root: tempfile::TempDir,
    instructor: PathBuf,
    student: PathBuf,
    edits: usize,
}

impl Course {
    fn new() -> Course {
        let root = tempfile::tempdir().expect("temp dir");
        let r = root.path();
        git_ok(r, &["init", "-q", "--bare", "-b", "main", "origin.git"]);
        let url = format!("file://{}", r.join("origin.git").display());
        git_ok(r, &["clone", "-q", &url, "instructor"]);
        let instructor = r.join("instructor");
        std::fs::write(
            instructor.join("notes.md"),
            "# MSP T3 - 23-5차\n\n## Docker\n\n- 질문?\n  - 답\n",
        )
        .expect("write");
        git_ok(&instructor, &["add", "."]);
        git_ok(&instructor, &["commit", "-q", "-m", "23-5"]);
        git_ok(&instructor, &["push", "-q", "origin", "HEAD:main"]);
        git_ok(r, &["clone", "-q", &url, "student"]);
        let evil = r.join("evil.sh");
        std::fs::write(
            &evil,
            format!("#!/bin/sh\ntouch '{}'\n", r.join("MARK").display()),
        )
        .expect("write");
        make_executable(&evil);
        Course {
            instructor,
            student: r.join("student"),
            root,
            edits: 0,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// The program a hostile setting names: it leaves the marker.
    fn evil(&self) -> String {
        self.path("evil.sh").display().to_string()
    }

    fn marked(&self) -> bool {
        self.path("MARK").exists()
    }

    /// The instructor edits the session and pushes: the student's next pull checks it out.
    fn advance(&mut self) {
        self.edits += 1;
        let file = self.instructor.join("notes.md");
        let mut text = std::fs::read_to_string(&file).expect("read");
        text.push_str(&format!("- 질문 {}?\n  - 답\n", self.edits));
        std::fs::write(&file, text).expect("write");
        git_ok(&self.instructor, &["commit", "-q", "-am", "edit"]);
        git_ok(&self.instructor, &["push", "-q", "origin", "HEAD:main"]);
    }

    fn set(&self, key: &str, value: &str) {
        git_ok(&self.student, &["config", "--local", "--add", key, value]);
    }

    fn private_attributes(&self, line: &str) {
        let info = self.student.join(".git/info");
        std::fs::create_dir_all(&info).expect("info");
        std::fs::write(info.join("attributes"), format!("{line}\n")).expect("write");
    }

    fn repo(&self) -> Repo {
        find(&self.student).expect("the student's clone is found")
    }

    /// The second lock alone: the pull as if the check had let everything through.
    fn pull_unchecked(&self) -> Result<usize, PullError> {
        let repo = self.repo();
        let drivers = survey(&repo).map(|s| s.drivers).unwrap_or_default();
        pull_checked(&repo, &drivers)
    }
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[cfg(not(unix))]
fn make_executable(_: &Path) {}

/// How plain git is shown to open the door: a pull, a status (index refresh) or a diff.
#[derive(Clone, Copy, Debug)]
enum Proof {
    Pull,
    Status,
    Diff,
    /// Only with a terminal (a pager): not provable here.
    None,
}

/// One door: its hostile setting, the keys the refusal may name, how plain git opens it.
fn door(keys: &[&str], proof: Proof, hostile: impl FnOnce(&mut Course)) {
    if !have_git() {
        return;
    }
    let mut course = Course::new();
    hostile(&mut course);
    course.advance();

    match pull(&course.student) {
        Err(PullError::Refused(Refusal::Setting { key, file })) => {
            assert!(
                keys.contains(&key.as_str()),
                "refused for {key}, not {keys:?}"
            );
            assert_eq!(file, Path::new(".git").join("config").display().to_string());
        }
        other => panic!("not refused: {other:?}"),
    }
    assert!(!course.marked(), "the check ran something");

    let unchecked = course.pull_unchecked();
    assert!(
        !course.marked(),
        "the second lock let it run ({unchecked:?})"
    );

    course.advance();
    let student = course.student.clone();
    match proof {
        Proof::Pull => {
            git(&student, &["pull", "-q", "--ff-only"]);
        }
        Proof::Status => {
            // Stat information changed: git looks at the file again.
            std::thread::sleep(Duration::from_millis(1100));
            let file = student.join("notes.md");
            let text = std::fs::read(&file).expect("read");
            std::fs::write(&file, text).expect("write");
            git(&student, &["status", "--porcelain"]);
        }
        Proof::Diff => {
            git(&student, &["diff", "HEAD~1", "HEAD"]);
        }
        Proof::None => return,
    }
    assert!(
        course.marked(),
        "plain git did not open this door: the test proves nothing"
    );
}

#[test]
fn a_filter_smudge_applied_by_private_attributes() {
    door(&["filter.x.smudge"], Proof::Pull, |c| {
        c.set("filter.x.smudge", &c.evil());
        c.private_attributes("*.md filter=x");
    });
}

#[test]
fn a_filter_process() {
    door(&["filter.x.process"], Proof::Pull, |c| {
        c.set("filter.x.process", &c.evil());
        c.private_attributes("*.md filter=x");
    });
}

#[test]
fn a_filter_clean() {
    door(&["filter.x.clean"], Proof::Status, |c| {
        c.set("filter.x.clean", &c.evil());
        c.private_attributes("*.md filter=x");
    });
}

#[test]
fn fsmonitor() {
    door(&["core.fsmonitor"], Proof::Status, |c| {
        c.set("core.fsmonitor", &c.evil());
    });
}

#[test]
fn an_ssh_command() {
    door(
        &["core.sshcommand", "remote.origin.url"],
        Proof::Pull,
        |c| {
            c.set("core.sshCommand", &c.evil());
            git_ok(
                &c.student,
                &[
                    "remote",
                    "set-url",
                    "origin",
                    "ssh://example.invalid/course.git",
                ],
            );
        },
    );
}

#[test]
fn a_git_proxy() {
    door(&["core.gitproxy", "remote.origin.url"], Proof::Pull, |c| {
        c.set("core.gitProxy", &c.evil());
        git_ok(
            &c.student,
            &[
                "remote",
                "set-url",
                "origin",
                "git://example.invalid/course.git",
            ],
        );
    });
}

#[test]
fn a_credential_helper() {
    door(&["credential.helper"], Proof::Pull, |c| {
        let port = asks_for_a_password();
        c.set("credential.helper", &format!("!{}", c.evil()));
        git_ok(
            &c.student,
            &[
                "remote",
                "set-url",
                "origin",
                &format!("http://127.0.0.1:{port}/course.git"),
            ],
        );
    });
}

#[test]
fn an_include() {
    door(&["include.path"], Proof::Status, |c| {
        let included = c.path("evil.config");
        std::fs::write(&included, format!("[core]\n\tfsmonitor = {}\n", c.evil())).expect("w");
        c.set("include.path", &included.display().to_string());
    });
}

#[test]
fn a_conditional_include() {
    door(&["includeif.gitdir:/**.path"], Proof::Status, |c| {
        let included = c.path("evil.config");
        std::fs::write(&included, format!("[core]\n\tfsmonitor = {}\n", c.evil())).expect("w");
        c.set("includeIf.gitdir:/**.path", &included.display().to_string());
    });
}

#[test]
fn the_ext_transport_allowed_again() {
    door(
        &["protocol.ext.allow", "remote.origin.url"],
        Proof::Pull,
        |c| {
            c.set("protocol.ext.allow", "always");
            let url = format!("ext::{}", c.evil());
            git_ok(&c.student, &["remote", "set-url", "origin", &url]);
        },
    );
}

#[test]
fn an_upload_pack() {
    door(&["remote.origin.uploadpack"], Proof::Pull, |c| {
        c.set("remote.origin.uploadpack", &c.evil());
    });
}

#[test]
fn an_external_diff() {
    door(&["diff.external"], Proof::Diff, |c| {
        c.set("diff.external", &c.evil());
    });
}

#[test]
fn a_diff_driver_command() {
    door(&["diff.x.command"], Proof::Diff, |c| {
        c.set("diff.x.command", &c.evil());
        c.private_attributes("*.md diff=x");
    });
}

#[test]
fn a_diff_driver_textconv() {
    door(&["diff.x.textconv"], Proof::Diff, |c| {
        c.set("diff.x.textconv", &c.evil());
        c.private_attributes("*.md diff=x");
    });
}

#[test]
fn a_pager() {
    // git starts a pager only on a terminal; none here, so plain git is not shown opening it.
    door(&["core.pager"], Proof::None, |c| {
        c.set("core.pager", &c.evil());
    });
}

#[test]
fn an_attributes_file() {
    door(
        &["core.attributesfile", "filter.y.smudge"],
        Proof::Pull,
        |c| {
            let attributes = c.path("evil.attributes");
            std::fs::write(&attributes, "*.md filter=y\n").expect("write");
            c.set("core.attributesFile", &attributes.display().to_string());
            c.set("filter.y.smudge", &c.evil());
        },
    );
}

/// Settings that name programs or point git elsewhere, refused without a proof each.
#[test]
fn other_settings_outside_the_allow_list_are_refused() {
    if !have_git() {
        return;
    }
    let course = Course::new();
    let settings = [
        ("core.alternateRefsCommand", "x"),
        ("remote.origin.vcs", "x"),
        ("url.ext::x.insteadOf", "https://"),
        ("core.worktree", "/"),
        ("extensions.worktreeConfig", "true"),
        ("http.proxy", "http://127.0.0.1:1"),
        ("gpg.program", "x"),
        ("core.editor", "x"),
        ("merge.x.driver", "x"),
        ("pull.rebase", "true"),
        ("user.signingKey", "ok"),
    ];
    for (key, value) in settings {
        course.set(key, value);
        let outcome = pull(&course.student);
        if key.starts_with("user.") {
            assert_eq!(outcome, Ok(0), "{key} is allowed");
        } else {
            let expected = key.to_ascii_lowercase();
            let (section, rest) = expected.split_once('.').unwrap_or_default();
            let shown = match key.split_once('.').and_then(|(_, r)| r.rsplit_once('.')) {
                Some((sub, name)) => format!("{section}.{sub}.{}", name.to_ascii_lowercase()),
                None => format!("{section}.{rest}"),
            };
            match outcome {
                Err(PullError::Refused(Refusal::Setting { key: named, .. })) => {
                    assert_eq!(named, shown)
                }
                other => panic!("{key}: {other:?}"),
            }
        }
        git_ok(&course.student, &["config", "--local", "--unset-all", key]);
    }
}

#[test]
fn hooks_never_run_and_the_pull_goes_through() {
    if !have_git() {
        return;
    }
    let mut course = Course::new();
    let hook = course.student.join(".git/hooks/post-merge");
    std::fs::copy(course.path("evil.sh"), &hook).expect("hook");
    make_executable(&hook);
    course.advance();
    assert_eq!(pull(&course.student), Ok(1));
    assert!(!course.marked(), "a hook ran");
    course.advance();
    git(&course.student, &["pull", "-q", "--ff-only"]);
    assert!(
        course.marked(),
        "plain git runs the hook: the test proves nothing"
    );
}

#[test]
fn a_private_attribute_naming_a_driver_is_refused_even_undefined() {
    if !have_git() {
        return;
    }
    let mut course = Course::new();
    course.private_attributes("*.md filter=x");
    course.advance();
    match pull(&course.student) {
        Err(PullError::Refused(Refusal::Attribute { attribute, file })) => {
            assert_eq!(attribute, "filter=x");
            assert_eq!(
                file,
                Path::new(".git/info/attributes").display().to_string()
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn harmless_settings_pull_fine() {
    if !have_git() {
        return;
    }
    let mut course = Course::new();
    for (key, value) in [
        ("user.name", "학생"),
        ("user.email", "s@example.com"),
        ("core.ignorecase", "true"),
        ("core.symlinks", "false"),
        ("core.precomposeunicode", "true"),
    ] {
        course.set(key, value);
    }
    course.advance();
    course.advance();
    assert_eq!(pull(&course.student), Ok(1));
    assert_eq!(pull(&course.student), Ok(0));
    assert_eq!(
        git(&course.student, &["rev-parse", "HEAD"]),
        git(&course.instructor, &["rev-parse", "HEAD"])
    );
}

#[test]
fn course_attributes_naming_an_undefined_filter_pull_and_run_nothing() {
    if !have_git() {
        return;
    }
    let mut course = Course::new();
    std::fs::write(
        course.instructor.join(".gitattributes"),
        "*.md filter=lfs diff=lfs merge=lfs -text\n",
    )
    .expect("write");
    git_ok(&course.instructor, &["add", ".gitattributes"]);
    course.advance();
    assert_eq!(pull(&course.student), Ok(2));
    assert!(!course.marked());
    // The driver is emptied on the command line too, should anything define it.
    let drivers = check(&course.repo()).expect("passes");
    assert_eq!(drivers, BTreeSet::from(["lfs".to_owned()]));
}

#[test]
fn a_worktree_and_a_subfolder_find_their_repository() {
    if !have_git() {
        return;
    }
    let mut course = Course::new();
    std::fs::create_dir(course.student.join("qna")).expect("mkdir");
    let repo = find(&course.student.join("qna")).expect("found from below");
    assert_eq!(repo.work_tree, course.student);
    let linked = course.path("linked");
    git_ok(
        &course.student,
        &[
            "worktree",
            "add",
            "-q",
            "-b",
            "side",
            &linked.display().to_string(),
        ],
    );
    let repo = find(&linked).expect("a linked work tree");
    assert_ne!(repo.git_dir, repo.common_dir);
    // Its configuration is the clone's: a door there is refused here too.
    course.set("core.fsmonitor", &course.evil());
    course.advance();
    assert!(matches!(
        pull(&linked),
        Err(PullError::Refused(Refusal::Setting { .. }))
    ));
    assert!(!course.marked());
}

#[test]
fn outside_a_repository_nothing_is_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(find(dir.path()), None);
    assert!(matches!(pull(dir.path()), Err(PullError::NotInRepo(_))));
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_pipe_is_refused_without_waiting() {
    if !have_git() {
        return;
    }
    let course = Course::new();
    let config = course.student.join(".git/config");
    std::fs::remove_file(&config).expect("rm");
    let made = Command::new("mkfifo").arg(&config).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo");
        return;
    }
    let started = Instant::now();
    assert!(matches!(
        pull(&course.student),
        Err(PullError::Refused(Refusal::Unreadable { .. }))
    ));
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn remote_addresses_that_start_a_program() {
    use super::check::runs_a_program;
    for url in [
        "https://github.com/o/r.git",
        "HTTP://example.com/r",
        "file:///srv/r.git",
        "/srv/r.git",
        "../origin.git",
        "C:\\course\\origin.git",
        "C:/course/origin.git",
        "./a:b",
    ] {
        assert!(!runs_a_program(url), "{url}");
    }
    for url in [
        "ssh://host/r",
        "git://host/r",
        "git@github.com:o/r.git",
        "ext::sh -c x",
        "fd::3",
        "host:r",
        "git+ssh://host/r",
    ] {
        assert!(runs_a_program(url), "{url}");
    }
}

/// A web server on loopback that answers every request with "401, log in": git then asks
/// its credential helpers. Bounded: 8 requests or 60 s.
fn asks_for_a_password() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    listener.set_nonblocking(true).expect("nonblocking");
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut served = 0;
        while served < 8 && Instant::now() < deadline {
            match listener.accept() {
                Ok((mut stream, _)) => {
                    served += 1;
                    let _ = stream.set_nonblocking(false);
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                    let mut request = [0u8; 4096];
                    let _ = stream.read(&mut request);
                    let _ = stream.write_all(
                        b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"course\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    );
                }
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    });
    port
}
