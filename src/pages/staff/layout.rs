//! The frame of the staff area: sends visitors to sign in (and back), shows who is signed in,
//! the staff navigation and the sign-out button.

use crate::api::auth::{current_staff, Logout};
use crate::components::feedback::ErrorView;
use crate::domain::account::StaffUser;
use crate::domain::policy::{permits, Permission};
use crate::i18n::t;
use crate::pages::loading;
use leptos::{context::Provider, prelude::*};
use leptos_router::{
    components::{Outlet, Redirect},
    hooks::use_location,
};

#[component]
fn StaffNav(user: StaffUser) -> impl IntoView {
    let t = t();
    let logout = ServerAction::<Logout>::new();
    let can = |p: Permission| permits(&user, p);
    view! {
        <div class="staff-bar">
            <nav aria-label=t.staff_nav_label>
                <ul>
                    <li><a href="/staff">{t.staff_home}</a></li>
                    <li><a href="/staff/solicitations">{t.staff_solicitations}</a></li>
                    <li><a href="/staff/opinions">{t.staff_opinions}</a></li>
                    <li><a href="/staff/consultations">{t.cs.staff_title}</a></li>
                    <li><a href="/staff/deputies">{t.dp.staff_title}</a></li>
                    <li><a href="/staff/appointments">{t.dp.appointments}</a></li>
                    <li><a href="/staff/notifications">{t.staff_notifications}</a></li>
                    {can(Permission::ManageStories).then(|| view! { <li><a href="/staff/stories">{t.staff_stories}</a></li> })}
                    {can(Permission::ManageAccounts).then(|| view! { <li><a href="/staff/accounts">{t.staff_accounts}</a></li> })}
                    {can(Permission::ReadAuditLog).then(|| view! { <li><a href="/staff/audit">{t.staff_audit}</a></li> })}
                </ul>
            </nav>
            <p class="who">{t.signed_in_as}{crate::i18n::t().colon}{user.display_name}" ("{user.username}")"</p>
            <ActionForm action=logout attr:class="inline">
                <button type="submit" class="secondary">{t.logout}</button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn StaffLayout() -> impl IntoView {
    let location = use_location();
    let me = Resource::new(move || location.pathname.get(), |_| current_staff());
    view! {
        <Suspense fallback=loading>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(user)) => view! {
                        <StaffNav user=user.clone()/>
                        <Provider value=user><Outlet/></Provider>
                    }.into_any(),
                    Ok(None) => {
                        let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
                        let to = format!("/staff/login?next={}", urlencoding::encode(&here));
                        view! { <Redirect path=to/> }.into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
