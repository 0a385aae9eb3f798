//! The home page: what the site is for and the latest stories.

use crate::api::consultations::list_consultations;
use crate::api::solicitations::list_solicitations;
use crate::api::stats::home_figures;
use crate::api::stories::list_stories;
use crate::app::SiteInfo;
use crate::components::consultation::ConsultationCard;
use crate::components::solicitation::SolicitationCard;
use crate::components::{feedback::ErrorView, story::StoryList};
use crate::domain::consultation::Status;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = t();
    let site = use_context::<SiteInfo>().unwrap_or_default();
    let latest = Resource::new(|| (), |_| list_stories(1, None));
    let open = Resource::new(
        || (),
        |_| list_solicitations(1, None, Some("accepting".into())),
    );
    let sessions = Resource::new(|| (), |_| list_consultations(None, None, None));
    let figures = Resource::new(|| (), |_| home_figures());
    view! {
        <PageTitle text=site.org().to_string() description=t.home_lead/>
        <section class="hero">
            <h1>{t.app_name}</h1>
            <p>{t.home_lead}</p>
        </section>
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match figures.await {
                    Ok(f) => view! { <Figures f/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <section>
            <h2>{t.home_open}</h2>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match open.await {
                        Ok(l) if l.page.items.is_empty() => view! { <p>{t.home_none_open}</p> }.into_any(),
                        Ok(l) => {
                            let now = l.now;
                            view! {
                                <ul class="cards single">
                                    {l.page.items.into_iter().take(5).map(|s| view! { <SolicitationCard s now/> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })}
            </Suspense>
            <p><a class="more" href="/solicitations">{t.home_all_solicitations}</a></p>
        </section>
        <section>
            <h2>{t.cs.home_title}</h2>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(l) => {
                            let now = l.now;
                            let coming: Vec<_> = l
                                .items
                                .into_iter()
                                .filter(|c| c.status == Status::Published && c.ends_at >= now)
                                .take(3)
                                .collect();
                            if coming.is_empty() {
                                view! { <p>{t.cs.home_none}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="cards single">
                                        {coming.into_iter().map(|c| view! { <ConsultationCard c now/> }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }
                        }
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })}
            </Suspense>
            <p><a class="more" href="/consultations">{t.cs.home_all}</a>" · "<a class="more" href="/deputies">{t.dp.book}</a></p>
        </section>
        <section>
            <h2>{t.home_latest}</h2>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match latest.await {
                        Ok(page) if page.items.is_empty() => view! { <p>{t.stories_empty}</p> }.into_any(),
                        Ok(page) => {
                            let items = page.items.into_iter().take(3).collect();
                            view! { <StoryList stories=items/> }.into_any()
                        }
                        Err(e) => view! { <ErrorView error=e/> }.into_any(),
                    }
                })}
            </Suspense>
            <p><a class="more" href="/stories">{t.home_all_stories}</a></p>
        </section>
    }
}

/// The headline figures (as `/stats` shows them) and the latest outcome of a call.
#[component]
fn Figures(f: crate::api::stats::Headline) -> impl IntoView {
    use crate::pages::public::stats::rate;
    let t = t();
    let tiles = [
        (t.stats_received, f.received.to_string()),
        (t.stats_adopted_any, f.adopted.to_string()),
        (t.stats_rate, rate(f.adoption_rate)),
        (
            t.stats_median,
            f.median_days_to_feedback
                .map(|d| (t.stats_days)(d))
                .unwrap_or_else(|| "—".into()),
        ),
    ];
    view! {
        <section class="home-figures">
            <h2>{t.home_figures}</h2>
            <ul class="figures-tiles">
                {tiles.into_iter().map(|(label, value)| view! {
                    <li><span class="figure">{value}</span><span class="label">{label}</span></li>
                }).collect_view()}
            </ul>
            <p><a class="more" href="/stats">{t.home_all_stats}</a></p>
        </section>
        {f.latest_outcome.map(|(id, title, excerpt)| view! {
            <section>
                <h2>{t.home_outcome}</h2>
                <div class="story">
                    <h3><a href=format!("/solicitations/{id}#outcome")>{title}</a></h3>
                    <p>{excerpt}</p>
                </div>
            </section>
        })}
    }
}
