//! Drawing sessions and reading the user's actions. [`Prompter`] is the
//! small prompt abstraction: `terminal` implements it with dialoguer when
//! stdin (and stderr, where dialoguer draws) is a terminal, `plain` with one
//! line of stdin per answer otherwise. [`drive`] runs a [`Session`] through a
//! prompter; every deck string is [`sanitize`]d before it is printed.

pub mod keys;
pub mod line;
pub mod plain;
pub mod terminal;
pub mod text;

use std::io::IsTerminal;

use colored::Colorize;

use crate::cli::{Config, Lang};
use crate::clock::{self, Timestamp};
use crate::deck::{CardKind, Direction, InputKind};
use crate::error::{Error, Result};
use crate::i18n::{Msg, RatingName};
use crate::judge::{CloseReason, Grade};
use crate::queue::Waiting;
use crate::scheduler::Rating;
use crate::session::{Action, Ask, Feedback, Mode, Outcome, Progress, Question, Session, Summary};
pub use text::{fit, json_safe, sanitize, sanitize_multiline, wrap};

/// What the user did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A typed line (or Enter alone at a "press Enter" prompt).
    Text(String),
    /// The index of the option picked.
    Choice(usize),
    Undo,
    /// "I was right": count the last answer correct.
    Overrule,
    Quit,
}

/// The extra entries a menu offers besides its options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extras<'a> {
    /// The label of an "undo" entry.
    pub undo: Option<&'a str>,
    /// The label of an "I was right" entry.
    pub overrule: Option<&'a str>,
}

/// Asks the user things and shows lines of output.
pub trait Prompter {
    /// Prints one line of output.
    fn say(&mut self, line: &str) -> Result<()>;
    /// Asks for a typed answer.
    fn text(&mut self, prompt: &str) -> Result<Reply>;
    /// Asks to pick one of `options`, or one of the `extras` entries.
    fn choose(&mut self, prompt: &str, options: &[String], extras: Extras) -> Result<Reply>;
    /// Waits for Enter (→ `Reply::Text("")`), undo or quit.
    fn wait(&mut self, prompt: &str) -> Result<Reply>;
    /// Whether keys (Esc, arrows) are read, rather than lines.
    fn is_terminal(&self) -> bool {
        false
    }
}

/// The typed commands understood at any text prompt: `:u`/`:undo`,
/// `:ok` ("I was right"), `q`/`:q`/`:quit`.
pub fn command(text: &str) -> Option<Reply> {
    match text.trim() {
        ":u" | ":undo" => Some(Reply::Undo),
        ":ok" => Some(Reply::Overrule),
        "q" | ":q" | ":quit" => Some(Reply::Quit),
        _ => None,
    }
}

/// Runs `session` with the prompter `config` calls for (dialoguer on a
/// terminal, plain lines otherwise) and prints its summary.
pub fn run(config: &Config, session: &mut Session) -> Result<Summary> {
    let result = if config.interactive && std::io::stderr().is_terminal() {
        let mut prompter = terminal::Terminal::new(config.color);
        let summary = drive(session, &mut prompter, config.lang, &clock::now);
        prompter.restore();
        summary
    } else {
        let mut prompter = plain::Plain::new(
            plain::Interruptible::stdin(),
            std::io::stdout(),
            !config.interactive,
            config.lang,
        );
        drive(session, &mut prompter, config.lang, &clock::now)
    };
    match result {
        // The reader went away (`ontap study | head`): the session ends
        // there, every answer already saved.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(session.summary())
        }
        other => other,
    }
}

/// Asks for one line of text, on the terminal when there is one, else as
/// one line of stdin; `None` when the user quits (Esc, `:q`) or input ends.
pub fn ask_line(config: &Config, prompt: &str) -> Result<Option<String>> {
    let reply = if config.interactive && std::io::stderr().is_terminal() {
        let mut prompter = terminal::Terminal::new(config.color);
        let reply = prompter.text(prompt);
        prompter.restore();
        reply?
    } else {
        let mut prompter = plain::Plain::new(
            plain::Interruptible::stdin(),
            std::io::stdout(),
            !config.interactive,
            config.lang,
        );
        prompter.text(prompt)?
    };
    Ok(match reply {
        Reply::Text(text) => Some(text),
        Reply::Choice(_) | Reply::Undo | Reply::Overrule | Reply::Quit => None,
    })
}

/// How many columns standard output has when it is a terminal.
pub fn terminal_columns() -> Option<usize> {
    #[cfg(unix)]
    {
        let stdout = std::io::stdout();
        if !stdout.is_terminal() {
            return None;
        }
        rustix::termios::tcgetwinsize(&stdout)
            .ok()
            .map(|size| usize::from(size.ws_col))
            .filter(|columns| *columns > 0)
    }
    #[cfg(not(unix))]
    {
        dialoguer::console::Term::stdout()
            .size_checked()
            .map(|(_, columns)| usize::from(columns))
    }
}

/// Prints one warning line on stderr, after whatever stdout holds so far.
pub fn print_warning(line: &str) {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Prints one line on stdout; a reader that went away is no error.
pub fn print_line(line: &str) -> Result<()> {
    print(format!("{line}\n").as_bytes())
}

/// Prints `bytes` (a file's text: a table, JSON, a man page) on stdout; a
/// reader that went away is no error.
pub fn print(bytes: &[u8]) -> Result<()> {
    write_out(&mut std::io::stdout().lock(), bytes)
}

/// Writes `bytes` to `out`, standard output or a stand-in for it, and
/// flushes: the one closed-pipe-tolerant writer. A reader that went away
/// (`ontap decks | head -1`) is no error: what was asked for is done.
pub fn write_out(out: &mut dyn std::io::Write, bytes: &[u8]) -> Result<()> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("<stdout>", error))
        }
        _ => Ok(()),
    }
}

/// Asks `session`'s questions through `ui` until it is over or the user
/// quits, then shows and returns the summary. `clock` is read at each answer.
pub fn drive(
    session: &mut Session,
    ui: &mut dyn Prompter,
    lang: Lang,
    clock: &dyn Fn() -> Result<Timestamp>,
) -> Result<Summary> {
    let mode = session.mode();
    let mut quit = false;
    let mut hinted = false;
    while !quit {
        let Some(question) = session.question(clock()?).cloned() else {
            // The last answer can still be taken back before the summary.
            if session.summary().answered > 0 {
                ui.say("")?;
                let last = if session.can_overrule() {
                    Msg::LastQuestionDoneOverrule
                } else {
                    Msg::LastQuestionDone
                };
                match ui.wait(&last.text(lang).dimmed().to_string())? {
                    Reply::Undo => {
                        if let Outcome::Undone { prompt } = session.act(Action::Undo, clock()?)? {
                            let undone = Msg::Undone(&sanitize(&prompt)).text(lang);
                            ui.say(&undone.yellow().to_string())?;
                            continue;
                        }
                    }
                    Reply::Overrule if session.can_overrule() => {
                        let outcome = session.act(Action::Overrule, clock()?)?;
                        show_overruled(ui, lang, &outcome)?;
                        continue;
                    }
                    // Leaving here is finishing, not quitting: the
                    // session ran out of questions.
                    Reply::Quit | Reply::Text(_) | Reply::Choice(_) | Reply::Overrule => {}
                }
            }
            break;
        };
        if !hinted {
            let hint = if ui.is_terminal() {
                Msg::KeysHint
            } else {
                Msg::KeysHintPlain
            };
            ui.say(&hint.text(lang).dimmed().to_string())?;
            hinted = true;
        }
        show_question(ui, lang, &question)?;
        let mut action = ask(ui, lang, &question, session.can_overrule())?;
        loop {
            let outcome = session.act(action, clock()?)?;
            match outcome {
                Outcome::Revealed(reveal) => {
                    let answer = reveal.answers.join(", ");
                    ui.say(
                        &Msg::Answer(&sanitize(&answer))
                            .text(lang)
                            .bold()
                            .to_string(),
                    )?;
                    let labels: Vec<String> = reveal
                        .options
                        .iter()
                        .map(|(rating, next)| {
                            Msg::GradeOption {
                                rating: rating_name(*rating),
                                next: *next,
                            }
                            .text(lang)
                        })
                        .collect();
                    let undo = Msg::UndoEntry.text(lang);
                    let extras = Extras {
                        undo: question.can_undo.then_some(&*undo),
                        overrule: None,
                    };
                    let reply = ui.choose("", &labels, extras)?;
                    action = match reply {
                        Reply::Choice(index) => reveal
                            .options
                            .get(index)
                            .map_or(Action::Reveal, |(rating, _)| Action::Grade(*rating)),
                        Reply::Text(text) => grade_from_text(&text).unwrap_or(Action::Reveal),
                        Reply::Undo => Action::Undo,
                        Reply::Overrule => Action::Overrule,
                        Reply::Quit => Action::Quit,
                    };
                    continue;
                }
                Outcome::Judged(feedback) => {
                    show_feedback(ui, lang, mode, &feedback)?;
                    if session.can_overrule() {
                        let hint = if ui.is_terminal() {
                            Msg::OverruleHint
                        } else {
                            Msg::OverruleMenuLine
                        };
                        ui.say(&hint.text(lang).dimmed().to_string())?;
                    }
                }
                outcome @ (Outcome::Overruled(_) | Outcome::NothingToOverrule) => {
                    show_overruled(ui, lang, &outcome)?;
                }
                Outcome::Undone { prompt } => ui.say(
                    &Msg::Undone(&sanitize(&prompt))
                        .text(lang)
                        .yellow()
                        .to_string(),
                )?,
                Outcome::NothingToUndo => ui.say(&Msg::NothingToUndo.text(lang))?,
                Outcome::Ignored => {}
                Outcome::Finished => quit = true,
            }
            break;
        }
    }
    let summary = session.summary();
    show_summary(ui, lang, &summary)?;
    if !quit && matches!(mode, Mode::Study | Mode::Flip) {
        let now = clock()?;
        if let Some(due) = session.next_due(now) {
            ui.say(&Msg::NextCardIn(due - now).text(lang).dimmed().to_string())?;
        }
        if let Some(waiting) = session.waiting_new() {
            for line in waiting_lines(waiting, session.new_per_day(), lang) {
                ui.say(&line.dimmed().to_string())?;
            }
        }
    }
    Ok(summary)
}

/// Why new cards are left for tomorrow, one line per reason (none when
/// no card waits).
pub fn waiting_lines(waiting: Waiting, new_per_day: usize, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if waiting.siblings > 0 {
        lines.push(Msg::NewCardsWaitForSiblings(waiting.siblings).text(lang));
    }
    if waiting.daily_limit > 0 {
        let message = Msg::NewCardsWaitForLimit {
            count: waiting.daily_limit,
            limit: new_per_day,
        };
        lines.push(message.text(lang));
    }
    lines
}

fn rating_name(rating: Rating) -> RatingName {
    match rating {
        Rating::Again => RatingName::Again,
        Rating::Hard => RatingName::Hard,
        Rating::Good => RatingName::Good,
        Rating::Easy => RatingName::Easy,
    }
}

/// Flip mode in plain lines: a grade typed as 1–4.
fn grade_from_text(text: &str) -> Option<Action> {
    let number: u8 = text.trim().parse().ok()?;
    Rating::try_from(number).ok().map(Action::Grade)
}

fn show_question(ui: &mut dyn Prompter, lang: Lang, question: &Question) -> Result<()> {
    let header = match question.progress {
        Progress::Study {
            position,
            total,
            due,
            new,
            again,
            grew: _,
        } => Msg::Progress {
            position,
            total,
            due,
            new,
            again,
        },
        Progress::Quiz { position, total } => Msg::QuizProgress { position, total },
        Progress::Review { left } => Msg::ReviewProgress { left },
    };
    ui.say("")?;
    ui.say(&header.text(lang).dimmed().to_string())?;
    if let Progress::Study { grew, .. } = question.progress
        && grew > 0
    {
        ui.say(&Msg::TotalGrew(grew).text(lang).dimmed().to_string())?;
    }
    if let Some(last) = &question.last_answer {
        let last = sanitize(last);
        let message = match question.ask {
            Ask::Choice(_) => Msg::LastTimeYouChose(&last),
            _ => Msg::LastTimeYouAnswered(&last),
        };
        ui.say(&message.text(lang))?;
    }
    let lead = match (question.kind, question.direction) {
        (CardKind::Translate, Some(Direction::ViEn)) => Some(Msg::TranslateIntoEnglish),
        (CardKind::Translate, Some(Direction::EnVi)) => Some(Msg::TranslateIntoVietnamese),
        _ => None,
    };
    if let Some(lead) = lead {
        ui.say(&lead.text(lang))?;
    }
    ui.say(&sanitize(&question.prompt).bold().to_string())?;
    if let Some(hint) = &question.hint {
        ui.say(&format!("({})", sanitize(hint)).dimmed().to_string())?;
    }
    Ok(())
}

/// What overruling the last answer gave: the answer counted correct and
/// when its card comes back, or that there was nothing to overrule.
fn show_overruled(ui: &mut dyn Prompter, lang: Lang, outcome: &Outcome) -> Result<()> {
    match outcome {
        Outcome::Overruled(feedback) => {
            let answer = sanitize(&feedback.answer);
            ui.say(&Msg::Overruled(&answer).text(lang).green().to_string())?;
            if feedback.left_missed_list {
                ui.say(&Msg::LeftTheList.text(lang).green().to_string())?;
            }
            let next = Msg::NextReview(feedback.next_review).text(lang);
            ui.say(&next.dimmed().to_string())
        }
        _ => ui.say(&Msg::NothingToOverrule.text(lang)),
    }
}

/// Reads the answer to `question`; `overrule` offers "I was right" for the
/// answer before in a menu (typed prompts take `:ok`).
fn ask(ui: &mut dyn Prompter, lang: Lang, question: &Question, overrule: bool) -> Result<Action> {
    let reply = match &question.ask {
        Ask::Text => ui.text(&Msg::TextAnswerPrompt.text(lang))?,
        Ask::List { items } => {
            let prompt = format!(
                "{} {}",
                Msg::TextAnswerPrompt.text(lang),
                Msg::ListAnswerHint { items: *items }.text(lang)
            );
            ui.text(&prompt)?
        }
        Ask::Choice(options) => {
            let options: Vec<String> = options.iter().map(|option| sanitize(option)).collect();
            let (undo, right) = (Msg::UndoEntry.text(lang), Msg::OverruleEntry.text(lang));
            let extras = Extras {
                undo: question.can_undo.then_some(&*undo),
                overrule: overrule.then_some(&*right),
            };
            match ui.choose("", &options, extras)? {
                // The session knows the options unsanitized; pick by index.
                Reply::Choice(index) => Reply::Choice(index),
                other => other,
            }
        }
        Ask::Flip => match ui.wait(&Msg::PressEnterToReveal.text(lang))? {
            Reply::Text(_) | Reply::Choice(_) => return Ok(Action::Reveal),
            other => other,
        },
    };
    Ok(match reply {
        Reply::Text(text) => Action::Answer(text),
        Reply::Choice(index) => Action::Choose(index),
        Reply::Undo => Action::Undo,
        Reply::Overrule => Action::Overrule,
        Reply::Quit => Action::Quit,
    })
}

fn show_feedback(ui: &mut dyn Prompter, lang: Lang, mode: Mode, feedback: &Feedback) -> Result<()> {
    let verdict = match feedback.grade {
        Grade::Correct => Msg::Correct.text(lang).green().bold(),
        Grade::Close => Msg::Close.text(lang).yellow().bold(),
        Grade::Wrong => Msg::Wrong.text(lang).red().bold(),
    };
    ui.say(&verdict.to_string())?;
    let expected = sanitize(&feedback.expected);
    if let Some(reason) = &feedback.close_reason {
        let note = match reason {
            CloseReason::MissingDiacritics => Msg::MissingDiacritics(&expected),
            CloseReason::Typo => Msg::Typo(&expected),
            CloseReason::Partial { recalled, total } => Msg::Partial {
                recalled: *recalled,
                total: *total,
            },
        };
        ui.say(&note.text(lang).yellow().to_string())?;
    }
    if mode != Mode::Flip {
        if feedback.input == InputKind::List {
            if feedback.grade != Grade::Correct {
                let items = sanitize(&feedback.answers.join(", "));
                ui.say(&Msg::AllItems(&items).text(lang))?;
            }
        } else if feedback.grade == Grade::Wrong
            || (feedback.grade == Grade::Close && feedback.close_reason.is_none())
        {
            ui.say(&Msg::RightAnswer(&expected).text(lang))?;
        } else if feedback.grade == Grade::Correct && feedback.answer.trim() != feedback.expected {
            ui.say(&Msg::LessonSpelling(&expected).text(lang))?;
        }
    }
    if let Some(times) = feedback.repeated_wrong {
        let message = Msg::RepeatedWrong {
            answer: &sanitize(&feedback.answer),
            prompt: &sanitize(&feedback.prompt),
            times,
            chose: feedback.input == InputKind::Choice,
        };
        ui.say(&message.text(lang).red().to_string())?;
    }
    if feedback.left_missed_list {
        ui.say(&Msg::LeftTheList.text(lang).green().to_string())?;
    }
    ui.say(
        &Msg::NextReview(feedback.next_review)
            .text(lang)
            .dimmed()
            .to_string(),
    )
}

fn show_summary(ui: &mut dyn Prompter, lang: Lang, summary: &Summary) -> Result<()> {
    ui.say("")?;
    if summary.mode == Mode::Quiz {
        let score = Msg::QuizScore {
            right: summary.correct + summary.close,
            total: summary.answered,
            close: summary.close,
        };
        ui.say(&score.text(lang).bold().to_string())?;
        if summary.answered < summary.planned {
            let stopped = Msg::QuizStopped {
                asked: summary.answered,
                planned: summary.planned,
            };
            ui.say(&stopped.text(lang))?;
        }
    }
    let counts = Msg::SummaryCounts {
        answered: summary.answered,
        correct: summary.correct,
        close: summary.close,
        wrong: summary.wrong,
    };
    ui.say(&counts.text(lang))?;
    if !summary.misses.is_empty() && summary.mode != Mode::Review {
        ui.say(&Msg::MissesHeader.text(lang).red().to_string())?;
        for miss in &summary.misses {
            let (prompt, expected) = (&sanitize(&miss.prompt), &sanitize(&miss.expected));
            let answer = sanitize(&miss.answer);
            let line = match answer.trim() {
                "" => Msg::MissLineUnanswered { prompt, expected },
                answer => Msg::MissLine {
                    prompt,
                    expected,
                    answer,
                },
            };
            let mut line = line.text(lang);
            if let Some(tries) = miss.right_on_try {
                line = format!("{line} {}", Msg::RightOnTry(tries).text(lang).green());
            }
            ui.say(&line)?;
        }
    }
    if summary.mode == Mode::Review {
        if summary.still_missed == 0 && summary.answered > 0 {
            ui.say(&Msg::ReviewDone.text(lang).green().to_string())?;
        } else if summary.still_missed > 0 {
            ui.say(&Msg::StillMissed(summary.still_missed).text(lang))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Standard output that fails every write with `kind`.
    struct Failing(std::io::ErrorKind);

    impl std::io::Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_no_error_but_a_full_disk_is() {
        use std::io::ErrorKind;
        assert!(write_out(&mut Failing(ErrorKind::BrokenPipe), b"x\n").is_ok());
        let full = write_out(&mut Failing(ErrorKind::StorageFull), b"x\n");
        assert!(matches!(full, Err(Error::Io { .. })), "{full:?}");
        let mut written = Vec::new();
        write_out(&mut written, b"deck\n").unwrap();
        assert_eq!(written, b"deck\n");
    }
    use crate::deck::{Card, CardId, Deck, DeckId, DeckMeta};
    use crate::scheduler::Scheduler;
    use crate::session::{StudyOptions, entries};
    use crate::store::Store;
    use std::collections::VecDeque;

    /// A prompter that replays `replies` and keeps every line shown.
    struct Scripted {
        replies: VecDeque<Reply>,
        shown: Vec<String>,
    }

    impl Prompter for Scripted {
        fn say(&mut self, line: &str) -> Result<()> {
            self.shown.push(line.to_string());
            Ok(())
        }
        fn text(&mut self, prompt: &str) -> Result<Reply> {
            self.shown.push(format!("{prompt}?"));
            Ok(self.replies.pop_front().unwrap_or(Reply::Quit))
        }
        fn choose(&mut self, _: &str, options: &[String], extras: Extras) -> Result<Reply> {
            self.shown.extend(options.iter().cloned());
            self.shown.extend(extras.undo.map(String::from));
            self.shown.extend(extras.overrule.map(String::from));
            Ok(self.replies.pop_front().unwrap_or(Reply::Quit))
        }
        fn wait(&mut self, prompt: &str) -> Result<Reply> {
            self.shown.push(prompt.to_string());
            Ok(self.replies.pop_front().unwrap_or(Reply::Quit))
        }
    }

    fn deck() -> Deck {
        let card = |id: &str, prompt: &str, answer: &str| Card {
            id: CardId(id.into()),
            kind: CardKind::Translate,
            input: InputKind::Text,
            prompt: prompt.into(),
            answers: vec![answer.into()],
            choices: vec![],
            hint: None,
            direction: Some(Direction::ViEn),
            section: None,
            line: 1,
            hash: String::new(),
        };
        Deck {
            deck: DeckMeta {
                id: DeckId("d".into()),
                title: "d".into(),
                source: "d.md".into(),
                format: 1,
                folder: None,
            },
            cards: vec![
                card("d/1", "mô hình\u{1b}[2J", "model"),
                card("d/2", "dữ liệu", "data"),
            ],
        }
    }

    fn run_flip(replies: Vec<Reply>) -> (Summary, Vec<String>, usize) {
        let dir = tempfile::tempdir().unwrap();
        let deck = deck();
        let mut store = Store::open(dir.path(), Scheduler::default()).unwrap();
        let now = clock::parse("2026-11-28T09:00:00+07:00").unwrap();
        let options = StudyOptions {
            flip: true,
            new_per_day: 20,
            limit: None,
        };
        let mut session = Session::study(entries(&[&deck], |_| true), &mut store, now, options, 1);
        let mut ui = Scripted {
            replies: replies.into(),
            shown: Vec::new(),
        };
        let summary = drive(&mut session, &mut ui, Lang::En, &|| Ok(now)).unwrap();
        drop(session);
        let logged = store.reviews().unwrap().len();
        (summary, ui.shown, logged)
    }

    #[test]
    fn flip_grades_undo_from_the_grade_menu_and_quit() {
        let (summary, shown, logged) = run_flip(vec![
            Reply::Text(String::new()), // reveal card 1
            Reply::Choice(2),           // Good
            Reply::Text(String::new()), // reveal card 2
            Reply::Undo,                // the grade menu's undo entry
            Reply::Text(String::new()), // card 1 again
            Reply::Choice(0),           // Again
            Reply::Quit,
        ]);
        assert_eq!((summary.answered, summary.wrong), (1, 1));
        assert_eq!(logged, 1);
        assert!(
            shown
                .iter()
                .any(|line| line.contains("Undid the answer to: mô hình"))
        );
        assert!(shown.iter().any(|line| line.starts_with("Good (")));
        assert!(
            shown
                .iter()
                .any(|line| line.contains("Session over: 1 answered"))
        );
        assert!(
            shown.iter().all(|line| !line.contains("[2J")),
            "deck text reached the screen raw: {shown:?}"
        );
    }

    #[test]
    fn leaving_at_the_last_prompt_still_says_when_the_next_card_is_due() {
        let (summary, shown, logged) = run_flip(vec![
            Reply::Text(String::new()),
            Reply::Choice(3), // Easy: out of the session for days
            Reply::Text(String::new()),
            Reply::Choice(3),
            // Then Esc (no reply left: quit) at "That was the last question".
        ]);
        assert_eq!((summary.answered, logged), (2, 2));
        assert!(
            shown
                .iter()
                .any(|line| line.contains("That was the last question")),
            "{shown:?}"
        );
        assert!(
            shown.iter().any(|line| line.contains("All done for now")),
            "{shown:?}"
        );
    }

    #[test]
    fn sanitize_strips_escape_sequences_and_controls() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{1b}]8;;http://e\u{1b}\\y"), "xy");
        // C1 controls: CSI with its parameters, OSC up to ST.
        assert_eq!(sanitize("bell\u{7}\u{9b}2Jx"), "bellx");
        assert_eq!(sanitize("a\u{9d}0;title\u{9c}b\u{90}q\u{1b}\\c"), "abc");
        assert_eq!(sanitize("line\nnext\ttab"), "line next tab");
        assert_eq!(sanitize("abc\u{202e}def"), "abcdef");
        assert_eq!(sanitize("a\u{2067}b\u{61c}c\u{2069}d"), "abcd");
        assert_eq!(sanitize("a\u{2028}b\u{85}c"), "a bc");
        assert_eq!(sanitize("AI tạo sinh"), "AI tạo sinh");
        assert_eq!(
            sanitize_multiline("a\tb\r\nc\u{1b}[1md\u{202e}\u{85}"),
            "a\tb\ncd"
        );
        assert_eq!(sanitize_multiline("x\u{2028}y"), "x y");
    }

    #[test]
    fn json_keeps_the_data_but_escapes_what_drives_the_terminal() {
        let json = serde_json::to_string("a\u{1b}[2J\u{9b}b\u{202e}c\nd\u{2028}é").unwrap();
        let safe = json_safe(&json);
        assert_eq!(safe, r#""a\u001b[2J\u009bb\u202ec\nd\u2028é""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{1b}[2J\u{9b}b\u{202e}c\nd\u{2028}é");
    }

    #[test]
    fn long_lines_wrap_at_spaces() {
        let line = "Điền thuật ngữ còn thiếu: ___ là một nhánh của AI";
        let wrapped = wrap(line, 20);
        assert_eq!(
            wrapped,
            "Điền thuật ngữ còn\nthiếu: ___ là một\nnhánh của AI"
        );
        assert_eq!(wrapped.replace('\n', " "), line);
        assert_eq!(wrap(line, 200), line);
        // Escape sequences take no room; indentation stays.
        assert_eq!(
            wrap("\u{1b}[1mabc def\u{1b}[0m", 7),
            "\u{1b}[1mabc def\u{1b}[0m"
        );
        assert_eq!(wrap("  ab cd", 5), "  ab\n  cd");
        assert_eq!(wrap("  ab cd ef", 7), "  ab cd\n  ef");
        assert_eq!(wrap("averyverylongword x", 5), "averyverylongword\nx");
    }

    #[test]
    fn text_commands() {
        assert_eq!(command(":u"), Some(Reply::Undo));
        assert_eq!(command(" q "), Some(Reply::Quit));
        assert_eq!(command("quit smoking"), None);
        assert_eq!(grade_from_text("3"), Some(Action::Grade(Rating::Good)));
        assert_eq!(grade_from_text("7"), None);
    }
}
