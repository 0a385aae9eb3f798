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
    /// Password checks running at once (Argon2 is memory- and CPU-heavy); the rest wait.
    pub password_checks: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// The state for `db` and `config`, with the signing key read from (or made in) the database.
    pub async fn new(
        db: Db,
        config: Config,
        leptos_options: LeptosOptions,
    ) -> Result<AppState, sqlx::Error> {
        let keys = Keys::load(&db).await?;
        Ok(AppState {
            password_checks: Arc::new(tokio::sync::Semaphore::new(config.password_checks)),
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

    /// Hashes or checks a password under [`AppState::password_checks`], off the async workers.
    pub async fn password_work<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, crate::error::AppError> {
        let _permit = self
            .password_checks
            .acquire()
            .await
            .map_err(|_| crate::error::AppError::Internal)?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|_| crate::error::AppError::Internal)
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
