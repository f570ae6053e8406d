//! No input makes the compiler panic: arbitrary bytes, random soups of the
//! Material for MkDocs constructs the corpus uses, and every corpus lesson
//! cut at many character boundaries. Seeds are fixed, so a failure repeats.
//! Every deck that compiles must also round-trip through TOML and hold no
//! empty prompt or answer.

use std::path::{Path, PathBuf};

use ontap::deck::Deck;
use ontap::derive::compile_lesson;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use crate::support::corpus;

/// Compiles `bytes`; whatever happens, it must not panic, and a deck must
/// be sound.
fn compile_soundly(name: &str, bytes: &[u8]) {
    let path = Path::new(name);
    let result = std::panic::catch_unwind(|| compile_lesson(path, bytes));
    let Ok(result) = result else {
        panic!(
            "compiler panicked on input ({} bytes): {:?}",
            bytes.len(),
            String::from_utf8_lossy(bytes)
        )
    };
    if let Ok(deck) = result {
        let text = deck.to_toml();
        let back = Deck::from_toml(&text, Path::new("round-trip.toml")).unwrap();
        assert_eq!(back, deck);
        for card in &deck.cards {
            assert!(!card.prompt.trim().is_empty(), "{card:?}");
            assert!(
                card.answers.iter().any(|a| !a.trim().is_empty()),
                "{card:?}"
            );
            if !card.choices.is_empty() {
                assert!(card.choices.contains(&card.answers[0]), "{card:?}");
            }
        }
    }
}

#[test]
fn arbitrary_bytes_do_not_panic() {
    let mut rng = StdRng::seed_from_u64(0x0a7a9);
    for _ in 0..2_000 {
        let len = rng.random_range(0..400);
        let bytes: Vec<u8> = (0..len).map(|_| rng.random::<u8>()).collect();
        compile_soundly("bytes.md", &bytes);
    }
}

/// Pieces of the dialect the corpus uses, joined at random.
const PIECES: &[&str] = &[
    "---\n",
    "---\nicon: material/robot\ntags:\n  - a\n---\n",
    "# Tiêu đề\n",
    "## Some English words\n",
    "### Bảng đối chiếu thuật ngữ Việt - Anh\n",
    "| Vietnamese | Tiếng Anh | \n| --- | --- |\n",
    "| Tiếng Việt | Tiếng Anh |\n| ----------- | ----- |\n",
    "| mạng cục bộ | local area network (LAN) |\n",
    "| chia sẻ, dùng chung | share |\n",
    "| a <br> b | x / y |\n",
    "| `code` | &#215 |\n",
    "| &nbsp; | |\n",
    "| (ghi chú) | A - Bb Cc |\n",
    "!!! abstract \"Tóm lược\"\n",
    "??? tip\n",
    "???+ note \"N\"\n",
    "!!! question \"Hỏi\"\n    [Nhấn vào đây](https://x){:target=\"_blank\"}\n",
    "=== \"Tab\"\n",
    "    ",
    "        ",
    "\t",
    "   - ",
    "- ",
    "1. ",
    "10. ",
    "1.  ",
    "* ",
    "**Thuật ngữ** là một thứ. ",
    "**Nhãn**:",
    "Nhãn:",
    "Tạo văn bản: [ChatGPT](https://c){target=\"_blank\"}, [Claude](https://d), v.v...",
    "Generative Adversarial Networks (GANs)",
    "GPT (Generative Pre-trained Transformer)",
    "{ .annotate }",
    " (1)",
    "{:target=\"_blank}",
    "{ loading=lazy width=480 }",
    "{#id}",
    "[^1]",
    "[^1]: chú thích\n",
    "++ctrl+s++",
    "==mark==",
    "$x^2$",
    "$$\n\\begin{align} a \\end{align}\n$$\n",
    "<br>",
    "<div>\n<iframe src=\"m\">Sơ đồ tóm tắt</iframe>\n</div>\n",
    "<figure markdown>\n![ảnh](a.png)\n<figcaption>chú thích</figcaption>\n</figure>\n",
    "<span style=\"color: #f00\">đỏ</span>",
    "&nbsp;",
    "&#215",
    "&#40;",
    "\u{200b}",
    "```py\nprint(1)\n",
    "```\n",
    "~~~\n",
    "`code`",
    "![ảnh](i.png)",
    ":material-plus-circle:",
    "{!a/b.mm.md!}",
    "## Sơ đồ tóm tắt\n",
    "\n",
    "\n\n",
    "  \n",
    ":",
    "(",
    ")",
    "**",
    "|",
    "*",
    "_",
    "[",
    "]",
    "\\",
    "`",
    "<",
    "&",
    "Đ",
    "ệ",
];

#[test]
fn markdown_soup_does_not_panic() {
    let mut rng = StdRng::seed_from_u64(2024);
    for _ in 0..3_000 {
        let count = rng.random_range(1..60);
        let mut text = String::new();
        for _ in 0..count {
            let piece = PIECES[rng.random_range(0..PIECES.len())];
            text.push_str(piece);
        }
        compile_soundly("soup.md", text.as_bytes());
    }
}

/// The corpus lessons (none, after a line saying so, when the corpus is
/// absent) and the bundled lesson, which a fresh clone always has.
fn corpus_lessons(test: &str) -> Vec<PathBuf> {
    let mut lessons: Vec<PathBuf> = match corpus::corpus(test) {
        Some(dir) => std::fs::read_dir(&dir)
            .expect("the corpus folder is readable")
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect(),
        None => Vec::new(),
    };
    lessons.sort();
    lessons.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/ai-tao-sinh.md"));
    lessons
}

#[test]
fn truncated_corpus_lessons_do_not_panic() {
    let mut rng = StdRng::seed_from_u64(57);
    for lesson in corpus_lessons("truncated_corpus_lessons_do_not_panic") {
        let text = std::fs::read_to_string(&lesson).unwrap();
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        // Line ends and random character boundaries, 60 cuts per lesson.
        let mut cuts: Vec<usize> = text
            .match_indices('\n')
            .map(|(at, _)| at)
            .step_by(4)
            .take(20)
            .collect();
        cuts.extend((0..40).map(|_| boundaries[rng.random_range(0..boundaries.len())]));
        for cut in cuts {
            compile_soundly("cut.md", &text.as_bytes()[..cut]);
        }
        // Cut inside a character too: invalid UTF-8 must be an error, not a panic.
        compile_soundly("cut.md", &text.as_bytes()[..text.len().saturating_sub(1)]);
    }
}

#[test]
fn shuffled_corpus_lines_do_not_panic() {
    let mut rng = StdRng::seed_from_u64(7);
    for lesson in corpus_lessons("shuffled_corpus_lines_do_not_panic") {
        let text = std::fs::read_to_string(&lesson).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        if lines.is_empty() {
            continue;
        }
        for _ in 0..5 {
            let picked: Vec<&str> = (0..lines.len().min(80))
                .map(|_| lines[rng.random_range(0..lines.len())])
                .collect();
            compile_soundly("shuffled.md", picked.join("\n").as_bytes());
        }
    }
}
