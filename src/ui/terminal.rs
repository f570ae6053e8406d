//! Prompts on a terminal: our own [`line`](super::line) editor for typed
//! answers (dialoguer's `Input` ignores Esc), dialoguer's `Select` for
//! multiple choice and grades, a single key for "press Enter". Lines of
//! output are wrapped at word boundaries to the terminal's width.
//!
//! Ctrl-C: the terminal stays in key-at-a-time mode for the session (see
//! [`keys`](super::keys)), so our key reads get it as a key. dialoguer's menus read keys in raw
//! mode and, on Ctrl-C, raise SIGINT themselves before returning an
//! `Interrupted` error. A handler installed here turns the first SIGINT into
//! a flag, so the error ends the session with its summary and the cursor is
//! shown again; a second Ctrl-C exits at once.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use colored::Colorize;
use dialoguer::Select;
use dialoguer::console::{Key, Term, measure_text_width};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use super::keys::KeysStayRaw;
use super::line::{Edit, LineEditor, render};
use super::text::fit;
use super::{Extras, Prompter, Reply, command, wrap};
use crate::error::{Error, Result};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    _keys_stay_raw: KeysStayRaw,
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
            _keys_stay_raw: KeysStayRaw::install(),
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

impl Terminal {
    /// Reads one typed answer with the line editor, redrawing the prompt and
    /// the line after each key; the line stays on screen as typed.
    fn read_line(&self, prompt: &str) -> std::io::Result<Edit> {
        let prompt = format!("{} {} ", prompt.bold(), "›".dimmed());
        let prompt_width = measure_text_width(&prompt);
        let mut editor = LineEditor::default();
        let mut cursor_row = 0;
        let mut edit = Edit::Continue;
        loop {
            if edit != Edit::Continue {
                // Leave the whole line on screen, the cursor at its end.
                editor.key(Key::End);
            }
            let (_, columns) = self.term.size();
            let (drawn, row) = render(
                &prompt,
                prompt_width,
                &editor,
                usize::from(columns),
                cursor_row,
            );
            self.term.write_str(&drawn)?;
            if edit != Edit::Continue {
                // A line that filled its last row already moved below it.
                if !drawn.ends_with("\r\n\r") {
                    self.term.write_line("")?;
                }
                return Ok(edit);
            }
            self.term.flush()?;
            cursor_row = row;
            // A SIGINT sent from outside while the line was drawn.
            let key = if interrupted() {
                Key::CtrlC
            } else {
                self.term.read_key_raw()?
            };
            edit = editor.key(key);
        }
    }
}

/// The columns a menu item may take on a terminal `columns` wide: the
/// theme puts two before it (`❯ `), and one is kept free, since a row
/// filled to the last column wraps on some terminals.
fn menu_item_room(columns: usize) -> usize {
    columns.saturating_sub(3).max(8)
}

fn install_interrupt_handler() {
    // Failing to install (a handler already set) leaves the default: Ctrl-C
    // then ends the process, every answer already saved.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            let _ = Term::stderr().show_cursor();
            super::keys::restore();
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
        let (_, columns) = self.term.size();
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{}", wrap(line, usize::from(columns)))
            .and_then(|()| stdout.flush())
            .map_err(|error| Error::io("<stdout>", error))
    }

    fn is_terminal(&self) -> bool {
        true
    }

    fn text(&mut self, prompt: &str) -> Result<Reply> {
        if interrupted() {
            return Ok(Reply::Quit);
        }
        match self.read_line(prompt) {
            Ok(Edit::Submit(line)) => Ok(command(&line).unwrap_or(Reply::Text(line))),
            Ok(_) => Ok(Reply::Quit),
            Err(error) => self.ended(error),
        }
    }

    fn choose(&mut self, prompt: &str, options: &[String], extras: Extras) -> Result<Reply> {
        let Extras { undo, overrule } = extras;
        if interrupted() {
            return Ok(Reply::Quit);
        }
        // The menu redraws itself one row per item: an item wider than the
        // terminal would wrap and leave rows behind, so it is cut to fit
        // (the pick is printed whole afterwards).
        let (_, columns) = self.term.size();
        let room = menu_item_room(usize::from(columns));
        let items: Vec<String> = options.iter().map(|option| fit(option, room)).collect();
        let mut select = Select::with_theme(self.theme.as_ref())
            .items(&items)
            .default(0);
        if !prompt.is_empty() {
            select = select.with_prompt(prompt);
        }
        // The extra entries follow the options: undo, then "I was right".
        let mut extra_replies = Vec::new();
        for (label, reply) in [(undo, Reply::Undo), (overrule, Reply::Overrule)] {
            if let Some(label) = label {
                select = select.item(fit(label, room));
                extra_replies.push(reply);
            }
        }
        match select.interact_on_opt(&self.term) {
            Ok(_) if interrupted() => Ok(Reply::Quit),
            Ok(Some(index)) if index < options.len() => {
                // The menu clears itself: keep the pick on screen.
                if let Some(option) = options.get(index) {
                    self.say(&format!("› {option}"))?;
                }
                Ok(Reply::Choice(index))
            }
            Ok(Some(index)) => Ok(index
                .checked_sub(options.len())
                .and_then(|extra| extra_replies.get(extra))
                .cloned()
                .unwrap_or(Reply::Quit)),
            Ok(None) => Ok(Reply::Quit),
            Err(error) => {
                // Interrupted, the menu stays drawn: take it off the screen.
                let drawn = options.len() + extra_replies.len();
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
            match self.term.read_key_raw() {
                Ok(_) if interrupted() => return Ok(Reply::Quit),
                Ok(Key::Enter | Key::Char(' ')) => return Ok(Reply::Text(String::new())),
                Ok(Key::Escape | Key::CtrlC | Key::Char('q')) => return Ok(Reply::Quit),
                Ok(Key::Char('u')) => return Ok(Reply::Undo),
                Ok(Key::Char('o')) => return Ok(Reply::Overrule),
                Ok(_) => {}
                Err(error) => return self.ended(error),
            }
        }
    }
}
