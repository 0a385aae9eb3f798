//! A report as files: a Word document (.docx), a workbook (.xlsx) with the table and the annex
//! on two sheets, and CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
//! Chinese correctly) for the table and for the annex. Every format carries the same words. Also
//! a draft's 修改对照表 as a landscape Word document and a workbook.

use crate::domain::report::{AnnexOpinion, Report};
use crate::i18n::{
    report_row_label as row_label, report_sources as sources, report_subtitle as subtitle, t,
};

/// The formats a report can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Xlsx,
    /// The table.
    Csv,
    /// The annex: one line per opinion.
    AnnexCsv,
}

impl Format {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "docx" => Some(Self::Docx),
            "xlsx" => Some(Self::Xlsx),
            "csv" => Some(Self::Csv),
            "annex.csv" => Some(Self::AnnexCsv),
            _ => None,
        }
    }
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Csv | Self::AnnexCsv => "text/csv; charset=utf-8",
        }
    }
    /// The file name offered for saving, `意见汇总表-12.docx`.
    pub fn file_name(self, report: &Report) -> String {
        let t = t();
        match self {
            Self::Docx => format!("{}-{}.docx", t.rep_file, report.id),
            Self::Xlsx => format!("{}-{}.xlsx", t.rep_file, report.id),
            Self::Csv => format!("{}-{}.csv", t.rep_file, report.id),
            Self::AnnexCsv => format!("{}-{}.csv", t.rep_annex_file, report.id),
        }
    }
}

/// The table's columns, and each row's cells in that order.
fn table(report: &Report) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let t = t();
    let head = vec![
        t.rep_col_article,
        t.rep_col_text,
        t.rep_col_summary,
        t.rep_col_count,
        t.rep_col_people,
        t.rep_col_sources,
        t.rep_col_handling,
    ];
    let rows = report
        .items
        .iter()
        .map(|i| {
            vec![
                row_label(i),
                i.article_text.clone(),
                i.summary.clone(),
                i.opinions.to_string(),
                i.people.to_string(),
                sources(i),
                i.handling.clone(),
            ]
        })
        .collect();
    (head, rows)
}

/// The annex's columns (names and numbers only when the report carries them), and its rows.
fn annex(report: &Report) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let t = t();
    let mut head = vec![
        t.op_code,
        t.rep_col_article,
        t.op_content,
        t.op_suggestion,
        t.op_reason,
        t.op_channel,
        t.op_street,
        t.op_identity,
        t.op_received_on,
    ];
    if report.with_personal {
        head.push(t.op_name);
        head.push(t.op_phone);
    }
    let rows = report
        .annex
        .iter()
        .map(|o: &AnnexOpinion| {
            let mut r = vec![
                o.code.clone(),
                if o.target_label.is_empty() {
                    t.rep_whole.to_string()
                } else {
                    o.target_label.clone()
                },
                o.content.clone(),
                o.suggestion.clone(),
                o.reason.clone(),
                (t.channel)(o.channel).to_string(),
                o.street.clone(),
                (t.identity)(o.identity).to_string(),
                o.received_on.clone(),
            ];
            if report.with_personal {
                r.push(o.name.clone().unwrap_or_default());
                r.push(o.phone.clone().unwrap_or_default());
            }
            r
        })
        .collect();
    (head, rows)
}

/// The file in `format`.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Docx => docx(report),
        Format::Xlsx => xlsx(report),
        Format::Csv => {
            let (head, rows) = table(report);
            csv(&head, &rows)
        }
        Format::AnnexCsv => {
            let (head, rows) = annex(report);
            csv(&head, &rows)
        }
    }
}

/// A cell as a spreadsheet will not run it: text that starts like a formula (`=`, `+`, `-`, `@`,
/// a tab or a carriage return) gets a leading apostrophe. Residents' words go into these files.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A CSV file with a byte-order mark (so that spreadsheet programs read Chinese right), every
/// cell made inert to formula injection.
pub fn csv(head: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(head).map_err(|e| e.to_string())?;
        for r in rows {
            w.write_record(r.iter().map(|c| inert(c).into_owned()))
                .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The registration list of a session as CSV (with BOM) or a workbook. `rows` are code, name,
/// phone, organisation, status, questions and when they registered.
pub fn registrations(
    heading: &str,
    subtitle: &str,
    rows: &[Vec<String>],
    as_xlsx: bool,
) -> Result<Vec<u8>, String> {
    let t = t();
    let head = [
        t.cs.reg_code,
        t.op_name,
        t.op_phone,
        t.cs.organisation,
        t.op_status,
        t.cs.questions,
        t.cs.registered_at,
    ];
    if !as_xlsx {
        return csv(&head, rows);
    }
    use rust_xlsxwriter::{Format as Cell, FormatAlign, Workbook};
    let mut book = Workbook::new();
    let bold = Cell::new().set_bold().set_align(FormatAlign::Top);
    let wrap = Cell::new().set_text_wrap().set_align(FormatAlign::Top);
    let sheet = book.add_worksheet();
    sheet
        .set_name(t.cs.registrations)
        .map_err(|e| e.to_string())?;
    for (c, w) in [16.0, 10.0, 14.0, 20.0, 10.0, 40.0, 18.0]
        .iter()
        .enumerate()
    {
        sheet
            .set_column_width(c as u16, *w)
            .map_err(|e| e.to_string())?;
    }
    sheet
        .write_string_with_format(0, 0, heading, &Cell::new().set_bold().set_font_size(14))
        .map_err(|e| e.to_string())?;
    sheet
        .write_string(1, 0, subtitle)
        .map_err(|e| e.to_string())?;
    for (c, h) in head.iter().enumerate() {
        sheet
            .write_string_with_format(3, c as u16, *h, &bold)
            .map_err(|e| e.to_string())?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet
                .write_string_with_format((4 + r) as u32, c as u16, v, &wrap)
                .map_err(|e| e.to_string())?;
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

fn xlsx(report: &Report) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format as Cell, FormatAlign, Workbook};
    let t = t();
    let mut book = Workbook::new();
    let bold = Cell::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Cell::new().set_text_wrap().set_align(FormatAlign::Top);
    let title = Cell::new().set_bold().set_font_size(14);
    let sheets = [
        (
            t.rep_file,
            report.title.clone(),
            table(report),
            [10.0, 40.0, 40.0, 8.0, 8.0, 30.0, 30.0].to_vec(),
        ),
        (
            t.rep_annex_file,
            t.rep_annex_title.to_string(),
            annex(report),
            vec![
                16.0, 10.0, 40.0, 30.0, 30.0, 8.0, 10.0, 10.0, 12.0, 10.0, 14.0,
            ],
        ),
    ];
    for (name, heading, (head, rows), widths) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(|e| e.to_string())?;
        for (c, w) in widths.iter().enumerate().take(head.len()) {
            sheet
                .set_column_width(c as u16, *w)
                .map_err(|e| e.to_string())?;
        }
        sheet
            .write_string_with_format(0, 0, &heading, &title)
            .map_err(|e| e.to_string())?;
        sheet
            .write_string(1, 0, subtitle(report))
            .map_err(|e| e.to_string())?;
        for (c, h) in head.iter().enumerate() {
            sheet
                .write_string_with_format(3, c as u16, *h, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let at = (4 + r) as u32;
                // Counts are numbers, so that a spreadsheet can add them up.
                match v.parse::<i64>() {
                    Ok(n) if head[c] == t.rep_col_count || head[c] == t.rep_col_people => {
                        sheet.write_number(at, c as u16, n as f64)
                    }
                    _ => sheet.write_string_with_format(at, c as u16, v, &wrap),
                }
                .map_err(|e| e.to_string())?;
            }
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// The most opinions the Word document lists one by one. A Word table of tens of thousands of
/// rows is too large to open or print (100,000 opinions made a 286 MB file and took 5 GB to
/// write); beyond this the document says where the full list is: the workbook's second sheet
/// and the annex CSV, which always carry every opinion.
pub const DOCX_ANNEX_MAX: usize = 2000;

fn docx(report: &Report) -> Result<Vec<u8>, String> {
    use docx_rs::{
        Docx, PageMargin, Paragraph, Run, RunFonts, Table, TableCell, TableRow, WidthType,
    };
    let t = t();
    let fonts = || RunFonts::new().east_asia("宋体").ascii("Times New Roman");
    let run = |text: &str| Run::new().add_text(text).fonts(fonts()).size(21);
    let cell = |text: &str, bold: bool| {
        let mut c = TableCell::new();
        let lines: Vec<&str> = text.split('\n').collect();
        for line in lines {
            let r = if bold { run(line).bold() } else { run(line) };
            c = c.add_paragraph(Paragraph::new().add_run(r));
        }
        c
    };
    let grid = |head: &[&str], rows: &[Vec<String>]| {
        let mut out = vec![TableRow::new(head.iter().map(|h| cell(h, true)).collect())];
        for r in rows {
            out.push(TableRow::new(r.iter().map(|v| cell(v, false)).collect()));
        }
        Table::new(out).width(5000, WidthType::Pct)
    };
    let heading = |text: &str, size: usize| {
        Paragraph::new()
            .add_run(
                Run::new()
                    .add_text(text)
                    .fonts(RunFonts::new().east_asia("黑体"))
                    .bold()
                    .size(size),
            )
            .align(docx_rs::AlignmentType::Center)
    };
    let (head, rows) = table(report);
    let mut doc = Docx::new()
        .page_margin(
            PageMargin::new()
                .left(1000)
                .right(1000)
                .top(1200)
                .bottom(1200),
        )
        .add_paragraph(heading(&report.title, 36))
        .add_paragraph(Paragraph::new().add_run(run(&subtitle(report))))
        .add_table(grid(&head, &rows))
        .add_paragraph(Paragraph::new())
        .add_paragraph(heading(t.rep_annex_title, 28));
    if report.annex.len() <= DOCX_ANNEX_MAX {
        let (annex_head, annex_rows) = annex(report);
        doc = doc.add_table(grid(&annex_head, &annex_rows));
    } else {
        doc = doc.add_paragraph(
            Paragraph::new().add_run(run(&(t.rep_annex_elsewhere)(report.annex.len()))),
        );
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    deflated(buf.into_inner()).map_err(|e| e.to_string())
}

/// A 修改对照表 as legislatures lay it out: landscape, three columns (the earlier text, the later
/// text, what changed), deleted characters struck through in the first and added ones
/// underlined in the second. `heads` are the three column headings.
pub struct ComparisonFile<'a> {
    pub title: &'a str,
    pub lead: &'a str,
    pub heads: [String; 3],
    pub rows: &'a [crate::domain::align::Row],
}

/// The text of one side of a row: its articles' labels, then the pieces of the diff that side
/// shows, each with whether it is a change (struck or underlined).
fn side(
    articles: &[(String, String)],
    diff: &[crate::domain::diff::Piece],
    old: bool,
) -> (String, Vec<(bool, String)>) {
    use crate::domain::diff::Piece;
    let labels = articles
        .iter()
        .map(|(l, _)| l.as_str())
        .collect::<Vec<_>>()
        .join("、");
    if articles.is_empty() {
        return (String::new(), vec![(false, t().tr.no_article.to_string())]);
    }
    let pieces = diff
        .iter()
        .filter_map(|p| match p {
            Piece::Same(s) => Some((false, s.clone())),
            Piece::Gone(s) if old => Some((true, s.clone())),
            Piece::Added(s) if !old => Some((true, s.clone())),
            _ => None,
        })
        .collect();
    (labels, pieces)
}

fn what_changed(r: &crate::domain::align::Row) -> String {
    let labels = |a: &[(String, String)]| a.iter().map(|(l, _)| l.clone()).collect::<Vec<_>>();
    (t().tr.describe)(r.change, r.amended, &labels(&r.old), &labels(&r.new))
}

/// The 对照表 as a Word document.
pub fn comparison_docx(f: &ComparisonFile) -> Result<Vec<u8>, String> {
    use docx_rs::{
        Docx, PageMargin, Paragraph, Run, RunFonts, Table, TableCell, TableRow, WidthType,
    };
    let fonts = || RunFonts::new().east_asia("宋体").ascii("Times New Roman");
    let run = |text: &str| Run::new().add_text(text).fonts(fonts()).size(21);
    let plain = |text: &str, bold: bool| {
        let r = if bold { run(text).bold() } else { run(text) };
        TableCell::new().add_paragraph(Paragraph::new().add_run(r))
    };
    let marked = |(labels, pieces): (String, Vec<(bool, String)>), old: bool| {
        let mut c = TableCell::new();
        if !labels.is_empty() {
            c = c.add_paragraph(Paragraph::new().add_run(run(&labels).bold()));
        }
        // A line break inside the text (several articles on one side) starts a paragraph.
        let mut para = Paragraph::new();
        for (changed, text) in pieces {
            for (k, line) in text.split('\n').enumerate() {
                if k > 0 {
                    c = c.add_paragraph(std::mem::replace(&mut para, Paragraph::new()));
                }
                if line.is_empty() {
                    continue;
                }
                let r = match (changed, old) {
                    (false, _) => run(line),
                    (true, true) => run(line).strike(),
                    (true, false) => run(line).underline("single").bold(),
                };
                para = para.add_run(r);
            }
        }
        c.add_paragraph(para)
    };
    let mut table = vec![TableRow::new(
        f.heads.iter().map(|h| plain(h, true)).collect(),
    )];
    for r in f.rows {
        table.push(TableRow::new(vec![
            marked(side(&r.old, &r.diff, true), true),
            marked(side(&r.new, &r.diff, false), false),
            plain(&what_changed(r), false),
        ]));
    }
    let heading = Paragraph::new()
        .add_run(
            Run::new()
                .add_text(f.title)
                .fonts(RunFonts::new().east_asia("黑体"))
                .bold()
                .size(32),
        )
        .align(docx_rs::AlignmentType::Center);
    // A4 landscape, in twentieths of a point.
    let doc = Docx::new()
        .page_size(16838, 11906)
        .page_orient(docx_rs::PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .left(1000)
                .right(1000)
                .top(1000)
                .bottom(1000),
        )
        .add_paragraph(heading)
        .add_paragraph(Paragraph::new().add_run(run(f.lead)))
        .add_table(
            Table::new(table)
                .width(5000, WidthType::Pct)
                .set_grid(vec![6000, 6000, 2800]),
        );
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    deflated(buf.into_inner()).map_err(|e| e.to_string())
}

/// The 对照表 as a workbook: one sheet, landscape, the changes marked in rich text.
pub fn comparison_xlsx(f: &ComparisonFile) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format as Cell, FormatAlign, FormatUnderline, Workbook};
    let mut book = Workbook::new();
    let bold = Cell::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Cell::new().set_text_wrap().set_align(FormatAlign::Top);
    let normal = Cell::new();
    let struck = Cell::new().set_font_strikethrough();
    let added = Cell::new()
        .set_bold()
        .set_underline(FormatUnderline::Single);
    let sheet = book.add_worksheet();
    sheet.set_name(t().tr.compare).map_err(|e| e.to_string())?;
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    for (c, w) in [60.0, 60.0, 28.0].iter().enumerate() {
        sheet
            .set_column_width(c as u16, *w)
            .map_err(|e| e.to_string())?;
    }
    sheet
        .write_string_with_format(0, 0, f.title, &Cell::new().set_bold().set_font_size(14))
        .map_err(|e| e.to_string())?;
    sheet
        .write_string(1, 0, f.lead)
        .map_err(|e| e.to_string())?;
    for (c, h) in f.heads.iter().enumerate() {
        sheet
            .write_string_with_format(3, c as u16, h, &bold)
            .map_err(|e| e.to_string())?;
    }
    sheet.set_repeat_rows(3, 3).map_err(|e| e.to_string())?;
    for (k, r) in f.rows.iter().enumerate() {
        let at = (4 + k) as u32;
        // A spreadsheet does not grow a row to fit rich text: the height the longest side needs,
        // at about 28 characters a line in a column 60 wide, 15 points a line.
        let lines = |arts: &[(String, String)]| -> usize {
            1 + arts
                .iter()
                .flat_map(|(_, t)| t.split('\n'))
                .map(|l| l.chars().count().div_ceil(28).max(1))
                .sum::<usize>()
        };
        let tall = lines(&r.old).max(lines(&r.new)).min(400);
        sheet
            .set_row_height(at, (tall * 15) as f64)
            .map_err(|e| e.to_string())?;
        for (c, old) in [(0u16, true), (1, false)] {
            let (labels, pieces) = if old {
                side(&r.old, &r.diff, true)
            } else {
                side(&r.new, &r.diff, false)
            };
            let mut parts: Vec<(&Cell, String)> = Vec::new();
            if !labels.is_empty() {
                parts.push((&bold, format!("{labels}\n")));
            }
            for (changed, text) in pieces.into_iter().filter(|(_, t)| !t.is_empty()) {
                let fmt = match (changed, old) {
                    (false, _) => &normal,
                    (true, true) => &struck,
                    (true, false) => &added,
                };
                parts.push((fmt, text));
            }
            let refs: Vec<(&Cell, &str)> = parts.iter().map(|(f, s)| (*f, s.as_str())).collect();
            if refs.len() > 1 {
                sheet
                    .write_rich_string_with_format(at, c, &refs, &wrap)
                    .map_err(|e| e.to_string())?;
            } else if let Some((_, s)) = refs.first() {
                sheet
                    .write_string_with_format(at, c, *s, &wrap)
                    .map_err(|e| e.to_string())?;
            }
        }
        sheet
            .write_string_with_format(at, 2, what_changed(r), &wrap)
            .map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// The same zip archive with every part compressed (a Word document's XML shrinks about tenfold).
fn deflated(stored: Vec<u8>) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    use std::io::{Cursor, Read, Write};
    let mut input = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut part = input.by_index(i)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, options)?;
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes)?;
        out.start_file(name, options)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::opinion::{Channel, Identity, OpinionStatus};
    use crate::domain::report::ReportStatus;

    fn report(opinions: usize) -> Report {
        let one = AnnexOpinion {
            code: "YJ-2026-AAAAA".into(),
            target_label: "第三条".into(),
            content: "建议增加助餐点。".into(),
            suggestion: String::new(),
            reason: String::new(),
            channel: Channel::Online,
            street: "东湖街道".into(),
            identity: Identity::Resident,
            received_on: "2026-11-01".into(),
            name: None,
            phone: None,
            status: OpinionStatus::Accepted,
        };
        Report {
            id: 1,
            solicitation_id: 1,
            solicitation_title: "测试".into(),
            title: "测试汇总表".into(),
            status: ReportStatus::Draft,
            recipient: String::new(),
            sent_on: String::new(),
            created_at: 0,
            items: Vec::new(),
            annex: vec![one; opinions],
            with_personal: false,
        }
    }

    #[test]
    fn formulas_in_csv_cells_are_made_inert() {
        let out = csv(
            &["a"],
            &[vec!["=HYPERLINK(\"x\")".into()], vec!["正常".into()]],
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("'=HYPERLINK"));
        assert!(text.contains("正常"));
    }

    #[test]
    fn a_large_annex_is_left_to_the_workbook_and_the_document_is_compressed() {
        let small = render(&report(3), Format::Docx).unwrap();
        let text = docx_rs::read_docx(&small).unwrap().json();
        assert!(text.contains("YJ-2026-AAAAA"));
        let large = render(&report(DOCX_ANNEX_MAX + 1), Format::Docx).unwrap();
        let text = docx_rs::read_docx(&large).unwrap().json();
        assert!(!text.contains("YJ-2026-AAAAA"));
        assert!(text.contains(&format!("共 {} 条意见", DOCX_ANNEX_MAX + 1)));
        let full = render(&report(DOCX_ANNEX_MAX), Format::Docx).unwrap();
        assert!(
            full.len() < 200_000,
            "{} bytes: the XML is deflated",
            full.len()
        );
    }

    #[test]
    fn the_comparison_table_is_landscape_with_the_changes_marked() {
        use crate::domain::statute::parse;
        let old = parse("某条例\n第一条　为了测试，制定本条例。\n第二条　街道应当设置助餐点。\n");
        let new = parse(
            "某条例\n第一条　为了测试，制定本条例。\n第二条　新增的条文。\n第三条　街道应当设置助餐点，每周开放五天。\n",
        );
        let rows = crate::domain::align::compare(&old, &new);
        let file = ComparisonFile {
            title: "某条例 修改对照表",
            lead: "征求意见稿与二审稿逐条对照",
            heads: ["原条文".into(), "修改后条文".into(), "修改情况".into()],
            rows: &rows,
        };
        let doc = comparison_docx(&file).unwrap();
        let json = docx_rs::read_docx(&doc).unwrap().json();
        // A4 turned on its side: 297 mm wide (16,838 twentieths of a point).
        assert!(json.contains("16838"), "landscape");
        assert!(json.contains("，每周开放五天"));
        assert!(json.contains("新增第二条"));
        assert!(json.contains("（本版本无此条）"));
        assert!(json.contains("\"underline\""), "added text is underlined");
        let book = comparison_xlsx(&file).unwrap();
        // A workbook is a zip: its sheet holds the rich text, its setup the orientation.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
        let mut sheet = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut sheet,
        )
        .unwrap();
        assert!(sheet.contains(r#"orientation="landscape""#), "{sheet}");
        let mut strings = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
            &mut strings,
        )
        .unwrap();
        assert!(
            strings.contains("<u/>") && strings.contains("，每周开放五天"),
            "{strings}"
        );
    }
}
