//! `/staff`: the staff home, linking to each area.

use super::may;
use crate::domain::policy::Permission;
use crate::i18n::t;
use crate::pages::PageTitle;
use leptos::prelude::*;

#[component]
pub fn Dashboard() -> impl IntoView {
    let t = t();
    view! {
        <PageTitle text=t.staff_home/>
        <h1>{t.staff_home}</h1>
        <p>{t.staff_home_lead}</p>
        <ul class="tiles">
            <li><a href="/staff/solicitations">{t.staff_solicitations}</a></li>
            <li><a href="/staff/opinions">{t.staff_opinions}</a></li>
            {may(Permission::ManageSolicitations).then(|| view! { <li><a href="/staff/solicitations/new">{t.sol_new}</a></li> })}
            {may(Permission::ManageStories).then(|| view! {
                <li><a href="/staff/stories">{t.staff_stories}</a></li>
                <li><a href="/staff/stories/new">{t.story_new}</a></li>
            })}
        </ul>
    }
}
