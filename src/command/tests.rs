use super::*;

/// The README's key tables are the command rows: edit the rows, then paste what this test
/// prints into the README between the `<!-- keys:… -->` markers.
#[test]
fn the_readme_key_tables_are_the_command_rows() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    for (mode, name) in Keymap::MODES
        .into_iter()
        .zip(["reading", "presenting", "reviewing"])
    {
        let start = format!("<!-- keys:{name} -->\n");
        let generated = key_table(mode, Lang::En);
        let found = readme
            .split_once(&start)
            .and_then(|(_, rest)| rest.split_once("<!-- /keys -->"))
            .map(|(table, _)| table);
        assert_eq!(
            found,
            Some(generated.as_str()),
            "README.md's {name} keys differ from the command rows; they are:\n{start}{generated}<!-- /keys -->"
        );
    }
}

const KEYMAPS: [Keymap; 10] = [
    Keymap::Reading,
    Keymap::ReadingHelp,
    Keymap::Image,
    Keymap::SearchBox,
    Keymap::Presenting,
    Keymap::SlideHelp,
    Keymap::SlideNumber,
    Keymap::ClassNote,
    Keymap::Reviewing,
    Keymap::ReviewHelp,
];

#[test]
fn every_command_has_one_row() {
    for (i, row) in ROWS.iter().enumerate() {
        assert!(
            ROWS[..i].iter().all(|other| other.command != row.command),
            "{:?} has two rows",
            row.command
        );
        assert!(!row.keymaps.is_empty(), "{:?} acts nowhere", row.command);
    }
}

#[test]
fn no_two_commands_of_a_keymap_share_a_key() {
    for keymap in KEYMAPS {
        let mut seen = Vec::new();
        for row in ROWS.iter().filter(|r| r.keymaps.contains(&keymap)) {
            for s in row.keys {
                assert!(
                    !seen.contains(s),
                    "{:?} reuses {s:?} in {keymap:?}",
                    row.command
                );
                seen.push(*s);
            }
        }
    }
}

#[test]
fn presentation_has_the_keys_presenters_use() {
    let keys_of =
        |c: Command| -> Vec<Key> { c.shortcuts().iter().map(|s| s.logical_key).collect() };
    assert_eq!(
        keys_of(Command::Slide(SlideCommand::Next)),
        [Key::ArrowRight, Key::Space, Key::Enter, Key::PageDown]
    );
    assert_eq!(
        keys_of(Command::Slide(SlideCommand::Prev)),
        [Key::ArrowLeft, Key::PageUp, Key::Backspace]
    );
    assert_eq!(keys_of(Command::ShowHelp), [Key::F1, Key::Questionmark]);
    assert!(Command::ShowHelp.acts_in(Keymap::Presenting));
    assert!(Command::ShowHelp.acts_in(Keymap::SlideNumber));
    assert!(!Command::FocusSearch.acts_in(Keymap::Presenting));
    assert!(!Command::Slide(SlideCommand::Next).acts_in(Keymap::Reading));
}

#[test]
fn every_command_has_labels_and_help_in_both_languages() {
    for c in Command::all() {
        for lang in [Lang::Ko, Lang::En] {
            assert!(!c.label(lang).is_empty(), "{c:?}");
            assert!(!c.help(lang).is_empty(), "{c:?}");
        }
        assert_ne!(c.label(Lang::Ko), c.label(Lang::En), "{c:?}");
        assert_ne!(c.help(Lang::Ko), c.help(Lang::En), "{c:?}");
    }
}

fn press(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// Runs `events` through the dispatch as the app does, the keymap following the commands
/// (a digit starts a number, Enter or Esc ends it).
fn dispatch(mut events: Vec<Event>, mut keymap: Keymap, typing: bool) -> (Vec<Command>, usize) {
    let mut from = 0;
    let mut run = Vec::new();
    while let Some(command) = next_key_command(&mut events, &mut from, keymap, typing) {
        keymap = match (keymap, command) {
            (Keymap::Presenting, Command::Slide(SlideCommand::Digit(_))) => Keymap::SlideNumber,
            (
                Keymap::SlideNumber,
                Command::Slide(SlideCommand::GoToNumber | SlideCommand::CancelNumber),
            ) => Keymap::Presenting,
            (k, _) => k,
        };
        run.push(command);
    }
    (run, events.len())
}

#[test]
fn keys_of_one_frame_meet_the_state_the_keys_before_them_made() {
    let (run, left) = dispatch(
        vec![
            press(Key::Num1, Modifiers::NONE),
            Event::Text("1".into()),
            press(Key::Num2, Modifiers::NONE),
            press(Key::Enter, Modifiers::NONE),
            press(Key::Enter, Modifiers::NONE),
        ],
        Keymap::Presenting,
        false,
    );
    assert_eq!(
        run,
        [
            Command::Slide(SlideCommand::Digit(1)),
            Command::Slide(SlideCommand::Digit(2)),
            Command::Slide(SlideCommand::GoToNumber),
            // The number is gone: Enter is Next again.
            Command::Slide(SlideCommand::Next),
        ]
    );
    // The text event is the widgets'.
    assert_eq!(left, 1);
}

#[test]
fn a_text_field_keeps_its_plain_keys_and_its_own_keymap_acts() {
    // The class-note editor: Esc closes it, letters and arrows are typed, F1 still works.
    let events = vec![
        press(Key::N, Modifiers::NONE),
        press(Key::ArrowRight, Modifiers::NONE),
        press(Key::Escape, Modifiers::NONE),
        press(Key::F1, Modifiers::NONE),
    ];
    let (run, left) = dispatch(events, Keymap::ClassNote, true);
    assert_eq!(
        run,
        [Command::Slide(SlideCommand::CloseNote), Command::ShowHelp]
    );
    assert_eq!(left, 2);
    // The reading window while the search box has the keyboard: j is typed, Ctrl+D acts.
    let (run, _) = dispatch(
        vec![
            press(Key::J, Modifiers::NONE),
            press(Key::D, Modifiers::COMMAND),
        ],
        Keymap::Reading,
        true,
    );
    assert_eq!(run, [Command::ToggleBookmark]);
}

#[test]
fn the_most_modifiers_win_and_shift_is_loose() {
    let shift_cmd = Modifiers::COMMAND.plus(Modifiers::SHIFT);
    assert_eq!(
        Keymap::Reading.command_for(Key::O, shift_cmd, false),
        Some(Command::File(FileCommand::OpenFolder))
    );
    assert_eq!(
        Keymap::Reading.command_for(Key::O, Modifiers::COMMAND, false),
        Some(Command::File(FileCommand::OpenFile))
    );
    // Ctrl++ is Shift+= on most keyboards.
    assert_eq!(
        Keymap::Reviewing.command_for(Key::Plus, shift_cmd, false),
        Some(Command::ZoomIn)
    );
    // Esc in a help list closes it; in the review behind it, it ends the review.
    assert_eq!(
        Keymap::ReviewHelp.command_for(Key::Escape, Modifiers::NONE, false),
        Some(Command::CloseHelp)
    );
    assert_eq!(
        Keymap::Reviewing.command_for(Key::Escape, Modifiers::NONE, false),
        Some(Command::InReview(ReviewCommand::Exit))
    );
}

#[test]
fn the_digit_rows_share_one_line_of_the_table() {
    let lines = key_lines(Keymap::Presenting, Lang::En, false);
    let digits: Vec<&KeyLine> = lines.iter().filter(|l| l.keys == "0–9").collect();
    assert_eq!(digits.len(), 1);
    assert_eq!(digits[0].label, "Type a question number");
    assert!(
        lines
            .iter()
            .any(|l| l.keys == "Enter" && l.label.contains("typed"))
    );
}
