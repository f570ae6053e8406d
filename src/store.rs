//! The only module that touches state files. The data directory holds the
//! review log `reviews.toml` (the source of truth, append-only), the schedule
//! cache derived from it, and the `decks/` of the library.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::deck::{CardId, DeckId};
use crate::judge::Grade;
use crate::scheduler::Rating;

/// Which kind of session an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewMode {
    Study,
    Quiz,
    Review,
}

/// One answer: a `[[review]]` table of `reviews.toml`. Its fields are a
/// contract that outside tools rely on; add fields, never rename.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub card: CardId,
    pub deck: DeckId,
    #[serde(with = "crate::clock::toml_datetime")]
    pub at: Timestamp,
    pub rating: Rating,
    pub mode: ReviewMode,
    #[serde(default)]
    pub answer: String,
    pub verdict: Grade,
}

/// Where state lives: `ONTAP_DATA_DIR` when set, else the platform's data
/// directory (`~/.local/share/ontap` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ONTAP_DATA_DIR").filter(|dir| !dir.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::data_dir().map(|dir| dir.join("ontap"))
}
