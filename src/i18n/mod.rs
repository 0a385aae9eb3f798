//! Every word a person reads comes from here. A locale is one `Texts` value; the compiler checks
//! that a locale is complete, so adding English means adding one file and no component changes.
//! (leptos_i18n was weighed: it adds a macro layer and its own runtime to the browser bundle for
//! a site that ships one locale today; a typed table of `&'static str` costs nothing.)

mod zh_cn;

use crate::domain::text::Problem;

/// A locale's texts. Fields are plain strings; the `fn` fields build sentences with numbers.
pub struct Texts {
    pub lang: &'static str,
    pub app_name: &'static str,
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
    pub account_locked: &'static str,
    pub disable: &'static str,
    pub enable: &'static str,
    pub reset_password: &'static str,
    pub create: &'static str,
    pub account_created: &'static str,
    pub account_updated: &'static str,
    pub password_was_reset: &'static str,
}

/// The texts of the current locale. Only zh-CN exists today.
pub fn t() -> &'static Texts {
    &zh_cn::TEXTS
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
