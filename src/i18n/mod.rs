//! Every word a person reads comes from here. A locale is one `Texts` value; the compiler checks
//! that a locale is complete, so adding English means adding one file and no component changes.
//! (leptos_i18n was weighed: it adds a macro layer and its own runtime to the browser bundle for
//! a site that ships one locale today; a typed table of `&'static str` costs nothing.)

pub mod api;
pub mod consultations;
pub mod deputies;
mod en;
pub mod feeds;
pub mod open;
pub mod search;
pub mod trail;
mod zh_cn;

use crate::domain::text::Problem;

/// A locale of the interface. Chinese is the site's own language and the default.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// The BCP 47 tag: the `lang` attribute, the cookie's value and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// A tag as people and browsers write it (`en`, `en-GB`, `zh`, `zh-CN`, `zh-Hans`), any case.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Locale::ZhCn)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The locale of an `Accept-Language` header this site has that the header weighs most
    /// (the first of equal weights); `None` when it names neither.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut bits = part.split(';');
            let Some(locale) = bits.next().and_then(Locale::from_tag) else {
                continue;
            };
            let q = bits
                .filter_map(|b| b.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(w, _)| q > w) {
                best = Some((q, locale));
            }
        }
        best.map(|(_, l)| l)
    }

    /// The open API's messages.
    pub fn api(self) -> &'static api::ApiTexts {
        match self {
            Locale::ZhCn => &api::ZH_CN,
            Locale::En => &api::EN,
        }
    }
}

/// A locale's texts. Fields are plain strings; the `fn` fields build sentences with numbers.
pub struct Texts {
    pub lang: &'static str,
    /// After a label: `：` / `: `.
    pub colon: &'static str,
    /// Between the items of a list: `、` / `, `.
    pub list_sep: &'static str,
    /// Between clauses: `；` / `; `.
    pub clause_sep: &'static str,
    pub full_stop: &'static str,
    /// A remark in brackets after what it is about: `（…）` / ` (…)`.
    pub paren: fn(&str) -> String,
    /// The title of a law or a document: `《…》` / `“…”`.
    pub title_quote: fn(&str) -> String,
    /// (row, what): `第三条的意见摘要` / `Summary of opinions of Article 3`.
    pub of_row: fn(&str, &str) -> String,
    /// A state-changing request from another site, refused.
    pub cross_site_refused: &'static str,
    /// A page the server could not render in time.
    pub server_busy: &'static str,
    /// The report's annex of opinions as CSV, among the export formats.
    pub export_annex_csv: &'static str,
    /// Consultation sessions and registrations.
    pub cs: &'static consultations::ConsultTexts,
    /// Deputies and appointments.
    pub dp: &'static deputies::DeputyTexts,
    /// The legislative trail: versions of a draft compared.
    pub tr: &'static trail::TrailTexts,
    /// Feeds (RSS) of stories and open calls.
    pub feeds: &'static feeds::FeedTexts,
    /// The search page and the search box.
    pub search: &'static search::SearchTexts,
    /// The open data page and the open API's reference.
    pub open: &'static open::OpenTexts,
    pub app_name: &'static str,
    /// The `og:locale` of the share card.
    pub og_locale: &'static str,
    /// The description of a page that has none of its own, on its share card.
    pub share_description: &'static str,
    pub share_image_alt: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_stories: &'static str,
    pub nav_staff: &'static str,
    pub footer_host: &'static str,
    pub footer_motto: &'static str,
    pub loading: &'static str,

    pub home_lead: &'static str,
    pub home_latest: &'static str,
    pub home_all_stories: &'static str,

    pub stories_title: &'static str,
    pub stories_lead: &'static str,
    pub stories_filter_label: &'static str,
    pub stories_all_kinds: &'static str,
    pub stories_empty: &'static str,
    pub story_published_on: &'static str,
    pub story_back: &'static str,
    pub kind_case: &'static str,
    pub kind_legislative: &'static str,
    pub kind_news: &'static str,
    pub pager_label: &'static str,
    pub pager_prev: &'static str,
    pub pager_next: &'static str,
    pub page_of: fn(i64, i64) -> String,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub error_title: &'static str,
    pub error_internal: &'static str,
    pub error_forbidden: &'static str,
    pub error_bad_request: &'static str,
    pub error_too_many: &'static str,
    pub error_signed_out: &'static str,
    pub form_has_errors: &'static str,
    pub required_mark: &'static str,
    pub optional_mark: &'static str,
    pub max_chars: fn(usize) -> String,
    /// How many characters of a limited text area are used, as the person types.
    pub chars_used: fn(usize, usize) -> String,
    pub problem: fn(&str, &Problem) -> String,

    pub login_title: &'static str,
    pub login_lead: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub login_submit: &'static str,
    pub logout: &'static str,
    pub signed_in_as: &'static str,
    pub staff_nav_label: &'static str,
    pub staff_home: &'static str,
    pub staff_home_lead: &'static str,
    pub staff_stories: &'static str,
    pub staff_accounts: &'static str,

    pub story_new: &'static str,
    pub story_edit: &'static str,
    pub story_field_title: &'static str,
    pub story_field_summary: &'static str,
    pub story_field_body: &'static str,
    pub story_field_body_hint: &'static str,
    pub story_field_kind: &'static str,
    pub story_field_slug: &'static str,
    pub story_field_slug_hint: &'static str,
    pub story_field_date: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub saved: &'static str,
    pub status: &'static str,
    pub published: &'static str,
    pub unpublished: &'static str,
    pub publish: &'static str,
    pub unpublish: &'static str,
    pub edit: &'static str,
    pub preview: &'static str,
    pub preview_notice: &'static str,
    pub public_link: &'static str,
    pub actions: &'static str,
    pub staff_stories_empty: &'static str,
    pub now_published: &'static str,
    pub now_unpublished: &'static str,

    pub accounts_lead: &'static str,
    pub account_new: &'static str,
    pub display_name: &'static str,
    pub role: &'static str,
    pub role_admin: &'static str,
    pub role_staff: &'static str,
    pub station: &'static str,
    pub no_station: &'static str,
    pub initial_password: &'static str,
    pub new_password: &'static str,
    pub password_hint: &'static str,
    pub account_state: &'static str,
    pub account_active: &'static str,
    pub account_disabled: &'static str,
    /// An active account with failed sign-ins in the last day.
    pub account_failures: fn(i64) -> String,
    pub disable: &'static str,
    pub enable: &'static str,
    pub reset_password: &'static str,
    pub create: &'static str,
    pub account_created: &'static str,
    pub account_updated: &'static str,
    pub password_was_reset: &'static str,

    pub nav_solicitations: &'static str,
    pub nav_track: &'static str,
    pub home_open: &'static str,
    pub home_figures: &'static str,
    pub home_all_stats: &'static str,
    pub home_outcome: &'static str,
    pub home_all_solicitations: &'static str,
    pub home_none_open: &'static str,
    pub sol_title: &'static str,
    pub sol_lead: &'static str,
    pub sol_filter_stage: &'static str,
    pub sol_filter_phase: &'static str,
    pub sol_all_stages: &'static str,
    pub sol_all_phases: &'static str,
    pub sol_phase_accepting: &'static str,
    pub sol_phase_upcoming: &'static str,
    pub sol_phase_ended: &'static str,
    pub sol_phase_unpublished: &'static str,
    pub sol_empty: &'static str,
    pub sol_issuer: &'static str,
    pub sol_window: &'static str,
    pub sol_opinions_received: &'static str,
    pub sol_outcome: &'static str,
    pub sol_explanation: &'static str,
    pub sol_stations: &'static str,
    pub sol_questions: &'static str,
    pub sol_give_opinion: &'static str,
    pub sol_give_opinion_article: &'static str,
    pub sol_contents: &'static str,
    pub sol_version: &'static str,
    pub sol_versions: &'static str,
    pub sol_old_version_notice: &'static str,
    pub sol_read_current: &'static str,
    pub sol_heat: &'static str,
    pub sol_published_opinions: &'static str,
    pub sol_published_lead: &'static str,
    pub sol_no_published: &'static str,
    pub sol_whole_draft: &'static str,
    pub sol_not_accepting: &'static str,
    pub sol_back: &'static str,
    pub sol_annexes: &'static str,
    pub sol_back_to_top: &'static str,
    pub op_title: &'static str,
    pub op_lead: &'static str,
    pub op_target: &'static str,
    pub op_target_whole: &'static str,
    pub op_target_general: &'static str,
    pub op_content: &'static str,
    pub op_content_hint: &'static str,
    pub op_suggestion: &'static str,
    pub op_suggestion_hint: &'static str,
    pub op_reason: &'static str,
    pub op_about_you: &'static str,
    pub op_about_you_hint: &'static str,
    pub op_name: &'static str,
    pub op_phone: &'static str,
    pub op_phone_hint: &'static str,
    pub op_street: &'static str,
    pub op_choose: &'static str,
    pub op_community: &'static str,
    pub op_identity: &'static str,
    pub op_publish_ok: &'static str,
    pub op_consent_before: &'static str,
    pub op_privacy_link: &'static str,
    pub op_submit: &'static str,
    pub op_receipt_title: &'static str,
    pub op_receipt_lead: &'static str,
    pub op_code: &'static str,
    pub op_private_link: &'static str,
    pub op_private_link_hint: &'static str,
    pub op_status: &'static str,
    pub op_timeline: &'static str,
    pub op_channel: &'static str,
    pub op_received_on: &'static str,
    pub op_your_opinion: &'static str,
    pub op_about: &'static str,
    pub track_title: &'static str,
    pub track_lead: &'static str,
    pub track_code_hint: &'static str,
    pub track_submit: &'static str,
    pub track_not_found: &'static str,
    pub track_lookup_link: &'static str,
    pub privacy_title: &'static str,
    pub staff_solicitations: &'static str,
    pub staff_opinions: &'static str,
    pub sol_new: &'static str,
    pub sol_edit: &'static str,
    pub sol_field_title: &'static str,
    pub sol_field_stage: &'static str,
    pub sol_field_issuer: &'static str,
    pub sol_field_issuer_hint: &'static str,
    pub sol_field_explanation: &'static str,
    pub sol_field_explanation_hint: &'static str,
    pub sol_field_questions: &'static str,
    pub sol_field_questions_hint: &'static str,
    pub sol_field_opens: &'static str,
    pub sol_field_closes: &'static str,
    pub sol_field_closes_hint: &'static str,
    pub sol_field_status: &'static str,
    pub sol_field_outcome: &'static str,
    pub sol_field_outcome_hint: &'static str,
    pub sol_field_stations: &'static str,
    pub sol_staff_empty: &'static str,
    pub sol_add_version: &'static str,
    pub sol_no_versions: &'static str,
    pub sol_version_saved: &'static str,
    pub sol_enter_offline: &'static str,
    pub sol_view_public: &'static str,
    pub sol_view_opinions: &'static str,
    pub draft_title: &'static str,
    pub draft_lead: &'static str,
    pub draft_label: &'static str,
    pub draft_label_hint: &'static str,
    pub draft_text: &'static str,
    pub draft_check: &'static str,
    pub draft_save: &'static str,
    pub draft_preview: &'static str,
    pub draft_warnings: &'static str,
    pub draft_no_warnings: &'static str,
    pub draft_articles: &'static str,
    pub off_title: &'static str,
    pub off_lead: &'static str,
    pub off_channel: &'static str,
    pub off_received_on: &'static str,
    pub off_contact_hint: &'static str,
    pub op_list_empty: &'static str,
    pub op_filter: &'static str,
    pub op_all_solicitations: &'static str,
    pub op_all_statuses: &'static str,
    pub op_detail: &'static str,
    pub op_contact: &'static str,
    pub op_contact_audit: &'static str,
    pub op_entered_by: &'static str,
    pub op_privacy_version: &'static str,
    pub op_publish: &'static str,
    pub op_publish_yes: &'static str,
    pub op_publish_no: &'static str,
    pub op_entered: &'static str,
    pub op_print: &'static str,
    pub op_slip_title: &'static str,
    pub op_slip_lead: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub filter_apply: &'static str,
    pub days_left_prefix: &'static str,
    pub stage: fn(crate::domain::solicitation::Stage) -> &'static str,
    pub sol_status: fn(crate::domain::solicitation::Status) -> &'static str,
    pub channel: fn(crate::domain::opinion::Channel) -> &'static str,
    pub identity: fn(crate::domain::opinion::Identity) -> &'static str,
    pub opinion_status: fn(crate::domain::opinion::OpinionStatus) -> &'static str,
    pub days_left: fn(i64) -> String,
    pub opens_in: fn(&str) -> String,
    pub closed_on: fn(&str) -> String,
    pub window: fn(&str, &str) -> String,
    pub heat: fn(i64) -> String,
    pub op_similar: &'static str,
    pub op_similar_none: &'static str,
    pub similar_percent: fn(u8) -> String,
    pub parse_warning: fn(&crate::domain::statute::ParseWarning) -> String,
    pub mod_title: &'static str,
    pub mod_scope: fn(&str) -> String,
    pub mod_select_all: &'static str,
    pub mod_select_one: fn(&str) -> String,
    pub mod_actions: &'static str,
    pub mod_action: &'static str,
    pub mod_accept: &'static str,
    pub mod_reject: &'static str,
    pub mod_merge: &'static str,
    pub mod_reason: &'static str,
    pub mod_note: &'static str,
    pub mod_note_hint: &'static str,
    pub mod_merge_into: &'static str,
    pub mod_merge_into_hint: &'static str,
    pub mod_apply: &'static str,
    pub mod_done: fn(usize, crate::domain::opinion::OpinionStatus) -> String,
    pub mod_skipped: &'static str,
    pub mod_not_allowed: &'static str,
    pub mod_selection: &'static str,
    pub mod_next: &'static str,
    pub mod_first: &'static str,
    pub mod_clear: &'static str,
    pub mod_target: &'static str,
    pub mod_all_targets: &'static str,
    pub mod_whole: &'static str,
    pub mod_all_channels: &'static str,
    pub mod_all_streets: &'static str,
    pub mod_all_identities: &'static str,
    pub mod_station: &'static str,
    pub mod_all_stations: &'static str,
    pub mod_from: &'static str,
    pub mod_to: &'static str,
    pub mod_keyword: &'static str,
    pub mod_sort: &'static str,
    pub mod_empty: &'static str,
    pub sort: fn(crate::domain::moderation::Sort) -> &'static str,
    pub reject_reason: fn(crate::domain::moderation::RejectReason) -> &'static str,
    pub referral_default: fn(crate::domain::moderation::RejectReason) -> &'static str,
    pub mod_clusters: &'static str,
    pub mod_clusters_lead: fn(usize, bool) -> String,
    pub mod_cluster_count: fn(usize) -> String,
    pub mod_cluster_members: &'static str,
    pub mod_cluster_merge: fn(usize, &str) -> String,
    pub mod_clusters_none: &'static str,
    pub mod_moderate: &'static str,
    pub mod_not_pending: &'static str,
    /// A reported opinion, seen by station staff: the district office records the outcome.
    pub mod_outcome_by_district: &'static str,
    pub op_reject_reason: &'static str,
    pub op_merged_into: fn(&str) -> String,
    pub fb_title: &'static str,
    pub fb_outcome: &'static str,
    pub fb_note_hint: &'static str,
    pub fb_record: &'static str,
    pub fb_article: &'static str,
    pub fb_article_lead: fn(usize) -> String,
    pub fb_done_all: &'static str,
    pub op_merged_outcome: &'static str,
    pub op_email: &'static str,
    pub op_email_hint: &'static str,
    pub nt_subject: fn(&str) -> String,
    pub nt_body: fn(&str, &str, &str, &str, &str) -> String,
    pub nt_title: &'static str,
    pub nt_lead: &'static str,
    pub nt_empty: &'static str,
    pub nt_status: fn(&str) -> &'static str,
    pub nt_to: &'static str,
    /// The work list's two halves, with their counts.
    pub nt_to_do: fn(i64) -> String,
    pub nt_done: fn(i64) -> String,
    pub nt_empty_done: &'static str,
    /// How a message was delivered by hand (`phone`, `visit`, `post`, `other`).
    pub nt_how: fn(&str) -> &'static str,
    pub nt_how_label: &'static str,
    pub nt_mark: &'static str,
    /// "Delivered on … by … (how)".
    pub nt_delivered: fn(&str, &str, &str) -> String,
    /// A message a newer one about the same opinion made unnecessary (when).
    pub nt_superseded: fn(&str) -> String,
    pub nt_saved: &'static str,
    pub nt_already: &'static str,
    pub staff_notifications: &'static str,
    pub stats_title: &'static str,
    pub stats_received: &'static str,
    pub stats_accepted: &'static str,
    pub stats_reported: &'static str,
    pub stats_adopted_any: &'static str,
    pub stats_rate: &'static str,
    pub stats_rate_hint: &'static str,
    pub stats_median: &'static str,
    pub stats_days: fn(f64) -> String,
    pub stats_by_status: &'static str,
    pub stats_by_channel: &'static str,
    pub stats_by_street: &'static str,
    pub stats_per_solicitation: &'static str,
    pub stats_no_street: &'static str,
    pub stats_total: &'static str,
    pub stats_count: &'static str,
    pub stats_all: &'static str,
    pub nav_stats: &'static str,
    pub audit_title: &'static str,
    pub audit_lead: &'static str,
    pub audit_at: &'static str,
    pub audit_actor: &'static str,
    pub audit_action: &'static str,
    pub audit_record: &'static str,
    pub audit_record_type: &'static str,
    pub audit_record_id: &'static str,
    pub audit_detail: &'static str,
    pub audit_all: &'static str,
    pub audit_system: &'static str,
    pub audit_empty: &'static str,
    pub staff_audit: &'static str,
    pub personal_data: &'static str,
    pub personal_yes: &'static str,
    pub personal_no: &'static str,
    pub personal_grant: &'static str,
    pub personal_revoke: &'static str,
    pub op_personal_hidden: &'static str,
    pub rep_file: &'static str,
    pub rep_annex_file: &'static str,
    pub rep_annex_title: &'static str,
    pub rep_whole: &'static str,
    pub rep_annex_elsewhere: fn(usize) -> String,
    pub rep_col_article: &'static str,
    pub rep_col_text: &'static str,
    pub rep_col_summary: &'static str,
    pub rep_col_count: &'static str,
    pub rep_col_people: &'static str,
    pub rep_col_sources: &'static str,
    pub rep_col_handling: &'static str,
    pub rep_subtitle: fn(&str, i64, &str) -> String,
    pub rep_sent_to: fn(&str, &str) -> String,
    pub rep_default_title: fn(&str) -> String,
    pub rep_list: &'static str,
    pub rep_new: &'static str,
    pub rep_waiting: fn(i64) -> String,
    pub rep_none: &'static str,
    pub rep_status: fn(crate::domain::report::ReportStatus) -> &'static str,
    pub rep_count: fn(i64) -> String,
    pub rep_edit_lead: &'static str,
    pub rep_refresh: &'static str,
    pub rep_refreshed: &'static str,
    pub rep_export: &'static str,
    pub rep_print: &'static str,
    pub rep_send_title: &'static str,
    pub rep_recipient: &'static str,
    pub rep_recipient_hint: &'static str,
    pub rep_sent_on: &'static str,
    pub rep_send: &'static str,
    pub rep_sent: &'static str,
    pub rep_sent_note: fn(&str) -> String,
    pub rep_personal_yes: &'static str,
    pub rep_personal_no: &'static str,
    pub rep_district_only: &'static str,
    pub privacy_body: &'static [(&'static str, &'static str)],
}

/// The texts of the current locale: the request's on the server, the page's in the browser.
pub fn t() -> &'static Texts {
    texts(current())
}

/// The texts of `locale`.
pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::ZhCn => &zh_cn::TEXTS,
        Locale::En => &en::main::TEXTS,
    }
}

thread_local! {
    /// Set while [`with_locale`] runs.
    static OVERRIDE: std::cell::Cell<Option<Locale>> = const { std::cell::Cell::new(None) };
}

#[cfg(feature = "ssr")]
tokio::task_local! {
    /// The locale of the request being answered, for handlers outside the app's renders.
    pub static REQUEST: Locale;
}

/// The locale of what is being made: inside [`with_locale`] its locale; on the server, the
/// render's or server function's (a context the app provides, or the one the locale middleware
/// put on the request), else the request's; in the browser, the page's `lang`.
pub fn current() -> Locale {
    if let Some(l) = OVERRIDE.with(|o| o.get()) {
        return l;
    }
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        if let Some(l) = use_context::<Locale>() {
            return l;
        }
        if let Some(l) = use_context::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<Locale>().copied())
        {
            return l;
        }
        if let Ok(l) = REQUEST.try_with(|l| *l) {
            return l;
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        return browser::get();
    }
    #[allow(unreachable_code)]
    Locale::ZhCn
}

/// Runs `f` with `locale` as the current one (a message written for someone who chose another
/// language than the person whose request writes it). Nothing `f` awaits: it is synchronous.
pub fn with_locale<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.with(|o| o.replace(Some(locale)));
    let r = f();
    OVERRIDE.with(|o| o.set(before));
    r
}

/// The page's locale in the browser, read once from `<html lang>`.
#[cfg(not(feature = "ssr"))]
pub mod browser {
    use super::Locale;
    use std::sync::atomic::{AtomicU8, Ordering};

    static LOCALE: AtomicU8 = AtomicU8::new(0);

    pub fn get() -> Locale {
        match LOCALE.load(Ordering::Relaxed) {
            1 => Locale::En,
            _ => Locale::ZhCn,
        }
    }

    /// Reads the page's `lang`; called before the islands hydrate.
    #[cfg(feature = "hydrate")]
    pub fn init() {
        let lang = leptos::prelude::document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        let l = Locale::from_tag(&lang).unwrap_or_default();
        LOCALE.store(u8::from(l == Locale::En), Ordering::Relaxed);
    }
}

/// `2026年11月28日` or `28 November 2026` from `2026-11-28`, in the current locale.
pub fn date(iso: &str) -> String {
    match current() {
        Locale::ZhCn => crate::domain::time::format_date_zh(iso),
        Locale::En => crate::domain::time::format_date_en(iso),
    }
}

/// `2026年11月28日 14:05` or `28 November 2026, 14:05` (Shanghai) of an instant.
pub fn datetime(ms: i64) -> String {
    match current() {
        Locale::ZhCn => crate::domain::time::format_datetime_zh(ms),
        Locale::En => crate::domain::time::format_datetime_en(ms),
    }
}

/// A whole number as the current locale writes it: `12345` in Chinese, `12,345` in English.
pub fn number(n: i64) -> String {
    match current() {
        Locale::ZhCn => n.to_string(),
        Locale::En => {
            let digits = n.unsigned_abs().to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            if n < 0 {
                out.insert(0, '-');
            }
            out
        }
    }
}

/// The name of a story kind.
pub fn story_kind(kind: crate::domain::story::StoryKind) -> &'static str {
    use crate::domain::story::StoryKind::*;
    let t = t();
    match kind {
        Case => t.kind_case,
        Legislative => t.kind_legislative,
        News => t.kind_news,
    }
}

/// The sentence a person reads for an error from the server.
pub fn app_error(e: &crate::error::AppError) -> &'static str {
    use crate::error::AppError::*;
    let t = t();
    match e {
        NotFound => t.not_found_body,
        Unauthenticated { .. } => t.error_signed_out,
        Forbidden => t.error_forbidden,
        Validation(_) => t.form_has_errors,
        BadRequest => t.error_bad_request,
        TooManyRequests => t.error_too_many,
        Internal => t.error_internal,
    }
}

/// A parse warning of a draft text, as a sentence.
pub fn parse_warning(w: &crate::domain::statute::ParseWarning) -> String {
    (t().parse_warning)(w)
}

/// `网上 12、座谈会 3`.
fn counts<K>(items: &[(K, i64)], name: impl Fn(&K) -> String) -> String {
    items
        .iter()
        .map(|(k, n)| format!("{} {n}", name(k)))
        .collect::<Vec<_>>()
        .join(t().list_sep)
}

/// The sources of a row in one cell: channels; streets; identities.
pub fn report_sources(item: &crate::domain::report::ReportItem) -> String {
    let t = t();
    let mut parts = vec![counts(&item.channels, |c| (t.channel)(*c).to_string())];
    if item.carried > 0 {
        parts.insert(0, (t.tr.carried)(item.carried));
    }
    if !item.streets.is_empty() {
        parts.push(counts(&item.streets, |s| s.clone()));
    }
    parts.push(counts(&item.identities, |i| (t.identity)(*i).to_string()));
    parts.join(t.clause_sep)
}

/// The story editor's first draft from one opinion's trail (see
/// `api::stories::story_from_opinion`): Markdown that staff then rewrite. No name, no contact;
/// the opinion's words only with its author's consent to publication.
pub fn story_from_trail(
    d: &crate::domain::opinion::OpinionDetail,
    today: &str,
) -> crate::domain::form::FormState {
    use crate::domain::opinion::OpinionStatus;
    let t = t();
    let tr = t.tr;
    let v = &d.track;
    let article = if v.target_label.is_empty() {
        t.rep_whole.to_string()
    } else {
        format!("{}{}", v.version_label, v.target_label)
    };
    let mut body = vec![
        format!("## {}", tr.story_h_call),
        format!(
            "{} · [{}](/solicitations/{}#footprint-title)",
            (t.title_quote)(&v.solicitation_title),
            tr.footprint_title,
            v.solicitation_id
        ),
        format!("## {}", tr.story_h_opinion),
        (tr.story_who)((t.identity)(d.identity), &article),
    ];
    if d.publish_ok {
        body.push(format!("> {}", v.content.replace('\n', "\n> ")));
    } else {
        body.push(tr.story_no_consent.to_string());
    }
    if !v.trail.is_empty() || v.enacted.is_some() {
        body.push(format!("## {}", tr.story_h_article));
        let mut then = v.target_label.clone();
        for h in &v.trail {
            body.push(format!("- {}{}", (tr.hop)(h, &then), t.full_stop));
            if let Some(r) = h.now.first() {
                then = r.label.clone();
            }
        }
        if let Some(e) = &v.enacted {
            body.push(format!(
                "**{}**",
                (tr.then_heading)(&e.then_label, &e.then_version)
            ));
            body.push(e.then_text.clone());
            match &e.now_label {
                Some(l) => {
                    let now: String = e
                        .diff
                        .iter()
                        .filter_map(|p| match p {
                            crate::domain::diff::Piece::Same(s) => Some(s.clone()),
                            crate::domain::diff::Piece::Added(s) => Some(format!("**{s}**")),
                            crate::domain::diff::Piece::Gone(_) => None,
                        })
                        .collect();
                    body.push(format!("**{}{}**", e.version_label, l));
                    body.push(now);
                }
                None => body.push(tr.enacted_deleted.to_string()),
            }
        }
    }
    let feedback = v.timeline.iter().rev().find(|e| {
        matches!(
            e.status,
            OpinionStatus::Adopted | OpinionStatus::PartiallyAdopted | OpinionStatus::NotAdopted
        )
    });
    if let Some(f) = feedback {
        body.push(format!("## {}", tr.story_h_feedback));
        body.push(format!("**{}**", (t.opinion_status)(f.status)));
        if !f.note.is_empty() {
            body.push(f.note.clone());
        }
    }
    crate::domain::form::FormState::new("story")
        .with("title", (tr.story_title)(&v.solicitation_title, &article))
        .with("summary", (tr.story_summary)(&article))
        .with("body", body.join("\n\n"))
        .with("kind", "case")
        .with("published_on", today)
}

/// The row's heading: `第三条` or `总体意见`.
pub fn report_row_label(item: &crate::domain::report::ReportItem) -> String {
    if item.label.is_empty() {
        t().rep_whole.to_string()
    } else {
        item.label.clone()
    }
}

/// The line under the title: solicitation, count, date, and where it went.
pub fn report_subtitle(report: &crate::domain::report::Report) -> String {
    let t = t();
    let mut s = (t.rep_subtitle)(
        &report.solicitation_title,
        report.opinion_count(),
        &crate::domain::time::iso_date(report.created_at),
    );
    if !report.recipient.is_empty() {
        s.push_str(&(t.rep_sent_to)(&report.recipient, &report.sent_on));
    }
    s
}

/// The name of an audit action; the code itself for one this list does not know.
pub fn audit_action(code: &str) -> String {
    match current() {
        Locale::ZhCn => zh_cn::audit_action(code),
        Locale::En => en::main::audit_action(code),
    }
    .map(str::to_string)
    .unwrap_or_else(|| code.to_string())
}
