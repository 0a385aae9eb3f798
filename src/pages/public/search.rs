//! `/search?q=…&kind=…&page=…`: one box over stories, calls for opinions and the articles of
//! their drafts, sessions, deputies and published opinions. A plain GET form: it works the same
//! without JavaScript, and every page of results has its own address.

use crate::api::search::search;
use crate::components::{feedback::ErrorView, pager::Pager};
use crate::domain::search::{Hit, Kind, Results, Segment, COUNT_CAP};
use crate::i18n::{story_kind, t};
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The address of a page of results.
pub fn search_href(q: &str, kind: Option<Kind>, page: i64, after: Option<i64>) -> String {
    let mut s = format!("/search?q={}", urlencoding::encode(q));
    if let Some(k) = kind {
        s.push_str(&format!("&kind={}", k.code()));
    }
    if page > 1 {
        s.push_str(&format!("&page={page}"));
    }
    if let Some(a) = after {
        s.push_str(&format!("&after={a}"));
    }
    s
}

/// The search box, as in the header and atop the results.
#[component]
pub fn SearchBox(#[prop(into)] id: String, #[prop(optional)] value: String) -> impl IntoView {
    let s = t().search;
    view! {
        <form class="search-box" role="search" method="get" action="/search">
            <label class="visually-hidden" for=id.clone()>{s.label}</label>
            <input id=id type="search" name="q" value=value placeholder=s.placeholder enterkeyhint="search"/>
            <button type="submit">{s.button}</button>
        </form>
    }
}

/// Text with the words searched for marked.
fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.marked {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}

/// The name of a result's sort within its kind.
fn tag_name(kind: Kind, tag: &str) -> Option<&'static str> {
    let t = t();
    match kind {
        Kind::Story => crate::domain::story::StoryKind::from_code(tag).map(story_kind),
        Kind::Solicitation | Kind::Article => {
            crate::domain::solicitation::Stage::from_code(tag).map(t.stage)
        }
        Kind::Consultation => crate::domain::consultation::Kind::from_code(tag).map(t.cs.kind),
        Kind::Deputy => crate::domain::deputy::Level::from_code(tag).map(t.dp.level),
        Kind::Opinion => crate::domain::opinion::Identity::from_code(tag).map(t.identity),
    }
}

#[component]
fn HitView(hit: Hit, words: Vec<String>) -> impl IntoView {
    let s = t().search;
    let mut meta = vec![(s.kind)(hit.kind).to_string()];
    meta.extend(tag_name(hit.kind, &hit.tag).map(str::to_string));
    if !hit.day.is_empty() {
        meta.push(crate::i18n::date(&hit.day));
    }
    let title = crate::domain::search::passage(&hit.title, &words, 200);
    view! {
        <li>
            <p class="kind">{meta.join(" · ")}</p>
            <h2><a href=hit.href>{marked(title)}</a></h2>
            {(!hit.context.is_empty()).then(|| view! { <p class="context">{hit.context}</p> })}
            <p class="passage">{marked(hit.passage)}</p>
        </li>
    }
}

fn filters(r: &Results) -> impl IntoView {
    let s = t().search;
    let count = |n: i64| (s.count)(n.min(COUNT_CAP), n > COUNT_CAP);
    let all: i64 = r
        .counts
        .iter()
        .filter(|c| c.kind != Kind::Opinion)
        .map(|c| c.count)
        .sum();
    let tabs = std::iter::once((None, s.all, all)).chain(
        Kind::ALL
            .iter()
            .map(|&k| (Some(k), (s.kind)(k), r.count(k))),
    );
    let items = tabs
        .map(|(kind, label, n)| {
            let current = r.kind == kind;
            view! {
                <li><a href=search_href(&r.q, kind, 1, None) aria-current=current.then_some("page")>
                    {label}<span class="count">{format!(" {}", count(n))}</span>
                </a></li>
            }
        })
        .collect_view();
    view! { <nav class="filters" aria-label=s.filter_label><ul>{items}</ul></nav> }
}

#[component]
fn ResultsView(r: Results) -> impl IntoView {
    let s = t().search;
    if let Some(problem) = r.problem {
        return view! { <p class="error" role="alert">{(s.problem)(problem)}</p> }.into_any();
    }
    if r.words.is_empty() {
        return ().into_any();
    }
    let q = r.q.trim().to_string();
    let opinions_total = r.count(Kind::Opinion);
    let total = match r.kind {
        Some(k) => r.count(k),
        None => r
            .counts
            .iter()
            .filter(|c| c.kind != Kind::Opinion)
            .map(|c| c.count)
            .sum(),
    };
    let words = r.words.clone();
    let list = |hits: Vec<Hit>, words: Vec<String>| {
        hits.into_iter()
            .map(|hit| view! { <HitView hit words=words.clone()/> })
            .collect_view()
    };
    let summary = if total == 0 {
        view! { <p>{(s.none)(&q)}</p><p class="hint">{s.none_hint}</p> }.into_any()
    } else {
        view! { <p class="hint">{(s.found)(total.min(COUNT_CAP), total > COUNT_CAP, &q)}</p> }
            .into_any()
    };
    let tabs = filters(&r);
    let body = match r.kind {
        Some(Kind::Opinion) => {
            let next = r
                .next_after
                .map(|a| search_href(&q, Some(Kind::Opinion), 1, Some(a)));
            let first = r.after.is_none();
            view! {
                <p class="hint">{s.opinions_lead}</p>
                <ol class="results" aria-label=s.results_label>{list(r.hits, words)}</ol>
                <nav class="pager" aria-label=t().pager_label>
                    {(!first).then(|| view! { <a href=search_href(&q, Some(Kind::Opinion), 1, None)>{s.opinions_first}</a> })}
                    {next.map(|h| view! { <a rel="next" href=h>{s.opinions_more}</a> })}
                </nav>
            }
            .into_any()
        }
        kind => {
            let opinions = (!r.opinions.is_empty()).then(|| {
                let all = search_href(&q, Some(Kind::Opinion), 1, None);
                view! {
                    <section class="opinions-found">
                        <h2>{s.opinions_heading}</h2>
                        <p class="hint">{s.opinions_lead}</p>
                        <ol class="results">{list(r.opinions.clone(), words.clone())}</ol>
                        <p><a href=all>{(s.opinions_all)(opinions_total.min(COUNT_CAP), opinions_total > COUNT_CAP)}</a></p>
                    </section>
                }
            });
            let q2 = q.clone();
            view! {
                {(!r.hits.is_empty()).then(|| view! {
                    <ol class="results" aria-label=s.results_label>{list(r.hits, words.clone())}</ol>
                })}
                <Pager page=r.page pages=r.pages href=move |n| search_href(&q2, kind, n, None)/>
                {opinions}
            }
            .into_any()
        }
    };
    view! {
        {tabs}
        {(r.kind != Some(Kind::Opinion)).then_some(summary)}
        {body}
    }
    .into_any()
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let s = t().search;
    let query = use_query_map();
    let param = move |k: &str| query.read().get(k).unwrap_or_default();
    let results = Resource::new(
        move || (param("q"), param("kind"), param("page"), param("after")),
        |(q, kind, page, after)| search(q, kind, page, after),
    );
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(r) => {
                        let q = r.q.trim().to_string();
                        let title = if q.is_empty() { s.title.to_string() } else { (s.title_for)(&q) };
                        view! {
                            <PageTitle text=title description=s.lead/>
                            <h1>{s.title}</h1>
                            <SearchBox id="search-q" value=r.q.clone()/>
                            {q.is_empty().then(|| view! { <p class="lead">{s.lead}</p> })}
                            <ResultsView r/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
