//! Time: the clock is `ONTAP_NOW` (RFC 3339) when set, so tests and "the next
//! day" trials are reproducible, else the system clock in the local offset.
//! Everything below the command layer takes `now` as a value.

use std::ffi::OsString;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, SecondsFormat, TimeZone, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

pub type Timestamp = DateTime<FixedOffset>;

/// The current time: `ONTAP_NOW` when set, else the system clock.
pub fn now() -> Result<Timestamp> {
    now_from(std::env::var_os("ONTAP_NOW"))
}

/// The current time given the value of `ONTAP_NOW`: an empty or blank
/// value counts as unset, anything else must be an RFC 3339 time.
fn now_from(variable: Option<OsString>) -> Result<Timestamp> {
    let text = variable.map(|value| value.to_string_lossy().into_owned());
    let now = match text {
        Some(text) if !text.trim().is_empty() => parse(text.trim()).map_err(|_| {
            // Escaped, so the message stays one line whatever was set.
            Error::Usage(format!(
                "ONTAP_NOW='{}' is not an RFC 3339 time such as 2026-11-28T09:00:00+07:00",
                text.escape_debug()
            ))
        }),
        _ => Ok(Local::now().fixed_offset()),
    };
    now.map(without_leap_second)
}

/// `time` with a leap second (`23:59:60`) taken as the instant before it:
/// every time ontap writes must read back in outside tools, and many
/// (Python's `datetime`, so `tomllib`) have no second 60.
fn without_leap_second(time: Timestamp) -> Timestamp {
    let nanosecond = time.nanosecond();
    if nanosecond < 1_000_000_000 {
        return time;
    }
    time.with_nanosecond(999_999_999).unwrap_or(time)
}

pub fn parse(text: &str) -> std::result::Result<Timestamp, chrono::ParseError> {
    DateTime::parse_from_rfc3339(text)
}

/// RFC 3339 with whole seconds unless the time has a fraction.
pub fn format(time: &Timestamp) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The calendar day of `time` in its own offset: "today" for the user.
pub fn day(time: &Timestamp) -> NaiveDate {
    time.date_naive()
}

/// `time`, or the last second of year 9999 in its offset if it is later:
/// RFC 3339 and TOML have four-digit years, so a later time could be
/// written to a state file but never read back.
pub fn at_most_representable(time: Timestamp) -> Timestamp {
    let last_second = NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|date| date.and_hms_opt(23, 59, 59))
        .and_then(|latest| time.offset().from_local_datetime(&latest).single());
    match last_second {
        Some(latest) if time > latest => latest,
        _ => time,
    }
}

/// `time` as a TOML offset date-time, which has a four-digit year.
/// Midnight at the start of the day after `time`, in `time`'s offset: when
/// the next day's new cards become available.
pub fn start_of_next_day(time: &Timestamp) -> Option<Timestamp> {
    day(time)
        .succ_opt()?
        .and_hms_opt(0, 0, 0)?
        .and_local_timezone(*time.offset())
        .single()
}

fn to_toml(time: &Timestamp) -> std::result::Result<toml::value::Datetime, String> {
    let text = format(time);
    text.parse()
        .map_err(|_| format!("{text} is not a TOML date-time (years 0000 to 9999 only)"))
}

fn from_toml(value: &toml::value::Datetime) -> std::result::Result<Timestamp, String> {
    if value.offset.is_none() || value.date.is_none() || value.time.is_none() {
        return Err(format!("{value} is not an offset date-time"));
    }
    parse(&value.to_string()).map_err(|error| format!("{value}: {error}"))
}

/// Serde adapter: a [`Timestamp`] as a TOML offset date-time (`at = 2026-11-28T09:00:00+07:00`).
pub mod toml_datetime {
    use super::*;

    pub fn serialize<S: Serializer>(time: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        to_toml(time)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let value = toml::value::Datetime::deserialize(deserializer)?;
        from_toml(&value).map_err(serde::de::Error::custom)
    }
}

/// Serde adapter for `Option<Timestamp>` as an optional TOML offset date-time.
pub mod toml_datetime_option {
    use super::*;

    pub fn serialize<S: Serializer>(
        time: &Option<Timestamp>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => {
                serializer.serialize_some(&to_toml(time).map_err(serde::ser::Error::custom)?)
            }
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        let value = Option::<toml::value::Datetime>::deserialize(deserializer)?;
        value
            .map(|value| from_toml(&value).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Stamp {
        #[serde(with = "toml_datetime")]
        at: Timestamp,
        #[serde(with = "toml_datetime_option", default)]
        last: Option<Timestamp>,
    }

    #[test]
    fn timestamps_are_toml_offset_datetimes() {
        let at = parse("2026-11-28T09:00:00+07:00").unwrap();
        let stamp = Stamp { at, last: None };
        let text = toml::to_string(&stamp).unwrap();
        assert_eq!(text.trim(), "at = 2026-11-28T09:00:00+07:00");
        let back: Stamp = toml::from_str(&text).unwrap();
        assert_eq!(back, stamp);
    }

    #[test]
    fn times_a_toml_date_cannot_hold_fail_to_serialize() {
        let at = parse("9999-12-31T23:59:59Z").unwrap() + chrono::TimeDelta::days(1);
        let error = toml::to_string(&Stamp { at, last: None }).unwrap_err();
        assert!(error.to_string().contains("years 0000 to 9999"), "{error}");
    }

    #[test]
    fn local_datetimes_without_offset_are_refused() {
        let error = toml::from_str::<Stamp>("at = 2026-11-28T09:00:00").unwrap_err();
        assert!(error.to_string().contains("offset"), "{error}");
    }

    #[test]
    fn a_leap_second_in_ontap_now_is_written_as_a_second_every_reader_knows() {
        let now = now_from(Some(OsString::from("2026-12-31T23:59:60Z"))).unwrap();
        assert_eq!(format(&now), "2026-12-31T23:59:59.999999999Z");
        let text = toml::to_string(&Stamp {
            at: now,
            last: None,
        })
        .unwrap();
        assert!(text.contains("23:59:59.999999999Z"), "{text}");
    }

    #[test]
    fn ontap_now_is_read_strictly_and_reported_on_one_line() {
        let set = |text: &str| now_from(Some(OsString::from(text)));
        assert_eq!(
            set(" 2026-11-28T09:00:00+07:00 ").unwrap(),
            parse("2026-11-28T09:00:00+07:00").unwrap()
        );
        for bad in ["2026-11-28", "yesterday", "2026-11-28T09:00:00+07:00\nx"] {
            let error = set(bad).unwrap_err();
            assert_eq!(error.exit_code(), 2);
            let message = error.to_string();
            assert!(message.starts_with("ONTAP_NOW='"), "{message}");
            assert!(!message.contains('\n'), "{message}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let not_utf8 = OsString::from_vec(vec![0xff, b'2']);
            assert!(matches!(now_from(Some(not_utf8)), Err(Error::Usage(_))));
        }
        for unset in [None, Some(OsString::new()), Some(OsString::from("  "))] {
            assert!(now_from(unset).is_ok());
        }
    }

    #[test]
    fn times_past_year_9999_are_capped_to_what_files_can_hold() {
        let latest = parse("9999-12-31T23:59:59-23:59").unwrap();
        let later = latest + chrono::TimeDelta::days(400);
        assert_eq!(at_most_representable(later), latest);
        assert_eq!(parse(&format(&at_most_representable(later))), Ok(latest));
        let ordinary = parse("2026-11-28T09:00:00+07:00").unwrap();
        assert_eq!(at_most_representable(ordinary), ordinary);
    }

    #[test]
    fn the_next_day_starts_at_midnight_in_the_same_offset() {
        let late = parse("2026-11-28T23:30:00+07:00").unwrap();
        let next = start_of_next_day(&late).unwrap();
        assert_eq!(format(&next), "2026-11-29T00:00:00+07:00");
    }

    #[test]
    fn day_is_the_calendar_day_in_the_offset() {
        let late = parse("2026-11-28T23:30:00+07:00").unwrap();
        assert_eq!(day(&late).to_string(), "2026-11-28");
    }
}
