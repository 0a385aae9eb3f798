//! `/stories`: published stories, newest first, ten a page, filterable by kind.

use crate::api::stories::list_stories;
use crate::components::{feedback::ErrorView, pager::Pager, story::StoryList};
use crate::domain::story::StoryKind;
use crate::i18n::{story_kind, t};
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn list_href(kind: Option<&str>, page: i64) -> String {
    match (kind, page) {
        (None, 1) => "/stories".into(),
        (None, p) => format!("/stories?page={p}"),
        (Some(k), 1) => format!("/stories?kind={k}"),
        (Some(k), p) => format!("/stories?kind={k}&page={p}"),
    }
}

#[component]
pub fn StoryListPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let kind = move || {
        query
            .read()
            .get("kind")
            .filter(|k| StoryKind::from_code(k).is_some())
    };
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let stories = Resource::new(
        move || (page(), kind()),
        |(page, kind)| list_stories(page, kind),
    );
    let filters = move || {
        let current = kind();
        let all = std::iter::once((None, t.stories_all_kinds));
        let kinds = StoryKind::ALL
            .into_iter()
            .map(|k| (Some(k.code()), story_kind(k)));
        all.chain(kinds)
            .map(|(code, label)| {
                let selected = current.as_deref() == code;
                view! {
                    <li><a href=list_href(code, 1) aria-current=selected.then_some("page")>{label}</a></li>
                }
            })
            .collect_view()
    };
    view! {
        <PageTitle text=t.stories_title description=t.stories_lead/>
        <h1>{t.stories_title}</h1>
        <p class="lead">{t.stories_lead}</p>
        <nav class="filters" aria-label=t.stories_filter_label><ul>{filters}</ul></nav>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match stories.await {
                    Ok(p) if p.items.is_empty() => view! { <p>{t.stories_empty}</p> }.into_any(),
                    Ok(p) => {
                        let k = kind();
                        view! {
                            <StoryList stories=p.items/>
                            <Pager page=p.page pages=p.pages href=move |n| list_href(k.as_deref(), n)/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
