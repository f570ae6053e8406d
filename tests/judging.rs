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
    (&["học máy"], &[], "hóc mày", Close, Some(Typo)),
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
