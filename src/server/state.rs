//! The state every request handler and server function can reach.

use super::{auth::Keys, config::Config, db::Db};
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub leptos_options: LeptosOptions,
    /// The deployment's signing key.
    pub keys: Keys,
    /// The few threads that hash and check passwords (Argon2 is memory- and CPU-heavy).
    pub passwords: super::passwords::Passwords,
    /// Rendered public pages, shared until what they show changes.
    pub pages: super::pages::Pages,
}

impl AppState {
    /// The state for `db` and `config`, with the signing key read from (or made in) the database.
    pub async fn new(
        db: Db,
        config: Config,
        leptos_options: LeptosOptions,
    ) -> Result<AppState, sqlx::Error> {
        let keys = Keys::load(&db).await?;
        // Made now, so that the first sign-in under an unknown name takes no longer than others.
        let _ = super::auth::dummy_hash();
        let pages = super::pages::Pages::default();
        pages.refresh(&db).await?;
        Ok(AppState {
            pages,
            // Room for about five seconds of waiting sign-ins (an Argon2 check takes ~25 ms).
            passwords: super::passwords::Passwords::start(
                config.password_checks,
                config.password_checks * 200,
            ),
            db,
            config: Arc::new(config),
            leptos_options,
            keys,
        })
    }

    /// Runs CPU-heavy `work` off the async workers ([`super::work::heavy`]).
    pub async fn heavy<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, crate::error::AppError> {
        super::work::heavy(work).await.map_err(|e| {
            tracing::error!(error = %e, "heavy work failed");
            crate::error::AppError::Internal
        })
    }

    /// Hashes or checks a password on the password threads: a person may wait up to five
    /// seconds for a turn, else is told the site is busy.
    pub async fn password_work<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, super::passwords::Busy> {
        self.passwords
            .run(std::time::Duration::from_secs(5), work)
            .await
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
