//! The application shell (the HTML document, rendered only on the server) and `App`: header,
//! navigation, routes and footer, rendered on the server and hydrated in the browser.

use crate::i18n::t;
use crate::pages::{
    public::{
        booking::BookingPageView,
        consultation::ConsultationPageView,
        consultations::ConsultationListPage,
        deputies::DeputyListPage,
        deputy::{DeputyPageView, DeputyPosterPage},
        home::HomePage,
        not_found::NotFound,
        opinion_form::OpinionFormPage,
        privacy::PrivacyPage,
        solicitation::SolicitationPageView,
        solicitations::SolicitationListPage,
        stats::StatsPageView,
        stories::StoryListPage,
        story::StoryPage,
        track::{TrackLookupPage, TrackPageView},
    },
    staff::{
        accounts::AccountsPageView,
        appointments::{StaffAppointmentPage, StaffAppointmentsPage},
        audit::AuditPageView,
        clusters::ClustersPage,
        consultation_form::ConsultationFormPage,
        consultations::{StaffConsultationPage, StaffConsultationsPage},
        dashboard::Dashboard,
        deputies::{DeputyFormPage, StaffDeputiesPage, StaffDeputyPage},
        draft_form::DraftFormPage,
        layout::StaffLayout,
        login::LoginPage,
        notifications::NotificationsPage,
        offline_form::OfflineFormPage,
        opinions::{StaffOpinionPage, StaffOpinionsPage},
        reports::{ReportPageView, ReportPrintPage, ReportsPage},
        solicitation_form::SolicitationFormPage,
        solicitations::{StaffSolicitationPage, StaffSolicitationsPage},
        stories::StaffStoriesPage,
        story_form::StoryFormPage,
        story_view::StaffStoryPage,
    },
};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    lazy_route, path, Lazy, LazyRoute, SsrMode,
};

/// What the site says about itself: the committee's name, from configuration. The server puts
/// it in a `<meta>` of the shell, from which the browser reads it before hydrating.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteInfo {
    pub org_name: String,
}

impl SiteInfo {
    /// Reads the site information the server wrote into the document.
    #[cfg(feature = "hydrate")]
    pub fn from_document() -> Self {
        let org_name = document()
            .query_selector("meta[name='minyi-org']")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default();
        Self { org_name }
    }
}

/// `App` with the site information in context (how the browser starts it).
pub fn app_with_site(site: SiteInfo) -> impl IntoView {
    provide_context(site);
    view! { <App/> }
}

/// The HTML document around `App`. Its head loads the bundle under the names of this build
/// ([`crate::server::bundle`]); nothing in it makes a browser without JavaScript fetch a script.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use crate::server::bundle::BundleTags;
    use leptos_meta::MetaTags;
    let site = use_context::<SiteInfo>().unwrap_or_default();
    view! {
        <!DOCTYPE html>
        <html lang="zh-CN">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="minyi-org" content=site.org_name/>
                <meta name="theme-color" content="#a61b1b"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <BundleTags options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Every page is a lazily loaded route: its code (its views, the server functions it calls and
/// the components only it uses) is a chunk of the browser bundle fetched when the page is first
/// shown, and code that several pages share is a chunk of its own, fetched once. What every
/// visitor downloads holds only what this file draws around the pages (header, navigation,
/// footer) and the router, so no page makes another heavier, and a resident never downloads a
/// staff page. `cargo leptos build --split` cuts the bundle at these points.
macro_rules! lazy_pages {
    ($($page:ident => $route:ident),* $(,)?) => {$(
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    )*};
}

lazy_pages! {
    HomePage => HomePageRoute,
    StoryListPage => StoryListPageRoute,
    StoryPage => StoryPageRoute,
    SolicitationListPage => SolicitationListPageRoute,
    SolicitationPageView => SolicitationPageViewRoute,
    OpinionFormPage => OpinionFormPageRoute,
    ConsultationListPage => ConsultationListPageRoute,
    ConsultationPageView => ConsultationPageViewRoute,
    DeputyListPage => DeputyListPageRoute,
    DeputyPageView => DeputyPageViewRoute,
    BookingPageView => BookingPageViewRoute,
    DeputyPosterPage => DeputyPosterPageRoute,
    TrackLookupPage => TrackLookupPageRoute,
    TrackPageView => TrackPageViewRoute,
    PrivacyPage => PrivacyPageRoute,
    StatsPageView => StatsPageViewRoute,
    LoginPage => LoginPageRoute,
    StaffLayout => StaffLayoutRoute,
    Dashboard => DashboardRoute,
    StaffStoriesPage => StaffStoriesPageRoute,
    StoryFormPage => StoryFormPageRoute,
    StaffStoryPage => StaffStoryPageRoute,
    AccountsPageView => AccountsPageViewRoute,
    AuditPageView => AuditPageViewRoute,
    StaffSolicitationsPage => StaffSolicitationsPageRoute,
    SolicitationFormPage => SolicitationFormPageRoute,
    StaffSolicitationPage => StaffSolicitationPageRoute,
    DraftFormPage => DraftFormPageRoute,
    OfflineFormPage => OfflineFormPageRoute,
    ClustersPage => ClustersPageRoute,
    ReportsPage => ReportsPageRoute,
    ReportPageView => ReportPageViewRoute,
    ReportPrintPage => ReportPrintPageRoute,
    StaffOpinionsPage => StaffOpinionsPageRoute,
    StaffOpinionPage => StaffOpinionPageRoute,
    NotificationsPage => NotificationsPageRoute,
    StaffConsultationsPage => StaffConsultationsPageRoute,
    ConsultationFormPage => ConsultationFormPageRoute,
    StaffConsultationPage => StaffConsultationPageRoute,
    StaffDeputiesPage => StaffDeputiesPageRoute,
    DeputyFormPage => DeputyFormPageRoute,
    StaffDeputyPage => StaffDeputyPageRoute,
    StaffAppointmentsPage => StaffAppointmentsPageRoute,
    StaffAppointmentPage => StaffAppointmentPageRoute,
}

/// Keeps the address the router is going to in `<html data-to>`. The router fetches a page's
/// chunk before it changes the address bar, so when that download fails the bundle's loader
/// ([`crate::server::bundle`]) reads where to go from here and loads that page in full.
#[component]
fn NavTarget() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let at = leptos_router::hooks::use_location();
        Effect::new(move |_| {
            let to = format!("{}{}{}", at.pathname.get(), at.search.get(), at.hash.get());
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-to", &to);
            }
        });
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let t = t();
    let site = use_context::<SiteInfo>().unwrap_or_default();
    let org = site.org_name.clone();
    view! {
        <Router>
            <NavTarget/>
            <a class="skip" href="#main">{t.skip_to_content}</a>
            <header class="site-header">
                <div class="wrap">
                    <a class="brand" href="/">
                        <span class="org">{org.clone()}</span>
                        <span class="app">{t.app_name}</span>
                    </a>
                    <nav aria-label=t.nav_label>
                        <ul>
                            <li><a href="/">{t.nav_home}</a></li>
                            <li><a href="/solicitations">{t.nav_solicitations}</a></li>
                            <li><a href="/consultations">{t.cs.nav}</a></li>
                            <li><a href="/deputies">{t.dp.nav}</a></li>
                            <li><a href="/stories">{t.nav_stories}</a></li>
                            <li><a href="/track">{t.nav_track}</a></li>
                            <li><a href="/stats">{t.nav_stats}</a></li>
                        </ul>
                    </nav>
                </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view={Lazy::<HomePageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/stories") view={Lazy::<StoryListPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/stories/:slug") view={Lazy::<StoryPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/solicitations") view={Lazy::<SolicitationListPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/solicitations/:id") view={Lazy::<SolicitationPageViewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/solicitations/:id/opinions/new") view={Lazy::<OpinionFormPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/consultations") view={Lazy::<ConsultationListPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/consultations/:id") view={Lazy::<ConsultationPageViewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/deputies") view={Lazy::<DeputyListPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/deputies/:id") view={Lazy::<DeputyPageViewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/deputies/:id/book") view={Lazy::<BookingPageViewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/deputies/:id/poster") view={Lazy::<DeputyPosterPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/track") view={Lazy::<TrackLookupPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/track/:code") view={Lazy::<TrackPageViewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/privacy") view={Lazy::<PrivacyPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/stats") view={Lazy::<StatsPageViewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/staff/login") view={Lazy::<LoginPageRoute>::new()} ssr=SsrMode::Async/>
                    <ParentRoute path=path!("/staff") view={Lazy::<StaffLayoutRoute>::new()} ssr=SsrMode::Async>
                        <Route path=path!("") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("stories") view={Lazy::<StaffStoriesPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("stories/new") view={Lazy::<StoryFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("stories/:id") view={Lazy::<StaffStoryPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("stories/:id/edit") view={Lazy::<StoryFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("accounts") view={Lazy::<AccountsPageViewRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("audit") view={Lazy::<AuditPageViewRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations") view={Lazy::<StaffSolicitationsPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/new") view={Lazy::<SolicitationFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id") view={Lazy::<StaffSolicitationPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/edit") view={Lazy::<SolicitationFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/draft") view={Lazy::<DraftFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/opinions/new") view={Lazy::<OfflineFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/clusters") view={Lazy::<ClustersPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/reports") view={Lazy::<ReportsPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("reports/:id") view={Lazy::<ReportPageViewRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("reports/:id/print") view={Lazy::<ReportPrintPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("opinions") view={Lazy::<StaffOpinionsPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("opinions/:id") view={Lazy::<StaffOpinionPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("notifications") view={Lazy::<NotificationsPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("consultations") view={Lazy::<StaffConsultationsPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("consultations/new") view={Lazy::<ConsultationFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("consultations/:id") view={Lazy::<StaffConsultationPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("consultations/:id/edit") view={Lazy::<ConsultationFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("deputies") view={Lazy::<StaffDeputiesPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("deputies/new") view={Lazy::<DeputyFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("deputies/:id") view={Lazy::<StaffDeputyPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("deputies/:id/edit") view={Lazy::<DeputyFormPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("appointments") view={Lazy::<StaffAppointmentsPageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("appointments/:id") view={Lazy::<StaffAppointmentPageRoute>::new()} ssr=SsrMode::Async/>
                    </ParentRoute>
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{org}" "{t.footer_host}" · "{t.footer_motto}</p>
                    <p><a href="/privacy">{t.privacy_title}</a>" · "<a href="/staff">{t.nav_staff}</a></p>
                </div>
            </footer>
        </Router>
    }
}
