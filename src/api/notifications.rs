//! The notifications staff must deliver by hand: those of residents who gave no e-mail address
//! (or when no mail server is configured), and those that could not be sent. A work list: each
//! stays to do until someone records how it was delivered.

use crate::domain::notification::Notice;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One page of the work list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticePage {
    pub items: Vec<Notice>,
    /// Showing those delivered (else those to do).
    pub delivered: bool,
    pub to_do: i64,
    pub done: i64,
    pub page: i64,
    pub pages: i64,
}

/// Messages to deliver by hand within the person's station: those to do, oldest first, or those
/// delivered (`done`), latest first, 50 a page. Names, numbers and e-mail addresses are masked
/// without the personal-data privilege. Staff only.
#[server(endpoint = "staff/notifications")]
pub async fn staff_notifications(
    done: Option<String>,
    page: Option<i64>,
) -> Result<NoticePage, AppError> {
    use crate::domain::notification::PER_PAGE;
    use crate::domain::opinion::{mask_email, mask_name, mask_phone};
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::HandleOpinions).await?;
    let station = Scope::of(&user).station;
    let delivered = done.is_some_and(|d| d == "1");
    let (to_do, done) = db::by_hand::counts(&state.db, station).await?;
    let total = if delivered { done } else { to_do };
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let page = page.unwrap_or(1).clamp(1, pages);
    let mut items = db::by_hand::page(
        &state.db,
        station,
        delivered,
        (page - 1) * PER_PAGE,
        PER_PAGE,
    )
    .await?;
    if !user.sees_personal_data() {
        for n in &mut items {
            n.name = mask_name(&n.name);
            n.phone = mask_phone(&n.phone);
            let masked = mask_email(&n.email);
            // A mail server's refusal often names the recipient.
            if !n.email.is_empty() {
                n.last_error = n.last_error.replace(&n.email, &masked);
            }
            n.email = masked;
        }
    }
    Ok(NoticePage {
        items,
        delivered,
        to_do,
        done,
        page,
        pages,
    })
}

/// Records that message `item` (`opinion:12`, `message:3`) was delivered, and how (`phone`,
/// `visit`, `post`, `other`), then back to the list. Staff only, within their station; writes
/// an audit entry. A message someone else recorded first is left as they recorded it.
#[server(endpoint = "staff/notifications/delivered")]
pub async fn mark_delivered(item: String, how: String) -> Result<(), AppError> {
    use crate::domain::notification::{parse_item, HOW};
    use crate::domain::policy::Permission;
    use crate::server::{db, db::moderation::Scope, guard};
    let (state, user) = guard::staff(Permission::HandleOpinions).await?;
    let (source, id) = parse_item(&item).ok_or_else(|| guard::fail(AppError::BadRequest))?;
    let how = HOW
        .iter()
        .find(|h| **h == how.trim())
        .ok_or_else(|| guard::fail(AppError::BadRequest))?;
    let recorded = db::by_hand::mark_delivered(
        &state.db,
        source,
        id,
        Scope::of(&user).station,
        user.id,
        how,
    )
    .await?;
    leptos_axum::redirect(if recorded {
        "/staff/notifications?saved=1"
    } else {
        "/staff/notifications?saved=0"
    });
    Ok(())
}
