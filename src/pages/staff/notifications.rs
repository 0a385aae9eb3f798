//! `/staff/notifications`: messages to residents that staff deliver by hand (no e-mail address,
//! or no mail server), and those that could not be sent, each ready to print.

use crate::api::notifications::staff_notifications;
use crate::components::feedback::ErrorView;
use crate::domain::time::format_datetime_zh;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let t = t();
    let data = Resource::new(|| (), |_| staff_notifications());
    view! {
        <PageTitle text=t.nt_title/>
        <h1>{t.nt_title}</h1>
        <p class="hint">{t.nt_lead}</p>
        <p class="no-print"><button type="button" class="secondary" onclick=crate::components::scripts::PRINT>{t.op_print}</button></p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if list.is_empty() => view! { <p>{t.nt_empty}</p> }.into_any(),
                    Ok(list) => list.into_iter().map(|n| view! {
                        <article class="card notice-letter">
                            <h2>{n.subject.clone()}</h2>
                            <p class="hint">
                                {(t.nt_status)(&n.status)}" · "{format_datetime_zh(n.updated_at)}" · "
                                {if n.opinion_id > 0 {
                                    view! { <a href=format!("/staff/opinions/{}", n.opinion_id)>{n.code.clone()}</a> }.into_any()
                                } else {
                                    view! { <span class="code">{n.code.clone()}</span> }.into_any()
                                }}
                            </p>
                            <p>{t.nt_to}"："{n.name.clone()}" "{n.phone.clone()}" "{n.email.clone()}</p>
                            <p class="pre">{n.body.clone()}</p>
                            {(!n.last_error.is_empty()).then(|| view! { <p class="error">{n.last_error.clone()}</p> })}
                        </article>
                    }).collect_view().into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
