//! Opinions (意见): what a resident submits, online or through staff from an offline channel; its
//! status in the lifecycle; the tracking code a resident keeps; and the rules for what they type
//! (content length, a mainland mobile number, the privacy consent).

use super::solicitation::Target;
use super::text::{self, FieldErrors, Problem, TextRule};
use crate::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// How an opinion reached the committee.
    pub enum Channel {
        Online = "online",
        /// 座谈会
        Meeting = "meeting",
        /// 信件
        Letter = "letter",
        /// 电话
        Phone = "phone",
        /// 意见箱
        Mailbox = "mailbox",
        /// 信息员
        Informant = "informant",
        /// 来访
        Visit = "visit",
    }
}

coded_enum! {
    /// Who the submitter says they are (身份类别).
    pub enum Identity {
        Resident = "resident",
        Business = "business",
        SocialOrg = "social_org",
        Lawyer = "lawyer",
        Deputy = "deputy",
        Cppcc = "cppcc",
        Other = "other",
    }
}

coded_enum! {
    /// Where an opinion stands in its lifecycle (see DESIGN.md).
    pub enum OpinionStatus {
        Pending = "pending",
        Accepted = "accepted",
        Rejected = "rejected",
        Merged = "merged",
        Reported = "reported",
        Adopted = "adopted",
        PartiallyAdopted = "partially_adopted",
        NotAdopted = "not_adopted",
    }
}

impl OpinionStatus {
    /// Whether the opinion passed moderation (and so counts on the draft and may be published).
    pub fn is_accepted(self) -> bool {
        matches!(
            self,
            Self::Accepted
                | Self::Reported
                | Self::Adopted
                | Self::PartiallyAdopted
                | Self::NotAdopted
        )
    }
}

impl OpinionStatus {
    /// Whether moderation or feedback may move an opinion from `self` to `to` (DESIGN.md's
    /// lifecycle): pending → accepted, rejected or merged; accepted → reported; reported →
    /// adopted, partially adopted or not adopted. Nothing else, and nothing back.
    pub fn can_move_to(self, to: Self) -> bool {
        use OpinionStatus::*;
        matches!(
            (self, to),
            (Pending, Accepted | Rejected | Merged)
                | (Accepted, Reported)
                | (Reported, Adopted | PartiallyAdopted | NotAdopted)
        )
    }
}

/// The version of the privacy notice the forms ask consent to. Change it when the notice changes;
/// every opinion stores the version its submitter agreed to.
pub const PRIVACY_VERSION: &str = "2026-11";

pub const CONTENT: TextRule = TextRule {
    required: true,
    min: 5,
    max: 5000,
    multiline: true,
};
pub const SUGGESTION: TextRule = TextRule::block(false, 2000);
pub const REASON: TextRule = TextRule::block(false, 2000);
pub const NAME: TextRule = TextRule::line(true, 30);
pub const COMMUNITY: TextRule = TextRule::line(false, 40);
pub const NOTE: TextRule = TextRule::block(false, 1000);
/// Longest e-mail address accepted.
pub const EMAIL_MAX: usize = 100;

/// A mainland mobile number in its 11-digit form, from what a person typed: full-width digits,
/// spaces, hyphens and a `+86` prefix are accepted. `None` if it is not one.
pub fn normalize_phone(raw: &str) -> Option<String> {
    let digits: String = raw
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
            ' ' | '\u{3000}' | '-' | '+' | '(' | ')' => Some(' '),
            _ => Some('x'),
        })
        .filter(|c| *c != ' ')
        .collect();
    let digits = match digits.strip_prefix("86") {
        Some(rest) if rest.len() == 11 => rest.to_string(),
        _ => digits,
    };
    let b = digits.as_bytes();
    let ok = b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit);
    ok.then_some(digits)
}

/// `138****1234`: how lists show a phone number.
pub fn mask_phone(phone: &str) -> String {
    if phone.len() == 11 && phone.is_ascii() {
        format!("{}****{}", &phone[..3], &phone[7..])
    } else if phone.is_empty() {
        String::new()
    } else {
        "****".into()
    }
}

/// `w***@example.cn`: an e-mail address with its local part hidden after the first character.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{}***@{domain}", local.chars().next().unwrap_or('*')),
        None if email.is_empty() => String::new(),
        None => "***".into(),
    }
}

/// A name with all but its first character hidden: `王**`.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    match chars.next() {
        Some(first) => std::iter::once(first).chain(chars.map(|_| '*')).collect(),
        None => String::new(),
    }
}

/// Checks an optional e-mail address field (`email`) and returns it trimmed.
pub fn email_field(errors: &mut FieldErrors, raw: &str) -> String {
    super::check::email(raw).unwrap_or_else(|p| {
        errors.add("email", p);
        raw.trim().to_string()
    })
}

/// The characters of a tracking code: digits and capitals without 0, 1, I, L and O.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Random characters at the end of a tracking code.
pub const CODE_RANDOM_LEN: usize = 5;

/// A tracking code as people type it (`yj 2026 7k3q9`, full-width, without hyphens) in its
/// canonical form `YJ-2026-7K3Q9`; `None` if it cannot be one.
pub fn normalize_code(raw: &str) -> Option<String> {
    normalize_prefixed(raw, "YJ")
}

/// A code with the two-letter `prefix` (`YJ` an opinion, `BM` a registration, `YY` an
/// appointment) as people type it, in its canonical form; `None` if it cannot be one.
pub fn normalize_prefixed(raw: &str, prefix: &str) -> Option<String> {
    let s: String = raw
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !matches!(c, ' ' | '\u{3000}' | '-' | '_'))
        .collect::<String>()
        .to_ascii_uppercase();
    let rest = s.strip_prefix(prefix)?;
    if rest.len() != 4 + CODE_RANDOM_LEN || !rest.is_ascii() {
        return None;
    }
    let (year, tail) = rest.split_at(4);
    let ok = year.bytes().all(|b| b.is_ascii_digit())
        && tail.bytes().all(|b| CODE_ALPHABET.contains(&b));
    ok.then(|| format!("{prefix}-{year}-{tail}"))
}

/// The raw strings of the opinion form, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpinionInput {
    pub target: String,
    pub content: String,
    pub suggestion: String,
    pub reason: String,
    pub name: String,
    pub phone: String,
    pub street: String,
    pub community: String,
    pub identity: String,
    /// `"1"` when the content may be published without the name.
    pub publish_ok: String,
    /// `"1"` when the privacy notice was agreed to (online only).
    pub consent: String,
    /// Optional: where to send news of the opinion.
    pub email: String,
}

/// How the form was filled in: by the resident online, or by staff from an offline channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnteredBy {
    Resident,
    Staff,
}

/// An opinion as validated, ready to store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewOpinion {
    pub target: Target,
    pub content: String,
    pub suggestion: String,
    pub reason: String,
    pub name: String,
    pub phone: String,
    pub street: String,
    pub community: String,
    pub identity: Identity,
    pub publish_ok: bool,
    /// The privacy notice version agreed to; empty for opinions entered by staff.
    pub privacy_version: String,
    /// Where to send news of the opinion; empty for none.
    pub email: String,
}

impl OpinionInput {
    /// Checks every field against the solicitation's `targets` and the configured `streets`, and
    /// returns all problems at once. Online, the name, mobile number and consent are required;
    /// staff entering a letter may not have them.
    pub fn validate(
        &self,
        targets: &[Target],
        streets: &[String],
        by: EnteredBy,
    ) -> Result<NewOpinion, FieldErrors> {
        let mut errors = FieldErrors::default();
        let key = self.target.trim();
        let target = if key.is_empty() {
            Some(Target {
                key: String::new(),
                label: String::new(),
            })
        } else {
            targets.iter().find(|t| t.key == key).cloned()
        };
        if target.is_none() {
            errors.add("target", Problem::BadChoice);
        }
        let content = text::take(&mut errors, "content", &self.content, CONTENT);
        let suggestion = text::take(&mut errors, "suggestion", &self.suggestion, SUGGESTION);
        let reason = text::take(&mut errors, "reason", &self.reason, REASON);
        let online = by == EnteredBy::Resident;
        let name = text::take(
            &mut errors,
            "name",
            &self.name,
            TextRule {
                required: online,
                ..NAME
            },
        );
        let phone = text::field(
            &mut errors,
            "phone",
            super::check::phone(&self.phone, online),
        );
        let street = self.street.trim().to_string();
        if street.is_empty() {
            if online {
                errors.add("street", Problem::Required);
            }
        } else if !streets.contains(&street) {
            errors.add("street", Problem::BadChoice);
        }
        let community = text::take(&mut errors, "community", &self.community, COMMUNITY);
        let identity = Identity::from_code(self.identity.trim());
        if identity.is_none() {
            errors.add("identity", Problem::BadChoice);
        }
        let email = email_field(&mut errors, &self.email);
        let consent = self.consent.trim() == "1";
        if online && !consent {
            errors.add("consent", Problem::ConsentRequired);
        }
        match (target, identity) {
            (Some(target), Some(identity)) if errors.is_empty() => Ok(NewOpinion {
                target,
                content,
                suggestion,
                reason,
                name,
                phone,
                street,
                community,
                identity,
                publish_ok: self.publish_ok.trim() == "1",
                privacy_version: if online {
                    PRIVACY_VERSION.to_string()
                } else {
                    String::new()
                },
                email,
            }),
            _ => Err(errors),
        }
    }
}

/// One entry of an opinion's timeline as its submitter sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: i64,
    pub status: OpinionStatus,
    pub note: String,
}

/// What the private status page shows: the opinion (without the contact details) and its
/// timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackView {
    pub code: String,
    pub solicitation_id: i64,
    pub solicitation_title: String,
    pub target_label: String,
    pub content: String,
    pub suggestion: String,
    pub reason: String,
    pub channel: Channel,
    pub received_on: String,
    pub status: OpinionStatus,
    pub created_at: i64,
    pub timeline: Vec<TimelineEntry>,
    /// Why it was not accepted, if it was rejected.
    pub reject_reason: Option<super::moderation::RejectReason>,
    /// The tracking code of the opinion it was merged into, if merged.
    pub merged_into: Option<String>,
    /// What became of the opinion it was merged into, once that was reported or answered: its
    /// latest event the resident may see.
    pub merged_outcome: Option<TimelineEntry>,
    /// The version of the draft the opinion was given on (empty where there was none).
    pub version_label: String,
    /// What became of its article in each later version of the draft.
    pub trail: Vec<super::trail::Hop>,
    /// Once the enacted text is recorded: the article then and as enacted.
    pub enacted: Option<super::trail::EnactedArticle>,
}

/// An accepted opinion whose author allowed publication, as the public sees it: no name, no
/// contact details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedOpinion {
    pub target: String,
    pub target_label: String,
    pub content: String,
    pub suggestion: String,
    pub identity: Identity,
    pub received_on: String,
}

/// A row of the staff list: the phone number masked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpinionRow {
    pub id: i64,
    pub code: String,
    pub solicitation_id: i64,
    pub solicitation_title: String,
    pub target_label: String,
    /// The target's key (`art-3`) and the version it was given on.
    pub target: String,
    pub version_id: Option<i64>,
    /// Where that article lies in the current version when it is not where it was: "现为二审稿
    /// 第四条", "二审稿中已删去".
    pub target_now: Option<String>,
    pub excerpt: String,
    pub name: String,
    pub phone_masked: String,
    pub channel: Channel,
    pub status: OpinionStatus,
    pub received_on: String,
}

/// Another opinion on the same solicitation whose text is close to this one's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarOpinion {
    pub id: i64,
    pub code: String,
    pub excerpt: String,
    pub status: OpinionStatus,
    /// Similarity in percent (character-bigram Jaccard).
    pub percent: u8,
}

/// Everything staff see of one opinion, the full phone number included (each view is audited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpinionDetail {
    pub id: i64,
    pub track: TrackView,
    pub access_key: String,
    pub name: String,
    pub phone: String,
    pub street: String,
    pub community: String,
    pub identity: Identity,
    pub publish_ok: bool,
    pub privacy_version: String,
    pub entered_by: Option<String>,
    /// The name and number are masked: the viewer lacks the personal-data privilege.
    pub personal_hidden: bool,
    /// Up to five opinions on the same solicitation with similar text, most similar first.
    pub similar: Vec<SimilarOpinion>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_address_is_optional_but_must_be_one() {
        let mut i = input();
        assert_eq!(
            i.validate(&targets(), &streets(), EnteredBy::Resident)
                .unwrap()
                .email,
            ""
        );
        i.email = " wang@example.com ".into();
        assert_eq!(
            i.validate(&targets(), &streets(), EnteredBy::Resident)
                .unwrap()
                .email,
            "wang@example.com"
        );
        i.email = "wang at example".into();
        let e = i
            .validate(&targets(), &streets(), EnteredBy::Resident)
            .unwrap_err();
        assert_eq!(e.get("email"), Some(&Problem::EmailFormat));
    }

    #[test]
    fn email_addresses_are_masked() {
        assert_eq!(mask_email("wang.xiu@example.cn"), "w***@example.cn");
        assert_eq!(mask_email(""), "");
    }

    #[test]
    fn names_are_masked_after_the_first_character() {
        assert_eq!(mask_name(" 王秀兰 "), "王**");
        assert_eq!(mask_name("李"), "李");
        assert_eq!(mask_name(""), "");
    }

    fn input() -> OpinionInput {
        OpinionInput {
            target: "art-3".into(),
            content: "建议把社区食堂写进第三条。".into(),
            name: "王秀兰".into(),
            phone: "138 0013 8001".into(),
            street: "东湖街道".into(),
            identity: "resident".into(),
            consent: "1".into(),
            ..Default::default()
        }
    }

    fn targets() -> Vec<Target> {
        vec![Target {
            key: "art-3".into(),
            label: "第三条".into(),
        }]
    }

    fn streets() -> Vec<String> {
        vec!["东湖街道".into()]
    }

    #[test]
    fn the_lifecycle_allows_exactly_its_transitions() {
        use OpinionStatus::*;
        let allowed = [
            (Pending, Accepted),
            (Pending, Rejected),
            (Pending, Merged),
            (Accepted, Reported),
            (Reported, Adopted),
            (Reported, PartiallyAdopted),
            (Reported, NotAdopted),
        ];
        for from in OpinionStatus::ALL {
            for to in OpinionStatus::ALL {
                assert_eq!(
                    from.can_move_to(*to),
                    allowed.contains(&(*from, *to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn mobile_numbers_in_the_forms_people_write_them() {
        assert_eq!(
            normalize_phone("13800138001").as_deref(),
            Some("13800138001")
        );
        assert_eq!(
            normalize_phone("+86 138-0013-8001").as_deref(),
            Some("13800138001")
        );
        assert_eq!(
            normalize_phone("１３８００１３８００１").as_deref(),
            Some("13800138001")
        );
        assert_eq!(normalize_phone("12800138001"), None);
        assert_eq!(normalize_phone("1380013800"), None);
        assert_eq!(normalize_phone("138001380011"), None);
        assert_eq!(normalize_phone("138OO138001"), None);
        assert_eq!(normalize_phone("010-12345678"), None);
        assert_eq!(mask_phone("13800138001"), "138****8001");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn tracking_codes_as_typed() {
        assert_eq!(
            normalize_code("YJ-2026-7K3Q9").as_deref(),
            Some("YJ-2026-7K3Q9")
        );
        assert_eq!(
            normalize_code(" yj 2026 7k3q9 ").as_deref(),
            Some("YJ-2026-7K3Q9")
        );
        assert_eq!(
            normalize_code("ＹＪ－２０２６－７Ｋ３Ｑ９").as_deref(),
            Some("YJ-2026-7K3Q9")
        );
        // 0, 1, I, L and O are never used, so a code containing one was mistyped.
        assert_eq!(normalize_code("YJ-2026-7K3Q0"), None);
        assert_eq!(normalize_code("YJ-2026-7K3Q"), None);
        assert_eq!(normalize_code("XX-2026-7K3Q9"), None);
        assert_eq!(normalize_code("YJ-2026-7K3Q9<script>"), None);
    }

    #[test]
    fn a_complete_opinion_is_valid() {
        let o = input()
            .validate(&targets(), &streets(), EnteredBy::Resident)
            .unwrap();
        assert_eq!(o.target.label, "第三条");
        assert_eq!(o.phone, "13800138001");
        assert_eq!(o.privacy_version, PRIVACY_VERSION);
        assert!(!o.publish_ok);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = OpinionInput {
            target: "art-99".into(),
            content: "太短".into(),
            name: "".into(),
            phone: "12345".into(),
            street: "火星街道".into(),
            identity: "alien".into(),
            consent: "".into(),
            ..input()
        };
        let e = bad
            .validate(&targets(), &streets(), EnteredBy::Resident)
            .unwrap_err();
        assert_eq!(e.get("target"), Some(&Problem::BadChoice));
        assert_eq!(
            e.get("content"),
            Some(&Problem::TooShort { min: 5, actual: 2 })
        );
        assert_eq!(e.get("name"), Some(&Problem::Required));
        assert_eq!(e.get("phone"), Some(&Problem::PhoneFormat));
        assert_eq!(e.get("street"), Some(&Problem::BadChoice));
        assert_eq!(e.get("identity"), Some(&Problem::BadChoice));
        assert_eq!(e.get("consent"), Some(&Problem::ConsentRequired));
    }

    #[test]
    fn staff_may_enter_a_letter_without_contact_details() {
        let letter = OpinionInput {
            name: "".into(),
            phone: "".into(),
            street: "".into(),
            consent: "".into(),
            ..input()
        };
        let o = letter
            .validate(&targets(), &streets(), EnteredBy::Staff)
            .unwrap();
        assert_eq!(o.phone, "");
        assert_eq!(o.privacy_version, "");
        let e = letter
            .validate(&targets(), &streets(), EnteredBy::Resident)
            .unwrap_err();
        assert_eq!(e.get("phone"), Some(&Problem::Required));
    }
}
