//! Answer judging, the way a fair teacher would: correct, close or wrong,
//! and the rating that implies (close → Hard, wrong → Again).

use serde::{Deserialize, Serialize};

use crate::deck::Card;
use crate::scheduler::Rating;

/// The verdict on one answer (`verdict` in the review log).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Correct,
    Close,
    Wrong,
}

/// Why an answer counted as close, for the note shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloseReason {
    /// Right but typed without (some) Vietnamese diacritics.
    MissingDiacritics,
    /// A small typo.
    Typo,
    /// A list answer with some items recalled: `recalled` of `total`.
    Partial { recalled: usize, total: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub grade: Grade,
    pub rating: Rating,
    /// The correct spelling to display: the accepted answer the user was
    /// closest to, or the canonical answer.
    pub expected: String,
    pub close_reason: Option<CloseReason>,
}

/// Judges `answer` to `card`. `sibling_answers` are the answers of the other
/// cards of the same deck and kind: typing one of them exactly is wrong, not
/// close (`LAN` for `WAN`).
pub fn judge(_card: &Card, _answer: &str, _sibling_answers: &[&str]) -> Judgement {
    todo!("answer judging (engine issue)")
}
