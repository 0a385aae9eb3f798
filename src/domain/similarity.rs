//! Near-duplicate help for Chinese text without word segmentation: texts become sets of
//! character bigrams (after dropping punctuation and spaces and folding full-width forms), compared
//! by Jaccard similarity; MinHash signatures estimate it cheaply, and locality-sensitive banding of
//! the signatures finds candidate pairs, so that a campaign of hundreds of near-identical texts
//! groups into one cluster without comparing every pair.

use std::collections::HashMap;

/// Hash functions in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Bands for candidate search: 16 bands of 4 rows find pairs above about 0.5 similarity reliably.
const BANDS: usize = 16;
const ROWS: usize = SIGNATURE_LEN / BANDS;

/// The characters that carry meaning: letters, digits and CJK, with full-width forms folded and
/// letters lower-cased; punctuation, symbols and spaces are dropped.
fn significant(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The character bigrams of a text (a single character counts as itself), each packed into a
/// number, sorted and without repeats: a set that is cheap to build and to compare, since the
/// staff detail page compares one opinion with thousands.
pub fn shingles(text: &str) -> Vec<u64> {
    let chars = significant(text);
    let mut set: Vec<u64> = if chars.len() < 2 {
        chars.iter().map(|c| (1 << 63) | *c as u64).collect()
    } else {
        // A char is at most 21 bits: two fit in one number without clashing.
        chars
            .windows(2)
            .map(|w| ((w[0] as u64) << 21) | w[1] as u64)
            .collect()
    };
    set.sort_unstable();
    set.dedup();
    set
}

/// How many shingles two sets have in common.
pub fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two shingle sets, 0.0 to 1.0 (two empty sets are 1.0).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = common(a, b);
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Jaccard similarity of two texts' bigram sets.
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&shingles(a), &shingles(b))
}

/// A 64-bit mix (splitmix64) turning one hash into the `i`-th of a family.
fn mix(x: u64, i: u64) -> u64 {
    let mut z = x ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The MinHash signature of a text.
pub fn signature(text: &str) -> [u64; SIGNATURE_LEN] {
    let mut sig = [u64::MAX; SIGNATURE_LEN];
    for s in shingles(text) {
        let h = mix(s, u64::MAX);
        for (i, slot) in sig.iter_mut().enumerate() {
            *slot = (*slot).min(mix(h, i as u64));
        }
    }
    sig
}

/// The similarity two signatures estimate: the share of positions where they agree.
pub fn estimate(a: &[u64; SIGNATURE_LEN], b: &[u64; SIGNATURE_LEN]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE_LEN as f64
}

/// Groups texts whose estimated similarity is at least `threshold` (directly or through a chain
/// of such pairs). Returns clusters of indices into `texts`, largest first, singletons left out.
pub fn clusters(texts: &[&str], threshold: f64) -> Vec<Vec<usize>> {
    let sigs: Vec<_> = texts.iter().map(|t| signature(t)).collect();
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for band in 0..BANDS {
        let mut buckets: HashMap<&[u64], Vec<usize>> = HashMap::new();
        for (i, sig) in sigs.iter().enumerate() {
            buckets
                .entry(&sig[band * ROWS..(band + 1) * ROWS])
                .or_default()
                .push(i);
        }
        for members in buckets.values().filter(|m| m.len() > 1) {
            let first = members[0];
            for &other in &members[1..] {
                let (a, b) = (root(&mut parent, first), root(&mut parent, other));
                if a != b && estimate(&sigs[first], &sigs[other]) >= threshold {
                    parent[b] = a;
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..texts.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "建议在每个社区设置老年助餐点，方便行动不便的老人就近吃饭。";

    #[test]
    fn identical_and_punctuation_changed_texts_are_the_same() {
        assert_eq!(similarity(BASE, BASE), 1.0);
        let repunctuated = "建议在每个社区设置老年助餐点 方便行动不便的老人就近吃饭！！";
        assert_eq!(similarity(BASE, repunctuated), 1.0);
        let full_width = "建议在每个社区设置老年助餐点，方便行动不便的老人就近吃饭。ＯＫ";
        assert!(similarity(BASE, full_width) > 0.9);
        assert_eq!(shingles("ＡＢ"), shingles("ab"));
    }

    #[test]
    fn one_added_sentence_stays_similar_and_unrelated_text_does_not() {
        let longer = format!("{BASE}另外，助餐点的价格应当公开。");
        let s = similarity(BASE, &longer);
        assert!(s > 0.6 && s < 1.0, "{s}");
        let unrelated = "小区门口的红绿灯时间太短，老人过马路来不及。";
        assert!(similarity(BASE, unrelated) < 0.1);
        // The signatures estimate the same.
        let (a, b, c) = (signature(BASE), signature(&longer), signature(unrelated));
        assert!(
            (estimate(&a, &b) - s).abs() < 0.2,
            "{} vs {s}",
            estimate(&a, &b)
        );
        assert!(estimate(&a, &c) < 0.2);
    }

    #[test]
    fn a_campaign_of_near_identical_texts_is_one_cluster() {
        let mut texts: Vec<String> = (0..500)
            .map(|i| match i % 3 {
                0 => BASE.to_string(),
                1 => format!("{BASE}（第{i}位居民）"),
                _ => BASE.replace('，', " ").replace('。', "！"),
            })
            .collect();
        texts.push("小区门口的红绿灯时间太短，老人过马路来不及。".into());
        texts.push("物业费的收费标准应当向业主公开，接受监督。".into());
        texts.push("物业费的收费标准应当向业主公开，并接受监督。".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let groups = clusters(&refs, 0.6);
        assert_eq!(
            groups.len(),
            2,
            "{:?}",
            groups.iter().map(Vec::len).collect::<Vec<_>>()
        );
        assert_eq!(groups[0].len(), 500, "the campaign is one group");
        assert_eq!(groups[1], vec![501, 502], "the two 物业费 texts pair up");
    }
}
