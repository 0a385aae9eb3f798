//! The `minyi` binary: see `server::cli` for its subcommands.

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    minyi::server::cli::main().await
}

#[cfg(not(feature = "ssr"))]
pub fn main() {
    // The browser bundle starts from `lib.rs`'s `hydrate`.
}
