//! Every sentence ontap says, in Vietnamese and English. The language is
//! `Config::lang` (`--lang`, else the locale).
//!
//! Each language is one catalogue, a `pub static` of [`Catalogue`] in a file
//! of its own (`vi.rs`, `en.rs`): plain `&'static str` fields for fixed
//! texts, `fn` fields for sentences with values, so the compiler refuses a
//! catalogue that lacks a sentence, and each language builds its sentences
//! its own way (English plurals, Vietnamese word order). [`Lang::words`]
//! picks the catalogue. Adding a language: one more catalogue file, one
//! more `Lang` variant and its arm in [`Catalogue::of`].
//! The session's [`Msg`] and the class report's [`ClassMsg`] still carry
//! both texts side by side, in this file.

use chrono::{Duration, NaiveDate};

pub use crate::cli::Lang;
use crate::deck::CardKind;
use crate::derive::DropReason;
use crate::stats::{Retention, ReviewCounts, StateCounts, Streak};

mod en;
mod vi;

pub use en::EN;
pub use vi::VI;

/// Every sentence of one language, by the part of ontap that says it.
pub struct Catalogue {
    pub errors: ErrorWords,
    pub compile: CompileWords,
    pub state: StateWords,
    pub stats: StatsWords,
    pub session: SessionWords,
    pub class: ClassWords,
}

impl Catalogue {
    /// The catalogue of `lang`.
    pub fn of(lang: Lang) -> &'static Catalogue {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

impl Lang {
    /// This language's catalogue.
    pub fn words(self) -> &'static Catalogue {
        Catalogue::of(self)
    }
}

/// How each [`crate::Error`] is worded. The file and line that lead a
/// located error are put in front by `Error::in_language`.
pub struct ErrorWords {
    /// An I/O failure after its path: the system's words, with the kind
    /// of failure in front of them in Vietnamese.
    pub io_detail: fn(&std::io::Error) -> String,
    /// A parser's or a state file's own detail, quoted.
    pub invalid: fn(detail: &str) -> String,
    pub utf16: &'static str,
    pub invalid_utf8: fn(byte: usize) -> String,
    pub front_matter_never_closed: &'static str,
    pub front_matter_line: fn(found: &str) -> String,
    pub future_format: fn(found: i64, supported: i64) -> String,
    pub answer_not_saved: fn(path: &str, detail: &str) -> String,
    pub cache_not_updated: fn(log: &str, path: &str, detail: &str) -> String,
    pub locked: fn(path: &str) -> String,
    pub unknown_deck: fn(name: &str) -> String,
    pub compile_failed: fn(failed: usize, total: usize) -> String,
    pub check_failed: fn(problems: usize) -> String,
    pub not_a_regular_file: &'static str,
    pub lesson_too_large: fn(limit_mb: u64) -> String,
    pub out_dir_is_file: &'static str,
    pub same_deck_file: fn(target: &str, first: &str) -> String,
    pub foreign_file: &'static str,
    pub overrides_toml: fn(message: &str) -> String,
    pub overrides_blank: fn(field: &str) -> String,
    pub overrides_no_answers: &'static str,
    pub overrides_choice_without_answer: &'static str,
    pub no_such_folder: fn(path: &str, dir: &str) -> String,
    pub name_needed: &'static str,
    pub no_hand_ins: &'static str,
    pub no_hand_ins_read: fn(failed: usize) -> String,
}

/// The lines of `ontap compile` (and `ontap add`, which compiles too).
pub struct CompileWords {
    /// `a.md: 3 cards (2 translate, 1 recall), 1 candidate dropped -> a.toml`.
    pub summary: fn(&LessonSummary) -> String,
    /// An entry of the teacher's file that no card answers to.
    pub unmatched: fn(file: &str, line: usize, id: &str) -> String,
    /// An added card whose id a derived card has already.
    pub unmatched_exists: fn(file: &str, line: usize, id: &str) -> String,
    /// A front matter value left out as broken; the deck's title instead.
    pub broken_front_matter: fn(lesson: &str, line: usize, key: &str, title: &str) -> String,
    /// `compile --explain`: one candidate left out, and why.
    pub dropped_candidate: fn(line: usize, what: &str, reason: &str) -> String,
    pub nothing_to_derive: fn(lesson: &str) -> String,
    pub no_lessons: fn(dir: &str) -> String,
    pub total: fn(&CompileTotal) -> String,
    /// The kinds of a compile with no card.
    pub no_kinds: &'static str,
    /// A card kind's name in a summary.
    pub kind_name: fn(CardKind) -> &'static str,
    /// Why `compile --explain` says a candidate was left out.
    pub drop_reason: fn(DropReason) -> &'static str,
}

/// The lines of `ontap state check|rebuild|merge`.
pub struct StateWords {
    pub rebuilt: fn(cache: &str, log: &str, cards: usize) -> String,
    pub merged: fn(&MergeSummary) -> String,
    pub checking: fn(dir: &str) -> String,
    pub no_state_yet: &'static str,
    /// The labels in front of a note and of a problem.
    pub note: &'static str,
    pub problem: &'static str,
    pub all_agree: &'static str,
    pub session_running: &'static str,
    pub leftover: fn(path: &str) -> String,
    pub cache_missing: fn(cache: &str, log: &str) -> String,
    /// The review log does not read; `error` says where and why.
    pub log_unreadable: fn(error: &str, log: &str) -> String,
    pub log_counts: fn(log: &str, reviews: usize, undone: usize, cards: usize) -> String,
    pub torn: fn(log: &str, bytes: usize) -> String,
    pub cache_differs: fn(path: &str, count: usize, first: &str, log: &str) -> String,
    pub cache_up_to_date: fn(cache: &str) -> String,
    /// A deck file that does not load (`error`), and what to do about it.
    pub deck_problem: fn(error: &str) -> String,
    pub library_cache_missing: fn(file: &str) -> String,
    pub library_cache_unreadable: fn(path: &str) -> String,
    pub library_cache_wrong: fn(path: &str, count: usize, first: &str, file: &str) -> String,
    pub library_cache_up_to_date: fn(file: &str, decks: usize) -> String,
    pub review_cache_missing: fn(file: &str) -> String,
    pub review_cache_up_to_date: fn(file: &str) -> String,
    pub review_cache_stale: fn(file: &str) -> String,
    pub review_cache_unreadable: fn(path: &str) -> String,
    pub review_cache_wrong: fn(path: &str, file: &str) -> String,
    pub library_cache_changed: fn(file: &str, changed: usize) -> String,
    pub library: fn(decks: usize) -> String,
    pub orphans: fn(count: usize) -> String,
    pub never: &'static str,
    pub orphan: fn(card: &str, deck: &str, reviews: usize, last: &str) -> String,
    pub and_more: fn(more: usize) -> String,
}

/// The words of `ontap stats`.
pub struct StatsWords {
    pub title: &'static str,
    /// The table's nine column headers.
    pub header: [&'static str; 9],
    pub all_decks: &'static str,
    /// Monday first.
    pub weekdays: [&'static str; 7],
    pub months: [&'static str; 12],
    pub none: &'static str,
    pub reviews: &'static str,
    pub most_missed: &'static str,
    pub most_confused: &'static str,
    /// The heading of the overruled list.
    pub overruled_heading: &'static str,
    /// After the streak's days in the table.
    pub streak_unit: &'static str,
    pub cards: fn(&StateCounts) -> String,
    pub due_today: fn(due: usize) -> String,
    pub review_counts: fn(&ReviewCounts) -> String,
    pub retention: fn(&Retention) -> String,
    pub streak: fn(&Streak) -> String,
    pub heat_map_title: fn(weeks: usize, first: NaiveDate, today: NaiveDate) -> String,
    pub forecast_title: fn(days: usize) -> String,
    /// A day of the forecast: `Sat 28 Nov`, `T7 28/11`.
    pub day_label: fn(weekday: &str, date: NaiveDate) -> String,
    /// What the learner typed, the judge's verdict (`close` or wrong) and
    /// the card's answer.
    pub overruled: fn(typed: &str, answer: &str, close: bool) -> String,
    pub more_overruled: fn(more: usize) -> String,
    pub confused: fn(picked: &str, answer: &str) -> String,
}

/// The session's fixed texts (study, quiz, review, decks, add); its sentences with values are still worded in [`Msg`].
pub struct SessionWords {
    pub translate_into_english: &'static str,
    pub translate_into_vietnamese: &'static str,
    pub text_answer_prompt: &'static str,
    pub keys_hint: &'static str,
    pub keys_hint_plain: &'static str,
    pub plain_choice_prompt: &'static str,
    pub correct: &'static str,
    pub close: &'static str,
    pub wrong: &'static str,
    pub press_enter_to_reveal: &'static str,
    pub undo_entry: &'static str,
    pub quit_entry: &'static str,
    pub nothing_to_undo: &'static str,
    pub left_the_list: &'static str,
    pub nothing_due: &'static str,
    pub last_question_done: &'static str,
    pub overrule_hint: &'static str,
    pub overrule_menu_line: &'static str,
    pub overrule_entry: &'static str,
    pub last_question_done_overrule: &'static str,
    pub nothing_to_overrule: &'static str,
    pub nothing_to_quiz: &'static str,
    pub nothing_missed: &'static str,
    pub review_done: &'static str,
    pub right_on_second_try: &'static str,
    pub misses_header: &'static str,
    pub decks_header: &'static str,
    pub no_decks: &'static str,
    pub nothing_added: &'static str,
}

/// The fixed texts of `ontap handin` and of the class report; its sentences with values are still worded in [`ClassMsg`].
pub struct ClassWords {
    pub name_prompt: &'static str,
    pub title: &'static str,
    pub decks_heading: &'static str,
    pub teach_again: &'static str,
    pub teach_again_hint: &'static str,
    pub error_bars: &'static str,
    pub latest_wrong_legend: &'static str,
    pub first_wrong_legend: &'static str,
    pub all_reached: &'static str,
    pub inactive: &'static str,
    pub nobody_inactive: &'static str,
    pub students_heading: &'static str,
    pub heat_map_legend: &'static str,
    pub forecast_hint: &'static str,
    pub files: &'static str,
    pub col_deck: &'static str,
    pub col_cards: &'static str,
    pub col_reached: &'static str,
    pub col_students: &'static str,
    pub col_first_try: &'static str,
    pub col_latest: &'static str,
    pub col_card: &'static str,
    pub col_answer: &'static str,
    pub col_wrong_answers: &'static str,
    pub col_student: &'static str,
    pub col_reviews: &'static str,
    pub col_last_studied: &'static str,
    pub today: &'static str,
    pub yesterday: &'static str,
    pub never: &'static str,
}

/// What `state merge` says it did.
pub struct MergeSummary<'a> {
    pub other: &'a str,
    pub log: &'a str,
    /// Records of the other log new here, of its `theirs`.
    pub added: usize,
    pub theirs: usize,
    /// Records the merged log holds.
    pub total: usize,
    pub cards: usize,
}

/// What one lesson's summary line says.
pub struct LessonSummary<'a> {
    pub lesson: &'a str,
    pub cards: usize,
    pub kinds: &'a str,
    pub dropped: usize,
    /// Cards skipped, changed or added by the teacher's file.
    pub edits: usize,
    pub target: &'a str,
}

/// What the last line of a compile says.
pub struct CompileTotal<'a> {
    pub lessons: usize,
    pub decks: usize,
    pub cards: usize,
    pub kinds: &'a str,
    pub failed: usize,
}

pub mod help;

/// One user-facing message, with the values it needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg<'a> {
    /// `3/20 · due 12 · new 5 · learning 1`: answers given (with this one)
    /// of what the session will ask; `again` cards come back for a
    /// learning step.
    Progress {
        position: usize,
        total: usize,
        due: usize,
        new: usize,
        again: usize,
    },
    /// The session's total grew: cards come back for a learning step.
    TotalGrew(usize),
    /// New cards left for tomorrow because a sibling was answered today.
    NewCardsWaitForSiblings(usize),
    /// New cards left for tomorrow by the daily limit (`--new`).
    NewCardsWaitForLimit {
        count: usize,
        limit: usize,
    },
    /// Progress of a quiz or review: `3/20`, `left 4`.
    QuizProgress {
        position: usize,
        total: usize,
    },
    ReviewProgress {
        left: usize,
    },
    TranslateIntoEnglish,
    TranslateIntoVietnamese,
    ListAnswerHint {
        items: usize,
    },
    TextAnswerPrompt,
    KeysHint,
    KeysHintPlain,
    PlainChoicePrompt,
    NotAChoice(&'a str),
    Correct,
    Close,
    Wrong,
    RightAnswer(&'a str),
    /// A correct answer typed otherwise (a variant spelling, an acronym
    /// spelled out): the lesson's spelling, no mistake implied.
    LessonSpelling(&'a str),
    AllItems(&'a str),
    YouAnswered(&'a str),
    MissingDiacritics(&'a str),
    Typo(&'a str),
    Partial {
        recalled: usize,
        total: usize,
    },
    NextReview(Duration),
    PressEnterToReveal,
    Answer(&'a str),
    GradeOption {
        rating: RatingName,
        next: Duration,
    },
    UndoEntry,
    QuitEntry,
    Undone(&'a str),
    NothingToUndo,
    LastTimeYouAnswered(&'a str),
    /// The same for a multiple-choice question.
    LastTimeYouChose(&'a str),
    /// The same wrong answer again; `chose` when it was picked from a menu.
    /// The prompt comes last, unquoted: prompts often hold quotes themselves.
    RepeatedWrong {
        answer: &'a str,
        prompt: &'a str,
        times: usize,
        chose: bool,
    },
    LeftTheList,
    /// Nothing to study now; the next card is due after this long, if any.
    NothingDue(Option<Duration>),
    /// The session ran out of cards; the next one is due after this long.
    NextCardIn(Duration),
    NothingToQuiz,
    /// After the last question, before the summary.
    LastQuestionDone,
    NothingMissed,
    ReviewDone,
    /// After a wrong or close typed answer, on a terminal: `:ok` overrules it.
    OverruleHint,
    /// The same as a menu line, without a terminal.
    OverruleMenuLine,
    /// The menu entry that overrules the last answer.
    OverruleEntry,
    /// The last question is done and its answer can be overruled.
    LastQuestionDoneOverrule,
    /// The last answer now counts as correct.
    Overruled(&'a str),
    NothingToOverrule,
    SummaryCounts {
        answered: usize,
        correct: usize,
        close: usize,
        wrong: usize,
    },
    /// Close answers count as right; how many of them were close is said.
    QuizScore {
        right: usize,
        total: usize,
        close: usize,
    },
    /// After a miss line: the card was answered right later, on this try.
    RightOnTry(usize),
    /// A quiz left before its end: `asked` of `planned` questions answered.
    QuizStopped {
        asked: usize,
        planned: usize,
    },
    StillMissed(usize),
    MissesHeader,
    MissLine {
        prompt: &'a str,
        expected: &'a str,
        answer: &'a str,
    },
    /// A miss answered with an empty line.
    MissLineUnanswered {
        prompt: &'a str,
        expected: &'a str,
    },
    /// A deck file that could not be read, with the error naming its file
    /// and line: left out of this command, and untouched.
    DeckLeftOut(&'a str),
    DecksHeader,
    NoDecks,
    Added {
        dir: &'a str,
    },
    NothingAdded,
}

/// The four grades' names, for flip mode's menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingName {
    Again,
    Hard,
    Good,
    Easy,
}

impl Msg<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if let Some(text) = self.fixed(&lang.words().session) {
            return text.to_string();
        }
        let (vi, en) = self.both();
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The message's text when it has no values: the catalogue's own.
    fn fixed(&self, words: &'static SessionWords) -> Option<&'static str> {
        match self {
            Msg::TranslateIntoEnglish => Some(words.translate_into_english),
            Msg::TranslateIntoVietnamese => Some(words.translate_into_vietnamese),
            Msg::TextAnswerPrompt => Some(words.text_answer_prompt),
            Msg::KeysHint => Some(words.keys_hint),
            Msg::KeysHintPlain => Some(words.keys_hint_plain),
            Msg::PlainChoicePrompt => Some(words.plain_choice_prompt),
            Msg::Correct => Some(words.correct),
            Msg::Close => Some(words.close),
            Msg::Wrong => Some(words.wrong),
            Msg::PressEnterToReveal => Some(words.press_enter_to_reveal),
            Msg::UndoEntry => Some(words.undo_entry),
            Msg::QuitEntry => Some(words.quit_entry),
            Msg::NothingToUndo => Some(words.nothing_to_undo),
            Msg::LeftTheList => Some(words.left_the_list),
            Msg::NothingDue(None) => Some(words.nothing_due),
            Msg::LastQuestionDone => Some(words.last_question_done),
            Msg::OverruleHint => Some(words.overrule_hint),
            Msg::OverruleMenuLine => Some(words.overrule_menu_line),
            Msg::OverruleEntry => Some(words.overrule_entry),
            Msg::LastQuestionDoneOverrule => Some(words.last_question_done_overrule),
            Msg::NothingToOverrule => Some(words.nothing_to_overrule),
            Msg::NothingToQuiz => Some(words.nothing_to_quiz),
            Msg::NothingMissed => Some(words.nothing_missed),
            Msg::ReviewDone => Some(words.review_done),
            Msg::RightOnTry(2) => Some(words.right_on_second_try),
            Msg::MissesHeader => Some(words.misses_header),
            Msg::DecksHeader => Some(words.decks_header),
            Msg::NoDecks => Some(words.no_decks),
            Msg::NothingAdded => Some(words.nothing_added),
            _ => None,
        }
    }

    /// The Vietnamese and English texts.
    fn both(&self) -> (String, String) {
        match self {
            Msg::Progress {
                position,
                total,
                due,
                new,
                again,
            } => {
                let (vi, en) = match again {
                    0 => (String::new(), String::new()),
                    again => (
                        format!(" · đang học {again}"),
                        format!(" · learning {again}"),
                    ),
                };
                (
                    format!("{position}/{total} · đến hạn {due} · mới {new}{vi}"),
                    format!("{position}/{total} · due {due} · new {new}{en}"),
                )
            }
            Msg::TotalGrew(count) => (
                format!("(+{count}: thẻ được hỏi lại ở bước học tiếp theo)"),
                format!(
                    "(+{count}: {})",
                    plural(
                        *count,
                        "a card comes back for its next learning step",
                        "cards come back for their next learning step"
                    )
                ),
            ),
            Msg::NewCardsWaitForSiblings(count) => (
                format!(
                    "{count} thẻ mới chờ đến ngày mai, để thẻ này không làm lộ đáp án của thẻ kia."
                ),
                format!(
                    "{} until tomorrow so that a card does not give away another's answer.",
                    plural(
                        *count,
                        "1 new card waits",
                        &format!("{count} new cards wait")
                    )
                ),
            ),
            Msg::NewCardsWaitForLimit { count, limit } => (
                format!(
                    "{count} thẻ mới chờ đến ngày mai: đã đủ {limit} thẻ mới mỗi ngày (đổi bằng --new)."
                ),
                format!(
                    "{} until tomorrow: today's {} reached (change it with --new).",
                    plural(
                        *count,
                        "1 new card waits",
                        &format!("{count} new cards wait")
                    ),
                    plural(
                        *limit,
                        "limit of 1 new card is",
                        &format!("limit of {limit} new cards is")
                    )
                ),
            ),
            Msg::QuizProgress { position, total } => (
                format!("Câu {position}/{total}"),
                format!("Question {position}/{total}"),
            ),
            Msg::ReviewProgress { left } => (
                format!("Còn {left} câu sai cần ôn"),
                format!("{left} missed left"),
            ),
            Msg::ListAnswerHint { items } => (
                format!("({items} ý, ngăn cách bằng dấu phẩy)"),
                format!(
                    "({}, separated by commas)",
                    counted(*items, "item", "items")
                ),
            ),
            Msg::NotAChoice(text) => (
                format!("“{text}” không phải là một lựa chọn; hãy nhập số hoặc nội dung."),
                format!("“{text}” is not one of the choices; type its number or its text."),
            ),
            // Not "Answer:", which is the prompt of a typed answer.
            Msg::RightAnswer(answer) => (
                format!("Đáp án: {answer}"),
                format!("Right answer: {answer}"),
            ),
            Msg::LessonSpelling(answer) => (
                format!("Bài học viết: {answer}"),
                format!("As the lesson writes it: {answer}"),
            ),
            Msg::AllItems(items) => (format!("Đủ các ý: {items}"), format!("All items: {items}")),
            Msg::YouAnswered(answer) => (
                format!("Bạn trả lời: {answer}"),
                format!("You answered: {answer}"),
            ),
            Msg::MissingDiacritics(expected) => (
                format!("Chú ý dấu tiếng Việt: {expected}"),
                format!("Mind the Vietnamese accents: {expected}"),
            ),
            Msg::Typo(expected) => (
                format!("Sai chính tả một chút: {expected}"),
                format!("A small typo: {expected}"),
            ),
            Msg::Partial { recalled, total } => (
                format!("Bạn nhớ được {recalled}/{total} ý"),
                format!(
                    "You recalled {recalled} of {}",
                    counted(*total, "item", "items")
                ),
            ),
            Msg::NextReview(after) => (
                format!("Ôn lại sau {}", duration(*after, Lang::Vi)),
                format!("Next review in {}", duration(*after, Lang::En)),
            ),
            Msg::Answer(answer) => (format!("Đáp án: {answer}"), format!("Answer: {answer}")),
            Msg::GradeOption { rating, next } => {
                let (vi, en) = match rating {
                    RatingName::Again => ("Quên", "Again"),
                    RatingName::Hard => ("Khó", "Hard"),
                    RatingName::Good => ("Nhớ", "Good"),
                    RatingName::Easy => ("Dễ", "Easy"),
                };
                (
                    format!("{vi} ({})", duration(*next, Lang::Vi)),
                    format!("{en} ({})", duration(*next, Lang::En)),
                )
            }
            Msg::Undone(prompt) => (
                format!("↶ Đã hoàn tác câu trả lời cho câu: {prompt}"),
                format!("↶ Undid the answer to: {prompt}"),
            ),
            Msg::LastTimeYouAnswered(answer) => (
                format!("Lần trước bạn trả lời: {answer}"),
                format!("Last time you answered: {answer}"),
            ),
            Msg::LastTimeYouChose(answer) => (
                format!("Lần trước bạn chọn: {answer}"),
                format!("Last time you chose: {answer}"),
            ),
            Msg::RepeatedWrong {
                answer,
                prompt,
                times,
                chose: true,
            } => (
                format!("Bạn đã chọn “{answer}” {times} lần rồi cho câu: {prompt}"),
                format!(
                    "You chose “{answer}” {} now for: {prompt}",
                    times_en(*times)
                ),
            ),
            Msg::RepeatedWrong {
                answer,
                prompt,
                times,
                chose: false,
            } => (
                format!("Bạn đã trả lời “{answer}” {times} lần rồi cho câu: {prompt}"),
                format!(
                    "You answered “{answer}” {} now to: {prompt}",
                    times_en(*times)
                ),
            ),
            Msg::NothingDue(Some(after)) => (
                format!(
                    "Hiện chưa có thẻ nào đến hạn; thẻ tiếp theo đến hạn sau {}. Trong lúc chờ, thử `ontap quiz`.",
                    duration(*after, Lang::Vi)
                ),
                format!(
                    "Nothing is due right now; the next card is due in {}. Meanwhile, try `ontap quiz`.",
                    duration(*after, Lang::En)
                ),
            ),
            Msg::NextCardIn(after) => (
                format!(
                    "Đã học hết lượt này; thẻ tiếp theo đến hạn sau {}.",
                    duration(*after, Lang::Vi)
                ),
                format!(
                    "All done for now; the next card is due in {}.",
                    duration(*after, Lang::En)
                ),
            ),
            Msg::Overruled(answer) => (
                format!("✓ Đã tính là đúng: {answer}"),
                format!("✓ Counted as correct: {answer}"),
            ),
            Msg::SummaryCounts {
                answered,
                correct,
                close,
                wrong,
            } => (
                format!(
                    "Kết thúc: đã trả lời {answered} · đúng {correct} · gần đúng {close} · sai {wrong}"
                ),
                format!(
                    "Session over: {answered} answered · {correct} correct · {close} close · {wrong} wrong"
                ),
            ),
            Msg::QuizScore {
                right,
                total,
                close: 0,
            } => (
                format!("Điểm: {right}/{total}"),
                format!("Score: {right}/{total}"),
            ),
            Msg::QuizScore {
                right,
                total,
                close,
            } => (
                format!("Điểm: {right}/{total} · {close} gần đúng"),
                format!("Score: {right}/{total} · {close} close"),
            ),
            Msg::RightOnTry(tries) => (
                format!("→ lần thứ {tries} thì đúng"),
                format!("→ right on try {tries}"),
            ),
            Msg::QuizStopped { asked, planned } => (
                format!("Đã dừng sau {asked}/{planned} câu."),
                format!(
                    "Stopped after {asked} of {}.",
                    counted(*planned, "question", "questions")
                ),
            ),
            Msg::StillMissed(count) => (
                format!("Còn {count} câu sai; chạy lại `ontap review` để ôn tiếp."),
                format!("{count} still missed; run `ontap review` again to go on."),
            ),
            Msg::MissLine {
                prompt,
                expected,
                answer,
            } => (
                format!("  {prompt} → {expected} (bạn trả lời: {answer})"),
                format!("  {prompt} → {expected} (you answered: {answer})"),
            ),
            Msg::MissLineUnanswered { prompt, expected } => (
                format!("  {prompt} → {expected} (bạn bỏ trống)"),
                format!("  {prompt} → {expected} (no answer)"),
            ),
            Msg::DeckLeftOut(error) => (
                format!(
                    "ontap: cảnh báo: {error}\n  bộ thẻ này bị bỏ qua (tệp được giữ nguyên); sửa tệp, hoặc biên dịch lại bài học của nó bằng `ontap add BÀI_HỌC.md`"
                ),
                format!(
                    "ontap: warning: {error}\n  this deck is left out (the file is untouched); fix the file, or recompile its lesson with `ontap add LESSON.md`"
                ),
            ),
            Msg::Added { dir } => (
                format!("Các bộ thẻ đã vào thư viện ({dir}); xem `ontap decks`, học với `ontap`."),
                format!(
                    "The decks are in the library ({dir}); see `ontap decks`, study with `ontap`."
                ),
            ),
            _ => unreachable!("{self:?} is a fixed text, from the catalogue"),
        }
    }
}

/// English singular or plural for `count` (Vietnamese has no plural).
pub fn plural<'t>(count: usize, one: &'t str, many: &'t str) -> &'t str {
    if count == 1 { one } else { many }
}

/// `count` and the English noun that agrees with it: `1 card`, `2 cards`.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", plural(count, one, many))
}

/// `1 student`, `30 students`.
fn count_en(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn times_en(times: usize) -> String {
    match times {
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// A time span as people say it: `1 min`, `10 min`, `3 h`, `3 days`, `2 months`.
pub fn duration(span: Duration, lang: Lang) -> String {
    let minutes = span.num_minutes().max(1);
    let (count, vi, en_one, en_many) = if minutes < 60 {
        (minutes, "phút", "min", "min")
    } else if minutes < 24 * 60 {
        (round_div(minutes, 60), "giờ", "h", "h")
    } else {
        let days = round_div(minutes, 24 * 60);
        if days < 31 {
            (days, "ngày", "day", "days")
        } else if days < 365 {
            (round_div(days, 30), "tháng", "month", "months")
        } else {
            (round_div(days, 365), "năm", "year", "years")
        }
    };
    match lang {
        Lang::Vi => format!("{count} {vi}"),
        Lang::En if count == 1 => format!("{count} {en_one}"),
        Lang::En => format!("{count} {en_many}"),
    }
}

fn round_div(value: i64, by: i64) -> i64 {
    ((value + by / 2) / by).max(1)
}

/// The words of `ontap handin` and of the class report (`ontap class`), in
/// Vietnamese and English: kept apart from [`Msg`], the session's messages.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassMsg<'a> {
    // ontap handin
    NamePrompt,
    HandedIn {
        student: &'a str,
        reviews: usize,
        path: &'a str,
    },
    // ontap class: headings
    Title,
    Summary {
        students: usize,
        decks: usize,
        reviews: usize,
        today: &'a str,
    },
    DecksHeading,
    TeachAgain,
    TeachAgainHint,
    ErrorBars,
    LatestWrongLegend,
    FirstWrongLegend,
    Unreached(usize),
    AllReached,
    Inactive,
    NobodyInactive,
    StudentsHeading,
    HeatMap {
        days: usize,
    },
    HeatMapLegend,
    Forecast {
        days: usize,
    },
    ForecastHint,
    Files,
    Footer {
        version: &'a str,
        now: &'a str,
    },
    // column headers
    ColDeck,
    ColCards,
    ColReached,
    ColStudents,
    ColFirstTry,
    ColLatest,
    ColCard,
    ColAnswer,
    ColWrongAnswers,
    ColStudent,
    ColReviews,
    ColLastStudied,
    // values
    /// `12 of 30 chose “Tạo hình ảnh”`; `chose` for a multiple-choice card.
    Recurring {
        students: usize,
        of: usize,
        answer: &'a str,
        chose: bool,
    },
    DaysAgo(i64),
    Never,
    AnonymousStudent(usize),
    HeatCell {
        student: &'a str,
        date: &'a str,
        reviews: usize,
    },
    // what was done with each file
    FileUsed {
        student: &'a str,
        reviews: usize,
        version: Option<&'a str>,
    },
    FileUnreadable(&'a str),
    FileSameAs(&'a str),
    FileMergedWith {
        student: &'a str,
        other: &'a str,
        shared: usize,
    },
    FileOtherDecks {
        reviews: usize,
        decks: &'a str,
    },
    FileNothingForTheseDecks(&'a str),
    FileTorn(usize),
    FileGoneCards(usize),
    FileLater(usize),
    WroteHtml(&'a str),
}

impl ClassMsg<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if let Some(text) = self.fixed(&lang.words().class) {
            return text.to_string();
        }
        let (vi, en) = self.both();
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The message's text when it has no values: the catalogue's own.
    fn fixed(&self, words: &'static ClassWords) -> Option<&'static str> {
        match self {
            ClassMsg::NamePrompt => Some(words.name_prompt),
            ClassMsg::Title => Some(words.title),
            ClassMsg::DecksHeading => Some(words.decks_heading),
            ClassMsg::TeachAgain => Some(words.teach_again),
            ClassMsg::TeachAgainHint => Some(words.teach_again_hint),
            ClassMsg::ErrorBars => Some(words.error_bars),
            ClassMsg::LatestWrongLegend => Some(words.latest_wrong_legend),
            ClassMsg::FirstWrongLegend => Some(words.first_wrong_legend),
            ClassMsg::AllReached => Some(words.all_reached),
            ClassMsg::Inactive => Some(words.inactive),
            ClassMsg::NobodyInactive => Some(words.nobody_inactive),
            ClassMsg::StudentsHeading => Some(words.students_heading),
            ClassMsg::HeatMapLegend => Some(words.heat_map_legend),
            ClassMsg::ForecastHint => Some(words.forecast_hint),
            ClassMsg::Files => Some(words.files),
            ClassMsg::ColDeck => Some(words.col_deck),
            ClassMsg::ColCards => Some(words.col_cards),
            ClassMsg::ColReached => Some(words.col_reached),
            ClassMsg::ColStudents => Some(words.col_students),
            ClassMsg::ColFirstTry => Some(words.col_first_try),
            ClassMsg::ColLatest => Some(words.col_latest),
            ClassMsg::ColCard => Some(words.col_card),
            ClassMsg::ColAnswer => Some(words.col_answer),
            ClassMsg::ColWrongAnswers => Some(words.col_wrong_answers),
            ClassMsg::ColStudent => Some(words.col_student),
            ClassMsg::ColReviews => Some(words.col_reviews),
            ClassMsg::ColLastStudied => Some(words.col_last_studied),
            ClassMsg::DaysAgo(0) => Some(words.today),
            ClassMsg::DaysAgo(1) => Some(words.yesterday),
            ClassMsg::Never => Some(words.never),
            _ => None,
        }
    }

    fn both(&self) -> (String, String) {
        match self {
            ClassMsg::HandedIn {
                student,
                reviews,
                path,
            } => (
                format!(
                    "Đã ghi {reviews} lượt trả lời của {student} vào {path}; hãy gửi tệp này cho giáo viên."
                ),
                format!(
                    "Wrote {student}'s {reviews} reviews to {path}; give this file to your teacher."
                ),
            ),
            ClassMsg::Summary {
                students,
                decks,
                reviews,
                today,
            } => (
                format!("{students} học sinh · {decks} bộ thẻ · {reviews} lượt trả lời · {today}"),
                format!(
                    "{} · {} · {} · {today}",
                    count_en(*students, "student"),
                    count_en(*decks, "deck"),
                    count_en(*reviews, "review")
                ),
            ),
            ClassMsg::Unreached(count) => (
                format!("Thẻ chưa học sinh nào học ({count})"),
                format!("Cards nobody has reached ({count})"),
            ),
            ClassMsg::HeatMap { days } => (
                format!("Ngày học của cả lớp, {days} ngày qua"),
                format!("The class's study days, last {days} days"),
            ),
            ClassMsg::Forecast { days } => (
                format!("Thẻ đến hạn của cả lớp, {days} ngày tới"),
                format!("The class's due cards, next {days} days"),
            ),
            ClassMsg::Footer { version, now } => (
                format!("Tạo bởi ontap {version} lúc {now}, không cần mạng."),
                format!("Made by ontap {version} at {now}, without a network."),
            ),
            ClassMsg::Recurring {
                students,
                of,
                answer,
                chose: true,
            } => (
                format!("{students}/{of} học sinh chọn “{answer}”"),
                format!("{students} of {of} chose “{answer}”"),
            ),
            ClassMsg::Recurring {
                students,
                of,
                answer,
                chose: false,
            } => (
                format!("{students}/{of} học sinh trả lời “{answer}”"),
                format!("{students} of {of} answered “{answer}”"),
            ),
            ClassMsg::DaysAgo(days) => (format!("{days} ngày trước"), format!("{days} days ago")),
            ClassMsg::AnonymousStudent(number) => (
                format!("Học sinh {number:02}"),
                format!("Student {number:02}"),
            ),
            ClassMsg::HeatCell {
                student,
                date,
                reviews,
            } => (
                format!("{student}, {date}: {reviews} lượt"),
                format!("{student}, {date}: {reviews} reviews"),
            ),
            ClassMsg::FileUsed {
                student,
                reviews,
                version,
            } => {
                let (vi_version, en_version) = match version {
                    Some(version) => (format!(" (ontap {version})"), format!(" (ontap {version})")),
                    None => (String::new(), String::new()),
                };
                (
                    format!("{student}: {reviews} lượt{vi_version}"),
                    format!("{student}: {reviews} reviews{en_version}"),
                )
            }
            ClassMsg::FileUnreadable(message) => (
                format!("{message} (không đọc được, bỏ qua tệp này)"),
                format!("{message} (unreadable, left out)"),
            ),
            ClassMsg::FileSameAs(other) => (
                format!("giống hệt {other}: chỉ tính một lần"),
                format!("the same reviews as {other}: counted once"),
            ),
            ClassMsg::FileMergedWith {
                student,
                other,
                shared,
            } => (
                format!(
                    "cũng là bài của {student} (như {other}): gộp lại, {shared} lượt có ở cả hai chỉ tính một lần"
                ),
                format!(
                    "also {student}'s (as is {other}): merged, {shared} reviews in both counted once"
                ),
            ),
            ClassMsg::FileOtherDecks { reviews, decks } => (
                format!("{reviews} lượt của bộ thẻ khác ({decks}) không được tính"),
                format!("{reviews} reviews of other decks ({decks}) left out"),
            ),
            ClassMsg::FileNothingForTheseDecks(decks) => (
                format!("chỉ có lượt của bộ thẻ khác ({decks}), không phải của lớp này: bỏ qua"),
                format!("holds only other decks' reviews ({decks}), not this class's: left out"),
            ),
            ClassMsg::FileTorn(bytes) => (
                format!("bỏ qua {bytes} byte ghi dở ở cuối tệp"),
                format!("{bytes} bytes of an unfinished record at the end left out"),
            ),
            ClassMsg::FileGoneCards(reviews) => (
                format!("{reviews} lượt của thẻ không còn trong bộ thẻ không được tính"),
                format!("{reviews} reviews of cards no longer in the deck left out"),
            ),
            ClassMsg::FileLater(reviews) => (
                format!("{reviews} lượt ghi thời điểm sau lúc lập báo cáo không được tính"),
                format!("{reviews} reviews dated after the report's time left out"),
            ),
            ClassMsg::WroteHtml(path) => (
                format!("Đã ghi báo cáo vào {path}; mở bằng trình duyệt để chiếu hoặc in."),
                format!("Wrote the report to {path}; open it in a browser to project or print."),
            ),
            _ => unreachable!("{self:?} is a fixed text, from the catalogue"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_message() -> Vec<Msg<'static>> {
        let span = Duration::days(3);
        vec![
            Msg::Progress {
                position: 3,
                total: 20,
                due: 12,
                new: 5,
                again: 1,
            },
            Msg::TotalGrew(1),
            Msg::TotalGrew(2),
            Msg::NewCardsWaitForSiblings(1),
            Msg::NewCardsWaitForSiblings(7),
            Msg::NewCardsWaitForLimit {
                count: 3,
                limit: 20,
            },
            Msg::QuizProgress {
                position: 1,
                total: 2,
            },
            Msg::ReviewProgress { left: 2 },
            Msg::TranslateIntoEnglish,
            Msg::TranslateIntoVietnamese,
            Msg::ListAnswerHint { items: 3 },
            Msg::TextAnswerPrompt,
            Msg::KeysHint,
            Msg::KeysHintPlain,
            Msg::PlainChoicePrompt,
            Msg::NotAChoice("x"),
            Msg::Correct,
            Msg::Close,
            Msg::Wrong,
            Msg::RightAnswer("a"),
            Msg::LessonSpelling("a"),
            Msg::AllItems("a, b"),
            Msg::YouAnswered("a"),
            Msg::MissingDiacritics("a"),
            Msg::Typo("a"),
            Msg::Partial {
                recalled: 1,
                total: 2,
            },
            Msg::NextReview(span),
            Msg::PressEnterToReveal,
            Msg::Answer("a"),
            Msg::GradeOption {
                rating: RatingName::Good,
                next: span,
            },
            Msg::UndoEntry,
            Msg::QuitEntry,
            Msg::Undone("p"),
            Msg::NothingToUndo,
            Msg::LastTimeYouAnswered("a"),
            Msg::LastTimeYouChose("a"),
            Msg::RepeatedWrong {
                answer: "DALL-E",
                prompt: "MidJourney",
                times: 2,
                chose: true,
            },
            Msg::RepeatedWrong {
                answer: "DALL-E",
                prompt: "MidJourney",
                times: 3,
                chose: false,
            },
            Msg::MissLineUnanswered {
                prompt: "p",
                expected: "e",
            },
            Msg::LeftTheList,
            Msg::NothingDue(None),
            Msg::NothingDue(Some(span)),
            Msg::NextCardIn(span),
            Msg::NothingToQuiz,
            Msg::LastQuestionDone,
            Msg::NothingMissed,
            Msg::ReviewDone,
            Msg::OverruleHint,
            Msg::OverruleMenuLine,
            Msg::OverruleEntry,
            Msg::LastQuestionDoneOverrule,
            Msg::Overruled("a"),
            Msg::NothingToOverrule,
            Msg::SummaryCounts {
                answered: 4,
                correct: 2,
                close: 1,
                wrong: 1,
            },
            Msg::QuizScore {
                right: 7,
                total: 10,
                close: 2,
            },
            Msg::RightOnTry(2),
            Msg::RightOnTry(3),
            Msg::QuizStopped {
                asked: 3,
                planned: 10,
            },
            Msg::StillMissed(2),
            Msg::MissesHeader,
            Msg::MissLine {
                prompt: "p",
                expected: "e",
                answer: "a",
            },
            Msg::DeckLeftOut("d.toml:11: expected `]`"),
            Msg::DecksHeader,
            Msg::NoDecks,
            Msg::Added { dir: "d" },
            Msg::NothingAdded,
        ]
    }

    #[test]
    fn every_message_exists_in_both_languages_and_differs() {
        for message in every_message() {
            let vi = message.text(Lang::Vi);
            let en = message.text(Lang::En);
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{message:?}"
            );
            assert_ne!(vi, en, "{message:?} is not translated");
        }
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::minutes(10), Lang::En), "10 min");
        assert_eq!(duration(Duration::seconds(20), Lang::En), "1 min");
        assert_eq!(duration(Duration::days(3), Lang::En), "3 days");
        assert_eq!(duration(Duration::days(1), Lang::En), "1 day");
        assert_eq!(duration(Duration::days(3), Lang::Vi), "3 ngày");
        assert_eq!(duration(Duration::hours(5), Lang::Vi), "5 giờ");
        assert_eq!(duration(Duration::days(90), Lang::En), "3 months");
        assert_eq!(duration(Duration::days(800), Lang::En), "2 years");
    }

    #[test]
    fn errors_in_vietnamese_keep_the_place_and_the_exit_status() {
        use crate::error::{Error, Location};
        let unknown = Error::UnknownDeck { name: "x".into() };
        let english = unknown.to_string();
        assert_eq!(unknown.in_language(Lang::En), english);
        assert_eq!(
            unknown.in_language(Lang::Vi),
            "thư viện không có bộ thẻ nào tên 'x' (xem `ontap decks`)"
        );
        assert_eq!(unknown.exit_code(), 2);
        let invalid = Error::invalid(Location::line("a.toml", 3), "expected `]`");
        assert_eq!(
            invalid.in_language(Lang::Vi),
            "a.toml:3: nội dung không hợp lệ: expected `]`"
        );
        assert_eq!(invalid.exit_code(), 1);
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let io = Error::io("/data/lock", denied).in_language(Lang::Vi);
        assert!(
            io.starts_with("/data/lock: không có quyền truy cập ("),
            "{io}"
        );
        let locked = Error::Locked {
            path: "/d/lock".into(),
        }
        .in_language(Lang::Vi);
        assert!(locked.contains("một phiên ontap khác"), "{locked}");
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        assert_eq!(counted(1, "card", "cards"), "1 card");
        assert_eq!(counted(0, "card", "cards"), "0 cards");
        let hint = Msg::ListAnswerHint { items: 1 };
        assert_eq!(hint.text(Lang::En), "(1 item, separated by commas)");
        let stopped = Msg::QuizStopped {
            asked: 0,
            planned: 1,
        };
        assert_eq!(stopped.text(Lang::En), "Stopped after 0 of 1 question.");
    }

    #[test]
    fn repeated_wrong_says_twice() {
        let message = Msg::RepeatedWrong {
            answer: "DALL-E",
            prompt: "MidJourney thuộc nhóm nào?",
            times: 2,
            chose: true,
        };
        assert_eq!(
            message.text(Lang::En),
            "You chose “DALL-E” twice now for: MidJourney thuộc nhóm nào?"
        );
        assert_eq!(
            message.text(Lang::Vi),
            "Bạn đã chọn “DALL-E” 2 lần rồi cho câu: MidJourney thuộc nhóm nào?"
        );
    }

    #[test]
    fn every_class_message_exists_in_both_languages_and_differs() {
        let messages = [
            ClassMsg::NamePrompt,
            ClassMsg::HandedIn {
                student: "Lan",
                reviews: 3,
                path: "lan.toml",
            },
            ClassMsg::Title,
            ClassMsg::Summary {
                students: 30,
                decks: 1,
                reviews: 9,
                today: "2026-12-03",
            },
            ClassMsg::DecksHeading,
            ClassMsg::TeachAgain,
            ClassMsg::TeachAgainHint,
            ClassMsg::ErrorBars,
            ClassMsg::LatestWrongLegend,
            ClassMsg::FirstWrongLegend,
            ClassMsg::Unreached(2),
            ClassMsg::AllReached,
            ClassMsg::Inactive,
            ClassMsg::NobodyInactive,
            ClassMsg::StudentsHeading,
            ClassMsg::HeatMap { days: 28 },
            ClassMsg::HeatMapLegend,
            ClassMsg::Forecast { days: 14 },
            ClassMsg::ForecastHint,
            ClassMsg::Files,
            ClassMsg::Footer {
                version: "0.1.0",
                now: "t",
            },
            ClassMsg::ColDeck,
            ClassMsg::ColCards,
            ClassMsg::ColReached,
            ClassMsg::ColStudents,
            ClassMsg::ColFirstTry,
            ClassMsg::ColLatest,
            ClassMsg::ColCard,
            ClassMsg::ColAnswer,
            ClassMsg::ColWrongAnswers,
            ClassMsg::ColStudent,
            ClassMsg::ColReviews,
            ClassMsg::ColLastStudied,
            ClassMsg::Recurring {
                students: 12,
                of: 30,
                answer: "Tạo hình ảnh",
                chose: true,
            },
            ClassMsg::Recurring {
                students: 2,
                of: 3,
                answer: "LAN",
                chose: false,
            },
            ClassMsg::DaysAgo(0),
            ClassMsg::DaysAgo(1),
            ClassMsg::DaysAgo(8),
            ClassMsg::Never,
            ClassMsg::AnonymousStudent(3),
            ClassMsg::HeatCell {
                student: "Lan",
                date: "2026-12-01",
                reviews: 4,
            },
            ClassMsg::FileUsed {
                student: "Lan",
                reviews: 4,
                version: Some("0.1.0"),
            },
            ClassMsg::FileUnreadable("x.toml:3: bad"),
            ClassMsg::FileSameAs("a.toml"),
            ClassMsg::FileMergedWith {
                student: "Lan",
                other: "a.toml",
                shared: 2,
            },
            ClassMsg::FileOtherDecks {
                reviews: 3,
                decks: "mang",
            },
            ClassMsg::FileNothingForTheseDecks("mang"),
            ClassMsg::FileTorn(12),
            ClassMsg::FileGoneCards(2),
            ClassMsg::FileLater(1),
            ClassMsg::WroteHtml("report.html"),
        ];
        for message in messages {
            let (vi, en) = (message.text(Lang::Vi), message.text(Lang::En));
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{message:?}"
            );
            assert_ne!(vi, en, "{message:?} is not translated");
        }
        let recurring = ClassMsg::Recurring {
            students: 12,
            of: 30,
            answer: "Tạo hình ảnh",
            chose: true,
        };
        assert_eq!(recurring.text(Lang::En), "12 of 30 chose “Tạo hình ảnh”");
    }
}

/// Each sentence of the catalogues rendered with sample values, in both
/// languages: none may be blank, none may be left in English in the
/// Vietnamese catalogue, and each sentence with values shows them.
#[cfg(test)]
mod catalogue_tests {
    use super::*;

    type Render = fn(&Catalogue) -> String;

    /// `(name, render, values the sentence must show)`.
    fn every_sentence() -> Vec<(&'static str, Render, &'static [&'static str])> {
        vec![
            (
                "session.translate_into_english",
                |c| c.session.translate_into_english.into(),
                &[],
            ),
            (
                "session.translate_into_vietnamese",
                |c| c.session.translate_into_vietnamese.into(),
                &[],
            ),
            (
                "session.text_answer_prompt",
                |c| c.session.text_answer_prompt.into(),
                &[],
            ),
            ("session.keys_hint", |c| c.session.keys_hint.into(), &[]),
            (
                "session.keys_hint_plain",
                |c| c.session.keys_hint_plain.into(),
                &[],
            ),
            (
                "session.plain_choice_prompt",
                |c| c.session.plain_choice_prompt.into(),
                &[],
            ),
            ("session.correct", |c| c.session.correct.into(), &[]),
            ("session.close", |c| c.session.close.into(), &[]),
            ("session.wrong", |c| c.session.wrong.into(), &[]),
            (
                "session.press_enter_to_reveal",
                |c| c.session.press_enter_to_reveal.into(),
                &[],
            ),
            ("session.undo_entry", |c| c.session.undo_entry.into(), &[]),
            ("session.quit_entry", |c| c.session.quit_entry.into(), &[]),
            (
                "session.nothing_to_undo",
                |c| c.session.nothing_to_undo.into(),
                &[],
            ),
            (
                "session.left_the_list",
                |c| c.session.left_the_list.into(),
                &[],
            ),
            ("session.nothing_due", |c| c.session.nothing_due.into(), &[]),
            (
                "session.last_question_done",
                |c| c.session.last_question_done.into(),
                &[],
            ),
            (
                "session.overrule_hint",
                |c| c.session.overrule_hint.into(),
                &[],
            ),
            (
                "session.overrule_menu_line",
                |c| c.session.overrule_menu_line.into(),
                &[],
            ),
            (
                "session.overrule_entry",
                |c| c.session.overrule_entry.into(),
                &[],
            ),
            (
                "session.last_question_done_overrule",
                |c| c.session.last_question_done_overrule.into(),
                &[],
            ),
            (
                "session.nothing_to_overrule",
                |c| c.session.nothing_to_overrule.into(),
                &[],
            ),
            (
                "session.nothing_to_quiz",
                |c| c.session.nothing_to_quiz.into(),
                &[],
            ),
            (
                "session.nothing_missed",
                |c| c.session.nothing_missed.into(),
                &[],
            ),
            ("session.review_done", |c| c.session.review_done.into(), &[]),
            (
                "session.right_on_second_try",
                |c| c.session.right_on_second_try.into(),
                &[],
            ),
            (
                "session.misses_header",
                |c| c.session.misses_header.into(),
                &[],
            ),
            (
                "session.decks_header",
                |c| c.session.decks_header.into(),
                &[],
            ),
            ("session.no_decks", |c| c.session.no_decks.into(), &[]),
            (
                "session.nothing_added",
                |c| c.session.nothing_added.into(),
                &[],
            ),
            ("class.name_prompt", |c| c.class.name_prompt.into(), &[]),
            ("class.title", |c| c.class.title.into(), &[]),
            ("class.decks_heading", |c| c.class.decks_heading.into(), &[]),
            ("class.teach_again", |c| c.class.teach_again.into(), &[]),
            (
                "class.teach_again_hint",
                |c| c.class.teach_again_hint.into(),
                &[],
            ),
            ("class.error_bars", |c| c.class.error_bars.into(), &[]),
            (
                "class.latest_wrong_legend",
                |c| c.class.latest_wrong_legend.into(),
                &[],
            ),
            (
                "class.first_wrong_legend",
                |c| c.class.first_wrong_legend.into(),
                &[],
            ),
            ("class.all_reached", |c| c.class.all_reached.into(), &[]),
            ("class.inactive", |c| c.class.inactive.into(), &[]),
            (
                "class.nobody_inactive",
                |c| c.class.nobody_inactive.into(),
                &[],
            ),
            (
                "class.students_heading",
                |c| c.class.students_heading.into(),
                &[],
            ),
            (
                "class.heat_map_legend",
                |c| c.class.heat_map_legend.into(),
                &[],
            ),
            ("class.forecast_hint", |c| c.class.forecast_hint.into(), &[]),
            ("class.files", |c| c.class.files.into(), &[]),
            ("class.col_deck", |c| c.class.col_deck.into(), &[]),
            ("class.col_cards", |c| c.class.col_cards.into(), &[]),
            ("class.col_reached", |c| c.class.col_reached.into(), &[]),
            ("class.col_students", |c| c.class.col_students.into(), &[]),
            ("class.col_first_try", |c| c.class.col_first_try.into(), &[]),
            ("class.col_latest", |c| c.class.col_latest.into(), &[]),
            ("class.col_card", |c| c.class.col_card.into(), &[]),
            ("class.col_answer", |c| c.class.col_answer.into(), &[]),
            (
                "class.col_wrong_answers",
                |c| c.class.col_wrong_answers.into(),
                &[],
            ),
            ("class.col_student", |c| c.class.col_student.into(), &[]),
            ("class.col_reviews", |c| c.class.col_reviews.into(), &[]),
            (
                "class.col_last_studied",
                |c| c.class.col_last_studied.into(),
                &[],
            ),
            ("class.today", |c| c.class.today.into(), &[]),
            ("class.yesterday", |c| c.class.yesterday.into(), &[]),
            ("class.never", |c| c.class.never.into(), &[]),
            (
                "errors.io_detail",
                |c| (c.errors.io_detail)(&std::io::Error::other("OSX")),
                &["OSX"],
            ),
            ("errors.invalid", |c| (c.errors.invalid)("D1"), &["D1"]),
            ("errors.utf16", |c| c.errors.utf16.into(), &[]),
            (
                "errors.invalid_utf8",
                |c| (c.errors.invalid_utf8)(417),
                &["417"],
            ),
            (
                "errors.front_matter_never_closed",
                |c| c.errors.front_matter_never_closed.into(),
                &[],
            ),
            (
                "errors.front_matter_line",
                |c| (c.errors.front_matter_line)("F1"),
                &["F1"],
            ),
            (
                "errors.future_format",
                |c| (c.errors.future_format)(93, 71),
                &["93", "71"],
            ),
            (
                "errors.answer_not_saved",
                |c| (c.errors.answer_not_saved)("P1", "D1"),
                &["P1", "D1"],
            ),
            (
                "errors.cache_not_updated",
                |c| (c.errors.cache_not_updated)("L1", "P1", "D1"),
                &["L1", "P1", "D1"],
            ),
            ("errors.locked", |c| (c.errors.locked)("P1"), &["P1"]),
            (
                "errors.unknown_deck",
                |c| (c.errors.unknown_deck)("N1"),
                &["N1"],
            ),
            (
                "errors.compile_failed",
                |c| (c.errors.compile_failed)(37, 59),
                &["37", "59"],
            ),
            (
                "errors.check_failed",
                |c| (c.errors.check_failed)(37),
                &["37"],
            ),
            (
                "errors.not_a_regular_file",
                |c| c.errors.not_a_regular_file.into(),
                &[],
            ),
            (
                "errors.lesson_too_large",
                |c| (c.errors.lesson_too_large)(64),
                &["64"],
            ),
            (
                "errors.out_dir_is_file",
                |c| c.errors.out_dir_is_file.into(),
                &[],
            ),
            (
                "errors.same_deck_file",
                |c| (c.errors.same_deck_file)("T1", "F1"),
                &["T1", "F1"],
            ),
            ("errors.foreign_file", |c| c.errors.foreign_file.into(), &[]),
            (
                "errors.overrides_toml",
                |c| (c.errors.overrides_toml)("M1"),
                &["M1"],
            ),
            (
                "errors.overrides_blank",
                |c| (c.errors.overrides_blank)("K1"),
                &["K1"],
            ),
            (
                "errors.overrides_no_answers",
                |c| c.errors.overrides_no_answers.into(),
                &[],
            ),
            (
                "errors.overrides_choice_without_answer",
                |c| c.errors.overrides_choice_without_answer.into(),
                &[],
            ),
            (
                "errors.no_such_folder",
                |c| (c.errors.no_such_folder)("P1", "D1"),
                &["P1", "D1"],
            ),
            ("errors.name_needed", |c| c.errors.name_needed.into(), &[]),
            ("errors.no_hand_ins", |c| c.errors.no_hand_ins.into(), &[]),
            (
                "errors.no_hand_ins_read",
                |c| (c.errors.no_hand_ins_read)(37),
                &["37"],
            ),
            (
                "compile.summary",
                |c| {
                    (c.compile.summary)(&LessonSummary {
                        lesson: "L1",
                        cards: 37,
                        kinds: "K1",
                        dropped: 59,
                        edits: 71,
                        target: "T1",
                    })
                },
                &["L1", "37", "K1", "59", "71", "T1"],
            ),
            (
                "compile.unmatched",
                |c| (c.compile.unmatched)("F1", 37, "I1"),
                &["F1", "37", "I1"],
            ),
            (
                "compile.unmatched_exists",
                |c| (c.compile.unmatched_exists)("F1", 37, "I1"),
                &["F1", "37", "I1"],
            ),
            (
                "compile.broken_front_matter",
                |c| (c.compile.broken_front_matter)("L1", 37, "K1", "T1"),
                &["L1", "37", "K1", "T1"],
            ),
            (
                "compile.dropped_candidate",
                |c| (c.compile.dropped_candidate)(37, "W1", "R1"),
                &["37", "W1", "R1"],
            ),
            (
                "compile.nothing_to_derive",
                |c| (c.compile.nothing_to_derive)("L1"),
                &["L1"],
            ),
            (
                "compile.no_lessons",
                |c| (c.compile.no_lessons)("D1"),
                &["D1"],
            ),
            (
                "compile.total",
                |c| {
                    (c.compile.total)(&CompileTotal {
                        lessons: 37,
                        decks: 59,
                        cards: 71,
                        kinds: "K1",
                        failed: 83,
                    })
                },
                &["37", "59", "71", "K1", "83"],
            ),
            ("compile.no_kinds", |c| c.compile.no_kinds.into(), &[]),
            (
                "state.rebuilt",
                |c| (c.state.rebuilt)("C1", "L1", 37),
                &["C1", "L1", "37"],
            ),
            (
                "state.merged",
                |c| {
                    (c.state.merged)(&MergeSummary {
                        other: "O1",
                        log: "L1",
                        added: 37,
                        theirs: 59,
                        total: 71,
                        cards: 83,
                    })
                },
                &["O1", "L1", "37", "59", "71", "83"],
            ),
            ("state.checking", |c| (c.state.checking)("D1"), &["D1"]),
            ("state.no_state_yet", |c| c.state.no_state_yet.into(), &[]),
            ("state.note", |c| c.state.note.into(), &[]),
            ("state.problem", |c| c.state.problem.into(), &[]),
            ("state.all_agree", |c| c.state.all_agree.into(), &[]),
            (
                "state.session_running",
                |c| c.state.session_running.into(),
                &[],
            ),
            ("state.leftover", |c| (c.state.leftover)("P1"), &["P1"]),
            (
                "state.cache_missing",
                |c| (c.state.cache_missing)("C1", "L1"),
                &["C1", "L1"],
            ),
            (
                "state.log_unreadable",
                |c| (c.state.log_unreadable)("E1", "L1"),
                &["E1", "L1"],
            ),
            (
                "state.log_counts",
                |c| (c.state.log_counts)("L1", 37, 59, 71),
                &["L1", "37", "59", "71"],
            ),
            ("state.torn", |c| (c.state.torn)("L1", 37), &["L1", "37"]),
            (
                "state.cache_differs",
                |c| (c.state.cache_differs)("P1", 37, "F1", "L1"),
                &["P1", "37", "F1", "L1"],
            ),
            (
                "state.cache_up_to_date",
                |c| (c.state.cache_up_to_date)("C1"),
                &["C1"],
            ),
            (
                "state.deck_problem",
                |c| (c.state.deck_problem)("E1"),
                &["E1"],
            ),
            (
                "state.library_cache_missing",
                |c| (c.state.library_cache_missing)("F1"),
                &["F1"],
            ),
            (
                "state.library_cache_unreadable",
                |c| (c.state.library_cache_unreadable)("P1"),
                &["P1"],
            ),
            (
                "state.library_cache_wrong",
                |c| (c.state.library_cache_wrong)("P1", 37, "F1", "F2"),
                &["P1", "37", "F1", "F2"],
            ),
            (
                "state.library_cache_up_to_date",
                |c| (c.state.library_cache_up_to_date)("F1", 37),
                &["F1", "37"],
            ),
            (
                "state.review_cache_missing",
                |c| (c.state.review_cache_missing)("F1"),
                &["F1"],
            ),
            (
                "state.review_cache_up_to_date",
                |c| (c.state.review_cache_up_to_date)("F1"),
                &["F1"],
            ),
            (
                "state.review_cache_stale",
                |c| (c.state.review_cache_stale)("F1"),
                &["F1"],
            ),
            (
                "state.review_cache_unreadable",
                |c| (c.state.review_cache_unreadable)("P1"),
                &["P1"],
            ),
            (
                "state.review_cache_wrong",
                |c| (c.state.review_cache_wrong)("P1", "F1"),
                &["P1", "F1"],
            ),
            (
                "state.library_cache_changed",
                |c| (c.state.library_cache_changed)("F1", 37),
                &["F1", "37"],
            ),
            ("state.library", |c| (c.state.library)(37), &["37"]),
            ("state.orphans", |c| (c.state.orphans)(37), &["37"]),
            ("state.never", |c| c.state.never.into(), &[]),
            (
                "state.orphan",
                |c| (c.state.orphan)("C1", "D1", 37, "T1"),
                &["C1", "D1", "37", "T1"],
            ),
            ("state.and_more", |c| (c.state.and_more)(37), &["37"]),
            ("stats.title", |c| c.stats.title.into(), &[]),
            ("stats.header", |c| c.stats.header.join("|"), &[]),
            ("stats.all_decks", |c| c.stats.all_decks.into(), &[]),
            ("stats.weekdays", |c| c.stats.weekdays.join("|"), &[]),
            ("stats.months", |c| c.stats.months.join("|"), &[]),
            ("stats.none", |c| c.stats.none.into(), &[]),
            ("stats.reviews", |c| c.stats.reviews.into(), &[]),
            ("stats.most_missed", |c| c.stats.most_missed.into(), &[]),
            ("stats.most_confused", |c| c.stats.most_confused.into(), &[]),
            (
                "stats.overruled_heading",
                |c| c.stats.overruled_heading.into(),
                &[],
            ),
            ("stats.streak_unit", |c| c.stats.streak_unit.into(), &[]),
            (
                "stats.cards",
                |c| {
                    (c.stats.cards)(&StateCounts {
                        total: 37,
                        new: 59,
                        learning: 71,
                        review: 83,
                        relearning: 97,
                    })
                },
                &["37", "59", "71", "83", "97"],
            ),
            ("stats.due_today", |c| (c.stats.due_today)(37), &["37"]),
            (
                "stats.review_counts",
                |c| {
                    (c.stats.review_counts)(&ReviewCounts {
                        total: 37,
                        today: 59,
                        last_30_days: 71,
                    })
                },
                &["37", "59", "71"],
            ),
            (
                "stats.retention",
                |c| {
                    (c.stats.retention)(&Retention {
                        window_days: 30,
                        mature_days: 21,
                        mature_reviews: 59,
                        correct: 37,
                        rate: Some(0.83),
                    })
                },
                &["37", "59", "83%"],
            ),
            (
                "stats.retention_none",
                |c| {
                    (c.stats.retention)(&Retention {
                        window_days: 30,
                        mature_days: 21,
                        mature_reviews: 0,
                        correct: 0,
                        rate: None,
                    })
                },
                &[],
            ),
            (
                "stats.streak",
                |c| {
                    (c.stats.streak)(&Streak {
                        days: 37,
                        studied_today: false,
                    })
                },
                &["37"],
            ),
            (
                "stats.heat_map_title",
                |c| {
                    (c.stats.heat_map_title)(
                        12,
                        NaiveDate::from_ymd_opt(2026, 9, 7).unwrap_or_default(),
                        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
                    )
                },
                &["12", "2026-09-07", "2026-11-29"],
            ),
            (
                "stats.forecast_title",
                |c| (c.stats.forecast_title)(14),
                &["14"],
            ),
            (
                "stats.day_label",
                |c| {
                    (c.stats.day_label)(
                        "W1",
                        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default(),
                    )
                },
                &["W1", "28"],
            ),
            (
                "stats.overruled",
                |c| (c.stats.overruled)("T1", "A1", true),
                &["T1", "A1"],
            ),
            (
                "stats.more_overruled",
                |c| (c.stats.more_overruled)(37),
                &["37"],
            ),
            (
                "stats.confused",
                |c| (c.stats.confused)("P1", "A1"),
                &["P1", "A1"],
            ),
            (
                "compile.kind_name",
                |c| {
                    CardKind::all()
                        .iter()
                        .map(|kind| (c.compile.kind_name)(*kind))
                        .collect::<Vec<_>>()
                        .join("|")
                },
                &[],
            ),
            (
                "compile.drop_reason",
                |c| (c.compile.drop_reason)(DropReason::TooLong).into(),
                &[],
            ),
        ]
    }

    #[test]
    fn every_sentence_is_in_both_languages_and_translated() {
        for (name, render, _) in every_sentence() {
            let (vi, en) = (render(&VI), render(&EN));
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{name} is blank"
            );
            assert_ne!(vi, en, "{name} is not translated");
        }
    }

    #[test]
    fn sentences_with_values_show_them() {
        for (name, render, values) in every_sentence() {
            for lang in [Lang::Vi, Lang::En] {
                let text = render(lang.words());
                for value in values {
                    assert!(
                        text.contains(value),
                        "{name} in {lang:?} lost {value}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_kind_and_drop_reason_has_a_distinct_name() {
        for catalogue in [&VI, &EN] {
            let names: std::collections::BTreeSet<&str> = CardKind::all()
                .iter()
                .map(|kind| (catalogue.compile.kind_name)(*kind))
                .collect();
            assert_eq!(names.len(), CardKind::all().len());
        }
    }

    #[test]
    fn errors_are_worded_at_the_edge_with_their_place() {
        use crate::error::{Error, LessonProblem, Location};
        let error = Error::Lesson {
            location: Location::line("broken.md", 1),
            problem: LessonProblem::FrontMatterNeverClosed,
        };
        assert_eq!(
            error.to_string(),
            "broken.md:1: front matter opened with `---` is never closed"
        );
        assert_eq!(
            error.in_language(Lang::Vi),
            "broken.md:1: phần front matter mở bằng `---` không bao giờ được đóng"
        );
        let failure = crate::error::Failure::new(&Error::NoHandIns, Lang::Vi);
        assert_eq!(failure.exit_code, 2);
        assert!(failure.message.starts_with("không có bài nộp nào"));
    }
}
