//! The judging table: (accepted answers, typed, verdict) in Vietnamese and
//! English, as a fair teacher would mark them.

use ontap::deck::{Card, CardId, CardKind, InputKind};
use ontap::judge::{CloseReason, Grade, judge};
use ontap::scheduler::Rating;

fn card(input: InputKind, answers: &[&str], choices: &[&str]) -> Card {
    Card {
        id: CardId("test/card".into()),
        kind: match input {
            InputKind::List => CardKind::Recall,
            InputKind::Choice => CardKind::Category,
            InputKind::Text => CardKind::Translate,
        },
        input,
        prompt: "?".into(),
        answers: answers.iter().map(|answer| answer.to_string()).collect(),
        choices: choices.iter().map(|choice| choice.to_string()).collect(),
        hint: None,
        direction: None,
        section: None,
        line: 1,
        hash: "0".into(),
    }
}

use CloseReason::{MissingDiacritics as NoAccents, Typo};
use Grade::{Close, Correct, Wrong};

/// (accepted answers, siblings, typed, grade, close reason)
type TextCase = (
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    Grade,
    Option<CloseReason>,
);

const TEXT_CASES: &[TextCase] = &[
    // Exact, modulo case, spacing, punctuation and Unicode form.
    (&["AI tạo sinh"], &[], "AI tạo sinh", Correct, None),
    (&["AI tạo sinh"], &[], "ai tạo sinh", Correct, None),
    (&["AI tạo sinh"], &[], "  AI   tạo  sinh. ", Correct, None),
    (&["AI tạo sinh"], &[], "AI ta\u{323}o sinh", Correct, None),
    (&["Generative AI"], &[], "generative ai", Correct, None),
    (&["Generative AI"], &[], "Generative AI!", Correct, None),
    (&["text-to-image"], &[], "text to image", Correct, None),
    (&["Node.js"], &[], "node js", Correct, None),
    (&["Node.js"], &[], "nodejs", Correct, None),
    (&["e-mail"], &[], "email", Correct, None),
    (&["AI"], &[], "A.I.", Correct, None),
    (&["AI tạo sinh"], &[], "AItạo sinh", Correct, None),
    (&["AI tạo sinh"], &[], "aitaosinh", Close, Some(NoAccents)),
    (&["don't know"], &[], "dont know", Correct, None),
    (&["mô hình (model)"], &[], "mô hình", Correct, None),
    (&["mô hình (model)"], &[], "Mô hình (model)", Correct, None),
    (&["đường truyền", "kênh"], &[], "kênh", Correct, None),
    (&["large language model", "LLM"], &[], "llm", Correct, None),
    (
        &["dữ liệu huấn luyện"],
        &[],
        "“dữ liệu huấn luyện”",
        Correct,
        None,
    ),
    (
        &["Trí tuệ nhân tạo"],
        &[],
        "TRÍ TUỆ NHÂN TẠO",
        Correct,
        None,
    ),
    // Missing Vietnamese diacritics, đ → d included.
    (&["AI tạo sinh"], &[], "AI tao sinh", Close, Some(NoAccents)),
    (
        &["đường truyền"],
        &[],
        "duong truyen",
        Close,
        Some(NoAccents),
    ),
    (&["Đà Nẵng"], &[], "da nang", Close, Some(NoAccents)),
    (
        &["mô hình ngôn ngữ"],
        &[],
        "mô hinh ngon ngữ",
        Close,
        Some(NoAccents),
    ),
    (&["người dùng"], &[], "nguoi dung", Close, Some(NoAccents)),
    (&["mạng nơ-ron"], &[], "mang no ron", Close, Some(NoAccents)),
    (&["thời gian"], &[], "thơi gian", Close, Some(NoAccents)),
    (&["học máy"], &[], "hoc may", Close, Some(NoAccents)),
    (&["dữ liệu"], &[], "du lieu", Close, Some(NoAccents)),
    // A wrong diacritic is a typo, not a missing one.
    // Two syllables typed with marks of their own are two other words (issue 9).
    (&["học máy"], &[], "hóc mày", Wrong, None),
    (&["AI tạo sinh"], &[], "AI táo sinh", Close, Some(Typo)),
    // Small typos, tolerance growing with length.
    (&["Generative AI"], &[], "Generativ AI", Close, Some(Typo)),
    (&["Generative AI"], &[], "Genrative A", Close, Some(Typo)),
    (&["Generative AI"], &[], "Genertive", Wrong, None),
    (&["transformer"], &[], "transfromer", Close, Some(Typo)),
    (&["ChatGPT"], &[], "ChatGTP", Close, Some(Typo)),
    (&["model"], &[], "modle", Close, Some(Typo)),
    (&["model"], &[], "mdl", Wrong, None),
    (&["image"], &[], "imgae", Close, Some(Typo)),
    (&["AI tạo sinh"], &[], "AI tao sin", Close, Some(Typo)),
    (&["huấn luyện"], &[], "huan luyen mo", Wrong, None),
    (&["đường truyền"], &[], "đường truyề", Close, Some(Typo)),
    (&["prompt"], &[], "promt", Close, Some(Typo)),
    (&["prompt"], &[], "pro", Wrong, None),
    // Short words and acronyms: no tolerance.
    (&["cat"], &[], "cut", Wrong, None),
    (&["AI"], &[], "AL", Wrong, None),
    (&["CNN"], &[], "RNN", Wrong, None),
    (&["HTML"], &[], "HTMX", Wrong, None),
    (&["GPT-4"], &[], "GPT-3", Wrong, None),
    (&["GPT-4"], &[], "gpt 4", Correct, None),
    (&["C++"], &[], "C", Wrong, None),
    (&["Web 2.0"], &[], "Web 3.0", Wrong, None),
    // A sibling card's answer is wrong, not close.
    (&["WAN"], &["LAN", "MAN"], "LAN", Wrong, None),
    (&["encoder"], &["decoder"], "decoder", Wrong, None),
    (
        &["tạo văn bản"],
        &["tạo hình ảnh"],
        "tao hinh anh",
        Wrong,
        None,
    ),
    (&["hình ảnh"], &["hình ành"], "hình ành", Wrong, None),
    (&["encoder"], &["decoder"], "encodr", Close, Some(Typo)),
    (&["model"], &["modal"], "modl", Close, Some(Typo)),
    (&["tokenizer"], &["tokenize"], "tokenise", Wrong, None),
    (&["tokenizer"], &[], "tokenise", Close, Some(Typo)),
    (&["má"], &["mà"], "ma", Close, Some(NoAccents)),
    (&["má"], &["mà"], "mà", Wrong, None),
    // A sibling that shares this card's answer does not make it wrong.
    (&["mô hình"], &["mô hình"], "mô hình", Correct, None),
    // Nothing like it.
    (&["AI tạo sinh"], &[], "", Wrong, None),
    (&["AI tạo sinh"], &[], "   ", Wrong, None),
    (&["AI tạo sinh"], &[], "...", Wrong, None),
    (&["AI tạo sinh"], &[], "machine learning", Wrong, None),
    (
        &["Generative AI"],
        &[],
        "Generative AI model for images",
        Wrong,
        None,
    ),
    (&[], &[], "anything", Wrong, None),
    (&["AI tạo sinh"], &[], "\u{301}\u{301}", Wrong, None),
];

#[test]
fn text_answers() {
    assert!(TEXT_CASES.len() >= 55);
    let mut failures = Vec::new();
    for (answers, siblings, typed, grade, reason) in TEXT_CASES {
        let judgement = judge(&card(InputKind::Text, answers, &[]), typed, siblings);
        if judgement.grade != *grade || judgement.close_reason != *reason {
            failures.push(format!(
                "{answers:?} typed {typed:?} (siblings {siblings:?}): got {:?} {:?}, want {grade:?} {reason:?}",
                judgement.grade, judgement.close_reason
            ));
        }
        let rating = match judgement.grade {
            Correct => Rating::Good,
            Close => Rating::Hard,
            Wrong => Rating::Again,
        };
        assert_eq!(judgement.rating, rating);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn close_answers_show_the_correct_spelling() {
    let card = card(InputKind::Text, &["Generative AI", "AI tạo sinh"], &[]);
    let judgement = judge(&card, "ai tao sinh", &[]);
    assert_eq!(judgement.grade, Close);
    assert_eq!(judgement.expected, "AI tạo sinh");
    let judgement = judge(&card, "generativ ai", &[]);
    assert_eq!(judgement.expected, "Generative AI");
    let judgement = judge(&card, "nonsense", &[]);
    assert_eq!(judgement.expected, "Generative AI");
    let with_note = self::card(InputKind::Text, &["mô hình (model)"], &[]);
    assert_eq!(
        judge(&with_note, "mo hinh", &[]).expected,
        "mô hình (model)"
    );
}

/// (choices, answer, typed, grade)
const CHOICE_CASES: &[(&[&str], &str, &str, Grade)] = &[
    (
        &["Tạo văn bản", "Tạo hình ảnh"],
        "Tạo văn bản",
        "Tạo văn bản",
        Correct,
    ),
    (
        &["Tạo văn bản", "Tạo hình ảnh"],
        "Tạo văn bản",
        "tạo văn bản ",
        Correct,
    ),
    (
        &["Tạo văn bản", "Tạo hình ảnh"],
        "Tạo văn bản",
        "Tạo hình ảnh",
        Wrong,
    ),
    (
        &["Tạo văn bản", "Tạo hình ảnh"],
        "Tạo văn bản",
        "tao van ban",
        Wrong,
    ),
    (
        &["Tạo văn bản", "Tạo hình ảnh"],
        "Tạo văn bản",
        "1",
        Correct,
    ),
    (&["Tạo văn bản", "Tạo hình ảnh"], "Tạo văn bản", "2", Wrong),
    (&["Tạo văn bản", "Tạo hình ảnh"], "Tạo văn bản", "9", Wrong),
    (&["1990", "2017"], "2017", "2017", Correct),
    (&["1990", "2017"], "2017", "2", Correct),
    (&["1990", "2017"], "2017", "1990", Wrong),
    (&["Tạo văn bản", "Tạo hình ảnh"], "Tạo văn bản", "", Wrong),
];

#[test]
fn choice_answers() {
    for (choices, answer, typed, grade) in CHOICE_CASES {
        let judgement = judge(&card(InputKind::Choice, &[answer], choices), typed, &[]);
        assert_eq!(judgement.grade, *grade, "{choices:?} typed {typed:?}");
        assert_eq!(judgement.expected, *answer);
        assert_eq!(judgement.close_reason, None);
    }
}

/// A group question: one member among the options, the other members
/// among the answers. Any member is right (and named as the one meant);
/// a member of another group is wrong.
#[test]
fn a_group_question_takes_any_member_of_the_group() {
    let group = card(
        InputKind::Choice,
        &["ChatGPT", "Gemini", "Claude"],
        &["ChatGPT", "DALL-E", "AIVA"],
    );
    for (typed, grade, expected) in [
        ("1", Correct, "ChatGPT"),
        ("chatgpt", Correct, "ChatGPT"),
        ("gemini", Correct, "Gemini"),
        ("2", Wrong, "ChatGPT"),
        ("DALL-E", Wrong, "ChatGPT"),
    ] {
        let judgement = judge(&group, typed, &[]);
        assert_eq!(judgement.grade, grade, "typed {typed:?}");
        assert_eq!(judgement.expected, expected, "typed {typed:?}");
    }
}

/// (items, typed, grade, reason)
type ListCase = (
    &'static [&'static str],
    &'static str,
    Grade,
    Option<CloseReason>,
);

const KINDS: &[&str] = &["văn bản", "hình ảnh", "âm thanh"];
const MEDIA: &[&str] = &["text", "images", "audio", "video"];

const fn partial(recalled: usize, total: usize) -> Option<CloseReason> {
    Some(CloseReason::Partial { recalled, total })
}

const LIST_CASES: &[ListCase] = &[
    (KINDS, "văn bản, hình ảnh, âm thanh", Correct, None),
    (KINDS, "âm thanh; văn bản\nhình ảnh", Correct, None),
    // "và" inside an item is not a separator: two items, one recalled.
    (KINDS, "âm thanh, văn bản và hình ảnh", Wrong, None),
    (KINDS, "âm thanh, văn bản, và hình ảnh", Correct, None),
    (KINDS, "van ban, hinh anh, am thanh", Close, Some(NoAccents)),
    (KINDS, "văn bản, hình ảnh", Close, partial(2, 3)),
    (KINDS, "văn bản", Wrong, None),
    (KINDS, "văn bản, văn bản, văn bản", Wrong, None),
    (KINDS, "video, nhạc", Wrong, None),
    (KINDS, "", Wrong, None),
    (MEDIA, "video, audio", Close, partial(2, 4)),
    (MEDIA, "video, audio, text, imagse", Close, Some(Typo)),
    (MEDIA, "Video, AUDIO, text, images, code", Correct, None),
    (MEDIA, "video", Wrong, None),
    (
        &["Chỉnh sửa video", "Tạo ra video ngắn"],
        "tạo ra video ngắn, chỉnh sửa video",
        Correct,
        None,
    ),
];

#[test]
fn list_answers() {
    let mut failures = Vec::new();
    for (items, typed, grade, reason) in LIST_CASES {
        let judgement = judge(&card(InputKind::List, items, &[]), typed, &[]);
        if judgement.grade != *grade || judgement.close_reason != *reason {
            failures.push(format!(
                "{items:?} typed {typed:?}: got {:?} {:?}, want {grade:?} {reason:?}",
                judgement.grade, judgement.close_reason
            ));
        }
        assert_eq!(judgement.expected, items.join(", "));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_is_large_enough() {
    assert!(TEXT_CASES.len() + CHOICE_CASES.len() + LIST_CASES.len() >= 60);
}

#[test]
fn huge_answers_are_judged_quickly_and_wrong() {
    let huge = "generative ai ".repeat(20_000);
    let card = card(InputKind::Text, &["Generative AI"], &[]);
    assert_eq!(judge(&card, &huge, &[]).grade, Wrong);
    let list = self::card(InputKind::List, &["text", "images"], &[]);
    assert_eq!(judge(&list, &huge, &[]).grade, Wrong);
}

// Issue 9: judging the way a Vietnamese teacher would.

use ontap::deck::Direction;
use ontap::judge::{Acronyms, judge_with};

/// A translation card as a vocabulary row compiles: `prompt` → `answers`.
fn translation(direction: Direction, prompt: &str, answers: &[&str]) -> Card {
    Card {
        prompt: prompt.into(),
        direction: Some(direction),
        ..card(InputKind::Text, answers, &[])
    }
}

/// The small library the acronym cases know: what its decks define, as
/// `ontap compile` writes them, and nothing else.
fn library() -> Vec<Card> {
    let acronym = |prompt: &str, answer: &str| Card {
        kind: CardKind::Acronym,
        prompt: prompt.into(),
        ..card(InputKind::Text, &[answer], &[])
    };
    vec![
        // `| trí tuệ nhân tạo, trí thông minh nhân tạo | AI - artificial intelligence |`
        translation(
            Direction::ViEn,
            "trí tuệ nhân tạo, trí thông minh nhân tạo",
            &[
                "AI - artificial intelligence",
                "AI",
                "artificial intelligence",
            ],
        ),
        translation(
            Direction::EnVi,
            "AI - artificial intelligence",
            &[
                "trí tuệ nhân tạo, trí thông minh nhân tạo",
                "trí tuệ nhân tạo",
                "trí thông minh nhân tạo",
            ],
        ),
        // `| xử lý ngôn ngữ tự nhiên | natural language processing (NLP) |`
        translation(
            Direction::ViEn,
            "xử lý ngôn ngữ tự nhiên",
            &[
                "natural language processing (NLP)",
                "natural language processing",
                "NLP",
            ],
        ),
        acronym("LLM là viết tắt của gì?", "Large Language Model"),
    ]
}

/// (prompt, accepted answers, typed, grade, close reason)
type PromptedCase = (
    &'static str,
    &'static [&'static str],
    &'static str,
    Grade,
    Option<CloseReason>,
);

/// English answers (vi→en cards), then Vietnamese ones (en→vi), per rule.
const TEACHER_VI_EN: &[PromptedCase] = &[
    // Orthographic variants are a Vietnamese matter: English i/y stay apart.
    ("của tôi", &["my"], "mi", Wrong, None),
    ("bầu trời", &["sky"], "ski", Wrong, None),
    ("xe tải", &["lorry"], "lorri", Close, Some(Typo)),
    // A typo counted per syllable: English words are judged on their letters…
    (
        "AI tạo sinh",
        &["Generative AI"],
        "Generatve AI",
        Close,
        Some(Typo),
    ),
    (
        "học máy",
        &["machine learning"],
        "machine lerning",
        Close,
        Some(Typo),
    ),
    // …and a stray accent on one is a one-key slip in a long answer.
    (
        "AI tạo sinh",
        &["Generative AI"],
        "Generatíve AI",
        Close,
        Some(Typo),
    ),
    ("mô hình", &["model"], "módel", Wrong, None),
    // Acronyms both ways, from the library's decks.
    (
        "AI tạo sinh",
        &["Generative AI"],
        "Generative Artificial Intelligence",
        Correct,
        None,
    ),
    (
        "AI tạo sinh",
        &["Generative AI"],
        "generative artificial-intelligence",
        Correct,
        None,
    ),
    (
        "AI tạo sinh",
        &["Generative Artificial Intelligence"],
        "Generative AI",
        Correct,
        None,
    ),
    (
        "mô hình xử lý ngôn ngữ tự nhiên",
        &["NLP model"],
        "natural language processing model",
        Correct,
        None,
    ),
    (
        "ứng dụng của LLM",
        &["Large Language Model applications"],
        "LLM applications",
        Correct,
        None,
    ),
    // The prompt's own term, or its acronym, is no answer.
    (
        "LLM là viết tắt của gì?",
        &["Large Language Model"],
        "LLM",
        Wrong,
        None,
    ),
    (
        "xử lý ngôn ngữ tự nhiên",
        &["natural language processing"],
        "NLP",
        Wrong,
        None,
    ),
    (
        "AI tạo sinh",
        &["Generative AI"],
        "Generative Automatic Intelligence",
        Wrong,
        None,
    ),
    // An answer is whole: half of a spelled-out expansion is not accepted.
    (
        "vào sau, ra trước",
        &["LIFO - Last In, First Out", "LIFO", "Last In", "First Out"],
        "First Out",
        Wrong,
        None,
    ),
    (
        "vào sau, ra trước",
        &["LIFO - Last In, First Out", "LIFO", "Last In", "First Out"],
        "Last In",
        Wrong,
        None,
    ),
    (
        "vào sau, ra trước",
        &["LIFO - Last In, First Out", "LIFO", "Last In", "First Out"],
        "LIFO",
        Correct,
        None,
    ),
    (
        "vào sau, ra trước",
        &["LIFO - Last In, First Out", "LIFO", "Last In", "First Out"],
        "last in, first out",
        Correct,
        None,
    ),
    (
        "mô hình AI yếu",
        &[
            "weak AI, ANI - Artificial Narrow Intelligence",
            "weak AI",
            "ANI",
            "Artificial Narrow Intelligence",
        ],
        "weak AI",
        Correct,
        None,
    ),
];

const TEACHER_EN_VI: &[PromptedCase] = &[
    // Orthographic variants are the same word.
    ("building", &["tòa nhà"], "toà nhà", Correct, None),
    ("peace", &["hòa bình"], "hoà bình", Correct, None),
    ("hydropower", &["thủy điện"], "thuỷ điện", Correct, None),
    ("healthy", &["khỏe mạnh"], "khoẻ mạnh", Correct, None),
    ("committee", &["ủy ban"], "uỷ ban", Correct, None),
    (
        "digital technology",
        &["kỹ thuật số"],
        "kĩ thuật số",
        Correct,
        None,
    ),
    (
        "digital technology",
        &["kĩ thuật số"],
        "kỹ thuật số",
        Correct,
        None,
    ),
    ("theory", &["lý thuyết"], "lí thuyết", Correct, None),
    ("the United States", &["nước Mỹ"], "nước Mĩ", Correct, None),
    ("rule", &["quy tắc"], "qui tắc", Correct, None),
    (
        "digital technology",
        &["kỹ thuật số"],
        "ky thuat so",
        Close,
        Some(NoAccents),
    ),
    ("building", &["tòa nhà"], "toà nha", Close, Some(NoAccents)),
    // `y` after a vowel is no variant: `tai` is another word.
    ("hand", &["tay"], "tai", Wrong, None),
    // A typo counted per syllable, on the accented text.
    ("building", &["tòa nhà"], "tạo nhà", Wrong, None),
    (
        "Generative AI",
        &["AI tạo sinh"],
        "AI tạo hình",
        Wrong,
        None,
    ),
    (
        "Generative AI",
        &["AI tạo sinh"],
        "AI tao sinh",
        Close,
        Some(NoAccents),
    ),
    (
        "Generative AI",
        &["AI tạo sinh"],
        "AI táo sinh",
        Close,
        Some(Typo),
    ),
    (
        "Generative AI",
        &["AI tạo sinh"],
        "AI tạo sin",
        Close,
        Some(Typo),
    ),
    ("model", &["mô hình"], "mô hính", Wrong, None),
    (
        "language model",
        &["mô hình ngôn ngữ"],
        "mô hính ngôn ngữ",
        Close,
        Some(Typo),
    ),
    (
        "language model",
        &["mô hình ngôn ngữ"],
        "mô hính ngôn ngứ",
        Wrong,
        None,
    ),
    ("machine learning", &["học máy"], "hóc máy", Wrong, None),
    ("time", &["thời gian"], "thới gian", Close, Some(Typo)),
    ("time", &["thời gian"], "thơi gian", Close, Some(NoAccents)),
    (
        "software",
        &["phần mềm"],
        "phân mêm",
        Close,
        Some(NoAccents),
    ),
    (
        "training data",
        &["dữ liệu huấn luyện"],
        "dữ liệu huấn luyẹn",
        Close,
        Some(NoAccents),
    ),
    (
        "training data",
        &["dữ liệu huấn luyện"],
        "dữ liệu huấn luyến",
        Close,
        Some(Typo),
    ),
    (
        "artificial intelligence",
        &["trí tuệ nhân tạo"],
        "tri tue nhan tai",
        Close,
        Some(Typo),
    ),
    // Acronyms both ways, in either language, from the library's decks.
    (
        "Generative AI",
        &["AI tạo sinh"],
        "Trí tuệ nhân tạo tạo sinh",
        Correct,
        None,
    ),
    (
        "Generative AI",
        &["AI tạo sinh"],
        "trí thông minh nhân tạo tạo sinh",
        Correct,
        None,
    ),
    (
        "Generative AI",
        &["AI tạo sinh"],
        "tri tue nhan tao tao sinh",
        Close,
        Some(NoAccents),
    ),
    (
        "Generative AI",
        &["trí tuệ nhân tạo tạo sinh"],
        "AI tạo sinh",
        Correct,
        None,
    ),
    (
        "Điền thuật ngữ còn thiếu: ___ là một nhánh của AI tập trung vào việc tạo ra các nội dung mới.",
        &["AI tạo sinh"],
        "trí tuệ nhân tạo tạo sinh",
        Correct,
        None,
    ),
    // The prompt's term shortened to its acronym is not a translation.
    (
        "artificial intelligence",
        &["trí tuệ nhân tạo"],
        "AI",
        Wrong,
        None,
    ),
    (
        "AI - artificial intelligence",
        &["trí tuệ nhân tạo"],
        "AI",
        Wrong,
        None,
    ),
    // An answer is whole, also for a Vietnamese acronym.
    (
        "information technology",
        &[
            "CNTT - công nghệ thông tin",
            "CNTT",
            "công nghệ",
            "thông tin",
        ],
        "thông tin",
        Wrong,
        None,
    ),
    (
        "information technology",
        &[
            "CNTT - công nghệ thông tin",
            "CNTT",
            "công nghệ",
            "thông tin",
        ],
        "CNTT",
        Correct,
        None,
    ),
    (
        "information technology",
        &[
            "CNTT - công nghệ thông tin",
            "CNTT",
            "công nghệ",
            "thông tin",
        ],
        "cong nghe thong tin",
        Close,
        Some(NoAccents),
    ),
];

fn run_prompted(cases: &[PromptedCase], acronyms: &Acronyms) -> Vec<String> {
    let mut failures = Vec::new();
    for (prompt, answers, typed, grade, reason) in cases {
        let card = Card {
            prompt: prompt.to_string(),
            ..card(InputKind::Text, answers, &[])
        };
        let judgement = judge_with(&card, typed, &[], acronyms);
        if judgement.grade != *grade || judgement.close_reason != *reason {
            failures.push(format!(
                "{prompt:?} → {answers:?} typed {typed:?}: got {:?} {:?}, want {grade:?} {reason:?}",
                judgement.grade, judgement.close_reason
            ));
        }
    }
    failures
}

#[test]
fn teacher_verdicts_both_ways() {
    assert!(TEACHER_VI_EN.len() + TEACHER_EN_VI.len() >= 40);
    let acronyms = Acronyms::from_cards(&library());
    let mut failures = run_prompted(TEACHER_VI_EN, &acronyms);
    failures.extend(run_prompted(TEACHER_EN_VI, &acronyms));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn acronyms_come_from_the_decks_only() {
    let acronyms = Acronyms::from_cards(&library());
    let mut ai = acronyms.expansions_of("AI");
    ai.sort();
    assert_eq!(
        ai,
        [
            "artificial intelligence",
            "trí thông minh nhân tạo",
            "trí tuệ nhân tạo"
        ]
    );
    assert_eq!(acronyms.expansions_of("LLM"), ["large language model"]);
    // The Vietnamese of the row too, in the form compared (i/y folded).
    assert_eq!(
        acronyms.expansions_of("NLP"),
        ["natural language processing", "xử lí ngôn ngữ tự nhiên"]
    );
    // Without a deck that says what AI is, the expansion is not accepted.
    let card = card(InputKind::Text, &["Generative AI"], &[]);
    let typed = "Generative Artificial Intelligence";
    assert_eq!(judge(&card, typed, &[]).grade, Wrong);
    assert_eq!(judge_with(&card, typed, &[], &acronyms).grade, Correct);
    // The bundled deck defines its own: GPT, GANs, VAEs, LLM.
    let bundled = ontap::deck::Deck::from_toml(
        ontap::library::BUNDLED_DECK,
        std::path::Path::new("bundled"),
    )
    .unwrap();
    let bundled = Acronyms::from_cards(&bundled.cards);
    assert_eq!(
        bundled.expansions_of("GPT"),
        ["generative pre trained transformer"]
    );
    assert!(bundled.expansions_of("AI").is_empty());
}

#[test]
fn variants_are_shown_in_the_lessons_spelling_without_a_note() {
    let card = card(InputKind::Text, &["tòa nhà"], &[]);
    let judgement = judge(&card, "toà nhà", &[]);
    assert_eq!(judgement.grade, Correct);
    assert_eq!(judgement.expected, "tòa nhà");
    assert_eq!(judgement.close_reason, None);
    let acronyms = Acronyms::from_cards(&library());
    let card = self::card(InputKind::Text, &["AI tạo sinh"], &[]);
    let judgement = judge_with(&card, "tri tue nhan tao tao sinh", &[], &acronyms);
    assert_eq!(judgement.expected, "AI tạo sinh");
}

#[test]
fn list_items_follow_the_same_rules_with_partial_credit() {
    let items = &["tòa nhà", "kỹ thuật số", "hòa bình"];
    let cases: &[(&str, Grade, Option<CloseReason>)] = &[
        ("hoà bình, kĩ thuật số, toà nhà", Correct, None),
        ("tạo nhà, kĩ thuật số, hoà bình", Close, partial(2, 3)),
        ("tạo nhà, kĩ thuật", Wrong, None),
    ];
    for (typed, grade, reason) in cases {
        let judgement = judge(&card(InputKind::List, items, &[]), typed, &[]);
        assert_eq!(
            (judgement.grade, &judgement.close_reason),
            (*grade, reason),
            "{typed:?}"
        );
    }
    // An item may be spelled out, or shortened, as the library defines.
    let acronyms = Acronyms::from_cards(&library());
    let items = &[
        "AI tạo sinh",
        "xử lý ngôn ngữ tự nhiên",
        "Large Language Model",
    ];
    let cases: &[(&str, Grade, Option<CloseReason>)] = &[
        ("trí tuệ nhân tạo tạo sinh, NLP, LLM", Correct, None),
        ("LLM, natural language processing", Close, partial(2, 3)),
        (
            "tri tue nhan tao tao sinh, NLP, LLM",
            Close,
            Some(NoAccents),
        ),
    ];
    for (typed, grade, reason) in cases {
        let list = card(InputKind::List, items, &[]);
        let judgement = judge_with(&list, typed, &[], &acronyms);
        assert_eq!(
            (judgement.grade, &judgement.close_reason),
            (*grade, reason),
            "{typed:?}"
        );
    }
}

use crate::support::corpus;

/// Over the whole corpus: the library's acronyms include the rows the
/// issue names, and every card still takes its own canonical answer (and
/// each accepted answer, typed back, is judged correct or is a fragment
/// of an expansion another answer spells out).
#[test]
fn every_corpus_card_takes_its_own_answers_with_the_library_s_acronyms() {
    let Some(corpus) = corpus::corpus("every_corpus_card_takes_its_own_answers") else {
        return;
    };
    let mut decks = Vec::new();
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "md") {
            let bytes = std::fs::read(&path).unwrap();
            if let Ok(deck) = ontap::derive::compile_lesson(&path, &bytes) {
                decks.push(deck);
            }
        }
    }
    let acronyms = Acronyms::from_cards(decks.iter().flat_map(|deck| &deck.cards));
    assert!(
        acronyms
            .expansions_of("AI")
            .contains(&"trí tuệ nhân tạo".to_string()),
        "{:?}",
        acronyms.expansions_of("AI")
    );
    let (mut answers, mut fragments) = (0, 0);
    let mut failures = Vec::new();
    for card in decks.iter().flat_map(|deck| &deck.cards) {
        if card.input != InputKind::Text {
            continue;
        }
        for (index, answer) in card.answers.iter().enumerate() {
            answers += 1;
            let judgement = judge_with(card, answer, &[], &acronyms);
            if judgement.grade == Correct {
                continue;
            }
            if index == 0 {
                failures.push(format!("{}: {answer:?} {judgement:?}", card.id));
            } else {
                fragments += 1;
            }
        }
    }
    let _ = std::io::Write::write_fmt(
        &mut std::io::stderr(),
        format_args!(
            "corpus: {} lessons, {} acronym pairs, {answers} typed answers, {fragments} not whole\n",
            decks.len(),
            acronyms.len()
        ),
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
