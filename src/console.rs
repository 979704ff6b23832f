//! The console a command-line run speaks to.
//!
//! On Windows a release build is a GUI program (`windows_subsystem = "windows"`): started
//! from the Start menu or a double-click, no console window opens behind it. Such a
//! program starts without standard output, so [`attach_parent`] attaches it to the console
//! of the command prompt it was started from, if any: `--help`, `--export-sheet`,
//! `--outline` and every error print there. Output already redirected to a file or a pipe
//! is left as it is. On other systems there is nothing to do.
//!
//! When no console is there to read an error (the app was double-clicked and could not
//! open its window), [`Console::Absent`] tells the caller to show it in a dialog instead.

/// Where a command-line run's text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Console {
    /// A console, a file or a pipe: standard output and error reach someone.
    Present,
    /// Nothing: a GUI program started without a console (Windows, from a launcher).
    Absent,
}

/// Attaches a GUI-subsystem program to its parent's console when its standard output and
/// error lead nowhere (Windows); says whether text printed now reaches anyone.
pub fn attach_parent() -> Console {
    #[cfg(windows)]
    {
        windows::attach_parent()
    }
    #[cfg(not(windows))]
    {
        Console::Present
    }
}

/// The one call to Windows this needs. Audited: `GetStdHandle` and `AttachConsole` take no
/// pointer and change nothing but the process's own standard handles.
#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };

    use super::Console;

    /// Whether the standard handle `which` leads somewhere (a console, a file, a pipe).
    fn leads_somewhere(which: u32) -> bool {
        // SAFETY: GetStdHandle only reads the process's standard handle table.
        let handle = unsafe { GetStdHandle(which) };
        !handle.is_null() && handle != INVALID_HANDLE_VALUE
    }

    pub(super) fn attach_parent() -> Console {
        if leads_somewhere(STD_OUTPUT_HANDLE) && leads_somewhere(STD_ERROR_HANDLE) {
            // A console program (a debug build), or output redirected: nothing to do.
            return Console::Present;
        }
        // SAFETY: AttachConsole takes a process id constant; on success Windows sets the
        // standard handles that were empty to the parent's console, which Rust's standard
        // streams look up at every write.
        if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } != 0 {
            Console::Present
        } else {
            Console::Absent
        }
    }
}
