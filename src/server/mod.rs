//! Everything that runs only on the server: configuration, state, the router factory, sign-in,
//! the database repositories and the command line.

pub mod auth;
pub mod bundle;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod csrf;
pub mod db;
pub mod export;
pub mod feeds;
pub mod guard;
pub mod headers;
pub mod locale;
pub mod markdown;
pub mod notify;
pub mod open_api;
pub mod open_data;
pub mod pages;
pub mod passwords;
pub mod qr;
pub mod router;
pub mod seed;
mod seed_content;
pub mod state;
pub mod work;
