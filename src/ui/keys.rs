//! Keeps Ctrl-C a key for the whole terminal session.
//!
//! Key reads put the terminal in raw mode only while they wait for a key.
//! A Ctrl-C typed between two reads (while a verdict or the next prompt is
//! being drawn) would otherwise become a SIGINT that the blocked read after
//! it never notices, so the session would seem to ignore it. With the
//! terminal's `ISIG` off for the session, that Ctrl-C stays in the input
//! queue and the next read takes it as Ctrl-C. The cost: Ctrl-Z and Ctrl-\
//! do not send their signals while a session runs.

use std::sync::Mutex;

#[cfg(unix)]
type Saved = rustix::termios::Termios;
#[cfg(not(unix))]
type Saved = ();

/// The settings found at start, for the guard and for the interrupt
/// handler's hard exit, which does not unwind.
static SAVED: Mutex<Option<Saved>> = Mutex::new(None);

/// Turns `ISIG` off until dropped (or [`restore`] is called).
pub struct CtrlCAsKey;

impl CtrlCAsKey {
    /// Turns `ISIG` off on standard input, the terminal the keys come from.
    pub fn install() -> CtrlCAsKey {
        #[cfg(unix)]
        if let Some(saved) = disable_signal_keys(std::io::stdin())
            && let Ok(mut slot) = SAVED.lock()
        {
            *slot = Some(saved);
        }
        CtrlCAsKey
    }
}

/// Turns `ISIG` off on `terminal`; returns the settings it had, or `None`
/// when it is no terminal or refuses.
#[cfg(unix)]
fn disable_signal_keys(terminal: impl rustix::fd::AsFd) -> Option<Saved> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let saved = tcgetattr(&terminal).ok()?;
    let mut quiet = saved.clone();
    quiet.local_modes.remove(LocalModes::ISIG);
    tcsetattr(&terminal, OptionalActions::Now, &quiet).ok()?;
    Some(saved)
}

impl Drop for CtrlCAsKey {
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
    fn signal_keys_are_off_then_restored() {
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

        let saved = disable_signal_keys(&slave).unwrap();
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
        assert!(disable_signal_keys(&file).is_none());
    }
}
