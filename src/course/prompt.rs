//! Shell prompts at the start of a terminal session's lines: what is typed comes after
//! them, and the lines without one are output.

/// The length in bytes of the shell prompt `line` starts with, if it starts with one:
/// `user@host:~/path$ `, `root@host:/# `, `ubuntu $ `, `$ `, `PS C:\Users\me> `.
/// A bare `# ` is a comment as often as a root prompt: only `user@host…# ` counts.
pub fn prompt_len(line: &str) -> Option<usize> {
    // PowerShell: `PS <path>> `.
    if let Some(rest) = line.strip_prefix("PS ")
        && let Some(end) = rest.find("> ")
        && !rest[..end].contains(' ')
    {
        return Some(3 + end + 2);
    }
    if line.starts_with("$ ") {
        return Some(2);
    }
    // `word $ ` (the Q&A's `ubuntu $ docker ps`).
    if let Some(space) = line.find(" $ ") {
        let word = &line[..space];
        if !word.is_empty() && word.chars().all(is_name_char) {
            return Some(space + 3);
        }
    }
    // `user@host:path$ ` or `user@host:path# `, the path without spaces.
    let at = line.find('@')?;
    let user = &line[..at];
    if user.is_empty() || !user.chars().all(is_name_char) {
        return None;
    }
    let rest = &line[at + 1..];
    let end = rest.find(['$', '#'])?;
    let host_path = &rest[..end];
    if host_path.is_empty() || host_path.contains(char::is_whitespace) {
        return None;
    }
    let after = &rest[end + 1..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some(at + 1 + end + 1 + usize::from(after.starts_with(' ')))
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompts_of_the_course() {
        fn typed(line: &str) -> Option<&str> {
            prompt_len(line).map(|n| &line[n..])
        }
        assert_eq!(
            typed("ubuntu@ip-172-31-23-60:~$ docker search ubuntu"),
            Some("docker search ubuntu")
        );
        assert_eq!(
            typed("ubuntu $ docker run -d nginx"),
            Some("docker run -d nginx")
        );
        assert_eq!(typed("$ ls -al"), Some("ls -al"));
        assert_eq!(typed("root@c0ffee:/# apt update"), Some("apt update"));
        assert_eq!(
            typed("PS C:\\Users\\me> wsl --install"),
            Some("wsl --install")
        );
        assert_eq!(typed("ubuntu@host:~$"), Some(""));
        for output in [
            "# a comment",
            "NAME      DESCRIPTION",
            "Digest: sha256:af29",
            "email me@example.com about $5",
            "f03b40093957: Pull complete",
        ] {
            assert_eq!(prompt_len(output), None, "{output}");
        }
    }
}
