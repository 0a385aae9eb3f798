//! A report as files: a Word document (.docx), a workbook (.xlsx) with the table and the annex
//! on two sheets, and CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
//! Chinese correctly) for the table and for the annex. Every format carries the same words.

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

fn csv(head: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
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
}
