//! `/staff/notifications`: the work list of messages to residents that staff deliver by hand (no
//! e-mail address, or no mail server) or that could not be sent, each ready to print and to
//! record as delivered; and those already delivered.

use crate::api::notifications::{staff_notifications, MarkDelivered, NoticePage};
use crate::components::{
    feedback::{ErrorView, Notice},
    pager::Pager,
};
use crate::domain::notification::{Notice as Message, HOW};
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The list's address for the half `done` and page `page`.
fn href(done: bool, page: i64) -> String {
    match (done, page) {
        (false, 1) => "/staff/notifications".into(),
        (false, p) => format!("/staff/notifications?page={p}"),
        (true, p) => format!("/staff/notifications?done=1&page={p}"),
    }
}

#[component]
fn Letter(n: Message, action: ServerAction<MarkDelivered>) -> impl IntoView {
    let t = t();
    let item = n.item();
    let field = format!("how-{item}");
    view! {
        <article class="card notice-letter">
            <h2>{n.subject.clone()}</h2>
            <p class="hint">
                {(t.nt_status)(&n.status)}" · "{crate::i18n::datetime(n.updated_at)}" · "
                {if n.opinion_id > 0 {
                    view! { <a href=format!("/staff/opinions/{}", n.opinion_id)>{n.code.clone()}</a> }.into_any()
                } else {
                    view! { <span class="code">{n.code.clone()}</span> }.into_any()
                }}
            </p>
            <p>{t.nt_to}{crate::i18n::t().colon}{n.name.clone()}" "{n.phone.clone()}" "{n.email.clone()}</p>
            <p class="pre">{n.body.clone()}</p>
            {(!n.last_error.is_empty()).then(|| view! { <p class="error">{n.last_error.clone()}</p> })}
            {match n.delivered_at {
                Some(at) if n.delivered_note == "superseded" => view! {
                    <p class="notice">{(t.nt_superseded)(&crate::i18n::datetime(at))}</p>
                }.into_any(),
                Some(at) => view! {
                    <p class="notice">{(t.nt_delivered)(&crate::i18n::datetime(at), &n.delivered_by, (t.nt_how)(&n.delivered_note))}</p>
                }.into_any(),
                None => view! {
                    <ActionForm action=action attr:class="inline no-print">
                        <input type="hidden" name="item" value=item/>
                        <label for=field.clone()>{t.nt_how_label}</label>
                        <select id=field name="how">
                            {HOW.iter().map(|h| view! { <option value=*h>{(t.nt_how)(h)}</option> }).collect_view()}
                        </select>
                        <button type="submit">{t.nt_mark}</button>
                    </ActionForm>
                }.into_any(),
            }}
        </article>
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let action = ServerAction::<MarkDelivered>::new();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                q.get("done"),
                q.get("page").and_then(|p| p.parse::<i64>().ok()),
                q.get("saved"),
                action.version().get(),
            )
        },
        |(done, page, _, _)| staff_notifications(done, page),
    );
    let saved = move || match query.read().get("saved").as_deref() {
        Some("1") => Some(t.nt_saved),
        Some("0") => Some(t.nt_already),
        _ => None,
    };
    view! {
        <PageTitle text=t.nt_title/>
        <h1>{t.nt_title}</h1>
        <p class="hint">{t.nt_lead}</p>
        {move || saved().map(|s| view! { <Notice text=s/> })}
        <p class="no-print"><button type="button" class="secondary" onclick=crate::components::scripts::PRINT>{t.op_print}</button></p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(NoticePage { items, delivered, to_do, done, page, pages }) => view! {
                        <nav class="tabs no-print" aria-label=t.nt_title>
                            <a href=href(false, 1) aria-current=(!delivered).then_some("page")>{(t.nt_to_do)(to_do)}</a>
                            <a href=href(true, 1) aria-current=delivered.then_some("page")>{(t.nt_done)(done)}</a>
                        </nav>
                        {if items.is_empty() {
                            view! { <p>{if delivered { t.nt_empty_done } else { t.nt_empty }}</p> }.into_any()
                        } else {
                            items.into_iter().map(|n| view! { <Letter n action/> }).collect_view().into_any()
                        }}
                        <Pager page pages href=move |p| href(delivered, p)/>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
