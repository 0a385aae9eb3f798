-- Opinion collection: solicitations (征集) in three stages, versions of a draft (草案) parsed into
-- provisions, opinions (意见) with their tracking codes and event timelines, and the counters that
-- limit how often one address may submit. Times are UTC milliseconds; flags are 0/1 integers.

CREATE TABLE solicitations (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('planning', 'drafting', 'evaluation')),
    issuer TEXT NOT NULL,
    explanation_md TEXT NOT NULL DEFAULT '',
    explanation_html TEXT NOT NULL DEFAULT '',
    -- Guiding questions for residents, one per line (立法前 and 立法后).
    questions TEXT NOT NULL DEFAULT '',
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'reported', 'concluded')),
    outcome_md TEXT NOT NULL DEFAULT '',
    outcome_html TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES accounts (id),
    updated_by BIGINT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX solicitations_public ON solicitations (status, closes_at);

CREATE TABLE solicitation_stations (
    solicitation_id BIGINT NOT NULL REFERENCES solicitations (id) ON DELETE CASCADE,
    station_id BIGINT NOT NULL REFERENCES stations (id),
    PRIMARY KEY (solicitation_id, station_id)
);

CREATE TABLE draft_versions (
    id INTEGER PRIMARY KEY,
    solicitation_id BIGINT NOT NULL REFERENCES solicitations (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    source_text TEXT NOT NULL,
    -- The parsed tree (domain::statute::ParsedDraft) as JSON, so that a page never re-parses.
    parsed_json TEXT NOT NULL,
    article_count BIGINT NOT NULL,
    created_by BIGINT REFERENCES accounts (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX draft_versions_solicitation ON draft_versions (solicitation_id, id);

CREATE TABLE opinions (
    id INTEGER PRIMARY KEY,
    tracking_code TEXT NOT NULL UNIQUE,
    -- The secret of the private status link.
    access_key TEXT NOT NULL,
    -- The random key of the form it came from: a re-posted form finds the first opinion.
    submit_key TEXT UNIQUE,
    solicitation_id BIGINT NOT NULL REFERENCES solicitations (id),
    draft_version_id BIGINT REFERENCES draft_versions (id),
    -- '' (the whole text), 'art-3', 'art-10-1' (an article) or 'q-2' (a guiding question).
    target TEXT NOT NULL DEFAULT '',
    target_label TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    suggestion TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    community TEXT NOT NULL DEFAULT '',
    identity TEXT NOT NULL,
    publish_ok BIGINT NOT NULL DEFAULT 0,
    privacy_version TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL CHECK (channel IN ('online', 'meeting', 'letter', 'phone', 'mailbox', 'informant', 'visit')),
    received_on TEXT NOT NULL,
    entered_by BIGINT REFERENCES accounts (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'merged', 'reported',
        'adopted', 'partially_adopted', 'not_adopted')),
    merged_into BIGINT REFERENCES opinions (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX opinions_solicitation ON opinions (solicitation_id, status, target);
CREATE INDEX opinions_recent ON opinions (created_at);

CREATE TABLE opinion_events (
    id INTEGER PRIMARY KEY,
    opinion_id BIGINT NOT NULL REFERENCES opinions (id),
    at BIGINT NOT NULL,
    actor_id BIGINT REFERENCES accounts (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    -- Whether the resident sees this on their timeline.
    visible BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX opinion_events_opinion ON opinion_events (opinion_id, at);

-- Fixed-window counters (e.g. submissions per address per hour), shared by every app instance.
CREATE TABLE rate_counters (
    bucket TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
