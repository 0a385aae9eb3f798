//! The browser bundle's files (styles, the JavaScript glue and the wasm) as the build named them,
//! and the tags of the document's head that load them.
//!
//! A release build names each file after a hash of its content (`minyi.<hash>.wasm`), so a file
//! never changes under its name and browsers may keep it for a year (see [`cache_static`]);
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

    /// The script that loads the glue, instantiates the wasm and hydrates the page. A module
    /// script runs after the document is parsed, so the page is complete when hydration starts.
    pub fn loader(&self, pkg: &str) -> String {
        format!(
            "import('/{pkg}/{js}').then(m=>m.default({{module_or_path:'/{pkg}/{wasm}'}}).then(()=>m.hydrate()))",
            js = self.js,
            wasm = self.wasm,
        )
    }
}

/// The head's stylesheet and the hydration script, with this render's nonce.
#[component]
pub fn BundleTags(options: LeptosOptions) -> impl IntoView {
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

/// The caching headers of the site's files: a file whose name carries its content's hash is kept
/// for a year and never revalidated (a new build has new names); any other file (the icon) is
/// revalidated after a day. Every file may come in more than one encoding, so caches key on the
/// `Accept-Encoding` of the request.
pub async fn cache_static(req: Request, next: Next) -> Response {
    let hashed = is_hashed(req.uri().path());
    let mut res = next.run(req).await;
    if res.status() == StatusCode::OK || res.status() == StatusCode::NOT_MODIFIED {
        let h = res.headers_mut();
        let rule = if hashed {
            FOR_GOOD
        } else {
            "public, max-age=86400"
        };
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(rule));
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// Whether the file at `path` is one of the bundle's content-named files.
fn is_hashed(path: &str) -> bool {
    let b = Bundle::current();
    b.hashed
        && path
            .rsplit('/')
            .next()
            .is_some_and(|f| f == b.css || f == b.js || f == b.wasm)
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
        assert_eq!(
            b.loader("pkg"),
            "import('/pkg/minyi.AbC-1.js').then(m=>m.default({module_or_path:'/pkg/minyi.dEf_2.wasm'}).then(()=>m.hydrate()))"
        );
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
