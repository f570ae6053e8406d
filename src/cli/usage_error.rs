//! A usage error (an unknown option, a bad `--kind`, a missing value)
//! worded in the user's language. clap words its errors in English; it
//! also keeps what it found (the argument, the value, the valid values,
//! suggestions) as context, so the error is written again from that
//! context with the language's [`Help`] texts, laid out as clap lays it
//! out. With [`crate::i18n::help::EN`] the text is clap's own, which the
//! tests check.

use std::fmt::Write as _;
use std::num::{IntErrorKind, ParseIntError};

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::help::Help;

/// clap's indent of tips and lists.
const TAB: &str = "  ";

/// `error` in the words of `help`, ending with a newline.
pub fn render(error: &clap::Error, help: &Help) -> StyledStr {
    // clap's colours (ontap keeps clap's default styles).
    let styles = Styles::default();
    let (bad, good, literal) = (styles.get_error(), styles.get_valid(), styles.get_literal());
    let mut text = StyledStr::new();
    let _ = write!(text, "{bad}{}:{bad:#} ", help.error);
    match message(error, help) {
        Some(message) => text.push_str(&message),
        None => {
            let english = error
                .kind()
                .as_str()
                .map(str::to_owned)
                .or_else(|| std::error::Error::source(error).map(ToString::to_string))
                .unwrap_or_default();
            let _ = write!(text, "{} ({english})", help.invalid_command_line);
        }
    }
    let mut suggested = false;
    for (kind, similar) in [
        (ContextKind::SuggestedSubcommand, help.similar_command),
        (ContextKind::SuggestedArg, help.similar_argument),
        (ContextKind::SuggestedValue, help.similar_value),
    ] {
        let names = match error.get(kind) {
            Some(ContextValue::String(name)) => vec![name.clone()],
            Some(ContextValue::Strings(names)) if !names.is_empty() => names.clone(),
            _ => continue,
        };
        text.push_str(if suggested { "\n" } else { "\n\n" });
        suggested = true;
        let quoted: Vec<String> = names.iter().map(|name| format!("'{name}'")).collect();
        let _ = write!(
            text,
            "{TAB}{good}{}:{good:#} {}",
            help.tip,
            similar(&quoted.join(", "), names.len())
        );
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        if !suggested {
            text.push_str("\n");
        }
        for tip in tips {
            let _ = write!(
                text,
                "\n{TAB}{}: {}",
                help.tip,
                tip_in(help, &tip.to_string())
            );
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let heading = styles.get_usage();
        let _ = write!(
            text,
            "\n\n{heading}{}:{heading:#} {usage}",
            help.usage_heading
        );
    }
    let flag = format!("{literal}--help{literal:#}");
    let _ = writeln!(text, "\n\n{}", (help.more_information)(&flag));
    text
}

/// The first sentence of `error`, from its kind and context; `None` for
/// a kind without the context it needs.
fn message(error: &clap::Error, help: &Help) -> Option<String> {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.as_str()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(values)) => Some(values.as_slice()),
        _ => None,
    };
    let argument = string(ContextKind::InvalidArg);
    let value = string(ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::UnknownArgument => (help.unexpected_argument)(argument?),
        ErrorKind::InvalidSubcommand => {
            (help.unknown_command)(string(ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue => {
            let (argument, value) = (argument?, value?);
            let message = if value.is_empty() {
                (help.value_required)(argument)
            } else {
                (help.invalid_value)(value, argument)
            };
            message + &listed(strings(ContextKind::ValidValue), help.possible_values)
        }
        ErrorKind::ValueValidation => {
            let mut message = (help.invalid_value)(value?, argument?);
            if let Some(source) = std::error::Error::source(error) {
                let _ = write!(message, ": {}", reason(help, source));
            }
            message
        }
        ErrorKind::MissingRequiredArgument => {
            let mut message = help.missing_arguments.to_owned();
            for missing in strings(ContextKind::InvalidArg)? {
                let _ = write!(message, "\n{TAB}{missing}");
            }
            message
        }
        ErrorKind::MissingSubcommand => {
            let message = (help.missing_command)(string(ContextKind::InvalidSubcommand)?);
            message + &listed(strings(ContextKind::ValidSubcommand), help.commands_list)
        }
        ErrorKind::ArgumentConflict => {
            let argument = argument?;
            let prior = error.get(ContextKind::PriorArg);
            if prior == Some(&ContextValue::String(argument.to_owned())) {
                (help.repeated_argument)(argument)
            } else {
                let mut message = (help.conflicting_argument)(argument);
                match prior {
                    Some(ContextValue::Strings(others)) => {
                        message.push(':');
                        for other in others {
                            let _ = write!(message, "\n{TAB}{other}");
                        }
                    }
                    Some(ContextValue::String(other)) => {
                        let _ = write!(message, " '{other}'");
                    }
                    _ => {
                        let _ = write!(message, " {}", help.other_arguments);
                    }
                }
                message
            }
        }
        ErrorKind::TooManyValues => (help.extra_value)(value?, argument?),
        _ => return None,
    };
    Some(message)
}

/// The valid values (or commands) on a line of their own, as clap lists
/// them; nothing when there are none.
fn listed(values: Option<&[String]>, words: fn(&str) -> String) -> String {
    match values {
        Some(values) if !values.is_empty() => format!("\n{TAB}{}", words(&values.join(", "))),
        _ => String::new(),
    }
}

/// Why a value was refused: a number that is not one, in the language;
/// another parser's reason as it gives it.
fn reason(help: &Help, source: &(dyn std::error::Error + 'static)) -> String {
    match source
        .downcast_ref::<ParseIntError>()
        .map(ParseIntError::kind)
    {
        Some(IntErrorKind::InvalidDigit) => help.not_a_number.to_owned(),
        Some(IntErrorKind::PosOverflow) => help.number_too_large.to_owned(),
        Some(IntErrorKind::Empty) => help.empty_number.to_owned(),
        _ => source.to_string(),
    }
}

/// One of clap's tips, which come worded in English, in the language:
/// the three clap gives, read back from its words; any other as it is.
fn tip_in(help: &Help, tip: &str) -> String {
    let quoted = |text: &str| -> Option<String> {
        text.strip_prefix('\'')?
            .strip_suffix('\'')
            .map(str::to_owned)
    };
    if let Some(rest) = tip.strip_prefix("to pass ")
        && let Some((typed, how)) = rest.split_once(" as a value, use ")
        && let (Some(typed), Some(how)) = (quoted(typed), quoted(how))
    {
        return (help.pass_as_value)(&typed, &how);
    }
    if let Some(rest) = tip.strip_prefix("subcommand ")
        && let Some(command) = rest.strip_suffix(" exists; to use it, remove the '--' before it")
        && let Some(command) = quoted(command)
    {
        return (help.remove_dashes)(&command);
    }
    if let Some(usage) = tip.strip_suffix(" exists").and_then(quoted) {
        return (help.exists_elsewhere)(&usage);
    }
    tip.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Lang, command};
    use crate::i18n::help::{EN, VI};

    /// Command lines clap refuses, one of each kind of usage error.
    const REFUSED: &[&[&str]] = &[
        &["ontap", "quiz", "--kind", "foo"],
        &["ontap", "stuy"],
        &["ontap", "study", "--fli"],
        &["ontap", "study", "--bogus"],
        &["ontap", "compile"],
        &["ontap", "study", "--new", "abc"],
        &["ontap", "study", "--new", "99999999999999999999999"],
        &["ontap", "study", "--new"],
        &["ontap", "--lang", "vi", "--lang", "en"],
        &["ontap", "study", "--flip=3"],
        &["ontap", "handin", "ai-tao-sinh"],
        &["ontap", "state", "check", "extra"],
    ];

    fn refusal(lang: Lang, args: &[&str]) -> clap::Error {
        command(lang)
            .try_get_matches_from(args)
            .expect_err("a usage error")
    }

    /// Worded with the English table, an error is clap's own, word for
    /// word: the layout is clap's, only the words come from the table.
    #[test]
    fn in_english_an_error_is_clap_s_own() {
        for args in REFUSED {
            let error = refusal(Lang::En, args);
            assert_eq!(
                render(&error, &EN).to_string(),
                error.render().to_string(),
                "{args:?}"
            );
        }
    }

    #[test]
    fn in_vietnamese_no_english_is_left() {
        for args in REFUSED {
            let text = render(&refusal(Lang::Vi, args), &VI).to_string();
            assert!(text.starts_with("lỗi: "), "{args:?}: {text}");
            assert!(
                text.ends_with("Xem thêm bằng '--help'.\n"),
                "{args:?}: {text}"
            );
            for english in [
                "error",
                "Usage",
                "tip",
                "found",
                "provided",
                "invalid",
                "similar",
                "[OPTIONS]",
            ] {
                assert!(!text.contains(english), "{args:?}: {english} in {text}");
            }
        }
    }

    #[test]
    fn clap_s_tips_are_read_back() {
        let tip = "to pass '--flip' as a value, use '-- --flip'";
        assert_eq!(
            tip_in(&VI, tip),
            "muốn dùng '--flip' làm giá trị thì viết '-- --flip'"
        );
        assert_eq!(tip_in(&EN, tip), tip);
        assert_eq!(
            tip_in(&VI, "'ontap study --flip' exists"),
            "có thể dùng 'ontap study --flip'"
        );
        assert_eq!(tip_in(&VI, "something new"), "something new");
    }
}
