//! `/staff/solicitations/{id}/clusters`: groups of near-identical pending opinions (a campaign of
//! hundreds of copies shows as one group with its count), each merged into its earliest opinion
//! with one button.

use crate::api::moderation::{staff_clusters, Moderate};
use crate::components::{feedback::ErrorView, moderation::ActionOutcome};
use crate::domain::moderation::Cluster;
use crate::i18n::t;
use crate::pages::{id_param, loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
fn ClusterCard(c: Cluster, return_to: String, action: ServerAction<Moderate>) -> impl IntoView {
    let t = t();
    let n = c.members.len();
    let others = c
        .members
        .iter()
        .filter(|(id, _)| *id != c.main_id)
        .map(|(id, _)| {
            view! { <input type="hidden" name="selected[]" value=format!("{id}:pending")/> }
        })
        .collect_view();
    let codes = c
        .members
        .iter()
        .map(|(id, code)| {
            view! {
                <li><a href=format!("/staff/opinions/{id}")>{code.clone()}</a></li>
            }
        })
        .collect_view();
    let excerpt: String = c.main_content.chars().take(200).collect();
    view! {
        <article class="card cluster">
            <h2>{(t.mod_cluster_count)(n)}</h2>
            <p class="pre">{excerpt}</p>
            <details>
                <summary>{t.mod_cluster_members}</summary>
                <ul class="codes">{codes}</ul>
            </details>
            <ActionForm action=action>
                {others}
                <input type="hidden" name="action" value="merge"/>
                <input type="hidden" name="merge_into" value=c.main_code.clone()/>
                <input type="hidden" name="return_to" value=return_to/>
                <button type="submit">{(t.mod_cluster_merge)(n - 1, &c.main_code)}</button>
            </ActionForm>
        </article>
    }
}

#[component]
pub fn ClustersPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || id_param(params);
    let data = Resource::new(
        move || (id(), query.read().get("draft")),
        |(id, draft)| staff_clusters(id, draft),
    );
    let action = ServerAction::<Moderate>::new();
    view! {
        <PageTitle text=t.mod_clusters/>
        <h1>{t.mod_clusters}</h1>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((v, form)) => {
                        let here = format!("/staff/solicitations/{}/clusters", v.solicitation_id);
                        let queue = format!("/staff/opinions?solicitation={}&status=pending", v.solicitation_id);
                        view! {
                            <p class="lead"><a href=format!("/staff/solicitations/{}", v.solicitation_id)>{v.solicitation_title.clone()}</a></p>
                            <ActionOutcome form=form/>
                            <p class="hint">{(t.mod_clusters_lead)(v.compared, v.capped)}</p>
                            {if v.clusters.is_empty() {
                                view! { <p>{t.mod_clusters_none}</p> }.into_any()
                            } else {
                                v.clusters.into_iter().map(|c| view! {
                                    <ClusterCard c return_to=here.clone() action/>
                                }).collect_view().into_any()
                            }}
                            <p><a href=queue>{t.mod_title}</a></p>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
