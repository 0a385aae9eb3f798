//! `/staff/login`: staff sign-in. A failed attempt comes back with the username kept and one
//! message; after sign-in the person goes on to where they were going (`?next=`).

use crate::api::auth::{login_form, Login};
use crate::components::{
    feedback::ErrorSummary,
    field::{Control, Field},
};
use crate::domain::form::FormState;
use crate::i18n::t;
use crate::pages::{loading, PageTitle};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = t();
    let query = use_query_map();
    let form = Resource::new(move || query.read().get("draft"), login_form);
    let login = ServerAction::<Login>::new();
    let next = move || query.read().get("next").unwrap_or_else(|| "/staff".into());
    view! {
        <PageTitle text=t.login_title/>
        <section class="narrow">
            <h1>{t.login_title}</h1>
            <p>{t.login_lead}</p>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    let state = form.await.unwrap_or_else(|_| FormState::new("login"));
                    view! {
                        <ErrorSummary errors=state.errors.clone() labels=vec![("username", t.username), ("password", t.password)]/>
                        <ActionForm action=login attr:class="form">
                            <input type="hidden" name="next" value=next/>
                            <Field name="username" label=t.username value=state.value("username")
                                problem=state.problem("username") required=true autocomplete="username"/>
                            <Field name="password" label=t.password value=""
                                problem=state.problem("password") required=true
                                control=Control::Input("password") autocomplete="current-password"/>
                            <button type="submit">{t.login_submit}</button>
                        </ActionForm>
                    }
                })}
            </Suspense>
        </section>
    }
}
