//! Recall cards from labelled groups of capabilities or steps: "Tạo văn bản
//! gồm những gì?" answered with the whole list (order-free), and each item
//! matched to its group as multiple choice when the group has siblings.
//!
//! Groups come from the grouped lists of [`super::category`] whose items are
//! descriptions rather than names, and from a paragraph that opens with a
//! bold term and ends with a colon right above a list (`**Cập nhật dữ liệu**
//! bao gồm các thao tác:`); those paragraph groups are siblings of each
//! other across the lesson.

use std::collections::HashMap;

use crate::deck::{CardKind, InputKind};
use crate::lesson::{Block, Lesson};

use super::category::{Group, GroupSet, MAX_CHOICES, group_sets, item_text};
use super::definition::is_generic;
use super::text::{fold, is_etc, slug, trim_punctuation, word_count};
use super::{Draft, content_sections, pick_choices};

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
    drafts.extend(
        recalls
            .into_iter()
            .filter(|draft| prompts.get(&draft.prompt) == Some(&1)),
    );
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
            drafts.push(
                Draft::new(
                    CardKind::Recall,
                    InputKind::List,
                    key,
                    format!("{shown} gồm những gì?"),
                    items,
                )
                .at(set.section, group.line),
            );
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
            let mut draft = Draft::new(
                CardKind::Recall,
                InputKind::Choice,
                format!("item/{}", slug(item)),
                format!("“{item}” thuộc nhóm nào?"),
                vec![group.label.clone()],
            )
            .at(set.section, line);
            draft.choices = pick_choices(&group.label, &labels, MAX_CHOICES);
            drafts.push(draft);
        }
    }
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
        let mut drafts = Vec::new();
        extract(&Lesson::parse(text).unwrap(), &mut drafts);
        drafts
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
