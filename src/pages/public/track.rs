//! `/track` and `/track/{code}`: a resident follows an opinion. The lookup form takes the code
//! and the mobile number given with it; the private link (`?k=`) opens the status page directly.
//! Every failure reads the same, so that a code cannot be probed.

use crate::api::opinions::{track_form, track_opinion, FindOpinion, TrackPage};
use crate::components::{
    feedback::{ErrorSummary, ErrorView},
    field::{Control, Field},
    opinion::{ArticleTrail, EnactedView, Timeline},
};
use crate::domain::opinion::normalize_prefixed;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::public::{
    appointment::AppointmentStatusPage, registration::RegistrationStatusPage,
};
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn TrackLookupPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let form = Resource::new(
        move || (query.read().get("code"), query.read().get("draft")),
        |(code, draft)| track_form(code, draft),
    );
    let find = ServerAction::<FindOpinion>::new();
    view! {
        <PageTitle text=t.track_title/>
        <h1>{t.track_title}</h1>
        <p class="lead">{t.track_lead}</p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(s) => view! {
                        <div class="narrow">
                            <ErrorSummary errors=s.errors.clone() labels=vec![("code", t.op_code), ("phone", t.op_phone)]/>
                            <ActionForm action=find attr:class="form">
                                <Field name="code" label=t.op_code value=s.value("code") problem=s.problem("code")
                                    hint=t.track_code_hint required=true/>
                                <Field name="phone" label=t.op_phone value=s.value("phone") problem=s.problem("phone")
                                    required=true control=Control::Input("tel") autocomplete="tel"/>
                                <div class="buttons"><button type="submit">{t.track_submit}</button></div>
                            </ActionForm>
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Status(p: TrackPage, new: bool) -> impl IntoView {
    let t = t();
    let v = p.view;
    let back = format!("/solicitations/{}", v.solicitation_id);
    let receipt = new.then(|| {
        view! {
            <section class="receipt" role="status">
                <h1>{t.op_receipt_title}</h1>
                <p>{t.op_receipt_lead}</p>
                <p class="code-line">{t.op_code}{crate::i18n::t().colon}<strong class="code">{v.code.clone()}</strong></p>
                <p>{t.op_private_link}{crate::i18n::t().colon}<a class="private-link" href=p.link.clone()>{p.link.clone()}</a></p>
                <p class="hint">{t.op_private_link_hint}</p>
            </section>
        }
    });
    view! {
        <PageTitle text=format!("{} {}", t.op_code, v.code)/>
        {receipt}
        {(!new).then(|| view! { <h1>{t.op_code}" "{v.code.clone()}</h1> })}
        <section class="story">
            <dl class="facts">
                <dt>{t.op_status}</dt><dd><strong class="status">{(t.opinion_status)(v.status)}</strong></dd>
                {v.reject_reason.map(|r| view! { <dt>{t.op_reject_reason}</dt><dd>{(t.reject_reason)(r)}</dd> })}
                <dt>{t.op_about}</dt><dd><a href=back>{v.solicitation_title.clone()}</a></dd>
                {(!v.target_label.is_empty()).then(|| view! { <dt>{t.op_target}</dt><dd>{v.target_label.clone()}</dd> })}
                <dt>{t.op_channel}</dt><dd>{(t.channel)(v.channel)}</dd>
                <dt>{t.op_received_on}</dt><dd>{crate::i18n::date(&v.received_on)}</dd>
            </dl>
            {v.merged_into.clone().map(|c| view! { <p class="notice">{(t.op_merged_into)(&c)}</p> })}
            {v.merged_outcome.clone().map(|e| view! {
                <h2>{t.op_merged_outcome}</h2>
                <Timeline entries=vec![e]/>
            })}
            <h2>{t.op_timeline}</h2>
            <Timeline entries=v.timeline.clone()/>
            <ArticleTrail solicitation_id=v.solicitation_id target_label=v.target_label.clone()
                version_label=v.version_label.clone() hops=v.trail.clone()/>
            {v.enacted.clone().map(|e| view! { <EnactedView e/> })}
            <h2>{t.op_your_opinion}</h2>
            <p class="pre">{v.content.clone()}</p>
            {(!v.suggestion.is_empty()).then(|| view! { <h3>{t.op_suggestion}</h3><p class="pre">{v.suggestion.clone()}</p> })}
            {(!v.reason.is_empty()).then(|| view! { <h3>{t.op_reason}</h3><p class="pre">{v.reason.clone()}</p> })}
        </section>
    }
}

/// What a code that leads nowhere shows (a wrong secret, an unknown or malformed code): the same
/// words for all, and the way to look it up by code and phone number.
#[component]
pub fn TrackNotFound() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let code = params.read_untracked().get("code").unwrap_or_default();
    let href = format!("/track?code={}", urlencoding::encode(&code));
    view! {
        <PageTitle text=t.track_title/>
        <section class="error-view">
            <h1>{t.track_title}</h1>
            <p>{t.track_not_found}</p>
            <p><a href=href>{t.track_lookup_link}</a></p>
        </section>
    }
}

/// `/track/{code}`: a registration code (`BM-…`) shows the registration, an appointment code
/// (`YY-…`) the appointment, any other the opinion.
#[component]
pub fn TrackPageView() -> impl IntoView {
    let params = use_params_map();
    let kind = move || {
        let code = params.read().get("code").unwrap_or_default();
        if normalize_prefixed(&code, "BM").is_some() {
            "registration"
        } else if normalize_prefixed(&code, "YY").is_some() {
            "appointment"
        } else {
            "opinion"
        }
    };
    move || match kind() {
        "registration" => view! { <RegistrationStatusPage/> }.into_any(),
        "appointment" => view! { <AppointmentStatusPage/> }.into_any(),
        _ => view! { <OpinionTrackPage/> }.into_any(),
    }
}

#[component]
fn OpinionTrackPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.read().get("code").unwrap_or_default(),
                query.read().get("k"),
            )
        },
        |(code, k)| track_opinion(code, k),
    );
    let new = move || query.read().get("new").as_deref() == Some("1");
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <Status p new=new()/> }.into_any(),
                    Err(AppError::NotFound) => view! { <TrackNotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
