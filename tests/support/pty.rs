//! Driving the built binary through a real pseudo-terminal with expectrl.

use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{Eof, Expect};

/// Spawns `command` on a PTY, expectations timing out after 20 s.
pub fn spawn(command: super::Ontap) -> OsSession {
    let mut session = expectrl::session::Session::spawn(command.into_std()).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// Waits for `needle` and returns the screen text up to and including it.
pub fn expect(session: &mut OsSession, needle: &str) -> String {
    match session.expect(needle) {
        Ok(found) => {
            let mut text = String::from_utf8_lossy(found.before()).into_owned();
            text.push_str(needle);
            text
        }
        Err(error) => panic!("waiting for {needle:?}: {error}"),
    }
}

/// Reads the rest of the output until the process closes the terminal.
pub fn finish(session: &mut OsSession) -> String {
    match session.expect(Eof) {
        Ok(found) => String::from_utf8_lossy(found.as_bytes()).into_owned(),
        Err(error) => panic!("waiting for the end: {error}"),
    }
}

pub fn send(session: &mut OsSession, keys: &str) {
    session.send(keys).unwrap();
}

/// The index of `wanted` among the options of the menu drawn in `screen`
/// (the last lines, in order), so a test can press ↓ that many times.
pub fn option_index(screen: &str, options: &[&str], wanted: &str) -> usize {
    let mut positions: Vec<(usize, &str)> = options
        .iter()
        .map(|option| (screen.rfind(option).unwrap_or(usize::MAX), *option))
        .collect();
    positions.sort();
    positions
        .iter()
        .position(|(_, option)| *option == wanted)
        .unwrap()
}

pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";

/// Waits until the fixture's three category options are drawn and returns
/// the screen so far: each option starts with "Tạo ", which no prompt contains.
pub fn wait_for_menu(pty: &mut OsSession) -> String {
    let mut screen = String::new();
    for _ in super::CATEGORIES {
        screen.push_str(&expect(pty, "Tạo "));
    }
    screen.push_str(&expect(pty, "\n"));
    screen
}
