-- Public statistics read tallies kept by the database itself, in the same transaction as every
-- change of an opinion, instead of counting every opinion on every view of /stats.
CREATE TABLE opinion_tallies (
    solicitation_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    street TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (solicitation_id, status, channel, street)
);

INSERT INTO opinion_tallies (solicitation_id, status, channel, street, n)
    SELECT solicitation_id, status, channel, street, COUNT(*) FROM opinions
    GROUP BY solicitation_id, status, channel, street;

CREATE TRIGGER opinion_tallies_insert AFTER INSERT ON opinions
BEGIN
    INSERT INTO opinion_tallies (solicitation_id, status, channel, street, n)
        VALUES (NEW.solicitation_id, NEW.status, NEW.channel, NEW.street, 1)
        ON CONFLICT (solicitation_id, status, channel, street) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER opinion_tallies_update AFTER UPDATE OF solicitation_id, status, channel, street ON opinions
    WHEN OLD.solicitation_id <> NEW.solicitation_id OR OLD.status <> NEW.status
        OR OLD.channel <> NEW.channel OR OLD.street <> NEW.street
BEGIN
    UPDATE opinion_tallies SET n = n - 1 WHERE solicitation_id = OLD.solicitation_id
        AND status = OLD.status AND channel = OLD.channel AND street = OLD.street;
    INSERT INTO opinion_tallies (solicitation_id, status, channel, street, n)
        VALUES (NEW.solicitation_id, NEW.status, NEW.channel, NEW.street, 1)
        ON CONFLICT (solicitation_id, status, channel, street) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER opinion_tallies_delete AFTER DELETE ON opinions
BEGIN
    UPDATE opinion_tallies SET n = n - 1 WHERE solicitation_id = OLD.solicitation_id
        AND status = OLD.status AND channel = OLD.channel AND street = OLD.street;
END;

-- Per article (target) and status, for the counts on a draft's articles.
CREATE TABLE target_tallies (
    solicitation_id BIGINT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (solicitation_id, target, status)
);

INSERT INTO target_tallies (solicitation_id, target, status, n)
    SELECT solicitation_id, target, status, COUNT(*) FROM opinions
    GROUP BY solicitation_id, target, status;

CREATE TRIGGER target_tallies_insert AFTER INSERT ON opinions
BEGIN
    INSERT INTO target_tallies (solicitation_id, target, status, n)
        VALUES (NEW.solicitation_id, NEW.target, NEW.status, 1)
        ON CONFLICT (solicitation_id, target, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER target_tallies_update AFTER UPDATE OF solicitation_id, target, status ON opinions
    WHEN OLD.solicitation_id <> NEW.solicitation_id OR OLD.target <> NEW.target
        OR OLD.status <> NEW.status
BEGIN
    UPDATE target_tallies SET n = n - 1 WHERE solicitation_id = OLD.solicitation_id
        AND target = OLD.target AND status = OLD.status;
    INSERT INTO target_tallies (solicitation_id, target, status, n)
        VALUES (NEW.solicitation_id, NEW.target, NEW.status, 1)
        ON CONFLICT (solicitation_id, target, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER target_tallies_delete AFTER DELETE ON opinions
BEGIN
    UPDATE target_tallies SET n = n - 1 WHERE solicitation_id = OLD.solicitation_id
        AND target = OLD.target AND status = OLD.status;
END;

-- How long each answered opinion waited: from submission to its first adoption feedback.
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
