//! `ontap quiz`.

use crate::cli::{Config, QuizArgs};
use crate::error::Result;

pub fn run(_config: &Config, _args: &QuizArgs) -> Result<()> {
    todo!("ontap quiz")
}
