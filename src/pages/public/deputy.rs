//! `/deputies/{id}`: a deputy's profile: level, constituency, station, introduction, reception
//! days, the reception slots still open, published accounts of meetings, and the QR code of
//! their booking page; `/deputies/{id}/poster`: that QR code on a page to print.

use crate::api::deputies::{get_deputy, DeputyPage};
use crate::components::{deputy::slot_line, feedback::ErrorView};
use crate::domain::time::iso_date;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{id_param, loading, public::not_found::NotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
fn Profile(p: DeputyPage) -> impl IntoView {
    let t = t();
    let d = p.deputy;
    let id = d.id;
    let slots = p
        .slots
        .iter()
        .map(|s| {
            let full = s.left() == 0;
            view! {
                <li>
                    {slot_line(s)}" "
                    {if full {
                        view! { <span class="badge warn">{t.dp.slot_full}</span> }.into_any()
                    } else {
                        view! { <a href=format!("/deputies/{id}/book?slot={}", s.id)>{t.dp.book_this}</a> }.into_any()
                    }}
                </li>
            }
        })
        .collect_view();
    let summaries = p
        .summaries
        .iter()
        .map(|m| {
            view! {
                <li class="card">
                    <p class="hint">{crate::i18n::date(&iso_date(m.at))}{m.handling.map(|h| format!(" · {}", (t.dp.handling)(h)))}</p>
                    <p class="pre">{m.summary.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=d.name.clone() description=format!("{} {}", d.constituency, d.intro)/>
        <p class="kind">{(t.dp.level)(d.level)}</p>
        <h1>{d.name.clone()}</h1>
        <div class="deputy-profile">
            <div>
                <dl class="facts">
                    {(!d.constituency.is_empty()).then(|| view! { <dt>{t.dp.constituency}</dt><dd>{d.constituency.clone()}</dd> })}
                    {(!d.station_name.is_empty()).then(|| view! { <dt>{t.station}</dt><dd>{d.station_name.clone()}</dd> })}
                    {(!d.reception_days.is_empty()).then(|| view! { <dt>{t.dp.reception_days}</dt><dd>{d.reception_days.clone()}</dd> })}
                </dl>
                {(!d.intro.is_empty()).then(|| view! { <p class="pre">{d.intro.clone()}</p> })}
                <p><a class="button" href=format!("/deputies/{id}/book")>{t.dp.book}</a></p>
            </div>
            <figure class="qr">
                <img src=format!("/deputies/{id}/qr.svg") width="160" height="160" alt=(t.dp.qr_alt)(&d.name)/>
                <figcaption>{t.dp.qr_caption}" "<a href=format!("/deputies/{id}/poster")>{t.dp.poster}</a></figcaption>
            </figure>
        </div>
        <h2>{t.dp.slots}</h2>
        {if p.slots.is_empty() {
            view! { <p>{t.dp.no_slots}" "<a href=format!("/deputies/{id}/book")>{t.dp.ask_other_time}</a></p> }.into_any()
        } else {
            view! { <ul>{slots}</ul> }.into_any()
        }}
        {(!p.summaries.is_empty()).then(|| view! {
            <h2>{t.dp.summaries}</h2>
            <ul class="cards single">{summaries}</ul>
        })}
        <p><a href="/deputies">{t.dp.back}</a></p>
    }
}

#[component]
pub fn DeputyPageView() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || id_param(params), get_deputy);
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <Profile p/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A poster to print and put up at the station: the deputy's name and the QR code of the
/// booking page, with its address written out for those who cannot scan.
#[component]
pub fn DeputyPosterPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let data = Resource::new(move || id_param(params), get_deputy);
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => {
                        let d = p.deputy;
                        view! {
                            <PageTitle text=format!("{} {}", t.dp.poster, d.name)/>
                            <section class="poster">
                                <p class="poster-title">{t.dp.poster_title}</p>
                                <h1>{(t.dp.level)(d.level)}" "{d.name.clone()}</h1>
                                {(!d.reception_days.is_empty()).then(|| view! { <p>{t.dp.reception_days}{crate::i18n::t().colon}{d.reception_days.clone()}</p> })}
                                <img src=format!("/deputies/{}/qr.svg", d.id) width="320" height="320" alt=(t.dp.qr_alt)(&d.name)/>
                                <p>{t.dp.poster_scan}</p>
                                <p class="code">{p.book_url.clone()}</p>
                            </section>
                            <p class="no-print"><button type="button" onclick=crate::components::scripts::PRINT>{t.op_print}</button></p>
                        }
                        .into_any()
                    }
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
