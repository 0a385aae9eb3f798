//! `/staff/stories`: every story, published or not, with links to edit and preview.

use crate::api::stories::staff_list_stories;
use crate::components::feedback::ErrorView;
use crate::i18n::{story_kind, t};
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;

#[component]
pub fn StaffStoriesPage() -> impl IntoView {
    let t = t();
    let stories = Resource::new(|| (), |_| staff_list_stories());
    view! {
        <PageTitle text=t.staff_stories/>
        <h1>{t.staff_stories}</h1>
        <p><a class="button" href="/staff/stories/new">{t.story_new}</a></p>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match stories.await {
                    Ok(list) if list.is_empty() => view! { <p>{t.staff_stories_empty}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="stack">
                                <thead><tr>
                                    <th scope="col">{t.story_field_title}</th>
                                    <th scope="col">{t.story_field_kind}</th>
                                    <th scope="col">{t.story_field_date}</th>
                                    <th scope="col">{t.status}</th>
                                    <th scope="col">{t.actions}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|s| view! {
                                        <tr>
                                            <td><a href=format!("/staff/stories/{}", s.id)>{s.title}</a></td>
                                            <td data-label=t.story_field_kind>{story_kind(s.kind)}</td>
                                            <td data-label=t.story_field_date>{crate::i18n::date(&s.published_on)}</td>
                                            <td data-label=t.status>{if s.is_published { t.published } else { t.unpublished }}</td>
                                            <td><a href=format!("/staff/stories/{}/edit", s.id)>{t.edit}</a></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
