-- Public statistics and the counts on solicitation pages read tallies instead of counting the
-- opinions on every view. Every change of an opinion appends its +1/-1 to a delta table, by
-- trigger, in the same transaction; appending touches no shared row, so concurrent writers never
-- wait on (or deadlock over) a hot counter. A worker folds the deltas into the tallies now and
-- then; readers add the tallies and the deltas not yet folded, so the figures are always exact.
CREATE TABLE opinion_tallies (
    solicitation_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    street TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (solicitation_id, status, channel, street)
);
CREATE TABLE opinion_tally_deltas (
    id INTEGER PRIMARY KEY,
    solicitation_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    street TEXT NOT NULL,
    d BIGINT NOT NULL
);

-- Per article (target) and status, for the counts on a draft's articles and per solicitation.
CREATE TABLE target_tallies (
    solicitation_id BIGINT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (solicitation_id, target, status)
);
CREATE TABLE target_tally_deltas (
    id INTEGER PRIMARY KEY,
    solicitation_id BIGINT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    d BIGINT NOT NULL
);
CREATE INDEX target_tally_deltas_solicitation ON target_tally_deltas (solicitation_id);

INSERT INTO opinion_tallies (solicitation_id, status, channel, street, n)
    SELECT solicitation_id, status, channel, street, COUNT(*) FROM opinions
    GROUP BY solicitation_id, status, channel, street;
INSERT INTO target_tallies (solicitation_id, target, status, n)
    SELECT solicitation_id, target, status, COUNT(*) FROM opinions
    GROUP BY solicitation_id, target, status;

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

-- How long each answered opinion waited: from submission to its first adoption feedback (one row
-- per opinion, so no writer waits on another).
CREATE TABLE feedback_waits (
    opinion_id BIGINT PRIMARY KEY,
    solicitation_id BIGINT NOT NULL,
    wait_ms BIGINT NOT NULL
);
CREATE INDEX feedback_waits_solicitation ON feedback_waits (solicitation_id);

INSERT INTO feedback_waits (opinion_id, solicitation_id, wait_ms)
    SELECT o.id, o.solicitation_id, MIN(e.at) - o.created_at FROM opinion_events e
    JOIN opinions o ON o.id = e.opinion_id
    WHERE e.to_status IN ('adopted', 'partially_adopted', 'not_adopted')
    GROUP BY o.id, o.solicitation_id, o.created_at;

CREATE TRIGGER feedback_waits_insert AFTER INSERT ON opinion_events
    WHEN NEW.to_status IN ('adopted', 'partially_adopted', 'not_adopted')
BEGIN
    INSERT INTO feedback_waits (opinion_id, solicitation_id, wait_ms)
        SELECT o.id, o.solicitation_id, NEW.at - o.created_at FROM opinions o WHERE o.id = NEW.opinion_id
        ON CONFLICT (opinion_id) DO NOTHING;
END;

-- The staff detail page compares an opinion with the newest others of its solicitation.
CREATE INDEX opinions_solicitation_recent ON opinions (solicitation_id, id);
