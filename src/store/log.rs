//! The text of the review log `reviews.toml`: writing one record as a single
//! block, and reading the log back record by record.
//!
//! The log is `format = 1` followed by `[[review]]` and `[[undo]]` tables.
//! Every record ontap writes is one block ending with a blank line, appended
//! in one write; a record counts once all its lines are on disk (a last
//! record missing only its blank line, which editors trim, still counts).
//! So a process killed mid-append leaves at most one unfinished record at
//! the very end (a torn tail), which loading ignores and the next writer
//! cuts off. Anything else that does not parse is corruption, reported
//! with its line and never "repaired".

use std::path::Path;

use serde::Deserialize;

use crate::clock::{self, Timestamp};
use crate::deck::{CardId, DeckId, line_of_key, line_of_offset, short_digest};
use crate::error::{Error, Location, Result};
use crate::judge::Grade;
use crate::scheduler::Rating;

use super::fast;
use super::{Review, ReviewMode};

/// The log format this ontap writes and the newest it reads.
pub const LOG_FORMAT: i64 = 1;

/// What a new log starts with.
pub const LOG_HEADER: &str = "format = 1\n\n";

const REVIEW_HEADER: &str = "[[review]]";
const UNDO_HEADER: &str = "[[undo]]";

/// One record of the log.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Review(LoggedReview),
    Undo(Undo),
}

/// A `[[review]]` with the id undo entries refer to it by.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedReview {
    pub id: String,
    pub review: Review,
}

/// An `[[undo]]`: cancels one review with id `review` of `card`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub review: String,
    pub card: CardId,
    /// When the undone review was given (where merge sorts the undo).
    pub review_at: Timestamp,
}

/// A parsed stretch of the log.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The records, each with the byte range of its text in the log.
    pub entries: Vec<(Entry, std::ops::Range<usize>)>,
    /// Where the complete records end (relative to the start of the log).
    pub end: usize,
    /// The number of lines up to `end`.
    pub lines: usize,
    /// The length of an unterminated record after `end`, if any.
    pub torn: Option<usize>,
}

/// The id of a review: a digest of exactly the fields that make two reviews
/// the same answer (merge drops such duplicates).
pub fn review_id(review: &Review) -> String {
    let at = clock::format(&review.at);
    let rating = u8::from(review.rating).to_string();
    let parts = [
        review.card.0.as_str(),
        &at,
        &rating,
        review.mode.name(),
        &review.answer,
        review.verdict.name(),
    ];
    short_digest(parts, 8)
}

/// A TOML basic string on one line: the log's one-record-per-block framing
/// relies on no value ever spanning lines.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The block appended for `review`, blank line included.
pub fn review_block(review: &Review, id: &str) -> String {
    // An overruled review says what the judge had said, before its `id`
    // (older readers skip a field they do not know).
    let overruled = review
        .overruled
        .map(|judged| format!("override = {}\n", quote(judged.name())))
        .unwrap_or_default();
    format!(
        "{REVIEW_HEADER}\ncard = {}\ndeck = {}\nat = {}\nrating = {}\nmode = {}\nanswer = {}\nverdict = {}\n{overruled}id = {}\n\n",
        quote(&review.card.0),
        quote(&review.deck.0),
        clock::format(&review.at),
        u8::from(review.rating),
        quote(review.mode.name()),
        quote(&review.answer),
        quote(review.verdict.name()),
        quote(id),
    )
}

/// The block appended to undo `undo.review`.
pub fn undo_block(undo: &Undo) -> String {
    format!(
        "{UNDO_HEADER}\nreview = {}\ncard = {}\nreview_at = {}\n\n",
        quote(&undo.review),
        quote(&undo.card.0),
        clock::format(&undo.review_at),
    )
}

/// The verdict spelled `name` in the log or the cache.
pub fn grade_named(name: &str) -> Option<Grade> {
    Grade::ALL.into_iter().find(|grade| grade.name() == name)
}

#[derive(Deserialize)]
struct RawReview {
    card: CardId,
    deck: DeckId,
    #[serde(with = "crate::clock::toml_datetime")]
    at: Timestamp,
    rating: Rating,
    mode: ReviewMode,
    #[serde(default)]
    answer: String,
    verdict: Grade,
    id: Option<String>,
    /// Read leniently: a value this ontap does not know is no override.
    #[serde(default, rename = "override")]
    overruled: Option<toml::Value>,
}

/// The fields of a `[[review]]` body when every line is plain `key = value`
/// and the values are as ontap writes them; `None` sends the body to the
/// full TOML parser (which also produces the error messages).
fn fast_review(body: &str) -> Option<RawReview> {
    let (mut card, mut deck, mut at, mut rating) = (None, None, None, None);
    let (mut mode, mut answer, mut verdict, mut id) = (None, None, None, None);
    let mut overruled = None;
    let mut seen: Vec<&str> = Vec::with_capacity(8);
    for line in body.lines() {
        let (key, value) = fast::key_value(line)?;
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        match key {
            "card" => card = Some(CardId(value.into_string()?)),
            "deck" => deck = Some(DeckId(value.into_string()?)),
            "at" => at = Some(value.time()?),
            "rating" => {
                rating = Some(Rating::try_from(u8::try_from(value.int()?).ok()?).ok()?);
            }
            "mode" => {
                let name = value.into_string()?;
                mode = Some(
                    ReviewMode::ALL
                        .into_iter()
                        .find(|mode| mode.name() == name)?,
                );
            }
            "answer" => answer = Some(value.into_string()?),
            "verdict" => verdict = Some(grade_named(&value.into_string()?)?),
            "id" => id = Some(value.into_string()?),
            "override" => overruled = Some(toml::Value::String(value.into_string()?)),
            _ => {}
        }
    }
    Some(RawReview {
        card: card?,
        deck: deck?,
        at: at?,
        rating: rating?,
        mode: mode?,
        answer: answer.unwrap_or_default(),
        verdict: verdict?,
        id,
        overruled,
    })
}

#[derive(Deserialize)]
struct RawUndo {
    review: String,
    card: CardId,
    #[serde(with = "crate::clock::toml_datetime")]
    review_at: Timestamp,
}

#[derive(Deserialize)]
struct Preamble {
    format: Option<i64>,
}

/// The top of a state file, before its first table header.
pub fn preamble(text: &str) -> &str {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            break;
        }
        offset += line.len();
    }
    &text[..offset]
}

/// Checks the `format = N` line at the top of a state file. `what` names the
/// kind of file for the message when there is no such line.
pub fn check_format(path: &Path, text: &str, what: &str) -> Result<()> {
    let top = preamble(text);
    let parsed: Preamble =
        toml::from_str(top).map_err(|error| crate::deck::toml_error(path, text, &error))?;
    if let Ok(table) = toml::from_str::<toml::Table>(top)
        && let Some(key) = ["review", "undo", "card"]
            .into_iter()
            .find(|key| table.contains_key(*key))
    {
        return Err(Error::invalid(
            Location::line(path, line_of_key(top, key)),
            format!(
                "`{key}` at the top of the file clashes with its tables; the file was left untouched"
            ),
        ));
    }
    match parsed.format {
        Some(found) if found > LOG_FORMAT => Err(Error::FutureFormat {
            location: Location::line(path, line_of_key(top, "format")),
            found,
            supported: LOG_FORMAT,
        }),
        Some(found) if found >= 1 => Ok(()),
        Some(found) => Err(Error::invalid(
            Location::line(path, line_of_key(top, "format")),
            format!("format {found} is not a valid version"),
        )),
        None => Err(Error::invalid(
            Location::line(path, 1),
            format!(
                "not {what}: it has no `format = 1` line at the top; the file was left untouched"
            ),
        )),
    }
}

/// Parses the log text `text`, which starts at byte `start` (a record
/// boundary, or 0 for the whole file) and line `first_line` of the file.
/// Byte ranges and `end` in the result are relative to the whole file.
pub fn parse(path: &Path, text: &str, start: usize, first_line: usize) -> Result<Parsed> {
    let mut parsed = Parsed::default();
    let mut offset = 0;
    if start == 0 && text.len() < LOG_HEADER.len() && LOG_HEADER.starts_with(text) {
        // The log was being created: nothing in it yet.
        parsed.torn = (!text.is_empty()).then_some(text.len());
        return Ok(parsed);
    }
    if start == 0 {
        check_format(path, text, "an ontap review log")?;
        offset = preamble(text).len();
    }
    let line_base = first_line.saturating_sub(1);
    let at_line = |offset: usize| line_base.saturating_add(line_of_offset(text, offset));
    // The record being read: its header's offset and kind.
    let mut open: Option<(usize, bool)> = None;
    let mut complete_end = offset;
    while offset < text.len() {
        let rest = &text[offset..];
        let (line, terminated) = match rest.find('\n') {
            Some(index) => (&rest[..index], true),
            None => (rest, false),
        };
        let trimmed = line.trim();
        let next = offset + line.len() + usize::from(terminated);
        let is_header = trimmed == REVIEW_HEADER || trimmed == UNDO_HEADER;
        if trimmed.is_empty() && terminated {
            if let Some((header, is_review)) = open.take() {
                let entry = parse_record(path, text, header, offset, is_review, &at_line)?;
                parsed.entries.push((entry, start + header..start + next));
            }
            complete_end = next;
        } else if !terminated {
            // The last line has no newline: only the start of a record header
            // (or a record being written) can end the file this way.
            let torn_header = !trimmed.is_empty()
                && (REVIEW_HEADER.starts_with(trimmed) || UNDO_HEADER.starts_with(trimmed));
            if open.is_none() && !torn_header {
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    complete_end = next;
                } else {
                    return Err(Error::invalid(
                        Location::line(path, at_line(offset)),
                        format!(
                            "unexpected `{}` at the end of the review log",
                            short(trimmed)
                        ),
                    ));
                }
            }
            break;
        } else if is_header {
            if let Some((header, is_review)) = open.take() {
                // A record closed by the next header instead of a blank line.
                let entry = parse_record(path, text, header, offset, is_review, &at_line)?;
                parsed.entries.push((entry, start + header..start + offset));
            }
            open = Some((offset, trimmed == REVIEW_HEADER));
        } else if open.is_none() || trimmed.starts_with('[') {
            // Outside a record only comments; inside one no other table
            // header, which would silently move the following keys elsewhere.
            if !trimmed.starts_with('#') {
                return Err(Error::invalid(
                    Location::line(path, at_line(offset)),
                    format!(
                        "unexpected `{}`: the review log holds only [[review]] and [[undo]] tables",
                        short(trimmed)
                    ),
                ));
            }
            complete_end = next;
        }
        offset = next;
    }
    if let Some((header, is_review)) = open.take_if(|_| text.ends_with('\n')) {
        // Every line of the last record is there, only the blank line that
        // closes it is missing (an editor trims it; a cut falls just there):
        // a record that reads whole counts, and is never cut off.
        if let Ok(entry) = parse_record(path, text, header, text.len(), is_review, &at_line) {
            parsed
                .entries
                .push((entry, start + header..start + text.len()));
            complete_end = text.len();
        } else {
            open = Some((header, is_review));
        }
    }
    if let Some((header, _)) = open {
        // An unterminated record at the end: a torn append, provided the lines
        // written so far are well-formed.
        let body_start = text[header..]
            .find('\n')
            .map_or(text.len(), |i| header + i + 1);
        let body = &text[body_start..];
        let whole_lines = &body[..body.rfind('\n').map_or(0, |i| i + 1)];
        if let Err(error) = toml::from_str::<toml::Table>(whole_lines) {
            let line = error
                .span()
                .map_or(at_line(header), |span| at_line(body_start + span.start));
            return Err(Error::invalid(
                Location::line(path, line),
                error.message().trim().to_string(),
            ));
        }
        complete_end = complete_end.min(header);
    }
    parsed.end = start + complete_end;
    parsed.lines = line_base.saturating_add(text[..complete_end].matches('\n').count());
    if complete_end < text.len() {
        parsed.torn = Some(text.len() - complete_end);
    }
    Ok(parsed)
}

fn short(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

fn parse_record(
    path: &Path,
    text: &str,
    header: usize,
    end: usize,
    is_review: bool,
    at_line: &dyn Fn(usize) -> usize,
) -> Result<Entry> {
    let body_start = text[header..end]
        .find('\n')
        .map_or(end, |index| header + index + 1);
    let body = &text[body_start..end];
    let error_at = |error: toml::de::Error| {
        let line = error
            .span()
            .map_or(at_line(header), |span| at_line(body_start + span.start));
        Error::invalid(
            Location::line(path, line),
            error.message().trim().to_string(),
        )
    };
    if is_review {
        let raw = match fast_review(body) {
            Some(raw) => raw,
            None => toml::from_str(body).map_err(error_at)?,
        };
        let review = Review {
            card: raw.card,
            deck: raw.deck,
            at: raw.at,
            rating: raw.rating,
            mode: raw.mode,
            answer: raw.answer,
            verdict: raw.verdict,
            overruled: raw
                .overruled
                .as_ref()
                .and_then(toml::Value::as_str)
                .and_then(grade_named),
        };
        let id = raw.id.unwrap_or_else(|| review_id(&review));
        Ok(Entry::Review(LoggedReview { id, review }))
    } else {
        let raw: RawUndo = toml::from_str(body).map_err(error_at)?;
        Ok(Entry::Undo(Undo {
            review: raw.review,
            card: raw.card,
            review_at: raw.review_at,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(answer: &str) -> Review {
        Review {
            overruled: None,
            card: CardId("d/translate/x".into()),
            deck: DeckId("d".into()),
            at: clock::parse("2026-11-28T09:00:00+07:00").unwrap(),
            rating: Rating::Good,
            mode: ReviewMode::Study,
            answer: answer.into(),
            verdict: Grade::Correct,
        }
    }

    fn log_of(reviews: &[Review]) -> String {
        let mut text = LOG_HEADER.to_string();
        for review in reviews {
            text.push_str(&review_block(review, &review_id(review)));
        }
        text
    }

    #[test]
    fn blocks_round_trip_and_form_valid_toml() {
        let tricky = review("say \"hi\"\n\\ tab\t bell\u{7} ạ");
        let text = log_of(&[tricky.clone(), review("")]);
        let parsed = parse(Path::new("r.toml"), &text, 0, 1).unwrap();
        assert_eq!(parsed.entries.len(), 2);
        assert_eq!(parsed.end, text.len());
        assert_eq!(parsed.torn, None);
        match &parsed.entries[0].0 {
            Entry::Review(logged) => assert_eq!(logged.review, tricky),
            other => panic!("{other:?}"),
        }
        let whole: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(whole["review"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn an_override_round_trips_and_an_unknown_one_reads_as_none() {
        let overruled = Review {
            overruled: Some(Grade::Close),
            ..review("Generativ AI")
        };
        let text = log_of(std::slice::from_ref(&overruled));
        assert!(text.contains("verdict = \"correct\"\noverride = \"close\"\nid = "));
        let parsed = parse(Path::new("r.toml"), &text, 0, 1).unwrap();
        match &parsed.entries[0].0 {
            Entry::Review(logged) => assert_eq!(logged.review, overruled),
            other => panic!("{other:?}"),
        }
        // The id is that of the same review without it: older ontaps agree.
        assert_eq!(review_id(&overruled), review_id(&review("Generativ AI")));
        for value in ["\"maybe\"", "true"] {
            let odd = text.replace("\"close\"", value);
            let parsed = parse(Path::new("r.toml"), &odd, 0, 1).unwrap();
            match &parsed.entries[0].0 {
                Entry::Review(logged) => assert_eq!(logged.review.overruled, None, "{value}"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn review_ids_never_change() {
        // Undo entries in users' logs name reviews by this id: a new
        // formula would leave them pointing at nothing.
        assert_eq!(review_id(&review("một")), "50b2408114429875");
    }

    #[test]
    fn every_prefix_parses_to_the_complete_records() {
        let reviews: Vec<Review> = ["a", "bb", "ccc"].iter().map(|a| review(a)).collect();
        let mut text = log_of(&reviews);
        let undo = Undo {
            review: review_id(&reviews[1]),
            card: reviews[1].card.clone(),
            review_at: reviews[1].at,
        };
        text.push_str(&undo_block(&undo));
        let ranges: Vec<std::ops::Range<usize>> = parse(Path::new("r"), &text, 0, 1)
            .unwrap()
            .entries
            .into_iter()
            .map(|(_, range)| range)
            .collect();
        assert_eq!(ranges.len(), 4);
        // A record is whole once all its lines are there (its blank line may
        // be missing), a review also when only its optional `id` line is.
        let ends_at = |range: &std::ops::Range<usize>, cut: usize| {
            cut + 1 == range.end
                || cut == range.end
                || text[range.clone()]
                    .find("\nid = ")
                    .is_some_and(|position| cut == range.start + position + 1)
        };
        for cut in 0..=text.len() {
            let parsed = parse(Path::new("r"), &text[..cut], 0, 1)
                .unwrap_or_else(|error| panic!("cut {cut}: {error}"));
            let complete = ranges
                .iter()
                .filter(|range| range.end <= cut || ends_at(range, cut))
                .count();
            assert_eq!(parsed.entries.len(), complete, "cut at {cut}");
            let at_boundary = ranges.iter().any(|range| ends_at(range, cut))
                || cut == LOG_HEADER.len()
                || cut == 0;
            assert_eq!(parsed.torn.is_some(), !at_boundary, "cut at {cut}");
        }
    }

    #[test]
    fn tail_parse_continues_line_numbers() {
        let text = log_of(&[review("a"), review("b")]);
        let first = parse(Path::new("r"), &text, 0, 1).unwrap();
        let boundary = first.entries[0].1.end;
        let lines = text[..boundary].matches('\n').count();
        let mut broken = text.clone();
        broken.push_str("[[review]]\nrating = 7\n\n");
        let error = parse(Path::new("r"), &broken[boundary..], boundary, lines + 1).unwrap_err();
        let expected_line = broken.matches('\n').count() - 1;
        assert!(
            error
                .to_string()
                .starts_with(&format!("r:{expected_line}:")),
            "{error}"
        );
    }

    #[test]
    fn the_fast_path_reads_what_the_toml_crate_reads() {
        let tricky = review("say \"hi\"\n\\ tab\t bell\u{7} ạ \u{1F600}");
        for review in [tricky, review("")] {
            let block = review_block(&review, &review_id(&review));
            let body = block.split_once('\n').unwrap().1.trim_end();
            let fast = fast_review(body).expect("fast path");
            let slow: RawReview = toml::from_str(body).unwrap();
            assert_eq!(
                (
                    fast.card,
                    fast.deck,
                    fast.at,
                    fast.rating,
                    fast.mode,
                    fast.answer,
                    fast.verdict,
                    fast.id
                ),
                (
                    slow.card,
                    slow.deck,
                    slow.at,
                    slow.rating,
                    slow.mode,
                    slow.answer,
                    slow.verdict,
                    slow.id
                )
            );
        }
        // Unusual but valid TOML still reads, through the slow path.
        let text = format!(
            "{LOG_HEADER}[[review]]\ncard = 'd/x' # literal\ndeck = \"d\"\nat = 2026-11-28T09:00:00Z\nrating = 3\nmode = \"quiz\"\nverdict = \"close\"\nextra = [1, 2]\n\n"
        );
        let parsed = parse(Path::new("r"), &text, 0, 1).unwrap();
        assert_eq!(parsed.entries.len(), 1);
        for broken in ["rating = 3\nrating = 3", "rating = 5", "mode = \"exam\""] {
            let text = text.replace("rating = 3", broken);
            assert!(parse(Path::new("r"), &text, 0, 1).is_err(), "{broken}");
        }
    }

    #[test]
    fn garbage_is_corruption_not_a_torn_tail() {
        let text = log_of(&[review("a")]);
        for bad in [
            "hello",
            "hello\n",
            "[deck]\nid = 1\n\n",
            "[[review]]\ncard = \n\n",
            "[[review]]\nnot toml at all\nmore",
            "[[review]]\ncard = \"x\"\n[other]\nrating = 3\n\n",
        ] {
            let broken = format!("{text}{bad}");
            assert!(
                parse(Path::new("r"), &broken, 0, 1).is_err(),
                "{bad:?} accepted"
            );
        }
        let clash = text.replace("format = 1", "format = 1\n# note\nreview = 5");
        let error = parse(Path::new("r"), &clash, 0, 1).unwrap_err();
        assert!(error.to_string().starts_with("r:3: `review`"), "{error}");
        let invalid = text.replace("format = 1", "# note\nformat = 0");
        let error = parse(Path::new("r"), &invalid, 0, 1).unwrap_err();
        assert!(error.to_string().starts_with("r:2: format 0"), "{error}");
        let newer = text.replace("format = 1", "# note\nformat = 2");
        let error = parse(Path::new("r"), &newer, 0, 1).unwrap_err();
        assert!(
            error.to_string().starts_with("r:2: format version 2"),
            "{error}"
        );
        let future = text.replace("format = 1", "format = 99");
        assert!(matches!(
            parse(Path::new("r"), &future, 0, 1),
            Err(Error::FutureFormat { found: 99, .. })
        ));
    }
}
