//! The browser bundle's files (styles, the JavaScript glue and the wasm) as the build named them,
//! and the tags of the document's head that load them.
//!
//! A release build names each file after a hash of its content (`minyi.<hash>.wasm`), so a file
//! never changes under its name and browsers may keep it for a year (see [`cache_pkg`]);
//! cargo-leptos writes the hashes to `hash.txt` beside the server binary. Without that file (a
//! debug build, the Rust tests) the plain names are used.
//!
//! The tags are this module's own, not leptos's `HydrationScripts`: that one also puts
//! `<link rel="preload">` tags in the head, which a browser follows with JavaScript off too, so a
//! visitor without JavaScript downloaded the whole wasm for nothing. Here the only thing that
//! loads the bundle is the script itself.

use axum::{
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::Response,
};
use leptos::prelude::*;
use std::sync::OnceLock;

/// The file names of one build, relative to the site's package directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub css: String,
    pub js: String,
    pub wasm: String,
    /// Whether the names carry content hashes (and so may be cached for good).
    pub hashed: bool,
}

impl Bundle {
    /// The names for output `name` given the text of a `hash.txt` (`css: …`, `js: …`,
    /// `wasm: …` lines), or the plain names without one.
    pub fn from_hashes(name: &str, hashes: Option<&str>) -> Bundle {
        let hash_of = |kind: &str| {
            hashes?.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                (k.trim() == kind && !v.trim().is_empty()).then(|| v.trim().to_string())
            })
        };
        match (hash_of("css"), hash_of("js"), hash_of("wasm")) {
            (Some(c), Some(j), Some(w)) => Bundle {
                css: format!("{name}.{c}.css"),
                js: format!("{name}.{j}.js"),
                wasm: format!("{name}.{w}.wasm"),
                hashed: true,
            },
            _ => Bundle {
                css: format!("{name}.css"),
                js: format!("{name}.js"),
                wasm: format!("{name}.wasm"),
                hashed: false,
            },
        }
    }

    /// The names of the running build, read once from `hash.txt` beside the binary.
    pub fn current() -> &'static Bundle {
        static CURRENT: OnceLock<Bundle> = OnceLock::new();
        CURRENT.get_or_init(|| {
            let hashes = std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|d| d.join("hash.txt")))
                .and_then(|path| std::fs::read_to_string(path).ok());
            let bundle = Bundle::from_hashes("minyi", hashes.as_deref());
            if !bundle.hashed {
                tracing::debug!("no hash.txt beside the binary: the bundle has its plain names");
            }
            bundle
        })
    }

    /// The page script (`page_script.js`) with this build's file names: it hydrates the page's
    /// islands, fetching the bundle only when the page has one, and moves between public pages
    /// in place (fetching the next page's HTML and putting its body in place of this one's).
    /// A module script runs after the document is parsed, so the page is complete when it starts.
    pub fn loader(&self, pkg: &str) -> String {
        include_str!("page_script.js")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
            .replace("__JS__", &format!("/{pkg}/{}", self.js))
            .replace("__WASM__", &format!("/{pkg}/{}", self.wasm))
    }
}

/// The head's stylesheet and the page script, with this render's nonce. Everything outside an
/// `#[island]` is rendered here only, so the render is told it is not hydrating (what leptos's
/// own `HydrationScripts` does in islands mode): no hydration data or markers outside islands.
#[component]
pub fn BundleTags(options: LeptosOptions) -> impl IntoView {
    if let Some(sc) = Owner::current_shared_context() {
        sc.set_is_hydrating(false);
    }
    let bundle = Bundle::current();
    let pkg = options.site_pkg_dir.to_string();
    let nonce = leptos::nonce::use_nonce();
    view! {
        <link rel="stylesheet" href=format!("/{pkg}/{}", bundle.css)/>
        <script type="module" nonce=nonce>{bundle.loader(&pkg)}</script>
    }
}

/// One year, the longest a cache is asked to keep anything.
const FOR_GOOD: &str = "public, max-age=31536000, immutable";

/// The caching headers of the package directory's files. In a build with hashed names every one
/// of them carries its content's hash (styles, glue, wasm), so it is kept for a year and never revalidated: a new build has new names.
pub async fn cache_pkg(req: Request, next: Next) -> Response {
    let hashed = Bundle::current().hashed;
    let rule = if hashed { FOR_GOOD } else { A_DAY };
    let mut res = cache_with(rule, next.run(req).await);
    if hashed {
        // A file that is never revalidated needs no date to revalidate against, and nothing
        // fetches part of one.
        res.headers_mut().remove(header::LAST_MODIFIED);
        res.headers_mut().remove(header::ACCEPT_RANGES);
    }
    res
}

/// The caching headers of the site's other files (the icon): revalidated after a day.
pub async fn cache_file(req: Request, next: Next) -> Response {
    cache_with(A_DAY, next.run(req).await)
}

const A_DAY: &str = "public, max-age=86400";

/// Every file may come in more than one encoding, so caches key on the `Accept-Encoding` of the
/// request.
fn cache_with(rule: &'static str, mut res: Response) -> Response {
    if res.status() == StatusCode::OK || res.status() == StatusCode::NOT_MODIFIED {
        let h = res.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(rule));
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_hash_file() {
        let b = Bundle::from_hashes("minyi", Some("js: AbC-1\nwasm: dEf_2\ncss: 9xY\n"));
        assert_eq!(b.css, "minyi.9xY.css");
        assert_eq!(b.js, "minyi.AbC-1.js");
        assert_eq!(b.wasm, "minyi.dEf_2.wasm");
        assert!(b.hashed);
        let script = b.loader("pkg");
        assert!(script.contains("import('/pkg/minyi.AbC-1.js')"));
        assert!(script.contains("module_or_path: '/pkg/minyi.dEf_2.wasm'"));
        assert!(!script.contains("__JS__") && !script.contains("// "));
    }

    #[test]
    fn without_a_hash_file_the_names_are_plain() {
        for hashes in [None, Some(""), Some("js: a\nwasm: b\n")] {
            let b = Bundle::from_hashes("minyi", hashes);
            assert_eq!(
                (b.css.as_str(), b.js.as_str(), b.wasm.as_str(), b.hashed),
                ("minyi.css", "minyi.js", "minyi.wasm", false)
            );
        }
    }
}
