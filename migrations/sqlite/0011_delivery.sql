-- Messages staff deliver by hand are a work list: each is to do until someone records that it
-- was delivered (when, by whom, how), and stays listed until then, however many there are.
ALTER TABLE notifications ADD COLUMN delivered_at BIGINT;
ALTER TABLE notifications ADD COLUMN delivered_by BIGINT REFERENCES accounts (id);
ALTER TABLE notifications ADD COLUMN delivered_note TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN delivered_at BIGINT;
ALTER TABLE messages ADD COLUMN delivered_by BIGINT REFERENCES accounts (id);
ALTER TABLE messages ADD COLUMN delivered_note TEXT NOT NULL DEFAULT '';
CREATE INDEX notifications_by_hand ON notifications (status, delivered_at, updated_at);
CREATE INDEX messages_by_hand ON messages (status, delivered_at, updated_at);
