//! Keeps the terminal in key-at-a-time mode for the whole session.
//!
//! Key reads put the terminal in raw mode only while they wait for a key;
//! between two reads (while a verdict, the next prompt or the edited line
//! is drawn) it would be back in its usual cooked mode, and bytes arriving
//! then are handled by the kernel's line discipline instead of by us:
//! - a Ctrl-C becomes a SIGINT that the blocked read after it never
//!   notices, so the session would seem to ignore it;
//! - the backspaces of a Vietnamese input method's rebuild (Telex, VNI send
//!   "\x7f\x7fạo" in one write) erase nothing we can see, so "tạo" would
//!   arrive as "taoạo", and the kernel echoes keys we draw ourselves.
//!
//! With `ISIG`, `ICANON`, `ECHO` and `IEXTEN` off for the session, every
//! byte waits in the input queue for the next read. Output processing is
//! left alone, so lines still end properly. The cost: Ctrl-Z and Ctrl-\ do
//! not send their signals while a session runs.

use std::sync::Mutex;

#[cfg(unix)]
type Saved = rustix::termios::Termios;
#[cfg(not(unix))]
type Saved = ();

/// The settings found at start, for the guard and for the interrupt
/// handler's hard exit, which does not unwind.
static SAVED: Mutex<Option<Saved>> = Mutex::new(None);

/// Turns line editing, echo and signal keys off until dropped (or
/// [`restore`] is called).
pub struct KeysStayRaw;

impl KeysStayRaw {
    /// Turns them off on standard input, the terminal the keys come from.
    pub fn install() -> KeysStayRaw {
        #[cfg(unix)]
        if let Some(saved) = keys_stay_raw(std::io::stdin())
            && let Ok(mut slot) = SAVED.lock()
        {
            *slot = Some(saved);
        }
        KeysStayRaw
    }
}

/// Turns `ISIG`, `ICANON`, `ECHO` and `IEXTEN` off on `terminal`; returns
/// the settings it had, or `None` when it is no terminal or refuses.
#[cfg(unix)]
fn keys_stay_raw(terminal: impl rustix::fd::AsFd) -> Option<Saved> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let saved = tcgetattr(&terminal).ok()?;
    let mut quiet = saved.clone();
    quiet
        .local_modes
        .remove(LocalModes::ISIG | LocalModes::ICANON | LocalModes::ECHO | LocalModes::IEXTEN);
    tcsetattr(&terminal, OptionalActions::Now, &quiet).ok()?;
    Some(saved)
}

impl Drop for KeysStayRaw {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal settings found at start back, once.
pub fn restore() {
    let saved = match SAVED.lock() {
        Ok(mut slot) => slot.take(),
        Err(_) => None,
    };
    #[cfg(unix)]
    if let Some(saved) = saved {
        // The terminal may be gone already; nothing more can be done then.
        let _ = rustix::termios::tcsetattr(
            std::io::stdin(),
            rustix::termios::OptionalActions::Now,
            &saved,
        );
    }
    #[cfg(not(unix))]
    let _ = saved;
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use rustix::termios::{LocalModes, tcgetattr};

    #[test]
    fn line_editing_echo_and_signal_keys_are_off_then_restored() {
        let master = rustix::pty::openpt(rustix::pty::OpenptFlags::RDWR).unwrap();
        rustix::pty::grantpt(&master).unwrap();
        rustix::pty::unlockpt(&master).unwrap();
        let name = rustix::pty::ptsname(&master, Vec::new()).unwrap();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        assert!(
            tcgetattr(&slave)
                .unwrap()
                .local_modes
                .contains(LocalModes::ISIG)
        );

        let saved = keys_stay_raw(&slave).unwrap();
        assert!(
            !tcgetattr(&slave)
                .unwrap()
                .local_modes
                .contains(LocalModes::ISIG)
        );
        assert!(saved.local_modes.contains(LocalModes::ISIG));

        rustix::termios::tcsetattr(&slave, rustix::termios::OptionalActions::Now, &saved).unwrap();
        assert!(
            tcgetattr(&slave)
                .unwrap()
                .local_modes
                .contains(LocalModes::ISIG)
        );
    }

    #[test]
    fn no_terminal_is_left_alone() {
        let file = tempfile::tempfile().unwrap();
        assert!(keys_stay_raw(&file).is_none());
    }
}
