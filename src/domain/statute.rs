//! The statutory structure of a draft (草案): plain text pasted by staff is parsed into 编, 章,
//! 节, 条 (articles), 款 (paragraphs), 项 (（一）（二）…) and 目 (1. 2. …), each with a stable
//! anchor, plus warnings for anything irregular. Pure code, shared by server and browser.
//!
//! Real texts are untidy: full-width spaces and digits, articles numbered 第一百二十三条 or
//! inserted as 第十条之一, a 目录 before the body, a title and 通过/公布 lines on top, hard line
//! breaks inside a paragraph, and 附件 after the last article. All of these are handled here.

use serde::{Deserialize, Serialize};

crate::coded_enum! {
    /// The level of a node in the text tree.
    pub enum ProvisionKind {
        Part = "part",
        /// 分编, under a 编 (as in 民法典: 第二编 物权 / 第一分编 通则); chapters number on across it.
        Subpart = "subpart",
        Chapter = "chapter",
        Section = "section",
        Article = "article",
        Paragraph = "paragraph",
        Item = "item",
        SubItem = "sub_item",
    }
}

/// One node of the parsed text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    pub kind: ProvisionKind,
    /// The number within its level (第十条之一 has 10), 0 for paragraphs' implicit numbering.
    pub number: u32,
    /// The 之N of an inserted article, if any.
    pub suffix: Option<u32>,
    /// The label as written, e.g. `第十条之一`, `（二）`; empty for paragraphs.
    pub label: String,
    /// A heading (for 编, 章, 节) or the text (for 款, 项, 目).
    pub text: String,
    /// The anchor in the page, e.g. `art-10-1`, `art-3-p2`.
    pub anchor: String,
    pub children: Vec<Provision>,
}

/// Something irregular the staff member should look at before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParseWarning {
    /// A number was skipped: `found` came where `expected` was due.
    Skipped {
        kind: ProvisionKind,
        expected: u32,
        found: u32,
        line: usize,
    },
    /// A number came again (or went backwards).
    Repeated {
        kind: ProvisionKind,
        number: u32,
        line: usize,
    },
    /// Text that belongs to no article.
    Orphan { line: usize, text: String },
    /// No article was found at all.
    NoArticles,
    /// A point of an amending draft that could not be applied to the text it amends; the point
    /// is kept as written.
    Amendment {
        point: u32,
        problem: crate::domain::amend::AmendProblem,
    },
}

/// A parsed draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedDraft {
    pub title: String,
    /// Lines between the title and the body: 通过/公布 dates, notes in parentheses.
    pub preamble: Vec<String>,
    pub body: Vec<Provision>,
    /// Text after the articles that starts with 附件, kept as written.
    pub annexes: Vec<String>,
    pub warnings: Vec<ParseWarning>,
    /// Set when this text was made by applying an amending draft (修正案草案, 修改决定) to an
    /// earlier text: its points as written, each with the articles it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amendment: Option<crate::domain::amend::Applied>,
}

impl Provision {
    /// The provision as plain text, one paragraph or item a line: `第三条　街道应当……：`,
    /// `（一）设置社区助餐点；`. For tables and documents that show an article in full.
    pub fn plain_text(&self) -> String {
        fn walk(n: &Provision, lines: &mut Vec<String>) {
            let line = match (n.label.is_empty(), n.text.is_empty()) {
                (true, _) => n.text.clone(),
                (false, true) => n.label.clone(),
                (false, false) if n.kind == ProvisionKind::Article => {
                    format!("{}　{}", n.label, n.text)
                }
                (false, false) => format!("{}{}", n.label, n.text),
            };
            if !line.is_empty() {
                lines.push(line);
            }
            for c in &n.children {
                walk(c, lines);
            }
        }
        let mut lines = Vec::new();
        walk(self, &mut lines);
        // An article's label stands before its first paragraph on the same line.
        if self.kind == ProvisionKind::Article && lines.len() > 1 && lines[0] == self.label {
            let first = lines.remove(1);
            lines[0] = format!("{}　{first}", self.label);
        }
        lines.join("\n")
    }
}

impl ParsedDraft {
    /// Every article in text order.
    pub fn articles(&self) -> Vec<&Provision> {
        fn walk<'a>(nodes: &'a [Provision], out: &mut Vec<&'a Provision>) {
            for n in nodes {
                if n.kind == ProvisionKind::Article {
                    out.push(n);
                } else {
                    walk(&n.children, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.body, &mut out);
        out
    }
}

/// `n` in Chinese numerals as articles are numbered: 三, 十二, 一百零五, 一千二百六十, 一千零一十.
pub fn chinese_numeral(n: u32) -> String {
    if n >= 1000 {
        let (k, rest) = (n / 1000, n % 1000);
        let mut s = format!("{}千", chinese_numeral(k));
        if rest > 0 && rest < 100 {
            s += "零";
            if (10..20).contains(&rest) {
                s += "一";
            }
        }
        if rest > 0 {
            s += &chinese_numeral(rest);
        }
        return s;
    }
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s += D[h as usize];
        s += "百";
        if t == 0 && u > 0 {
            s += "零";
        }
    }
    if t > 0 {
        if !(h == 0 && t == 1) {
            s += D[t as usize];
        }
        s += "十";
    }
    if u > 0 {
        s += D[u as usize];
    }
    s
}

/// The value of a Chinese (一百二十三, 两千零五) or Arabic numeral; `None` if it is neither.
pub fn parse_numeral(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let mut total = 0u32;
    let mut current: Option<u32> = None;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = digit(c) {
            current = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        // 十 alone at the start means 一十.
        total += current.unwrap_or(1) * unit;
        current = None;
    }
    any.then_some(total + current.unwrap_or(0))
}

/// Full-width digits and spaces to their ASCII forms, tabs to spaces, and the spaces some texts
/// put inside a number (`第 十二 条`) taken out; trims the line.
pub(crate) fn normalize(line: &str) -> String {
    let line = line
        .chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\t' => ' ',
            _ => c,
        })
        .collect::<String>();
    let line = line.trim();
    if let Some(rest) = line.strip_prefix('第') {
        let end = rest
            .find(|c: char| !(NUMERAL_CHARS.contains(c) || c == ' '))
            .unwrap_or(rest.len());
        if rest[..end].contains(' ')
            && rest[end..].starts_with(['条', '章', '节', '编', '分'])
            && rest[..end]
                .trim()
                .chars()
                .any(|c| NUMERAL_CHARS.contains(c))
        {
            let number: String = rest[..end].chars().filter(|c| *c != ' ').collect();
            return format!("第{number}{}", &rest[end..]);
        }
    }
    line.to_string()
}

const NUMERAL_CHARS: &str = "零〇一二两三四五六七八九十百千0123456789";

/// `第N<unit>` at the start of `line`: the number, the 之N suffix (articles), and the rest.
pub(crate) fn ordinal<'a>(line: &'a str, unit: &str) -> Option<(u32, Option<u32>, &'a str)> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find(|c: char| !NUMERAL_CHARS.contains(c))?;
    let number = parse_numeral(&rest[..end])?;
    let rest = rest[end..].strip_prefix(unit)?;
    let (suffix, rest) = match rest.strip_prefix('之') {
        Some(after) => {
            let end = after
                .find(|c: char| !NUMERAL_CHARS.contains(c))
                .unwrap_or(after.len());
            (Some(parse_numeral(&after[..end])?), &after[end..])
        }
        None => (None, rest),
    };
    Some((number, suffix, rest.trim_start()))
}

/// `（一）text` or `(一)text`: an item (项).
fn item(line: &str) -> Option<(u32, String, &str)> {
    let (open, close) = if line.starts_with('（') {
        ('（', '）')
    } else if line.starts_with('(') {
        ('(', ')')
    } else {
        return None;
    };
    let inner = line.strip_prefix(open)?;
    let end = inner.find(close)?;
    let n = parse_numeral(&inner[..end])
        .filter(|_| !inner[..end].chars().all(|c| c.is_ascii_digit()))?;
    let label = format!("（{}）", &inner[..end]);
    Some((n, label, inner[end + close.len_utf8()..].trim_start()))
}

/// `1.text` or `1．text` or `1、text`: a sub-item (目).
fn sub_item(line: &str) -> Option<(u32, String, &str)> {
    let end = line.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 {
        return None;
    }
    let rest = &line[end..];
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '．' | '、'))?;
    let n = line[..end].parse().ok()?;
    Some((
        n,
        format!("{}{}", &line[..end], sep),
        rest[sep.len_utf8()..].trim_start(),
    ))
}

/// Whether a line starts an item (项) or sub-item (目) rather than a paragraph.
pub(crate) fn is_item_line(line: &str) -> bool {
    item(line).is_some() || sub_item(line).is_some()
}

/// Whether a line ends a paragraph (so the next line starts a new one).
fn ends_paragraph(text: &str) -> bool {
    text.ends_with(['。', '：', '；', '！', '？', '”', '」', ':', ';'])
}

fn article_anchor(number: u32, suffix: Option<u32>) -> String {
    match suffix {
        Some(s) => format!("art-{number}-{s}"),
        None => format!("art-{number}"),
    }
}

struct Counter {
    last: Option<u32>,
}

impl Counter {
    fn check(
        &mut self,
        kind: ProvisionKind,
        n: u32,
        line: usize,
        warnings: &mut Vec<ParseWarning>,
    ) {
        let expected = self.last.map_or(1, |l| l + 1);
        if self.last.is_some_and(|l| n <= l) {
            warnings.push(ParseWarning::Repeated {
                kind,
                number: n,
                line,
            });
        } else if n != expected {
            warnings.push(ParseWarning::Skipped {
                kind,
                expected,
                found: n,
                line,
            });
        }
        self.last = Some(n);
    }
}

/// Parses the plain text of a draft.
pub fn parse(text: &str) -> ParsedDraft {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let l = normalize(l);
        if l.is_empty() {
            continue;
        }
        // A heading with its first article on the same line (`第一章 总则 第一条 为了……`).
        match inline_article(&l) {
            Some(at) => {
                lines.push((i + 1, l[..at].trim_end().to_string()));
                lines.push((i + 1, l[at..].to_string()));
            }
            None => lines.push((i + 1, l)),
        }
    }
    let mut warnings = Vec::new();
    let mut title = String::new();
    let mut preamble = Vec::new();
    let mut annexes = Vec::new();
    let mut body: Vec<Provision> = Vec::new();

    // Inside the table of contents (after 目录): the first heading it lists, once seen. The body
    // starts where that heading comes round again, or at the first article.
    let mut toc: Option<Option<String>> = None;
    let (mut parts, mut subparts, mut chapters, mut sections, mut articles) = (
        Counter { last: None },
        Counter { last: None },
        Counter { last: None },
        Counter { last: None },
        Counter { last: None },
    );
    let mut in_annex = false;
    let mut started = false;
    // Where the next article goes: the path of open containers (indices into the tree).
    let mut path: Vec<usize> = Vec::new();
    // A heading given without its text, whose text may come on the next line (`第一章` / `总则`).
    let mut bare_heading = false;

    for (no, line) in &lines {
        let line = line.as_str();
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if compact == "目录" && !started {
            toc = Some(None);
            continue;
        }
        match &toc {
            Some(_) if ordinal(line, "条").is_some() => toc = None,
            Some(None) => {
                if heading(line).is_some() {
                    toc = Some(Some(compact));
                }
                continue;
            }
            Some(Some(first)) if *first != compact => continue,
            Some(Some(_)) => toc = None,
            None => {}
        }
        if in_annex {
            annexes.push(line.to_string());
            continue;
        }
        if started && (line.starts_with("附件") || line.starts_with("附：")) {
            in_annex = true;
            annexes.push(line.to_string());
            continue;
        }
        if let Some((kind, n, rest)) = heading(line) {
            started = true;
            let counter = match kind {
                ProvisionKind::Part => {
                    subparts.last = None;
                    chapters.last = None;
                    sections.last = None;
                    &mut parts
                }
                ProvisionKind::Subpart => &mut subparts,
                ProvisionKind::Chapter => {
                    sections.last = None;
                    &mut chapters
                }
                _ => &mut sections,
            };
            counter.check(kind, n, *no, &mut warnings);
            // Close the open containers at this level or below.
            while node_at(&mut body, &path).is_some_and(|c| rank(c.kind) >= rank(kind)) {
                path.pop();
            }
            let parent_kind = node_at(&mut body, &path).map(|c| c.kind);
            let fits = match kind {
                ProvisionKind::Subpart => parent_kind == Some(ProvisionKind::Part),
                ProvisionKind::Section => parent_kind == Some(ProvisionKind::Chapter),
                _ => true,
            };
            if !fits {
                warnings.push(ParseWarning::Orphan {
                    line: *no,
                    text: line.to_string(),
                });
                continue;
            }
            let part = path
                .first()
                .map(|&i| &body[i])
                .filter(|p| p.kind == ProvisionKind::Part)
                .map(|p| p.number);
            let anchor = match kind {
                ProvisionKind::Part => format!("part-{n}"),
                ProvisionKind::Subpart => format!("part-{}-sub-{n}", part.unwrap_or(0)),
                ProvisionKind::Chapter => match part {
                    Some(p) => format!("part-{p}-ch-{n}"),
                    None => format!("ch-{n}"),
                },
                _ => {
                    let ch = node_at(&mut body, &path)
                        .map(|c| c.anchor.clone())
                        .unwrap_or_default();
                    format!("{ch}-sec-{n}")
                }
            };
            let unit = unit_of(kind);
            let node = node(
                kind,
                n,
                format!("第{}{unit}", numeral_label(line, unit)),
                rest,
                anchor,
            );
            match node_at(&mut body, &path) {
                Some(parent) => {
                    parent.children.push(node);
                    let i = parent.children.len() - 1;
                    path.push(i);
                }
                None => {
                    body.push(node);
                    path = vec![body.len() - 1];
                }
            }
            bare_heading = rest.is_empty();
            continue;
        }
        // The text of a heading written on the line after its number.
        if std::mem::take(&mut bare_heading)
            && ordinal(line, "条").is_none()
            && is_heading_text(line)
        {
            if let Some(h) = node_at(&mut body, &path) {
                h.text = line.to_string();
                continue;
            }
        }
        if let Some((n, suffix, rest)) = ordinal(line, "条") {
            started = true;
            if suffix.is_none() {
                articles.check(ProvisionKind::Article, n, *no, &mut warnings);
            }
            let anchor = article_anchor(n, suffix);
            let mut article = Provision {
                kind: ProvisionKind::Article,
                number: n,
                suffix,
                label: line[..line.len() - rest.len()].trim().to_string(),
                text: String::new(),
                anchor,
                children: Vec::new(),
            };
            if !rest.is_empty() {
                push_line(&mut article, rest);
            }
            match node_at(&mut body, &path) {
                Some(parent) if parent.kind != ProvisionKind::Article => {
                    parent.children.push(article)
                }
                _ => body.push(article),
            }
            continue;
        }
        if !started {
            if title.is_empty() {
                title = line.to_string();
            } else {
                preamble.push(line.to_string());
            }
            continue;
        }
        // Text inside the current article: a paragraph, an item, or a continuation.
        match last_article(&mut body) {
            Some(article) => push_line(article, line),
            None => warnings.push(ParseWarning::Orphan {
                line: *no,
                text: line.to_string(),
            }),
        }
    }
    let mut parsed = ParsedDraft {
        title,
        preamble,
        body,
        annexes,
        warnings,
        amendment: None,
    };
    if parsed.articles().is_empty() {
        parsed.warnings.push(ParseWarning::NoArticles);
    }
    parsed
}

/// The levels above articles, outermost first.
fn rank(kind: ProvisionKind) -> u8 {
    match kind {
        ProvisionKind::Part => 0,
        ProvisionKind::Subpart => 1,
        ProvisionKind::Chapter => 2,
        ProvisionKind::Section => 3,
        _ => 4,
    }
}

fn unit_of(kind: ProvisionKind) -> &'static str {
    match kind {
        ProvisionKind::Part => "编",
        ProvisionKind::Subpart => "分编",
        ProvisionKind::Chapter => "章",
        _ => "节",
    }
}

/// `第N编`, `第N分编`, `第N章` or `第N节` at the start of a line: its level, number and heading.
fn heading(line: &str) -> Option<(ProvisionKind, u32, &str)> {
    [
        ProvisionKind::Part,
        ProvisionKind::Subpart,
        ProvisionKind::Chapter,
        ProvisionKind::Section,
    ]
    .into_iter()
    .find_map(|k| ordinal(line, unit_of(k)).map(|(n, _, rest)| (k, n, rest)))
    // A sentence that starts with `第三章规定的……` is not a heading.
    .filter(|(_, _, rest)| is_heading_text(rest))
}

/// Whether text can be a heading: short, and not a sentence.
fn is_heading_text(text: &str) -> bool {
    text.chars().count() <= 40 && !ends_paragraph(text) && !text.contains(['，', '。'])
}

/// Where an article starts inside a heading line (`第一章 总则 第一条 为了……`), after a space.
fn inline_article(line: &str) -> Option<usize> {
    let (_, _, rest) = [
        ProvisionKind::Part,
        ProvisionKind::Subpart,
        ProvisionKind::Chapter,
        ProvisionKind::Section,
    ]
    .into_iter()
    .find_map(|k| ordinal(line, unit_of(k)))?;
    let offset = line.len() - rest.len();
    rest.char_indices()
        .filter(|&(i, c)| c == '第' && (i == 0 || rest[..i].ends_with(' ')))
        .find(|&(i, _)| ordinal(&rest[i..], "条").is_some_and(|(_, _, r)| !r.is_empty()))
        .map(|(i, _)| offset + i)
}

/// A node without children or suffix: a 编, 章 or 节 (with its heading), a 款, 项 or 目 (with its text).
fn node(kind: ProvisionKind, number: u32, label: String, text: &str, anchor: String) -> Provision {
    Provision {
        kind,
        number,
        suffix: None,
        label,
        text: text.to_string(),
        anchor,
        children: Vec::new(),
    }
}

/// The numeral as written between 第 and `unit` (for labels).
fn numeral_label(line: &str, unit: &str) -> String {
    let rest = line.strip_prefix('第').unwrap_or(line);
    rest.split(unit).next().unwrap_or("").to_string()
}

fn node_at<'a>(body: &'a mut [Provision], path: &[usize]) -> Option<&'a mut Provision> {
    let (first, rest) = path.split_first()?;
    let mut node = body.get_mut(*first)?;
    for i in rest {
        node = node.children.get_mut(*i)?;
    }
    Some(node)
}

/// The article that text lines now belong to: the last one in text order.
fn last_article(nodes: &mut [Provision]) -> Option<&mut Provision> {
    let last = nodes.last_mut()?;
    if last.kind == ProvisionKind::Article {
        return Some(last);
    }
    last_article(&mut last.children)
}

/// Adds one line of an article's text: a new item (项) or sub-item (目), a new paragraph (款), or
/// the continuation of a paragraph broken by a hard line break.
fn push_line(article: &mut Provision, line: &str) {
    let base = article.anchor.clone();
    let paragraphs = &mut article.children;
    if let Some((n, label, rest)) = item(line) {
        if paragraphs.is_empty() {
            paragraphs.push(paragraph(&base, 1, ""));
        }
        let p = paragraphs.last_mut().expect("a paragraph exists");
        let anchor = format!("{}-i{n}", p.anchor);
        p.children
            .push(node(ProvisionKind::Item, n, label, rest, anchor));
        return;
    }
    if let Some((n, label, rest)) = sub_item(line) {
        if let Some(it) = paragraphs.last_mut().and_then(|p| p.children.last_mut()) {
            let anchor = format!("{}-s{n}", it.anchor);
            it.children
                .push(node(ProvisionKind::SubItem, n, label, rest, anchor));
            return;
        }
    }
    // Continuation: the last piece of text did not end a sentence.
    if let Some(p) = paragraphs.last_mut() {
        let last_text = match p.children.last_mut() {
            Some(it) => match it.children.last_mut() {
                Some(sub) => &mut sub.text,
                None => &mut it.text,
            },
            None => &mut p.text,
        };
        if !last_text.is_empty() && !ends_paragraph(last_text) {
            last_text.push_str(line);
            return;
        }
    }
    let n = paragraphs.len() as u32 + 1;
    paragraphs.push(paragraph(&base, n, line));
}

fn paragraph(article_anchor: &str, n: u32, text: &str) -> Provision {
    node(
        ProvisionKind::Paragraph,
        n,
        String::new(),
        text,
        format!("{article_anchor}-p{n}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_reads_as_plain_text() {
        let d = parse(DRAFT);
        let arts = d.articles();
        let third = arts.iter().find(|a| a.anchor == "art-3").unwrap();
        assert_eq!(
            third.plain_text(),
            "第三条　业主大会决定下列事项：\n（一）制定和修改业主大会议事规则；\n\
             （二）选举业主委员会，具体包括：\n1.提名候选人；\n2.投票表决；\n\
             （三）法律、法规规定的其他事项。"
        );
        let second = arts.iter().find(|a| a.anchor == "art-2").unwrap();
        assert!(second.plain_text().starts_with("第二条　本条例适用于"));
        assert_eq!(second.plain_text().lines().count(), 2);
    }

    #[test]
    fn numerals_are_written_as_articles_number_them() {
        for n in 1..=1300 {
            assert_eq!(parse_numeral(&chinese_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_numeral(105), "一百零五");
        // 民法典 has 1,260 articles.
        assert_eq!(chinese_numeral(1260), "一千二百六十");
        assert_eq!(chinese_numeral(1000), "一千");
        assert_eq!(chinese_numeral(1005), "一千零五");
        assert_eq!(chinese_numeral(1015), "一千零一十五");
    }

    #[test]
    fn numerals() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("一百", 100),
            ("一百零五", 105),
            ("一百一十", 110),
            ("一百二十三", 123),
            ("两百", 200),
            ("一千零一", 1001),
            ("123", 123),
        ] {
            assert_eq!(parse_numeral(s), Some(n), "{s}");
        }
        assert_eq!(parse_numeral("条"), None);
        assert_eq!(parse_numeral(""), None);
    }

    const DRAFT: &str = "\
示范市物业管理条例（草案）
（2026年3月1日示范市第十六届人民代表大会常务委员会第二十次会议通过）

目　　录
第一章　总则
第二章　业主大会
第三章　附则

第一章　总则
第一条　为了规范物业管理活动，维护业主和物业服务人的合法权益，
根据有关法律、行政法规，结合本市实际，制定本条例。
第二条　本条例适用于本市行政区域内的物业管理活动。
本条例所称物业管理，是指业主通过选聘物业服务人进行管理的活动。
第二章　业主大会
第一节　一般规定
第三条　业主大会决定下列事项：
（一）制定和修改业主大会议事规则；
（二）选举业主委员会，具体包括：
1.提名候选人；
2.投票表决；
（三）法律、法规规定的其他事项。
第三条之一　业主大会会议可以采用书面征求意见的形式。
第二节　业主委员会
第４条　业主委员会执行业主大会的决定。
第三章　附则
第五条　本条例自２０２７年１月１日起施行。
附件：物业服务合同示范文本
一、合同双方
甲方：业主委员会
";

    #[test]
    fn parses_a_realistic_draft() {
        let d = parse(DRAFT);
        assert_eq!(d.title, "示范市物业管理条例（草案）");
        assert_eq!(d.preamble.len(), 1);
        assert!(d.preamble[0].contains("通过"));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        // The table of contents did not become chapters.
        assert_eq!(d.body.len(), 3);
        assert_eq!(d.body[0].text, "总则");
        assert_eq!(d.body[1].children.len(), 2, "two sections in chapter two");
        let arts = d.articles();
        let labels: Vec<_> = arts.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "第一条",
                "第二条",
                "第三条",
                "第三条之一",
                "第4条",
                "第五条"
            ]
        );
        let anchors: Vec<_> = arts.iter().map(|a| a.anchor.as_str()).collect();
        assert_eq!(
            anchors,
            ["art-1", "art-2", "art-3", "art-3-1", "art-4", "art-5"]
        );
    }

    #[test]
    fn paragraphs_items_and_hard_line_breaks() {
        let d = parse(DRAFT);
        let arts = d.articles();
        // A hard line break inside a sentence does not start a new paragraph.
        assert_eq!(arts[0].children.len(), 1);
        assert!(arts[0].children[0]
            .text
            .ends_with("结合本市实际，制定本条例。"));
        // Two sentences on two lines are two paragraphs (款).
        assert_eq!(arts[1].children.len(), 2);
        assert_eq!(arts[1].children[1].anchor, "art-2-p2");
        // Items (项) and sub-items (目).
        let p = &arts[2].children[0];
        assert_eq!(p.text, "业主大会决定下列事项：");
        assert_eq!(p.children.len(), 3);
        assert_eq!(p.children[1].label, "（二）");
        assert_eq!(p.children[1].anchor, "art-3-p1-i2");
        assert_eq!(p.children[1].children.len(), 2);
        assert_eq!(p.children[1].children[1].text, "投票表决；");
    }

    #[test]
    fn annexes_are_kept_apart() {
        let d = parse(DRAFT);
        assert_eq!(d.annexes.len(), 3);
        assert!(d.annexes[0].starts_with("附件"));
        let last = d
            .articles()
            .last()
            .unwrap()
            .children
            .last()
            .unwrap()
            .text
            .clone();
        assert_eq!(last, "本条例自2027年1月1日起施行。");
    }

    #[test]
    fn skipped_and_repeated_numbers_and_orphans_are_reported() {
        let d = parse("某条例\n前言一段没有归属的话\n第一章 总则\n章下面没有条的一段话。\n第一条 甲。\n第三条 乙。\n第三条 丙。\n");
        assert!(d.warnings.contains(&ParseWarning::Orphan {
            line: 4,
            text: "章下面没有条的一段话。".into()
        }));
        assert!(d.warnings.contains(&ParseWarning::Skipped {
            kind: ProvisionKind::Article,
            expected: 2,
            found: 3,
            line: 6
        }));
        assert!(d.warnings.contains(&ParseWarning::Repeated {
            kind: ProvisionKind::Article,
            number: 3,
            line: 7
        }));
        assert_eq!(d.preamble, ["前言一段没有归属的话"]);
    }

    #[test]
    fn large_numbers_and_articles_without_chapters() {
        let mut text = String::from("某法\n");
        for n in 1..=123 {
            text.push_str(&format!("第{}条 内容{n}。\n", chinese(n)));
        }
        let d = parse(&text);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let arts = d.articles();
        assert_eq!(arts.len(), 123);
        assert_eq!(arts[122].label, "第一百二十三条");
        assert_eq!(arts[122].anchor, "art-123");
        assert_eq!(arts[104].number, 105);
    }

    #[test]
    fn chapters_restart_in_each_part() {
        let d = parse("民法典\n第一编 总则\n第一章 基本规定\n第一条 甲。\n第二编 物权\n第一章 通则\n第二条 乙。\n");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.body.len(), 2);
        assert_eq!(d.body[1].children[0].anchor, "part-2-ch-1");
        assert_eq!(d.articles()[1].anchor, "art-2");
    }

    #[test]
    fn subparts_under_parts_number_chapters_on() {
        // As in 民法典: 第二编 物权 / 第一分编 通则 / 第一章 … 第二分编 所有权 / 第四章 ….
        let d = parse(
            "民法典\n第一编　物权\n第一分编　通　　则\n第一章　一般规定\n第一条　甲。\n\
             第二章　物权的设立\n第二条　乙。\n第二分编　所有权\n第三章　一般规定\n第三条　丙。\n",
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.body.len(), 1);
        let part = &d.body[0];
        assert_eq!(part.children.len(), 2, "two subparts");
        let sub = &part.children[1];
        assert_eq!(
            (sub.kind, sub.label.as_str(), sub.text.as_str()),
            (ProvisionKind::Subpart, "第二分编", "所有权")
        );
        assert_eq!(sub.anchor, "part-1-sub-2");
        assert_eq!(
            sub.children[0].anchor, "part-1-ch-3",
            "chapters number on across subparts"
        );
        assert_eq!(d.articles().len(), 3);
        // A 分编 outside any 编 is reported, not lost from the source.
        let bad = parse("第一分编　通则\n第一条　甲。");
        assert!(matches!(
            bad.warnings[0],
            ParseWarning::Orphan { line: 1, .. }
        ));
    }

    #[test]
    fn untidy_headings_and_numbers() {
        // A heading with its first article on the same line; a heading whose text is on the next
        // line; spaces inside numbers; tabs; half- and full-width spaces.
        let d = parse(
            "条例\n第一章 总则 第一条 为了甲，制定本条例。\n第 二 条\t本条例适用于本市。\n第二章\n服务\n\
             第三条　街道应当设置助餐点。\n第 三 章　附则　第四条　本条例自公布之日起施行。",
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.body.len(), 3);
        assert_eq!(d.body[0].text, "总则");
        assert_eq!(d.body[1].text, "服务");
        assert_eq!(d.body[2].label, "第三章");
        assert_eq!(d.body[2].text, "附则");
        let arts = d.articles();
        assert_eq!(arts.len(), 4);
        assert_eq!(arts[0].plain_text(), "第一条　为了甲，制定本条例。");
        assert_eq!(arts[1].label, "第二条");
        assert_eq!(arts[1].plain_text(), "第二条　本条例适用于本市。");
        // A sentence that starts like a heading is text, not a heading.
        let s = parse("第一条　甲。\n第三章规定的服务，由街道提供，并向社会公布。");
        assert_eq!(s.articles()[0].children.len(), 2);
        assert!(s.warnings.is_empty());
        // Quoted articles (as in an amending draft pasted as a full text) are not articles.
        let q = parse("一、将第十条修改为：“第十条　甲。”");
        assert!(q.articles().is_empty());
    }

    #[test]
    fn text_without_articles_is_flagged() {
        assert!(parse("只是一段话。")
            .warnings
            .contains(&ParseWarning::NoArticles));
    }

    /// Writes 1..=999 the way statutes do (十一, 一百零五, 一百一十).
    fn chinese(n: u32) -> String {
        const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
        let mut s = String::new();
        if h > 0 {
            s.push_str(D[h as usize]);
            s.push('百');
            if t == 0 && u > 0 {
                s.push('零');
            }
        }
        if t > 0 {
            if !(h == 0 && t == 1) {
                s.push_str(D[t as usize]);
            }
            s.push('十');
        }
        if u > 0 {
            s.push_str(D[u as usize]);
        }
        s
    }
}
