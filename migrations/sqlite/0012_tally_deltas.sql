-- The tallies of 0010 were kept by triggers that updated one shared counter row per key, so
-- concurrent writers waited on (and on PostgreSQL could deadlock over) a hot row. Now every change
-- of an opinion appends its +1/-1 to a delta table, by trigger, in the same transaction; appending
-- touches no shared row. A worker folds the deltas into the tallies every few seconds; readers add
-- the tallies and the deltas not yet folded, so the figures are always exact. The tallies
-- themselves stay as 0010 left them: its triggers kept them exact up to this migration.
DROP TRIGGER opinion_tallies_insert;
DROP TRIGGER opinion_tallies_update;
DROP TRIGGER opinion_tallies_delete;
DROP TRIGGER target_tallies_insert;
DROP TRIGGER target_tallies_update;
DROP TRIGGER target_tallies_delete;

CREATE TABLE opinion_tally_deltas (
    id INTEGER PRIMARY KEY,
    solicitation_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    street TEXT NOT NULL,
    d BIGINT NOT NULL
);

CREATE TABLE target_tally_deltas (
    id INTEGER PRIMARY KEY,
    solicitation_id BIGINT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    d BIGINT NOT NULL
);
CREATE INDEX target_tally_deltas_solicitation ON target_tally_deltas (solicitation_id);


CREATE TRIGGER opinion_tallies_insert AFTER INSERT ON opinions
BEGIN
    INSERT INTO opinion_tally_deltas (solicitation_id, status, channel, street, d)
        VALUES (NEW.solicitation_id, NEW.status, NEW.channel, NEW.street, 1);
    INSERT INTO target_tally_deltas (solicitation_id, target, status, d)
        VALUES (NEW.solicitation_id, NEW.target, NEW.status, 1);
END;

CREATE TRIGGER opinion_tallies_update AFTER UPDATE OF solicitation_id, status, channel, street, target ON opinions
    WHEN OLD.solicitation_id <> NEW.solicitation_id OR OLD.status <> NEW.status
        OR OLD.channel <> NEW.channel OR OLD.street <> NEW.street OR OLD.target <> NEW.target
BEGIN
    INSERT INTO opinion_tally_deltas (solicitation_id, status, channel, street, d)
        VALUES (OLD.solicitation_id, OLD.status, OLD.channel, OLD.street, -1),
               (NEW.solicitation_id, NEW.status, NEW.channel, NEW.street, 1);
    INSERT INTO target_tally_deltas (solicitation_id, target, status, d)
        VALUES (OLD.solicitation_id, OLD.target, OLD.status, -1),
               (NEW.solicitation_id, NEW.target, NEW.status, 1);
END;

CREATE TRIGGER opinion_tallies_delete AFTER DELETE ON opinions
BEGIN
    INSERT INTO opinion_tally_deltas (solicitation_id, status, channel, street, d)
        VALUES (OLD.solicitation_id, OLD.status, OLD.channel, OLD.street, -1);
    INSERT INTO target_tally_deltas (solicitation_id, target, status, d)
        VALUES (OLD.solicitation_id, OLD.target, OLD.status, -1);
END;
