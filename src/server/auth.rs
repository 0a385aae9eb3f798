//! Sign-in mechanics: Argon2id password hashes, the common-password check, session tokens and the
//! session cookie. The decisions (who may do what) are in `domain::policy` and `server::guard`.

use super::config::SecureCookies;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use cookie::{Cookie, SameSite};
use http::HeaderMap;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "minyi_session";

/// Hashes a password with Argon2id and a random salt (PHC string format).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .expect("Argon2 with default parameters hashes any password")
}

/// Whether `password` matches `hash`. A malformed hash never matches.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the username does not exist, so that a wrong username takes as
/// long as a wrong password.
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("not-a-real-password-0"))
}

/// Whether `password` is among the common or easily guessed ones (zxcvbn score below 3, with the
/// username and display name counted as known words).
pub fn password_is_common(password: &str, user_inputs: &[&str]) -> bool {
    zxcvbn::zxcvbn(password, user_inputs).score() < zxcvbn::Score::Three
}

/// A new random session token (256 bits, hex).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What is stored for a token: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A password for the demo admin: 20 letters and digits without look-alikes.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

/// The session token in the request's cookies, if any.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == SESSION_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty())
}

/// Whether the request came over https, directly or through a proxy that says so.
pub fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

fn secure(policy: SecureCookies, headers: &HeaderMap) -> bool {
    match policy {
        SecureCookies::Always => true,
        SecureCookies::Never => false,
        SecureCookies::Auto => is_https(headers),
    }
}

/// The `Set-Cookie` value that starts a session: HttpOnly, SameSite=Lax, Secure over https.
pub fn session_cookie(token: &str, policy: SecureCookies, headers: &HeaderMap) -> String {
    Cookie::build((SESSION_COOKIE, token.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure(policy, headers))
        .max_age(cookie::time::Duration::hours(12))
        .build()
        .to_string()
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(policy: SecureCookies, headers: &HeaderMap) -> String {
    Cookie::build((SESSION_COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure(policy, headers))
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let h = hash_password("correct horse battery");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "correct horse battery"));
        assert!(!verify_password(&h, "wrong horse battery"));
        assert!(!verify_password("garbage", "x"));
    }

    #[test]
    fn common_passwords_are_refused() {
        for p in [
            "password123",
            "1234567890",
            "qwertyuiop",
            "iloveyou123",
            "admin12345",
        ] {
            assert!(password_is_common(p, &[]), "{p} should count as common");
        }
        assert!(password_is_common("zhangwei2026", &["zhangwei"]));
        assert!(!password_is_common("湖畔的风吹过 7 棵银杏树", &[]));
        assert!(!password_is_common(&generate_password(), &[]));
    }

    #[test]
    fn cookie_has_the_required_flags() {
        let mut headers = HeaderMap::new();
        let c = session_cookie("abc", SecureCookies::Auto, &headers);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
        headers.insert("x-forwarded-proto", "https".parse().unwrap());
        assert!(session_cookie("abc", SecureCookies::Auto, &headers).contains("Secure"));
        headers.insert(
            http::header::COOKIE,
            "a=b; minyi_session=tok".parse().unwrap(),
        );
        assert_eq!(cookie_token(&headers).as_deref(), Some("tok"));
    }

    #[test]
    fn tokens_are_long_and_hashed() {
        let t = new_token();
        assert_eq!(t.len(), 64);
        assert_ne!(token_hash(&t), t);
        assert_eq!(token_hash(&t).len(), 64);
    }
}
