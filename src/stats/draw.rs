//! Drawing the figures of [`super::compute`] for the terminal: the table,
//! the heat map, the forecast and the lists, within 80 columns (or the
//! terminal's), readable without colour. The words come from the
//! language's catalogue (`i18n::StatsWords`).

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::ui::text::{pad_left, pad_right, wrap};

/// The words of the stats page in one language, from its catalogue.
type Words = crate::i18n::StatsWords;

impl Words {
    /// `Sat 28 Nov` or `T7 28/11`, padded to one width.
    fn day_label_padded(&self, date: NaiveDate) -> String {
        let weekday = self
            .weekdays
            .get(date.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or("");
        pad_right(&(self.day_label)(weekday, date), 10)
    }
}

/// The figures as text for an 80-column terminal in `lang`; `color` adds
/// ANSI colours on top of, never in place of, the characters that carry
/// the meaning.
pub fn render(stats: &Stats, color: bool, lang: Lang) -> String {
    render_in(stats, color, lang, WIDTH)
}

/// [`render`] for a terminal `columns` wide (at most [`WIDTH`] are used).
/// Narrower than 80, the table keeps its main columns, the heat map its
/// latest weeks and the bars shorten; sentences break between words,
/// never inside one.
pub fn render_in(stats: &Stats, color: bool, lang: Lang, columns: usize) -> String {
    let columns = columns.clamp(20, WIDTH);
    let paint = Painter { on: color };
    let words = &lang.words().stats;
    let mut out = String::new();
    let overall = &stats.overall;
    let title = format!("{} — {}", words.title, stats.today);
    let _ = writeln!(out, "{}", paint.bold(&title));
    out.push('\n');
    render_table(&mut out, stats, words, &paint, columns);
    out.push('\n');
    for line in [
        (words.cards)(&overall.cards),
        (words.due_today)(overall.due_today),
        (words.review_counts)(&overall.reviews),
        (words.retention)(&overall.retention),
        (words.streak)(&overall.streak),
    ] {
        let _ = writeln!(out, "{}", wrap(&line, columns));
    }
    out.push('\n');
    render_heat_map(
        &mut out,
        &overall.heat_map,
        stats.today,
        words,
        &paint,
        columns,
    );
    out.push('\n');
    render_forecast(&mut out, &overall.forecast, words, &paint, columns);
    render_lists(&mut out, overall, words, &paint, columns);
    out
}

fn render_table(out: &mut String, stats: &Stats, words: &Words, paint: &Painter, columns: usize) {
    const WIDTHS: [usize; 9] = [22, 6, 5, 6, 7, 8, 8, 7, 9];
    // Narrow: deck, cards, new, due, retention; the deck column takes what is left.
    const NARROW: [usize; 5] = [0, 1, 2, 6, 7];
    let shown: Vec<(usize, usize)> = if columns >= FULL_TABLE {
        WIDTHS.iter().copied().enumerate().collect()
    } else {
        let rest: usize = NARROW[1..].iter().map(|&index| WIDTHS[index]).sum();
        let deck = columns.saturating_sub(rest).max(8);
        NARROW
            .iter()
            .map(|&index| (index, if index == 0 { deck } else { WIDTHS[index] }))
            .collect()
    };
    let row = |cells: [String; 9]| {
        let mut line = String::new();
        // A deck name too long for its column goes whole on a line of its own.
        let (first_width, first) = (shown[0].1, &cells[0]);
        if first.width() >= first_width {
            line.push_str(first);
            line.push('\n');
            line.push_str(&" ".repeat(first_width));
        } else {
            line.push_str(&pad_right(first, first_width));
        }
        for &(index, width) in &shown[1..] {
            line.push_str(&pad_left(&cells[index], width));
        }
        line.trim_end().to_string()
    };
    let figures_row = |name: &str, figures: &Figures| {
        row([
            sanitize(name),
            figures.cards.total.to_string(),
            figures.cards.new.to_string(),
            figures.cards.learning.to_string(),
            figures.cards.review.to_string(),
            figures.cards.relearning.to_string(),
            figures.due_today.to_string(),
            figures.retention.rate.map_or("—".to_string(), percent),
            format!("{}{}", figures.streak.days, words.streak_unit),
        ])
    };
    let _ = writeln!(out, "{}", paint.bold(&row(words.header.map(String::from))));
    for deck in &stats.decks {
        let _ = writeln!(out, "{}", figures_row(&deck.id, &deck.figures));
    }
    if stats.decks.len() > 1 {
        let _ = writeln!(out, "{}", figures_row(words.all_decks, &stats.overall));
    }
}

/// Characters per week column: two shade glyphs and a space.
const CELL: usize = 3;
const ROW_LABEL: usize = 5;

fn render_heat_map(
    out: &mut String,
    map: &HeatMap,
    today: NaiveDate,
    words: &Words,
    paint: &Painter,
    columns: usize,
) {
    // The latest weeks that fit.
    let weeks = HEAT_MAP_WEEKS
        .min(columns.saturating_sub(ROW_LABEL) / CELL)
        .max(1);
    let first_day = map.first_day + Duration::weeks((HEAT_MAP_WEEKS - weeks) as i64);
    let title = (words.heat_map_title)(weeks, first_day, today);
    let _ = writeln!(out, "{}", paint.bold(&wrap(&title, columns)));
    // Month names above the week in which each month starts. The first
    // week is named after its own month unless that name would run into the
    // next month's: the later labels win, so no month that starts in the
    // window goes unnamed.
    let width = ROW_LABEL + weeks * CELL;
    let mut labels = Vec::new();
    for week in 0..weeks {
        let start = first_day + Duration::weeks(week as i64);
        let month_starts = (0..7).any(|d| (start + Duration::days(d)).day() == 1);
        if week == 0 || month_starts {
            let shown = if month_starts {
                (start + Duration::days(6)).month0()
            } else {
                start.month0()
            };
            let name = words.months.get(shown as usize).copied().unwrap_or("");
            labels.push((ROW_LABEL + week * CELL, name));
        }
    }
    // Placed right to left on spaces, so byte offsets left of the last
    // placed label are still columns.
    let mut months = " ".repeat(width);
    let mut free_until = width;
    for (at, name) in labels.into_iter().rev() {
        let limit = if free_until == width {
            width
        } else {
            free_until.saturating_sub(1)
        };
        if at + name.len() <= limit {
            months.replace_range(at..at + name.len(), name);
            free_until = at;
        }
    }
    let _ = writeln!(out, "{}", months.trim_end());
    for (weekday, name) in words.weekdays.iter().enumerate() {
        let mut line = format!("{name:<ROW_LABEL$}");
        for week in 0..weeks {
            let date = first_day + Duration::days((week * 7 + weekday) as i64);
            let cell = if date > today {
                "   ".to_string()
            } else {
                let count = map
                    .days
                    .iter()
                    .find(|day| day.date == date)
                    .map_or(0, |day| day.count);
                let level = shade(count, map.max);
                let glyph = SHADES.get(level).copied().unwrap_or('?');
                let text = format!("{glyph}{glyph}");
                format!("{} ", paint.shade(&text, level))
            };
            line.push_str(&cell);
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let mut legend = format!("{:ROW_LABEL$}{} {}", "", SHADES[0], words.none);
    for (level, glyph) in SHADES.iter().enumerate().skip(1) {
        if let Some((low, high)) = shade_range(level, map.max) {
            let glyph = paint.shade(&glyph.to_string(), level);
            let _ = if low == high {
                write!(legend, "  {glyph} {low}")
            } else {
                write!(legend, "  {glyph} {low}–{high}")
            };
        }
    }
    let _ = writeln!(
        out,
        "{}",
        wrap(&format!("{legend} {}", words.reviews), columns)
    );
}

/// The widest bar of the forecast, in columns.
pub(super) const BAR_WIDTH: usize = 56;
const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

fn render_forecast(
    out: &mut String,
    forecast: &[DayCount],
    words: &Words,
    paint: &Painter,
    columns: usize,
) {
    let title = wrap(&(words.forecast_title)(FORECAST_DAYS), columns);
    let _ = writeln!(out, "{}", paint.bold(&title));
    let max = forecast.iter().map(|day| day.count).max().unwrap_or(0);
    // The label, a space, the bar, its trailing space and the count.
    let label = words.day_label_padded(NaiveDate::MIN).width();
    let room = columns.saturating_sub(label + 2 + max.to_string().len());
    let bar_width = BAR_WIDTH.min(room).max(1);
    for day in forecast {
        let _ = writeln!(
            out,
            "{} {}{}",
            words.day_label_padded(day.date),
            paint.bar(&bar_of(day.count, max, bar_width)),
            day.count
        );
    }
}

/// A horizontal bar of `count` against `max`, in eighths of a column, with a
/// trailing space; at least a sliver for any non-zero count.
pub fn bar(count: usize, max: usize) -> String {
    bar_of(count, max, BAR_WIDTH)
}

/// [`bar`] with `max` drawn `width` columns wide.
fn bar_of(count: usize, max: usize, width: usize) -> String {
    if count == 0 || max == 0 {
        return String::new();
    }
    let eighths = (count * width * 8).div_ceil(max).max(1);
    let mut text = "█".repeat(eighths / 8);
    if let Some(&partial) = EIGHTHS.get(eighths % 8).filter(|c| **c != ' ') {
        text.push(partial);
    }
    text.push(' ');
    text
}

fn render_lists(
    out: &mut String,
    figures: &Figures,
    words: &Words,
    paint: &Painter,
    columns: usize,
) {
    if !figures.most_missed.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&wrap(words.most_missed, columns)));
        for missed in &figures.most_missed {
            let answer = format!("→ {}", missed.answer);
            list_entry(out, missed.wrong, &missed.prompt, &answer, columns);
        }
    }
    if !figures.most_confused.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&wrap(words.most_confused, columns)));
        for pair in &figures.most_confused {
            list_entry(
                out,
                pair.count,
                &pair.prompt,
                &(words.confused)(&pair.picked, &pair.answer),
                columns,
            );
        }
    }
    if !figures.overruled.is_empty() {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            paint.bold(&wrap(words.overruled_heading, columns))
        );
        for entry in figures.overruled.iter().take(OVERRULED_SHOWN) {
            list_entry(
                out,
                entry.count,
                &entry.prompt,
                &(words.overruled)(&entry.typed, &entry.answer, entry.judged == Grade::Close),
                columns,
            );
        }
        if let Some(more) = figures.overruled.len().checked_sub(OVERRULED_SHOWN)
            && more > 0
        {
            let _ = writeln!(out, "{}", wrap(&(words.more_overruled)(more), columns));
        }
    }
}

/// `  3× prompt detail` on one line when it fits, else the detail on a line
/// of its own under the prompt, so a long prompt never hides the answer;
/// long text breaks between words.
fn list_entry(out: &mut String, count: usize, prompt: &str, detail: &str, columns: usize) {
    // Deck text: a lesson must not drive the terminal.
    let (prompt, detail) = (&sanitize(prompt), &sanitize(detail));
    let count = format!("{count:>3}× ");
    let indent = " ".repeat(count.width());
    let line = format!("{prompt} {detail}");
    if count.width() + line.width() <= columns {
        let _ = writeln!(out, "{count}{line}");
    } else {
        // Indented as deep as the text, so every row lines up under it.
        let prompt = wrap(&format!("{indent}{prompt}"), columns);
        let _ = writeln!(out, "{count}{}", prompt.trim_start());
        let _ = writeln!(out, "{}", wrap(&format!("{indent}  {detail}"), columns));
    }
}

pub(crate) fn percent(rate: f64) -> String {
    format!("{:.0}%", rate * 100.0)
}

/// ANSI colours when on; the identity when off.
struct Painter {
    on: bool,
}

impl Painter {
    fn paint(&self, text: &str, code: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint(text, "1")
    }

    fn bar(&self, text: &str) -> String {
        self.paint(text, "36")
    }

    fn shade(&self, text: &str, level: usize) -> String {
        match level {
            0 => self.paint(text, "2"),
            1 | 2 => self.paint(text, "32"),
            _ => self.paint(text, "92"),
        }
    }
}
