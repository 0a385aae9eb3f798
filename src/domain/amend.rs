//! Amending drafts (修正案草案, 修改决定): numbered points such as `一、将第十条修改为：“……”`,
//! `二、在第二十条后增加一条，作为第二十一条：“……”`, `三、删去第三十条。` or
//! `四、将第五条中的“一年”修改为“六个月”。`, applied to the text they amend (a version staff
//! select) to give the amended full text, which then is a version like any other (aligned with
//! the one before it). Each point is kept as written with the articles it changed, so that
//! residents can comment on it; a point that cannot be applied is a warning, never dropped.
//!
//! The points refer to the numbering of the text they amend, except `作为第N条`, which names
//! the number in the amended text. Unless an article is inserted as `第N条之一` (the way 刑法
//! 修正案 keep numbers), the amended text is renumbered in order, as a 修改决定's closing
//! "条文顺序作相应调整" asks. Cross-references inside articles are left as written.

use crate::domain::statute::{
    chinese_numeral, is_item_line, normalize, ordinal, parse_numeral, ParseWarning, ParsedDraft,
    Provision, ProvisionKind,
};
use serde::{Deserialize, Serialize};

/// Why a point could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AmendProblem {
    /// The point is not one of the forms understood (修改为, 增加, 删去).
    NotUnderstood,
    /// The amended text has no such article (`第三十条`).
    NoSuchArticle { article: String },
    /// The article has no such paragraph (`第十条第三款`).
    NoSuchParagraph { article: String, paragraph: u32 },
    /// The words to change or delete are not in the article.
    WordsNotFound { article: String, words: String },
    /// `修改为：` or `增加一条` without the new text after it.
    NoText,
    /// No numbered points (`一、`) were found at all.
    NoPoints,
    /// The text pasted as a full text reads as an amending draft.
    LooksLikeAmendment,
}

/// A point as written, after it was applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppliedPoint {
    pub number: u32,
    /// `一、`
    pub label: String,
    /// The point's text as written (without its label), one line a paragraph.
    pub text: String,
    /// The articles of the amended text it changed or added (anchors), in order.
    pub anchors: Vec<String>,
    /// Their labels (`第二十一条`).
    pub labels: Vec<String>,
    /// Labels of the articles of the earlier text it changed or deleted (`第三十条`).
    pub old_labels: Vec<String>,
    /// Whether it was applied.
    pub applied: bool,
}

impl AppliedPoint {
    /// The point as a short title, in its own words: `三、删去第六条。`, cut at 30 characters.
    pub fn title(&self) -> String {
        let first = self.text.lines().next().unwrap_or("");
        let cut: String = first.chars().take(30).collect();
        let more = first.chars().count() > 30 || self.text.lines().count() > 1;
        format!("{}{cut}{}", self.label, if more { "……" } else { "" })
    }
}

/// An amending draft applied to the text it amends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Applied {
    /// The label of the version it amends (`征求意见稿`, or `现行文本` when pasted).
    pub base_label: String,
    /// The amending draft's own title and lead-in (`……决定对《……》作如下修改：`).
    pub title: String,
    pub preamble: Vec<String>,
    pub points: Vec<AppliedPoint>,
    /// Lines after the last point (`本决定自公布之日起施行。`).
    pub closing: Vec<String>,
}

/// A reference to an article of the amended text, with an optional paragraph (款).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ref {
    article: u32,
    suffix: Option<u32>,
    paragraph: Option<u32>,
}

impl Ref {
    /// `第十条之一`, without the paragraph.
    fn article_label(&self) -> String {
        let mut s = format!("第{}条", chinese_numeral(self.article));
        if let Some(x) = self.suffix {
            s += &format!("之{}", chinese_numeral(x));
        }
        s
    }

    /// `第十条第二款`.
    fn label(&self) -> String {
        match self.paragraph {
            Some(p) => format!("{}第{}款", self.article_label(), chinese_numeral(p)),
            None => self.article_label(),
        }
    }

    /// The article has no paragraph `k`.
    fn no_paragraph(&self, k: u32) -> AmendProblem {
        AmendProblem::NoSuchParagraph {
            article: self.article_label(),
            paragraph: k,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Op {
    Replace(Vec<Ref>, Vec<String>),
    Words(Vec<Ref>, Vec<(String, String)>),
    InsertArticles {
        after: Option<Ref>,
        numbers: Vec<(u32, Option<u32>)>,
        text: Vec<String>,
    },
    InsertParagraph {
        article: Ref,
        at: Option<u32>,
        text: Vec<String>,
    },
    Delete(Vec<Ref>),
    Unknown,
}

struct Point {
    number: u32,
    label: String,
    /// The lines as normalized for reading the instruction.
    lines: Vec<String>,
    /// The lines as written, to show.
    raw: Vec<String>,
}

/// An article while the points are applied: its number in the earlier text (none if added), its
/// paragraphs (each its lines: the paragraph's text, then its items), and the points that
/// touched it.
struct Article {
    orig: Option<(u32, Option<u32>)>,
    /// The number it was inserted as (`作为第二十一条`).
    wanted: Option<(u32, Option<u32>)>,
    paragraphs: Vec<Vec<String>>,
    deleted: bool,
    points: Vec<u32>,
}

enum Entry {
    Heading(String),
    Article(Article),
}

/// `一、` (a Chinese numeral and 、) at the start of a line: the point's number and the rest.
fn point_start(line: &str) -> Option<(u32, &str)> {
    let (n, rest) = line.split_once('、')?;
    if n.is_empty()
        || n.chars().count() > 4
        || !n.chars().all(|c| "一二三四五六七八九十百".contains(c))
    {
        return None;
    }
    Some((parse_numeral(n)?, rest.trim_start()))
}

/// Splits an amending draft into its title, lead-in, points and closing lines.
fn split(text: &str) -> (String, Vec<String>, Vec<Point>, Vec<String>) {
    let mut title = String::new();
    let mut preamble = Vec::new();
    let mut points: Vec<Point> = Vec::new();
    let mut closing = Vec::new();
    for raw in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let line = normalize(raw);
        if line.is_empty() {
            continue;
        }
        if let Some((n, rest)) = point_start(&line) {
            let shown = raw.split_once('、').map_or(raw, |(_, r)| r.trim_start());
            points.push(Point {
                number: n,
                label: line[..line.len() - rest.len()].trim().to_string(),
                lines: vec![rest.to_string()],
                raw: vec![shown.to_string()],
            });
            continue;
        }
        let raw = raw.to_string();
        match points.last_mut() {
            None if title.is_empty() => title = raw,
            None => preamble.push(raw),
            // After the last point's quotation has closed, a line that does not open a quotation
            // closes the draft (本决定自……起施行).
            Some(p) if closing.is_empty() && (line.starts_with('“') || !quote_closed(&p.lines)) =>
            {
                p.lines.push(line);
                p.raw.push(raw);
            }
            Some(_) => closing.push(raw),
        }
    }
    (title, preamble, points, closing)
}

/// Whether a point's text no longer stands inside a quotation: its last line ends one, or it
/// never opened one after its colon.
fn quote_closed(lines: &[String]) -> bool {
    let all = lines.join("\n");
    match all.split_once('：') {
        Some((_, after)) if after.contains('“') => {
            let t = after.trim_end_matches(['。', '；']);
            t.ends_with('”')
        }
        _ => true,
    }
}

/// Article references at the start of `s`: `第十条`, `第十条之一`, `第十条第二款`, several
/// joined by 、 和 及 至; and the rest.
fn refs(s: &str) -> (Vec<Ref>, &str) {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some((n, suffix, after)) = ordinal(rest, "条") {
        let (paragraph, after) = match ordinal(after, "款") {
            Some((p, _, a)) => (Some(p), a),
            None => (None, after),
        };
        out.push(Ref {
            article: n,
            suffix,
            paragraph,
        });
        rest = after;
        match ["、", "和", "及", "，"]
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
        {
            Some(next) if ordinal(next, "条").is_some() => rest = next,
            _ => break,
        }
    }
    (out, rest)
}

/// The text after the point's first colon, as lines without their quotation marks.
fn quoted(lines: &[String]) -> Vec<String> {
    let all = lines.join("\n");
    let Some((_, after)) = all.split_once('：') else {
        return Vec::new();
    };
    after
        .lines()
        .map(|l| {
            let l = l.trim();
            let l = l.strip_prefix('“').unwrap_or(l);
            let l = l
                .strip_suffix('。')
                .filter(|x| x.ends_with('”'))
                .unwrap_or(l);
            let l = l.strip_suffix('”').unwrap_or(l);
            l.trim().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// The `“A”修改为“B”` pairs of a point (`“A”改为“B”` too).
fn word_pairs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else {
            break;
        };
        let from = &after[..close];
        let tail = &after[close + '”'.len_utf8()..];
        let Some(tail) = tail
            .strip_prefix("修改为“")
            .or_else(|| tail.strip_prefix("改为“"))
        else {
            rest = tail;
            continue;
        };
        let Some(end) = tail.find('”') else { break };
        out.push((from.to_string(), tail[..end].to_string()));
        rest = &tail[end + '”'.len_utf8()..];
    }
    out
}

/// The quoted words of a `删去……中的“A”、“B”` point.
fn quoted_words(s: &str) -> Vec<String> {
    s.split('“')
        .skip(1)
        .filter_map(|x| x.split_once('”').map(|(w, _)| w.to_string()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// How many: `一条`, `两款`, `三条` after 增加.
fn count_unit(s: &str) -> Option<(u32, char, &str)> {
    let end = s.find(['条', '款', '项'])?;
    let n = parse_numeral(&s[..end])?;
    let unit = s[end..].chars().next()?;
    Some((n, unit, &s[end + unit.len_utf8()..]))
}

/// `作为第二十一条` / `分别作为第二十一条、第二十二条` / `作为第二款`: the numbers named.
fn as_numbers(s: &str, unit: &str) -> Vec<(u32, Option<u32>)> {
    let Some(at) = s.find("作为") else {
        return Vec::new();
    };
    let mut rest = &s[at + "作为".len()..];
    let mut out = Vec::new();
    while let Some((n, suffix, after)) = ordinal(rest, unit) {
        out.push((n, suffix));
        rest = after.trim_start_matches(['、', '，', ' ']);
    }
    out
}

fn op_of(p: &Point) -> Op {
    let head_all = p.lines.join("\n");
    // The instruction ends at a colon that opens the new text (`修改为：“……”`), not at one inside
    // quoted words (`中的“职责：”`).
    let head = match head_all.split_once('：') {
        Some((h, after)) if after.is_empty() || after.starts_with(['“', '\n']) => h,
        _ => &head_all,
    }
    .trim_end_matches(['。', '；']);
    let head = head.replace(' ', "");
    if let Some(rest) = head.strip_prefix("删去") {
        let (rs, after) = refs(rest);
        if rs.is_empty() {
            return Op::Unknown;
        }
        let words = quoted_words(after);
        return if after.starts_with("中的") && !words.is_empty() {
            Op::Words(rs, words.into_iter().map(|w| (w, String::new())).collect())
        } else if after.is_empty() {
            Op::Delete(rs)
        } else {
            Op::Unknown
        };
    }
    if let Some(rest) = head.strip_prefix('将') {
        let (rs, after) = refs(rest);
        if rs.is_empty() {
            return Op::Unknown;
        }
        if after.starts_with("中的") {
            let pairs = word_pairs(after);
            return if pairs.is_empty() {
                Op::Unknown
            } else {
                Op::Words(rs, pairs)
            };
        }
        if after == "修改为" || after == "改为" {
            return Op::Replace(rs, quoted(&p.lines));
        }
        return Op::Unknown;
    }
    // 在第二十条后增加一条，作为第二十一条 / 第十条增加一款，作为第三款 / 增加一条，作为第五条
    let rest = head.strip_prefix('在').unwrap_or(&head);
    let (rs, after) = refs(rest);
    let after = after
        .strip_prefix("后")
        .or_else(|| after.strip_prefix("之后"))
        .or_else(|| after.strip_prefix("中"))
        .unwrap_or(after);
    let Some(after) = after.strip_prefix("增加") else {
        return Op::Unknown;
    };
    let Some((_, unit, tail)) = count_unit(after) else {
        return Op::Unknown;
    };
    let text = quoted(&p.lines);
    match unit {
        '条' => Op::InsertArticles {
            after: rs.first().copied(),
            numbers: as_numbers(tail, "条"),
            text,
        },
        '款' => match rs.first() {
            Some(r) => Op::InsertParagraph {
                article: *r,
                at: as_numbers(tail, "款").first().map(|(n, _)| *n),
                text,
            },
            None => Op::Unknown,
        },
        _ => Op::Unknown,
    }
}

/// Paragraphs of new text: a line that is not an item starts a paragraph. A leading article
/// label (`第十条　`) is taken off.
fn paragraphs(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line = match (i, ordinal(line, "条")) {
            (0, Some((_, _, rest))) => rest.to_string(),
            _ => line.clone(),
        };
        if line.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(p) if is_item_line(&line) => p.push(line),
            _ => out.push(vec![line]),
        }
    }
    out
}

/// Splits the text of several inserted articles at their labels (`第二十一条　……`).
fn split_articles(lines: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for line in lines {
        if ordinal(line, "条").is_some() || out.is_empty() {
            out.push(vec![line.clone()]);
        } else if let Some(last) = out.last_mut() {
            last.push(line.clone());
        }
    }
    out
}

fn flatten(nodes: &[Provision], out: &mut Vec<Entry>) {
    for n in nodes {
        if n.kind == ProvisionKind::Article {
            let mut paragraphs: Vec<Vec<String>> = n
                .children
                .iter()
                .map(|p| {
                    p.plain_text()
                        .lines()
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .filter(|p| !p.is_empty())
                .collect();
            if paragraphs.is_empty() && !n.text.is_empty() {
                paragraphs.push(vec![n.text.clone()]);
            }
            out.push(Entry::Article(Article {
                orig: Some((n.number, n.suffix)),
                wanted: None,
                paragraphs,
                deleted: false,
                points: Vec::new(),
            }));
        } else if matches!(
            n.kind,
            ProvisionKind::Paragraph | ProvisionKind::Item | ProvisionKind::SubItem
        ) {
            continue;
        } else {
            let heading = if n.text.is_empty() {
                n.label.clone()
            } else {
                format!("{}　{}", n.label, n.text)
            };
            out.push(Entry::Heading(heading));
            flatten(&n.children, out);
        }
    }
}

fn find(entries: &[Entry], r: &Ref) -> Option<usize> {
    entries.iter().position(
        |e| matches!(e, Entry::Article(a) if !a.deleted && a.orig == Some((r.article, r.suffix))),
    )
}

/// Applies the amending draft `text` to `base` (labelled `base_label`): the amended full text
/// (to parse and store as the new version), and what became of each point. Problems are
/// returned as parse warnings, to show with the amended text's own.
pub fn apply(
    base: &ParsedDraft,
    base_label: &str,
    text: &str,
) -> (String, Applied, Vec<ParseWarning>) {
    let (title, preamble, points, closing) = split(text);
    let mut warnings = Vec::new();
    if points.is_empty() {
        warnings.push(ParseWarning::Amendment {
            point: 0,
            problem: AmendProblem::NoPoints,
        });
    }
    let mut entries = Vec::new();
    flatten(&base.body, &mut entries);
    let mut results: Vec<(bool, Vec<String>)> = Vec::new();
    for p in &points {
        let mut old_labels = Vec::new();
        let problem = apply_one(&mut entries, p, &op_of(p), &mut old_labels);
        if let Some(problem) = &problem {
            warnings.push(ParseWarning::Amendment {
                point: p.number,
                problem: problem.clone(),
            });
        }
        results.push((problem.is_none(), old_labels));
    }
    // Numbers: kept when an article was inserted as 第N条之M, else in order.
    let keep = entries.iter().any(|e| {
        matches!(e, Entry::Article(a) if a.orig.is_none() && a.wanted.is_some_and(|(_, s)| s.is_some()))
    });
    let mut out = vec![base.title.clone()];
    out.extend(base.preamble.iter().cloned());
    let mut n = 0;
    let mut anchors: Vec<Vec<(String, String)>> = vec![Vec::new(); points.len()];
    for e in &entries {
        match e {
            Entry::Heading(h) => out.push(h.clone()),
            Entry::Article(a) if a.deleted => {}
            Entry::Article(a) => {
                n += 1;
                let (number, suffix) = if keep {
                    a.orig.or(a.wanted).unwrap_or((n, None))
                } else {
                    (n, None)
                };
                let mut label = format!("第{}条", chinese_numeral(number));
                let mut anchor = format!("art-{number}");
                if let Some(s) = suffix {
                    label += &format!("之{}", chinese_numeral(s));
                    anchor += &format!("-{s}");
                }
                for &pt in &a.points {
                    if let Some(i) = points.iter().position(|p| p.number == pt) {
                        if !anchors[i].iter().any(|(a, _)| *a == anchor) {
                            anchors[i].push((anchor.clone(), label.clone()));
                        }
                    }
                }
                let mut first = true;
                for para in &a.paragraphs {
                    for line in para {
                        if first {
                            out.push(format!("{label}　{line}"));
                            first = false;
                        } else {
                            out.push(line.clone());
                        }
                    }
                }
                if first {
                    out.push(label);
                }
            }
        }
    }
    if !base.annexes.is_empty() {
        out.extend(base.annexes.iter().cloned());
    }
    let applied = Applied {
        base_label: base_label.to_string(),
        title,
        preamble,
        points: points
            .iter()
            .zip(results)
            .zip(anchors)
            .map(|((p, (ok, old_labels)), anchors)| AppliedPoint {
                number: p.number,
                label: p.label.clone(),
                text: p.raw.join("\n"),
                labels: anchors.iter().map(|(_, l)| l.clone()).collect(),
                anchors: anchors.into_iter().map(|(a, _)| a).collect(),
                old_labels,
                applied: ok,
            })
            .collect(),
        closing,
    };
    (out.join("\n"), applied, warnings)
}

fn apply_one(
    entries: &mut Vec<Entry>,
    p: &Point,
    op: &Op,
    old: &mut Vec<String>,
) -> Option<AmendProblem> {
    let article_at = |entries: &mut Vec<Entry>, r: &Ref| -> Result<usize, AmendProblem> {
        find(entries, r).ok_or(AmendProblem::NoSuchArticle {
            article: r.article_label(),
        })
    };
    fn art(e: &mut Entry) -> &mut Article {
        match e {
            Entry::Article(a) => a,
            Entry::Heading(_) => unreachable!("find returns articles only"),
        }
    }
    match op {
        Op::Unknown => Some(AmendProblem::NotUnderstood),
        Op::Replace(_, text)
        | Op::InsertArticles { text, .. }
        | Op::InsertParagraph { text, .. }
            if text.is_empty() =>
        {
            Some(AmendProblem::NoText)
        }
        Op::Replace(rs, text) => {
            let r = rs[0];
            let i = match article_at(entries, &r) {
                Ok(i) => i,
                Err(e) => return Some(e),
            };
            let a = art(&mut entries[i]);
            let new = paragraphs(text);
            match r.paragraph {
                None => a.paragraphs = new,
                Some(k) if (k as usize) <= a.paragraphs.len() && k > 0 => {
                    a.paragraphs.splice(k as usize - 1..k as usize, new);
                }
                Some(k) => return Some(r.no_paragraph(k)),
            }
            a.points.push(p.number);
            old.push(r.label());
            None
        }
        Op::Words(rs, pairs) => {
            for r in rs {
                let i = match article_at(entries, r) {
                    Ok(i) => i,
                    Err(e) => return Some(e),
                };
                let a = art(&mut entries[i]);
                let range = match r.paragraph {
                    None => 0..a.paragraphs.len(),
                    Some(k) if k > 0 && (k as usize) <= a.paragraphs.len() => {
                        k as usize - 1..k as usize
                    }
                    Some(k) => return Some(r.no_paragraph(k)),
                };
                for (from, to) in pairs {
                    let mut found = false;
                    for para in &mut a.paragraphs[range.clone()] {
                        for line in para.iter_mut() {
                            if line.contains(from.as_str()) {
                                *line = line.replace(from.as_str(), to);
                                found = true;
                            }
                        }
                    }
                    if !found {
                        return Some(AmendProblem::WordsNotFound {
                            article: r.label(),
                            words: from.clone(),
                        });
                    }
                }
                for para in &mut a.paragraphs {
                    para.retain(|l| !l.is_empty());
                }
                a.paragraphs.retain(|p| !p.is_empty());
                a.points.push(p.number);
                old.push(r.label());
            }
            None
        }
        Op::Delete(rs) => {
            for r in rs {
                let i = match article_at(entries, r) {
                    Ok(i) => i,
                    Err(e) => return Some(e),
                };
                let a = art(&mut entries[i]);
                match r.paragraph {
                    None => a.deleted = true,
                    Some(k) if k > 0 && (k as usize) <= a.paragraphs.len() => {
                        a.paragraphs.remove(k as usize - 1);
                        a.points.push(p.number);
                    }
                    Some(k) => return Some(r.no_paragraph(k)),
                }
                old.push(r.label());
            }
            None
        }
        Op::InsertParagraph { article, at, text } => {
            let i = match article_at(entries, article) {
                Ok(i) => i,
                Err(e) => return Some(e),
            };
            let a = art(&mut entries[i]);
            let new = paragraphs(text);
            let at = at
                .map(|k| (k as usize).saturating_sub(1).min(a.paragraphs.len()))
                .unwrap_or(a.paragraphs.len());
            a.paragraphs.splice(at..at, new);
            a.points.push(p.number);
            old.push(article.label());
            None
        }
        Op::InsertArticles {
            after,
            numbers,
            text,
        } => {
            let mut at = match after {
                Some(r) => match article_at(entries, r) {
                    Ok(i) => i + 1,
                    Err(e) => return Some(e),
                },
                // 增加一条，作为第N条: after the article that was 第N-1条.
                None => match numbers.first() {
                    Some((n, _)) if *n > 1 => {
                        let r = Ref {
                            article: n - 1,
                            suffix: None,
                            paragraph: None,
                        };
                        find(entries, &r).map(|i| i + 1).unwrap_or(entries.len())
                    }
                    Some(_) => entries
                        .iter()
                        .position(|e| matches!(e, Entry::Article(_)))
                        .unwrap_or(0),
                    None => entries.len(),
                },
            };
            // After articles already inserted here.
            while matches!(entries.get(at), Some(Entry::Article(a)) if a.orig.is_none()) {
                at += 1;
            }
            for (k, block) in split_articles(text).into_iter().enumerate() {
                let wanted = numbers
                    .get(k)
                    .copied()
                    .or_else(|| ordinal(&block[0], "条").map(|(n, s, _)| (n, s)));
                entries.insert(
                    at,
                    Entry::Article(Article {
                        orig: None,
                        wanted,
                        paragraphs: paragraphs(&block),
                        deleted: false,
                        points: vec![p.number],
                    }),
                );
                at += 1;
            }
            None
        }
    }
}

/// Whether a text reads as an amending draft: it has numbered points that amend articles.
pub fn looks_like_amendment(text: &str) -> bool {
    let (_, _, points, _) = split(text);
    !points.is_empty() && points.iter().any(|p| op_of(p) != Op::Unknown)
}

/// The opinion target of a point: `amd-3`.
pub fn target_key(point: u32) -> String {
    format!("amd-{point}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::statute::parse;

    const BASE: &str =
        "某某条例\n第一章　总则\n第一条　为了甲，制定本条例。\n第二条　本条例适用于本市。\n\
第三条　老年人是指年满六十周岁的人员。\n本条例所称服务，是指助餐、助浴。\n第二章　服务\n\
第四条　街道应当履行下列职责：\n（一）统筹资源；\n（二）建立档案。\n第五条　探访每月不少于一次。\n\
第六条　违反本条例的，责令改正。\n第七条　本条例自公布之日起施行。";

    fn labels(text: &str) -> Vec<String> {
        parse(text)
            .articles()
            .iter()
            .map(|a| a.plain_text())
            .collect()
    }

    #[test]
    fn a_decision_amends_inserts_and_deletes() {
        let decision = "某某常务委员会关于修改《某某条例》的决定（草案）\n某某常务委员会决定对《某某条例》作如下修改：\n\
一、将第三条修改为：“第三条　老年人是指在本市居住的年满六十周岁的人员。\n“本条例所称服务，是指助餐、助浴、助医。”\n\
二、在第四条后增加一条，作为第五条：“第五条　社区应当设置助餐点。”\n\
三、将第五条中的“一次”修改为“两次”。\n\
四、删去第六条。\n\
五、第四条增加一项，作为第三项：“（三）法律规定的其他职责。”\n\
本决定自公布之日起施行。\n《某某条例》根据本决定作相应修改，重新公布。";
        let base = parse(BASE);
        let (text, applied, warnings) = apply(&base, "征求意见稿", decision);
        // 五 (an item) is not understood, and says so; the rest is applied.
        assert_eq!(
            warnings,
            vec![ParseWarning::Amendment {
                point: 5,
                problem: AmendProblem::NotUnderstood
            }]
        );
        let arts = labels(&text);
        assert_eq!(arts.len(), 7);
        assert_eq!(
            arts[2],
            "第三条　老年人是指在本市居住的年满六十周岁的人员。\n本条例所称服务，是指助餐、助浴、助医。"
        );
        assert_eq!(
            arts[3],
            "第四条　街道应当履行下列职责：\n（一）统筹资源；\n（二）建立档案。"
        );
        assert_eq!(arts[4], "第五条　社区应当设置助餐点。");
        assert_eq!(arts[5], "第六条　探访每月不少于两次。");
        assert_eq!(arts[6], "第七条　本条例自公布之日起施行。");
        let amended = parse(&text);
        assert!(amended.warnings.is_empty(), "{:?}", amended.warnings);
        assert_eq!(amended.body.len(), 2, "chapters kept");
        assert_eq!(applied.points.len(), 5);
        assert_eq!(applied.points[0].anchors, vec!["art-3"]);
        assert_eq!(applied.points[1].anchors, vec!["art-5"]);
        assert_eq!(
            applied.points[2].anchors,
            vec!["art-6"],
            "old 第五条 is now 第六条"
        );
        assert_eq!(applied.points[3].anchors, Vec::<String>::new());
        assert_eq!(applied.points[3].old_labels, vec!["第六条"]);
        assert!(!applied.points[4].applied);
        assert!(
            applied.points[4].text.contains("法律规定的其他职责"),
            "kept as written"
        );
        assert_eq!(
            applied.title,
            "某某常务委员会关于修改《某某条例》的决定（草案）"
        );
        assert_eq!(applied.closing.len(), 2);
    }

    #[test]
    fn paragraphs_words_and_several_articles() {
        let decision = "一、将第三条第二款修改为：“本条例所称服务，包括助餐。”\n\
二、删去第五条中的“每月”。\n\
三、将第一条、第二条中的“本条例”修改为“本规定”。\n\
四、第五条增加一款，作为第二款：“探访可以采取电话方式。”\n\
五、删去第六条、第七条。";
        let (text, applied, warnings) = apply(&parse(BASE), "一审稿", decision);
        assert_eq!(warnings, vec![]);
        let arts = labels(&text);
        assert_eq!(arts.len(), 5);
        assert_eq!(arts[0], "第一条　为了甲，制定本规定。");
        assert_eq!(arts[1], "第二条　本规定适用于本市。");
        assert_eq!(
            arts[2],
            "第三条　老年人是指年满六十周岁的人员。\n本条例所称服务，包括助餐。"
        );
        assert_eq!(
            arts[3],
            "第四条　街道应当履行下列职责：\n（一）统筹资源；\n（二）建立档案。"
        );
        assert_eq!(arts[4], "第五条　探访不少于一次。\n探访可以采取电话方式。");
        assert_eq!(applied.points[2].anchors, vec!["art-1", "art-2"]);
        assert_eq!(applied.points[4].old_labels, vec!["第六条", "第七条"]);
    }

    #[test]
    fn inserted_as_zhi_yi_keeps_numbers() {
        let decision = "一、在第三条后增加一条，作为第三条之一：“第三条之一　鼓励志愿服务。”\n二、删去第六条。";
        let (text, applied, warnings) = apply(&parse(BASE), "现行文本", decision);
        assert_eq!(warnings, vec![]);
        let d = parse(&text);
        let anchors: Vec<&str> = d.articles().iter().map(|a| a.anchor.as_str()).collect();
        assert_eq!(
            anchors,
            vec!["art-1", "art-2", "art-3", "art-3-1", "art-4", "art-5", "art-7"]
        );
        assert_eq!(applied.points[0].anchors, vec!["art-3-1"]);
    }

    #[test]
    fn unknown_articles_and_words_are_warnings_and_nothing_is_lost() {
        let decision =
            "一、删去第三十条。\n二、将第五条中的“三次”修改为“四次”。\n三、对第二章作文字调整。";
        let (text, applied, warnings) = apply(&parse(BASE), "一审稿", decision);
        assert_eq!(warnings.len(), 3);
        assert!(
            matches!(&warnings[0], ParseWarning::Amendment { point: 1, problem: AmendProblem::NoSuchArticle { article } } if article == "第三十条")
        );
        assert!(matches!(
            &warnings[1],
            ParseWarning::Amendment {
                point: 2,
                problem: AmendProblem::WordsNotFound { .. }
            }
        ));
        assert_eq!(labels(&text), labels(BASE), "the text is unchanged");
        assert_eq!(applied.points[2].text, "对第二章作文字调整。");
        assert!(apply(&parse(BASE), "x", "只是一段话。")
            .2
            .contains(&ParseWarning::Amendment {
                point: 0,
                problem: AmendProblem::NoPoints
            }));
    }

    #[test]
    fn several_articles_inserted_and_untidy_spacing() {
        let decision = "一、在第 二 条后增加两条，分别作为第三条、第四条：\n“第三条　甲。\n“第四条　乙：\n“（一）丙；\n“（二）丁。”\n二、将第七条修改为：\n“本条例自2027年1月1日起施行。”";
        let (text, applied, warnings) = apply(&parse(BASE), "一审稿", decision);
        assert_eq!(warnings, vec![]);
        let arts = labels(&text);
        assert_eq!(arts[2], "第三条　甲。");
        assert_eq!(arts[3], "第四条　乙：\n（一）丙；\n（二）丁。");
        assert_eq!(
            arts[4],
            "第五条　老年人是指年满六十周岁的人员。\n本条例所称服务，是指助餐、助浴。"
        );
        assert_eq!(arts[8], "第九条　本条例自2027年1月1日起施行。");
        assert_eq!(applied.points[0].anchors, vec!["art-3", "art-4"]);
        assert!(looks_like_amendment(decision));
        assert!(!looks_like_amendment(BASE));
    }
}
