-- Reports upward (意见汇总表) and the personal-data privilege.
-- A report holds the accepted opinions of one solicitation that no earlier report holds; per
-- article (or the whole text, or a question) staff write a summary and a handling suggestion.
-- Marking it sent moves its opinions from accepted to reported.

-- Whether a staff member may see residents' names and numbers (admins always may).
ALTER TABLE accounts ADD COLUMN personal_data BIGINT NOT NULL DEFAULT 0;

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    solicitation_id BIGINT NOT NULL REFERENCES solicitations (id),
    title TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent')),
    recipient TEXT NOT NULL DEFAULT '',
    sent_on TEXT NOT NULL DEFAULT '',
    sent_by BIGINT REFERENCES accounts (id),
    created_by BIGINT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX reports_solicitation ON reports (solicitation_id, id);

CREATE TABLE report_items (
    report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    handling TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, target)
);

CREATE TABLE report_opinions (
    report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    opinion_id BIGINT NOT NULL REFERENCES opinions (id),
    PRIMARY KEY (report_id, opinion_id)
);
CREATE UNIQUE INDEX report_opinions_once ON report_opinions (opinion_id);
