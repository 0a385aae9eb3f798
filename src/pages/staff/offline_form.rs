//! `/staff/solicitations/{id}/opinions/new`: staff enter an opinion gathered offline (座谈会,
//! 信件, 电话, 意见箱, 信息员, 来访) on a resident's behalf.

use crate::api::opinions::{offline_form, EnterOfflineOpinion, OpinionFormData};
use crate::components::{
    feedback::{ErrorSummary, ErrorView},
    field::{Control, Field, Select},
    opinion::{labels, OpinionFields},
};
use crate::domain::opinion::Channel;
use crate::domain::solicitation::Stage;
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn OfflineForm(data: OpinionFormData, action: ServerAction<EnterOfflineOpinion>) -> impl IntoView {
    let t = t();
    let s = data.state;
    let sol = data.solicitation;
    let whole = if sol.stage == Stage::Drafting {
        t.op_target_whole
    } else {
        t.op_target_general
    };
    let channels = Channel::ALL
        .iter()
        .filter(|c| **c != Channel::Online)
        .map(|c| (c.code().to_string(), (t.channel)(*c).to_string()))
        .collect();
    let back = format!("/staff/solicitations/{}", sol.id);
    view! {
        <p class="lead">{t.op_about}{crate::i18n::t().colon}<a href=back.clone()>{sol.title.clone()}</a></p>
        <p class="hint">{t.off_lead}</p>
        {(!s.value("registration_code").is_empty()).then(|| view! {
            <p class="notice">{(t.cs.from_registration)(&s.value("registration_code"))}</p>
        })}
        <ErrorSummary errors=s.errors.clone() labels=labels()/>
        <ActionForm action=action attr:class="form">
            <input type="hidden" name="solicitation_id" value=sol.id.to_string()/>
            <input type="hidden" name="registration" value=s.value("registration")/>
            <Select name="channel" label=t.off_channel value=s.value("channel") options=channels problem=s.problem("channel")/>
            <Field name="received_on" label=t.off_received_on value=s.value("received_on") problem=s.problem("received_on")
                required=true control=Control::Input("date")/>
            <OpinionFields s=s.clone() targets=data.targets streets=data.streets whole_label=whole online=false/>
            <div class="buttons">
                <button type="submit">{t.save}</button>
                <a class="button secondary" href=back>{t.cancel}</a>
            </div>
        </ActionForm>
    }
}

#[component]
pub fn OfflineFormPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            let registration = q.get("registration").and_then(|r| r.parse::<i64>().ok());
            (id_param(params), q.get("draft"), registration)
        },
        |(id, draft, registration)| offline_form(id, draft, registration),
    );
    let save = ServerAction::<EnterOfflineOpinion>::new();
    view! {
        <PageTitle text=t.off_title/>
        <h1>{t.off_title}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <OfflineForm data action=save/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
