//! The library without the binary: the compiler (golden deck, derived
//! cards, fuzzing), the judge, the FSRS scheduler against the reference,
//! and the store's robustness and durability. One binary (one link, one
//! parallel run); each module was a test binary of its own.

#[path = "../support/mod.rs"]
mod support;

mod compile_fuzz;
mod compile_golden;
mod compile_lessons;
mod fsrs_reference;
mod judging;
mod robustness;
mod state_durability;
