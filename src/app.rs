//! The application shell (the HTML document) and `App`: header, navigation, routes and footer.
//!
//! Everything here is rendered on the server only (leptos "islands" mode): a page reaches the
//! browser as HTML, and the only code a browser runs is the page script of
//! [`crate::server::bundle`] (moving between public pages in place) and the wasm of the few
//! interactive parts, `#[island]` components, fetched only by a page that has one.

use crate::i18n::t;
use crate::pages::{
    public::{
        booking::BookingPageView,
        compare::ComparePage,
        consultation::ConsultationPageView,
        consultations::ConsultationListPage,
        deputies::DeputyListPage,
        deputy::{DeputyPageView, DeputyPosterPage},
        home::HomePage,
        not_found::NotFound,
        open_data::OpenDataPage,
        opinion_form::OpinionFormPage,
        privacy::PrivacyPage,
        search::{SearchBox, SearchPage},
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
    path, SsrMode,
};

/// What the site says about itself: the committee's name, from configuration, in the context of
/// every render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteInfo {
    pub org_name: String,
    pub org_name_en: String,
    /// The site's public address, `https://minyi.example.gov.cn`, for share cards and feeds.
    pub site_url: String,
}

impl SiteInfo {
    /// The committee's name in the current locale.
    pub fn org(&self) -> &str {
        match crate::i18n::current() {
            crate::i18n::Locale::En => &self.org_name_en,
            crate::i18n::Locale::ZhCn => &self.org_name,
        }
    }
}

/// The HTML document around `App`. Its head loads the bundle under the names of this build
/// ([`crate::server::bundle`]); nothing in it makes a browser without JavaScript fetch a script.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use crate::server::bundle::BundleTags;
    use leptos_meta::MetaTags;
    // The locale middleware chose the request's language; everything rendered below reads it.
    let locale = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::i18n::Locale>().copied())
        .unwrap_or_default();
    provide_context(locale);
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#a61b1b"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="alternate" type="application/rss+xml" href="/feeds/stories.xml" title=t().feeds.stories_title/>
                <link rel="alternate" type="application/rss+xml" href="/feeds/solicitations.xml" title=t().feeds.open_title/>
                <BundleTags options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let t = t();
    let site = use_context::<SiteInfo>().unwrap_or_default();
    let org = site.org().to_string();
    view! {
        <Router>
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
                    <SearchBox id="site-q"/>
                    <LanguageSwitch/>
                </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/stories") view=StoryListPage ssr=SsrMode::Async/>
                    <Route path=path!("/stories/:slug") view=StoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/solicitations") view=SolicitationListPage ssr=SsrMode::Async/>
                    <Route path=path!("/solicitations/:id") view=SolicitationPageView ssr=SsrMode::Async/>
                    <Route path=path!("/solicitations/:id/opinions/new") view=OpinionFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/solicitations/:id/compare") view=ComparePage ssr=SsrMode::Async/>
                    <Route path=path!("/consultations") view=ConsultationListPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultations/:id") view=ConsultationPageView ssr=SsrMode::Async/>
                    <Route path=path!("/deputies") view=DeputyListPage ssr=SsrMode::Async/>
                    <Route path=path!("/deputies/:id") view=DeputyPageView ssr=SsrMode::Async/>
                    <Route path=path!("/deputies/:id/book") view=BookingPageView ssr=SsrMode::Async/>
                    <Route path=path!("/deputies/:id/poster") view=DeputyPosterPage ssr=SsrMode::Async/>
                    <Route path=path!("/track") view=TrackLookupPage ssr=SsrMode::Async/>
                    <Route path=path!("/track/:code") view=TrackPageView ssr=SsrMode::Async/>
                    <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async/>
                    <Route path=path!("/open-data") view=OpenDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/stats") view=StatsPageView ssr=SsrMode::Async/>
                    <Route path=path!("/staff/login") view=LoginPage ssr=SsrMode::Async/>
                    <ParentRoute path=path!("/staff") view=StaffLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=Dashboard ssr=SsrMode::Async/>
                        <Route path=path!("stories") view=StaffStoriesPage ssr=SsrMode::Async/>
                        <Route path=path!("stories/new") view=StoryFormPage ssr=SsrMode::Async/>
                        <Route path=path!("stories/:id") view=StaffStoryPage ssr=SsrMode::Async/>
                        <Route path=path!("stories/:id/edit") view=StoryFormPage ssr=SsrMode::Async/>
                        <Route path=path!("accounts") view=AccountsPageView ssr=SsrMode::Async/>
                        <Route path=path!("audit") view=AuditPageView ssr=SsrMode::Async/>
                        <Route path=path!("solicitations") view=StaffSolicitationsPage ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/new") view=SolicitationFormPage ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id") view=StaffSolicitationPage ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/edit") view=SolicitationFormPage ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/draft") view=DraftFormPage ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/opinions/new") view=OfflineFormPage ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/clusters") view=ClustersPage ssr=SsrMode::Async/>
                        <Route path=path!("solicitations/:id/reports") view=ReportsPage ssr=SsrMode::Async/>
                        <Route path=path!("reports/:id") view=ReportPageView ssr=SsrMode::Async/>
                        <Route path=path!("reports/:id/print") view=ReportPrintPage ssr=SsrMode::Async/>
                        <Route path=path!("opinions") view=StaffOpinionsPage ssr=SsrMode::Async/>
                        <Route path=path!("opinions/:id") view=StaffOpinionPage ssr=SsrMode::Async/>
                        <Route path=path!("notifications") view=NotificationsPage ssr=SsrMode::Async/>
                        <Route path=path!("consultations") view=StaffConsultationsPage ssr=SsrMode::Async/>
                        <Route path=path!("consultations/new") view=ConsultationFormPage ssr=SsrMode::Async/>
                        <Route path=path!("consultations/:id") view=StaffConsultationPage ssr=SsrMode::Async/>
                        <Route path=path!("consultations/:id/edit") view=ConsultationFormPage ssr=SsrMode::Async/>
                        <Route path=path!("deputies") view=StaffDeputiesPage ssr=SsrMode::Async/>
                        <Route path=path!("deputies/new") view=DeputyFormPage ssr=SsrMode::Async/>
                        <Route path=path!("deputies/:id") view=StaffDeputyPage ssr=SsrMode::Async/>
                        <Route path=path!("deputies/:id/edit") view=DeputyFormPage ssr=SsrMode::Async/>
                        <Route path=path!("appointments") view=StaffAppointmentsPage ssr=SsrMode::Async/>
                        <Route path=path!("appointments/:id") view=StaffAppointmentPage ssr=SsrMode::Async/>
                    </ParentRoute>
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{org}" "{t.footer_host}" · "{t.footer_motto}</p>
                    <p><a href="/privacy">{t.privacy_title}</a>" · "<a href="/open-data">{t.open.nav}</a>" · "<a href="/staff">{t.nav_staff}</a></p>
                </div>
            </footer>
        </Router>
    }
}

/// The link to the page in the other language: a plain link (it works without JavaScript) that
/// remembers the choice and comes back to the same page. Each language is named in itself.
#[component]
fn LanguageSwitch() -> impl IntoView {
    use crate::i18n::{current, Locale};
    // Rendered on the server only (it is no island): the request's own address.
    // A form brought back with what someone typed (`draft=`) is not carried into the link: the
    // page in the other language opens afresh.
    #[cfg(feature = "ssr")]
    let here = use_context::<http::request::Parts>()
        .map(|p| {
            let kept: Vec<&str> = p
                .uri
                .query()
                .unwrap_or("")
                .split('&')
                .filter(|q| !q.is_empty() && !q.starts_with("draft="))
                .collect();
            if kept.is_empty() {
                p.uri.path().to_string()
            } else {
                format!("{}?{}", p.uri.path(), kept.join("&"))
            }
        })
        .unwrap_or_else(|| "/".into());
    #[cfg(not(feature = "ssr"))]
    let here = String::from("/");
    let (other, name) = match current() {
        Locale::ZhCn => (Locale::En, "English"),
        Locale::En => (Locale::ZhCn, "中文"),
    };
    let href = crate::domain::form::with_query(&format!("/lang/{}", other.tag()), "back", &here);
    view! {
        <a class="lang-switch" href=href lang=other.tag() hreflang=other.tag() rel="alternate">{name}</a>
    }
}
