//! The thin Material for MkDocs pre-pass: rewrites the dialect pulldown-cmark
//! does not know into plain CommonMark, one output line per input line so
//! every line number the parser reports is the lesson's own.
//!
//! Handled here: YAML front matter (checked, then blanked), admonitions
//! `!!!`/`???`/`???+` and content tabs `=== "…"` (marker blanked, body
//! dedented; `question` bodies, which hold links to outside self-tests, are
//! dropped), attribute lists (`{target="_blank"}`, `{:target="_blank}`,
//! `{ loading=lazy }`, `{ .annotate }`, `{#id}`) and `{!include!}` lines,
//! annotation markers `(1)` with their bodies, keys `++ctrl+s++`, `==mark==`,
//! icon and emoji shortcodes, entities missing their semicolon (`&#215`), zero-width
//! and control characters, TAB indentation. Fenced and inline code is left alone.

/// The pre-pass output: CommonMark text with the same line count as the
/// lesson, and the front matter's top-level `key: value` pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prepared {
    pub text: String,
    pub front_matter: Vec<(String, String)>,
    /// Front matter values YAML would refuse (an unclosed quote or bracket,
    /// `title: "Bài lỗi`): their line and key. They are left out of
    /// `front_matter`; the lesson still compiles.
    pub broken_values: Vec<(usize, String)>,
}

/// Broken front matter: the 1-based line and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub line: usize,
    pub problem: crate::error::LessonProblem,
}

/// An open admonition or content tab.
struct Container {
    /// The source column its body starts at.
    content_indent: usize,
    /// The output column its body is moved to.
    out_indent: usize,
    /// Whether its body is dropped (`!!! question`).
    dropped: bool,
}

struct Fence {
    marker: char,
    len: usize,
}

/// The annotation list after `{ .annotate }`.
struct Annotation {
    /// The output column of the annotated block, where its bodies go.
    column: usize,
    /// The source column of the current body's text, once an item began.
    body: Option<usize>,
}

/// Whether an admonition of `kind` keeps its title, as a bold line over its
/// body: a note or an info box titled `Bộ nhớ đệm` or `Ba yếu tố xác thực`
/// names what its body defines or lists. A summary (`abstract`) only lists
/// the lesson's topics, a question links to outside tests, an example is
/// not the thing itself, and a tab's title is a choice of view.
fn titles_its_body(kind: &str) -> bool {
    !matches!(
        kind,
        "question" | "abstract" | "summary" | "tldr" | "example" | "quote" | "cite" | "tab"
    )
}

/// The quoted title of an admonition marker (`??? info "Title"`), if any.
fn container_title(content: &str) -> Option<&str> {
    let start = content.find('"')?;
    let rest = &content[start + 1..];
    let end = rest.rfind('"')?;
    Some(rest[..end].trim()).filter(|title| !title.is_empty())
}

/// Rewrites `source` for pulldown-cmark; fails only on broken front matter.
pub fn prepare(source: &str) -> Result<Prepared, FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<&str> = source
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect();
    let (front_matter, broken_values, body_start) = front_matter(&lines)?;

    let mut out = String::with_capacity(source.len() + 64);
    for _ in 0..body_start {
        out.push('\n');
    }
    let mut containers: Vec<Container> = Vec::new();
    let mut fence: Option<Fence> = None;
    // After `{ .annotate }`: the annotation list being unwrapped.
    let mut annotation: Option<Annotation> = None;

    for (index, raw) in lines.iter().enumerate().skip(body_start) {
        let expanded = expand_leading_tabs(&strip_zero_width(raw));
        let indent = expanded.len() - expanded.trim_start_matches(' ').len();
        let blank = expanded.trim().is_empty();
        if !blank {
            while containers
                .last()
                .is_some_and(|container| indent < container.content_indent)
            {
                containers.pop();
            }
        }
        let mut out_indent = match containers.last() {
            Some(container) => {
                indent.saturating_sub(container.content_indent) + container.out_indent
            }
            None => indent,
        };
        let mut content = expanded.trim_start_matches(' ');
        let dropped = containers.iter().any(|container| container.dropped);

        // An annotation's body is text of the lesson (often the definition
        // of the word it annotates): its `1.  ` marker goes and its lines
        // move to the annotated block's column, so it reads as paragraphs
        // after that block, not as a list the block introduces.
        if let Some(note) = &mut annotation
            && !blank
        {
            if out_indent == note.column && fence.is_none() && starts_ordered_item(content) {
                let marker = ordered_marker_len(content);
                note.body = Some(out_indent + marker);
                content = &content[marker..];
            } else if let Some(body) = note.body.filter(|_| out_indent > note.column) {
                out_indent = note.column + out_indent.saturating_sub(body);
            } else {
                annotation = None;
            }
        }

        if let Some(open) = &fence {
            if closes_fence(content, open) {
                fence = None;
            }
            if !dropped {
                push_indented(&mut out, out_indent, content);
            }
            finish_line(&mut out, index, lines.len());
            continue;
        }

        if let Some(kind) = container_marker(content) {
            if !dropped
                && titles_its_body(&kind)
                && let Some(title) = container_title(content)
            {
                push_indented(
                    &mut out,
                    out_indent,
                    &format!("**{}**", clean_inline(title)),
                );
            }
            containers.push(Container {
                content_indent: indent + 4,
                out_indent,
                dropped: kind == "question",
            });
            finish_line(&mut out, index, lines.len());
            continue;
        }
        if dropped {
            finish_line(&mut out, index, lines.len());
            continue;
        }
        if let Some(open) = opens_fence(content) {
            fence = Some(open);
            push_indented(&mut out, out_indent, content);
            finish_line(&mut out, index, lines.len());
            continue;
        }
        // A closing tag alone on its line ends the raw HTML block there, so a
        // heading right after `</div>` is still a heading (as in MkDocs).
        if is_closing_tags(content) {
            finish_line(&mut out, index, lines.len());
            continue;
        }
        if is_annotate_marker(content) {
            annotation = Some(Annotation {
                column: out_indent,
                body: None,
            });
            finish_line(&mut out, index, lines.len());
            continue;
        }
        let cleaned = clean_inline(content);
        let cleaned = if cleaned.starts_with('|') {
            escape_pipes_in_code(&cleaned)
        } else {
            cleaned
        };
        push_indented(&mut out, out_indent, &cleaned);
        finish_line(&mut out, index, lines.len());
    }
    Ok(Prepared {
        text: out,
        front_matter,
        broken_values,
    })
}

fn finish_line(out: &mut String, index: usize, count: usize) {
    if index + 1 < count {
        out.push('\n');
    }
}

fn push_indented(out: &mut String, indent: usize, content: &str) {
    if content.trim().is_empty() {
        return;
    }
    out.extend(std::iter::repeat_n(' ', indent));
    out.push_str(content);
}

/// Checks and reads a leading `---` … `---` block; returns its pairs and the
/// index of the first line after it.
type FrontMatter = (Vec<(String, String)>, Vec<(usize, String)>, usize);

fn front_matter(lines: &[&str]) -> Result<FrontMatter, FrontMatterError> {
    if lines.first().map(|line| line.trim_end()) != Some("---") {
        return Ok((Vec::new(), Vec::new(), 0));
    }
    let close = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, line)| matches!(line.trim_end(), "---" | "..."))
        .map(|(index, _)| index)
        .ok_or(FrontMatterError {
            line: 1,
            problem: crate::error::LessonProblem::FrontMatterNeverClosed,
        })?;
    let mut pairs = Vec::new();
    let mut broken = Vec::new();
    for (index, line) in lines.iter().enumerate().take(close).skip(1) {
        let trimmed = line.trim();
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || line.starts_with([' ', '\t'])
            || trimmed.starts_with("- ")
            || trimmed == "-"
        {
            continue;
        }
        match trimmed.split_once(':') {
            Some((key, value))
                if !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) =>
            {
                if is_unclosed(value.trim()) {
                    broken.push((index + 1, key.to_string()));
                } else {
                    pairs.push((key.to_string(), value.trim().to_string()));
                }
            }
            _ => {
                return Err(FrontMatterError {
                    line: index + 1,
                    problem: crate::error::LessonProblem::FrontMatterLine {
                        found: trimmed.to_string(),
                    },
                });
            }
        }
    }
    Ok((pairs, broken, close + 1))
}

/// A YAML value opening a quote or a bracket it never closes (`"Bài lỗi`,
/// `[oops`).
fn is_unclosed(value: &str) -> bool {
    let closes = |open: char, close: char| {
        value.starts_with(open) && (value.len() < 2 || !value.trim_end().ends_with(close))
    };
    closes('"', '"') || closes('\'', '\'') || closes('[', ']') || closes('{', '}')
}

fn strip_zero_width(line: &str) -> String {
    // Control characters (ESC, BEL, backspace…) are no text a card can
    // show, and would drive the terminal that shows it; TAB is indentation.
    let unwanted = |c: &char| {
        (c.is_control() && *c != '\t')
            || matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            )
    };
    if !line.chars().any(|c| unwanted(&c)) {
        return line.to_string();
    }
    line.chars().filter(|c| !unwanted(c)).collect()
}

/// TABs in the indentation become spaces up to the next multiple of 4.
fn expand_leading_tabs(line: &str) -> String {
    let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
    if !line[..lead].contains('\t') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut column = 0;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        match c {
            ' ' => {
                out.push(' ');
                column += 1;
            }
            '\t' => {
                let width = 4 - column % 4;
                out.extend(std::iter::repeat_n(' ', width));
                column += width;
            }
            _ => break,
        }
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// `!!! note "Title"`, `??? tip`, `???+ info`, `=== "Tab"`: the kind
/// (lowercase; `tab` for content tabs).
fn container_marker(content: &str) -> Option<String> {
    if let Some(rest) = content.strip_prefix("===") {
        let rest = rest.trim_start();
        return (rest.starts_with('"') && content.len() > 3).then(|| "tab".to_string());
    }
    let rest = content
        .strip_prefix("!!!")
        .or_else(|| content.strip_prefix("???+"))
        .or_else(|| content.strip_prefix("???"))?;
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let kind = rest
        .split_whitespace()
        .next()
        .filter(|word| !word.starts_with('"'))
        .unwrap_or("note");
    Some(kind.to_lowercase())
}

fn opens_fence(content: &str) -> Option<Fence> {
    let marker = content.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = content.chars().take_while(|&c| c == marker).count();
    if len < 3 {
        return None;
    }
    // A backtick fence's info string cannot hold a backtick.
    if marker == '`' && content[len..].contains('`') {
        return None;
    }
    Some(Fence { marker, len })
}

fn closes_fence(content: &str, open: &Fence) -> bool {
    let len = content.chars().take_while(|&c| c == open.marker).count();
    len >= open.len && content[len * open.marker.len_utf8()..].trim().is_empty()
}

fn is_annotate_marker(content: &str) -> bool {
    let trimmed = content.trim();
    trimmed.starts_with('{')
        && trimmed.ends_with('}')
        && trimmed.contains(".annotate")
        && attribute_list_len(trimmed) == Some(trimmed.len())
}

fn is_closing_tags(content: &str) -> bool {
    let mut rest = content.trim();
    if rest.is_empty() {
        return false;
    }
    while let Some(tag) = rest.strip_prefix("</") {
        let name_len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let Some(after) = tag[name_len..].trim_start().strip_prefix('>') else {
            return false;
        };
        if name_len == 0 {
            return false;
        }
        rest = after.trim_start();
    }
    rest.is_empty()
}

/// The length of an ordered item's marker with the spaces after it (`1.  `).
fn ordered_marker_len(content: &str) -> usize {
    let digits = content.chars().take_while(char::is_ascii_digit).count();
    let spaces = content[digits + 1..].len() - content[digits + 1..].trim_start().len();
    digits + 1 + spaces
}

fn starts_ordered_item(content: &str) -> bool {
    let digits = content.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && content[digits..].starts_with(". ")
}

/// Cleans one line outside code spans (see the module docs).
pub fn clean_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        match rest.find('`') {
            Some(start) => {
                out.push_str(&clean_text(&rest[..start]));
                let after = &rest[start..];
                let ticks = after.chars().take_while(|&c| c == '`').count();
                let fence = &after[..ticks];
                match after[ticks..].find(fence) {
                    Some(end) => {
                        let span_end = ticks + end + ticks;
                        out.push_str(&after[..span_end]);
                        rest = &after[span_end..];
                    }
                    None => {
                        out.push_str(fence);
                        rest = &after[ticks..];
                    }
                }
            }
            None => {
                out.push_str(&clean_text(rest));
                rest = "";
            }
        }
    }
    out
}

/// Escapes the pipes inside the code spans of a table row: MkDocs (Python-
/// Markdown's tables) does not split a cell at a pipe between backticks,
/// GFM does unless it is escaped, and a split would leave a backtick in a card.
fn escape_pipes_in_code(row: &str) -> String {
    let mut out = String::with_capacity(row.len() + 8);
    let mut rest = row;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let ticks = after.chars().take_while(|&c| c == '`').count();
        let fence = &after[..ticks];
        let Some(end) = after[ticks..].find(fence) else {
            out.push_str(fence);
            rest = &after[ticks..];
            continue;
        };
        out.push_str(fence);
        let mut previous = None;
        for c in after[ticks..ticks + end].chars() {
            if c == '|' && previous != Some('\\') {
                out.push('\\');
            }
            out.push(c);
            previous = Some(c);
        }
        out.push_str(fence);
        rest = &after[ticks + end + ticks..];
    }
    out.push_str(rest);
    out
}

fn clean_text(text: &str) -> String {
    let text = remove_attribute_lists(text);
    let text = remove_annotation_markers(&text);
    let text = replace_keys(&text);
    let text = remove_marks(&text);
    let text = remove_icons(&text);
    complete_entities(&text)
}

/// Removes `{…}` attribute lists and `{!file!}` includes.
fn remove_attribute_lists(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let candidate = &rest[start..];
        if let Some(len) = include_len(candidate).or_else(|| attribute_list_len(candidate)) {
            if out.ends_with(' ') && candidate[len..].starts_with([' ', '\t']) {
                out.pop();
            }
            rest = &candidate[len..];
        } else {
            out.push('{');
            rest = &candidate[1..];
        }
    }
    out.push_str(rest);
    out
}

fn include_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix("{!")?;
    inner.find("!}").map(|end| end + 4)
}

/// The byte length of the attribute list `text` starts with, if it is one:
/// `{` `:`? then `.class`, `#id` or `key=value` tokens, then `}`. A quoted
/// value may lack its closing quote, as in `{:target="_blank}`.
pub fn attribute_list_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'{') {
        return None;
    }
    let mut at = 1;
    if bytes.get(at) == Some(&b':') {
        at += 1;
    }
    let mut tokens = 0;
    loop {
        while bytes.get(at).is_some_and(|b| *b == b' ' || *b == b'\t') {
            at += 1;
        }
        match bytes.get(at)? {
            b'}' => return (tokens > 0).then_some(at + 1),
            b'.' | b'#' => {
                at += 1;
                let start = at;
                while bytes.get(at).is_some_and(|b| is_name_byte(*b)) {
                    at += 1;
                }
                if at == start {
                    return None;
                }
            }
            b if is_name_byte(*b) => {
                while bytes.get(at).is_some_and(|b| is_name_byte(*b)) {
                    at += 1;
                }
                if bytes.get(at) != Some(&b'=') {
                    return None;
                }
                at += 1;
                match bytes.get(at)? {
                    quote @ (b'"' | b'\'') => {
                        let quote = *quote;
                        at += 1;
                        while let Some(b) = bytes.get(at) {
                            if *b == quote {
                                at += 1;
                                break;
                            }
                            if *b == b'}' {
                                break;
                            }
                            at += 1;
                        }
                    }
                    _ => {
                        while bytes
                            .get(at)
                            .is_some_and(|b| !matches!(*b, b' ' | b'\t' | b'}'))
                        {
                            at += 1;
                        }
                    }
                }
            }
            _ => return None,
        }
        tokens += 1;
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b':'
}

/// Drops annotation markers `(1)` that follow a space and end a word.
fn remove_annotation_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('(') {
        let candidate = &rest[start + 1..];
        let digits = candidate.chars().take_while(char::is_ascii_digit).count();
        let after = &candidate[digits..];
        let preceded = rest[..start].ends_with(' ') || start == 0 && out.is_empty();
        let closes = after.starts_with(')');
        let followed = after[closes as usize..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!'));
        if (1..=2).contains(&digits) && closes && preceded && followed {
            out.push_str(rest[..start].trim_end_matches(' '));
            let mut next = &after[1..];
            if next.starts_with('!') {
                next = &next[1..];
            }
            rest = next;
        } else {
            out.push_str(&rest[..=start]);
            rest = candidate;
        }
    }
    out.push_str(rest);
    out
}

/// `++ctrl+alt+del++` → `Ctrl+Alt+Del`.
fn replace_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("++") {
        let inner_start = start + 2;
        let inner = &rest[inner_start..];
        let end = inner.find("++");
        let keys = end.map(|end| &inner[..end]);
        match keys {
            Some(keys)
                if !keys.is_empty()
                    && keys.split('+').all(|key| {
                        !key.is_empty()
                            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                    && keys.starts_with(|c: char| c.is_ascii_alphabetic()) =>
            {
                out.push_str(&rest[..start]);
                let names: Vec<String> = keys.split('+').map(capitalize).collect();
                out.push_str(&names.join("+"));
                rest = &inner[keys.len() + 2..];
            }
            _ => {
                out.push_str(&rest[..inner_start]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `==mark==` → `mark`.
fn remove_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("==") {
        let inner = &rest[start + 2..];
        match inner.find("==") {
            Some(end)
                if end > 0
                    && !inner.starts_with(char::is_whitespace)
                    && !inner[..end].ends_with(char::is_whitespace) =>
            {
                out.push_str(&rest[..start]);
                out.push_str(&inner[..end]);
                rest = &inner[end + 2..];
            }
            _ => {
                out.push_str(&rest[..start + 2]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Drops icon and emoji shortcodes such as `:material-plus-circle:` and
/// `:smile:` (Material's emoji extension). A name without a hyphen counts
/// only with a letter in it and standing alone, so `10:30:00`, `a:b:c` and
/// `std::io` stay.
fn remove_icons(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(':') {
        let inner = &rest[start + 1..];
        let len = inner
            .bytes()
            .take_while(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'+')
            })
            .count();
        let name = &inner[..len];
        let closed = inner[len..].starts_with(':');
        let icon = name.contains('-')
            && !name.starts_with('-')
            && name.bytes().all(|b| b != b'_' && b != b'+');
        let emoji = name.bytes().any(|b| b.is_ascii_lowercase())
            && !rest[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !inner[len..]
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_alphanumeric() || c == ':');
        if closed && (icon || emoji) {
            out.push_str(&rest[..start]);
            rest = &inner[len + 1..];
        } else {
            out.push_str(&rest[..=start]);
            rest = inner;
        }
    }
    out.push_str(rest);
    out
}

/// Adds the semicolon browsers forgive: `&#215` → `&#215;`, `&nbsp` → `&nbsp;`.
fn complete_entities(text: &str) -> String {
    const NAMES: [&str; 10] = [
        "nbsp", "emsp", "ensp", "thinsp", "amp", "lt", "gt", "quot", "times", "copy",
    ];
    let mut out = String::with_capacity(text.len() + 4);
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..=start]);
        let inner = &rest[start + 1..];
        let len = if let Some(number) = inner
            .strip_prefix("#x")
            .or_else(|| inner.strip_prefix("#X"))
        {
            let digits = number.bytes().take_while(u8::is_ascii_hexdigit).count();
            (digits > 0).then_some(2 + digits)
        } else if let Some(number) = inner.strip_prefix('#') {
            let digits = number.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0).then_some(1 + digits)
        } else {
            NAMES
                .iter()
                .find(|name| {
                    inner.starts_with(*name)
                        && !inner[name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                })
                .map(|name| name.len())
        };
        match len {
            Some(len) => {
                out.push_str(&inner[..len]);
                if !inner[len..].starts_with(';') {
                    out.push(';');
                }
                rest = &inner[len..];
            }
            None => rest = inner,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        prepare(text)
            .unwrap()
            .text
            .split('\n')
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_pipe_in_a_code_span_of_a_table_row_stays_in_its_cell() {
        assert_eq!(
            escape_pipes_in_code("| `a|b` code | `c\\|d` | x|y |"),
            "| `a\\|b` code | `c\\|d` | x|y |"
        );
        assert_eq!(escape_pipes_in_code("| `open | x |"), "| `open | x |");
        let lesson = "| Vietnamese | Tiếng Anh |\n|---|---|\n| `a|b` mã | pipe |\n";
        assert!(lines(lesson)[2].contains("`a\\|b`"), "{:?}", lines(lesson));
    }

    #[test]
    fn control_characters_are_dropped_tabs_kept_as_indentation() {
        let lesson = "# B\u{1b}[31mài\u{7}\n\n\t- m\u{8}ạng\u{9b}x\n";
        assert_eq!(lines(lesson), ["# B[31mài", "", "    - mạngx", ""]);
    }

    #[test]
    fn keeps_the_line_count() {
        let text = "---\nicon: x\n---\n# T\n\n!!! note \"N\"\n\n    body\n\n=== \"Tab\"\n\n    tab body\nend";
        let out = prepare(text).unwrap();
        assert_eq!(out.text.split('\n').count(), text.split('\n').count());
        assert_eq!(
            out.front_matter,
            vec![("icon".to_string(), "x".to_string())]
        );
        assert_eq!(lines(text)[7], "body");
        assert_eq!(lines(text)[11], "tab body");
    }

    #[test]
    fn dedents_nested_admonitions_and_drops_questions() {
        let text = "??? tip\n    outer\n    !!! info\n        inner\n    back\n!!! question \"Q\"\n    [link](x)\nafter";
        let out = lines(text);
        assert_eq!(out, vec!["", "outer", "", "inner", "back", "", "", "after"]);
    }

    #[test]
    fn admonition_inside_a_list_item_stays_in_the_item() {
        let out = lines("- item\n\n    !!! note\n\n        body");
        assert_eq!(out[4], "    body");
    }

    #[test]
    fn unclosed_front_matter_values_are_left_out_and_named() {
        let out =
            prepare("---\ntitle: \"Bài lỗi\nicon: [oops\ntags: [a, b]\nok: \"x\"\n---\n# T\n")
                .unwrap();
        assert_eq!(
            out.broken_values,
            vec![(2, "title".to_string()), (3, "icon".to_string())]
        );
        let keys: Vec<&str> = out
            .front_matter
            .iter()
            .map(|(key, _)| key.as_str())
            .collect();
        assert_eq!(keys, vec!["tags", "ok"]);
    }

    #[test]
    fn unterminated_front_matter_is_an_error_on_line_one() {
        let error = prepare("---\nicon: x\n# Title\n").unwrap_err();
        assert_eq!(error.line, 1);
        let error = prepare("---\nicon: x\nnot yaml at all\n---\n").unwrap_err();
        assert_eq!(error.line, 3);
    }

    #[test]
    fn removes_attribute_lists_even_malformed_ones() {
        assert_eq!(clean_inline("[a](u){target=\"_blank\"} b"), "[a](u) b");
        assert_eq!(clean_inline("[a](u){:target=\"_blank}, c"), "[a](u), c");
        assert_eq!(clean_inline("![i](p){ loading=lazy width=480 }"), "![i](p)");
        assert_eq!(clean_inline("## H {#hyperlink}").trim_end(), "## H");
        assert_eq!(clean_inline("{!a/b.mm.md!}"), "");
        assert_eq!(clean_inline("set {a, b}"), "set {a, b}");
        assert_eq!(clean_inline("`{target=\"x\"}`"), "`{target=\"x\"}`");
    }

    #[test]
    fn cleans_keys_marks_markers_icons_and_entities() {
        assert_eq!(clean_inline("press ++ctrl+s++ now"), "press Ctrl+S now");
        assert_eq!(clean_inline("C++ and C++"), "C++ and C++");
        assert_eq!(clean_inline("a ==big== b"), "a big b");
        assert_eq!(clean_inline("x == y"), "x == y");
        assert_eq!(clean_inline("word (1) more"), "word more");
        assert_eq!(clean_inline("word (1)."), "word.");
        assert_eq!(clean_inline("f(1)"), "f(1)");
        assert_eq!(clean_inline("a :material-plus-circle: b"), "a  b");
        assert_eq!(clean_inline("vui :smile: lắm"), "vui  lắm");
        assert_eq!(clean_inline("(:thumbs_up:)"), "()");
        for kept in [
            "10:30:00",
            "a:b:c",
            "std::io::Read",
            "Ví dụ:abc: x",
            "x :a:b",
        ] {
            assert_eq!(clean_inline(kept), kept);
        }
        assert_eq!(
            clean_inline("2 &#215 3 &nbsp x &amp; y"),
            "2 &#215; 3 &nbsp; x &amp; y"
        );
    }

    #[test]
    fn a_closing_tag_line_ends_the_html_block() {
        assert_eq!(
            lines("<div>\n<iframe>x</iframe>\n</div>\n## H"),
            vec!["<div>", "<iframe>x</iframe>", "", "## H"]
        );
    }

    #[test]
    fn unwraps_annotation_bodies_into_paragraphs_of_the_annotated_block() {
        let out = lines("- term (1)\n    { .annotate }\n\n    1.  note\n        more\n\n- next");
        assert_eq!(
            out,
            vec!["- term", "", "", "    note", "    more", "", "- next"]
        );
        let out = lines("Text (1)\n{ .annotate }\n\n1.  **T** là x.\n2.  y\n\n## H");
        assert_eq!(out, vec!["Text", "", "", "**T** là x.", "y", "", "## H"]);
    }

    #[test]
    fn a_titled_note_keeps_its_title_as_a_bold_line() {
        let out =
            lines("!!! note \"Bộ nhớ đệm\"\n\n    Là nơi lưu.\n??? abstract \"Tóm lược\"\n    - a");
        assert_eq!(out, vec!["**Bộ nhớ đệm**", "", "Là nơi lưu.", "", "- a"]);
        let out = lines("- item\n\n    ??? info \"Ba `x` yếu tố\"\n\n        - a");
        assert_eq!(
            out,
            vec!["- item", "", "    **Ba `x` yếu tố**", "", "    - a"]
        );
    }

    #[test]
    fn leaves_fenced_code_alone_and_expands_tabs() {
        let out = lines("```\n!!! note\n{target=x}\n```\n\tx");
        assert_eq!(out, vec!["```", "!!! note", "{target=x}", "```", "    x"]);
    }
}
