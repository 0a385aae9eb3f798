//! Sign-in mechanics: Argon2id password hashes, the common-password check, session tokens and the
//! session cookie. The decisions (who may do what) are in `domain::policy` and `server::guard`.

use super::config::SecureCookies;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::Argon2;
use cookie::{Cookie, SameSite};
use hmac::{Hmac, Mac};
use http::HeaderMap;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::Arc;

pub const SESSION_COOKIE: &str = "minyi_session";
/// The cookie naming the browser that a sent-back form belongs to.
pub const FORM_COOKIE: &str = "minyi_form";

/// The deployment's signing key (HMAC-SHA256): made once, kept in the database, the same in
/// every instance. It signs what the server hands out and must later recognise as its own.
#[derive(Clone)]
pub struct Keys(Arc<Vec<u8>>);

impl Keys {
    /// The key stored in `db`, made on first use.
    pub async fn load(db: &super::db::Db) -> Result<Keys, sqlx::Error> {
        let value = super::db::secrets::get_or_create(db, "hmac-v1", &new_token()).await?;
        Ok(Keys(Arc::new(value.into_bytes())))
    }

    fn mac(&self, purpose: &str, data: &str) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data.as_bytes());
        mac
    }

    /// A tag over `data` for `purpose`: 32 hex characters (128 bits).
    pub fn sign(&self, purpose: &str, data: &str) -> String {
        hex(&self.mac(purpose, data).finalize().into_bytes()[..16])
    }

    /// Whether `tag` is [`Keys::sign`]'s tag over `data` for `purpose`, compared in constant time.
    pub fn verify(&self, purpose: &str, data: &str, tag: &str) -> bool {
        match unhex(tag) {
            Some(bytes) if bytes.len() == 16 => self
                .mac(purpose, data)
                .verify_truncated_left(&bytes)
                .is_ok(),
            _ => false,
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Hashes a password with Argon2id and a random salt (PHC string format).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .expect("Argon2 with default parameters hashes any password")
}

/// Whether `password` matches `hash`. A malformed hash never matches. The algorithm's working
/// memory (19 MiB with the default parameters) stays with the calling thread and serves its next
/// check: allocated afresh each time, it was not given back to the system, and a stream of
/// sign-ins grew the server by 19 MiB every few checks.
pub fn verify_password(hash: &str, password: &str) -> bool {
    use argon2::{password_hash::Output, Algorithm, Block, Params, Version};
    thread_local! {
        static MEMORY: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        Algorithm::try_from(parsed.algorithm),
        Params::try_from(&parsed),
    ) else {
        return false;
    };
    let Ok(version) = parsed.version.map(Version::try_from).transpose() else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let blocks = params.block_count();
    let argon = Argon2::new(algorithm, version.unwrap_or_default(), params);
    let mut out = vec![0u8; expected.len()];
    let computed = MEMORY.with_borrow_mut(|memory| {
        if memory.len() != blocks {
            *memory = vec![Block::default(); blocks];
        }
        argon
            .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, &mut memory[..])
            .is_ok()
    });
    // Output compares in constant time.
    computed && Output::new(&out).is_ok_and(|o| o == expected)
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
    hex(&Sha256::digest(token.as_bytes()))
}

/// A new session token: 128 random bits and this deployment's tag over them, 64 hex characters.
/// The tag lets the server tell a session it issued, even one whose row is long gone, from a
/// made-up cookie.
pub fn new_session_token(keys: &Keys) -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let random = hex(&bytes);
    let tag = keys.sign("session", &random);
    format!("{random}{tag}")
}

/// Whether `token` is a session token this deployment issued (live or ended).
pub fn issued_here(keys: &Keys, token: &str) -> bool {
    token.len() == 64 && token.is_ascii() && keys.verify("session", &token[..32], &token[32..])
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
    cookie_value(headers, SESSION_COOKIE)
}

/// The value of cookie `name` in the request, if any and not empty.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty())
}

/// The `Set-Cookie` value naming this browser as the owner of its sent-back forms: HttpOnly,
/// SameSite=Lax, for a day.
pub fn form_cookie(value: &str, policy: SecureCookies, headers: &HeaderMap) -> String {
    Cookie::build((FORM_COOKIE, value.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure(policy, headers))
        .max_age(cookie::time::Duration::days(1))
        .build()
        .to_string()
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
    fn hashes_with_other_parameters_verify_too() {
        // A hash made by another tool or an older setting, with its own parameters and length.
        let params = argon2::Params::new(4096, 3, 1, Some(24)).unwrap();
        let argon = Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let salt = SaltString::generate(&mut OsRng);
        let h = argon
            .hash_password(b"river stones 2026", &salt)
            .unwrap()
            .to_string();
        assert!(verify_password(&h, "river stones 2026"));
        assert!(!verify_password(&h, "river stones 2027"));
        // The same thread checks a default-parameter hash next, with its memory resized.
        let d = hash_password("another one entirely");
        assert!(verify_password(&d, "another one entirely"));
        assert!(!verify_password(
            "$argon2id$v=19$m=19456,t=2,p=1$bad$bad",
            "x"
        ));
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
    fn session_tokens_are_recognised_only_when_issued_here() {
        let keys = Keys(Arc::new(b"one deployment".to_vec()));
        let other = Keys(Arc::new(b"another deployment".to_vec()));
        let t = new_session_token(&keys);
        assert_eq!(t.len(), 64);
        assert!(issued_here(&keys, &t));
        assert!(!issued_here(&other, &t), "another key does not know it");
        let mut forged = t.clone();
        forged.replace_range(63.., if t.ends_with('0') { "1" } else { "0" });
        assert!(!issued_here(&keys, &forged));
        assert!(!issued_here(&keys, &"ab".repeat(32)));
        assert!(!issued_here(&keys, "short"));
        assert!(!issued_here(&keys, &"é".repeat(32)));
    }

    #[test]
    fn tokens_are_long_and_hashed() {
        let t = new_token();
        assert_eq!(t.len(), 64);
        assert_ne!(token_hash(&t), t);
        assert_eq!(token_hash(&t).len(), 64);
    }
}
