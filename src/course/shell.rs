//! Terminal sessions in code blocks: which lines are typed (after a prompt, with their `\`
//! continuations and heredocs) and which are output, so a session is drawn as one (prompt
//! dimmed, command bold, output plain) and "명령어만 복사" copies only what was typed.
//!
//! The rule is sphinx-copybutton's ("copy only the lines after a prompt") with what a
//! shell adds: a line ending in `\` continues its command, a heredoc (`<<EOF` … `EOF`)
//! belongs to the command that opened it, whatever its lines start with. A bare `# ` is a
//! root prompt only where one is open (after `sudo -i`, `su`, `docker exec -it … bash`, until
//! `exit`) or in a `console` block; elsewhere it is a comment or output. A shell block with
//! no prompt in it is all command.

use super::prompt_len;

/// What one line of a code block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A prompt of this many bytes, then a command.
    Prompt(usize),
    /// More of the command above: after a line ending in `\`, or a heredoc's body and its
    /// closing word.
    More,
    /// What the command printed.
    Output,
    /// A line of a block without prompts: all of it is command (or a comment in it).
    Command,
}

/// Fence languages of shell code.
const SHELL_LANGS: &[&str] = &[
    "bash",
    "sh",
    "shell",
    "zsh",
    "console",
    "shell-session",
    "shellsession",
    "terminal",
    "powershell",
    "ps1",
    "pwsh",
    "cmd",
    "bat",
];

/// Languages whose `# ` lines are root prompts (GitHub's `console` lexer reads them so).
const SESSION_LANGS: &[&str] = &["console", "shell-session", "shellsession", "terminal"];

/// Whether a code block of fence language `lang` is shell code: a shell language, or no
/// language and a prompt in it. Only these offer "명령어만 복사" and go to a script.
pub fn is_shell(lang: &str, code: &str) -> bool {
    let lang = lang.trim().to_ascii_lowercase();
    if SHELL_LANGS.contains(&lang.as_str()) {
        return true;
    }
    lang.is_empty() && code.lines().any(|l| prompt_len(l).is_some())
}

/// Each line of `code` (as [`str::lines`] cuts it) and what it is.
pub fn line_kinds(lang: &str, code: &str) -> Vec<LineKind> {
    let lang = lang.trim().to_ascii_lowercase();
    let session = SESSION_LANGS.contains(&lang.as_str());
    let has_prompt = code
        .lines()
        .any(|l| prompt_len(l).is_some() || (session && root_prompt_len(l).is_some()));
    if !has_prompt {
        return code.lines().map(|_| LineKind::Command).collect();
    }
    let mut kinds = Vec::new();
    let mut continued = false;
    let mut heredoc: Option<Heredoc> = None;
    let mut root_shell = false;
    for line in code.lines() {
        if let Some(h) = &heredoc {
            kinds.push(LineKind::More);
            if h.closes(line) {
                heredoc = None;
            }
            continue;
        }
        if continued {
            kinds.push(LineKind::More);
            continued = line.ends_with('\\');
            heredoc = Heredoc::opened_by(line);
            continue;
        }
        let prompt = prompt_len(line).or_else(|| {
            if session || root_shell {
                root_prompt_len(line)
            } else {
                None
            }
        });
        match prompt {
            Some(n) => {
                let command = line[n..].trim();
                kinds.push(LineKind::Prompt(n));
                continued = command.ends_with('\\');
                heredoc = Heredoc::opened_by(command);
                if opens_root_shell(command) {
                    root_shell = true;
                } else if command == "exit" || command == "logout" {
                    root_shell = false;
                }
            }
            None => kinds.push(LineKind::Output),
        }
    }
    kinds
}

/// The commands of `code`, in order, without prompts or output; a command's continuation
/// lines and heredoc stay with it. A block without prompts is one command: all of it.
pub fn commands(lang: &str, code: &str) -> Vec<String> {
    let kinds = line_kinds(lang, code);
    if kinds.iter().all(|k| *k == LineKind::Command) {
        // A block without prompts: as written, its blank lines inside kept.
        let all = code.trim_matches('\n').trim_end();
        return if all.trim().is_empty() {
            Vec::new()
        } else {
            vec![all.to_owned()]
        };
    }
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for (line, kind) in code.lines().zip(kinds) {
        match kind {
            LineKind::Prompt(n) => {
                out.extend(current.take().filter(|c| !c.trim().is_empty()));
                current = Some(line[n..].trim_end().to_owned());
            }
            LineKind::More | LineKind::Command => {
                let c = current.get_or_insert_with(String::new);
                c.push('\n');
                c.push_str(line.trim_end());
            }
            LineKind::Output => out.extend(current.take().filter(|c| !c.trim().is_empty())),
        }
    }
    out.extend(current.filter(|c| !c.trim().is_empty()));
    out
}

/// What "명령어만 복사" puts on the clipboard: the commands, one after another.
pub fn commands_text(lang: &str, code: &str) -> String {
    let mut text = commands(lang, code).join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// A bare root prompt: `# `, or a short path and ` # ` (`/ # ` in busybox, `~ # `).
fn root_prompt_len(line: &str) -> Option<usize> {
    if line.starts_with("# ") {
        return Some(2);
    }
    let at = line.find(" # ")?;
    let path = &line[..at];
    let is_path = !path.is_empty()
        && path.len() <= 40
        && path.starts_with(['/', '~'])
        && !path.contains(char::is_whitespace);
    is_path.then_some(at + 3)
}

/// Whether `command` starts a root shell (or an interactive shell in a container, where
/// one is root): its lines after it may have a bare `# ` prompt.
fn opens_root_shell(command: &str) -> bool {
    let words: Vec<&str> = command.split_whitespace().collect();
    let interactive = words
        .iter()
        .any(|w| w.starts_with('-') && !w.starts_with("--") && w.contains('i') && w.contains('t'))
        || words.contains(&"--interactive");
    let shell = words
        .last()
        .is_some_and(|w| matches!(*w, "sh" | "bash" | "/bin/sh" | "/bin/bash" | "ash" | "zsh"));
    match words.as_slice() {
        ["sudo", "-i"] | ["sudo", "-s"] | ["sudo", "su"] | ["sudo", "su", "-"] => true,
        ["su"] | ["su", "-"] | ["su", "root"] | ["su", "-", "root"] => true,
        ["docker" | "kubectl" | "podman", ..] => interactive && shell,
        _ => false,
    }
}

/// An open heredoc: the word that ends it, and whether leading tabs are stripped (`<<-`).
struct Heredoc {
    word: String,
    tabs: bool,
}

impl Heredoc {
    /// The heredoc `line` opens (`cat <<EOF > file`, `<<-'END'`, `<< "EOF"`), if any;
    /// `<<<` is a here-string, not one.
    fn opened_by(line: &str) -> Option<Self> {
        let mut rest = line;
        while let Some(at) = rest.find("<<") {
            let after = &rest[at + 2..];
            if after.starts_with('<') {
                rest = after.trim_start_matches('<');
                continue;
            }
            let (tabs, after) = match after.strip_prefix('-') {
                Some(a) => (true, a),
                None => (false, after),
            };
            let after = after.trim_start();
            let word: String = after
                .trim_start_matches(['\'', '"'])
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !word.is_empty() {
                return Some(Heredoc { word, tabs });
            }
            rest = after;
        }
        None
    }

    fn closes(&self, line: &str) -> bool {
        let line = if self.tabs {
            line.trim_start_matches('\t')
        } else {
            line
        };
        line.trim_end() == self.word
    }
}

#[cfg(test)]
mod tests {
    use super::LineKind::{Command, More, Output, Prompt};
    use super::*;

    /// A block's lines as the table below writes them: `P` a prompt, `+` more of the
    /// command, `o` output, `c` command of a block without prompts.
    fn shape(lang: &str, code: &str) -> String {
        line_kinds(lang, code)
            .into_iter()
            .map(|k| match k {
                Prompt(_) => 'P',
                More => '+',
                Output => 'o',
                Command => 'c',
            })
            .collect()
    }

    #[test]
    fn each_line_is_a_prompt_more_of_a_command_or_output() {
        let table: &[(&str, &str, &str)] = &[
            // Each prompt form of the course.
            (
                "",
                "ubuntu@ip-172-31-23-60:~$ docker search ubuntu\nNAME  DESCRIPTION\nubuntu  Ubuntu is…",
                "Poo",
            ),
            (
                "bash",
                "ubuntu $ docker run -d nginx\nUnable to find image\nubuntu $ docker ps\nCONTAINER ID",
                "PoPo",
            ),
            ("", "$ ls -al\ntotal 0", "Po"),
            ("", "root@c0ffee:/# apt update\nGet:1 http://…", "Po"),
            (
                "powershell",
                "PS C:\\Users\\me> wsl --install\nInstalling…",
                "Po",
            ),
            // A `\` continuation stays with its command; output after it does not.
            (
                "",
                "$ docker run -d --name web \\\n  -p 8080:80 \\\n  nginx\n6ecb2f817b10",
                "P++o",
            ),
            // A heredoc, with lines starting with `#` and `$` in it.
            (
                "",
                "$ cat <<EOF > Dockerfile\n# syntax=docker/dockerfile:1\nFROM nginx\n$ not a prompt\nEOF\n$ docker build -t web .\n#1 [internal] load build definition",
                "P++++Po",
            ),
            // `<<-` strips tabs before the closing word; a quoted word.
            ("", "$ cat <<-'END'\n\techo $HOME\n\tEND\ndone?", "P++o"),
            // A here-string is not a heredoc.
            ("", "$ grep x <<< \"$v\"\nx", "Po"),
            // Output that starts with `#` is output, until a root shell is opened.
            (
                "",
                "$ cat Dockerfile\n# base image\nFROM nginx\n$ docker exec -it web bash\n# ls /\nbin  etc\n# exit\n$ # back",
                "PooPPoPP",
            ),
            // busybox's `/ # `.
            (
                "",
                "$ docker run -it busybox sh\n/ # hostname\n3f1c\n/ # exit",
                "PPoP",
            ),
            // `# ` is a root prompt in a console block.
            (
                "console",
                "# apt install -y curl\nReading package lists…",
                "Po",
            ),
            // No prompt: all command, `#` lines included.
            (
                "bash",
                "# install\nsudo apt install docker.io\n\ndocker ps",
                "cccc",
            ),
            ("", "FROM nginx\nEXPOSE 80", "cc"),
        ];
        for (lang, code, want) in table {
            assert_eq!(shape(lang, code), *want, "{lang:?} {code:?}");
        }
    }

    #[test]
    fn the_commands_without_prompts_and_output() {
        let session = "ubuntu $ docker run -d nginx\nUnable to find image 'nginx:latest' locally\n54767f04cfab\nubuntu $ docker ps\nCONTAINER ID   IMAGE\nubuntu $ docker rmi nginx\nError response from daemon: conflict";
        assert_eq!(
            commands_text("bash", session),
            "docker run -d nginx\ndocker ps\ndocker rmi nginx\n"
        );
        let continued =
            "ubuntu@ip-172-31-23-60:~$ docker run -d --name web \\\n  -p 8080:80 nginx\n6ecb2f81";
        assert_eq!(
            commands("", continued),
            ["docker run -d --name web \\\n  -p 8080:80 nginx"]
        );
        let heredoc = "$ cat <<EOF > a.txt\n$ hello\n# world\nEOF\n$ cat a.txt\nhello\n# world";
        assert_eq!(
            commands("", heredoc),
            ["cat <<EOF > a.txt\n$ hello\n# world\nEOF", "cat a.txt"]
        );
        // A bare prompt is no command.
        assert_eq!(commands("", "$ ls\na\nubuntu@host:~$"), ["ls"]);
        // A block without prompts is all command, its blank lines kept.
        assert_eq!(
            commands(
                "bash",
                "\n# install\nsudo apt install docker.io\n\ndocker ps\n"
            ),
            ["# install\nsudo apt install docker.io\n\ndocker ps"]
        );
    }

    #[test]
    fn which_blocks_are_shell() {
        assert!(is_shell("bash", "docker ps"));
        assert!(is_shell("Console", "# ls"));
        assert!(is_shell("", "ubuntu $ docker ps"));
        assert!(!is_shell("", "FROM nginx"));
        assert!(!is_shell("yaml", "$ not: shell"));
        assert!(!is_shell("dockerfile", "RUN apt update"));
    }
}
