//! The notifications staff must deliver by hand: those of residents who gave no e-mail address
//! (or when no mail server is configured), and those that could not be sent.

use crate::domain::notification::Notice;
use crate::error::AppError;
use leptos::prelude::*;

/// Kept and failed messages within the person's station, newest first; names, numbers and
/// e-mail addresses masked without the personal-data privilege. Staff only.
#[server(endpoint = "staff/notifications")]
pub async fn staff_notifications() -> Result<Vec<Notice>, AppError> {
    use crate::domain::opinion::{mask_email, mask_name, mask_phone};
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::HandleOpinions).await?;
    let station = Scope::of(&user).station;
    let mut list = db::notifications::for_staff(&state.db, station).await?;
    list.extend(db::messages::for_staff(&state.db, station).await?);
    list.sort_by_key(|n| std::cmp::Reverse(n.updated_at));
    if !user.sees_personal_data() {
        for n in &mut list {
            n.name = mask_name(&n.name);
            n.phone = mask_phone(&n.phone);
            n.email = mask_email(&n.email);
        }
    }
    Ok(list)
}
