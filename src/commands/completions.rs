//! `ontap completions SHELL` and `ontap man`.

use crate::cli::CompletionsArgs;
use crate::error::Result;

pub fn run_completions(_args: &CompletionsArgs) -> Result<()> {
    todo!("ontap completions")
}

pub fn run_man() -> Result<()> {
    todo!("ontap man")
}
