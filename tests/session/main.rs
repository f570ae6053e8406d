//! Study, quiz and review sessions through the real binary, on a real
//! terminal (expectrl) and with piped input: what the screens say, what
//! reviews.toml holds, the library commands around a session. One binary
//! (one link, one parallel run); each module was a test binary of its own.

#[path = "../support/mod.rs"]
mod support;

mod piped;
mod pty_quiz;
mod pty_review;
mod pty_study;
mod session_library;
mod session_overrule;
mod session_trial;
mod session_truth;
mod stats_narrow;
