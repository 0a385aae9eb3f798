//! `/staff/stories/{id}`: a story as the public will see it (the preview), its status, and the
//! buttons to edit, publish and unpublish.

use crate::api::stories::{staff_get_story, SetStoryPublished};
use crate::components::{
    feedback::{ErrorView, Notice},
    story::StoryArticle,
};
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

#[component]
pub fn StaffStoryPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let location = use_location();
    let id = move || id_param(params);
    let story = Resource::new(
        move || (id(), location.search.get()),
        |(id, _)| staff_get_story(id),
    );
    let publish = ServerAction::<SetStoryPublished>::new();
    let notice = move || {
        query.read().get("done").and_then(|d| match d.as_str() {
            "saved" => Some(t.saved),
            "published" => Some(t.now_published),
            "unpublished" => Some(t.now_unpublished),
            _ => None,
        })
    };
    view! {
        {move || notice().map(|n| view! { <Notice text=n/> })}
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match story.await {
                    Ok(s) => {
                        let id = s.id.to_string();
                        let (label, flag) = if s.is_published { (t.unpublish, "0") } else { (t.publish, "1") };
                        view! {
                            <PageTitle text=format!("{}: {}", t.preview, s.title)/>
                            <div class="toolbar">
                                <p>{t.status}{crate::i18n::t().colon}<strong>{if s.is_published { t.published } else { t.unpublished }}</strong></p>
                                <a class="button secondary" href=format!("/staff/stories/{id}/edit")>{t.edit}</a>
                                <ActionForm action=publish attr:class="inline">
                                    <input type="hidden" name="id" value=id.clone()/>
                                    <input type="hidden" name="publish" value=flag/>
                                    <button type="submit">{label}</button>
                                </ActionForm>
                                {s.is_published.then(|| view! {
                                    <a href=format!("/stories/{}", s.slug)>{t.public_link}</a>
                                })}
                            </div>
                            <p class="preview-note">{t.preview_notice}</p>
                            <div class="preview"><StoryArticle story=s/></div>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
