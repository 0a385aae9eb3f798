//! `/solicitations/{id}/opinions/new`: the resident's opinion form (`?article=3` preselects an
//! article). No account is needed. A submission with problems comes back here with everything
//! typed; a solicitation that does not take opinions says so with its dates.

use crate::api::opinions::{opinion_form, OpinionFormData, SubmitOpinion};
use crate::components::{
    feedback::{ErrorSummary, ErrorView},
    opinion::{labels, Checkbox, OpinionFields},
    solicitation::phase_text,
};
use crate::domain::solicitation::{Phase, Stage};
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{id_param, loading, public::not_found::NotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn OpinionForm(data: OpinionFormData, action: ServerAction<SubmitOpinion>) -> impl IntoView {
    let t = t();
    let s = data.state;
    let sol = data.solicitation;
    let back = format!("/solicitations/{}", sol.id);
    let whole = if sol.stage == Stage::Drafting {
        t.op_target_whole
    } else {
        t.op_target_general
    };
    // The form is shown while opinions are taken, and whenever a submission came back, so that
    // nothing typed is lost even if the solicitation closed in between.
    let show_form = data.phase == Phase::Accepting || !s.errors.is_empty();
    let consent_error = s
        .problem("consent")
        .map(|p| (t.problem)(t.privacy_title, &p));
    let consent_label = view! {
        {t.op_consent_before}<a href="/privacy" target="_blank">{t.op_privacy_link}</a>
    }
    .into_any();
    view! {
        <PageTitle text=format!("{} - {}", t.op_title, sol.title)/>
        <h1>{t.op_title}</h1>
        <p class="lead">{t.op_about}{crate::i18n::t().colon}<a href=back.clone()>{sol.title.clone()}</a></p>
        {(data.phase != Phase::Accepting).then(|| view! { <p class="notice warn">{phase_text(&sol, data.now)}" "{(t.window)(&sol.opens_on(), &sol.closes_on())}</p> })}
        <ErrorSummary errors=s.errors.clone() labels=labels()/>
        {data.moved.clone().map(|m| view! { <p class="notice warn">{m}</p> })}
        {show_form.then(|| view! {
            <p class="hint">{t.op_lead}</p>
            <ActionForm action=action attr:class="form" attr:id="opinion-form">
                <input type="hidden" name="solicitation_id" value=sol.id.to_string()/>
                <input type="hidden" name="submit_key" value=s.value("submit_key")/>
                <input type="hidden" name="version" value=s.value("version")/>
                <OpinionFields s=s.clone() targets=data.targets streets=data.streets whole_label=whole online=true/>
                <Checkbox name="consent" label=consent_label checked=s.value("consent") == "1" error=consent_error/>
                <div class="buttons">
                    <button type="submit">{t.op_submit}</button>
                    <a class="button secondary" href=back>{t.cancel}</a>
                </div>
            </ActionForm>
        })}
    }
}

#[component]
pub fn OpinionFormPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (id_param(params), q.get("article"), q.get("draft"))
        },
        |(id, article, draft)| opinion_form(id, article, draft),
    );
    let submit = ServerAction::<SubmitOpinion>::new();
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <OpinionForm data action=submit/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
