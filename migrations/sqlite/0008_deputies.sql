-- Deputies (人大代表) with public profiles, their reception slots, and residents' appointments
-- with them (码上约代表): a slot takes a fixed number of bookings; a booking can also ask for
-- another time. Messages about appointments share the residents' outbox.

CREATE TABLE deputies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('national', 'city', 'district')),
    constituency TEXT NOT NULL DEFAULT '',
    station_id BIGINT REFERENCES stations (id),
    intro TEXT NOT NULL DEFAULT '',
    reception_days TEXT NOT NULL DEFAULT '',
    published BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE deputy_slots (
    id INTEGER PRIMARY KEY,
    deputy_id BIGINT NOT NULL REFERENCES deputies (id),
    station_id BIGINT REFERENCES stations (id),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    capacity BIGINT NOT NULL CHECK (capacity > 0),
    cancelled BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX deputy_slots_deputy ON deputy_slots (deputy_id, starts_at);

CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    deputy_id BIGINT NOT NULL REFERENCES deputies (id),
    -- NULL: the resident asked for another time (preferred_time says when suits them).
    slot_id BIGINT REFERENCES deputy_slots (id),
    preferred_time TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL UNIQUE,
    access_key TEXT NOT NULL,
    submit_key TEXT UNIQUE,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    matter TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'completed')),
    -- What staff told the resident when confirming or declining; a referral for 信访/诉讼/仲裁.
    staff_message TEXT NOT NULL DEFAULT '',
    decline_reason TEXT NOT NULL DEFAULT '',
    handling TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    -- An anonymized summary that may be published on the deputy's page.
    public_summary TEXT NOT NULL DEFAULT '',
    summary_published BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- One live booking per number and slot.
CREATE UNIQUE INDEX appointments_one_per_phone ON appointments (slot_id, phone)
    WHERE status IN ('requested', 'confirmed');
CREATE INDEX appointments_deputy ON appointments (deputy_id, status, id);
CREATE INDEX appointments_phone ON appointments (phone);

ALTER TABLE messages ADD COLUMN appointment_id BIGINT REFERENCES appointments (id);
CREATE UNIQUE INDEX messages_one_appointment_reminder ON messages (appointment_id)
    WHERE kind = 'appointment_reminder';
