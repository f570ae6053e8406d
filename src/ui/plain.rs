//! Prompts without a terminal: each prompt is printed to stdout and each
//! answer is one line of stdin, so `printf 'AI tạo sinh\n' | ontap study`
//! and scripts work. Multiple choice takes the option's number or its text;
//! the end of input ends the session like `q`, and so does Ctrl-C: stdin
//! is read on a thread ([`Interruptible`]) so that Ctrl-C can end the wait
//! and the session still shows its summary.

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use unicode_normalization::UnicodeNormalization;

use super::{Extras, Prompter, Reply, command};
use crate::cli::Lang;
use crate::error::{Error, Result};
use crate::i18n::Msg;

/// Where plain prompts get their lines.
pub trait Lines {
    /// The next line without its line break; `None` at the end of input.
    fn next_line(&mut self) -> Result<Option<String>>;
}

/// Lines from any reader (tests, a file).
pub struct Reader<R>(pub R);

impl<R: BufRead> Lines for Reader<R> {
    fn next_line(&mut self) -> Result<Option<String>> {
        let mut line = String::new();
        let read = self
            .0
            .read_line(&mut line)
            .map_err(|error| Error::io("<stdin>", error))?;
        Ok((read > 0).then(|| line.trim_end_matches(['\n', '\r']).to_string()))
    }
}

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

enum Line {
    Text(String),
    End,
    Failed(std::io::Error),
}

/// Lines of stdin read on their own thread, so that Ctrl-C ends the wait:
/// the first Ctrl-C is the end of input (the session shows its summary;
/// every answer is already saved), a second one exits at once.
pub struct Interruptible {
    lines: Receiver<Line>,
}

impl Interruptible {
    pub fn stdin() -> Interruptible {
        // One line read ahead at most: the rest stays in stdin.
        let (sender, lines) = sync_channel(1);
        let interrupt = sender.clone();
        // Without a handler (one already set) Ctrl-C ends the process as
        // before; every answer is saved all the same.
        let _ = ctrlc::set_handler(move || {
            if INTERRUPTED.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            // A full channel means a line is waiting: `next_line` sees the flag.
            let _ = interrupt.try_send(Line::End);
        });
        std::thread::spawn(move || read_stdin(&sender));
        Interruptible { lines }
    }
}

fn read_stdin(sender: &SyncSender<Line>) {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    loop {
        let mut line = String::new();
        let message = match input.read_line(&mut line) {
            Ok(0) => Line::End,
            Ok(_) => Line::Text(line.trim_end_matches(['\n', '\r']).to_string()),
            Err(error) => Line::Failed(error),
        };
        let last = !matches!(message, Line::Text(_));
        if sender.send(message).is_err() || last {
            return;
        }
    }
}

impl Lines for Interruptible {
    fn next_line(&mut self) -> Result<Option<String>> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Ok(None);
        }
        match self.lines.recv() {
            Ok(Line::Text(_)) if INTERRUPTED.load(Ordering::SeqCst) => Ok(None),
            Ok(Line::Text(line)) => Ok(Some(line)),
            Ok(Line::Failed(error)) => Err(Error::io("<stdin>", error)),
            Ok(Line::End) | Err(_) => Ok(None),
        }
    }
}

pub struct Plain<R, W> {
    input: R,
    output: W,
    /// Print each answer read after its prompt, so a transcript of piped
    /// input reads like the session did.
    echo: bool,
    lang: Lang,
}

impl<R: Lines, W: Write> Plain<R, W> {
    pub fn new(input: R, output: W, echo: bool, lang: Lang) -> Plain<R, W> {
        Plain {
            input,
            output,
            echo,
            lang,
        }
    }

    /// Prints `prompt` and reads one line; `None` at the end of input.
    fn read_line(&mut self, prompt: &str) -> Result<Option<String>> {
        write!(self.output, "{prompt}: ").map_err(stdout_error)?;
        self.output.flush().map_err(stdout_error)?;
        let Some(line) = self.input.next_line()? else {
            writeln!(self.output).map_err(stdout_error)?;
            return Ok(None);
        };
        if self.echo {
            // Best effort: an answer read is acted on even when its echo
            // cannot be shown (the reader of stdout went away).
            let _ = writeln!(self.output, "{}", super::sanitize(&line));
        }
        Ok(Some(line))
    }
}

fn stdout_error(error: std::io::Error) -> Error {
    Error::io("<stdout>", error)
}

/// Compares option texts the way a person would: case, surrounding space
/// and Unicode composition do not matter.
fn normalized(text: &str) -> String {
    text.trim().nfc().collect::<String>().to_lowercase()
}

/// The option `text` names: the one spelled so, else the only one spelled
/// so before a parenthesis (`good` for the grade `Good (3 days)`), else the
/// only one spelled so but for its accents.
fn option_named(options: &[String], text: &str) -> Option<usize> {
    let wanted = normalized(text);
    if let Some(index) = options
        .iter()
        .position(|option| normalized(option) == wanted)
    {
        return Some(index);
    }
    let before_parenthesis = |option: &String| {
        option
            .split_once(" (")
            .is_some_and(|(head, _)| normalized(head) == wanted)
    };
    if let Some(index) = only(options, before_parenthesis) {
        return Some(index);
    }
    // Typed without Vietnamese accents (`Tao video` for `Tạo video`), as a
    // typed answer may be: when only one option reads so.
    let bare = crate::judge::strip_diacritics(&wanted);
    only(options, |option| {
        crate::judge::strip_diacritics(&normalized(option)) == bare
    })
}

/// The index of the one option `matches` accepts; `None` for none or several.
fn only(options: &[String], matches: impl Fn(&String) -> bool) -> Option<usize> {
    let mut named = options
        .iter()
        .enumerate()
        .filter(|(_, option)| matches(option));
    match (named.next(), named.next()) {
        (Some((index, _)), None) => Some(index),
        _ => None,
    }
}

impl<R: Lines, W: Write> Prompter for Plain<R, W> {
    fn say(&mut self, line: &str) -> Result<()> {
        writeln!(self.output, "{line}").map_err(stdout_error)
    }

    fn text(&mut self, prompt: &str) -> Result<Reply> {
        Ok(match self.read_line(prompt)? {
            None => Reply::Quit,
            Some(line) => command(&line).unwrap_or(Reply::Text(line)),
        })
    }

    fn choose(&mut self, prompt: &str, options: &[String], extras: Extras) -> Result<Reply> {
        let Extras { undo, overrule } = extras;
        if !prompt.is_empty() {
            self.say(prompt)?;
        }
        for (number, option) in options.iter().enumerate() {
            writeln!(self.output, "  {}) {option}", number + 1).map_err(stdout_error)?;
        }
        if let Some(undo) = undo {
            writeln!(self.output, "  u) {undo}").map_err(stdout_error)?;
        }
        if let Some(overrule) = overrule {
            writeln!(self.output, "  ok) {overrule}").map_err(stdout_error)?;
        }
        loop {
            let choice_prompt = Msg::PlainChoicePrompt.text(self.lang);
            let Some(line) = self.read_line(&choice_prompt)? else {
                return Ok(Reply::Quit);
            };
            let trimmed = line.trim();
            // A blank line picks nothing: ask again, without a complaint.
            if trimmed.is_empty() {
                continue;
            }
            if trimmed == "u" && undo.is_some() {
                return Ok(Reply::Undo);
            }
            if matches!(trimmed, "ok" | ":ok") && overrule.is_some() {
                return Ok(Reply::Overrule);
            }
            if let Some(reply) = command(trimmed) {
                return Ok(reply);
            }
            if let Ok(number) = trimmed.parse::<usize>()
                && (1..=options.len()).contains(&number)
            {
                return Ok(Reply::Choice(number - 1));
            }
            if let Some(index) = option_named(options, trimmed) {
                return Ok(Reply::Choice(index));
            }
            let not_a_choice = Msg::NotAChoice(&super::sanitize(trimmed)).text(self.lang);
            writeln!(self.output, "{not_a_choice}").map_err(stdout_error)?;
        }
    }

    fn wait(&mut self, prompt: &str) -> Result<Reply> {
        Ok(match self.read_line(prompt)? {
            None => Reply::Quit,
            // The prompt offers `u` and `o` as on a terminal, where each is one key.
            Some(line) if line.trim() == "u" => Reply::Undo,
            Some(line) if matches!(line.trim(), "o" | "ok") => Reply::Overrule,
            Some(line) => command(&line).unwrap_or(Reply::Text(line)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_choose(input: &str) -> (Reply, String) {
        let mut output = Vec::new();
        let options = vec!["Tạo văn bản".to_string(), "Tạo hình ảnh".to_string()];
        let reply = Plain::new(Reader(input.as_bytes()), &mut output, true, Lang::En)
            .choose(
                "",
                &options,
                Extras {
                    undo: Some("undo"),
                    overrule: None,
                },
            )
            .unwrap();
        (reply, String::from_utf8(output).unwrap())
    }

    #[test]
    fn choices_by_number_or_text() {
        assert_eq!(run_choose("2\n").0, Reply::Choice(1));
        assert_eq!(run_choose("  tạo VĂN bản \n").0, Reply::Choice(0));
        assert_eq!(run_choose("u\n").0, Reply::Undo);
        assert_eq!(run_choose("tao hinh anh\n").0, Reply::Choice(1));
        assert_eq!(run_choose("").0, Reply::Quit);
        let (reply, output) = run_choose("\n  \n2\n");
        assert_eq!(reply, Reply::Choice(1));
        assert!(!output.contains("not one of the choices"), "{output}");
        let (reply, output) = run_choose("9\nTạo hình ảnh\n");
        assert_eq!(reply, Reply::Choice(1));
        assert!(output.contains("1) Tạo văn bản"), "{output}");
        assert!(
            output.contains("“9” is not one of the choices; type its number or its text."),
            "{output}"
        );
    }

    #[test]
    fn a_grade_by_its_name() {
        let grades: Vec<String> = [
            "Again (1 min)",
            "Hard (5 min)",
            "Good (10 min)",
            "Easy (3 days)",
        ]
        .map(String::from)
        .to_vec();
        let choose = |input: &str| {
            Plain::new(Reader(input.as_bytes()), Vec::new(), false, Lang::En)
                .choose("", &grades, Extras::default())
                .unwrap()
        };
        assert_eq!(choose("good\n"), Reply::Choice(2));
        assert_eq!(choose(" EASY \n"), Reply::Choice(3));
        assert_eq!(choose("Hard (5 min)\n"), Reply::Choice(1));
        // A name shared by two options is no choice.
        let twins = vec!["LLM (a)".to_string(), "LLM (b)".to_string()];
        let reply = Plain::new(Reader("LLM\n".as_bytes()), Vec::new(), false, Lang::En)
            .choose("", &twins, Extras::default())
            .unwrap();
        assert_eq!(reply, Reply::Quit);
    }

    #[test]
    fn text_lines_and_commands() {
        let mut output = Vec::new();
        let mut plain = Plain::new(
            Reader("Generative AI\n:u\nq\n".as_bytes()),
            &mut output,
            false,
            Lang::En,
        );
        assert_eq!(
            plain.text("Answer").unwrap(),
            Reply::Text("Generative AI".into())
        );
        assert_eq!(plain.text("Answer").unwrap(), Reply::Undo);
        assert_eq!(plain.text("Answer").unwrap(), Reply::Quit);
        assert_eq!(plain.text("Answer").unwrap(), Reply::Quit);
        let mut plain = Plain::new(Reader("u\n\n".as_bytes()), Vec::new(), false, Lang::En);
        assert_eq!(plain.wait("Press Enter").unwrap(), Reply::Undo);
        assert_eq!(
            plain.wait("Press Enter").unwrap(),
            Reply::Text(String::new())
        );
    }
}
