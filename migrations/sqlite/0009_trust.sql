-- Sent-back forms (drafts) belong to the browser that posted them: `owner_hash` is the SHA-256 of
-- that browser's form cookie, and `token_hash` the SHA-256 of the token in the URL, so neither a
-- link nor a copy of this table shows someone else's draft. `bytes` is what the payload costs,
-- counted against per-address and overall hourly budgets before it is written.
DROP TABLE form_drafts;
CREATE TABLE form_drafts (
    token_hash TEXT PRIMARY KEY,
    owner_hash TEXT NOT NULL,
    form TEXT NOT NULL,
    payload TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX form_drafts_expiry ON form_drafts (expires_at);

-- Keys this deployment signs with (links carrying a small form, session tokens), made once and
-- shared by every instance.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Sign-in failures counted per (username, client address) and per client address, never per
-- username alone, so that a stranger can slow only their own attempts. The bucket names are
-- hashes; `blocked_until` is when the next attempt from that bucket is heard. `name_hash` (the
-- username's hash, for per-name buckets) lets admins see failures against an account and lets a
-- password reset forget them.
DROP TABLE login_throttle;
CREATE TABLE login_throttle (
    bucket TEXT PRIMARY KEY,
    name_hash TEXT,
    failures BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX login_throttle_updated ON login_throttle (updated_at);
CREATE INDEX login_throttle_name ON login_throttle (name_hash);

-- Old windows of every bucket are purged together.
CREATE INDEX rate_counters_window ON rate_counters (window_start);
