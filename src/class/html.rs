//! The class report as one self-contained HTML page (`ontap class --html`):
//! no network, no script, inline CSS and SVG charts (per-card error bars,
//! the class's study days as a heat map, the due forecast), in the
//! teacher's language, large enough to project and printable on A4.
//! Every text from decks and hand-ins is escaped (and stripped of control
//! characters), so a hand-in cannot inject markup into the page.

use std::fmt::Write as _;

use chrono::Duration;

use super::{CardRow, ClassHeatMap, DayCount, Report, Share, percent};
use crate::cli::Lang;
use crate::i18n::ClassMsg;
use crate::stats::shade;

/// Cards in the error-bar chart; the table below it lists them all.
pub const CHART_CARDS: usize = 15;

/// Shades of the heat map, from no review to the busiest days: readable
/// in print and with the colours of a projector.
const HEAT_COLOURS: [&str; 5] = ["#eceff1", "#c5e1a5", "#8bc34a", "#558b2f", "#1b5e20"];

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --bad: #b3261e; --soft: #f4b4ae; }
* { box-sizing: border-box; }
body { font: 18px/1.45 "Noto Sans", "Segoe UI", Arial, sans-serif; color: var(--ink);
       margin: 0 auto; padding: 24px; max-width: 1120px; background: #fff; }
h1 { font-size: 1.7em; margin: 0 0 .2em; }
h2 { font-size: 1.3em; margin: 1.4em 0 .4em; border-bottom: 2px solid var(--ink); }
p.summary, p.hint, footer { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.answer { color: #1b5e20; }
ul.recurring { margin: 0; padding-left: 1.1em; color: var(--bad); }
tr.inactive td { background: #fff3e0; }
#cards td:nth-child(2) { width: 30%; }
#cards td:nth-child(3) { width: 20%; }
#cards td:last-child { width: 30%; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; fill: var(--ink); }
.legend span { display: inline-block; margin-right: 1.2em; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin-right: .3em; }
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 10.5pt; padding: 0; max-width: none; }
  section { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The page of `report` in `lang`.
pub fn render(report: &Report, lang: Lang) -> String {
    let say = |message: ClassMsg| message.text(lang);
    let mut out = String::with_capacity(64 * 1024);
    let lang_code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let title = say(ClassMsg::Title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title),
        report.today
    );
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"summary\">{}</p></header>",
        escape(&title),
        escape(&super::text::summary(report, lang))
    );

    section(&mut out, "decks", &say(ClassMsg::DecksHeading));
    deck_table(&mut out, report, lang);
    out.push_str("</section>\n");

    section(&mut out, "teach-again", &say(ClassMsg::TeachAgain));
    let _ = writeln!(
        out,
        "<p class=\"hint\">{}</p>",
        escape(&say(ClassMsg::TeachAgainHint))
    );
    if !report.cards.is_empty() {
        error_bars(&mut out, &report.cards, lang);
    }
    card_table(&mut out, &report.cards, lang);
    out.push_str("</section>\n");

    let unreached_title = if report.unreached.is_empty() {
        say(ClassMsg::AllReached)
    } else {
        say(ClassMsg::Unreached(report.unreached.len()))
    };
    section(&mut out, "unreached", &unreached_title);
    if !report.unreached.is_empty() {
        out.push_str("<ul>\n");
        for card in &report.unreached {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"answer\">→ {}</span></li>",
                escape(&card.prompt),
                escape(&card.answer)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    section(&mut out, "students", &say(ClassMsg::StudentsHeading));
    let inactive = if report.inactive.is_empty() {
        say(ClassMsg::NobodyInactive)
    } else {
        format!(
            "{}: {}",
            say(ClassMsg::Inactive),
            report.inactive.join(", ")
        )
    };
    let _ = writeln!(out, "<p id=\"inactive\">⚠ {}</p>", escape(&inactive));
    student_table(&mut out, report, lang);
    out.push_str("</section>\n");

    section(
        &mut out,
        "heat-map",
        &say(ClassMsg::HeatMap {
            days: report.heat_map.days,
        }),
    );
    heat_map(&mut out, &report.heat_map, lang);
    out.push_str("</section>\n");

    section(
        &mut out,
        "forecast",
        &say(ClassMsg::Forecast {
            days: report.forecast.len(),
        }),
    );
    let _ = writeln!(
        out,
        "<p class=\"hint\">{}</p>",
        escape(&say(ClassMsg::ForecastHint))
    );
    forecast(&mut out, &report.forecast, lang);
    out.push_str("</section>\n");

    if !report.files.is_empty() {
        section(&mut out, "files", &say(ClassMsg::Files));
        out.push_str("<ul>\n");
        for note in &report.files {
            let class = if note.is_problem() {
                " class=\"problem\""
            } else {
                ""
            };
            let text = super::text::note_text(note, lang);
            let _ = writeln!(out, "<li{class}>{}</li>", escape(&text));
        }
        out.push_str("</ul>\n</section>\n");
    }
    let footer = ClassMsg::Footer {
        version: env!("CARGO_PKG_VERSION"),
        now: &report.now,
    };
    let _ = writeln!(
        out,
        "<footer><p>{}</p></footer>\n</body>\n</html>",
        escape(&footer.text(lang))
    );
    out
}

/// Text for HTML: control characters dropped, markup characters escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in crate::ui::sanitize(text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ch => out.push(ch),
        }
    }
    out
}

fn section(out: &mut String, id: &str, title: &str) {
    let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{}</h2>", escape(title));
}

fn header_row(out: &mut String, cells: &[(String, bool)]) {
    out.push_str("<thead><tr>");
    for (cell, numeric) in cells {
        let class = if *numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(cell));
    }
    out.push_str("</tr></thead>\n");
}

fn share_cell(share: &Share) -> String {
    format!(
        "<td class=\"num\">{} <small>({}/{})</small></td>",
        percent(share),
        share.right,
        share.of
    )
}

fn deck_table(out: &mut String, report: &Report, lang: Lang) {
    let say = |message: ClassMsg| message.text(lang);
    out.push_str("<table id=\"deck-table\">\n");
    header_row(
        out,
        &[
            (say(ClassMsg::ColDeck), false),
            (say(ClassMsg::ColCards), true),
            (say(ClassMsg::ColReached), true),
            (say(ClassMsg::ColStudents), true),
            (say(ClassMsg::ColFirstTry), true),
            (say(ClassMsg::ColLatest), true),
        ],
    );
    out.push_str("<tbody>\n");
    for deck in &report.decks {
        let _ = writeln!(
            out,
            "<tr><td>{} <small>({})</small></td><td class=\"num\">{}</td><td class=\"num\">{}/{}</td><td class=\"num\">{}</td>{}{}</tr>",
            escape(&deck.title),
            escape(&deck.id),
            deck.cards,
            deck.cards_reached,
            deck.cards,
            deck.students,
            share_cell(&deck.first_try),
            share_cell(&deck.latest),
        );
    }
    out.push_str("</tbody></table>\n");
}

fn card_table(out: &mut String, cards: &[CardRow], lang: Lang) {
    let say = |message: ClassMsg| message.text(lang);
    out.push_str("<table id=\"cards\">\n");
    header_row(
        out,
        &[
            ("#".to_string(), true),
            (say(ClassMsg::ColCard), false),
            (say(ClassMsg::ColAnswer), false),
            (say(ClassMsg::ColStudents), true),
            (say(ClassMsg::ColFirstTry), true),
            (say(ClassMsg::ColLatest), true),
            (say(ClassMsg::ColWrongAnswers), false),
        ],
    );
    out.push_str("<tbody>\n");
    for (rank, card) in cards.iter().enumerate() {
        let mut recurring = String::new();
        if !card.recurring.is_empty() {
            recurring.push_str("<ul class=\"recurring\">");
            for answer in &card.recurring {
                let text = ClassMsg::Recurring {
                    students: answer.students,
                    of: card.students,
                    answer: &answer.answer,
                    chose: card.choice,
                }
                .text(lang);
                let _ = write!(recurring, "<li>{}</li>", escape(&text));
            }
            recurring.push_str("</ul>");
        }
        let _ = writeln!(
            out,
            "<tr data-card=\"{}\"><td class=\"num\">{}</td><td>{}</td><td class=\"answer\">{}</td><td class=\"num\">{}</td>{}{}<td>{recurring}</td></tr>",
            escape(&card.card.card.0),
            rank + 1,
            escape(&card.card.prompt),
            escape(&card.card.answer),
            card.students,
            share_cell(&Share::new(card.first_right, card.students)),
            share_cell(&Share::new(card.latest_right, card.students)),
        );
    }
    out.push_str("</tbody></table>\n");
}

fn student_table(out: &mut String, report: &Report, lang: Lang) {
    let say = |message: ClassMsg| message.text(lang);
    out.push_str("<table id=\"student-table\">\n");
    header_row(
        out,
        &[
            (say(ClassMsg::ColStudent), false),
            (say(ClassMsg::ColReviews), true),
            (say(ClassMsg::ColCards), true),
            (say(ClassMsg::ColFirstTry), true),
            (say(ClassMsg::ColLastStudied), true),
        ],
    );
    out.push_str("<tbody>\n");
    for student in &report.students {
        let inactive = report.inactive.contains(&student.name);
        let (class, mark) = if inactive {
            (" class=\"inactive\"", "⚠ ")
        } else {
            ("", "")
        };
        let last = match student.days_since {
            Some(days) => ClassMsg::DaysAgo(days).text(lang),
            None => say(ClassMsg::Never),
        };
        let _ = writeln!(
            out,
            "<tr{class}><td>{mark}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>{}<td class=\"num\">{}</td></tr>",
            escape(&student.name),
            student.reviews,
            student.cards_reached,
            share_cell(&student.first_try),
            escape(&last),
        );
    }
    out.push_str("</tbody></table>\n");
}

/// A prompt cut to `chars` characters for a chart label.
fn label(text: &str, chars: usize) -> String {
    let text = crate::ui::sanitize(text);
    if text.chars().count() <= chars {
        return text;
    }
    let mut cut: String = text.chars().take(chars - 1).collect();
    cut.push('…');
    cut
}

/// Per card (the first [`CHART_CARDS`]): the share wrong at the first try
/// (light) and at the latest (dark, with its 95% interval as a whisker).
fn error_bars(out: &mut String, cards: &[CardRow], lang: Lang) {
    const WIDTH: f64 = 1000.0;
    const LABEL: f64 = 400.0;
    const PLOT: f64 = 500.0;
    const ROW: f64 = 30.0;
    const TOP: f64 = 26.0;
    let shown = &cards[..cards.len().min(CHART_CARDS)];
    let height = TOP + ROW * shown.len() as f64 + 8.0;
    let x = |share: f64| LABEL + share.clamp(0.0, 1.0) * PLOT;
    let _ = writeln!(
        out,
        "<svg id=\"error-bars\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(&ClassMsg::ErrorBars.text(lang))
    );
    for step in 0..=4 {
        let share = f64::from(step) / 4.0;
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" y1=\"{1}\" x2=\"{0:.1}\" y2=\"{2:.1}\" stroke=\"#ccc\"/><text x=\"{0:.1}\" y=\"16\" font-size=\"14\" text-anchor=\"middle\">{3}%</text>",
            x(share),
            TOP - 4.0,
            height - 6.0,
            step * 25
        );
    }
    for (index, card) in shown.iter().enumerate() {
        let y = TOP + ROW * index as f64;
        let of = card.students.max(1) as f64;
        let first = card.first_wrong() as f64 / of;
        let latest = card.latest_wrong() as f64 / of;
        let (low, high) = card.latest_wrong_interval;
        let middle = y + 17.0;
        let _ = writeln!(
            out,
            "<g><title>{}</title><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"15\" text-anchor=\"end\">{}. {}</text>\
             <rect x=\"{LABEL}\" y=\"{:.1}\" width=\"{:.1}\" height=\"7\" fill=\"#f4b4ae\"/>\
             <rect x=\"{LABEL}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" fill=\"#b3261e\"/>\
             <line x1=\"{:.1}\" y1=\"{middle:.1}\" x2=\"{:.1}\" y2=\"{middle:.1}\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\
             <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\
             <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\">{}/{}</text></g>",
            escape(&format!("{} → {}", card.card.prompt, card.card.answer)),
            LABEL - 8.0,
            y + 19.0,
            index + 1,
            escape(&label(&card.card.prompt, 44)),
            y + 2.0,
            first * PLOT,
            y + 11.0,
            latest * PLOT,
            x(low),
            x(high),
            x(low),
            middle - 5.0,
            x(low),
            middle + 5.0,
            x(high),
            middle - 5.0,
            x(high),
            middle + 5.0,
            LABEL + PLOT + 14.0,
            y + 20.0,
            card.latest_wrong(),
            card.students,
        );
    }
    out.push_str("</svg>\n");
    let _ = writeln!(
        out,
        "<p class=\"legend\"><span><i class=\"swatch\" style=\"background:#b3261e\"></i>{}</span><span><i class=\"swatch\" style=\"background:#f4b4ae\"></i>{}</span></p>",
        escape(&ClassMsg::LatestWrongLegend.text(lang)),
        escape(&ClassMsg::FirstWrongLegend.text(lang)),
    );
}

/// `28/11` in Vietnamese, `Nov 28` in English.
fn short_date(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => date.format("%d/%m").to_string(),
        Lang::En => date.format("%b %-d").to_string(),
    }
}

/// One row per student, one square per day, darker for more reviews.
fn heat_map(out: &mut String, map: &ClassHeatMap, lang: Lang) {
    const LABEL: f64 = 190.0;
    const CELL: f64 = 24.0;
    const TOP: f64 = 24.0;
    let width = LABEL + CELL * map.days as f64 + 10.0;
    let height = TOP + CELL * map.rows.len() as f64 + 6.0;
    let _ = writeln!(
        out,
        "<svg id=\"heat-map-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(&ClassMsg::HeatMap { days: map.days }.text(lang))
    );
    for day in (0..map.days).step_by(7) {
        let date = map.first_day + Duration::days(day as i64);
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"16\" font-size=\"13\">{}</text>",
            LABEL + CELL * day as f64,
            short_date(date, lang)
        );
    }
    for (index, row) in map.rows.iter().enumerate() {
        let y = TOP + CELL * index as f64;
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\" text-anchor=\"end\">{}</text>",
            LABEL - 8.0,
            y + 17.0,
            escape(&label(&row.student, 22))
        );
        for (day, count) in row.counts.iter().enumerate() {
            let date = map.first_day + Duration::days(day as i64);
            let colour = HEAT_COLOURS
                .get(shade(*count, map.max))
                .copied()
                .unwrap_or(HEAT_COLOURS[0]);
            let title = ClassMsg::HeatCell {
                student: &row.student,
                date: &date.to_string(),
                reviews: *count,
            }
            .text(lang);
            let _ = write!(
                out,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"><title>{}</title></rect>",
                LABEL + CELL * day as f64,
                CELL - 3.0,
                CELL - 3.0,
                escape(&title)
            );
        }
        out.push('\n');
    }
    out.push_str("</svg>\n<p class=\"legend\">");
    for colour in HEAT_COLOURS {
        let _ = write!(
            out,
            "<i class=\"swatch\" style=\"background:{colour}\"></i>"
        );
    }
    let _ = writeln!(out, " {}</p>", escape(&ClassMsg::HeatMapLegend.text(lang)));
}

/// One bar per day, its count above it.
fn forecast(out: &mut String, days: &[DayCount], lang: Lang) {
    const WIDTH: f64 = 1000.0;
    const HEIGHT: f64 = 240.0;
    const BOTTOM: f64 = 34.0;
    const TOP: f64 = 24.0;
    let max = days.iter().map(|day| day.count).max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / days.len().max(1) as f64;
    let plot = HEIGHT - BOTTOM - TOP;
    let _ = writeln!(
        out,
        "<svg id=\"forecast-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        escape(&ClassMsg::Forecast { days: days.len() }.text(lang))
    );
    let _ = writeln!(
        out,
        "<line x1=\"0\" y1=\"{0:.1}\" x2=\"{WIDTH}\" y2=\"{0:.1}\" stroke=\"#888\"/>",
        HEIGHT - BOTTOM
    );
    for (index, day) in days.iter().enumerate() {
        let bar = day.count as f64 / max * plot;
        let x = slot * index as f64 + slot * 0.15;
        let centre = slot * index as f64 + slot / 2.0;
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar:.1}\" fill=\"#1565c0\"/>\
             <text x=\"{centre:.1}\" y=\"{:.1}\" font-size=\"14\" text-anchor=\"middle\">{}</text>\
             <text x=\"{centre:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"middle\">{}</text>",
            HEIGHT - BOTTOM - bar,
            slot * 0.7,
            HEIGHT - BOTTOM - bar - 6.0,
            day.count,
            HEIGHT - 12.0,
            short_date(day.date, lang),
        );
    }
    out.push_str("</svg>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_handins_cannot_make_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{1b}[31m"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn chart_labels_are_cut_with_an_ellipsis() {
        assert_eq!(label("Jukedeck thuộc nhóm nào?", 10), "Jukedeck …");
        assert_eq!(label("ngắn", 10), "ngắn");
    }
}
