//! Every message a session shows, in Vietnamese and English. The language is
//! `Config::lang` (`--lang`, else the locale); each [`Msg`] has both texts side
//! by side so neither can be forgotten.

use chrono::Duration;

use crate::cli::Lang;
use crate::error::Error;

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
    /// `-o FILE` in a folder that does not exist.
    NoSuchFolder {
        path: &'a str,
        dir: &'a str,
    },
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
        let (vi, en) = self.both();
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
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
            Msg::TranslateIntoEnglish => pair("Dịch sang tiếng Anh:", "Translate into English:"),
            Msg::TranslateIntoVietnamese => {
                pair("Dịch sang tiếng Việt:", "Translate into Vietnamese:")
            }
            Msg::ListAnswerHint { items } => (
                format!("({items} ý, ngăn cách bằng dấu phẩy)"),
                format!(
                    "({}, separated by commas)",
                    counted(*items, "item", "items")
                ),
            ),
            Msg::TextAnswerPrompt => pair("Trả lời", "Answer"),
            Msg::KeysHint => pair(
                "Esc hoặc Ctrl-C để thoát · gõ :u để hoàn tác câu vừa rồi (trong danh sách chọn: q để thoát)",
                "Esc or Ctrl-C quits · type :u to undo the last answer (in menus: q quits too)",
            ),
            Msg::KeysHintPlain => pair(
                ":u hoàn tác · :ok tôi đúng mà · :q thoát",
                ":u undo · :ok I was right · :q quit",
            ),
            Msg::PlainChoicePrompt => pair(
                "Nhập số hoặc nội dung lựa chọn",
                "Type the number or the text of your choice",
            ),
            Msg::NotAChoice(text) => (
                format!("“{text}” không phải là một lựa chọn; hãy nhập số hoặc nội dung."),
                format!("“{text}” is not one of the choices; type its number or its text."),
            ),
            Msg::Correct => pair("✓ Đúng!", "✓ Correct!"),
            Msg::Close => pair("≈ Gần đúng!", "≈ Almost!"),
            Msg::Wrong => pair("✗ Sai.", "✗ Wrong."),
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
            Msg::PressEnterToReveal => pair(
                "Nhấn Enter để xem đáp án (u hoàn tác · q thoát)",
                "Press Enter to show the answer (u undo · q quit)",
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
            Msg::UndoEntry => pair("↶ Hoàn tác câu vừa rồi", "↶ Undo the last answer"),
            Msg::QuitEntry => pair("Thoát", "Quit"),
            Msg::Undone(prompt) => (
                format!("↶ Đã hoàn tác câu trả lời cho câu: {prompt}"),
                format!("↶ Undid the answer to: {prompt}"),
            ),
            Msg::NothingToUndo => pair("Chưa có gì để hoàn tác.", "Nothing to undo."),
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
            Msg::LeftTheList => pair("Đã rời danh sách câu sai.", "Off the missed list."),
            Msg::NothingDue(None) => pair(
                "Hiện chưa có thẻ nào đến hạn. Hãy quay lại sau, hoặc thử `ontap quiz`.",
                "Nothing is due right now. Come back later, or try `ontap quiz`.",
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
            Msg::LastQuestionDone => pair(
                "Hết câu hỏi. Enter: xem kết quả · u: hoàn tác câu vừa rồi",
                "That was the last question. Enter: summary · u: undo the last answer",
            ),
            Msg::OverruleHint => pair(
                "Bạn đúng mà? Gõ :ok ở câu sau để tính câu này là đúng.",
                "Were you right? Type :ok at the next prompt to count it correct.",
            ),
            Msg::OverruleMenuLine => pair(
                "  :ok) Tôi đúng mà: tính câu vừa rồi là đúng",
                "  :ok) I was right: count the last answer correct",
            ),
            Msg::OverruleEntry => pair(
                "✓ Tôi đúng mà: tính câu vừa rồi là đúng",
                "✓ I was right: count the last answer correct",
            ),
            Msg::LastQuestionDoneOverrule => pair(
                "Hết câu hỏi. Enter: xem kết quả · u: hoàn tác câu vừa rồi · o: tôi đúng mà",
                "That was the last question. Enter: summary · u: undo the last answer · o: I was right",
            ),
            Msg::Overruled(answer) => (
                format!("✓ Đã tính là đúng: {answer}"),
                format!("✓ Counted as correct: {answer}"),
            ),
            Msg::NothingToOverrule => pair(
                "Không có câu trả lời sai hoặc gần đúng nào để tính lại.",
                "There is no wrong or close answer to overrule.",
            ),
            Msg::NothingToQuiz => pair(
                "Không có câu hỏi nào phù hợp để làm bài kiểm tra.",
                "There are no matching cards to quiz on.",
            ),
            Msg::NothingMissed => pair(
                "Không có câu sai nào cần ôn. Tốt lắm!",
                "No missed answers to review. Well done!",
            ),
            Msg::ReviewDone => pair(
                "Đã ôn hết các câu sai.",
                "Every missed answer is now right.",
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
            Msg::RightOnTry(2) => pair("→ lần thứ hai thì đúng", "→ right on the second try"),
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
            Msg::MissesHeader => pair("Các câu sai:", "Missed:"),
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
            Msg::DecksHeader => pair(
                "bộ thẻ\tsố thẻ\tmới\tđến hạn hôm nay\tcâu sai",
                "deck\tcards\tnew\tdue today\tmissed",
            ),
            Msg::NoDecks => pair(
                "Thư viện chưa có bộ thẻ nào: thêm bài học bằng `ontap add BÀI_HỌC.md`, hoặc học một thư mục bộ thẻ với `--decks THƯ_MỤC`.",
                "The library has no decks: add lessons with `ontap add LESSON.md`, or study a folder of decks with `--decks DIR`.",
            ),
            Msg::NothingAdded => pair(
                "Không có bộ thẻ nào được thêm vào thư viện.",
                "No deck was added to the library.",
            ),
            Msg::NoSuchFolder { path, dir } => (
                format!(
                    "không ghi được {path}: thư mục {dir} không tồn tại (hãy tạo thư mục trước, hoặc chọn chỗ khác cho -o)"
                ),
                format!(
                    "cannot write {path}: the folder {dir} does not exist (create it first, or choose another place for -o)"
                ),
            ),
            Msg::Added { dir } => (
                format!("Các bộ thẻ đã vào thư viện ({dir}); xem `ontap decks`, học với `ontap`."),
                format!(
                    "The decks are in the library ({dir}); see `ontap decks`, study with `ontap`."
                ),
            ),
        }
    }
}

/// `error` worded in `lang`: the errors are written in English, so in
/// Vietnamese they become [`Error::Localized`], keeping the file and line
/// (messages quoted from other libraries, such as TOML parse errors, stay
/// as they are after a Vietnamese lead).
pub fn localized(error: Error, lang: Lang) -> Error {
    if lang == Lang::En {
        return error;
    }
    let message = match &error {
        Error::Io { path, source } => format!("{}: {}", path.display(), io_error_vi(source)),
        Error::Invalid { location, message } => {
            format!("{location}: nội dung không hợp lệ: {message}")
        }
        Error::FutureFormat {
            location,
            found,
            supported,
        } => format!(
            "{location}: định dạng phiên bản {found} mới hơn mức ontap này hiểu được (tối đa {supported}); hãy nâng cấp ontap, tệp vẫn được giữ nguyên"
        ),
        Error::AnswerNotSaved { path, source } => format!(
            "câu trả lời chưa được lưu: {}: {}; hãy giải phóng dung lượng đĩa (hoặc cho phép ghi vào thư mục) rồi trả lời lại",
            path.display(),
            io_error_vi(source)
        ),
        Error::CacheNotUpdated { log, path, source } => format!(
            "câu trả lời đã được lưu vào {}, nhưng chưa cập nhật được bộ nhớ đệm lịch ôn ({}: {}); hãy giải phóng dung lượng đĩa, lần chạy sau ontap sẽ tự cập nhật",
            log.display(),
            path.display(),
            io_error_vi(source)
        ),
        Error::Locked { path } => format!(
            "{}: một phiên ontap khác đang dùng thư mục dữ liệu này; hãy kết thúc phiên đó trước (chưa có gì bị thay đổi)",
            path.display()
        ),
        Error::UnknownDeck { name } => {
            format!("thư viện không có bộ thẻ nào tên '{name}' (xem `ontap decks`)")
        }
        Error::CompileFailed { failed, total } => {
            format!("{failed}/{total} bài học không biên dịch được")
        }
        Error::Usage(_) | Error::CheckFailed(_) | Error::Localized { .. } => return error,
    };
    Error::Localized {
        message,
        original: Box::new(error),
    }
}

fn io_error_vi(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let what = match error.kind() {
        ErrorKind::NotFound => "không tìm thấy",
        ErrorKind::PermissionDenied => "không có quyền truy cập",
        ErrorKind::ReadOnlyFilesystem => "hệ thống tệp chỉ cho đọc",
        ErrorKind::StorageFull => "đĩa đã đầy",
        ErrorKind::NotADirectory => "không phải là thư mục",
        ErrorKind::IsADirectory => "là một thư mục, không phải tệp",
        ErrorKind::InvalidData => "dữ liệu không hợp lệ",
        _ => "lỗi đọc/ghi",
    };
    format!("{what} ({error})")
}

/// English singular or plural for `count` (Vietnamese has no plural).
pub fn plural<'t>(count: usize, one: &'t str, many: &'t str) -> &'t str {
    if count == 1 { one } else { many }
}

/// `count` and the English noun that agrees with it: `1 card`, `2 cards`.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", plural(count, one, many))
}

fn pair(vi: &str, en: &str) -> (String, String) {
    (vi.to_string(), en.to_string())
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
    NameNeeded,
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
    NoHandIns,
    NoHandInsRead(usize),
    WroteHtml(&'a str),
}

impl ClassMsg<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (vi, en) = self.both();
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    fn both(&self) -> (String, String) {
        match self {
            ClassMsg::NamePrompt => pair(
                "Tên của bạn (giáo viên sẽ thấy tên này)",
                "Your name (your teacher will see it)",
            ),
            ClassMsg::NameNeeded => pair(
                "bài nộp cần tên của học sinh: dùng --name \"TÊN\" (hoặc nhập tên khi được hỏi); chưa ghi tệp nào",
                "a hand-in needs the student's name: use --name \"NAME\" (or type it when asked); no file was written",
            ),
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
            ClassMsg::Title => pair(
                "Cả lớp: những gì cần dạy lại",
                "The class: what to teach again",
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
            ClassMsg::DecksHeading => pair("Bộ thẻ", "Decks"),
            ClassMsg::TeachAgain => pair("Cần dạy lại", "Teach again"),
            ClassMsg::TeachAgainHint => pair(
                "Xếp theo số học sinh vẫn sai ở lần trả lời gần nhất, rồi theo số sai ngay lần đầu.",
                "Sorted by how many students are still wrong at their latest try, then wrong at the first.",
            ),
            ClassMsg::ErrorBars => pair("Tỉ lệ học sinh trả lời sai", "Share of students wrong"),
            ClassMsg::LatestWrongLegend => pair(
                "sai ở lần gần nhất (vạch: khoảng tin cậy 95%)",
                "wrong at the latest try (whisker: 95% interval)",
            ),
            ClassMsg::FirstWrongLegend => pair("sai ở lần đầu", "wrong at the first try"),
            ClassMsg::Unreached(count) => (
                format!("Thẻ chưa học sinh nào học ({count})"),
                format!("Cards nobody has reached ({count})"),
            ),
            ClassMsg::AllReached => pair(
                "Thẻ nào cũng đã có học sinh học.",
                "Every card has been reached.",
            ),
            ClassMsg::Inactive => pair(
                "Học sinh chưa học suốt một tuần",
                "Students who have not studied for a week",
            ),
            ClassMsg::NobodyInactive => pair(
                "Cả lớp đều đã học trong tuần qua.",
                "Everyone studied in the last week.",
            ),
            ClassMsg::StudentsHeading => pair("Học sinh", "Students"),
            ClassMsg::HeatMap { days } => (
                format!("Ngày học của cả lớp, {days} ngày qua"),
                format!("The class's study days, last {days} days"),
            ),
            ClassMsg::HeatMapLegend => pair(
                "ô càng đậm, càng nhiều lượt trả lời trong ngày",
                "the darker the square, the more reviews that day",
            ),
            ClassMsg::Forecast { days } => (
                format!("Thẻ đến hạn của cả lớp, {days} ngày tới"),
                format!("The class's due cards, next {days} days"),
            ),
            ClassMsg::ForecastHint => pair(
                "hôm nay gồm cả thẻ quá hạn",
                "today includes the overdue ones",
            ),
            ClassMsg::Files => pair("Các tệp đã đọc", "Files read"),
            ClassMsg::Footer { version, now } => (
                format!("Tạo bởi ontap {version} lúc {now}, không cần mạng."),
                format!("Made by ontap {version} at {now}, without a network."),
            ),
            ClassMsg::ColDeck => pair("Bộ thẻ", "Deck"),
            ClassMsg::ColCards => pair("Thẻ", "Cards"),
            ClassMsg::ColReached => pair("Đã học", "Reached"),
            ClassMsg::ColStudents => pair("Học sinh", "Students"),
            ClassMsg::ColFirstTry => pair("Đúng lần đầu", "1st try"),
            ClassMsg::ColLatest => pair("Đúng gần nhất", "Latest"),
            ClassMsg::ColCard => pair("Thẻ", "Card"),
            ClassMsg::ColAnswer => pair("Đáp án", "Answer"),
            ClassMsg::ColWrongAnswers => {
                pair("Câu trả lời sai lặp lại", "Wrong answers that recur")
            }
            ClassMsg::ColStudent => pair("Học sinh", "Student"),
            ClassMsg::ColReviews => pair("Lượt", "Reviews"),
            ClassMsg::ColLastStudied => pair("Học lần cuối", "Last studied"),
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
            ClassMsg::DaysAgo(0) => pair("hôm nay", "today"),
            ClassMsg::DaysAgo(1) => pair("hôm qua", "yesterday"),
            ClassMsg::DaysAgo(days) => (format!("{days} ngày trước"), format!("{days} days ago")),
            ClassMsg::Never => pair("chưa bao giờ", "never"),
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
            ClassMsg::NoHandIns => pair(
                "không có bài nộp nào: hãy chỉ ra tệp bài nộp (ontap handin -o TỆP) hoặc thư mục chứa chúng",
                "no hand-ins given: name hand-in files (ontap handin -o FILE) or folders holding them",
            ),
            ClassMsg::NoHandInsRead(files) => (
                format!("không đọc được bài nộp nào ({files} tệp lỗi, xem ở trên)"),
                format!("no hand-in could be read ({files} files failed, see above)"),
            ),
            ClassMsg::WroteHtml(path) => (
                format!("Đã ghi báo cáo vào {path}; mở bằng trình duyệt để chiếu hoặc in."),
                format!("Wrote the report to {path}; open it in a browser to project or print."),
            ),
        }
    }
}

/// A card kind's name in a compile summary: the deck format's own in
/// English (`translate`), a Vietnamese one in Vietnamese.
pub fn kind_name(kind: crate::deck::CardKind, lang: Lang) -> &'static str {
    use crate::deck::CardKind as K;
    match (lang, kind) {
        (Lang::En, kind) => kind.name(),
        (Lang::Vi, K::Translate) => "dịch nghĩa",
        (Lang::Vi, K::Category) => "phân nhóm",
        (Lang::Vi, K::Recall) => "liệt kê",
        (Lang::Vi, K::Acronym) => "viết tắt",
        (Lang::Vi, K::Definition) => "định nghĩa",
    }
}

/// Why `compile` left a candidate card out, as `compile --explain` says it.
pub fn drop_reason(reason: crate::derive::DropReason, lang: Lang) -> &'static str {
    use crate::derive::DropReason as R;
    let (vi, en) = match reason {
        R::TaskList => (
            "danh sách việc cần làm, không phải kiến thức",
            "a task list, not knowledge",
        ),
        R::WikiLink => ("liên kết tới trang khác", "links to other pages"),
        R::WorkedExample => (
            "các bước của một ví dụ, bài tập hay gợi ý",
            "the parts of a worked example, an exercise or a hint",
        ),
        R::Advice => (
            "lời khuyên, không phải thành phần của một nhóm",
            "advice, not members of a group",
        ),
        R::Number => (
            "số hoặc kích thước, không phải tên",
            "numbers or sizes, not names",
        ),
        R::NotAGroupName => (
            "nhãn mô tả một tình huống, không phải tên một nhóm",
            "the label sets a scene, it names no group",
        ),
        R::NotNames => (
            "các mục là câu văn, không phải tên",
            "the items are sentences, not names",
        ),
        R::FieldLabels => (
            "các mục là tên trường của một mô tả (Chức năng:, Cấu tạo:)",
            "the items are a description's fields (Chức năng:, Cấu tạo:)",
        ),
        R::SamePrompt => (
            "một danh sách khác của bài có cùng tên",
            "another list of the lesson goes by the same name",
        ),
        R::AskedAlready => (
            "một thẻ khác đã hỏi điều này",
            "another card asks this already",
        ),
        R::TooManyItems => (
            "quá nhiều mục để nhớ một lúc",
            "too many items to recall at once",
        ),
        R::ShowsItsAnswer => (
            "câu hỏi chứa sẵn đáp án",
            "the question shows its own answer",
        ),
        R::Duplicate => ("trùng với một thẻ khác", "the same as another card"),
        R::TooFewChoices => (
            "trắc nghiệm có dưới ba lựa chọn",
            "a multiple choice with fewer than three options",
        ),
        R::Empty => (
            "không có gì để hỏi hoặc để trả lời",
            "nothing to ask or to answer",
        ),
        R::TooLong => ("quá dài để hỏi", "too long to ask"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
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
            Msg::NoSuchFolder {
                path: "a/b.txt",
                dir: "a",
            },
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
        use crate::error::Location;
        let unknown = Error::UnknownDeck { name: "x".into() };
        let english = unknown.to_string();
        assert_eq!(localized(unknown, Lang::En).to_string(), english);
        let unknown = localized(Error::UnknownDeck { name: "x".into() }, Lang::Vi);
        assert_eq!(
            unknown.to_string(),
            "thư viện không có bộ thẻ nào tên 'x' (xem `ontap decks`)"
        );
        assert_eq!(unknown.exit_code(), 2);
        let invalid = localized(
            Error::invalid(Location::line("a.toml", 3), "expected `]`"),
            Lang::Vi,
        );
        assert_eq!(
            invalid.to_string(),
            "a.toml:3: nội dung không hợp lệ: expected `]`"
        );
        assert_eq!(invalid.exit_code(), 1);
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let io = localized(Error::io("/data/lock", denied), Lang::Vi).to_string();
        assert!(
            io.starts_with("/data/lock: không có quyền truy cập ("),
            "{io}"
        );
        let locked = localized(
            Error::Locked {
                path: "/d/lock".into(),
            },
            Lang::Vi,
        );
        assert!(
            locked.to_string().contains("một phiên ontap khác"),
            "{locked}"
        );
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
            ClassMsg::NameNeeded,
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
            ClassMsg::NoHandIns,
            ClassMsg::NoHandInsRead(2),
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
