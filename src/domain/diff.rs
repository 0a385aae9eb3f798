//! What changed between two texts, character by character: Chinese has no spaces between words,
//! so a word-level diff would mark whole sentences. The diff itself is the `similar` crate's;
//! this module only tidies it for reading: a lone unchanged character between two changes (a 的
//! or a comma that happens to match) is folded into the change, so that a reworded phrase reads
//! as one deletion and one insertion instead of confetti.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

/// A run of text: in both versions, only in the earlier one, or only in the later one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Piece {
    Same(String),
    Gone(String),
    Added(String),
}

/// Unchanged runs at most this long between two changes are shown as part of the change.
const FOLD: usize = 1;

/// The character diff of `old` and `new`, as alternating runs.
pub fn chars(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(200))
        .diff_chars(old, new);
    // Runs of the same kind, joined.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for c in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, s)) if *tag == c.tag() => s.push_str(c.value()),
            _ => runs.push((c.tag(), c.value().to_string())),
        }
    }
    // Fold short unchanged runs that lie between changes.
    let mut out: Vec<Piece> = Vec::new();
    let mut gone = String::new();
    let mut added = String::new();
    let flush = |out: &mut Vec<Piece>, gone: &mut String, added: &mut String| {
        if !gone.is_empty() {
            out.push(Piece::Gone(std::mem::take(gone)));
        }
        if !added.is_empty() {
            out.push(Piece::Added(std::mem::take(added)));
        }
    };
    for (k, (tag, s)) in runs.iter().enumerate() {
        match tag {
            ChangeTag::Delete => gone.push_str(s),
            ChangeTag::Insert => added.push_str(s),
            ChangeTag::Equal => {
                let between =
                    k > 0 && k + 1 < runs.len() && (!gone.is_empty() || !added.is_empty());
                if between && s.chars().count() <= FOLD {
                    gone.push_str(s);
                    added.push_str(s);
                } else {
                    flush(&mut out, &mut gone, &mut added);
                    out.push(Piece::Same(s.clone()));
                }
            }
        }
    }
    flush(&mut out, &mut gone, &mut added);
    out
}

/// Whether the two texts differ at all.
pub fn changed(pieces: &[Piece]) -> bool {
    pieces.iter().any(|p| !matches!(p, Piece::Same(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gone(s: &str) -> Piece {
        Piece::Gone(s.into())
    }
    fn added(s: &str) -> Piece {
        Piece::Added(s.into())
    }
    fn same(s: &str) -> Piece {
        Piece::Same(s.into())
    }

    #[test]
    fn marks_the_changed_characters_only() {
        let d = chars(
            "为行动不便的老年人提供送餐上门服务。",
            "为失能、高龄老年人提供送餐上门服务。",
        );
        assert_eq!(d[0], same("为"));
        assert_eq!(d.last(), Some(&same("老年人提供送餐上门服务。")));
        assert!(changed(&d));
        let old: String = d
            .iter()
            .filter_map(|p| match p {
                Piece::Same(s) | Piece::Gone(s) => Some(s.as_str()),
                Piece::Added(_) => None,
            })
            .collect();
        assert_eq!(old, "为行动不便的老年人提供送餐上门服务。");
    }

    #[test]
    fn an_insertion_and_a_deletion() {
        assert_eq!(
            chars("每年一次", "每年至少一次"),
            vec![same("每年"), added("至少"), same("一次")]
        );
        assert_eq!(
            chars("不得非法集资", "不得集资"),
            vec![same("不得"), gone("非法"), same("集资")]
        );
        assert!(!changed(&chars("同样", "同样")));
    }

    #[test]
    fn a_lone_matching_character_inside_a_change_is_part_of_it() {
        // 的 matches by chance between two rewritten phrases.
        let d = chars("甲乙的丙丁", "戊己的庚辛");
        assert_eq!(d, vec![gone("甲乙的丙丁"), added("戊己的庚辛")]);
    }
}
