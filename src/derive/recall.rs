//! recall cards.

use crate::lesson::Lesson;

use super::Draft;

pub fn extract(_lesson: &Lesson, _drafts: &mut Vec<Draft>) {}
