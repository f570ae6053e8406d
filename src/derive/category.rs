//! Category cards, and the grouped lists both they and [`super::recall`]
//! come from.
//!
//! A *group set* is a list of sibling groups, each a label with items:
//! - one line per group, `- Tạo văn bản: [ChatGPT](…), [Claude](…), v.v...`;
//! - a bold or colon-ended label item with nested items, `1. **Giáo dục**:`
//!   or `1. Tính toán:` followed by bullets.
//!
//! When most items are names of things (links, or capitalised product and
//! service names) the set is about categories: each item gets "X thuộc nhóm
//! nào?" with the sibling categories as choices, and each category gets
//! "Công cụ nào thuộc nhóm …?" with items of other groups as distractors
//! ("Mục nào sau đây thuộc nhóm …?" when the items are not linked tools).
//! Otherwise the set is about capabilities and [`super::recall`] uses it.

use std::collections::HashMap;

use crate::deck::{CardKind, InputKind};
use crate::lesson::{Block, Inline, Item, Lesson, List, Section};

use super::text::{
    fold, gives_away, is_etc, looks_like_name, paren_groups, slug, split_outside_parens, strip_etc,
    trim_punctuation, without_notes, word_count,
};
use super::{Draft, MAX_CHOICES, content_sections, pick_choices};

/// A label and the items grouped under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub label: String,
    pub line: usize,
    /// Each item's text and line.
    pub items: Vec<(String, usize)>,
    /// How many items are names of things rather than descriptions.
    pub named: usize,
    /// How many items link to the thing they name (a tool's own site).
    pub linked: usize,
}

/// Sibling groups from one list (or the bold-label paragraphs of a lesson).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSet<'a> {
    pub section: &'a Section,
    pub groups: Vec<Group>,
}

impl GroupSet<'_> {
    /// Whether most items name things (tools, services, products).
    pub fn is_named(&self) -> bool {
        let items: usize = self.groups.iter().map(|group| group.items.len()).sum();
        let named: usize = self.groups.iter().map(|group| group.named).sum();
        items > 0 && named * 5 >= items * 3
    }

    /// Whether the items are tools the lesson points to: most of them link
    /// to their own site. Protocols, services or exam names listed as plain
    /// text are not called tools.
    pub fn is_tools(&self) -> bool {
        let items: usize = self.groups.iter().map(|group| group.items.len()).sum();
        let linked: usize = self.groups.iter().map(|group| group.linked).sum();
        items > 0 && linked * 2 > items
    }

    pub fn labels(&self) -> Vec<String> {
        self.groups
            .iter()
            .map(|group| group.label.clone())
            .collect()
    }

    /// Items that sit in one group only (an item in two groups has no single
    /// right category).
    pub fn unambiguous_items(&self) -> Vec<(&Group, &str, usize)> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for group in &self.groups {
            for (item, _) in &group.items {
                *counts.entry(fold(item)).or_default() += 1;
            }
        }
        self.groups
            .iter()
            .flat_map(|group| {
                group
                    .items
                    .iter()
                    .map(move |(item, line)| (group, item.as_str(), *line))
            })
            .filter(|(_, item, _)| counts.get(&fold(item)) == Some(&1))
            // "Hệ thống đề xuất nội dung…" under "Hệ thống đề xuất" gives the answer away.
            .filter(|(group, item, _)| !gives_away(&group.label, item))
            .collect()
    }
}

pub fn extract(lesson: &Lesson, drafts: &mut Vec<Draft>) {
    for set in group_sets(lesson).iter().filter(|set| set.is_named()) {
        let labels = set.labels();
        let unambiguous = set.unambiguous_items();
        for &(group, item, line) in &unambiguous {
            let mut draft = Draft::new(
                CardKind::Category,
                InputKind::Choice,
                slug(item),
                format!("{item} thuộc nhóm nào?"),
                vec![group.label.clone()],
            )
            .at(set.section, line);
            draft.choices = pick_choices(&group.label, &labels, MAX_CHOICES);
            drafts.push(draft);
        }
        for (index, group) in set.groups.iter().enumerate() {
            if let Some(draft) = member_card(set, &unambiguous, index, group) {
                drafts.push(draft);
            }
        }
    }
}

/// "Công cụ nào thuộc nhóm X?" (for tools; "Mục nào sau đây thuộc nhóm X?"
/// for other things): the group's first item that is in no other group,
/// against the first such item of up to three neighbouring groups.
fn member_card(
    set: &GroupSet<'_>,
    unambiguous: &[(&Group, &str, usize)],
    index: usize,
    group: &Group,
) -> Option<Draft> {
    let first_of = |wanted: &Group| {
        unambiguous
            .iter()
            .find(|(owner, _, _)| std::ptr::eq(*owner, wanted))
            .map(|(_, item, _)| item.to_string())
    };
    let answer = first_of(group)?;
    let mut choices: Vec<(usize, String)> = vec![(index, answer.clone())];
    let count = set.groups.len();
    for step in 1..count {
        if choices.len() >= MAX_CHOICES {
            break;
        }
        let other = (index + step) % count;
        if let Some(item) = set.groups.get(other).and_then(first_of) {
            choices.push((other, item));
        }
    }
    if choices.len() < 2 {
        return None;
    }
    choices.sort_by_key(|(position, _)| *position);
    // "Công cụ nào thuộc nhóm Công cụ tìm kiếm?" says "tool" twice.
    let prompt = if set.is_tools() && !fold(&group.label).starts_with("cong cu") {
        format!("Công cụ nào thuộc nhóm {}?", group.label)
    } else {
        format!("Mục nào sau đây thuộc nhóm {}?", group.label)
    };
    // The options hold one member only, but every member is a right answer:
    // the rest follow the canonical one, so flip mode and exports show the
    // whole group and no member is ever taught as wrong.
    let mut answers = vec![answer];
    for (item, _) in &group.items {
        if !answers.contains(item) {
            answers.push(item.clone());
        }
    }
    let mut draft = Draft::new(
        CardKind::Category,
        InputKind::Choice,
        format!("group/{}", slug(&group.label)),
        prompt,
        answers,
    )
    .at(set.section, group.line);
    draft.choices = choices.into_iter().map(|(_, item)| item).collect();
    // Every member of the group is a right answer to a typed question.
    draft.typable = false;
    Some(draft)
}

/// Every group set of the lesson's content sections, in lesson order.
pub fn group_sets(lesson: &Lesson) -> Vec<GroupSet<'_>> {
    let mut sets = Vec::new();
    for section in content_sections(lesson) {
        for block in &section.blocks {
            if let Block::List(list) = block {
                list_sets(section, list, &mut sets);
            }
        }
    }
    sets
}

fn list_sets<'a>(section: &'a Section, list: &List, sets: &mut Vec<GroupSet<'a>>) {
    let groups: Vec<Group> = list.items.iter().filter_map(group_of_item).collect();
    if groups.len() >= 2 {
        sets.push(GroupSet { section, groups });
    }
    for item in &list.items {
        for sublist in item.sublists() {
            list_sets(section, sublist, sets);
        }
    }
}

/// Whether an item opens a group (a label with items).
pub fn opens_group(item: &Item) -> bool {
    group_of_item(item).is_some()
}

/// The group an item opens, if it is a label with items.
fn group_of_item(item: &Item) -> Option<Group> {
    nested_group(item).or_else(|| inline_group(&item.lead, item.line))
}

/// `**Label**:` or `Label:` with a nested list right under it.
fn nested_group(item: &Item) -> Option<Group> {
    let Some(Block::List(sublist)) = item.blocks.first() else {
        return None;
    };
    let label = label_of(&item.lead)?;
    let mut items = Vec::new();
    let mut named = 0;
    let mut linked = 0;
    for sub in &sublist.items {
        let (text, is_named) = item_text(&sub.lead);
        if text.is_empty() || is_etc(&text) {
            continue;
        }
        named += usize::from(is_named);
        linked += usize::from(sub.lead.links().next().is_some());
        items.push((text, sub.line));
    }
    (items.len() >= 2).then_some(Group {
        label,
        line: item.line,
        items,
        named,
        linked,
    })
}

/// A label: the whole lead in bold (an optional colon after it), or a short
/// lead ending with a colon. At most 8 words, no link.
pub fn label_of(lead: &Inline) -> Option<String> {
    if lead.links().next().is_some() || lead.math || lead.has_code() {
        return None;
    }
    let plain = lead.plain();
    let bold_label = lead
        .leading_bold()
        .filter(|_| matches!(lead.after_leading_bold().as_str(), "" | ":"));
    let label = match bold_label {
        Some(bold) => bold,
        None => plain.strip_suffix(':')?.trim().to_string(),
    };
    let label = trim_punctuation(&label);
    (!label.is_empty() && word_count(&label) <= 8).then_some(label)
}

/// `Label: a, b, c` on one line, where the parts are names of things.
fn inline_group(lead: &Inline, line: usize) -> Option<Group> {
    if lead.math || lead.image {
        return None;
    }
    let plain = lead.plain();
    let (label, rest) = plain.split_once(':')?;
    let label = trim_punctuation(label);
    if label.is_empty() || word_count(&label) > 8 {
        return None;
    }
    let linked: Vec<String> = lead
        .links()
        .map(|span| fold(span.text.trim()))
        .filter(|text| !text.is_empty())
        .collect();
    let mut items = Vec::new();
    let mut named = 0;
    let mut linked_items = 0;
    for part in split_outside_parens(rest, ',') {
        let part = strip_etc(&part);
        let text = without_notes(&trim_punctuation(&part));
        if text.is_empty() || is_etc(&text) {
            continue;
        }
        let is_linked = linked.contains(&fold(&text));
        let is_named = is_linked || looks_like_name(&text);
        named += usize::from(is_named);
        linked_items += usize::from(is_linked);
        items.push((text, line));
    }
    // Every part must be a name: this is a list of things, not a sentence.
    (items.len() >= 2 && named == items.len()).then_some(Group {
        label,
        line,
        items,
        named,
        linked: linked_items,
    })
}

/// An item's text and whether it names a thing: a leading link's text, or
/// the item without its notes in parentheses.
pub fn item_text(lead: &Inline) -> (String, bool) {
    let first = lead.spans.iter().find(|span| !span.text.trim().is_empty());
    if let Some(link) = first.filter(|span| span.link.is_some()) {
        let text: String = lead
            .spans
            .iter()
            .skip_while(|span| span.link.is_none())
            .take_while(|span| span.link == link.link)
            .map(|span| span.text.as_str())
            .collect();
        return (trim_punctuation(&text), true);
    }
    // `**HTTP**: dùng để…` or `Thiết bị đầu cuối: là…`: the term, not its
    // description.
    if let Some(term) = lead.leading_bold() {
        let after = lead.after_leading_bold();
        let after = after.trim_start();
        let after_note = if after.starts_with('(') {
            paren_groups(after)
                .first()
                .map_or(after, |&(_, end)| after[end..].trim_start())
        } else {
            after
        };
        if after_note.is_empty() || after_note.starts_with(':') {
            let text = without_notes(&trim_punctuation(&term));
            let named = looks_like_name(&text);
            return (text, named);
        }
    }
    // Code inside an item names code (`` `q`: hàng đợi ``): no card; code
    // closing it gives examples (`So sánh: `<`, `>``): dropped.
    if lead.has_inner_code() {
        return (String::new(), false);
    }
    let plain = lead.plain_without_trailing_code();
    let text = match plain.split_once(": ") {
        Some((term, description)) if word_count(term) <= 5 && word_count(description) >= 2 => {
            term.to_string()
        }
        _ => plain,
    };
    let text = without_notes(&trim_punctuation(&strip_etc(&text)));
    let named = looks_like_name(&text);
    (text, named)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "# T\n\n## Ứng dụng\n\n   - Tạo văn bản: [Alpha](a){target=\"_blank\"}, [Beta](b), v.v...\n   - Tạo hình: [Gamma](c), [Delta](d), v.v...\n   - Tạo nhạc: [Eps](e), [Zeta](f)\n";

    #[test]
    fn seed_lines_give_both_directions() {
        let lesson = Lesson::parse(SEED).unwrap();
        let mut drafts = Vec::new();
        extract(&lesson, &mut drafts);
        let prompts: Vec<&str> = drafts.iter().map(|d| d.prompt.as_str()).collect();
        assert!(prompts.contains(&"Alpha thuộc nhóm nào?"), "{prompts:?}");
        assert!(
            prompts.contains(&"Công cụ nào thuộc nhóm Tạo hình?"),
            "{prompts:?}"
        );
        assert_eq!(drafts.len(), 6 + 3);
        let alpha = &drafts[0];
        assert_eq!(alpha.answers, vec!["Tạo văn bản".to_string()]);
        assert_eq!(alpha.choices, vec!["Tạo văn bản", "Tạo hình", "Tạo nhạc"]);
        let member = drafts.iter().find(|d| d.key == "group/tao-hinh").unwrap();
        // Every member is right; the options hold one of them.
        assert_eq!(member.answers, vec!["Gamma", "Delta"]);
        assert_eq!(member.choices, vec!["Alpha", "Gamma", "Eps"]);
    }

    #[test]
    fn nested_named_groups_are_categories_and_descriptions_are_not() {
        let text = "1. Tính toán:\n    - Amazon EC2 (Elastic Compute Cloud)\n    - Google Compute Engine (đã cũ)\n\n2. Lưu trữ:\n    - Amazon S3\n    - Azure Blob Storage\n\n- **Tạo văn bản**:\n\n    - Viết bài báo\n    - Sáng tác thơ\n\n- **Tạo video**:\n\n    - Chỉnh sửa video\n    - Tạo ra video ngắn\n";
        let lesson = Lesson::parse(text).unwrap();
        let sets = group_sets(&lesson);
        assert_eq!(sets.len(), 2);
        assert!(sets[0].is_named() && !sets[1].is_named());
        assert_eq!(sets[0].groups[0].items[1].0, "Google Compute Engine");
        assert_eq!(
            sets[0].groups[0].items[0].0,
            "Amazon EC2 (Elastic Compute Cloud)"
        );
        assert_eq!(sets[1].groups[1].label, "Tạo video");
    }

    #[test]
    fn only_linked_tools_are_called_tools() {
        let text = "- Tầng trên:\n    - **HTTP**: trang web\n    - **FTP**: tập tin\n- Tầng dưới:\n    - **Ethernet**: cáp\n    - **Wi-Fi**: sóng\n\n## Công cụ\n\n1. **Công cụ vẽ**:\n    - [Paint](p)\n    - [Krita](k)\n2. **Soạn thảo**:\n    - [Vim](v)\n    - Nano\n";
        let drafts = crate::derive::drafts_of(extract, text);
        let prompts: Vec<&str> = drafts
            .iter()
            .filter(|draft| draft.key.starts_with("group/"))
            .map(|draft| draft.prompt.as_str())
            .collect();
        assert_eq!(
            prompts,
            vec![
                "Mục nào sau đây thuộc nhóm Tầng trên?",
                "Mục nào sau đây thuộc nhóm Tầng dưới?",
                "Mục nào sau đây thuộc nhóm Công cụ vẽ?",
                "Công cụ nào thuộc nhóm Soạn thảo?",
            ]
        );
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_group() {
        let text = "- HTML: đóng vai trò **bộ khung**, kiểm soát cấu trúc.\n- CSS: đóng vai trò **lớp áo**, kiểm soát hình thức.\n";
        assert!(group_sets(&Lesson::parse(text).unwrap()).is_empty());
    }
}
