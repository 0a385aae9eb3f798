//! The lineage of a draft's articles across its versions (立法足迹): which article of each later
//! version an article of an earlier one became, so that an opinion given on 第十二条 of the
//! 征求意见稿 is counted and shown against the matching article of every later version.
//!
//! Each version after the first keeps the alignment with the version before it ([`Step`],
//! stored when staff save the version, after their corrections). [`Lineage`] chains the steps:
//! forward, an article goes to the first article its link gives (a split article's opinions
//! count once, on the first part); backward (a report compiled on an earlier version that takes
//! in an opinion on a later one), it goes to the first article it came from.

use crate::domain::align::{Change, Link};
use crate::domain::statute::ParsedDraft;
use serde::{Deserialize, Serialize};

/// An article of one version: its anchor (`art-12`) and label (第十二条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArtRef {
    pub anchor: String,
    pub label: String,
}

/// One link of an alignment, by anchors instead of positions, as stored with a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepLink {
    pub old: Vec<ArtRef>,
    pub new: Vec<ArtRef>,
    pub change: Change,
    pub amended: bool,
}

/// The alignment of a version with the one before it.
pub type Step = Vec<StepLink>;

/// The links of [`crate::domain::align::align`] over `old` and `new`, by anchor.
pub fn step(old: &ParsedDraft, new: &ParsedDraft, links: &[Link]) -> Step {
    let refs = |d: &ParsedDraft| -> Vec<ArtRef> {
        d.articles()
            .into_iter()
            .map(|a| ArtRef {
                anchor: a.anchor.clone(),
                label: a.label.clone(),
            })
            .collect()
    };
    let (a, b) = (refs(old), refs(new));
    links
        .iter()
        .map(|l| StepLink {
            old: l.old.iter().filter_map(|&i| a.get(i).cloned()).collect(),
            new: l.new.iter().filter_map(|&j| b.get(j).cloned()).collect(),
            change: l.change,
            amended: l.amended,
        })
        .collect()
}

/// A stored step back as links by position, given the two versions it joins. `None` if it does
/// not fit them (an article it names is missing), so that the caller aligns afresh.
pub fn links_of(step: &Step, old: &ParsedDraft, new: &ParsedDraft) -> Option<Vec<Link>> {
    let index = |d: &ParsedDraft| -> std::collections::HashMap<String, usize> {
        d.articles()
            .iter()
            .enumerate()
            .map(|(i, a)| (a.anchor.clone(), i))
            .collect()
    };
    let (a, b) = (index(old), index(new));
    let links: Option<Vec<Link>> = step
        .iter()
        .map(|l| {
            Some(Link {
                old: l
                    .old
                    .iter()
                    .map(|r| a.get(&r.anchor).copied())
                    .collect::<Option<_>>()?,
                new: l
                    .new
                    .iter()
                    .map(|r| b.get(&r.anchor).copied())
                    .collect::<Option<_>>()?,
                change: l.change,
                amended: l.amended,
            })
        })
        .collect();
    // Every article of each version in exactly one link.
    let links = links?;
    let olds: usize = links.iter().map(|l| l.old.len()).sum();
    let news: usize = links.iter().map(|l| l.new.len()).sum();
    (olds == a.len() && news == b.len()).then_some(links)
}

/// The label and text (without the label) of article `anchor` of `d`.
pub fn article_text(d: &ParsedDraft, anchor: &str) -> Option<(String, String)> {
    let at = d.articles().iter().position(|a| a.anchor == anchor)?;
    crate::domain::align::articles(d)
        .into_iter()
        .nth(at)
        .map(|a| (a.label, a.text))
}

/// An opinion's article as it was when the resident wrote, and as enacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnactedArticle {
    pub version_label: String,
    pub enactment: crate::domain::solicitation::Enactment,
    pub then_version: String,
    pub then_label: String,
    pub then_text: String,
    /// Its label in the enacted text; `None` when it was deleted.
    pub now_label: Option<String>,
    /// The character diff from the text then to the text enacted (empty when deleted).
    pub diff: Vec<crate::domain::diff::Piece>,
}

/// The public figures of a solicitation's legislative trail, read from the same tallies as
/// `/stats`, so that they add up with it: the opinions accepted are those on articles of the
/// version shown (with those carried over), those on the whole text or a question, and those
/// on articles since deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footprint {
    pub versions: Vec<String>,
    pub first_id: i64,
    /// Articles changed, added or deleted between the first version and the one shown.
    pub changed: usize,
    pub received: i64,
    pub accepted: i64,
    pub on_articles: i64,
    pub on_whole: i64,
    pub on_deleted: i64,
    pub adopted: i64,
    pub partially_adopted: i64,
    pub not_adopted: i64,
    pub adoption_rate: Option<f64>,
    /// The articles with most opinions: (anchor, label, all, carried over).
    pub top: Vec<(String, String, i64, i64)>,
}

/// The alignment of `new` with `old` as the aligner finds it.
pub fn aligned(old: &ParsedDraft, new: &ParsedDraft) -> Step {
    use crate::domain::align::{align, articles};
    step(old, new, &align(&articles(old), &articles(new)))
}

/// An article as staff name it in the pairing form: `12`, `十二`, `第十二条`, `10-1` or
/// `第十条之一` (full-width digits too). Returns its anchor (`art-12`, `art-10-1`).
pub fn article_ref(given: &str) -> Option<String> {
    use crate::domain::statute::parse_numeral;
    let s: String = given
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '—' => '-',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    let s = s.strip_prefix('第').unwrap_or(&s);
    let (main, sub) = match s.split_once('之').or_else(|| s.split_once('-')) {
        Some((m, x)) => (m, Some(x)),
        None => (s, None),
    };
    let main = main.strip_suffix('条').unwrap_or(main);
    let n = parse_numeral(main).filter(|&n| n > 0)?;
    match sub {
        None => Some(format!("art-{n}")),
        Some(x) => {
            let m = parse_numeral(x.strip_suffix('条').unwrap_or(x)).filter(|&m| m > 0)?;
            Some(format!("art-{n}-{m}"))
        }
    }
}

/// The alignment of a new version with the one before it, after staff's corrections.
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing {
    pub links: Vec<Link>,
    /// Corrections that name no article of the earlier version: (the later article's anchor,
    /// what was typed).
    pub unknown: Vec<(String, String)>,
}

/// Aligns `new` with `old`, then applies staff's corrections: `(anchor of a later article,
/// the earlier article it comes from as typed, or empty for "added")`. Corrections that change
/// nothing leave the aligner's links as they are (with its splits and merges).
pub fn pairing(old: &ParsedDraft, new: &ParsedDraft, corrections: &[(String, String)]) -> Pairing {
    use crate::domain::align::{align, articles, from_picks, picks};
    let (a, b) = (articles(old), articles(new));
    let links = align(&a, &b);
    let old_anchors: Vec<String> = old.articles().iter().map(|p| p.anchor.clone()).collect();
    let new_anchors: Vec<String> = new.articles().iter().map(|p| p.anchor.clone()).collect();
    let aligned = picks(&links, b.len());
    let mut chosen = aligned.clone();
    let mut unknown = Vec::new();
    for (anchor, given) in corrections {
        let Some(j) = new_anchors.iter().position(|x| x == anchor) else {
            continue;
        };
        // Several earlier articles (`5、6`, `第五条，第六条`) were merged into this one.
        let named: Vec<Option<usize>> = given
            .split(['、', ',', '，', '和', ';', '；', '/'])
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(|g| article_ref(g).and_then(|r| old_anchors.iter().position(|x| *x == r)))
            .collect();
        if named.iter().any(Option::is_none) {
            unknown.push((anchor.clone(), given.clone()));
            continue;
        }
        let mut named: Vec<usize> = named.into_iter().flatten().collect();
        named.sort_unstable();
        named.dedup();
        chosen[j] = named;
    }
    let links = if chosen == aligned {
        links
    } else {
        from_picks(&a, &b, &chosen)
    };
    Pairing { links, unknown }
}

/// A version as the lineage knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub id: i64,
    /// 征求意见稿, 二审稿 …
    pub label: String,
    /// The alignment with the version before (empty for the first).
    pub step: Step,
}

/// What became of an article in one later version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    pub version_id: i64,
    pub version_label: String,
    /// Where it is now: none when deleted, several when split.
    pub now: Vec<ArtRef>,
    /// The articles it was merged with (besides itself), when merged.
    pub merged_with: Vec<ArtRef>,
    /// Whether its text differs from the text the opinion was given on.
    pub amended: bool,
    pub change: Change,
}

/// Where an opinion's article lies in another version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// The same version (nothing to carry).
    Same,
    /// Into this article of the other version.
    To(ArtRef),
    /// The article is not in the other version (deleted, or added after it).
    Gone,
}

/// Every version of one draft, oldest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Lineage {
    pub versions: Vec<Version>,
}

/// Whether a target key names an article (`art-12`), as against the whole text or a question.
pub fn is_article(target: &str) -> bool {
    target.starts_with("art-")
}

impl Lineage {
    fn at(&self, id: i64) -> Option<usize> {
        self.versions.iter().position(|v| v.id == id)
    }

    /// The id of the newest version.
    pub fn current(&self) -> Option<i64> {
        self.versions.last().map(|v| v.id)
    }

    /// The anchors of version `id`'s articles, as its steps name them.
    pub fn anchors(&self, id: i64) -> Vec<String> {
        let Some(k) = self.at(id) else {
            return Vec::new();
        };
        let own = self.versions[k].step.iter().flat_map(|l| &l.new);
        let next = self
            .versions
            .get(k + 1)
            .into_iter()
            .flat_map(|v| v.step.iter().flat_map(|l| &l.old));
        let mut out: Vec<String> = own.chain(next).map(|r| r.anchor.clone()).collect();
        out.sort();
        out.dedup();
        out
    }

    /// Every (version, article) whose opinions count on article `anchor` of the newest version
    /// (version 0: opinions from before versions were kept).
    pub fn sources_of(&self, anchor: &str) -> Vec<(i64, String)> {
        let Some(current) = self.current() else {
            return vec![(0, anchor.to_string())];
        };
        let mut out = vec![(0, anchor.to_string()), (current, anchor.to_string())];
        for v in &self.versions[..self.versions.len() - 1] {
            for a in self.anchors(v.id) {
                if matches!(self.carry(v.id, &a, current), Carried::To(ref r) if r.anchor == anchor)
                {
                    out.push((v.id, a));
                }
            }
        }
        out
    }

    /// The label of version `id`.
    pub fn label(&self, id: i64) -> Option<&str> {
        self.at(id).map(|i| self.versions[i].label.as_str())
    }

    /// Where article `anchor` of version `from` lies in version `to`. An unknown version
    /// (an opinion stored before versions were kept) counts as the newest one.
    pub fn carry(&self, from: i64, anchor: &str, to: i64) -> Carried {
        let Some(last) = self.versions.len().checked_sub(1) else {
            return Carried::Same;
        };
        let (f, t) = (self.at(from).unwrap_or(last), self.at(to).unwrap_or(last));
        if f == t {
            return Carried::Same;
        }
        let mut at = anchor.to_string();
        if f < t {
            for v in &self.versions[f + 1..=t] {
                match v.step.iter().find(|l| l.old.iter().any(|r| r.anchor == at)) {
                    Some(l) if !l.new.is_empty() => at = l.new[0].anchor.clone(),
                    _ => return Carried::Gone,
                }
            }
        } else {
            for v in self.versions[t + 1..=f].iter().rev() {
                match v.step.iter().find(|l| l.new.iter().any(|r| r.anchor == at)) {
                    Some(l) if !l.old.is_empty() => at = l.old[0].anchor.clone(),
                    _ => return Carried::Gone,
                }
            }
        }
        let label = self.label_in(t, &at).unwrap_or_default();
        Carried::To(ArtRef { anchor: at, label })
    }

    /// The label of `anchor` in version at index `t`, from either step that names it.
    fn label_in(&self, t: usize, anchor: &str) -> Option<String> {
        let own = self.versions[t].step.iter().flat_map(|l| &l.new);
        let next = self
            .versions
            .get(t + 1)
            .into_iter()
            .flat_map(|v| v.step.iter().flat_map(|l| &l.old));
        own.chain(next)
            .find(|r| r.anchor == anchor)
            .map(|r| r.label.clone())
    }

    /// What became of article `anchor` of version `from` in each later version, oldest first.
    /// A split article is followed through its first part.
    pub fn hops(&self, from: i64, anchor: &str) -> Vec<Hop> {
        let Some(f) = self.at(from) else {
            return vec![];
        };
        let mut out = Vec::new();
        let mut at = anchor.to_string();
        let mut amended = false;
        for v in &self.versions[f + 1..] {
            let Some(l) = v.step.iter().find(|l| l.old.iter().any(|r| r.anchor == at)) else {
                break;
            };
            amended |= l.amended;
            out.push(Hop {
                version_id: v.id,
                version_label: v.label.clone(),
                now: l.new.clone(),
                merged_with: if l.change == Change::Merged {
                    l.old.iter().filter(|r| r.anchor != at).cloned().collect()
                } else {
                    vec![]
                },
                amended: amended && l.change != Change::Deleted,
                change: l.change,
            });
            match l.new.first() {
                Some(r) => at = r.anchor.clone(),
                None => break,
            }
        }
        out
    }
}

/// Where an opinion goes in a table of version `shown` (a page's counts, a report's rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    /// Under this key of the version shown: its own target, or an article it was carried to
    /// (`carried`), or a target that is no article (the whole text, a question).
    At { key: String, carried: bool },
    /// Apart: its article is not in the version shown. The key (`art-12@7`) names the article
    /// and the version it was given on.
    Apart { key: String, version_label: String },
}

/// Where the opinion on `target` of version `version` goes in version `shown`'s table.
pub fn place(lineage: &Lineage, shown: i64, version: i64, target: &str) -> Placed {
    if !is_article(target) {
        return Placed::At {
            key: target.to_string(),
            carried: false,
        };
    }
    match lineage.carry(version, target, shown) {
        Carried::Same => Placed::At {
            key: target.to_string(),
            carried: false,
        },
        Carried::To(r) => Placed::At {
            key: r.anchor,
            carried: true,
        },
        Carried::Gone => Placed::Apart {
            key: format!("{target}@{version}"),
            version_label: lineage.label(version).unwrap_or_default().to_string(),
        },
    }
}

/// Opinions on one article of the version shown, counting those given on earlier versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heat {
    pub anchor: String,
    /// All of them.
    pub total: i64,
    /// Of which given on an earlier version (前稿转入).
    pub carried: i64,
}

/// The per-article counts of version `shown` from counts per `(version, target)`: an earlier
/// version's opinions go to the article theirs became; a later version's are left out (they
/// are not about the text shown). Targets other than articles are left out. Returns the counts
/// in text-independent (key) order and how many opinions were on articles since deleted.
pub fn heat(lineage: &Lineage, shown: i64, counts: &[(i64, String, i64)]) -> (Vec<Heat>, i64) {
    use std::collections::BTreeMap;
    let shown_at = lineage.at(shown);
    let mut by: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut deleted = 0;
    for (version, target, n) in counts {
        if !is_article(target) || *n <= 0 {
            continue;
        }
        let later = match (lineage.at(*version), shown_at) {
            (Some(v), Some(s)) => v > s,
            // An opinion from before versions were kept belongs to the newest.
            (None, Some(s)) => s + 1 < lineage.versions.len(),
            _ => false,
        };
        if later {
            continue;
        }
        match place(lineage, shown, *version, target) {
            Placed::At { key, carried } => {
                let e = by.entry(key).or_default();
                e.0 += n;
                if carried {
                    e.1 += n;
                }
            }
            Placed::Apart { .. } => deleted += n,
        }
    }
    let heats = by
        .into_iter()
        .map(|(anchor, (total, carried))| Heat {
            anchor,
            total,
            carried,
        })
        .collect();
    (heats, deleted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::align::{align, articles};
    use crate::domain::statute::parse;

    fn text(arts: &[&str]) -> ParsedDraft {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        let body: Vec<String> = arts
            .iter()
            .enumerate()
            .map(|(i, a)| format!("第{}条　{a}", numerals[i]))
            .collect();
        parse(&format!("某某条例\n{}", body.join("\n")))
    }

    fn lineage(versions: &[&[&str]]) -> Lineage {
        let parsed: Vec<ParsedDraft> = versions.iter().map(|v| text(v)).collect();
        Lineage {
            versions: parsed
                .iter()
                .enumerate()
                .map(|(k, p)| Version {
                    id: 10 + k as i64,
                    label: format!("第{}稿", k + 1),
                    step: if k == 0 {
                        vec![]
                    } else {
                        let prev = &parsed[k - 1];
                        step(prev, p, &align(&articles(prev), &articles(p)))
                    },
                })
                .collect(),
        }
    }

    const A: &str = "为了规范养老服务，保障老年人合法权益，根据有关法律，制定本条例。";
    const B: &str = "本条例适用于本区行政区域内的养老服务及其监督管理活动。";
    const C: &str = "区人民政府应当将养老服务纳入国民经济和社会发展规划。";
    const D: &str = "街道办事处应当设立养老服务站，为老年人提供就餐、助浴等服务。";
    const NEW: &str = "鼓励志愿者为独居老年人提供探访、陪伴和应急救助服务，建立时间银行制度。";

    #[test]
    fn an_insertion_carries_every_later_article_to_its_new_number() {
        let l = lineage(&[&[A, B, C, D], &[A, NEW, B, C, D]]);
        assert_eq!(
            l.carry(10, "art-3", 11),
            Carried::To(ArtRef {
                anchor: "art-4".into(),
                label: "第四条".into()
            })
        );
        assert_eq!(l.carry(10, "art-1", 11).anchor(), Some("art-1"));
        // And back again: the new article was in no earlier version.
        assert_eq!(l.carry(11, "art-4", 10).anchor(), Some("art-3"));
        assert_eq!(l.carry(11, "art-2", 10), Carried::Gone);
        assert_eq!(l.carry(11, "art-2", 11), Carried::Same);
    }

    #[test]
    fn counts_of_a_later_version_take_in_the_earlier_ones_where_their_article_went() {
        let l = lineage(&[&[A, B, C, D], &[A, NEW, B, C, D]]);
        let counts = vec![
            (10, "art-3".to_string(), 4),
            (11, "art-3".to_string(), 1),
            (11, "art-4".to_string(), 2),
            (10, "".to_string(), 9),
        ];
        let (heat_now, deleted) = heat(&l, 11, &counts);
        let get = |h: &[Heat], a: &str| h.iter().find(|x| x.anchor == a).cloned();
        // v1's 第三条 (C) is v2's 第四条: 4 carried + 2 given on v2.
        assert_eq!(
            get(&heat_now, "art-4"),
            Some(Heat {
                anchor: "art-4".into(),
                total: 6,
                carried: 4
            })
        );
        // v2's 第三条 is B, which got one opinion on v2 only.
        assert_eq!(
            get(&heat_now, "art-3").map(|h| (h.total, h.carried)),
            Some((1, 0))
        );
        assert_eq!(deleted, 0);
        // The first version's page counts its own opinions only.
        let (then, _) = heat(&l, 10, &counts);
        assert_eq!(then.len(), 1);
        assert_eq!(
            get(&then, "art-3").map(|h| (h.total, h.carried)),
            Some((4, 0))
        );
    }

    #[test]
    fn a_deleted_article_ends_its_trail_and_its_opinions_are_counted_apart() {
        let l = lineage(&[&[A, B, C, D], &[A, C, D]]);
        let hops = l.hops(10, "art-2");
        assert_eq!(hops.len(), 1);
        assert_eq!(hops[0].change, Change::Deleted);
        assert!(hops[0].now.is_empty());
        let (h, deleted) = heat(&l, 11, &[(10, "art-2".into(), 3), (10, "art-3".into(), 1)]);
        assert_eq!(deleted, 3);
        assert_eq!(h[0].anchor, "art-2");
        assert_eq!((h[0].total, h[0].carried), (1, 1));
    }

    #[test]
    fn hops_say_where_the_article_is_in_every_later_version_and_whether_it_changed() {
        let c2 = "区人民政府应当将养老服务纳入国民经济和社会发展规划，所需经费列入财政预算。";
        let l = lineage(&[&[A, B, C, D], &[A, NEW, B, C, D], &[A, NEW, B, c2, D]]);
        let hops = l.hops(10, "art-3");
        assert_eq!(hops.len(), 2);
        assert_eq!(hops[0].version_label, "第2稿");
        assert_eq!(hops[0].now[0].label, "第四条");
        assert!(!hops[0].amended);
        assert_eq!(hops[0].change, Change::Renumbered);
        assert_eq!(hops[1].now[0].label, "第四条");
        assert!(hops[1].amended);
        // Carried two versions on, and back two versions.
        assert_eq!(l.carry(10, "art-3", 12).anchor(), Some("art-4"));
        assert_eq!(l.carry(12, "art-4", 10).anchor(), Some("art-3"));
    }

    #[test]
    fn an_opinion_from_before_versions_were_kept_counts_as_the_newest_version() {
        let l = lineage(&[&[A, B], &[B]]);
        let (h, _) = heat(&l, 11, &[(0, "art-1".into(), 2)]);
        assert_eq!(
            (h[0].anchor.as_str(), h[0].total, h[0].carried),
            ("art-1", 2, 0)
        );
        let (old, _) = heat(&l, 10, &[(0, "art-1".into(), 2)]);
        assert!(old.is_empty());
    }

    #[test]
    fn a_report_on_an_earlier_version_puts_a_later_article_that_is_new_apart() {
        let l = lineage(&[&[A, B, C, D], &[A, NEW, B, C, D]]);
        assert_eq!(
            place(&l, 10, 11, "art-4"),
            Placed::At {
                key: "art-3".into(),
                carried: true
            }
        );
        assert_eq!(
            place(&l, 10, 11, "art-2"),
            Placed::Apart {
                key: "art-2@11".into(),
                version_label: "第2稿".into()
            }
        );
        assert_eq!(
            place(&l, 10, 11, "q-1"),
            Placed::At {
                key: "q-1".into(),
                carried: false
            }
        );
    }

    #[test]
    fn the_sources_of_an_article_are_every_earlier_article_that_became_it() {
        let l = lineage(&[&[A, B, C, D], &[A, NEW, B, C, D], &[A, NEW, B, C, D]]);
        let mut s = l.sources_of("art-4");
        s.sort();
        assert_eq!(
            s,
            vec![
                (0, "art-4".into()),
                (10, "art-3".into()),
                (11, "art-4".into()),
                (12, "art-4".into())
            ]
        );
        assert_eq!(l.anchors(10), vec!["art-1", "art-2", "art-3", "art-4"]);
    }

    #[test]
    fn a_stored_step_gives_back_its_links() {
        let (old, new) = (text(&[A, B, C, D]), text(&[A, NEW, B, C, D]));
        let links = align(&articles(&old), &articles(&new));
        let s = step(&old, &new, &links);
        assert_eq!(links_of(&s, &old, &new), Some(links));
        // A step that does not fit the versions is no answer.
        assert_eq!(links_of(&s, &new, &old), None);
    }

    #[test]
    fn staff_name_an_article_as_they_write_it() {
        for given in ["12", "１２", "十二", "第十二条", " 第 十二 条 "] {
            assert_eq!(article_ref(given).as_deref(), Some("art-12"), "{given}");
        }
        assert_eq!(article_ref("第十条之一").as_deref(), Some("art-10-1"));
        assert_eq!(article_ref("10-1").as_deref(), Some("art-10-1"));
        assert_eq!(article_ref("第一千二百六十条").as_deref(), Some("art-1260"));
        for bad in ["", "零", "abc", "第条", "12之"] {
            assert_eq!(article_ref(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_correction_changes_the_pairing_and_an_unknown_article_is_reported() {
        let (old, new) = (text(&[A, B, C, D]), text(&[A, NEW, B, C, D]));
        let none = pairing(&old, &new, &[]);
        let same = pairing(&old, &new, &[("art-3".into(), "2".into())]);
        assert_eq!(none.links, same.links);
        // Staff say the new 第二条 came from 第二条 (reworded), and 第三条 is new.
        let fixed = pairing(
            &old,
            &new,
            &[
                ("art-2".into(), "第二条".into()),
                ("art-3".into(), "".into()),
            ],
        );
        let s = step(&old, &new, &fixed.links);
        let of = |anchor: &str| s.iter().find(|l| l.new.iter().any(|r| r.anchor == anchor));
        assert_eq!(of("art-2").map(|l| l.old[0].anchor.as_str()), Some("art-2"));
        assert_eq!(of("art-3").map(|l| l.change), Some(Change::Added));
        let bad = pairing(&old, &new, &[("art-2".into(), "99".into())]);
        assert_eq!(bad.unknown, vec![("art-2".to_string(), "99".to_string())]);
        assert_eq!(bad.links, none.links);
        // Staff say the new 第二条 merged the old 第二条 and 第三条; an opinion on either follows.
        let merged = pairing(
            &old,
            &new,
            &[
                ("art-2".into(), "2、第三条".into()),
                ("art-3".into(), "".into()),
                ("art-4".into(), "".into()),
            ],
        );
        assert!(merged.unknown.is_empty());
        let s = step(&old, &new, &merged.links);
        let link = s
            .iter()
            .find(|l| l.change == Change::Merged)
            .expect("a merge");
        let olds: Vec<&str> = link.old.iter().map(|r| r.anchor.as_str()).collect();
        assert_eq!(olds, vec!["art-2", "art-3"]);
        assert_eq!(link.new[0].anchor, "art-2");
        let half = pairing(&old, &new, &[("art-2".into(), "2、99".into())]);
        assert_eq!(
            half.unknown.len(),
            1,
            "one unknown number refuses the whole field"
        );
    }

    impl Carried {
        fn anchor(&self) -> Option<&str> {
            match self {
                Carried::To(r) => Some(&r.anchor),
                _ => None,
            }
        }
    }
}
