//! Prompts on a terminal through dialoguer: `Input` for typed answers,
//! `Select` for multiple choice and grades, a single key for "press Enter".
//!
//! Ctrl-C: dialoguer reads keys in raw mode and, on Ctrl-C, raises SIGINT
//! itself before returning an `Interrupted` error. A handler installed here
//! turns the first SIGINT into a flag, so the error ends the session with
//! its summary and the cursor is shown again; a second Ctrl-C exits at once.

use std::sync::atomic::{AtomicBool, Ordering};

use dialoguer::console::{Key, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, Select};

use super::{Prompter, Reply, command};
use crate::error::{Error, Result};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
}

impl Terminal {
    /// A terminal prompter; `color` says whether prompts may be coloured.
    pub fn new(color: bool) -> Terminal {
        dialoguer::console::set_colors_enabled(color);
        dialoguer::console::set_colors_enabled_stderr(color);
        install_interrupt_handler();
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal {
            term: Term::stderr(),
            theme,
        }
    }

    /// Leaves the terminal as it was found: the cursor shown.
    pub fn restore(&self) {
        // Nothing more can be done if the terminal is gone.
        let _ = self.term.show_cursor();
    }

    /// Maps a prompt's error: Ctrl-C and a closed terminal end the session.
    fn ended(&self, error: std::io::Error) -> Result<Reply> {
        self.restore();
        match error.kind() {
            std::io::ErrorKind::Interrupted | std::io::ErrorKind::UnexpectedEof => Ok(Reply::Quit),
            _ => Err(Error::io("<terminal>", error)),
        }
    }
}

fn install_interrupt_handler() {
    // Failing to install (a handler already set) leaves the default: Ctrl-C
    // then ends the process, every answer already saved.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            let _ = Term::stderr().show_cursor();
            std::process::exit(130);
        }
    });
}

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

fn io_error(error: dialoguer::Error) -> std::io::Error {
    match error {
        dialoguer::Error::IO(error) => error,
    }
}

impl Prompter for Terminal {
    fn say(&mut self, line: &str) -> Result<()> {
        println!("{line}");
        Ok(())
    }

    fn text(&mut self, prompt: &str) -> Result<Reply> {
        if interrupted() {
            return Ok(Reply::Quit);
        }
        let read = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text_on(&self.term);
        match read {
            Ok(_) if interrupted() => Ok(Reply::Quit),
            Ok(line) => Ok(command(&line).unwrap_or(Reply::Text(line))),
            Err(error) => self.ended(io_error(error)),
        }
    }

    fn choose(&mut self, prompt: &str, options: &[String], undo: Option<&str>) -> Result<Reply> {
        if interrupted() {
            return Ok(Reply::Quit);
        }
        let mut select = Select::with_theme(self.theme.as_ref())
            .items(options)
            .default(0);
        if !prompt.is_empty() {
            select = select.with_prompt(prompt);
        }
        if let Some(undo) = undo {
            select = select.item(undo);
        }
        match select.interact_on_opt(&self.term) {
            Ok(_) if interrupted() => Ok(Reply::Quit),
            Ok(Some(index)) if index < options.len() => {
                // The menu clears itself: keep the pick on screen.
                if let Some(option) = options.get(index) {
                    println!("› {option}");
                }
                Ok(Reply::Choice(index))
            }
            Ok(Some(_)) => Ok(Reply::Undo),
            Ok(None) => Ok(Reply::Quit),
            Err(error) => {
                // Interrupted, the menu stays drawn: take it off the screen.
                let drawn = options.len() + usize::from(undo.is_some());
                let _ = self.term.clear_last_lines(drawn);
                self.ended(io_error(error))
            }
        }
    }

    fn wait(&mut self, prompt: &str) -> Result<Reply> {
        if interrupted() {
            return Ok(Reply::Quit);
        }
        self.term
            .write_line(prompt)
            .map_err(|error| Error::io("<terminal>", error))?;
        loop {
            match self.term.read_key() {
                Ok(_) if interrupted() => return Ok(Reply::Quit),
                Ok(Key::Enter | Key::Char(' ')) => return Ok(Reply::Text(String::new())),
                Ok(Key::Escape | Key::Char('q')) => return Ok(Reply::Quit),
                Ok(Key::Char('u')) => return Ok(Reply::Undo),
                Ok(_) => {}
                Err(error) => return self.ended(error),
            }
        }
    }
}
