//! The lesson model: a Material for MkDocs lesson parsed into sections of
//! paragraphs, lists and tables whose text is already plain (no markup,
//! entity, HTML or attribute list), each with its source line.
//!
//! [`prepass`] rewrites the MkDocs dialect into CommonMark line for line;
//! pulldown-cmark then parses it and [`Lesson::parse`] folds its events
//! into the model. Code, math, images, raw HTML and footnote bodies are
//! kept out of the text and only flagged, so no extractor can turn them into
//! cards.

pub mod prepass;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub use prepass::FrontMatterError;

/// A parsed lesson.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lesson {
    /// The front matter's top-level `key: value` pairs.
    pub front_matter: Vec<(String, String)>,
    /// Front matter values left out as broken: their line and key.
    pub broken_front_matter: Vec<(usize, String)>,
    /// The text of the first `# ` heading.
    pub title: Option<String>,
    /// The lesson cut at its headings; the first section holds what comes
    /// before the first heading and has an empty heading.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub heading: String,
    /// 1 for `#`, 0 for the part before the first heading.
    pub level: u8,
    pub line: usize,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Inline),
    List(List),
    Table(Table),
    /// A code block (its text is not kept).
    Code {
        line: usize,
    },
    /// Display math (its text is not kept).
    Math {
        line: usize,
    },
}

/// Inline content as styled runs of plain text.
#[derive(Debug, Clone, Default)]
pub struct Inline {
    pub spans: Vec<Span>,
    pub line: usize,
    /// Held inline math, dropped from the text.
    pub math: bool,
    /// Held an image, dropped from the text.
    pub image: bool,
    /// [`Inline::plain`], made once: every extractor asks for it, often
    /// many times. Not part of the inline's value.
    plain_text: std::cell::OnceCell<String>,
    /// [`Inline::folded`], made once, for the same reason.
    folded_text: std::cell::OnceCell<String>,
}

impl PartialEq for Inline {
    fn eq(&self, other: &Inline) -> bool {
        self.spans == other.spans
            && self.line == other.line
            && self.math == other.math
            && self.image == other.image
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    /// Italic (`*term*`): authors mark a term being defined with it too.
    pub emphasis: bool,
    /// The link target when the run is a link's text.
    pub link: Option<String>,
    pub code: bool,
    /// A `<br>`: a line break inside a paragraph or a table cell.
    pub line_break: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct List {
    pub ordered: bool,
    pub items: Vec<Item>,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// The item's first paragraph (its own text).
    pub lead: Inline,
    /// What follows the lead: more paragraphs, nested lists, code…
    pub blocks: Vec<Block>,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub header: Vec<Inline>,
    pub rows: Vec<Row>,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Inline>,
    pub line: usize,
}

impl Inline {
    /// The plain text: runs joined, `<br>` as a space, whitespace collapsed.
    pub fn plain(&self) -> String {
        self.plain_str().to_string()
    }

    /// [`Inline::plain`] borrowed, for readers that only look at it.
    pub fn plain_str(&self) -> &str {
        self.plain_text.get_or_init(|| plain_of(&self.spans))
    }

    /// [`Inline::plain`] folded for comparisons
    /// ([`crate::derive::text::fold`]): several extractors search the same
    /// sentence for their markers.
    pub fn folded(&self) -> &str {
        self.folded_text
            .get_or_init(|| crate::derive::text::fold(self.plain_str()))
    }

    /// The plain text of the parts between `<br>`s.
    pub fn lines(&self) -> Vec<String> {
        let mut parts = vec![String::new()];
        for span in &self.spans {
            if span.line_break {
                parts.push(String::new());
            } else if let Some(last) = parts.last_mut() {
                last.push_str(&span.text);
            }
        }
        parts
            .iter()
            .map(|part| collapse_whitespace(part))
            .filter(|part| !part.is_empty())
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.plain().is_empty()
    }

    /// The text of the bold run(s) the inline starts with, if it starts bold.
    pub fn leading_bold(&self) -> Option<String> {
        let mut spans = self
            .spans
            .iter()
            .skip_while(|span| span.text.trim().is_empty());
        let first = spans.next()?;
        if !first.bold {
            return None;
        }
        let mut text = first.text.clone();
        for span in spans {
            if !span.bold || span.line_break {
                break;
            }
            text.push_str(&span.text);
        }
        Some(collapse_whitespace(&text)).filter(|text| !text.is_empty())
    }

    /// The plain text after the leading bold run(s).
    pub fn after_leading_bold(&self) -> String {
        let mut spans = self
            .spans
            .iter()
            .skip_while(|span| span.text.trim().is_empty());
        let mut rest = String::new();
        let mut in_lead = true;
        for span in spans.by_ref() {
            if in_lead && span.bold && !span.line_break {
                continue;
            }
            in_lead = false;
            rest.push_str(if span.line_break { " " } else { &span.text });
        }
        collapse_whitespace(&rest)
    }

    /// The bold runs, merged when adjacent.
    pub fn bold_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        let mut current: Option<String> = None;
        for span in &self.spans {
            if span.bold && !span.line_break {
                current.get_or_insert_with(String::new).push_str(&span.text);
            } else if let Some(term) = current.take() {
                terms.push(collapse_whitespace(&term));
            }
        }
        terms.extend(current.map(|term| collapse_whitespace(&term)));
        terms.retain(|term| !term.is_empty());
        terms
    }

    /// Whether code sits inside the text, with words after it (`Nạp đỉnh
    /// `start` vào…`, `` `q`: lưu…``), rather than only closing it as
    /// examples (`So sánh: `<`, `>``).
    pub fn has_inner_code(&self) -> bool {
        let Some(last_code) = self.spans.iter().rposition(|span| span.code) else {
            return false;
        };
        self.spans.iter().skip(last_code + 1).any(|span| {
            !span.code && !span.line_break && span.text.chars().any(char::is_alphanumeric)
        })
    }

    /// The plain text without the code examples that close it (code and
    /// the punctuation between them).
    pub fn plain_without_trailing_code(&self) -> String {
        let wordless = |span: &Span| {
            span.code || span.line_break || !span.text.chars().any(char::is_alphanumeric)
        };
        let tail_start = self
            .spans
            .iter()
            .rposition(|span| !wordless(span))
            .map_or(0, |last| last + 1);
        let keep = if self.spans[tail_start..].iter().any(|span| span.code) {
            tail_start
        } else {
            self.spans.len()
        };
        plain_of(&self.spans[..keep])
    }

    pub fn has_code(&self) -> bool {
        self.spans.iter().any(|span| span.code)
    }

    pub fn links(&self) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(|span| span.link.is_some())
    }
}

impl Item {
    /// The nested lists of the item.
    pub fn sublists(&self) -> impl Iterator<Item = &List> {
        self.blocks.iter().filter_map(|block| match block {
            Block::List(list) => Some(list),
            _ => None,
        })
    }

    /// The item's paragraphs after its lead.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Inline> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Paragraph(inline) => Some(inline),
            _ => None,
        })
    }
}

/// The runs joined, `<br>` as a space, whitespace collapsed.
fn plain_of(spans: &[Span]) -> String {
    collapse_whitespace(
        &spans
            .iter()
            .map(|span| {
                if span.line_break {
                    " "
                } else {
                    span.text.as_str()
                }
            })
            .collect::<String>(),
    )
}

/// Collapses runs of whitespace (NBSP and em spaces included) to one space
/// and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    // Most texts are collapsed already: one scan, one copy.
    if is_collapsed(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(char::is_whitespace)
        .filter(|word| !word.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` has no whitespace but single spaces between words.
fn is_collapsed(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

impl Lesson {
    /// Parses lesson text; fails only on broken front matter.
    pub fn parse(source: &str) -> Result<Lesson, FrontMatterError> {
        let prepared = prepass::prepare(source)?;
        let mut builder = Builder::new(&prepared.text);
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_MATH;
        for (event, range) in Parser::new_ext(&prepared.text, options).into_offset_iter() {
            builder.event(event, range.start);
        }
        let mut lesson = builder.finish();
        lesson.front_matter = prepared.front_matter;
        lesson.broken_front_matter = prepared.broken_values;
        Ok(lesson)
    }
}

/// An open block being filled.
enum Frame {
    List(List),
    Item(Item),
}

/// Where the inline being built goes when it ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum InlineTarget {
    Heading(u8),
    Paragraph,
    /// The text of a tight list item (no paragraph tag).
    TightItem,
    Cell,
}

struct Builder {
    line_starts: Vec<usize>,
    lesson: Lesson,
    frames: Vec<Frame>,
    inline: Option<(InlineTarget, Inline)>,
    pending_text: String,
    bold: usize,
    emphasis: usize,
    links: Vec<String>,
    /// Inside a code block, image, HTML block, footnote body or metadata.
    skip: usize,
    table: Option<Table>,
    row: Option<Row>,
    in_head: bool,
}

impl Builder {
    fn new(text: &str) -> Builder {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        Builder {
            line_starts,
            lesson: Lesson {
                sections: vec![Section::default()],
                ..Lesson::default()
            },
            frames: Vec::new(),
            inline: None,
            pending_text: String::new(),
            bold: 0,
            emphasis: 0,
            links: Vec::new(),
            skip: 0,
            table: None,
            row: None,
            in_head: false,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(index) => index + 1,
            Err(index) => index,
        }
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        let line = self.line_of(offset);
        if self.skip > 0 {
            match event {
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::FootnoteDefinition(_))
                | Event::Start(Tag::Image { .. } | Tag::MetadataBlock(_)) => self.skip += 1,
                Event::End(
                    TagEnd::CodeBlock
                    | TagEnd::HtmlBlock
                    | TagEnd::FootnoteDefinition
                    | TagEnd::Image
                    | TagEnd::MetadataBlock(_),
                ) => self.skip -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, line),
            Event::Code(code) => {
                self.flush_text();
                let span = Span {
                    text: code.to_string(),
                    code: true,
                    bold: self.bold > 0,
                    emphasis: self.emphasis > 0,
                    link: self.links.last().cloned(),
                    ..Span::default()
                };
                self.inline_mut(line).spans.push(span);
            }
            Event::InlineMath(_) => {
                self.flush_text();
                self.inline_mut(line).math = true;
            }
            Event::DisplayMath(_) => {
                self.flush_text();
                match &mut self.inline {
                    Some((_, inline)) => inline.math = true,
                    None => self.push_block(Block::Math { line }),
                }
            }
            Event::InlineHtml(html) => {
                let tag = html.trim().to_ascii_lowercase();
                if tag.starts_with("<br") {
                    self.flush_text();
                    self.inline_mut(line).spans.push(Span {
                        line_break: true,
                        ..Span::default()
                    });
                }
            }
            Event::SoftBreak | Event::HardBreak => self.text(" ", line),
            Event::Html(_)
            | Event::FootnoteReference(_)
            | Event::Rule
            | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.close_tight_item();
                self.inline = Some((
                    InlineTarget::Heading(level as u8),
                    Inline {
                        line,
                        ..Inline::default()
                    },
                ));
            }
            Tag::Paragraph => {
                self.close_tight_item();
                self.inline = Some((
                    InlineTarget::Paragraph,
                    Inline {
                        line,
                        ..Inline::default()
                    },
                ));
            }
            Tag::List(start) => {
                self.close_tight_item();
                self.frames.push(Frame::List(List {
                    ordered: start.is_some(),
                    items: Vec::new(),
                    line,
                }));
            }
            Tag::Item => self.frames.push(Frame::Item(Item {
                line,
                lead: Inline {
                    line,
                    ..Inline::default()
                },
                blocks: Vec::new(),
            })),
            Tag::Table(_) => {
                self.close_tight_item();
                self.table = Some(Table {
                    line,
                    ..Table::default()
                });
            }
            Tag::TableHead => {
                self.in_head = true;
                self.row = Some(Row {
                    line,
                    cells: Vec::new(),
                });
            }
            Tag::TableRow => {
                self.row = Some(Row {
                    line,
                    cells: Vec::new(),
                })
            }
            Tag::TableCell => {
                self.inline = Some((
                    InlineTarget::Cell,
                    Inline {
                        line,
                        ..Inline::default()
                    },
                ));
            }
            Tag::Strong => {
                self.flush_text();
                self.bold += 1;
            }
            Tag::Emphasis => {
                self.flush_text();
                self.emphasis += 1;
            }
            Tag::Link { dest_url, .. } => {
                self.flush_text();
                self.links.push(dest_url.to_string());
            }
            Tag::Image { .. } => {
                self.flush_text();
                if let Some((_, inline)) = &mut self.inline {
                    inline.image = true;
                }
                self.skip += 1;
            }
            Tag::CodeBlock(_) => {
                self.close_tight_item();
                self.push_block(Block::Code { line });
                self.skip += 1;
            }
            Tag::HtmlBlock | Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {
                self.close_tight_item();
                self.skip += 1;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::TableCell => self.close_inline(),
            TagEnd::Item => {
                self.close_tight_item();
                if let Some(Frame::Item(item)) = self.frames.pop()
                    && let Some(Frame::List(list)) = self.frames.last_mut()
                {
                    list.items.push(item);
                }
            }
            TagEnd::List(_) => {
                self.close_tight_item();
                if let Some(Frame::List(list)) = self.frames.pop() {
                    self.push_block(Block::List(list));
                }
            }
            TagEnd::TableHead => {
                self.in_head = false;
                if let (Some(row), Some(table)) = (self.row.take(), &mut self.table) {
                    table.header = row.cells;
                }
            }
            TagEnd::TableRow => {
                if let (Some(row), Some(table)) = (self.row.take(), &mut self.table) {
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.push_block(Block::Table(table));
                }
            }
            TagEnd::Strong => {
                self.flush_text();
                self.bold = self.bold.saturating_sub(1);
            }
            TagEnd::Emphasis => {
                self.flush_text();
                self.emphasis = self.emphasis.saturating_sub(1);
            }
            TagEnd::Link => {
                self.flush_text();
                self.links.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, line: usize) {
        if self.inline.is_none() {
            self.inline_mut(line);
        }
        self.pending_text.push_str(text);
    }

    /// The inline being built, opening a tight item's text if none is.
    fn inline_mut(&mut self, line: usize) -> &mut Inline {
        let inline = self.inline.get_or_insert_with(|| {
            (
                InlineTarget::TightItem,
                Inline {
                    line,
                    ..Inline::default()
                },
            )
        });
        &mut inline.1
    }

    fn flush_text(&mut self) {
        if self.pending_text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.pending_text);
        let span = Span {
            text,
            bold: self.bold > 0,
            emphasis: self.emphasis > 0,
            link: self.links.last().cloned(),
            ..Span::default()
        };
        if let Some((_, inline)) = &mut self.inline {
            inline.spans.push(span);
        }
    }

    fn close_tight_item(&mut self) {
        if matches!(self.inline, Some((InlineTarget::TightItem, _))) {
            self.close_inline();
        }
    }

    fn close_inline(&mut self) {
        self.flush_text();
        let Some((target, inline)) = self.inline.take() else {
            return;
        };
        match target {
            InlineTarget::Heading(level) => {
                let heading = inline.plain();
                if level == 1 && self.lesson.title.is_none() && !heading.is_empty() {
                    self.lesson.title = Some(heading.clone());
                }
                self.lesson.sections.push(Section {
                    heading,
                    level,
                    line: inline.line,
                    blocks: Vec::new(),
                });
            }
            InlineTarget::Cell => {
                if let Some(row) = &mut self.row {
                    row.cells.push(inline);
                }
            }
            InlineTarget::Paragraph | InlineTarget::TightItem => {
                if let Some(Frame::Item(item)) = self.frames.last_mut()
                    && item.lead.spans.is_empty()
                    && item.blocks.is_empty()
                {
                    item.lead = inline;
                    return;
                }
                self.push_block(Block::Paragraph(inline));
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Item(item)) => item.blocks.push(block),
            Some(Frame::List(_)) => {}
            None => {
                if let Some(section) = self.lesson.sections.last_mut() {
                    section.blocks.push(block);
                }
            }
        }
    }

    fn finish(mut self) -> Lesson {
        self.close_inline();
        while let Some(frame) = self.frames.pop() {
            match frame {
                Frame::Item(item) => {
                    if let Some(Frame::List(list)) = self.frames.last_mut() {
                        list.items.push(item);
                    }
                }
                Frame::List(list) => self.push_block(Block::List(list)),
            }
        }
        self.lesson
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Lesson {
        Lesson::parse(text).unwrap()
    }

    #[test]
    fn sections_keep_heading_text_and_line() {
        let lesson =
            parse("---\nicon: x\n---\n\n# Tiêu đề {#top}\n\nintro\n\n## Phần *một*\n\ntext");
        assert_eq!(lesson.title.as_deref(), Some("Tiêu đề"));
        let headings: Vec<_> = lesson
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.line))
            .collect();
        assert_eq!(headings, vec![("", 0), ("Tiêu đề", 5), ("Phần một", 9)]);
    }

    #[test]
    fn nested_lists_keep_labels_links_and_lines() {
        let text = "   - **Nhóm A**:\n\n        - một\n        - hai\n\n   - Nhóm B: [X](http://x){target=\"_blank\"}, [Y](y)\n";
        let lesson = parse(text);
        let Some(Block::List(list)) = lesson.sections[0].blocks.first() else {
            panic!("{lesson:?}")
        };
        assert_eq!(list.items[0].lead.leading_bold().as_deref(), Some("Nhóm A"));
        assert_eq!(list.items[0].lead.plain(), "Nhóm A:");
        let sub = list.items[0].sublists().next().unwrap();
        assert_eq!(sub.items[1].lead.plain(), "hai");
        assert_eq!(sub.items[1].line, 4);
        assert_eq!(list.items[1].lead.plain(), "Nhóm B: X, Y");
        assert_eq!(list.items[1].lead.links().count(), 2);
        assert_eq!(list.items[1].line, 6);
    }

    #[test]
    fn tables_keep_cells_with_breaks_and_decoded_entities() {
        let text = "## Some English words\n\n| Vietnamese | Tiếng Anh |\n| --- | --- |\n| a <br> b | x &#215 y |\n| `c` | d&nbsp;e |";
        let lesson = parse(text);
        let Some(Block::Table(table)) = lesson.sections[1].blocks.first() else {
            panic!("{lesson:?}")
        };
        assert_eq!(table.header[1].plain(), "Tiếng Anh");
        assert_eq!(table.rows[0].cells[0].lines(), vec!["a", "b"]);
        assert_eq!(table.rows[0].cells[1].plain(), "x × y");
        assert_eq!(table.rows[1].cells[1].plain(), "d e");
        assert_eq!(table.rows[1].line, 6);
    }

    #[test]
    fn code_math_images_html_and_footnotes_stay_out_of_text() {
        let text = "Text $x^2$ here[^1] ![alt](i.png) <span style=\"c\">red</span>.\n\n```py\nprint()\n```\n\n<div><iframe src=\"m\">Sơ đồ</iframe></div>\n\n$$\na\n$$\n\n[^1]: note";
        let lesson = parse(text);
        let blocks = &lesson.sections[0].blocks;
        let Block::Paragraph(first) = &blocks[0] else {
            panic!()
        };
        assert_eq!(first.plain(), "Text here red.");
        assert!(first.math && first.image);
        assert!(matches!(blocks[1], Block::Code { line: 3 }));
        let Block::Paragraph(display) = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert!(display.math && display.plain().is_empty());
        assert_eq!(blocks.len(), 3, "{blocks:?}");
    }

    #[test]
    fn code_inside_or_closing_the_text() {
        let inline = |text: &str| {
            let lesson = parse(text);
            let Some(Block::Paragraph(inline)) = lesson.sections[0].blocks.first() else {
                panic!("{lesson:?}")
            };
            inline.clone()
        };
        let closing = inline("So sánh: `<`, `>`.");
        assert!(!closing.has_inner_code());
        assert_eq!(closing.plain_without_trailing_code(), "So sánh:");
        let inside = inline("Đặt `a` bằng 0");
        assert!(inside.has_inner_code());
        let none = inline("**kỹ** thuật (thay vì **kĩ**)");
        assert_eq!(none.plain_without_trailing_code(), "kỹ thuật (thay vì kĩ)");
    }

    #[test]
    fn item_lead_and_following_paragraphs() {
        let text = "1. **Khả năng**\n\n    Mô tả khả năng.\n\n2. **Khác**: mô tả\n";
        let lesson = parse(text);
        let Some(Block::List(list)) = lesson.sections[0].blocks.first() else {
            panic!()
        };
        assert_eq!(list.items[0].lead.plain(), "Khả năng");
        assert_eq!(
            list.items[0].paragraphs().next().unwrap().plain(),
            "Mô tả khả năng."
        );
        assert_eq!(list.items[1].lead.after_leading_bold(), ": mô tả");
    }
}
