//! `/staff/deputies`: the deputies staff manage; `/staff/deputies/new` and `…/{id}/edit`: the
//! profile editor; `/staff/deputies/{id}`: a deputy's reception slots, adding and cancelling
//! them, and the QR poster.

use crate::api::deputies::{
    deputy_form, staff_deputies, staff_deputy, AddSlot, CancelSlot, DeputyEditorData, SaveDeputy,
    StaffDeputyData,
};
use crate::components::{
    deputy::slot_line,
    editor::{editor_page, EditorButtons, RecordKeys},
    feedback::{ErrorSummary, ErrorView, Notice},
    field::{Control, Field, Select},
    opinion::Checkbox,
};
use crate::domain::deputy::{Level, CONSTITUENCY, DEPUTY_NAME, INTRO, RECEPTION_DAYS};
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

#[component]
pub fn StaffDeputiesPage() -> impl IntoView {
    let t = t();
    let list = Resource::new(|| (), |_| staff_deputies());
    view! {
        <PageTitle text=t.dp.staff_title/>
        <h1>{t.dp.staff_title}</h1>
        <p><a class="button" href="/staff/deputies/new">{t.dp.new}</a>" "<a href="/staff/appointments">{t.dp.appointments}</a></p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) if list.is_empty() => view! { <p>{t.dp.staff_empty}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="stack">
                                <thead><tr>
                                    <th scope="col">{t.op_name}</th>
                                    <th scope="col">{t.dp.field_level}</th>
                                    <th scope="col">{t.station}</th>
                                    <th scope="col">{t.status}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|d| view! {
                                        <tr>
                                            <td><a href=format!("/staff/deputies/{}", d.id)>{d.name.clone()}</a></td>
                                            <td data-label=t.dp.field_level>{(t.dp.level)(d.level)}</td>
                                            <td data-label=t.station>{d.station_name.clone()}</td>
                                            <td data-label=t.status>{if d.published { t.published } else { t.unpublished }}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
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
fn Editor(form: DeputyEditorData, action: ServerAction<SaveDeputy>) -> impl IntoView {
    let t = t();
    let s = form.editing.state.clone();
    let levels = Level::ALL
        .iter()
        .map(|l| (l.code().to_string(), (t.dp.level)(*l).to_string()))
        .collect();
    let stations = std::iter::once((String::new(), t.no_station.to_string()))
        .chain(
            form.stations
                .iter()
                .map(|st| (st.id.to_string(), st.name.clone())),
        )
        .collect();
    let labels = vec![
        ("name", t.op_name),
        ("level", t.dp.field_level),
        ("constituency", t.dp.constituency),
        ("station", t.station),
        ("intro", t.dp.intro),
        ("reception_days", t.dp.reception_days),
    ];
    view! {
        <ErrorSummary errors=s.errors.clone() labels/>
        <ActionForm action=action attr:class="form">
            <RecordKeys editing=form.editing.clone()/>
            <Field name="name" label=t.op_name value=s.value("name") problem=s.problem("name") max=DEPUTY_NAME.max required=true/>
            <Select name="level" label=t.dp.field_level value=s.value("level") options=levels problem=s.problem("level")/>
            <Field name="constituency" label=t.dp.constituency value=s.value("constituency") problem=s.problem("constituency")
                hint=t.dp.constituency_hint max=CONSTITUENCY.max/>
            <Select name="station" label=t.station value=s.value("station") options=stations problem=s.problem("station")/>
            <Field name="reception_days" label=t.dp.reception_days value=s.value("reception_days") problem=s.problem("reception_days")
                hint=t.dp.reception_days_hint max=RECEPTION_DAYS.max/>
            <Field name="intro" label=t.dp.intro value=s.value("intro") problem=s.problem("intro")
                max=INTRO.max control=Control::TextArea(5)/>
            <Checkbox name="published" label=view! { {t.dp.field_published} }.into_any() checked=s.value("published") == "1"/>
            <EditorButtons list="/staff/deputies" id=form.editing.id/>
        </ActionForm>
    }
}

#[component]
pub fn DeputyFormPage() -> impl IntoView {
    let t = t();
    let save = ServerAction::<SaveDeputy>::new();
    editor_page(
        deputy_form,
        (t.dp.new, t.dp.edit),
        move |form| view! { <Editor form action=save/> },
    )
}

#[component]
fn DeputySlots(
    data: StaffDeputyData,
    add: ServerAction<AddSlot>,
    cancel: ServerAction<CancelSlot>,
) -> impl IntoView {
    let t = t();
    let d = data.deputy;
    let id = d.id;
    let s = data.form;
    let stations: Vec<(String, String)> =
        std::iter::once((String::new(), t.no_station.to_string()))
            .chain(
                data.stations
                    .iter()
                    .map(|st| (st.id.to_string(), st.name.clone())),
            )
            .collect();
    let now = data.now;
    let rows = data
        .slots
        .into_iter()
        .map(|slot| {
            let live = !slot.cancelled && slot.starts_at > now;
            view! {
                <li>
                    {slot_line(&slot)}
                    {slot.cancelled.then(|| view! { " "<span class="badge warn">{t.dp.slot_cancelled}</span> })}
                    {live.then(|| view! {
                        " "
                        <ActionForm action=cancel attr:class="inline-form">
                            <input type="hidden" name="deputy_id" value=id.to_string()/>
                            <input type="hidden" name="slot_id" value=slot.id.to_string()/>
                            <button type="submit" class="secondary small">{t.dp.cancel_slot}</button>
                        </ActionForm>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=d.name.clone()/>
        <p class="kind">{(t.dp.level)(d.level)}</p>
        <h1>{d.name.clone()}</h1>
        <dl class="facts">
            <dt>{t.status}</dt><dd>{if d.published { t.published } else { t.unpublished }}</dd>
            <dt>{t.station}</dt><dd>{d.station_name.clone()}</dd>
            <dt>{t.dp.book_link}</dt><dd><a href=data.book_url.clone()>{data.book_url.clone()}</a></dd>
        </dl>
        <div class="toolbar">
            <a class="button secondary" href=format!("/staff/deputies/{id}/edit")>{t.edit}</a>
            <a href=format!("/deputies/{id}/poster")>{t.dp.poster}</a>
            <a href=format!("/deputies/{id}")>{t.sol_view_public}</a>
            <a href="/staff/appointments">{t.dp.appointments}</a>
        </div>
        <h2 id="slots">{t.dp.slots}</h2>
        <ul>{rows}</ul>
        <h3>{t.dp.add_slot}</h3>
        <ErrorSummary errors=s.errors.clone() labels=vec![("date", t.cs.field_date), ("start_time", t.cs.field_start), ("end_time", t.cs.field_end), ("capacity", t.dp.slot_capacity), ("station", t.station)]/>
        <ActionForm action=add attr:class="form">
            <input type="hidden" name="deputy_id" value=id.to_string()/>
            <Field name="date" label=t.cs.field_date value=s.value("date") problem=s.problem("date") required=true control=Control::Input("date")/>
            <Field name="start_time" label=t.cs.field_start value=s.value("start_time") problem=s.problem("start_time")
                hint=t.cs.time_hint required=true control=Control::Input("time")/>
            <Field name="end_time" label=t.cs.field_end value=s.value("end_time") problem=s.problem("end_time")
                hint=t.cs.time_hint required=true control=Control::Input("time")/>
            <Field name="capacity" label=t.dp.slot_capacity value=s.value("capacity") problem=s.problem("capacity")
                hint=t.dp.slot_capacity_hint required=true control=Control::Input("number")/>
            <Select name="station" label=t.station value=s.value("station") options=stations problem=s.problem("station")/>
            <div class="buttons"><button type="submit">{t.dp.add_slot}</button></div>
        </ActionForm>
    }
}

#[component]
pub fn StaffDeputyPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let location = use_location();
    let data = Resource::new(
        move || {
            (
                id_param(params),
                query.read().get("draft"),
                location.search.get(),
            )
        },
        |(id, draft, _)| staff_deputy(id, draft),
    );
    let add = ServerAction::<AddSlot>::new();
    let cancel = ServerAction::<CancelSlot>::new();
    let notice = move || {
        query.read().get("done").and_then(|d| match d.as_str() {
            "saved" | "slot" => Some(t.saved),
            "slot_cancelled" => Some(t.dp.slot_cancelled_done),
            _ => None,
        })
    };
    view! {
        {move || notice().map(|n| view! { <Notice text=n/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <DeputySlots data add cancel/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
