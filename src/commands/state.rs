//! `ontap state check|rebuild|merge`.

use crate::cli::{Config, StateCommand};
use crate::error::Result;

pub fn run(_config: &Config, _command: &StateCommand) -> Result<()> {
    todo!("ontap state")
}
