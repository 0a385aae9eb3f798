//! `/solicitations/{id}/compare?from=&to=&only=changed`: the comparison table (修改对照表) of two
//! versions of a draft, as legislatures lay it out: the earlier text, the later text, and what
//! changed, with the deleted characters struck through and the added ones underlined. A plain
//! GET form picks the versions and the filter, so it works without JavaScript.

use crate::api::solicitations::{compare_versions, Comparison};
use crate::components::feedback::ErrorView;
use crate::domain::align::{Change, Row};
use crate::domain::diff::Piece;
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::{id_param, loading, public::not_found::NotFound, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// One side of a row: each article's label, then its text with the other side's changes left
/// out and this side's marked.
fn cell(articles: &[(String, String)], diff: &[Piece], old_side: bool) -> impl IntoView {
    let t = t().tr;
    let labels = articles
        .iter()
        .map(|(label, _)| label.clone())
        .collect::<Vec<_>>()
        .join(crate::i18n::t().list_sep);
    let text = diff
        .iter()
        .filter_map(|p| match p {
            Piece::Same(s) => Some(view! { <span>{s.clone()}</span> }.into_any()),
            Piece::Gone(s) if old_side => Some(
                view! { <del><span class="visually-hidden">{t.gone_mark}</span>{s.clone()}</del> }
                    .into_any(),
            ),
            Piece::Added(s) if !old_side => Some(
                view! { <ins><span class="visually-hidden">{t.added_mark}</span>{s.clone()}</ins> }
                    .into_any(),
            ),
            _ => None,
        })
        .collect_view();
    if articles.is_empty() {
        // An added article has no earlier text, a deleted one no later text: said, not left blank.
        return view! { <p class="hint">{t.no_article}</p> }.into_any();
    }
    view! {
        <p class="art-label">{labels}</p>
        <p class="art-text">{text}</p>
    }
    .into_any()
}

fn row_view(row: Row, id: i64, to: i64) -> impl IntoView {
    let t = t().tr;
    let olds: Vec<String> = row.old.iter().map(|(l, _)| l.clone()).collect();
    let news: Vec<String> = row.new.iter().map(|(l, _)| l.clone()).collect();
    let what = (t.describe)(row.change, row.amended, &olds, &news);
    let class = match row.change {
        Change::Unchanged | Change::Renumbered => "same",
        Change::Added => "added",
        Change::Deleted => "deleted",
        _ => "changed",
    };
    let link = row.new_anchors.first().map(|a| {
        let href = format!("/solicitations/{id}?version={to}#{a}");
        view! { <a href=href>{t.read_version}</a> }
    });
    view! {
        <tr class=class>
            <td data-label=t.old_text>{cell(&row.old, &row.diff, true)}</td>
            <td data-label=t.new_text>{cell(&row.new, &row.diff, false)}</td>
            <td data-label=t.what_changed><p>{what}</p>{link}</td>
        </tr>
    }
}

#[component]
fn CompareView(c: Comparison, only_changed: bool) -> impl IntoView {
    let t = t();
    let tr = t.tr;
    let s = c.solicitation;
    let id = s.id;
    let title = (tr.compare_title)(&s.title);
    let back = view! { <p><a href=format!("/solicitations/{id}")>{tr.back}</a></p> };
    let Some((from, to)) = c.pair else {
        let why = if c.versions.len() < 2 {
            tr.one_version
        } else {
            tr.same_version
        };
        return view! {
            <PageTitle text=title.clone()/>
            <h1>{title}</h1>
            <p class="notice">{why}</p>
            {picker(&c.versions, None, only_changed, id)}
            {back}
        }
        .into_any();
    };
    let mut counts: Vec<(Change, usize)> = Vec::new();
    for r in &c.rows {
        match counts.iter_mut().find(|(k, _)| *k == r.change) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.change, 1)),
        }
    }
    counts.sort();
    let changed = |r: &Row| !matches!(r.change, Change::Unchanged | Change::Renumbered);
    let any_change = c.rows.iter().any(changed);
    let to_id = to.id;
    let query = format!(
        "from={}&to={}{}",
        from.id,
        to.id,
        if only_changed { "&only=changed" } else { "" }
    );
    let rows = c
        .rows
        .into_iter()
        .filter(|r| !only_changed || changed(r))
        .map(|r| row_view(r, id, to_id))
        .collect_view();
    view! {
        <PageTitle text=title.clone()/>
        <article class="compare-page">
            <h1>{title}</h1>
            <p>{(tr.compare_lead)(&from.label, &to.label)}</p>
            {picker(&c.versions, Some((from.id, to.id)), only_changed, id)}
            <p class="hint compare-summary">{(tr.summary)(&counts)}</p>
            <p class="downloads">
                <a href=format!("/solicitations/{id}/compare.docx?{query}") download="">{tr.download_docx}</a>
                " "
                <a href=format!("/solicitations/{id}/compare.xlsx?{query}") download="">{tr.download_xlsx}</a>
            </p>
            {if any_change || !only_changed {
                view! {
                    <div class="table-wrap">
                        <table class="stack compare">
                            <caption class="visually-hidden">{tr.legend}</caption>
                            <thead><tr>
                                <th scope="col">{tr.old_text}{(crate::i18n::t().paren)(&from.label)}</th>
                                <th scope="col">{tr.new_text}{(crate::i18n::t().paren)(&to.label)}</th>
                                <th scope="col">{tr.what_changed}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            } else {
                view! { <p class="notice">{tr.no_changes}</p> }.into_any()
            }}
            {back}
        </article>
    }
    .into_any()
}

/// The GET form that picks the two versions and the filter.
fn picker(
    versions: &[crate::domain::solicitation::VersionInfo],
    pair: Option<(i64, i64)>,
    only_changed: bool,
    id: i64,
) -> impl IntoView {
    let tr = t().tr;
    (versions.len() >= 2).then(|| {
        let options = |selected: i64| {
            versions
                .iter()
                .map(|v| {
                    view! { <option value=v.id.to_string() selected={v.id == selected}>{v.label.clone()}</option> }
                })
                .collect_view()
        };
        let (from, to) = pair.unwrap_or((versions[1].id, versions[0].id));
        view! {
            <form method="get" action=format!("/solicitations/{id}/compare") class="filter-form compare-picker">
                <div class="field">
                    <label for="f-from">{tr.from}</label>
                    <select id="f-from" name="from">{options(from)}</select>
                </div>
                <div class="field">
                    <label for="f-to">{tr.to}</label>
                    <select id="f-to" name="to">{options(to)}</select>
                </div>
                <label class="check">
                    <input type="checkbox" name="only" value="changed" checked=only_changed/>
                    {tr.only_changed}
                </label>
                <button type="submit">{tr.show}</button>
            </form>
        }
    })
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let number = move |k: &str| query.read().get(k).and_then(|v| v.parse::<i64>().ok());
    let only_changed = move || query.read().get("only").as_deref() == Some("changed");
    let data = Resource::new(
        move || (id_param(params), number("from"), number("to")),
        |(id, from, to)| compare_versions(id, from, to),
    );
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                let only_changed = only_changed();
                match data.await {
                    Ok(c) => view! { <CompareView c only_changed/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
