//! 강의 받기 and the pull without git, against local bare repositories (`file://`), never
//! the network. git builds the fixtures.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;

use super::fetch::{self, CloneError};
use super::{PullError, pull_without_git};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=Teacher", "-c", "user.email=t@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A teacher's work tree pushing to a bare repository; returns (teacher, bare's file:// URL).
fn course(root: &Path) -> (std::path::PathBuf, String) {
    let bare = root.join("course.git");
    let teacher = root.join("teacher");
    std::fs::create_dir_all(&bare).expect("mkdir");
    std::fs::create_dir_all(teacher.join("qa")).expect("mkdir");
    git(&bare, &["init", "--bare", "-q"]);
    git(&teacher, &["init", "-q"]);
    std::fs::write(
        teacher.join("qa/23-5.md"),
        "# MSP T3 - 23-5차\n\n## Docker\n\n- digest는 뭔가요?\n  - ...\n",
    )
    .expect("write");
    std::fs::write(teacher.join("README.md"), "강의 저장소\n").expect("write");
    git(&teacher, &["add", "."]);
    git(&teacher, &["commit", "-q", "-m", "23-5"]);
    let url = format!("file://{}", bare.display());
    git(&teacher, &["remote", "add", "origin", &url]);
    git(&teacher, &["push", "-q", "origin", "main"]);
    (teacher, url)
}

fn clone(url: &str, into: &Path) -> Result<std::path::PathBuf, CloneError> {
    fetch::clone(url, into, &fetch::new_progress(), &AtomicBool::new(false))
}

#[test]
fn a_course_is_cloned_checked_out_and_then_fast_forwarded_without_git() {
    let root = tempfile::tempdir().expect("tempdir");
    let (teacher, url) = course(root.path());
    let student = root.path().join("Documents/course");
    let cloned = clone(&url, &student).expect("cloned");
    assert_eq!(cloned, student);
    let notes = std::fs::read_to_string(student.join("qa/23-5.md")).expect("checked out");
    assert!(notes.contains("digest는 뭔가요?"));
    assert_eq!(
        git(&student, &["status", "--porcelain"]),
        "",
        "a clean clone"
    );
    assert_eq!(pull_without_git(&student), Ok(0), "up to date");

    // The teacher answers, adds a session and removes a file.
    std::fs::write(
        teacher.join("qa/23-5.md"),
        "# MSP T3 - 23-5차\n\n## Docker\n\n- digest는 뭔가요?\n  - 이미지 매니페스트의 sha256\n",
    )
    .expect("write");
    std::fs::write(teacher.join("qa/23-6.md"), "# MSP T3 - 23-6차\n").expect("write");
    git(&teacher, &["rm", "-q", "README.md"]);
    git(&teacher, &["add", "."]);
    git(&teacher, &["commit", "-q", "-m", "23-6"]);
    git(&teacher, &["push", "-q", "origin", "main"]);
    // The student's own untracked file stays.
    std::fs::write(student.join("my-notes.txt"), "mine").expect("write");

    assert_eq!(pull_without_git(&student), Ok(3));
    assert!(
        std::fs::read_to_string(student.join("qa/23-5.md"))
            .expect("read")
            .contains("sha256")
    );
    assert!(student.join("qa/23-6.md").is_file());
    assert!(!student.join("README.md").exists());
    assert_eq!(
        std::fs::read_to_string(student.join("my-notes.txt")).expect("read"),
        "mine"
    );
    // git agrees: on the teacher's commit, nothing changed but the student's own file.
    assert_eq!(
        git(&student, &["rev-parse", "HEAD"]),
        git(&teacher, &["rev-parse", "HEAD"])
    );
    assert_eq!(
        git(&student, &["status", "--porcelain"]),
        "?? my-notes.txt\n"
    );
}

#[test]
fn a_local_change_to_a_file_the_pull_touches_refuses_it_and_keeps_it() {
    let root = tempfile::tempdir().expect("tempdir");
    let (teacher, url) = course(root.path());
    let student = root.path().join("student");
    clone(&url, &student).expect("cloned");
    let head = git(&student, &["rev-parse", "HEAD"]);
    std::fs::write(student.join("qa/23-5.md"), "my own edit\n").expect("write");
    std::fs::write(teacher.join("qa/23-5.md"), "the teacher's answer\n").expect("write");
    std::fs::write(teacher.join("qa/23-6.md"), "# 23-6\n").expect("write");
    git(&teacher, &["add", "."]);
    git(&teacher, &["commit", "-q", "-m", "answer"]);
    git(&teacher, &["push", "-q", "origin", "main"]);

    assert_eq!(
        pull_without_git(&student),
        Err(PullError::LocalChanges(vec!["qa/23-5.md".into()]))
    );
    // Nothing written: the edit, the branch and the other file as they were.
    assert_eq!(
        std::fs::read_to_string(student.join("qa/23-5.md")).expect("read"),
        "my own edit\n"
    );
    assert!(!student.join("qa/23-6.md").exists());
    assert_eq!(git(&student, &["rev-parse", "HEAD"]), head);
}

#[test]
fn only_https_http_and_file_addresses_are_fetched_and_a_full_folder_is_refused() {
    for refused in [
        "git@github.com:teacher/msp-t3.git",
        "ssh://git@github.com/teacher/msp-t3.git",
        "git://github.com/teacher/msp-t3.git",
        "ext::sh -c touch% /tmp/pwned",
        "",
    ] {
        assert!(
            matches!(fetch::parse_address(refused), Err(CloneError::Address(_))),
            "{refused}"
        );
    }
    for accepted in [
        "https://github.com/teacher/msp-t3.git",
        "http://host/x",
        "file:///srv/course.git",
    ] {
        assert!(fetch::parse_address(accepted).is_ok(), "{accepted}");
    }
    let root = tempfile::tempdir().expect("tempdir");
    std::fs::write(root.path().join("something.txt"), "x").expect("write");
    assert_eq!(
        clone("file:///nowhere.git", root.path()),
        Err(CloneError::NotEmpty(root.path().to_path_buf()))
    );
    assert_eq!(
        fetch::folder_for("https://github.com/teacher/msp-t3.git", Path::new("/docs")),
        Path::new("/docs/msp-t3")
    );
    assert_eq!(
        fetch::folder_for("https://host/a/course/", Path::new("/d")),
        Path::new("/d/course")
    );
}

#[test]
fn a_repository_that_could_run_a_command_is_not_pulled_without_git_either() {
    let root = tempfile::tempdir().expect("tempdir");
    let (_, url) = course(root.path());
    let student = root.path().join("student");
    clone(&url, &student).expect("cloned");
    git(&student, &["config", "core.fsmonitor", "touch /tmp/pwned"]);
    assert!(matches!(
        pull_without_git(&student),
        Err(PullError::Refused(_))
    ));
}

/// A smart-HTTP git server on localhost for the tests: `git http-backend` run as a CGI
/// program per request (git serves; the app's side is gix's own HTTP client, as over the
/// internet). Returns the base address.
fn serve_http(root: &Path) -> String {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (method, target) = (
                parts.next().unwrap_or("GET").to_owned(),
                parts.next().unwrap_or("/").to_owned(),
            );
            let (path, query) = target.split_once('?').unwrap_or((&target, ""));
            let mut headers = Vec::new();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = header.trim_end().split_once(':') {
                    headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
                }
            }
            let header = |name: &str| {
                headers
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            };
            let mut body = Vec::new();
            if let Some(len) = header("content-length").and_then(|l| l.parse::<usize>().ok()) {
                body.resize(len, 0);
                reader.read_exact(&mut body).expect("body");
            } else if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
                loop {
                    let mut size = String::new();
                    reader.read_line(&mut size).expect("chunk size");
                    let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
                    let mut chunk = vec![0; size + 2];
                    reader.read_exact(&mut chunk).expect("chunk");
                    if size == 0 {
                        break;
                    }
                    body.extend_from_slice(&chunk[..size]);
                }
            }
            let mut cgi = Command::new("git")
                .arg("http-backend")
                .env("GIT_PROJECT_ROOT", &root)
                .env("GIT_HTTP_EXPORT_ALL", "1")
                .env("REQUEST_METHOD", &method)
                .env("PATH_INFO", path)
                .env("QUERY_STRING", query)
                .env("CONTENT_TYPE", header("content-type").unwrap_or_default())
                .env("CONTENT_LENGTH", body.len().to_string())
                .env(
                    "HTTP_CONTENT_ENCODING",
                    header("content-encoding").unwrap_or_default(),
                )
                .env("GIT_PROTOCOL", header("git-protocol").unwrap_or_default())
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("git http-backend");
            cgi.stdin
                .take()
                .expect("stdin")
                .write_all(&body)
                .expect("to cgi");
            let out = cgi.wait_with_output().expect("cgi output");
            let split = out
                .stdout
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .unwrap_or(0);
            let (head, rest) = out.stdout.split_at(split);
            let head = String::from_utf8_lossy(head);
            let status = head
                .lines()
                .find_map(|l| l.strip_prefix("Status: "))
                .unwrap_or("200 OK")
                .to_owned();
            let head: String = head
                .lines()
                .filter(|l| !l.starts_with("Status:"))
                .map(|l| format!("{l}\r\n"))
                .collect();
            let rest = rest.get(4..).unwrap_or_default();
            let reply = format!(
                "HTTP/1.1 {status}\r\n{head}Content-Length: {}\r\nConnection: close\r\n\r\n",
                rest.len()
            );
            let _ = stream.write_all(reply.as_bytes());
            let _ = stream.write_all(rest);
        }
    });
    format!("http://127.0.0.1:{port}")
}

#[test]
fn over_http_a_course_is_cloned_and_pulled_by_gixs_own_client() {
    let root = tempfile::tempdir().expect("tempdir");
    let (teacher, _) = course(root.path());
    let url = format!("{}/course.git", serve_http(root.path()));
    let student = root.path().join("student");
    clone(&url, &student).expect("cloned over http");
    assert!(
        std::fs::read_to_string(student.join("qa/23-5.md"))
            .expect("read")
            .contains("digest")
    );
    std::fs::write(teacher.join("qa/23-6.md"), "# MSP T3 - 23-6차\n").expect("write");
    git(&teacher, &["add", "."]);
    git(&teacher, &["commit", "-q", "-m", "23-6"]);
    git(&teacher, &["push", "-q", "origin", "main"]);
    assert_eq!(pull_without_git(&student), Ok(1));
    assert!(student.join("qa/23-6.md").is_file());
    assert_eq!(git(&student, &["status", "--porcelain"]), "");
}
