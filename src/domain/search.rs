//! Search in Chinese without a dictionary: what a query means, how a text is cut into the
//! pieces both databases index, and which passage of a result is shown with the words marked.
//!
//! Chinese has no spaces between words, and a two-character word (养老, 物业, 停车) must be
//! found. A word list would miss the words residents and drafters coin, so every text is indexed
//! by its overlapping two-character pieces (养老服务 → 养老 老服 服务 务): a word of the query is
//! then the phrase of its own pieces, which a text holds at consecutive positions exactly when it
//! holds the word. SQLite's FTS5 and PostgreSQL's `tsvector` both store such pieces and answer
//! phrases from an inverted index, so the two databases find the same things. The staff queue's
//! keyword filter asks the same index of opinions the same way ([`grams`]).

use serde::{Deserialize, Serialize};

crate::coded_enum! {
    /// What a result is.
    pub enum Kind {
        Story = "story",
        Solicitation = "solicitation",
        Article = "article",
        Consultation = "consultation",
        Deputy = "deputy",
        Opinion = "opinion",
    }
}

/// The longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 100;
/// The most words a query is cut into; more say little and cost a join each.
pub const MAX_WORDS: usize = 8;
/// Results on one page.
pub const PER_PAGE: i64 = 20;
/// The deepest page of ranked results.
pub const MAX_PAGE: i64 = 500;
/// Counts above this are shown as "more than".
pub const COUNT_CAP: i64 = 1000;
/// The part of a long text that is indexed: PostgreSQL keeps word positions up to 16,383, and a
/// phrase past that position could not be found.
pub const INDEXED_CHARS: usize = 15_000;

/// Whether both databases' tokenizers keep `c` as part of a word: ASCII letters and digits and
/// Chinese characters. Anything else separates words.
pub fn kept(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{3400}'..='\u{4dbf}').contains(&c)
        || ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{20000}'..='\u{3134f}').contains(&c)
}

/// What the index of pieces is asked for one word: the phrase of its two-character pieces, or
/// for a single character the pieces it begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grams {
    Phrase(Vec<String>),
    Prefix(String),
}

/// The question for `word`; `None` when it holds no character the index keeps (then only
/// reading the texts finds it).
pub fn grams(word: &str) -> Option<Grams> {
    let chars: Vec<char> = word.chars().collect();
    match chars.as_slice() {
        [] => None,
        [c] => kept(*c).then(|| Grams::Prefix(c.to_string())),
        _ if chars.iter().any(|&c| kept(c)) => Some(Grams::Phrase(
            chars.windows(2).map(|w| w.iter().collect()).collect(),
        )),
        _ => None,
    }
}

/// A text as the index stores it: every two-character piece, then the last character alone,
/// separated by spaces, as migration 0013 computes them for opinions in SQL. At most
/// [`INDEXED_CHARS`] characters are cut.
pub fn pieces(text: &str) -> String {
    let chars: Vec<char> = text.chars().take(INDEXED_CHARS).collect();
    let mut out = String::with_capacity(chars.len() * 7);
    for (i, c) in chars.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(*c);
        if let Some(next) = chars.get(i + 1) {
            out.push(*next);
        }
    }
    out
}

/// Why a query cannot be searched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueryProblem {
    /// Longer than [`MAX_QUERY_CHARS`]; holds the length given.
    TooLong(usize),
    /// Nothing in it that could be a word: only spaces and punctuation.
    NoWords,
    /// `kind=` names no kind of result.
    UnknownKind,
    /// `page=` is not a whole number from 1 to [`MAX_PAGE`].
    BadPage,
    /// `after=` is not the id of a result.
    BadCursor,
}

/// A query as searched: its words, each a run of letters, digits or Chinese characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    pub words: Vec<String>,
}

impl Query {
    /// Reads what a person typed. `Ok(None)`: nothing typed yet.
    pub fn parse(q: &str) -> Result<Option<Query>, QueryProblem> {
        let q = q.trim();
        if q.is_empty() {
            return Ok(None);
        }
        let len = q.chars().count();
        if len > MAX_QUERY_CHARS {
            return Err(QueryProblem::TooLong(len));
        }
        let mut words: Vec<String> = Vec::new();
        for w in q.split(|c: char| !kept(c)).filter(|w| !w.is_empty()) {
            let w = w.to_ascii_lowercase();
            if !words.contains(&w) {
                words.push(w);
            }
        }
        if words.is_empty() {
            return Err(QueryProblem::NoWords);
        }
        // A longer word holding a shorter one makes the shorter one say nothing more.
        let all = words.clone();
        words.retain(|w| !all.iter().any(|o| o != w && o.contains(w.as_str())));
        words.truncate(MAX_WORDS);
        Ok(Some(Query { words }))
    }

    /// The words joined by spaces, as the staff queue's keyword filter takes them.
    pub fn keyword(&self) -> String {
        self.words.join(" ")
    }
}

/// One piece of a passage: text, and whether it is one of the words searched for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

/// The passage of `text` to show for `words`: about `width` characters around the place where
/// most of the words are found, with every occurrence marked; the start of the text when none
/// is found. `…` stands for what is cut off.
pub fn passage(text: &str, words: &[String], width: usize) -> Vec<Segment> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_ascii_lowercase()).collect();
    // Every occurrence of every word, as (start, end) in characters.
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for w in words {
        let w: Vec<char> = w.chars().map(|c| c.to_ascii_lowercase()).collect();
        if w.is_empty() || w.len() > lower.len() {
            continue;
        }
        for i in 0..=lower.len() - w.len() {
            if lower[i..i + w.len()] == w[..] {
                hits.push((i, i + w.len()));
            }
        }
    }
    hits.sort();
    // The window holding the most hits, starting a little before its first one.
    let mut start = 0;
    let mut best = 0;
    for (i, &(s, _)) in hits.iter().enumerate() {
        let n = hits[i..].iter().take_while(|(h, _)| *h < s + width).count();
        if n > best {
            best = n;
            start = s.saturating_sub(width / 5);
        }
    }
    if chars.len() <= width {
        start = 0;
    } else {
        start = start.min(chars.len() - width);
    }
    let end = (start + width).min(chars.len());
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |text: String, marked: bool| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(&text),
            _ => out.push(Segment { text, marked }),
        }
    };
    if start > 0 {
        push("…".into(), false);
    }
    let mut at = start;
    for &(s, e) in &hits {
        if e <= at || s >= end {
            continue;
        }
        let s = s.max(at);
        let e = e.min(end);
        push(chars[at..s].iter().collect(), false);
        push(chars[s..e].iter().collect(), true);
        at = e;
    }
    push(chars[at..end].iter().collect(), false);
    if end < chars.len() {
        push("…".into(), false);
    }
    out
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: Kind,
    /// Its id among results of its kind: the cursor for the next page of opinions.
    pub id: i64,
    pub title: String,
    /// Where it belongs, as written: the draft's title and version of an article, the call an
    /// opinion was given to, a deputy's constituency.
    pub context: String,
    /// A code naming its sort within its kind (a story's kind, a call's stage, a session's
    /// kind, a deputy's level, an opinion's identity), shown through the locale's names.
    pub tag: String,
    pub href: String,
    /// The date it belongs to, `2026-11-28`, or empty.
    pub day: String,
    pub passage: Vec<Segment>,
}

/// How many results one kind holds, up to [`COUNT_CAP`] + 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindCount {
    pub kind: Kind,
    pub count: i64,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Results {
    /// What was typed, as typed.
    pub q: String,
    pub kind: Option<Kind>,
    pub problem: Option<QueryProblem>,
    pub words: Vec<String>,
    pub hits: Vec<Hit>,
    /// The newest published opinions, shown beside the other kinds on the first page of all.
    pub opinions: Vec<Hit>,
    pub counts: Vec<KindCount>,
    pub page: i64,
    pub pages: i64,
    /// Opinions page by the id of the last one shown: this page's start and the next one's.
    pub after: Option<i64>,
    pub next_after: Option<i64>,
}

impl Results {
    pub fn count(&self, kind: Kind) -> i64 {
        self.counts
            .iter()
            .find(|c| c.kind == kind)
            .map_or(0, |c| c.count)
    }
}

/// The parameters of `/search`, checked. Unknown values are problems, never ignored silently.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    pub query: Option<Query>,
    pub kind: Option<Kind>,
    pub page: i64,
    pub after: Option<i64>,
}

impl Params {
    pub fn parse(q: &str, kind: &str, page: &str, after: &str) -> Result<Params, QueryProblem> {
        let kind = match kind.trim() {
            "" | "all" => None,
            k => Some(Kind::from_code(k).ok_or(QueryProblem::UnknownKind)?),
        };
        let page = match page.trim() {
            "" => 1,
            p => p
                .parse::<i64>()
                .ok()
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .ok_or(QueryProblem::BadPage)?,
        };
        let after = match after.trim() {
            "" => None,
            a => Some(
                a.parse::<i64>()
                    .ok()
                    .filter(|a| *a > 0)
                    .ok_or(QueryProblem::BadCursor)?,
            ),
        };
        Ok(Params {
            query: Query::parse(q)?,
            kind,
            page,
            after,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<String> {
        Query::parse(q).unwrap().unwrap().words
    }

    #[test]
    fn a_query_is_cut_into_words_at_spaces_and_punctuation() {
        assert_eq!(words(" 养老，物业 "), ["养老", "物业"]);
        assert_eq!(words("停车2号 Wifi"), ["停车2号", "wifi"]);
        assert_eq!(words("养老 养老服务"), ["养老服务"]);
        assert_eq!(Query::parse("   "), Ok(None));
        assert_eq!(Query::parse("，。!?"), Err(QueryProblem::NoWords));
        let long = "养".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            Query::parse(&long),
            Err(QueryProblem::TooLong(MAX_QUERY_CHARS + 1))
        );
    }

    #[test]
    fn words_become_phrases_of_their_pieces() {
        assert_eq!(
            grams("养老服务"),
            Some(Grams::Phrase(vec![
                "养老".into(),
                "老服".into(),
                "服务".into()
            ]))
        );
        assert_eq!(grams("车"), Some(Grams::Prefix("车".into())));
        assert_eq!(grams("，"), None);
        assert_eq!(pieces("养老服务"), "养老 老服 服务 务");
        assert_eq!(pieces(""), "");
    }

    #[test]
    fn the_passage_marks_every_word_near_the_most_hits() {
        let text = format!("{}小区停车难，停车位少。", "前言".repeat(50));
        let p = passage(&text, &["停车".into()], 20);
        let marked: Vec<&str> = p
            .iter()
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, ["停车", "停车"]);
        assert_eq!(p.first().unwrap().text.chars().next(), Some('…'));
        let plain: String = p.iter().map(|s| s.text.as_str()).collect();
        assert!(plain.contains("小区停车难，停车位少。"), "{plain}");
        // Nothing found: the start of the text.
        let p = passage("短短的一句话", &["停车".into()], 20);
        assert_eq!(
            p,
            [Segment {
                text: "短短的一句话".into(),
                marked: false
            }]
        );
        // Letters are found whatever their case.
        let p = passage("WiFi 覆盖", &["wifi".into()], 20);
        assert_eq!(
            p[0],
            Segment {
                text: "WiFi".into(),
                marked: true
            }
        );
    }

    #[test]
    fn bad_parameters_are_problems_not_defaults() {
        assert_eq!(
            Params::parse("养老", "nope", "", ""),
            Err(QueryProblem::UnknownKind)
        );
        assert_eq!(
            Params::parse("养老", "", "0", ""),
            Err(QueryProblem::BadPage)
        );
        assert_eq!(
            Params::parse("养老", "", "x", ""),
            Err(QueryProblem::BadPage)
        );
        assert_eq!(
            Params::parse("养老", "opinion", "", "-1"),
            Err(QueryProblem::BadCursor)
        );
        let p = Params::parse("养老", "article", "2", "").unwrap();
        assert_eq!((p.kind, p.page), (Some(Kind::Article), 2));
    }
}
