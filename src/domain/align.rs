//! Which article of one version of a draft became which article of the next (一审稿 → 二审稿):
//! unchanged, renumbered, amended, moved, split, merged, added or deleted. Articles are paired
//! by their text, not their number, since inserting one article renumbers every one after it.
//!
//! How: articles whose text is the same in both versions are paired first; the longest run of
//! them that keeps its order anchors the alignment (a pair outside it has moved). Between two
//! anchors, the remaining articles are paired in order by the similarity of their character
//! bigrams ([`crate::domain::similarity`]), which suits Chinese without word segmentation; an
//! article left over there that lies mostly inside a paired one of the other version makes a
//! split or a merge. What is left anywhere is then paired across the whole text when similar
//! enough (an article moved and reworded), and the rest is added or deleted.

use crate::domain::similarity::{common, jaccard as jaccard_of, shingles};
use crate::domain::statute::ParsedDraft;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An article as the aligner sees it: its label (第十条) and its text without the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Art {
    pub label: String,
    pub text: String,
}

/// The articles of a parsed draft, in text order.
pub fn articles(draft: &ParsedDraft) -> Vec<Art> {
    draft
        .articles()
        .into_iter()
        .map(|a| {
            let full = a.plain_text();
            let text = full
                .strip_prefix(a.label.as_str())
                .unwrap_or(&full)
                .trim_start_matches(['　', ' '])
                .to_string();
            Art {
                label: a.label.clone(),
                text,
            }
        })
        .collect()
}

/// What happened to an article between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Change {
    /// The same number and the same text.
    Unchanged,
    /// The same text in the same order, under another number (something before it came or went).
    Renumbered,
    /// In its place, with its text changed.
    Amended,
    /// Moved elsewhere in the text (with its text changed or not).
    Moved,
    /// One article became several.
    Split,
    /// Several articles became one.
    Merged,
    /// New in the later version.
    Added,
    /// Gone from the later version.
    Deleted,
}

/// One row of the comparison: articles of the earlier version (`old`) and of the later one
/// (`new`), as indices into each version's articles in text order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    pub change: Change,
    /// Whether the text differs (always for amended, split and merged; for moved, when it was
    /// reworded too).
    pub amended: bool,
}

/// Below this bigram similarity two articles are not the same article reworded.
const SAME_ARTICLE: f64 = 0.3;
/// A moved article must be more alike than one reworded in place, since position no longer helps.
const MOVED_ARTICLE: f64 = 0.5;
/// How much of a piece must lie inside the article it was split from (or merged into).
const PART_OF: f64 = 0.6;
/// A gap larger than this many pairs is compared only near its diagonal.
const FULL_GAP: usize = 40_000;
/// The half-width of that band.
const BAND: usize = 60;

struct Side {
    shingles: Vec<Vec<u64>>,
    key: Vec<String>,
}

fn side(arts: &[Art]) -> Side {
    Side {
        shingles: arts.iter().map(|a| shingles(&a.text)).collect(),
        key: arts.iter().map(|a| squeeze(&a.text)).collect(),
    }
}

/// The text with spaces removed, so that re-wrapping or spacing alone is no change.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// How much of `part` lies inside `whole`.
fn inside(part: &[u64], whole: &[u64]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    common(part, whole) as f64 / part.len() as f64
}

/// Aligns the articles of two versions. Every article of each appears in exactly one link;
/// links come in the later version's order, a deleted article after the link of the article
/// that preceded it.
pub fn align(old: &[Art], new: &[Art]) -> Vec<Link> {
    let (a, b) = (side(old), side(new));
    let mut old_of: Vec<Option<usize>> = vec![None; new.len()];
    let mut new_of: Vec<Option<usize>> = vec![None; old.len()];

    // 1. The same text: the k-th occurrence in one version with the k-th in the other.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, k) in b.key.iter().enumerate() {
        by_text.entry(k.as_str()).or_default().push(j);
    }
    let mut used: HashMap<&str, usize> = HashMap::new();
    let mut exact = Vec::new();
    for (i, k) in a.key.iter().enumerate() {
        if let Some(js) = by_text.get(k.as_str()) {
            let n = used.entry(k.as_str()).or_default();
            if let Some(&j) = js.get(*n) {
                *n += 1;
                exact.push((i, j));
            }
        }
    }
    // 2. The longest run of them in the same order anchors everything else.
    let anchors = longest_in_order(&exact);
    let mut anchored = vec![false; exact.len()];
    for &k in &anchors {
        anchored[k] = true;
    }
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (k, &(i, j)) in exact.iter().enumerate() {
        new_of[i] = Some(j);
        old_of[j] = Some(i);
        if !anchored[k] {
            moved.push((i, j));
        }
    }

    // 3. Between two anchors, the rest in order by similarity.
    let mut bounds: Vec<(usize, usize)> = anchors.iter().map(|&k| exact[k]).collect();
    bounds.push((old.len(), new.len()));
    let (mut i0, mut j0) = (0, 0);
    let mut splits: Vec<Link> = Vec::new();
    for &(i1, j1) in &bounds {
        let is: Vec<usize> = (i0..i1).filter(|&i| new_of[i].is_none()).collect();
        let js: Vec<usize> = (j0..j1).filter(|&j| old_of[j].is_none()).collect();
        for (i, j) in pair_in_order(&is, &js, &a, &b) {
            new_of[i] = Some(j);
            old_of[j] = Some(i);
        }
        splits.extend(parts(&is, &js, &a, &b, &mut new_of, &mut old_of));
        i0 = i1 + 1;
        j0 = j1 + 1;
    }

    // 4. What is left, across the whole text: moved and reworded.
    let is: Vec<usize> = (0..old.len()).filter(|&i| new_of[i].is_none()).collect();
    let js: Vec<usize> = (0..new.len()).filter(|&j| old_of[j].is_none()).collect();
    if is.len() * js.len() <= FULL_GAP * 4 {
        let mut candidates = Vec::new();
        for &i in &is {
            for &j in &js {
                let s = jaccard_of(&a.shingles[i], &b.shingles[j]);
                if s >= MOVED_ARTICLE {
                    candidates.push((s, i, j));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for (_, i, j) in candidates {
            if new_of[i].is_none() && old_of[j].is_none() {
                new_of[i] = Some(j);
                old_of[j] = Some(i);
                moved.push((i, j));
            }
        }
    }

    // 5. The links, in the later version's order.
    let in_parts = |i: Option<usize>, j: Option<usize>| {
        splits
            .iter()
            .any(|l| i.is_some_and(|i| l.old.contains(&i)) || j.is_some_and(|j| l.new.contains(&j)))
    };
    let mut links: Vec<Link> = splits.clone();
    for (j, art) in new.iter().enumerate() {
        if in_parts(None, Some(j)) {
            continue;
        }
        let link = match old_of[j] {
            None => Link {
                old: vec![],
                new: vec![j],
                change: Change::Added,
                amended: true,
            },
            Some(i) => {
                let amended = a.key[i] != b.key[j];
                let change = if moved.contains(&(i, j)) {
                    Change::Moved
                } else if amended {
                    Change::Amended
                } else if old[i].label == art.label {
                    Change::Unchanged
                } else {
                    Change::Renumbered
                };
                Link {
                    old: vec![i],
                    new: vec![j],
                    change,
                    amended,
                }
            }
        };
        links.push(link);
    }
    for (i, paired) in new_of.iter().enumerate() {
        if paired.is_none() && !in_parts(Some(i), None) {
            links.push(Link {
                old: vec![i],
                new: vec![],
                change: Change::Deleted,
                amended: true,
            });
        }
    }
    order(links, old.len())
}

/// For each article of the later version, the articles of the earlier one it comes from, as
/// `links` say (empty: added; several: merged). This is what staff see and may correct before
/// saving.
pub fn picks(links: &[Link], new_len: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); new_len];
    for l in links {
        for &j in &l.new {
            if j < new_len {
                out[j] = l.old.clone();
            }
        }
    }
    out
}

/// The links of a pairing chosen by hand: each article of the later version with the articles
/// of the earlier one it comes from (none: added). An earlier article chosen by several later
/// ones was split; a later one that names several earlier ones merged them; an earlier one
/// chosen by none was deleted; pairs that break the order of the others have moved.
pub fn from_picks(old: &[Art], new: &[Art], picks: &[Vec<usize>]) -> Vec<Link> {
    let mut by_old: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    for (j, p) in picks.iter().enumerate().take(new.len()) {
        for &i in p.iter().filter(|&&i| i < old.len()) {
            if !by_old[i].contains(&j) {
                by_old[i].push(j);
            }
        }
    }
    // Groups of articles joined by the picks: one old and one new article is the common case.
    let mut group_of_old: Vec<Option<usize>> = vec![None; old.len()];
    let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for start in 0..old.len() {
        if group_of_old[start].is_some() || by_old[start].is_empty() {
            continue;
        }
        let g = groups.len();
        let (mut olds, mut news) = (vec![start], Vec::new());
        group_of_old[start] = Some(g);
        let mut k = 0;
        while k < olds.len() {
            for &j in &by_old[olds[k]] {
                if news.contains(&j) {
                    continue;
                }
                news.push(j);
                for &i in picks[j].iter().filter(|&&i| i < old.len()) {
                    if group_of_old[i].is_none() {
                        group_of_old[i] = Some(g);
                        olds.push(i);
                    }
                }
            }
            k += 1;
        }
        olds.sort_unstable();
        news.sort_unstable();
        groups.push((olds, news));
    }
    let singles: Vec<(usize, usize)> = groups
        .iter()
        .filter(|(o, n)| o.len() == 1 && n.len() == 1)
        .map(|(o, n)| (o[0], n[0]))
        .collect();
    let mut in_order = vec![false; singles.len()];
    for k in longest_in_order(&singles) {
        in_order[k] = true;
    }
    let mut links = Vec::new();
    let mut paired = vec![false; new.len()];
    let mut single = 0;
    for (i, by) in by_old.iter().enumerate() {
        if by.is_empty() {
            links.push(Link {
                old: vec![i],
                new: vec![],
                change: Change::Deleted,
                amended: true,
            });
        }
    }
    for (olds, news) in groups {
        for &j in &news {
            paired[j] = true;
        }
        match (olds.len(), news.len()) {
            (1, 1) => {
                let (i, j) = (olds[0], news[0]);
                let amended = squeeze(&old[i].text) != squeeze(&new[j].text);
                let change = if !in_order[single] {
                    Change::Moved
                } else if amended {
                    Change::Amended
                } else if old[i].label == new[j].label {
                    Change::Unchanged
                } else {
                    Change::Renumbered
                };
                single += 1;
                links.push(Link {
                    old: olds,
                    new: news,
                    change,
                    amended,
                });
            }
            (1, _) => links.push(Link {
                old: olds,
                new: news,
                change: Change::Split,
                amended: true,
            }),
            _ => links.push(Link {
                old: olds,
                new: news,
                change: Change::Merged,
                amended: true,
            }),
        }
    }
    for (j, p) in paired.iter().enumerate() {
        if !p {
            links.push(Link {
                old: vec![],
                new: vec![j],
                change: Change::Added,
                amended: true,
            });
        }
    }
    order(links, old.len())
}

/// One row of a 对照表: the articles of each side (label, anchor, text) and the character diff
/// of their texts (the old column shows what is the same and what is gone, the new one what is
/// the same and what was added).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub old: Vec<(String, String)>,
    pub new: Vec<(String, String)>,
    /// The anchors of the later version's articles (`art-12`), for links into its page.
    pub new_anchors: Vec<String>,
    pub change: Change,
    pub amended: bool,
    pub diff: Vec<crate::domain::diff::Piece>,
}

/// The comparison table of two versions, in the later version's order.
pub fn compare(old: &ParsedDraft, new: &ParsedDraft) -> Vec<Row> {
    rows(old, new, align(&articles(old), &articles(new)))
}

/// The comparison table of two versions by the given links (staff's confirmed alignment).
pub fn rows(old: &ParsedDraft, new: &ParsedDraft, links: Vec<Link>) -> Vec<Row> {
    let (a, b) = (articles(old), articles(new));
    let anchors: Vec<String> = new.articles().iter().map(|p| p.anchor.clone()).collect();
    links
        .into_iter()
        .map(|l| {
            let side = |arts: &[Art], ix: &[usize]| -> Vec<(String, String)> {
                ix.iter()
                    .map(|&k| (arts[k].label.clone(), arts[k].text.clone()))
                    .collect()
            };
            let joined = |rows: &[(String, String)]| {
                rows.iter()
                    .map(|(_, t)| t.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let (o, n) = (side(&a, &l.old), side(&b, &l.new));
            let diff = crate::domain::diff::chars(&joined(&o), &joined(&n));
            Row {
                new_anchors: l.new.iter().map(|&j| anchors[j].clone()).collect(),
                old: o,
                new: n,
                change: l.change,
                amended: l.amended,
                diff,
            }
        })
        .collect()
}

/// The indices (into `pairs`, sorted by their first element) of the longest run whose second
/// elements increase too: patience sorting, O(n log n).
fn longest_in_order(pairs: &[(usize, usize)]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        if at > 0 {
            before[k] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        run.push(k);
        at = before[k];
    }
    run.reverse();
    run
}

/// Pairs articles of a gap in order, maximising their total similarity (each pair at least
/// [`SAME_ARTICLE`] alike): a sequence alignment, over a band along the diagonal when the gap
/// is large.
fn pair_in_order(is: &[usize], js: &[usize], a: &Side, b: &Side) -> Vec<(usize, usize)> {
    let (p, q) = (is.len(), js.len());
    if p == 0 || q == 0 {
        return vec![];
    }
    let banded = p * q > FULL_GAP;
    let near = |x: usize, y: usize| !banded || (x * q).abs_diff(y * p) <= BAND * p.max(q);
    // score[x][y]: the best total over the first x old and y new articles.
    let w = q + 1;
    let mut score = vec![0.0f64; (p + 1) * w];
    let mut step = vec![0u8; (p + 1) * w]; // 0 skip old, 1 skip new, 2 pair
    step[1..w].fill(1);
    for x in 1..=p {
        for y in 1..=q {
            let (mut best, mut how) = (score[(x - 1) * w + y], 0);
            if score[x * w + y - 1] > best {
                best = score[x * w + y - 1];
                how = 1;
            }
            if near(x - 1, y - 1) {
                let s = jaccard_of(&a.shingles[is[x - 1]], &b.shingles[js[y - 1]]);
                if s >= SAME_ARTICLE && score[(x - 1) * w + y - 1] + s > best {
                    best = score[(x - 1) * w + y - 1] + s;
                    how = 2;
                }
            }
            score[x * w + y] = best;
            step[x * w + y] = how;
        }
    }
    let mut out = Vec::new();
    let (mut x, mut y) = (p, q);
    while x > 0 && y > 0 {
        match step[x * w + y] {
            2 => {
                out.push((is[x - 1], js[y - 1]));
                x -= 1;
                y -= 1;
            }
            1 => y -= 1,
            _ => x -= 1,
        }
    }
    out.reverse();
    out
}

/// Splits and merges within a gap: an article left unpaired that lies mostly inside a paired
/// article of the other version, and together with its partner covers clearly more of it, is a
/// part of it. The links returned take those articles out of the one-to-one pairing.
fn parts(
    is: &[usize],
    js: &[usize],
    a: &Side,
    b: &Side,
    new_of: &mut [Option<usize>],
    old_of: &mut [Option<usize>],
) -> Vec<Link> {
    // Group by the article that was cut up or joined: old → new pieces (split), new → old (merge).
    let mut split: Vec<(usize, Vec<usize>)> = Vec::new();
    for &j in js.iter().filter(|&&j| old_of[j].is_none()) {
        let best = is
            .iter()
            .filter(|&&i| new_of[i].is_some())
            .map(|&i| (inside(&b.shingles[j], &a.shingles[i]), i))
            .filter(|&(s, _)| s >= PART_OF)
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, i)) = best {
            match split.iter_mut().find(|(o, _)| *o == i) {
                Some((_, pieces)) => pieces.push(j),
                None => split.push((i, vec![new_of[i].unwrap_or(j), j])),
            }
        }
    }
    let mut merge: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in is.iter().filter(|&&i| new_of[i].is_none()) {
        let best = js
            .iter()
            .filter(|&&j| old_of[j].is_some())
            .filter(|&&j| !split.iter().any(|(_, ps)| ps.contains(&j)))
            .map(|&j| (inside(&a.shingles[i], &b.shingles[j]), j))
            .filter(|&(s, _)| s >= PART_OF)
            .max_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, j)) = best {
            match merge.iter_mut().find(|(n, _)| *n == j) {
                Some((_, pieces)) => pieces.push(i),
                None => merge.push((j, vec![old_of[j].unwrap_or(i), i])),
            }
        }
    }
    let covers = |whole: &[u64], pieces: &[&[u64]]| {
        let mut all: Vec<u64> = pieces.iter().flat_map(|p| p.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        inside(whole, &all)
    };
    let mut links = Vec::new();
    for (i, mut pieces) in split {
        let alone = covers(&a.shingles[i], &[b.shingles[pieces[0]].as_slice()]);
        let sets: Vec<&[u64]> = pieces.iter().map(|&j| b.shingles[j].as_slice()).collect();
        if covers(&a.shingles[i], &sets) - alone < 0.15 {
            continue;
        }
        pieces.sort_unstable();
        for &j in &pieces {
            old_of[j] = Some(i);
        }
        links.push(Link {
            old: vec![i],
            new: pieces,
            change: Change::Split,
            amended: true,
        });
    }
    for (j, mut pieces) in merge {
        let alone = covers(&b.shingles[j], &[a.shingles[pieces[0]].as_slice()]);
        let sets: Vec<&[u64]> = pieces.iter().map(|&i| a.shingles[i].as_slice()).collect();
        if covers(&b.shingles[j], &sets) - alone < 0.15 {
            continue;
        }
        pieces.sort_unstable();
        for &i in &pieces {
            new_of[i] = Some(j);
        }
        links.push(Link {
            old: pieces,
            new: vec![j],
            change: Change::Merged,
            amended: true,
        });
    }
    links
}

/// Puts links in the later version's order; a deleted article goes after the link holding the
/// old article before it.
fn order(links: Vec<Link>, old_len: usize) -> Vec<Link> {
    let mut place: Vec<Option<usize>> = vec![None; old_len];
    for l in &links {
        if let Some(&j) = l.new.iter().min() {
            for &i in &l.old {
                place[i] = Some(j);
            }
        }
    }
    let mut keyed: Vec<((usize, u8, usize), Link)> = links
        .into_iter()
        .map(|l| {
            let key = match (l.new.iter().min(), l.old.first()) {
                (Some(&j), _) => (j + 1, 0, 0),
                (None, Some(&i)) => {
                    let before = (0..i).rev().find_map(|k| place[k]).map_or(0, |j| j + 1);
                    (before, 1, i)
                }
                (None, None) => (usize::MAX, 2, 0),
            };
            (key, l)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::statute::{chinese_numeral, parse};

    #[test]
    fn a_pairing_corrected_by_hand_gives_its_own_links() {
        let old = text(&ARTICLES[..4]);
        let new = text(&[ARTICLES[0], ARTICLES[2], ARTICLES[1], ARTICLES[3]]);
        let aligned = align(&old, &new);
        let mut p = picks(&aligned, new.len());
        assert_eq!(p, vec![vec![0], vec![2], vec![1], vec![3]]);
        // The aligner's own pairing gives its own links back.
        assert_eq!(kinds(&from_picks(&old, &new, &p)), kinds(&aligned));
        // Staff say the new 第二条 is new, and the old 第三条 was split into 第二条 and 第三条.
        p[1] = vec![];
        let links = from_picks(&old, &new, &p);
        assert!(links
            .iter()
            .any(|l| l.change == Change::Added && l.new == vec![1]));
        assert!(links
            .iter()
            .any(|l| l.change == Change::Deleted && l.old == vec![2]));
        p[1] = vec![1];
        let links = from_picks(&old, &new, &p);
        assert!(links
            .iter()
            .any(|l| l.change == Change::Split && l.old == vec![1] && l.new == vec![1, 2]));
        assert!(links
            .iter()
            .any(|l| l.change == Change::Deleted && l.old == vec![2]));
        // Staff say the new 第二条 merges the old 第二条 and 第三条 (and 第三条 is new).
        p[1] = vec![1, 2];
        p[2] = vec![];
        let links = from_picks(&old, &new, &p);
        assert!(
            links
                .iter()
                .any(|l| l.change == Change::Merged && l.old == vec![1, 2] && l.new == vec![1]),
            "{links:?}"
        );
        assert!(links
            .iter()
            .any(|l| l.change == Change::Added && l.new == vec![2]));
        assert!(!links.iter().any(|l| l.change == Change::Deleted));
    }

    /// Twelve articles of an imagined 养老服务条例, each about something else.
    const ARTICLES: [&str; 12] = [
        "为了规范本区养老服务工作，保障老年人合法权益，根据有关法律法规，结合本区实际，制定本条例。",
        "本条例适用于本区行政区域内的居家社区养老服务、机构养老服务及其监督管理活动。",
        "区人民政府应当将养老服务事业纳入国民经济和社会发展规划，建立与老龄化程度相适应的财政投入机制。",
        "街道办事处负责辖区内养老服务设施的统筹布局，居民委员会协助做好需求调查和信息登记。",
        "社区助餐点应当提供营养均衡、价格合理的餐食，并为行动不便的老年人提供送餐上门服务。",
        "养老机构应当按照床位数配备护理人员，护理人员上岗前须经过专业培训并取得相应证书。",
        "新建住宅小区应当按照每百户不少于二十平方米的标准配套建设养老服务用房，与住宅同步交付使用。",
        "鼓励志愿者组织开展探访独居、失能老人活动，建立志愿服务时间储蓄和兑换制度。",
        "民政部门应当建立养老服务质量评估制度，评估结果向社会公开，作为扶持资金发放的依据。",
        "任何单位和个人不得以养老服务名义向老年人非法集资或者推销虚假保健产品。",
        "违反本条例第七条规定，未配套建设养老服务用房的，由有关部门责令限期改正。",
        "本条例自二〇二七年一月一日起施行。",
    ];

    fn draft(arts: &[&str]) -> ParsedDraft {
        let body: String = arts
            .iter()
            .enumerate()
            .map(|(k, t)| format!("第{}条　{t}\n", chinese_numeral(k as u32 + 1)))
            .collect();
        parse(&format!("某区养老服务条例\n{body}"))
    }

    fn text(arts: &[&str]) -> Vec<Art> {
        articles(&draft(arts))
    }

    fn kinds(links: &[Link]) -> Vec<(Vec<usize>, Vec<usize>, Change)> {
        links
            .iter()
            .map(|l| (l.old.clone(), l.new.clone(), l.change))
            .collect()
    }

    fn one(i: usize, j: usize, c: Change) -> (Vec<usize>, Vec<usize>, Change) {
        (vec![i], vec![j], c)
    }

    #[test]
    fn the_same_text_is_unchanged_throughout() {
        let v = text(&ARTICLES);
        let links = align(&v, &v);
        assert_eq!(links.len(), 12);
        assert!(links
            .iter()
            .all(|l| l.change == Change::Unchanged && !l.amended));
        assert_eq!(v[0].label, "第一条");
        assert!(v[0].text.starts_with("为了规范"));
    }

    #[test]
    fn an_inserted_article_renumbers_the_rest_without_changing_them() {
        let mut next = ARTICLES.to_vec();
        next.insert(
            3,
            "区卫生健康部门应当推动医疗机构与养老机构签约合作，开通就医绿色通道。",
        );
        let links = align(&text(&ARTICLES), &text(&next));
        let mut want = vec![
            one(0, 0, Change::Unchanged),
            one(1, 1, Change::Unchanged),
            one(2, 2, Change::Unchanged),
            (vec![], vec![3], Change::Added),
        ];
        want.extend((3..12).map(|i| one(i, i + 1, Change::Renumbered)));
        assert_eq!(kinds(&links), want);
    }

    #[test]
    fn a_deleted_article_shows_where_it_was() {
        let mut next = ARTICLES.to_vec();
        next.remove(7);
        let links = align(&text(&ARTICLES), &text(&next));
        let mut want: Vec<_> = (0..7).map(|i| one(i, i, Change::Unchanged)).collect();
        want.push((vec![7], vec![], Change::Deleted));
        want.extend((8..12).map(|i| one(i, i - 1, Change::Renumbered)));
        assert_eq!(kinds(&links), want);
    }

    #[test]
    fn a_reworded_article_is_amended_in_place() {
        let mut next = ARTICLES.to_vec();
        next[4] = "社区助餐点应当提供营养均衡、价格合理的餐食，并为失能、高龄老年人提供送餐上门和代购服务。";
        let links = align(&text(&ARTICLES), &text(&next));
        assert_eq!(links[4].old, vec![4]);
        assert_eq!(links[4].new, vec![4]);
        assert_eq!(links[4].change, Change::Amended);
        assert!(links[4].amended);
        assert_eq!(
            links
                .iter()
                .filter(|l| l.change == Change::Unchanged)
                .count(),
            11
        );
    }

    #[test]
    fn a_split_article_keeps_both_halves_together() {
        let mut old = ARTICLES.to_vec();
        old[5] = "养老机构应当按照床位数配备护理人员，护理人员上岗前须经过专业培训并取得相应证书。养老机构应当建立突发事件应急预案，每年至少组织两次消防疏散演练。";
        let mut next = ARTICLES.to_vec();
        next.insert(
            6,
            "养老机构应当建立突发事件应急预案，每年至少组织两次消防疏散演练。",
        );
        let links = align(&text(&old), &text(&next));
        assert_eq!(
            links[5],
            Link {
                old: vec![5],
                new: vec![5, 6],
                change: Change::Split,
                amended: true,
            }
        );
        assert_eq!(links.len(), 12);
        assert!(links[6..].iter().all(|l| l.change == Change::Renumbered));
    }

    #[test]
    fn merged_articles_become_one() {
        let mut old = ARTICLES.to_vec();
        old.insert(
            6,
            "养老机构应当建立突发事件应急预案，每年至少组织两次消防疏散演练。",
        );
        let mut next = ARTICLES.to_vec();
        next[5] = "养老机构应当按照床位数配备护理人员，护理人员上岗前须经过专业培训并取得相应证书。养老机构应当建立突发事件应急预案，每年至少组织两次消防疏散演练。";
        let links = align(&text(&old), &text(&next));
        assert_eq!(links[5].old, vec![5, 6]);
        assert_eq!(links[5].new, vec![5]);
        assert_eq!(links[5].change, Change::Merged);
        assert_eq!(links.len(), 12);
    }

    #[test]
    fn a_moved_chapter_is_moved_and_the_rest_stays_in_order() {
        // 第九条 to 第十一条 (supervision and liability) come before 第四条 in the new version.
        let mut next: Vec<&str> = ARTICLES[..3].to_vec();
        next.extend(&ARTICLES[8..11]);
        next.extend(&ARTICLES[3..8]);
        next.push(ARTICLES[11]);
        let links = align(&text(&ARTICLES), &text(&next));
        let moved: Vec<usize> = links
            .iter()
            .filter(|l| l.change == Change::Moved)
            .flat_map(|l| l.old.clone())
            .collect();
        assert_eq!(moved, vec![8, 9, 10]);
        assert!(links.iter().all(|l| l.old.len() == 1 && l.new.len() == 1));
        assert!(links.iter().all(|l| !l.amended));
        assert_eq!(links[3].new, vec![3]);
        assert_eq!(links[3].old, vec![8]);
    }

    #[test]
    fn a_moved_and_reworded_article_is_still_found() {
        let mut next = ARTICLES.to_vec();
        next.remove(9);
        next.insert(
            2,
            "任何单位和个人不得以养老服务名义向老年人非法集资、推销虚假保健产品或者骗取财物。",
        );
        let links = align(&text(&ARTICLES), &text(&next));
        let l = links
            .iter()
            .find(|l| l.old == vec![9])
            .expect("old 第十条 is linked");
        assert_eq!(l.new, vec![2]);
        assert_eq!(l.change, Change::Moved);
        assert!(l.amended);
        assert!(links
            .iter()
            .all(|l| !matches!(l.change, Change::Added | Change::Deleted)));
    }

    #[test]
    fn a_rewritten_text_is_added_and_deleted_not_forced_into_pairs() {
        let old = text(&ARTICLES[..3]);
        let new = text(&[
            "本区设立养老服务发展专项资金，用于补贴社区嵌入式养老机构的建设运营。",
            "区人大常委会每两年听取一次养老服务工作专项报告。",
        ]);
        let links = align(&old, &new);
        assert_eq!(
            links.iter().filter(|l| l.change == Change::Added).count(),
            2
        );
        assert_eq!(
            links.iter().filter(|l| l.change == Change::Deleted).count(),
            3
        );
    }

    #[test]
    fn spacing_alone_is_no_change() {
        let mut next = ARTICLES.to_vec();
        let spaced = ARTICLES[2].replace('，', "， ");
        next[2] = &spaced;
        let links = align(&text(&ARTICLES), &text(&next));
        assert_eq!(links[2].change, Change::Unchanged);
    }

    #[test]
    fn the_table_marks_what_changed_and_links_the_later_articles() {
        use crate::domain::diff::Piece;
        let mut next = ARTICLES.to_vec();
        next.insert(0, "本区建立覆盖全体老年人的基本养老服务体系。");
        next[10] =
            "任何单位和个人不得以养老服务名义向老年人非法集资、推销虚假保健产品或者骗取财物。";
        let rows = compare(&draft(&ARTICLES), &draft(&next));
        assert_eq!(rows[0].change, Change::Added);
        assert_eq!(rows[0].new_anchors, vec!["art-1".to_string()]);
        let row = rows
            .iter()
            .find(|r| r.change == Change::Amended)
            .expect("an amended row");
        assert_eq!(row.old[0].0, "第十条");
        assert_eq!(row.new[0].0, "第十一条");
        assert_eq!(row.new_anchors, vec!["art-11".to_string()]);
        assert!(row
            .diff
            .iter()
            .any(|p| matches!(p, Piece::Added(s) if s.contains("骗取财物"))));
        assert!(row
            .diff
            .iter()
            .any(|p| matches!(p, Piece::Same(s) if s.contains("任何单位和个人"))));
    }
}
