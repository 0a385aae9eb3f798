//! English texts of consultation sessions and registrations.

use crate::domain::consultation::{Kind, RegStatus, Status};
use crate::i18n::consultations::ConsultTexts;

/// "1 seat", "3 seats".
fn seats(n: i64) -> String {
    if n == 1 {
        "1 seat".to_string()
    } else {
        format!("{n} seats")
    }
}

/// "1 person", "3 people".
fn people(n: i64) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// English.
pub static EN: ConsultTexts = ConsultTexts {
    nav: "Consultation sessions",
    home_title: "Upcoming consultation sessions",
    home_none: "No consultation sessions are scheduled at the moment.",
    home_all: "See all consultation sessions",
    title: "Consultation sessions",
    lead: "Consultation meetings, forums, hearings, expert evaluation meetings and deputy reception days: sign up to take part and give your opinions and suggestions in person.",
    subscribe: "Subscribe to the session calendar (iCal)",
    subscribe_hint: "Add this link to the calendar app on your phone or computer, and new sessions will appear in it automatically.",
    all_kinds: "All types",
    all_stations: "All contact points",
    month: "Month",
    filter: "Filter",
    empty: "No sessions match these filters.",
    kind: |k| match k {
        Kind::Deliberation => "Consultation meeting",
        Kind::Forum => "Forum",
        Kind::Hearing => "Hearing",
        Kind::Argumentation => "Expert evaluation meeting",
        Kind::Reception => "Deputy reception day",
    },
    status: |s| match s {
        Status::Draft => "Draft (not published)",
        Status::Published => "Published",
        Status::Cancelled => "Cancelled",
        Status::Completed => "Completed",
    },
    reg_status: |s| match s {
        RegStatus::Confirmed => "Registered",
        RegStatus::Waitlisted => "On the waiting list",
        RegStatus::Cancelled => "Cancelled",
        RegStatus::Attended => "Checked in",
        RegStatus::Absent => "Did not attend",
    },
    status_cancelled: "Cancelled",
    time: "Time",
    place: "Place",
    online_link: "Link to join online",
    registration: "Registration",
    capacity: "Seats",
    capacity_line: |capacity, taken, waiting| {
        if waiting > 0 {
            format!(
                "{} in total, {taken} registered, {} on the waiting list",
                seats(capacity),
                people(waiting)
            )
        } else {
            format!("{} in total, {taken} registered", seats(capacity))
        }
    },
    phase_cancelled: "This session has been cancelled.",
    phase_unpublished: "Not published yet.",
    phase_not_yet: |opens| format!("Registration has not opened yet. It opens on {opens}."),
    phase_over: "This session is over.",
    phase_closed: "Registration has closed.",
    phase_full: |closes, waiting| format!("All seats are taken, but you can join the waiting list ({} already waiting; when someone cancels, places go to the waiting list in order of registration). Registration closes on {closes}.", people(waiting)),
    phase_open: |left, closes| format!("Registration is open: {} left. Registration closes on {closes}.", seats(left)),
    cancelled_notice: "This session has been cancelled. Residents who registered will be notified.",
    cancel_reason: "Reason for cancellation",
    cancel_reason_hint: "Fill in when changing the status to “Cancelled”; it will be sent to every resident who registered",
    linked_solicitation: "Related call for opinions",
    no_solicitation: "(None)",
    add_to_calendar: "Add to calendar (.ics)",
    outcomes: "Outcomes of the consultation",
    minutes: "Minutes of the session",
    register_title: "Sign up",
    register_lead: "No account is needed. Each phone number can take one seat; once all seats are taken you can join the waiting list, and places freed by cancellations go to the waiting list in order of registration.",
    register_submit: "Submit registration",
    join_waitlist: "Join the waiting list",
    organisation: "Employer or residential community",
    organisation_hint: "Optional",
    questions: "Questions or opinions you would like to raise",
    questions_hint: "Optional; helps staff prepare in advance",
    email_hint: "Optional: if you give an email address, notices of cancellation, of moving up from the waiting list and a reminder the day before the session will be sent to it",
    phone_hint: "Used to check your registration and to contact you; never shown on public pages",
    find_registration: "Already registered? You can view or cancel your registration with your registration code and phone number:",
    back: "Back to the list of sessions",
    receipt_title: "Registration submitted",
    receipt_confirmed: "You are registered. Please keep the registration code and private link below; on the day of the session, check in with your registration code.",
    receipt_waitlisted: "All seats are taken, so you are on the waiting list. When someone cancels, places go to the waiting list in order of registration, and you will be notified if you move up. Please keep the registration code and private link below.",
    reg_code: "Registration code",
    private_link_hint: "With this link you can check the status of your registration or cancel it at any time. Please do not share it with anyone else.",
    waitlist_position: |n| format!("On the waiting list (number {n})"),
    session: "Session",
    registered_at: "Registered on",
    cancel_title: "Can't make it?",
    cancel_lead: "If you cancel, your seat goes to someone on the waiting list. A cancellation cannot be undone; to take part after all, please register again.",
    cancel_submit: "Cancel registration",
    cancel_done: "Your registration has been cancelled.",
    staff_title: "Consultation sessions",
    staff_empty: "There are no sessions yet.",
    new: "New session",
    edit: "Edit session",
    field_kind: "Type of session",
    field_title: "Name of the session",
    field_topic: "Topic",
    field_description: "Description",
    field_address: "Venue",
    field_address_hint: "The full address of an in-person session; may be left empty for an online-only session, but then the link to join online is required",
    field_online_url: "Link to join online",
    field_online_url_hint: "Optional; starts with http:// or https://",
    field_date: "Date of the session",
    field_start: "Start time",
    field_end: "End time",
    time_hint: "24-hour clock, e.g. 14:30",
    capacity_hint: "Number of people who can register, from 1 to 10000",
    field_reg_opens: "Registration opens on",
    field_reg_closes: "Registration closes on",
    field_reg_closes_hint: "Registration stays open until the end of the closing day, but closes no later than the start of the session",
    field_status: "Status",
    markdown_hint: "Markdown is supported: leave an empty line between paragraphs, start a line with “## ” for a subheading and with “- ” for a list",
    reg_window: "Registration period",
    export_csv: "Export the list of registrations (CSV)",
    export_xlsx: "Export the list of registrations (Excel)",
    checkin_title: "On-site check-in",
    checkin_hint: "Enter the registration code on the resident's receipt, such as BM-2026-7K3Q9",
    checkin_submit: "Check in",
    checked_in: |name, code| format!("{name} ({code}) is checked in."),
    registrations: "Registrations",
    no_registrations: "No one has registered yet.",
    mark_attended: "Attended",
    mark_absent: "Did not attend",
    enter_as_opinion: "Enter as an opinion",
    from_registration: |code| format!("Enter the opinion raised at the session by the resident with registration {code}. If the name and phone number are left empty, those given at registration are used."),
    opinion_entered: "Opinion entered",
    record_title: "Minutes and outcomes",
    record_lead: "Published on the session page once saved. The outcomes should state which opinions were adopted and what happens next.",
    msg_cancelled_subject: "Session cancelled",
    msg_cancelled_body: |title, when, reason| {
        let mut s = format!("“{title}” (scheduled for {when}), which you registered for, has been cancelled.");
        if !reason.is_empty() {
            s.push_str(&format!(" Reason: {reason}."));
        }
        s.push_str(" We apologise for any inconvenience.");
        s
    },
    msg_promoted_subject: "You have moved up from the waiting list",
    msg_promoted_body: |title, when| format!("A resident has cancelled, so you have moved up from the waiting list and are now registered for “{title}”, {when}. On the day, check in with your registration code; if you cannot attend, please open your registration link and cancel, so that your seat can go to another resident."),
    msg_reminder_subject: "Session reminder",
    msg_changed_subject: "Change of session time or venue",
    msg_changed_body: |title, when, place| format!("The time or venue of “{title}”, which you registered for, has changed: it will now be held on {when} at {place}. If you cannot attend, please open your registration link and cancel, so that your seat can go to another resident."),
    msg_reminder_body: |title, when, place| format!("Reminder: “{title}”, which you registered for, will be held on {when} at {place}. Please check in with your registration code; if you cannot attend, please open your registration link and cancel."),
};
