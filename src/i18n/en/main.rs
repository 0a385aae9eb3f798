//! English (en-GB): the complete English equivalent of the zh-CN locale.

use crate::domain::moderation::{RejectReason, Sort};
use crate::domain::opinion::{Channel, Identity, OpinionStatus};
use crate::domain::report::ReportStatus;
use crate::domain::solicitation::{Stage, Status};
use crate::domain::statute::{ParseWarning, ProvisionKind};
use crate::domain::text::Problem;
use crate::domain::time::format_date_en;
use crate::i18n::Texts;

/// The plural ending of a count: "" for one, "s" for any other number.
fn s<T: PartialEq + From<u8>>(n: T) -> &'static str {
    if n == T::from(1) {
        ""
    } else {
        "s"
    }
}

fn problem(label: &str, p: &Problem) -> String {
    match p {
        Problem::Required => format!("{label} is required. Please fill it in."),
        Problem::BlankOnly => {
            format!("{label} contains only spaces. Please write something in it.")
        }
        Problem::TooLong { max, actual } => {
            format!("{label} can be at most {max} characters; it is {actual} now. Please shorten it.")
        }
        Problem::TooShort { min, actual } => {
            format!("{label} must be at least {min} characters; it is {actual} now.")
        }
        Problem::ControlChars => format!(
            "{label} contains invisible control characters. Please remove them and submit again."
        ),
        Problem::SlugFormat => {
            format!("{label} may contain only lower-case letters, digits and hyphens (“-”), at most 80 characters, for example 2026-jiedao-yijian.")
        }
        Problem::SlugTaken { by } => format!(
            "{label} is already used by “{by}”. Please choose another one."
        ),
        Problem::BadDate => {
            format!("{label} is not a valid date. Please write it in the form 2026-11-28.")
        }
        Problem::BadChoice => format!("{label}: please choose one of the options in the list."),
        Problem::UsernameFormat => {
            format!(
                "{label} must be 3 to 32 characters long, start with a lower-case letter, and contain only lower-case letters, digits and “.”, “_” or “-”."
            )
        }
        Problem::UsernameTaken => format!("{label} is already in use. Please choose another one."),
        Problem::PasswordTooCommon => {
            "This password is too common or too easy to guess. Please choose a longer, more unusual password.".into()
        }
        Problem::PasswordMismatch => "The two passwords you typed do not match.".into(),
        Problem::BadCredentials => "The username or password is wrong.".into(),
        Problem::AccountDisabled => {
            "This account has been disabled. Please contact an administrator.".into()
        }
        Problem::SignInWait { seconds } => {
            let wait = if *seconds < 60 {
                format!("{seconds} second{}", s(*seconds))
            } else {
                let minutes = (seconds + 59) / 60;
                format!("{minutes} minute{}", s(minutes))
            };
            format!("There have been too many failed sign-ins from this network. Please try again in {wait}. If you have forgotten your password, ask an administrator to reset it.")
        }
        Problem::SignInBusy => {
            "Too many people are signing in at the same time. Please wait a few seconds and try again.".into()
        }
        Problem::DraftNotKept => "Something in the form needs correcting, but too many forms have been sent back to this network within the hour, so what you typed this time could not be kept. Please check and fill in the form again.".into(),
        Problem::RecordChanged => {
            "Someone else has just changed this record. Please reload the page and try again.".into()
        }
        Problem::LineTooLong { max, actual } => {
            format!("Each line of {label} can be at most {max} characters; one line is {actual} characters. Please shorten it.")
        }
        Problem::EndBeforeStart => format!("{label} cannot be earlier than the start date."),
        Problem::PhoneFormat => format!(
            "{label} should be an 11-digit mainland China mobile number starting with 1, for example 13800138000 (spaces or hyphens are allowed)."
        ),
        Problem::ConsentRequired => "Please read the “Privacy notice” and tick the box to agree to it before submitting.".into(),
        Problem::NotOpenYet { opens_on, closes_on } => format!(
            "This call for opinions has not started yet. It is open from {} to {}; please submit your opinion then. What you wrote has been kept below.",
            format_date_en(opens_on),
            format_date_en(closes_on)
        ),
        Problem::ClosedSince { opens_on, closes_on } => format!(
            "This call for opinions closed on {} (it was open from {} to {}) and no longer takes opinions. What you wrote has been kept below: you can copy it to keep, or contact your contact point.",
            format_date_en(closes_on),
            format_date_en(opens_on),
            format_date_en(closes_on)
        ),
        Problem::NotPublished => {
            "This call for opinions has not been published yet and does not take opinions.".into()
        }
        Problem::RateLimited { per_hour } => format!(
            "At most {per_hour} opinion{} can be submitted from one network per hour. That limit has been reached, so this opinion was not saved. Please try again later; what you wrote has been kept below.",
            s(*per_hour)
        ),
        Problem::InFuture => format!("{label} cannot be later than today."),
        Problem::TrackingNotFound => "No opinion or registration was found. Please check the tracking code (an opinion's looks like YJ-2026-7K3Q9, a session registration's like BM-2026-7K3Q9) and the mobile number you gave at the time.".into(),
        Problem::TooManyLookups => "There have been too many look-ups. Please try again in an hour, or open the private link on your receipt directly.".into(),
        Problem::NotPreviewed => "The draft text has changed. Please click “Check the parsed result” first and, once it is correct, save.".into(),
        Problem::NoSuchArticle { article, given, version } => format!(
            "Corresponding article for {article}: {version} has no article “{given}”. Please enter an article number of {version}, such as 12, 十二 or 第十条之一; leave it empty for an article that is new."
        ),
        Problem::PromulgatedBeforeAdopted => {
            "The date of promulgation cannot be earlier than the date the text was passed. Please check.".into()
        }
        Problem::VersionChanged { version } => format!(
            "Someone has just saved a new version, “{version}”. The pairings below have been compared again against that version; please check them before saving."
        ),
        Problem::NothingSelected => {
            "Please tick the opinions to handle first, then choose an action.".into()
        }
        Problem::TooMany { max, actual } => {
            format!("At most {max} opinions can be handled at once; {actual} are ticked now. Please handle them in batches.")
        }
        Problem::CodeFormat => {
            format!("{label} is not in the right format; it should look like YJ-2026-7K3Q9.")
        }
        Problem::MergeTargetMissing => {
            format!("No opinion in this call for opinions has the code given in {label}. Please check the tracking code.")
        }
        Problem::MergeTargetClosed { status } => {
            format!("The opinion given in {label} is already “{status}” and can no longer be merged into. Please choose an opinion that is awaiting review or has been accepted.")
        }
        Problem::NothingToReport => {
            "There are no accepted opinions that have not yet been compiled. Please accept opinions on the moderation page first.".into()
        }
        Problem::AlreadySent => {
            "This opinion summary table has already been sent up and can no longer be changed.".into()
        }
        Problem::EmailFormat => format!("{label} is not in the right format; it should look like name@example.com. Leave it empty if you do not want email notifications."),
        Problem::MergeAcrossSolicitations => {
            "The ticked opinions belong to different calls for opinions; only opinions on the same call can be merged together.".into()
        }
        Problem::NumberRange { min, max } => {
            format!("{label} should be a whole number from {min} to {max}.")
        }
        Problem::UrlFormat => format!("{label} should be a web address starting with http:// or https://, for example https://meeting.example.cn/123."),
        Problem::PlaceRequired => "Please give the session's venue, or a web address under “Online meeting link” (at least one of the two).".into(),
        Problem::TimeFormat => format!(
            "{label} is not a valid time. Please write it in the form 14:30 (24-hour clock)."
        ),
        Problem::EndNotAfterStart => format!("{label} must be later than the start time."),
        Problem::AfterSession => format!("{label} cannot be later than the day of the session."),
        Problem::RegistrationNotOpen { opens, closes } => format!(
            "Registration for this session has not opened yet. It is open from {opens} to {closes}; please register then. What you wrote has been kept below."
        ),
        Problem::RegistrationClosed { opens, closes } => format!(
            "Registration for this session closed on {closes} (it was open from {opens} to {closes}) and no more registrations are taken. What you wrote has been kept below; you can contact the contact point hosting the session."
        ),
        Problem::SessionCancelled => {
            "This session has been cancelled and no longer takes registrations.".into()
        }
        Problem::AlreadyRegistered => format!(
            "{label}: this number has already registered for this session (one place per mobile number). To view or cancel the registration, open the private link on your registration receipt, or enter the registration code and mobile number on the “Track progress” page."
        ),
        Problem::RegistrationNotFound => format!("This session has no registration with the code given in {label}. Please check the registration code (it looks like BM-2026-7K3Q9)."),
        Problem::CannotCheckIn { name, status } => format!(
            "The registration of {name} is “{status}”, with no confirmed place, so they cannot be checked in. If there are free places at the venue, register them first."
        ),
        Problem::AlreadyEntered => "The opinions this resident gave at the session have already been entered. Click “Opinion entered” in the registration list to see them.".into(),
        Problem::InPast => format!("{label} has already passed. Please choose a later date and time."),
        Problem::SlotGone => "The reception slot you chose has been cancelled or has passed. Please choose another slot, or choose “None of these times suit me”.".into(),
        Problem::SlotFull => "The reception slot you chose has just been fully booked. Please choose another slot, or choose “None of these times suit me” and leave the times that suit you. What you wrote has been kept.".into(),
        Problem::AlreadyBooked => format!(
            "{label}: this number has already booked this slot. To view or cancel the booking, open the private link on your booking receipt, or enter the booking code and mobile number on the “Track progress” page."
        ),
        Problem::CapacityBelowTaken { taken } => {
            let people = if *taken == 1 {
                "1 person has".to_string()
            } else {
                format!("{taken} people have")
            };
            format!(
                "{people} already confirmed their registration, so {label} cannot be less than {taken}. To reduce the number of places, first talk to the residents who have registered."
            )
        }
        Problem::MergeIntoItself => format!("The opinion given in {label} is itself among the ticked opinions. Untick it, or choose another opinion."),
    }
}

pub static TEXTS: Texts = Texts {
    lang: "en",
    colon: ": ",
    list_sep: ", ",
    clause_sep: "; ",
    full_stop: ".",
    paren: |s| format!(" ({s})"),
    title_quote: |s| format!("“{s}”"),
    of_row: |row, what| format!("{what} of {row}"),
    cross_site_refused: "Refused: this request came from another site. Please do it again on this site's own page.",
    server_busy: "The server is too busy to open this page in time. Please wait a few seconds and reload.",
    export_annex_csv: "CSV (annex)",
    cs: &crate::i18n::en::consultations::EN,
    dp: &crate::i18n::en::deputies::EN,
    tr: &crate::i18n::en::trail::EN,
    feeds: &crate::i18n::en::feeds::EN,
    search: &crate::i18n::en::search::EN,
    open: &crate::i18n::open::EN,
    app_name: "Minyi — People's Voice Direct",
    og_locale: "en_GB",
    share_description: "People's Voice Direct of the grassroots legislative contact points: give your opinions on draft laws and regulations, see how opinions are handled and whether they are adopted, sign up for consultation sessions and book a deputy.",
    share_image_alt: "Minyi — People's Voice Direct: grassroots legislative contact points",
    skip_to_content: "Skip to main content",
    nav_label: "Main navigation",
    nav_home: "Home",
    nav_stories: "Stories",
    nav_staff: "Staff sign-in",
    footer_host: "(host)",
    footer_motto: "Whole-process people's democracy · Grassroots legislative contact points",
    loading: "Loading...",

    home_lead: "Learn about the work of the grassroots legislative contact points and read real stories of whole-process people's democracy.",
    home_latest: "Latest cases and stories",
    home_all_stories: "See all stories",

    stories_title: "Stories",
    stories_lead: "Case stories of whole-process people's democracy, legislative stories and news of our work.",
    stories_filter_label: "Show by type",
    stories_all_kinds: "All",
    stories_empty: "Nothing has been published here yet.",
    story_published_on: "Published on",
    story_back: "Back to all stories",
    kind_case: "Case story",
    kind_legislative: "Legislative story",
    kind_news: "News",
    pager_label: "Pages",
    pager_prev: "Previous page",
    pager_next: "Next page",
    page_of: |p, n| format!("Page {p} of {n}"),

    not_found_title: "Page not found",
    not_found_body: "The page you are looking for does not exist or has been taken down.",
    back_home: "Back to the home page",
    error_title: "Something went wrong",
    error_internal: "The server cannot complete this request right now. Please try again later. What you filled in has not been lost.",
    error_forbidden: "Your account is not allowed to do this.",
    error_bad_request: "What was submitted could not be understood. Please go back to the form and submit it again.",
    error_too_many: "Too many submissions. Please try again later.",
    error_signed_out: "Your sign-in has expired. Please sign in again.",
    form_has_errors: "A few things need changing: please see the notes marked in red.",
    required_mark: " (required)",
    optional_mark: " (optional)",
    max_chars: |n| format!("At most {n} character{}", s(n)),
    chars_used: |n, max| format!("{n} / {max} characters used"),
    problem,

    login_title: "Staff sign-in",
    login_lead: "For staff of the District People's Congress Standing Committee and the contact points only.",
    username: "Username",
    password: "Password",
    login_submit: "Sign in",
    logout: "Sign out",
    signed_in_as: "Signed in as",
    staff_nav_label: "Workspace navigation",
    staff_home: "Workspace",
    staff_home_lead: "Manage stories and staff accounts from here.",
    staff_stories: "Manage stories",
    staff_accounts: "Manage accounts",

    story_new: "New story",
    story_edit: "Edit story",
    story_field_title: "Title",
    story_field_summary: "Summary",
    story_field_body: "Text",
    story_field_body_hint:
        "Markdown is supported: # subheading, **bold**, - list, [link text](https://...). Scripts are not allowed.",
    story_field_kind: "Type",
    story_field_slug: "Web address",
    story_field_slug_hint:
        "Shown in the address bar, e.g. /stories/2026-jiedao-yijian. Leave it empty to have one made from the publication date.",
    story_field_date: "Publication date",
    save: "Save",
    cancel: "Cancel",
    saved: "Saved.",
    status: "Status",
    published: "Published",
    unpublished: "Not published",
    publish: "Publish",
    unpublish: "Unpublish",
    edit: "Edit",
    preview: "Preview",
    preview_notice: "This is a preview: the public will see the page exactly like this.",
    public_link: "Public page",
    actions: "Actions",
    staff_stories_empty: "There are no stories yet. Click “New story” to write the first one.",
    now_published: "Published: the public can see it now.",
    now_unpublished: "Unpublished: the public can no longer see it.",

    accounts_lead: "Administrators can create, disable and reset staff accounts.",
    account_new: "New account",
    display_name: "Name",
    role: "Role",
    role_admin: "Administrator",
    role_staff: "Staff",
    station: "Contact point",
    no_station: "District People's Congress Standing Committee office",
    initial_password: "Initial password",
    new_password: "New password",
    password_hint: "At least 10 characters, and not a common password.",
    account_state: "Account status",
    account_active: "Active",
    account_disabled: "Disabled",
    account_failures: |n| format!("Active ({n} failed sign-in{} in the last 24 hours)", s(n)),
    disable: "Disable",
    enable: "Enable",
    reset_password: "Reset password",
    create: "Create",
    account_created: "Account created.",
    account_updated: "Account updated.",
    password_was_reset: "Password reset. All of this account's sign-ins have been ended.",
    nav_solicitations: "Calls for opinions",
    nav_track: "Track progress",
    home_open: "Open for opinions",
    home_figures: "How opinions are handled",
    home_all_stats: "See all statistics",
    home_outcome: "Latest results of calls for opinions",
    home_all_solicitations: "See all calls for opinions",
    home_none_open: "No call for opinions is open at the moment.",
    sol_title: "Calls for opinions",
    sol_lead: "Before, during and after a law is made, you can give your opinions and suggestions here. No registration is needed.",
    sol_filter_stage: "Show by stage",
    sol_filter_phase: "Show by status",
    sol_all_stages: "All stages",
    sol_all_phases: "All statuses",
    sol_phase_accepting: "Open now",
    sol_phase_upcoming: "Opening soon",
    sol_phase_ended: "Closed",
    sol_phase_unpublished: "Not published",
    sol_empty: "No calls for opinions match.",
    sol_issuer: "Issued by",
    sol_window: "Open period",
    sol_opinions_received: "Opinions received",
    sol_outcome: "Results",
    sol_explanation: "Explanation of the draft",
    sol_stations: "Contact points collecting opinions",
    sol_questions: "Please give your opinions on the questions below (optional)",
    sol_give_opinion: "Give my opinion",
    sol_give_opinion_article: "Comment on this article",
    sol_contents: "Contents",
    sol_version: "Draft version",
    sol_versions: "All versions",
    sol_old_version_notice: "You are reading an earlier version.",
    sol_read_current: "Read the current version",
    sol_heat: "adopted opinions",
    sol_published_opinions: "Published opinions",
    sol_published_lead: "These opinions have been reviewed and their authors agreed to their publication. Names and contact details are not shown.",
    sol_no_published: "No opinions have been published yet.",
    sol_whole_draft: "On the draft as a whole",
    sol_not_accepting: "This call for opinions is not taking opinions at the moment.",
    sol_back: "Back to all calls for opinions",
    sol_annexes: "Annexes",
    sol_back_to_top: "Back to contents",
    op_title: "Give your opinion",
    op_lead: "Please write down your opinion. Items marked “required” must be filled in. We will give you a tracking code so that you can check the progress at any time.",
    op_target: "Commenting on",
    op_target_whole: "The whole draft (general opinion)",
    op_target_general: "General opinion",
    op_content: "Your opinion",
    op_content_hint: "Please set out your opinion, 5 to 5000 characters",
    op_suggestion: "Suggested change",
    op_suggestion_hint: "If you have specific wording to propose, you can write it here",
    op_reason: "Reasons",
    op_about_you: "About you",
    op_about_you_hint: "Your name and mobile number are only for staff to contact you to check your opinion. They will not be published.",
    op_name: "Name",
    op_phone: "Mobile number",
    op_phone_hint: "11-digit mainland China mobile number",
    op_street: "Subdistrict or town",
    op_choose: "Please choose",
    op_community: "Community",
    op_identity: "Identity",
    op_publish_ok: "I agree that the content of my opinion may be published without my name",
    op_consent_before: "I have read and agree to the ",
    op_privacy_link: "Privacy notice",
    op_submit: "Submit opinion",
    op_receipt_title: "Opinion received",
    op_receipt_lead: "Thank you for your opinion! Please keep the tracking code and private link below: with them you can check the progress at any time.",
    op_code: "Tracking code",
    op_private_link: "Private link",
    op_private_link_hint: "Bookmark this page or copy this link. The link contains a secret key: please do not pass it on to anyone.",
    op_status: "Status",
    op_timeline: "How it was handled",
    op_channel: "Submitted via",
    op_received_on: "Received on",
    op_your_opinion: "Your opinion",
    op_about: "About",
    track_title: "Track the progress of your opinion",
    track_lead: "Enter the tracking code on your receipt (for an opinion or a session registration) and the mobile number you gave at the time. You can also open the private link on your receipt directly.",
    track_code_hint: "An opinion's code looks like YJ-2026-7K3Q9, a session registration's like BM-2026-7K3Q9; upper and lower case letters are treated the same",
    track_submit: "Look up",
    track_not_found: "No opinion or registration was found: please check that the tracking code and the private link are complete. You can also look it up with the tracking code and your mobile number.",
    track_lookup_link: "Look up with the tracking code and mobile number",
    privacy_title: "Privacy notice",
    staff_solicitations: "Manage calls for opinions",
    staff_opinions: "Manage opinions",
    sol_new: "New call for opinions",
    sol_edit: "Edit call for opinions",
    sol_field_title: "Title",
    sol_field_stage: "Stage",
    sol_field_issuer: "Issued by",
    sol_field_issuer_hint: "For example: Legislative Affairs Commission of the NPC Standing Committee, Municipal People's Congress Standing Committee, District People's Congress Standing Committee",
    sol_field_explanation: "Explanation of the draft",
    sol_field_explanation_hint: "Markdown is supported",
    sol_field_questions: "Guiding questions",
    sol_field_questions_hint: "Calls before and after legislation can have guiding questions: one per line, each at most 200 characters",
    sol_field_opens: "Start date",
    sol_field_closes: "Closing date",
    sol_field_closes_hint: "Opinions can still be submitted on the closing date itself",
    sol_field_status: "Status",
    sol_field_outcome: "Results",
    sol_field_outcome_hint: "Fill in after the call closes. Shown publicly in the list and on the call's page; Markdown is supported",
    sol_field_stations: "Contact points collecting opinions",
    sol_staff_empty: "There are no calls for opinions yet.",
    sol_add_version: "Enter a new version of the draft",
    sol_no_versions: "There is no draft text yet.",
    sol_version_saved: "New version of the draft saved.",
    sol_enter_offline: "Enter offline opinions",
    sol_view_public: "View the public page",
    sol_view_opinions: "View opinions",
    draft_title: "Enter the draft text",
    draft_lead: "Paste the full text of the draft below (you can copy it from a Word file). First click “Check the parsed result” and check that the chapters and articles are recognised correctly, then save.",
    draft_label: "Version name",
    draft_label_hint: "For example: Draft for comment, Second reading draft",
    draft_text: "Full text of the draft",
    draft_check: "Check the parsed result",
    draft_save: "Save as a new version",
    draft_preview: "Parsed result",
    draft_warnings: "Please note the following",
    draft_no_warnings: "Nothing unusual was found.",
    draft_articles: " articles",
    off_title: "Enter offline opinions",
    off_lead: "Enter opinions that residents gave at consultation sessions, by letter, by phone, through the opinion box, through an information officer or in person. After saving you can print a receipt to give to the resident.",
    off_channel: "Channel",
    off_received_on: "Received on",
    off_contact_hint: "If the resident gave a mobile number, they can check the progress with the tracking code and that number.",
    op_list_empty: "No opinions match.",
    op_filter: "Filter",
    op_all_solicitations: "All calls for opinions",
    op_all_statuses: "All statuses",
    op_detail: "Opinion details",
    op_contact: "Contact details",
    op_contact_audit: "Viewing the full contact details is recorded in the audit log.",
    op_entered_by: "Entered by",
    op_privacy_version: "Version of the privacy notice agreed to",
    op_publish: "Publication",
    op_publish_yes: "Agrees to anonymous publication",
    op_publish_no: "Not to be published",
    op_entered: "Offline opinion entered.",
    op_print: "Print receipt",
    op_slip_title: "Opinion receipt",
    op_slip_lead: "With the tracking code and your mobile number, or by scanning the code to open your private link, you can check the progress at any time.",
    yes: "Yes",
    no: "No",
    filter_apply: "Filter",
    days_left_prefix: "Time left:",
    stage,
    sol_status,
    channel,
    identity,
    opinion_status,
    days_left,
    opens_in,
    closed_on,
    window,
    heat,
    op_similar: "Similar opinions",
    op_similar_none: "No opinion in the same call for opinions has similar wording.",
    similar_percent,
    parse_warning,
    mod_title: "Moderation",
    mod_scope: |station| {
        format!("You can see and handle only the opinions of “{station}”.")
    },
    mod_select_all: "Select all on this page",
    mod_select_one: |code| format!("Select {code}"),
    mod_actions: "For the ticked opinions",
    mod_action: "Action",
    mod_accept: "Accept",
    mod_reject: "Decline",
    mod_merge: "Merge into another opinion",
    mod_reason: "Reason for declining",
    mod_note: "Note (seen by the resident)",
    mod_note_hint: "When an opinion is declined, the resident sees the reason and this note. If you choose petition, litigation or arbitration and write nothing, the standard referral note is used.",
    mod_merge_into: "Merge into (tracking code)",
    mod_merge_into_hint: "Give the tracking code of another opinion in the same call for opinions, e.g. YJ-2026-7K3Q9.",
    mod_apply: "Apply",
    mod_done: |n, status| {
        format!(
            "{n} opinion{} set to “{}”.",
            s(n),
            opinion_status(status)
        )
    },
    mod_skipped: "Someone else has just handled these opinions; they were not changed:",
    mod_not_allowed: "The current status of these opinions does not allow this action; they were not changed:",
    mod_selection: "Ticked opinions",
    mod_next: "Next page",
    mod_first: "Back to the first page",
    mod_clear: "Clear filters",
    mod_target: "Article",
    mod_all_targets: "All articles",
    mod_whole: "On the whole draft",
    mod_all_channels: "All channels",
    mod_all_streets: "All subdistricts and towns",
    mod_all_identities: "All identities",
    mod_station: "Contact point",
    mod_all_stations: "All contact points",
    mod_from: "Received from",
    mod_to: "Received until",
    mod_keyword: "Keyword or tracking code",
    mod_sort: "Sort",
    mod_empty: "No opinions match.",
    sort: |s| match s {
        Sort::Newest => "Newest first",
        Sort::Oldest => "Oldest first",
    },
    reject_reason,
    referral_default,
    mod_clusters: "Groups of similar opinions",
    mod_clusters_lead: |n, capped| {
        if capped {
            format!("The newest {n} opinion{} awaiting review were compared, and those with similar content were grouped together. Once these have been handled, open this page again to compare earlier opinions.", s(n))
        } else if n == 1 {
            "The 1 opinion awaiting review was checked; opinions with similar content are grouped together.".to_string()
        } else {
            format!("All {n} opinions awaiting review were compared, and those with similar content were grouped together.")
        }
    },
    mod_cluster_count: |n| format!("{n} similar opinion{}", s(n)),
    mod_cluster_members: "Show all tracking codes in this group",
    mod_cluster_merge: |n, code| {
        if n == 1 {
            format!("Merge the other opinion into {code}")
        } else {
            format!("Merge the other {n} opinions into {code}")
        }
    },
    mod_clusters_none: "No opinions with similar content are awaiting review.",
    mod_moderate: "Review",
    mod_not_pending: "This opinion has already been reviewed; it is not awaiting review.",
    mod_outcome_by_district: "This opinion has been sent up; the office of the District People's Congress Standing Committee records whether it was adopted.",
    op_reject_reason: "Reason declined",
    op_merged_into: |code| format!("Your opinion is being handled together with the identical opinion {code}; you will be told the outcome of both together."),
    fb_title: "Adoption feedback",
    fb_outcome: "Outcome",
    fb_note_hint: "Say where the opinion was adopted (e.g. “taken into Article 3, paragraph 2 of the revised draft”) or why it was not adopted. The resident will see this note.",
    fb_record: "Record outcome",
    fb_article: "Adoption feedback on the opinions on this article",
    fb_article_lead: |n| {
        if n == 1 {
            "1 opinion that was sent up is waiting for feedback.".to_string()
        } else {
            format!("{n} opinions that were sent up are waiting for feedback; you can record it for all of them at once.")
        }
    },
    fb_done_all: "The outcome has been recorded for every opinion on this article.",
    op_merged_outcome: "Outcome of the opinion this one was merged into",
    op_email: "Email",
    op_email_hint: "Optional. If you give it, we will email you when your opinion is accepted, when it is sent up and when feedback on its adoption arrives; changes that come close together are combined into one email.",
    nt_subject: |code| format!("News about your opinion {code}"),
    nt_body: |title, code, status, note, link| {
        let note = if note.is_empty() { String::new() } else { format!("\n{note}\n") };
        format!("Hello,\n\nThe opinion you gave on “{title}” (tracking code {code}) now has the status: {status}.\n{note}\nSee how it has been handled: {link}\n\nThis email was sent automatically; please do not reply to it.")
    },
    nt_title: "Notifications to residents",
    nt_lead: "When an opinion is accepted, referred, sent up or receives adoption feedback, and when a session or an appointment changes, the system sends the resident a notification; changes that come close together are combined into one. Where the resident left an email address and a mail server is set up, an email is sent automatically. The rest are listed here: please print and post them or tell the resident by phone, and record each delivery, until every one has been dealt with.",
    nt_empty: "No notifications need delivering by hand.",
    nt_status: |s| match s {
        "pending" => "Waiting to be sent",
        "sent" => "Emailed",
        "kept" => "To be delivered by hand",
        _ => "Sending failed",
    },
    nt_to: "Recipient",
    nt_to_do: |n| format!("To deliver ({n})"),
    nt_done: |n| format!("Delivered ({n})"),
    nt_empty_done: "No notifications have been recorded as delivered yet.",
    nt_how: |h| match h {
        "phone" => "Told by phone",
        "visit" => "Delivered in person",
        "post" => "Sent by post",
        _ => "Other means",
    },
    nt_how_label: "Delivery method",
    nt_mark: "Mark as delivered",
    nt_delivered: |when, who, how| format!("Delivered on {when} by {who} ({how})."),
    nt_superseded: |when| format!("A newer notification about this opinion was made on {when}; this one no longer needs to be delivered."),
    nt_saved: "Marked as delivered.",
    nt_already: "Someone else has already marked this notification as delivered; nothing was changed.",
    staff_notifications: "Notifications",
    stats_title: "Statistics",
    stats_received: "Opinions received",
    stats_accepted: "Accepted",
    stats_reported: "Compiled and sent up",
    stats_adopted_any: "Adopted (including partly adopted)",
    stats_rate: "Adoption rate",
    stats_rate_hint: "Adoption rate = (adopted + partly adopted) / opinions with adoption feedback. “Accepted” includes opinions that were later sent up and received feedback; opinions received = awaiting review + accepted + declined + merged. The days to feedback are counted from the day an opinion was submitted to the day its adoption feedback arrived; the median is shown.",
    stats_median: "Median days to feedback",
    stats_days: |d| format!("{d:.1} days"),
    stats_by_status: "By current status",
    stats_by_channel: "By channel",
    stats_by_street: "By subdistrict or town",
    stats_per_solicitation: "By call for opinions",
    stats_no_street: "Subdistrict or town not given",
    stats_total: "Total",
    stats_count: "Number",
    stats_all: "See the statistics of all calls for opinions",
    nav_stats: "Statistics",
    audit_title: "Audit log",
    audit_lead: "Records who did what to which record, and when: moderation and feedback, exports, viewing residents' personal information, sign-ins and account changes. Entries are only ever added: no one can change or delete them.",
    audit_at: "Time",
    audit_actor: "By",
    audit_action: "Action",
    audit_record: "Record",
    audit_record_type: "Record type",
    audit_record_id: "Record number",
    audit_detail: "Details",
    audit_all: "All",
    audit_system: "System",
    audit_empty: "No entries match.",
    staff_audit: "Audit log",
    personal_data: "Personal data access",
    personal_yes: "Can view",
    personal_no: "Cannot view",
    personal_grant: "Grant personal data access",
    personal_revoke: "Revoke personal data access",
    op_personal_hidden: "You are not permitted to view residents' personal information, so names and mobile numbers are partly hidden. If your work really needs it, ask an administrator to grant you access.",
    rep_file: "Opinion summary table",
    rep_annex_file: "Opinion details",
    rep_annex_title: "Annex: Opinion details",
    rep_whole: "General opinions",
    rep_annex_elsewhere: |n| format!("This summary covers {n} opinion{} in all. The details of each opinion are in the “Opinion details” sheet of the Excel workbook exported with it, or in the “Opinion details” CSV file.", s(n)),
    rep_col_article: "Article",
    rep_col_text: "Text of the article",
    rep_col_summary: "Summary of opinions",
    rep_col_count: "Opinions",
    rep_col_people: "People",
    rep_col_sources: "Sources of opinions",
    rep_col_handling: "Proposed handling",
    rep_subtitle: |title, n, day| {
        format!(
            "Call for opinions: {title}. {n} opinion{} in all, compiled on {}.",
            s(n),
            format_date_en(day)
        )
    },
    rep_sent_to: |to, day| format!(" Sent up to {to} on {}.", format_date_en(day)),
    rep_default_title: |title| format!("Opinion summary table on “{title}”"),
    rep_list: "Opinion summary tables",
    rep_new: "Compile accepted opinions",
    rep_waiting: |n| {
        if n == 1 {
            "1 accepted opinion has not been compiled yet.".to_string()
        } else {
            format!("{n} accepted opinions have not been compiled yet.")
        }
    },
    rep_none: "There are no opinion summary tables yet.",
    rep_status: |s| match s {
        ReportStatus::Draft => "Draft",
        ReportStatus::Sent => "Sent up",
    },
    rep_count: |n| format!("{n} opinion{}", s(n)),
    rep_edit_lead: "Fill in the summary of opinions and the proposed handling for each row; after saving you can export the table. Once sending up has been recorded, the table can no longer be changed.",
    rep_refresh: "Add opinions accepted since",
    rep_refreshed: "Newly accepted opinions have been added.",
    rep_export: "Export",
    rep_print: "Printable version",
    rep_send_title: "Record sending up",
    rep_recipient: "Sent up to",
    rep_recipient_hint: "E.g. Legislative Affairs Commission of the Municipal People's Congress Standing Committee",
    rep_sent_on: "Date sent up",
    rep_send: "Record as sent up",
    rep_sent: "Sending up recorded. The opinions in the table are now “Compiled and sent up”.",
    rep_sent_note: |to| format!("Your opinion has been compiled and sent up to {to}."),
    rep_personal_yes: "The annex of the exported files contains residents' names and mobile numbers. Keep them safe and do not pass them on.",
    rep_personal_no: "The exported files do not contain residents' names or mobile numbers (you do not have personal data access).",
    rep_district_only: "Opinions are compiled and sent up by the staff of the District People's Congress Standing Committee.",
    privacy_body: PRIVACY,
};

fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Planning => "Before legislation",
        Stage::Drafting => "During legislation",
        Stage::Evaluation => "After legislation",
    }
}

fn sol_status(s: Status) -> &'static str {
    match s {
        Status::Draft => "Draft (not published)",
        Status::Open => "Published for opinions",
        Status::Closed => "Closed",
        Status::Reported => "Compiled and sent up",
        Status::Concluded => "Concluded",
    }
}

fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Online => "Online",
        Channel::Meeting => "Consultation session",
        Channel::Letter => "Letter",
        Channel::Phone => "Phone",
        Channel::Mailbox => "Opinion box",
        Channel::Informant => "Information officer",
        Channel::Visit => "In-person visit",
    }
}

fn identity(i: Identity) -> &'static str {
    match i {
        Identity::Resident => "Resident",
        Identity::Business => "Business",
        Identity::SocialOrg => "Social organisation",
        Identity::Lawyer => "Lawyer",
        Identity::Deputy => "People's Congress deputy",
        Identity::Cppcc => "CPPCC member",
        Identity::Other => "Other",
    }
}

fn opinion_status(s: OpinionStatus) -> &'static str {
    match s {
        OpinionStatus::Pending => "Received, awaiting review",
        OpinionStatus::Accepted => "Accepted",
        OpinionStatus::Rejected => "Declined",
        OpinionStatus::Merged => "Merged with an identical opinion",
        OpinionStatus::Reported => "Compiled and sent up",
        OpinionStatus::Adopted => "Adopted",
        OpinionStatus::PartiallyAdopted => "Partly adopted",
        OpinionStatus::NotAdopted => "Not adopted",
    }
}

fn days_left(n: i64) -> String {
    if n <= 1 {
        "Closes today".into()
    } else {
        format!("{n} days left")
    }
}

fn opens_in(date: &str) -> String {
    format!("Opens on {}", format_date_en(date))
}

fn closed_on(date: &str) -> String {
    format!("Closed on {}", format_date_en(date))
}

fn window(from: &str, to: &str) -> String {
    format!("{} to {}", format_date_en(from), format_date_en(to))
}

fn heat(n: i64) -> String {
    format!("{n} opinion{}", s(n))
}

/// The privacy notice: (heading, paragraph) pairs. Its version is `opinion::PRIVACY_VERSION`.
static PRIVACY: &[(&str, &str)] = &[
    ("What we collect", "When you submit an opinion: the name, mobile number, subdistrict or town and community, and identity category you fill in, together with the content of your opinion, your suggested changes and your reasons. When you submit online, we also keep, for one hour, an irreversible digest of your network address to prevent abuse; the address cannot be recovered from the digest, and the digest is deleted after one hour. When staff enter an offline opinion for you, the channel through which it was received, the date and the person who entered it are recorded."),
    ("Why we collect it", "Your name and mobile number are used only so that staff can contact you when necessary to check your opinion and to tell you whether it was adopted, and so that you can check the progress with your tracking code and mobile number. The content of your opinion is used to compile summaries that are sent up to the legislature. The content of your opinion is published, without your name or contact details, only if you tick the box to agree."),
    ("Who can see it", "The public cannot see your name or mobile number. In lists, staff see your mobile number only with its middle four digits hidden; when someone views the full number, the system records who viewed it, when, and which opinion it belongs to, for audit."),
    ("How long we keep it", "Opinions and the records of how they were handled are kept as archives of legislative work. Your name, mobile number and other personal information are kept for three years from the day the call for opinions is concluded; after that they are deleted or anonymised, and the content of the opinion is kept."),
    ("How to see, correct or delete it", "You can see your opinion and how it was handled with your tracking code. To correct or delete your personal information, or to withdraw your consent to publishing your opinion, bring your tracking code to your grassroots legislative contact point, or phone the contact point during its opening hours. Once staff have verified your identity, they will deal with your request within 15 working days and tell you the result."),
    ("Session registrations and deputy appointments", "When you register for a consultation session, we collect your name, mobile number, workplace or community (optional), the questions you want to raise and your email address (optional); when you book a deputy, we collect your name, mobile number, the matter you want to raise and your email address (optional). This information is used only to arrange your seat or the meeting, to check you in on the day, to notify you of changes and send reminders, and to tell you the outcome. In staff lists, mobile numbers likewise have their middle four digits hidden. The summaries of deputies' reception work published on their pages contain no names, phone numbers or other personal information. Registration and booking information is kept for three years from the day the session or meeting ends; after that it is deleted or anonymised."),
    ("Version", "Version of this notice: 2026-11. When the notice is updated, we will publish the new version on this page; every opinion records the version that was agreed to when it was submitted."),
];

fn level(k: ProvisionKind) -> &'static str {
    match k {
        ProvisionKind::Part => "Part",
        ProvisionKind::Subpart => "Sub-part",
        ProvisionKind::Chapter => "Chapter",
        ProvisionKind::Section => "Section",
        ProvisionKind::Article => "Article",
        ProvisionKind::Paragraph => "Paragraph",
        ProvisionKind::Item => "Item",
        ProvisionKind::SubItem => "Sub-item",
    }
}

fn parse_warning(w: &ParseWarning) -> String {
    match w {
        ParseWarning::Skipped {
            kind,
            expected,
            found,
            line,
        } => format!(
            "Line {line}: the numbering skips here: {l} {expected} was expected, but this is {l} {found}.",
            l = level(*kind)
        ),
        ParseWarning::Repeated { kind, number, line } => format!(
            "Line {line}: {l} {number} appears again or out of order.",
            l = level(*kind)
        ),
        ParseWarning::Orphan { line, text } => {
            let short: String = text.chars().take(30).collect();
            format!("Line {line}: “{short}” belongs to no article and will not be shown after saving.")
        }
        ParseWarning::Amendment { point: 0, problem } => {
            (crate::i18n::en::trail::EN.amend_problem)(problem)
        }
        ParseWarning::Amendment { point, problem } => format!(
            "Amendment point {}: {}",
            point,
            (crate::i18n::en::trail::EN.amend_problem)(problem)
        ),
        ParseWarning::NoArticles => {
            "No articles were recognised (each article should begin with a number such as “第一条”, “第二条”, as in the Chinese text).".into()
        }
    }
}

fn reject_reason(r: RejectReason) -> &'static str {
    match r {
        RejectReason::Spam => "Spam",
        RejectReason::OffTopic => "Not related to the subject of the call for opinions",
        RejectReason::Abusive => "Contains abusive or offensive content",
        RejectReason::Duplicate => "Repeats an existing opinion",
        RejectReason::Petition => "A petition (letters and visits) matter",
        RejectReason::Litigation => "A matter for litigation",
        RejectReason::Arbitration => "A matter for arbitration",
    }
}

/// What a resident reads when their matter belongs to another channel and staff wrote nothing
/// more specific.
fn referral_default(r: RejectReason) -> &'static str {
    match r {
        RejectReason::Petition => "What you raised is a specific petition (letters and visits) matter and falls outside the scope of this call for opinions on legislation. Please raise it with the District Letters and Visits Bureau or the department concerned; you can also use the online platform of the National Public Complaints and Proposals Administration. We will not pass it on.",
        RejectReason::Litigation => "What you raised is a matter to be dealt with through litigation. Please bring a case before the people's court according to law or consult a lawyer; if you need legal aid, you can call the 12348 public legal services hotline.",
        RejectReason::Arbitration => "What you raised is a matter to be dealt with through arbitration. For a labour or personnel dispute, please apply for arbitration to the District Labour and Personnel Dispute Arbitration Court; for other contract disputes, you can apply to an arbitration commission as agreed in the contract. You can call 12348 for advice.",
        _ => "",
    }
}

fn similar_percent(p: u8) -> String {
    format!("{p}% similar")
}

/// The names of the audit log's actions.
pub fn audit_action(code: &str) -> Option<&'static str> {
    Some(match code {
        "account.create" => "Create account",
        "account.disable" => "Disable account",
        "account.enable" => "Enable account",
        "account.reset_password" => "Reset password",
        "account.grant_personal_data" => "Grant personal data access",
        "account.revoke_personal_data" => "Revoke personal data access",
        "session.sign_in" => "Sign in",
        "opinion.transition" => "Review opinion or record feedback",
        "opinion.view_contact" => "View resident's personal information",
        "opinion.enter_offline" => "Enter offline opinion",
        "report.create" => "Create opinion summary table",
        "report.edit" => "Edit opinion summary table",
        "report.refresh" => "Add opinions to summary table",
        "report.send" => "Record sending up",
        "report.export" => "Export opinion summary table",
        "solicitation.create" => "Create call for opinions",
        "solicitation.update" => "Edit call for opinions",
        "draft.add_version" => "Enter new draft version",
        "story.create" => "Create story",
        "story.update" => "Edit story",
        "story.publish" => "Publish story",
        "story.unpublish" => "Unpublish story",
        _ => return None,
    })
}
