//! Public statistics of opinions, overall or for one solicitation: how many were received, where
//! each one stands now, how many were adopted, how long feedback took, by channel and by street.
//! Every opinion is counted in exactly one status, so the parts add up to the whole.

use super::opinion::{Channel, OpinionStatus};
use serde::{Deserialize, Serialize};

/// Counts of one group (a channel, a street).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    pub received: i64,
    /// Passed moderation (accepted, reported or answered).
    pub accepted: i64,
    /// Adopted fully or in part.
    pub adopted: i64,
}

/// The statistics of a set of opinions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub received: i64,
    /// Every status with its count, in lifecycle order; they sum to `received`.
    pub by_status: Vec<(OpinionStatus, i64)>,
    /// Passed moderation: accepted + reported + adopted + partially adopted + not adopted.
    pub accepted: i64,
    pub rejected: i64,
    pub merged: i64,
    /// Reported upward at some point: reported + the three answered statuses.
    pub reported: i64,
    pub adopted: i64,
    pub partially_adopted: i64,
    pub not_adopted: i64,
    /// (adopted + partially adopted) / answered, in percent; none before any answer.
    pub adoption_rate: Option<f64>,
    /// Median days from submission to adoption feedback.
    pub median_days_to_feedback: Option<f64>,
    /// Every channel, in code order; their `received` sum to `received`.
    pub by_channel: Vec<(Channel, Breakdown)>,
    /// Every street given (and `""` for none), most opinions first; they sum to `received`.
    pub by_street: Vec<(String, Breakdown)>,
}

/// One solicitation's line of the overall page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolicitationStats {
    pub id: i64,
    pub title: String,
    pub received: i64,
    pub accepted: i64,
    pub adopted: i64,
    pub adoption_rate: Option<f64>,
}

/// Adopted in full or in part, of those answered, in percent.
pub fn adoption_rate(adopted: i64, partially: i64, not_adopted: i64) -> Option<f64> {
    let answered = adopted + partially + not_adopted;
    (answered > 0).then(|| (adopted + partially) as f64 * 100.0 / answered as f64)
}

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

impl Stats {
    /// The statistics from counts of `(status, channel, street, count)` and the days each
    /// answered opinion waited for its feedback.
    pub fn from_counts(
        rows: &[(OpinionStatus, Channel, String, i64)],
        feedback_days: Vec<f64>,
    ) -> Self {
        use OpinionStatus::*;
        let count = |s: OpinionStatus| rows.iter().filter(|r| r.0 == s).map(|r| r.3).sum::<i64>();
        let mut st = Stats {
            received: rows.iter().map(|r| r.3).sum(),
            by_status: OpinionStatus::ALL.iter().map(|s| (*s, count(*s))).collect(),
            accepted: rows.iter().filter(|r| r.0.is_accepted()).map(|r| r.3).sum(),
            rejected: count(Rejected),
            merged: count(Merged),
            reported: count(Reported)
                + count(Adopted)
                + count(PartiallyAdopted)
                + count(NotAdopted),
            adopted: count(Adopted),
            partially_adopted: count(PartiallyAdopted),
            not_adopted: count(NotAdopted),
            adoption_rate: None,
            median_days_to_feedback: median(feedback_days),
            by_channel: Vec::new(),
            by_street: Vec::new(),
        };
        st.adoption_rate = adoption_rate(st.adopted, st.partially_adopted, st.not_adopted);
        let add = |b: &mut Breakdown, r: &(OpinionStatus, Channel, String, i64)| {
            b.received += r.3;
            if r.0.is_accepted() {
                b.accepted += r.3;
            }
            if matches!(r.0, Adopted | PartiallyAdopted) {
                b.adopted += r.3;
            }
        };
        st.by_channel = Channel::ALL
            .iter()
            .map(|c| {
                let mut b = Breakdown::default();
                rows.iter()
                    .filter(|r| r.1 == *c)
                    .for_each(|r| add(&mut b, r));
                (*c, b)
            })
            .collect();
        let mut streets: std::collections::BTreeMap<String, Breakdown> = Default::default();
        for r in rows {
            add(streets.entry(r.2.clone()).or_default(), r);
        }
        st.by_street = streets.into_iter().collect();
        st.by_street
            .sort_by(|a, b| b.1.received.cmp(&a.1.received).then_with(|| a.0.cmp(&b.0)));
        st
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OpinionStatus::*;

    fn rows() -> Vec<(OpinionStatus, Channel, String, i64)> {
        vec![
            (Pending, Channel::Online, "东湖街道".into(), 5),
            (Accepted, Channel::Online, "东湖街道".into(), 3),
            (Rejected, Channel::Letter, "西城街道".into(), 2),
            (Merged, Channel::Online, "".into(), 4),
            (Reported, Channel::Meeting, "西城街道".into(), 1),
            (Adopted, Channel::Online, "东湖街道".into(), 6),
            (PartiallyAdopted, Channel::Phone, "".into(), 2),
            (NotAdopted, Channel::Online, "西城街道".into(), 2),
        ]
    }

    #[test]
    fn the_parts_add_up_to_the_whole() {
        let s = Stats::from_counts(&rows(), vec![3.0, 10.0, 5.0, 7.0]);
        assert_eq!(s.received, 25);
        assert_eq!(s.by_status.iter().map(|x| x.1).sum::<i64>(), s.received);
        let pending = s.by_status[0].1;
        assert_eq!(pending + s.accepted + s.rejected + s.merged, s.received);
        assert_eq!(s.reported, 1 + 6 + 2 + 2);
        assert_eq!(
            s.by_channel.iter().map(|x| x.1.received).sum::<i64>(),
            s.received
        );
        assert_eq!(
            s.by_street.iter().map(|x| x.1.received).sum::<i64>(),
            s.received
        );
        assert_eq!(
            s.by_street.iter().map(|x| x.1.adopted).sum::<i64>(),
            s.adopted + s.partially_adopted
        );
        assert_eq!(
            s.by_channel.iter().map(|x| x.1.accepted).sum::<i64>(),
            s.accepted
        );
        assert_eq!(s.adoption_rate, Some(80.0));
        assert_eq!(s.median_days_to_feedback, Some(6.0));
    }

    #[test]
    fn nothing_answered_has_no_rate() {
        assert_eq!(adoption_rate(0, 0, 0), None);
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![4.0, 1.0, 9.0]), Some(4.0));
    }
}
