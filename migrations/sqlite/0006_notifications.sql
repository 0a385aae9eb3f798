-- Notifications to residents about their own opinions: an optional e-mail address on the
-- opinion, and an outbox. At most one message per opinion waits at a time; a change while it
-- waits only moves its due time, so a resident gets one message about the state things reached,
-- never one per step. Without an address or a mail server a message is kept for staff to print.

ALTER TABLE opinions ADD COLUMN email TEXT NOT NULL DEFAULT '';

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    opinion_id BIGINT NOT NULL REFERENCES opinions (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'kept', 'failed')),
    due_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    email TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX notifications_one_waiting ON notifications (opinion_id) WHERE status = 'pending';
CREATE INDEX notifications_due ON notifications (status, due_at);
