//! What the compiler derives: the bundled lesson's must-have cards, the
//! fixture lesson's constructs, stable ids across edits, and clean text.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use ontap::deck::{Card, CardKind, Deck, Direction, InputKind};
use ontap::derive::compile_lesson;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn compile(path: &Path) -> Deck {
    compile_lesson(path, &std::fs::read(path).unwrap()).unwrap()
}

fn bundled() -> Deck {
    compile(&root().join("decks/ai-tao-sinh.md"))
}

fn of_kind(deck: &Deck, kind: CardKind) -> Vec<&Card> {
    deck.cards.iter().filter(|card| card.kind == kind).collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn bundled_deck_has_both_translation_pairs_both_ways() {
    let deck = bundled();
    let translations = of_kind(&deck, CardKind::Translate);
    assert_eq!(translations.len(), 4);
    let find = |direction: Direction, prompt: &str| {
        translations
            .iter()
            .find(|card| card.direction == Some(direction) && card.prompt == prompt)
            .unwrap_or_else(|| panic!("no {direction:?} card for {prompt}"))
    };
    assert_eq!(
        find(Direction::ViEn, "AI tạo sinh").answers,
        strings(&["Generative AI"])
    );
    assert_eq!(
        find(Direction::EnVi, "Generative AI").answers,
        strings(&["AI tạo sinh"])
    );
    let llm = find(Direction::ViEn, "mô hình ngôn ngữ lớn");
    assert_eq!(
        llm.answers,
        strings(&["LLM - Large Language Model", "LLM", "Large Language Model"])
    );
    let back = find(Direction::EnVi, "LLM - Large Language Model");
    assert_eq!(back.answers, strings(&["mô hình ngôn ngữ lớn"]));
    assert!(
        translations
            .iter()
            .all(|card| card.input == InputKind::Text)
    );
}

#[test]
fn bundled_deck_matches_the_ten_tools_to_their_three_categories() {
    let deck = bundled();
    let categories = strings(&["Tạo văn bản", "Tạo hình ảnh", "Tạo âm thanh"]);
    let expected: BTreeMap<&str, &str> = [
        ("ChatGPT", "Tạo văn bản"),
        ("Claude", "Tạo văn bản"),
        ("CoPilot", "Tạo văn bản"),
        ("Gemini", "Tạo văn bản"),
        ("DALL-E", "Tạo hình ảnh"),
        ("MidJourney", "Tạo hình ảnh"),
        ("Stable Diffusion", "Tạo hình ảnh"),
        ("Adobe Firefly", "Tạo hình ảnh"),
        ("AIVA", "Tạo âm thanh"),
        ("Jukedeck", "Tạo âm thanh"),
    ]
    .into_iter()
    .collect();
    let mut matched = BTreeMap::new();
    for card in of_kind(&deck, CardKind::Category) {
        assert_eq!(card.input, InputKind::Choice);
        assert!(card.choices.contains(&card.answers[0]), "{card:?}");
        if let Some(tool) = card.prompt.strip_suffix(" thuộc nhóm nào?") {
            assert_eq!(card.choices, categories, "{card:?}");
            matched.insert(tool.to_string(), card.answers[0].clone());
        } else {
            let category = card
                .prompt
                .strip_prefix("Công cụ nào thuộc nhóm ")
                .and_then(|rest| rest.strip_suffix('?'))
                .unwrap_or_else(|| panic!("unexpected prompt {}", card.prompt));
            assert_eq!(
                expected.get(card.answers[0].as_str()),
                Some(&category),
                "{card:?}"
            );
            // Each distractor is a tool of another category.
            for choice in card
                .choices
                .iter()
                .filter(|choice| **choice != card.answers[0])
            {
                assert_ne!(expected.get(choice.as_str()), Some(&category), "{card:?}");
            }
        }
    }
    let expected: BTreeMap<String, String> = expected
        .into_iter()
        .map(|(tool, category)| (tool.to_string(), category.to_string()))
        .collect();
    assert_eq!(matched, expected);
}

#[test]
fn bundled_deck_recalls_the_four_capability_groups_and_their_eleven_items() {
    let deck = bundled();
    let mut lists: BTreeMap<String, Vec<String>> = of_kind(&deck, CardKind::Recall)
        .into_iter()
        .filter(|card| card.input == InputKind::List)
        .map(|card| (card.prompt.clone(), card.answers.clone()))
        .collect();
    // The heading over the four groups lists them too.
    assert_eq!(
        lists.remove("Năng lực (AI tạo sinh) gồm những gì?"),
        Some(strings(&[
            "Tạo văn bản",
            "Tạo hình ảnh",
            "Tạo âm nhạc và âm thanh",
            "Tạo video"
        ]))
    );
    let expected: BTreeMap<String, Vec<String>> = [
        (
            "Tạo văn bản gồm những gì?",
            strings(&[
                "Viết bài báo",
                "Sáng tác thơ",
                "Tạo ra kịch bản",
                "Viết mã lệnh lập trình",
            ]),
        ),
        (
            "Tạo hình ảnh gồm những gì?",
            strings(&[
                "Vẽ tranh",
                "Tạo ra hình ảnh mới dựa trên mô tả bằng văn bản",
                "Tạo ra hình ảnh giả nhưng chân thực",
            ]),
        ),
        (
            "Tạo âm nhạc và âm thanh gồm những gì?",
            strings(&[
                "Sáng tác nhạc mới",
                "Tạo ra âm thanh từ các phong cách khác nhau",
            ]),
        ),
        (
            "Tạo video gồm những gì?",
            strings(&["Chỉnh sửa video", "Tạo ra video ngắn"]),
        ),
    ]
    .into_iter()
    .map(|(prompt, items)| (prompt.to_string(), items))
    .collect();
    assert_eq!(lists, expected);
    // And each of the 11 items is placed in its group as multiple choice.
    let placed: Vec<&Card> = of_kind(&deck, CardKind::Recall)
        .into_iter()
        .filter(|card| card.input == InputKind::Choice)
        .collect();
    assert_eq!(placed.len(), 11);
    for card in placed {
        let group = format!("{} gồm những gì?", card.answers[0]);
        let item = card
            .prompt
            .trim_start_matches('“')
            .split('”')
            .next()
            .unwrap_or("");
        assert!(
            expected[&group].iter().any(|listed| listed == item),
            "{card:?}"
        );
        assert_eq!(card.choices.len(), 4);
    }
}

#[test]
fn bundled_deck_spells_out_gans_vaes_and_gpt() {
    let deck = bundled();
    let acronyms: BTreeMap<String, String> = of_kind(&deck, CardKind::Acronym)
        .into_iter()
        .map(|card| (card.prompt.clone(), card.answers[0].clone()))
        .collect();
    for (acronym, long) in [
        ("GANs", "Generative Adversarial Networks"),
        ("VAEs", "Variational Autoencoders"),
        ("GPT", "Generative Pre-trained Transformer"),
    ] {
        let prompt = format!("{acronym} là viết tắt của gì?");
        assert_eq!(
            acronyms.get(&prompt).map(String::as_str),
            Some(long),
            "{acronyms:?}"
        );
    }
}

#[test]
fn bundled_deck_defines_its_bold_term() {
    let deck = bundled();
    let definitions = of_kind(&deck, CardKind::Definition);
    assert_eq!(definitions.len(), 1);
    assert_eq!(definitions[0].answers, strings(&["AI tạo sinh"]));
    assert!(
        definitions[0].prompt.contains("___ là một nhánh của AI"),
        "{:?}",
        definitions[0]
    );
}

#[test]
fn every_card_is_sound() {
    for path in [
        root().join("decks/ai-tao-sinh.md"),
        root().join("tests/fixtures/mang-may-tinh.md"),
    ] {
        let deck = compile(&path);
        let mut ids = HashSet::new();
        let mut contents = HashSet::new();
        let mut lines = Vec::new();
        for card in &deck.cards {
            assert!(ids.insert(card.id.clone()), "duplicate id {}", card.id);
            assert!(
                contents.insert((card.kind, card.prompt.clone(), card.answers.clone())),
                "duplicate card {card:?}"
            );
            assert!(
                card.id
                    .0
                    .starts_with(&format!("{}/{}/", deck.deck.id, card.kind.name()))
            );
            let expected = Card::content_hash(
                card.kind,
                &card.prompt,
                &card.answers,
                &card.choices,
                card.hint.as_deref(),
            );
            assert_eq!(card.hash, expected);
            lines.push(card.line);
        }
        assert!(
            lines.windows(2).all(|pair| pair[0] <= pair[1]),
            "cards out of lesson order"
        );
    }
}

#[test]
fn fixture_constructs_are_handled_or_ignored() {
    let deck = compile(&root().join("tests/fixtures/mang-may-tinh.md"));
    assert_eq!(deck.deck.title, "Mạng máy tính");
    let texts: Vec<String> = deck
        .cards
        .iter()
        .flat_map(|card| {
            [card.prompt.clone()]
                .into_iter()
                .chain(card.answers.clone())
                .chain(card.choices.clone())
        })
        .collect();
    for leak in [
        "**", "](", "{", "}", "<br", "</", "&nbsp", "&#", "\u{200b}", "!!!", "???", "++", "==",
        "$", "[^",
    ] {
        assert!(
            !texts.iter().any(|text| text.contains(leak)),
            "{leak} leaks: {texts:?}"
        );
    }
    for ignored in [
        "Nhấn vào đây",
        "Sơ đồ",
        "ChatGPT",
        "Chú thích",
        "print",
        "Ctrl",
    ] {
        assert!(
            !texts.iter().any(|text| text.contains(ignored)),
            "{ignored}: {texts:?}"
        );
    }
    let find = |prompt: &str| deck.cards.iter().find(|card| card.prompt == prompt);
    let wired = find("kết nối có dây").expect("note kept out of the prompt");
    assert_eq!(wired.hint.as_deref(), Some("ví dụ cáp xoắn đôi"));
    assert_eq!(wired.answers, strings(&["wired connection"]));
    let share = find("share").unwrap();
    assert_eq!(
        share.answers,
        strings(&["chia sẻ, dùng chung", "chia sẻ", "dùng chung"])
    );
    let router = find("router").unwrap();
    assert_eq!(
        router.answers,
        strings(&["bộ định tuyến / router", "bộ định tuyến", "router"])
    );
    // The zero-width space inside "Internet" is gone.
    assert!(find("nhà cung cấp dịch vụ Internet").is_some());
    assert_eq!(
        find("Cisco Catalyst thuộc nhóm nào?").unwrap().answers,
        strings(&["Chuyển mạch"])
    );
    // TAB-indented items still form their group.
    let shared = find("Chia sẻ tài nguyên gồm những gì?").unwrap();
    assert_eq!(
        shared.answers,
        strings(&["Dùng chung máy in", "Dùng chung tập tin"])
    );
    assert_eq!(
        find("TCP là viết tắt của gì?").unwrap().answers,
        strings(&["Transmission Control Protocol"])
    );
    // Lines are the lesson's own, front matter and all.
    let lan = find("mạng cục bộ").unwrap();
    let source = std::fs::read_to_string(root().join("tests/fixtures/mang-may-tinh.md")).unwrap();
    assert!(
        source
            .lines()
            .nth(lan.line - 1)
            .unwrap()
            .starts_with("| mạng cục bộ |")
    );
}

#[test]
fn ids_survive_edits_and_hashes_follow_the_content() {
    let source = std::fs::read_to_string(root().join("tests/fixtures/mang-may-tinh.md")).unwrap();
    let before = compile_lesson(Path::new("mang-may-tinh.md"), source.as_bytes()).unwrap();
    // Fix a "typo" in an answer, and add a paragraph and a row elsewhere.
    let edited = source
        .replace("| wired connection |", "| wired link |")
        .replace("## Khái niệm\n", "## Khái niệm\n\nMột đoạn mở đầu mới.\n")
        + "\n| máy chủ | server |";
    let after = compile_lesson(Path::new("mang-may-tinh.md"), edited.as_bytes()).unwrap();
    let by_id = |deck: &Deck| -> BTreeMap<String, (String, usize)> {
        deck.cards
            .iter()
            .map(|card| (card.id.0.clone(), (card.hash.clone(), card.line)))
            .collect()
    };
    let (before, after) = (by_id(&before), by_id(&after));
    let kept: BTreeSet<&String> = before.keys().filter(|id| after.contains_key(*id)).collect();
    assert_eq!(kept.len(), before.len(), "an id disappeared");
    let changed: Vec<&str> = kept
        .iter()
        .filter(|id| before[**id].0 != after[**id].0)
        .map(|id| id.as_str())
        .collect();
    assert_eq!(
        changed,
        vec![
            "mang-may-tinh/translate/en-vi/ket-noi-co-day",
            "mang-may-tinh/translate/vi-en/ket-noi-co-day"
        ]
    );
    assert!(after.contains_key("mang-may-tinh/translate/vi-en/may-chu"));
}
