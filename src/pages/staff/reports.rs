//! `/staff/solicitations/{id}/reports`: a solicitation's 意见汇总表 and the button that compiles
//! a new one; `/staff/reports/{id}`: one report, its summaries and handling suggestions edited
//! article by article, its downloads, and the record of its sending; `/staff/reports/{id}/print`:
//! the same table and annex laid out for paper.

use crate::api::reports::{
    staff_report, staff_reports, CreateReport, FeedbackArticle, RefreshReport, ReportPage,
    SaveReport, SendReport,
};
use crate::components::{
    feedback::{ErrorSummary, ErrorView, Notice},
    field::{field_id, Control, Field},
    moderation::ActionOutcome,
};
use crate::domain::form::FormState;
use crate::domain::moderation::OUTCOMES;
use crate::domain::report::{Report, ReportItem, ReportStatus, HANDLING, SUMMARY};
use crate::i18n::{report_row_label, report_sources, report_subtitle, t};
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ReportsPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || (id_param(params), query.read().get("draft")),
        |(id, draft)| staff_reports(id, draft),
    );
    let create = ServerAction::<CreateReport>::new();
    view! {
        <PageTitle text=t.rep_list/>
        <h1>{t.rep_list}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => {
                        let errors = d.form.map(|f| f.errors).unwrap_or_default();
                        view! {
                            <p class="lead"><a href=format!("/staff/solicitations/{}", d.solicitation_id)>{d.solicitation_title.clone()}</a></p>
                            <ErrorSummary errors labels=vec![]/>
                            <p>{(t.rep_waiting)(d.waiting)}</p>
                            <ActionForm action=create>
                                <input type="hidden" name="solicitation_id" value=d.solicitation_id.to_string()/>
                                <button type="submit">{t.rep_new}</button>
                            </ActionForm>
                            {if d.reports.is_empty() {
                                view! { <p>{t.rep_none}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="reports">
                                        {d.reports.into_iter().map(|r| view! {
                                            <li>
                                                <a href=format!("/staff/reports/{}", r.id)>{r.title.clone()}</a>
                                                " · "{(t.rep_status)(r.status)}" · "{(t.rep_count)(r.opinions)}
                                                {(r.status == ReportStatus::Sent).then(|| format!(" · {}", (t.rep_sent_to)(&r.recipient, &r.sent_on)))}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The table of a report, read-only: for the sent report and the printable page.
#[component]
fn ReportTable(report: Report) -> impl IntoView {
    let t = t();
    view! {
        <div class="table-wrap">
            <table class="stack report">
                <thead><tr>
                    <th scope="col">{t.rep_col_article}</th>
                    <th scope="col">{t.rep_col_text}</th>
                    <th scope="col">{t.rep_col_summary}</th>
                    <th scope="col">{t.rep_col_count}</th>
                    <th scope="col">{t.rep_col_people}</th>
                    <th scope="col">{t.rep_col_sources}</th>
                    <th scope="col">{t.rep_col_handling}</th>
                </tr></thead>
                <tbody>
                    {report.items.iter().map(|i| view! {
                        <tr>
                            <th scope="row">{report_row_label(i)}</th>
                            <td data-label=t.rep_col_text class="pre">{i.article_text.clone()}</td>
                            <td data-label=t.rep_col_summary class="pre">{i.summary.clone()}</td>
                            <td data-label=t.rep_col_count>{i.opinions}</td>
                            <td data-label=t.rep_col_people>{i.people}</td>
                            <td data-label=t.rep_col_sources>{report_sources(i)}</td>
                            <td data-label=t.rep_col_handling class="pre">{i.handling.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The annex: every opinion of the report.
#[component]
fn Annex(report: Report) -> impl IntoView {
    let t = t();
    let personal = report.with_personal;
    view! {
        <h2>{t.rep_annex_title}</h2>
        <div class="table-wrap">
            <table class="stack annex">
                <thead><tr>
                    <th scope="col">{t.op_code}</th>
                    <th scope="col">{t.rep_col_article}</th>
                    <th scope="col">{t.op_content}</th>
                    <th scope="col">{t.op_channel}</th>
                    <th scope="col">{t.op_street}</th>
                    <th scope="col">{t.op_identity}</th>
                    {personal.then(|| view! { <th scope="col">{t.op_name}</th><th scope="col">{t.op_phone}</th> })}
                </tr></thead>
                <tbody>
                    {report.annex.iter().map(|o| view! {
                        <tr>
                            <td>{o.code.clone()}</td>
                            <td data-label=t.rep_col_article>{if o.target_label.is_empty() { t.rep_whole.to_string() } else { o.target_label.clone() }}</td>
                            <td data-label=t.op_content class="pre">{o.content.clone()}
                                {(!o.suggestion.is_empty()).then(|| format!("\n{}{}{}", t.op_suggestion, crate::i18n::t().colon, o.suggestion))}</td>
                            <td data-label=t.op_channel>{(t.channel)(o.channel)}" · "{crate::i18n::date(&o.received_on)}</td>
                            <td data-label=t.op_street>{o.street.clone()}</td>
                            <td data-label=t.op_identity>{(t.identity)(o.identity)}</td>
                            {personal.then(|| view! {
                                <td data-label=t.op_name>{o.name.clone()}</td>
                                <td data-label=t.op_phone>{o.phone.clone()}</td>
                            })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ReportEditor(
    d: ReportPage,
    save: ServerAction<SaveReport>,
    refresh: ServerAction<RefreshReport>,
    send: ServerAction<SendReport>,
    feedback: ServerAction<FeedbackArticle>,
) -> impl IntoView {
    let t = t();
    let r = d.report.clone();
    let (id_refresh, id_save, id_send) = (r.id.to_string(), r.id.to_string(), r.id.to_string());
    let form = d.form.clone().unwrap_or_default();
    let exports = [
        ("docx", "Word (.docx)"),
        ("xlsx", "Excel (.xlsx)"),
        ("csv", "CSV"),
        ("annex.csv", crate::i18n::t().export_annex_csv),
    ];
    let draft = r.status == ReportStatus::Draft;
    // Problems of the row fields (`summary-3`) named with their row: "第三条的意见摘要最多……".
    let mut other_errors = form.errors.clone();
    let mut row_errors: Vec<(String, String)> = Vec::new();
    for (field, p) in &form.errors.0 {
        let Some((kind, i)) = field.split_once('-') else {
            continue;
        };
        let (Ok(i), Some(what)) = (
            i.parse::<usize>(),
            match kind {
                "summary" => Some(t.rep_col_summary),
                "handling" => Some(t.rep_col_handling),
                _ => None,
            },
        ) else {
            continue;
        };
        let row = r.items.get(i).map(report_row_label).unwrap_or_default();
        row_errors.push((
            format!("#{}", field_id(field)),
            (t.problem)(&(crate::i18n::t().of_row)(&row, what), p),
        ));
        other_errors.0.remove(field);
    }
    let rows = r.items.iter().enumerate().map(|(i, item)| {
        let summary_name = format!("summary-{i}");
        let handling_name = format!("handling-{i}");
        // A value sent back with a problem wins over the stored one.
        let pick = |name: &str, stored: &str| {
            form.values.get(name).cloned().unwrap_or_else(|| stored.to_string())
        };
        let summary = pick(&summary_name, &item.summary);
        let handling = pick(&handling_name, &item.handling);
        let summary_problem = form.problem(&summary_name);
        let handling_problem = form.problem(&handling_name);
        view! {
            <section class="report-item" aria-labelledby=format!("row-{i}")>
                <h3 id=format!("row-{i}")>{report_row_label(item)}" · "{(t.rep_count)(item.opinions)}" · "{t.rep_col_people}" "{item.people}</h3>
                {(!item.article_text.is_empty()).then(|| view! { <p class="pre article-text">{item.article_text.clone()}</p> })}
                <p class="hint">{t.rep_col_sources}{crate::i18n::t().colon}{report_sources(item)}</p>
                <input type="hidden" name="targets[]" value=item.target.clone()/>
                <RowField name=summary_name list="summaries[]" label=(t.of_row)(&report_row_label(item), t.rep_col_summary)
                    value=summary problem=summary_problem max=SUMMARY.max/>
                <RowField name=handling_name list="handlings[]" label=(t.of_row)(&report_row_label(item), t.rep_col_handling)
                    value=handling problem=handling_problem max=HANDLING.max/>
            </section>
        }
    }).collect_view();
    view! {
        <p class="lead"><a href=format!("/staff/solicitations/{}/reports", r.solicitation_id)>{r.solicitation_title.clone()}</a></p>
        <p>{report_subtitle(&r)}</p>
        <p class="hint">{if r.with_personal { t.rep_personal_yes } else { t.rep_personal_no }}</p>
        <nav class="exports" aria-label=t.rep_export>
            <span>{t.rep_export}{crate::i18n::t().colon}</span>
            {exports.into_iter().map(|(f, label)| view! {
                <a href=format!("/staff/reports/{}/export/{f}", r.id) rel="external" download="">{label}</a>
            }).collect_view()}
            <a href=format!("/staff/reports/{}/print", r.id)>{t.rep_print}</a>
        </nav>
        // A feedback row's problems show in that row; a summary's or handling suggestion's are
        // listed with the row they belong to.
        <ErrorSummary
            errors=if form.values.contains_key("row") { Default::default() } else { other_errors }
            labels=vec![("recipient", t.rep_recipient), ("sent_on", t.rep_sent_on)]/>
        {(!row_errors.is_empty()).then(|| view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <p><strong>{t.form_has_errors}</strong></p>
                <ul>
                    {row_errors.into_iter().map(|(href, m)| view! { <li><a href=href>{m}</a></li> }).collect_view()}
                </ul>
            </div>
        })}
        {if draft {
            view! {
                <p class="hint">{t.rep_edit_lead}</p>
                <ActionForm action=refresh attr:class="inline">
                    <input type="hidden" name="id" value=id_refresh/>
                    <button type="submit" class="secondary">{t.rep_refresh}</button>
                </ActionForm>
                <ActionForm action=save attr:class="form report-form">
                    <input type="hidden" name="id" value=id_save/>
                    {rows}
                    <div class="buttons"><button type="submit">{t.save}</button></div>
                </ActionForm>
                <section class="panel" aria-labelledby="send-title">
                    <h2 id="send-title">{t.rep_send_title}</h2>
                    <ActionForm action=send attr:class="form">
                        <input type="hidden" name="id" value=id_send/>
                        <Field name="recipient" label=t.rep_recipient value=form.value("recipient")
                            problem=form.problem("recipient") hint=t.rep_recipient_hint required=true/>
                        <Field name="sent_on" label=t.rep_sent_on
                            value={let v = form.value("sent_on"); if v.is_empty() { d.today.clone() } else { v }}
                            problem=form.problem("sent_on") required=true control=Control::Input("date")/>
                        <div class="buttons"><button type="submit">{t.rep_send}</button></div>
                    </ActionForm>
                </section>
            }.into_any()
        } else {
            let rows = r.items.iter().map(|item| view! {
                <FeedbackRow item=item.clone() report_id=r.id form=d.form.clone() action=feedback/>
            }).collect_view();
            view! {
                <ReportTable report=r.clone()/>
                <h2>{t.fb_title}</h2>
                {rows}
            }.into_any()
        }}
        <Annex report=r/>
    }
}

/// One row's adoption feedback: what was recorded, and the form for the opinions still waiting.
#[component]
fn FeedbackRow(
    item: ReportItem,
    report_id: i64,
    form: Option<FormState>,
    action: ServerAction<FeedbackArticle>,
) -> impl IntoView {
    let t = t();
    // The form comes back to this row only if it was this row's.
    let mine = form.filter(|f| f.values.get("row") == Some(&item.target) && !f.errors.is_empty());
    let recorded = item
        .outcomes
        .iter()
        .map(|(s, n)| format!("{} {n}", (t.opinion_status)(*s)))
        .collect::<Vec<_>>()
        .join(crate::i18n::t().list_sep);
    view! {
        <section class="report-item">
            <h3>{report_row_label(&item)}" · "{(t.rep_count)(item.opinions)}</h3>
            {(!recorded.is_empty()).then(|| view! { <p>{t.fb_outcome}{crate::i18n::t().colon}{recorded}</p> })}
            {if item.awaiting_feedback == 0 {
                view! { <p class="hint">{t.fb_done_all}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{(t.fb_article_lead)(item.awaiting_feedback as usize)}</p>
                    <ActionForm action=action attr:class="form">
                        <input type="hidden" name="id" value=report_id.to_string()/>
                        <input type="hidden" name="target" value=item.target.clone()/>
                        <FeedbackChoices form=mine target=item.target.clone() row=report_row_label(&item)/>
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}

/// The outcome choices and reason of one row's feedback form; ids carry the row's target so
/// that several rows on one page stay distinct.
#[component]
fn FeedbackChoices(form: Option<FormState>, target: String, row: String) -> impl IntoView {
    let t = t();
    let s = form.unwrap_or_default();
    let key = if target.is_empty() {
        "whole".to_string()
    } else {
        target
    };
    let chosen = s.value("action");
    let action_problem = s.problem("action").map(|p| (t.problem)(t.fb_outcome, &p));
    let note_id = format!("f-note-{key}");
    let note_err = format!("{note_id}-error");
    let note_problem = s.problem("note").map(|p| (t.problem)(t.mod_note, &p));
    view! {
        <fieldset class="actions">
            <legend>{(t.of_row)(&row, t.fb_outcome)}</legend>
            {action_problem.map(|m| view! { <p class="error">{m}</p> })}
            {OUTCOMES.iter().map(|o| {
                let id = format!("f-{}-{key}", o.code());
                let checked = chosen == o.code();
                view! {
                    <div class="check">
                        <input type="radio" id=id.clone() name="action" value=o.code() checked=checked/>
                        <label for=id>{(t.opinion_status)(*o)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <div class=if note_problem.is_some() { "field has-error" } else { "field" }>
            <label for=note_id.clone()>{t.mod_note}</label>
            <p class="hint">{t.fb_note_hint}</p>
            {note_problem.clone().map(|m| view! { <p class="error" id=note_err.clone()>{m}</p> })}
            <textarea id=note_id name="note" rows="3" aria-invalid=note_problem.as_ref().map(|_| "true")
                aria-describedby=note_problem.as_ref().map(|_| note_err.clone())
                inner_html=html_escape::encode_text(&s.value("note")).to_string()></textarea>
        </div>
        <div class="buttons"><button type="submit">{t.fb_record}</button></div>
    }
}

/// A text area whose value goes into the list `list` (one per row) and whose problem is kept
/// under `name`.
#[component]
fn RowField(
    name: String,
    list: &'static str,
    /// `第三条的意见摘要`: each row's fields are named with their row.
    label: String,
    value: String,
    problem: Option<crate::domain::text::Problem>,
    max: usize,
) -> impl IntoView {
    let t = t();
    let id = field_id(&name);
    let err_id = format!("{id}-error");
    let message = problem.as_ref().map(|p| (t.problem)(&label, p));
    view! {
        <div class=if message.is_some() { "field has-error" } else { "field" }>
            <label for=id.clone()>{label.clone()}</label>
            <p class="hint">{(t.max_chars)(max)}</p>
            {message.clone().map(|m| view! { <p class="error" id=err_id.clone()>{m}</p> })}
            <textarea id=id name=list rows="4" aria-invalid=message.as_ref().map(|_| "true")
                aria-describedby=message.as_ref().map(|_| err_id.clone())
                inner_html=html_escape::encode_text(&value).to_string()></textarea>
        </div>
    }
}

#[component]
pub fn ReportPageView() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                id_param(params),
                query.read().get("draft"),
                query.read().get("done"),
            )
        },
        |(id, draft, _)| staff_report(id, draft),
    );
    let save = ServerAction::<SaveReport>::new();
    let refresh = ServerAction::<RefreshReport>::new();
    let send = ServerAction::<SendReport>::new();
    let feedback = ServerAction::<FeedbackArticle>::new();
    let done = move || match query.read().get("done").as_deref() {
        Some("saved") => Some(t.saved),
        Some("refreshed") => Some(t.rep_refreshed),
        Some("sent") => Some(t.rep_sent),
        _ => None,
    };
    view! {
        {move || done().map(|m| view! { <Notice text=m/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! {
                        <PageTitle text=d.report.title.clone()/>
                        <h1>{d.report.title.clone()}" "<span class="badge">{(t.rep_status)(d.report.status)}</span></h1>
                        <ActionOutcome form=d.form.clone().filter(|f| f.values.contains_key("done"))/>
                        <ReportEditor d save refresh send feedback/>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ReportPrintPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let data = Resource::new(move || id_param(params), |id| staff_report(id, None));
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! {
                        <PageTitle text=d.report.title.clone()/>
                        <article class="print-report">
                            <h1>{d.report.title.clone()}</h1>
                            <p>{report_subtitle(&d.report)}</p>
                            <p class="no-print"><button type="button" class="secondary" onclick=crate::components::scripts::PRINT>{t.op_print}</button></p>
                            <ReportTable report=d.report.clone()/>
                            <Annex report=d.report/>
                        </article>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
