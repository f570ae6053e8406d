//! Recall cards from labelled groups of capabilities or steps: "Tạo văn bản
//! gồm những gì?" answered with the whole list (order-free), and each item
//! matched to its group as multiple choice when the group has siblings.
//!
//! Groups come from the grouped lists of [`super::category`] whose items are
//! descriptions rather than names, and from a paragraph that opens with a
//! bold term and ends with a colon right above a list (`**Cập nhật dữ liệu**
//! bao gồm các thao tác:`); those paragraph groups are siblings of each
//! other across the lesson. A heading over a list of short names is a
//! group too (qualified with its parent heading when it is relative).
//! Labels that set a scene (`Trong phòng máy…:`) and items naming code give
//! no card.

use std::collections::HashMap;

use crate::deck::{CardKind, InputKind};
use crate::lesson::{Block, Lesson, Section};

use super::category::{Group, GroupSet, group_sets, item_text, opens_group};
use super::text::{
    fold, gives_away, is_etc, is_generic, names_a_group, slug, trim_punctuation, word_count,
};
use super::{Draft, MAX_CHOICES, content_sections, pick_choices};

/// Longest item, in words, of a list to recall, and of an item to place.
const MAX_LIST_ITEM_WORDS: usize = 12;
const MAX_CHOICE_ITEM_WORDS: usize = 16;

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    let mut recalls = Vec::new();
    extract_all(lesson, &mut recalls);
    // Two list cards that still read the same ask two different things
    // with one prompt: neither can be answered.
    let mut prompts: HashMap<String, usize> = HashMap::new();
    for draft in &recalls {
        *prompts.entry(draft.prompt.clone()).or_default() += 1;
    }
    let mut heading_lists = heading_groups(lesson);
    // Heading lists came later: they take no key or prompt another recall
    // card of the lesson has, so no earlier card's id moves.
    // A heading list that repeats a labelled group's items is the same card.
    let item_sets: Vec<Vec<String>> = recalls
        .iter()
        .map(|draft| draft.answers.iter().map(|item| fold(item)).collect())
        .collect();
    heading_lists.retain(|draft| {
        let items: Vec<String> = draft.answers.iter().map(|item| fold(item)).collect();
        !prompts.contains_key(&draft.prompt)
            && !recalls.iter().any(|other| other.key == draft.key)
            && !item_sets.contains(&items)
    });
    drafts.extend(
        recalls
            .into_iter()
            .filter(|draft| prompts.get(&draft.prompt) == Some(&1)),
    );
    drafts.extend(heading_lists);
}

/// Longest item, in words, of a list recalled under its heading: names,
/// not sentences.
const MAX_HEADING_ITEM_WORDS: usize = 6;
/// Longest line, in words, between a heading and its list (`Gồm có:`).
const MAX_INTRO_WORDS: usize = 4;

/// Whether the line between a heading and its list introduces the
/// heading's list: a short `Gồm có:` (not `Ví dụ:`: examples are not all
/// there is), or a sentence naming the heading or announcing "the
/// following" (`Android có một số đặc điểm sau:`). Another sentence
/// (`Dữ liệu cần tránh các mối đe doạ như:`) says the list is something
/// else than the heading.
fn introduces(intro: &str, heading: &str) -> bool {
    let Some(intro) = intro.strip_suffix(':') else {
        return false;
    };
    let folded = fold(intro);
    if word_count(intro) <= MAX_INTRO_WORDS {
        return !is_generic(intro);
    }
    let words = format!(
        " {} ",
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    words.contains(&format!(" {} ", fold(heading)))
        || folded.ends_with(" sau")
        || folded.ends_with(" following")
}

/// A heading whose section opens with a list of short names.
struct HeadingList<'a> {
    section: &'a Section,
    /// The nearest heading above it of a higher level, and its index.
    parent: Option<(usize, &'a Section)>,
    items: Vec<(String, usize)>,
    /// The list is examples (`Ví dụ:`), not all the heading holds.
    examples: bool,
    line: usize,
}

/// A heading whose section opens with a list of short names (`### Thiết bị
/// vào` then `- Bàn phím`, `- Chuột`…), perhaps after one line ending with a
/// colon: "Thiết bị vào gồm những gì?". A heading that only makes sense
/// under its parent (`Đặc điểm`, `Một số ứng dụng`) is qualified with it;
/// `Khái niệm`-like headings, whose lists are examples, give nothing. Items
/// of sibling subsections (`###` and deeper, the same parent) are placed
/// under their heading as multiple choice, examples lists (`Ví dụ:`)
/// included.
fn heading_groups(lesson: &Lesson) -> Vec<Draft> {
    let lists = heading_lists(lesson);
    let mut drafts = Vec::new();
    for list in lists.iter().filter(|list| !list.examples) {
        let heading = list.section.heading.as_str();
        let folded = fold(heading);
        // "Đặc điểm", "Năng lực", "Một số ứng dụng", or a subsection's
        // heading: of what?
        let relative = list.section.level >= 3
            || is_generic(heading)
            || folded.starts_with("mot so ")
            || folded.starts_with("phan loai")
            || folded.starts_with("ung dung")
            || word_count(heading) <= 2;
        let (shown, key) = match list.parent {
            Some((_, parent)) if relative => (
                format!("{heading} ({})", parent.heading),
                format!("{}/{}", slug(heading), slug(&parent.heading)),
            ),
            None if relative => continue,
            _ => (heading.to_string(), slug(heading)),
        };
        let items = list.items.iter().map(|(item, _)| item.clone()).collect();
        drafts.push(list_card(key, &shown, items).at(list.section, list.line));
    }
    // Sibling subsections: the same parent, the same level. (`##`
    // siblings are the lesson's topics, not facets of one.)
    let mut done = vec![false; lists.len()];
    for (index, list) in lists.iter().enumerate() {
        if done[index] || list.section.level < 3 {
            continue;
        }
        let siblings: Vec<&HeadingList<'_>> = lists
            .iter()
            .enumerate()
            .filter(|(other_index, other)| {
                other.section.level == list.section.level
                    && other.parent.map(|(at, _)| at) == list.parent.map(|(at, _)| at)
                    && !std::mem::replace(&mut done[*other_index], true)
            })
            .map(|(_, other)| other)
            .collect();
        if siblings.len() >= 2 {
            place_items(&siblings, &mut drafts);
        }
    }
    drafts
}

/// "“item” thuộc nhóm nào?" for the items of sibling headings that sit under
/// one heading only and do not name it.
fn place_items(siblings: &[&HeadingList<'_>], drafts: &mut Vec<Draft>) {
    let labels: Vec<String> = siblings
        .iter()
        .map(|list| list.section.heading.clone())
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for list in siblings {
        for (item, _) in &list.items {
            *counts.entry(fold(item)).or_default() += 1;
        }
    }
    for list in siblings {
        let label = &list.section.heading;
        for (item, line) in &list.items {
            if counts.get(&fold(item)) != Some(&1) || gives_away(label, item) {
                continue;
            }
            drafts.push(placement_card(item, label, &labels).at(list.section, *line));
        }
    }
}

/// The headings of the lesson whose sections open with a list of short
/// names, directly, after a line introducing it, or after a description and
/// `Ví dụ:`.
fn heading_lists(lesson: &Lesson) -> Vec<HeadingList<'_>> {
    let mut lists = Vec::new();
    for (index, section) in lesson.sections.iter().enumerate() {
        if section.level < 2 || fold(&section.heading).starts_with("so do tom tat") {
            continue;
        }
        let (list, examples) = match section.blocks.as_slice() {
            [Block::List(list), ..] => (list, false),
            [Block::Paragraph(intro), Block::List(list), ..]
                if introduces(&intro.plain(), &section.heading) =>
            {
                (list, false)
            }
            [Block::Paragraph(intro), Block::List(list), ..]
            | [
                Block::Paragraph(_),
                Block::Paragraph(intro),
                Block::List(list),
                ..,
            ] if is_examples_intro(&intro.plain()) => (list, true),
            _ => continue,
        };
        // Labelled groups are the category and recall extractors' business;
        // links to other pages of the site are navigation (`Xem thêm`).
        let navigates = |item: &crate::lesson::Item| {
            item.lead
                .links()
                .filter_map(|span| span.link.as_deref())
                .any(|target| !target.starts_with("http"))
        };
        if list
            .items
            .iter()
            .any(|item| item.sublists().next().is_some() || opens_group(item) || navigates(item))
        {
            continue;
        }
        let mut items = Vec::new();
        for item in &list.items {
            let (text, _) = item_text(&item.lead);
            if text.is_empty() || is_etc(&text) {
                continue;
            }
            // Sub-labels (`Chức năng:`) are no members, sentences no names.
            if word_count(&text) > MAX_HEADING_ITEM_WORDS || is_generic(&text) {
                items.clear();
                break;
            }
            items.push((text, item.line));
        }
        let heading = section.heading.as_str();
        // A heading opening in lower case is about a word or a letter
        // (`**i** ngắn và **y** dài`), its list holds examples.
        if items.len() < 2
            || matches!(
                fold(heading).as_str(),
                "khai niem" | "khai quat" | "vi du" | "tom tat"
            )
            || !names_a_group(heading)
            || heading.starts_with(char::is_lowercase)
        {
            continue;
        }
        let parent = lesson.sections[..index]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, other)| other.level < section.level && !other.heading.is_empty());
        lists.push(HeadingList {
            section,
            parent,
            items,
            examples,
            line: list.line,
        });
    }
    lists
}

/// `Ví dụ:` or `Examples:` alone on its line.
fn is_examples_intro(intro: &str) -> bool {
    intro.strip_suffix(':').is_some_and(|label| {
        matches!(
            fold(label.trim()).as_str(),
            "vi du" | "mot so vi du" | "example" | "examples"
        )
    })
}

fn extract_all(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    let mut sets: Vec<GroupSet<'_>> = group_sets(lesson)
        .into_iter()
        .filter(|set| !set.is_named())
        .collect();
    sets.extend(paragraph_groups(lesson));
    // A label used twice (`Ưu điểm:` under each method) is told apart by
    // its section.
    let mut label_uses: HashMap<String, usize> = HashMap::new();
    for set in &sets {
        for group in &set.groups {
            *label_uses.entry(fold(&group.label)).or_default() += 1;
        }
    }
    for set in &sets {
        let labels = set.labels();
        // "Trong phòng máy ở trường gồm những gì?" asks nothing: such a
        // label sets a scene for examples, it names no group.
        if labels.iter().any(|label| !names_a_group(label)) {
            continue;
        }
        for group in &set.groups {
            let repeated = label_uses
                .get(&fold(&group.label))
                .is_some_and(|&uses| uses > 1)
                || is_generic(&group.label);
            if repeated && set.section.heading.is_empty() {
                continue;
            }
            let (shown, key) = if repeated && !set.section.heading.is_empty() {
                (
                    format!("{} ({})", group.label, set.section.heading),
                    format!("{}/{}", slug(&group.label), slug(&set.section.heading)),
                )
            } else {
                (group.label.clone(), slug(&group.label))
            };
            let items: Vec<String> = group.items.iter().map(|(item, _)| item.clone()).collect();
            // Nobody recites a list of long sentences.
            if items
                .iter()
                .any(|item| word_count(item) > MAX_LIST_ITEM_WORDS)
            {
                continue;
            }
            drafts.push(list_card(key, &shown, items).at(set.section, group.line));
        }
        if set.groups.len() < 2
            || labels
                .iter()
                .any(|label| repeated_label(&label_uses, label) || is_generic(label))
        {
            continue;
        }
        for (group, item, line) in set.unambiguous_items() {
            if word_count(item) > MAX_CHOICE_ITEM_WORDS {
                continue;
            }
            drafts.push(placement_card(item, &group.label, &labels).at(set.section, line));
        }
    }
}

/// "“item” thuộc nhóm nào?", the sibling labels as choices.
fn placement_card(item: &str, label: &str, labels: &[String]) -> Draft {
    let mut draft = Draft::new(
        CardKind::Recall,
        InputKind::Choice,
        format!("item/{}", slug(item)),
        format!("“{item}” thuộc nhóm nào?"),
        vec![label.to_string()],
    );
    draft.choices = pick_choices(label, labels, MAX_CHOICES);
    draft
}

/// "<label> gồm những gì?", answered with the items in any order.
fn list_card(key: String, label: &str, items: Vec<String>) -> Draft {
    Draft::new(
        CardKind::Recall,
        InputKind::List,
        key,
        format!("{label} gồm những gì?"),
        items,
    )
}

fn repeated_label(uses: &HashMap<String, usize>, label: &str) -> bool {
    uses.get(&fold(label)).is_some_and(|&count| count > 1)
}

/// `**Term** bao gồm:` paragraphs directly followed by a list, as one set.
fn paragraph_groups(lesson: &Lesson) -> Vec<GroupSet<'_>> {
    let mut sets = Vec::new();
    for section in content_sections(lesson) {
        for pair in section.blocks.windows(2) {
            let [Block::Paragraph(paragraph), Block::List(list)] = pair else {
                continue;
            };
            let plain = paragraph.plain();
            if !plain.ends_with(':') || paragraph.math {
                continue;
            }
            let Some(label) = paragraph.leading_bold() else {
                continue;
            };
            let label = trim_punctuation(&label);
            if label.is_empty() || word_count(&label) > 8 {
                continue;
            }
            let mut items = Vec::new();
            for item in &list.items {
                let (text, _) = item_text(&item.lead);
                if !text.is_empty() && !is_etc(&text) && word_count(&text) <= 25 {
                    items.push((text, item.line));
                }
            }
            if items.len() >= 2 {
                sets.push(GroupSet {
                    section,
                    groups: vec![Group {
                        label,
                        line: paragraph.line,
                        items,
                        named: 0,
                        linked: 0,
                    }],
                });
            }
        }
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafts(text: &str) -> Vec<Draft> {
        crate::derive::drafts_of(extract, text)
    }

    #[test]
    fn capability_groups_give_list_and_item_cards() {
        let text = "## Năng lực\n\n- **Tạo văn bản**:\n\n    - Viết bài báo\n    - Sáng tác thơ\n\n- **Tạo video**:\n    \n    - Chỉnh sửa video\n    - Tạo ra video ngắn\n";
        let drafts = drafts(text);
        let list = &drafts[0];
        assert_eq!(list.prompt, "Tạo văn bản gồm những gì?");
        assert_eq!(list.answers, vec!["Viết bài báo", "Sáng tác thơ"]);
        assert_eq!(list.input, InputKind::List);
        let item = drafts
            .iter()
            .find(|d| d.key == "item/chinh-sua-video")
            .unwrap();
        assert_eq!(item.prompt, "“Chỉnh sửa video” thuộc nhóm nào?");
        assert_eq!(item.answers, vec!["Tạo video"]);
        assert_eq!(item.choices, vec!["Tạo văn bản", "Tạo video"]);
        assert_eq!(drafts.len(), 6);
    }

    #[test]
    fn a_heading_over_a_list_of_names_is_recalled() {
        let text = "# Máy in\n\n## Bộ phận\n\n- Khay giấy\n- Hộp mực\n- Trục cuốn, v.v...\n\n## Đặc điểm\n\nGồm các ý:\n\n- In nhanh\n- Ít ồn\n\n### Khái niệm\n\n- Máy in laser\n- Máy in phun\n\n## Cách dùng\n\n- Bật máy rồi chờ đèn xanh sáng hẳn mới in\n- Tắt máy\n\n## Các loại máy in văn phòng\n\nNgoài máy in laser, văn phòng còn dùng:\n\n- Máy in kim\n- Máy in nhiệt\n\n## Mực in\n\nMáy in dùng các loại mực in sau:\n\n- Mực bột\n- Mực nước\n\n## Tốc độ\n\nVí dụ:\n\n- Nhanh\n- Chậm\n\n## Khay\n\n**Khay** bao gồm:\n\n- Khay vào\n- Khay ra\n\n## Xem thêm\n\n- [Máy quét](may-quet.md)\n- [Máy chiếu](../may-chieu/)\n\n## Bảo trì máy in\n\n- Chức năng:\n\n    Lau đầu in.\n\n- Vai trò:\n\n    Giữ bản in rõ.\n";
        let drafts = drafts(text);
        let cards: Vec<(&str, &str, Vec<String>)> = drafts
            .iter()
            .map(|d| (d.key.as_str(), d.prompt.as_str(), d.answers.clone()))
            .collect();
        assert_eq!(
            cards,
            vec![
                // The bold label's card: the heading's same list is no second card.
                (
                    "khay",
                    "Khay gồm những gì?",
                    vec!["Khay vào".to_string(), "Khay ra".into()]
                ),
                (
                    "bo-phan/may-in",
                    "Bộ phận (Máy in) gồm những gì?",
                    vec![
                        "Khay giấy".to_string(),
                        "Hộp mực".into(),
                        "Trục cuốn".into()
                    ]
                ),
                (
                    "dac-diem/may-in",
                    "Đặc điểm (Máy in) gồm những gì?",
                    vec!["In nhanh".to_string(), "Ít ồn".into()]
                ),
                (
                    "muc-in/may-in",
                    "Mực in (Máy in) gồm những gì?",
                    vec!["Mực bột".to_string(), "Mực nước".into()]
                ),
            ]
        );
        assert_eq!(drafts[1].line, 5);
    }

    #[test]
    fn items_of_sibling_headings_are_placed_under_them() {
        let text = "## Thiết bị ngoại vi\n\n### Thiết bị nhập\n\nĐưa dữ liệu vào máy.\n\nVí dụ:\n\n- Bàn phím\n- Chuột\n\n### Thiết bị xuất\n\nĐưa dữ liệu ra ngoài.\n\nVí dụ:\n\n- Loa\n- Máy in\n- Chuột\n";
        let drafts = drafts(text);
        let cards: Vec<(&str, &str, Vec<String>)> = drafts
            .iter()
            .map(|d| (d.prompt.as_str(), d.answers[0].as_str(), d.choices.clone()))
            .collect();
        let choices = vec!["Thiết bị nhập".to_string(), "Thiết bị xuất".into()];
        // Examples are not all a heading holds: no list card; an item under
        // both headings is not placed.
        assert_eq!(
            cards,
            vec![
                (
                    "“Bàn phím” thuộc nhóm nào?",
                    "Thiết bị nhập",
                    choices.clone()
                ),
                ("“Loa” thuộc nhóm nào?", "Thiết bị xuất", choices.clone()),
                ("“Máy in” thuộc nhóm nào?", "Thiết bị xuất", choices),
            ]
        );
        assert_eq!(drafts[0].line, 9);
        assert_eq!(drafts[0].key, "item/ban-phim");
    }

    #[test]
    fn scene_labels_and_code_items_give_no_cards() {
        let text = "- Trong lớp học:\n    - Máy trạm: máy của học sinh\n    - Máy chủ: máy của giáo viên\n- Khi xem phim:\n    - Máy trạm: điện thoại\n    - Máy chủ: máy của hãng phim\n\n- Các biến:\n    - `a`: đếm số lần\n    - `b`: lưu kết quả\n- Bước đầu:\n    - Đặt `a` bằng 0\n    - Đặt `b` bằng 1\n\n**Phép so sánh** bao gồm:\n\n- Bằng nhau: `==`\n- Khác nhau: `!=`\n";
        let drafts = drafts(text);
        let prompts: Vec<&str> = drafts.iter().map(|d| d.prompt.as_str()).collect();
        assert_eq!(prompts, vec!["Phép so sánh gồm những gì?"]);
        assert_eq!(drafts[0].answers, vec!["Bằng nhau", "Khác nhau"]);
        assert!(names_a_group("Thiết bị ngoại vi"));
        assert!(!names_a_group("Các thiết bị như"));
    }

    #[test]
    fn bold_paragraph_labels_and_repeated_labels() {
        let text = "## A\n\n**Cập nhật dữ liệu** bao gồm:\n\n- **Thêm** dữ liệu\n- **Xóa** dữ liệu\n\n## Cách 1\n\n- Ưu điểm:\n    - nhanh\n    - gọn\n- Hạn chế:\n    - rối\n    - dài\n\n## Cách 2\n\n- Ưu điểm:\n    - rõ\n    - sạch\n- Hạn chế:\n    - chậm\n    - nặng\n";
        let drafts = drafts(text);
        let prompts: Vec<&str> = drafts.iter().map(|d| d.prompt.as_str()).collect();
        assert!(
            prompts.contains(&"Cập nhật dữ liệu gồm những gì?"),
            "{prompts:?}"
        );
        assert!(
            prompts.contains(&"Ưu điểm (Cách 2) gồm những gì?"),
            "{prompts:?}"
        );
        assert!(
            !prompts.iter().any(|p| p.contains("thuộc nhóm")),
            "{prompts:?}"
        );
    }
}
