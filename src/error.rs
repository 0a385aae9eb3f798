//! The one error type of the application, shared by server and browser. Its variants mirror HTTP;
//! internal details are logged where they are converted and never reach a person.

use crate::domain::text::FieldErrors;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Not signed in, or the session ended. `login_url` leads to sign-in and back.
    #[error("unauthenticated")]
    Unauthenticated { login_url: Option<String> },
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("request could not be read")]
    BadRequest,
    #[error("too many requests")]
    TooManyRequests,
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// The HTTP status this error is sent with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthenticated { .. } => 401,
            AppError::Forbidden => 403,
            AppError::Validation(_) => 422,
            AppError::BadRequest => 400,
            AppError::TooManyRequests => 429,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}
