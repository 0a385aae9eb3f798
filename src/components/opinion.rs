//! The fields of an opinion, shared by the resident's form and the staff's offline entry form,
//! and the pieces of the status page (status, timeline).

use crate::components::field::{Control, Field, Select};
use crate::domain::check::Check;
use crate::domain::form::FormState;
use crate::domain::opinion::{
    Identity, TimelineEntry, COMMUNITY, CONTENT, NAME, REASON, SUGGESTION,
};
use crate::domain::solicitation::Target;
use crate::domain::text::TextRule;
use crate::i18n::t;
use leptos::prelude::*;

/// Field names and labels, for the error summary.
pub fn labels() -> Vec<(&'static str, &'static str)> {
    let t = t();
    vec![
        ("target", t.op_target),
        ("content", t.op_content),
        ("suggestion", t.op_suggestion),
        ("reason", t.op_reason),
        ("name", t.op_name),
        ("phone", t.op_phone),
        ("street", t.op_street),
        ("community", t.op_community),
        ("identity", t.op_identity),
        ("consent", t.privacy_title),
        ("email", t.op_email),
        ("channel", t.off_channel),
        ("received_on", t.off_received_on),
    ]
}

/// A checkbox with its label; checked when the form value is "1".
#[component]
pub fn Checkbox(
    name: &'static str,
    label: AnyView,
    checked: bool,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    let id = crate::components::field::field_id(name);
    let err_id = format!("{id}-error");
    let class = if error.is_some() {
        "check has-error"
    } else {
        "check"
    };
    view! {
        <div class=class>
            {error.clone().map(|m| view! { <p class="error" id=err_id.clone()>{m}</p> })}
            <input type="checkbox" id=id.clone() name=name value="1" checked=checked
                aria-describedby=error.as_ref().map(|_| err_id.clone()) aria-invalid=error.as_ref().map(|_| "true")/>
            <label for=id>{label}</label>
        </div>
    }
}

/// The opinion's own fields: what it is about, the content, suggested wording and reason, then
/// who sent it. `online` asks for the name, number and street as required.
#[component]
pub fn OpinionFields(
    s: FormState,
    targets: Vec<Target>,
    streets: Vec<String>,
    /// The label of the "whole text" choice (整部草案 or 总体意见).
    whole_label: &'static str,
    online: bool,
) -> impl IntoView {
    let t = t();
    let target_options: Vec<(String, String)> =
        std::iter::once((String::new(), whole_label.to_string()))
            .chain(targets.into_iter().map(|tg| {
                let label = if tg.key.starts_with("q-") {
                    let short: String = tg.label.chars().take(40).collect();
                    short
                } else {
                    tg.label
                };
                (tg.key, label)
            }))
            .collect();
    let street_options: Vec<(String, String)> =
        std::iter::once((String::new(), t.op_choose.to_string()))
            .chain(streets.into_iter().map(|st| (st.clone(), st)))
            .collect();
    let identities = Identity::ALL
        .iter()
        .map(|i| (i.code().to_string(), (t.identity)(*i).to_string()))
        .collect();
    view! {
        <Select name="target" label=t.op_target value=s.value("target") options=target_options problem=s.problem("target")/>
        <Field name="content" label=t.op_content value=s.value("content") problem=s.problem("content")
            hint=t.op_content_hint check=Check::Text(CONTENT) control=Control::TextArea(8)/>
        <Field name="suggestion" label=t.op_suggestion value=s.value("suggestion") problem=s.problem("suggestion")
            hint=t.op_suggestion_hint check=Check::Text(SUGGESTION) control=Control::TextArea(4)/>
        <Field name="reason" label=t.op_reason value=s.value("reason") problem=s.problem("reason")
            check=Check::Text(REASON) control=Control::TextArea(4)/>
        <fieldset class="group">
            <legend>{t.op_about_you}</legend>
            <p class="hint">{if online { t.op_about_you_hint } else { t.off_contact_hint }}</p>
            <Field name="name" label=t.op_name value=s.value("name") problem=s.problem("name")
                check=Check::Text(TextRule { required: online, ..NAME }) autocomplete="name"/>
            <Field name="phone" label=t.op_phone value=s.value("phone") problem=s.problem("phone")
                hint=t.op_phone_hint check=Check::Phone { required: online } control=Control::Input("tel") autocomplete="tel"/>
            <Select name="street" label=t.op_street value=s.value("street") options=street_options problem=s.problem("street")/>
            <Field name="community" label=t.op_community value=s.value("community") problem=s.problem("community")
                check=Check::Text(COMMUNITY)/>
            <Select name="identity" label=t.op_identity value=s.value("identity") options=identities problem=s.problem("identity")/>
            <Field name="email" label=t.op_email value=s.value("email") problem=s.problem("email")
                hint=t.op_email_hint check=Check::Email control=Control::Input("email") autocomplete="email"/>
            <Checkbox name="publish_ok" label=view! { {t.op_publish_ok} }.into_any() checked=s.value("publish_ok") == "1"/>
        </fieldset>
    }
}

/// An opinion's timeline, oldest first.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let t = t();
    let items = entries
        .into_iter()
        .map(|e| {
            view! {
                <li>
                    <time>{crate::i18n::datetime(e.at)}</time>
                    <strong>{(t.opinion_status)(e.status)}</strong>
                    {(!e.note.is_empty()).then(|| view! { <p>{e.note}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline">{items}</ol> }
}

/// The article an opinion was given on as it was then and as enacted, with the changes marked.
#[component]
pub fn EnactedView(e: crate::domain::trail::EnactedArticle) -> impl IntoView {
    use crate::domain::diff::Piece;
    let t = t();
    let notice = (t.tr.enacted_notice)(
        &crate::i18n::date(&e.enactment.adopted_on),
        &crate::i18n::date(&e.enactment.promulgated_on),
    );
    let now = match &e.now_label {
        None => view! { <p>{t.tr.enacted_deleted}</p> }.into_any(),
        Some(label) => {
            let same = e.diff.iter().all(|p| matches!(p, Piece::Same(_)));
            let text = e
                .diff
                .iter()
                .map(|p| match p {
                    Piece::Same(s) => view! { <span>{s.clone()}</span> }.into_any(),
                    Piece::Gone(s) => view! { <del><span class="visually-hidden">{t.tr.gone_mark}</span>{s.clone()}</del> }.into_any(),
                    Piece::Added(s) => view! { <ins><span class="visually-hidden">{t.tr.added_mark}</span>{s.clone()}</ins> }.into_any(),
                })
                .collect_view();
            view! {
                <h3>{(t.tr.now_heading)(label, &e.version_label)}</h3>
                <p class="art-text diff">{text}</p>
                {same.then(|| view! { <p class="hint">{t.tr.enacted_same}</p> })}
            }
            .into_any()
        }
    };
    view! {
        <section class="trail enacted" aria-labelledby="enacted-title">
            <h2 id="enacted-title">{t.tr.enacted_title}</h2>
            <p>{notice}" "<a href=e.enactment.official_url.clone() rel="external noopener">{t.tr.official_link}</a></p>
            <h3>{(t.tr.then_heading)(&e.then_label, &e.then_version)}</h3>
            <p class="art-text">{e.then_text.clone()}</p>
            {now}
        </section>
    }
}

/// What became of the article an opinion was given on, in every later version of the draft:
/// "在二审稿中为第十四条，内容已修改", with links to the article and to the 对照表.
#[component]
pub fn ArticleTrail(
    solicitation_id: i64,
    target_label: String,
    version_label: String,
    hops: Vec<crate::domain::trail::Hop>,
    /// Worded for staff ("该意见针对的…") instead of the resident ("您提意见的…").
    #[prop(optional)]
    staff: bool,
) -> impl IntoView {
    let t = t();
    (!hops.is_empty()).then(|| {
        let lead = if staff {
            t.tr.trail_lead_staff
        } else {
            t.tr.trail_lead
        };
        let lead = lead(&target_label, &version_label);
        let mut then = target_label.clone();
        let items = hops
            .into_iter()
            .map(|h| {
                let line = (t.tr.hop)(&h, &then);
                let article = h.now.first().map(|r| {
                    format!(
                        "/solicitations/{solicitation_id}?version={}#{}",
                        h.version_id, r.anchor
                    )
                });
                let compare = format!(
                    "/solicitations/{solicitation_id}/compare?to={}",
                    h.version_id
                );
                if let Some(r) = h.now.first() {
                    then = r.label.clone();
                }
                view! {
                    <li>
                        {line}{t.full_stop}" "
                        {article.map(|href| view! { <a href=href>{t.tr.see_article}</a>" " })}
                        <a href=compare>{t.tr.see_compare}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="trail" aria-labelledby="trail-title">
                <h2 id="trail-title">{t.tr.trail_title}</h2>
                <p>{lead}</p>
                <ul>{items}</ul>
            </section>
        }
    })
}
