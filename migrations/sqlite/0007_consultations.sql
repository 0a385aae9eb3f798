-- Consultation sessions (协商会, 座谈会, 听证会, 论证会, 代表接待日), residents' registrations with
-- an exact capacity and a waitlist, and an outbox of prewritten messages to residents about their
-- sessions (cancellations, places freed from the waitlist, reminders the day before).

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('deliberation', 'forum', 'hearing', 'argumentation', 'reception')),
    title TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    description_md TEXT NOT NULL DEFAULT '',
    description_html TEXT NOT NULL DEFAULT '',
    station_id BIGINT REFERENCES stations (id),
    address TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    reg_opens_at BIGINT NOT NULL,
    reg_closes_at BIGINT NOT NULL,
    solicitation_id BIGINT REFERENCES solicitations (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled', 'completed')),
    cancel_reason TEXT NOT NULL DEFAULT '',
    minutes_md TEXT NOT NULL DEFAULT '',
    minutes_html TEXT NOT NULL DEFAULT '',
    outcomes_md TEXT NOT NULL DEFAULT '',
    outcomes_html TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES accounts (id),
    updated_by BIGINT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX consultations_public ON consultations (status, starts_at);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    code TEXT NOT NULL UNIQUE,
    access_key TEXT NOT NULL,
    submit_key TEXT UNIQUE,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'attended', 'absent')),
    -- The opinion staff entered from the views this person raised at the session.
    opinion_id BIGINT REFERENCES opinions (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- One place per phone number and session; a cancelled registration frees the number again.
CREATE UNIQUE INDEX registrations_one_per_phone ON registrations (consultation_id, phone)
    WHERE status <> 'cancelled';
CREATE INDEX registrations_session ON registrations (consultation_id, status, id);
CREATE INDEX registrations_phone ON registrations (phone);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    registration_id BIGINT REFERENCES registrations (id),
    station_id BIGINT REFERENCES stations (id),
    code TEXT NOT NULL,
    -- The private page of what it is about: /track/BM-2026-7K3Q9?k=…
    link TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'kept', 'failed')),
    due_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX messages_due ON messages (status, due_at);
-- One reminder per registration, however often the reminder job runs.
CREATE UNIQUE INDEX messages_one_reminder ON messages (registration_id) WHERE kind = 'session_reminder';
