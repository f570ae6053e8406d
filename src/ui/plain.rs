//! Prompts without a terminal: each prompt is printed to stdout and each
//! answer is one line of stdin, so `printf 'Generative AI\n' | ontap study`
//! and scripts work. Multiple choice takes the option's number or its text;
//! the end of input ends the session like `q`.

use std::io::{BufRead, Write};

use unicode_normalization::UnicodeNormalization;

use super::{Prompter, Reply, command};
use crate::error::{Error, Result};

pub struct Plain<R, W> {
    input: R,
    output: W,
    /// Print each answer read after its prompt, so a transcript of piped
    /// input reads like the session did.
    echo: bool,
    /// The prompt under a numbered list of options.
    choice_prompt: String,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    pub fn new(input: R, output: W, echo: bool, choice_prompt: String) -> Plain<R, W> {
        Plain {
            input,
            output,
            echo,
            choice_prompt,
        }
    }

    /// Prints `prompt` and reads one line; `None` at the end of input.
    fn read_line(&mut self, prompt: &str) -> Result<Option<String>> {
        write!(self.output, "{prompt}: ").map_err(stdout_error)?;
        self.output.flush().map_err(stdout_error)?;
        let mut line = String::new();
        let read = self
            .input
            .read_line(&mut line)
            .map_err(|error| Error::io("<stdin>", error))?;
        if read == 0 {
            writeln!(self.output).map_err(stdout_error)?;
            return Ok(None);
        }
        let line = line.trim_end_matches(['\n', '\r']).to_string();
        if self.echo {
            writeln!(self.output, "{}", super::sanitize(&line)).map_err(stdout_error)?;
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

impl<R: BufRead, W: Write> Prompter for Plain<R, W> {
    fn say(&mut self, line: &str) -> Result<()> {
        writeln!(self.output, "{line}").map_err(stdout_error)
    }

    fn text(&mut self, prompt: &str) -> Result<Reply> {
        Ok(match self.read_line(prompt)? {
            None => Reply::Quit,
            Some(line) => command(&line).unwrap_or(Reply::Text(line)),
        })
    }

    fn choose(&mut self, prompt: &str, options: &[String], undo: Option<&str>) -> Result<Reply> {
        if !prompt.is_empty() {
            self.say(prompt)?;
        }
        for (number, option) in options.iter().enumerate() {
            writeln!(self.output, "  {}) {option}", number + 1).map_err(stdout_error)?;
        }
        if let Some(undo) = undo {
            writeln!(self.output, "  u) {undo}").map_err(stdout_error)?;
        }
        loop {
            let choice_prompt = self.choice_prompt.clone();
            let Some(line) = self.read_line(&choice_prompt)? else {
                return Ok(Reply::Quit);
            };
            let trimmed = line.trim();
            if trimmed == "u" && undo.is_some() {
                return Ok(Reply::Undo);
            }
            if let Some(reply) = command(trimmed) {
                return Ok(reply);
            }
            if let Ok(number) = trimmed.parse::<usize>()
                && (1..=options.len()).contains(&number)
            {
                return Ok(Reply::Choice(number - 1));
            }
            let wanted = normalized(trimmed);
            if let Some(index) = options
                .iter()
                .position(|option| normalized(option) == wanted)
            {
                return Ok(Reply::Choice(index));
            }
            writeln!(self.output, "? {}", super::sanitize(trimmed)).map_err(stdout_error)?;
        }
    }

    fn wait(&mut self, prompt: &str) -> Result<Reply> {
        Ok(match self.read_line(prompt)? {
            None => Reply::Quit,
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
        let reply = Plain::new(input.as_bytes(), &mut output, true, "#".into())
            .choose("", &options, Some("undo"))
            .unwrap();
        (reply, String::from_utf8(output).unwrap())
    }

    #[test]
    fn choices_by_number_or_text() {
        assert_eq!(run_choose("2\n").0, Reply::Choice(1));
        assert_eq!(run_choose("  tạo VĂN bản \n").0, Reply::Choice(0));
        assert_eq!(run_choose("u\n").0, Reply::Undo);
        assert_eq!(run_choose("").0, Reply::Quit);
        let (reply, output) = run_choose("9\nTạo hình ảnh\n");
        assert_eq!(reply, Reply::Choice(1));
        assert!(output.contains("1) Tạo văn bản"), "{output}");
        assert!(output.contains("? 9"), "{output}");
    }

    #[test]
    fn text_lines_and_commands() {
        let mut output = Vec::new();
        let mut plain = Plain::new(
            "Generative AI\n:u\nq\n".as_bytes(),
            &mut output,
            false,
            "#".into(),
        );
        assert_eq!(
            plain.text("Answer").unwrap(),
            Reply::Text("Generative AI".into())
        );
        assert_eq!(plain.text("Answer").unwrap(), Reply::Undo);
        assert_eq!(plain.text("Answer").unwrap(), Reply::Quit);
        assert_eq!(plain.text("Answer").unwrap(), Reply::Quit);
    }
}
