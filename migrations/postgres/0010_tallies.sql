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

CREATE FUNCTION opinion_tallies_keep() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE opinion_tallies SET n = n - 1 WHERE solicitation_id = OLD.solicitation_id
            AND status = OLD.status AND channel = OLD.channel AND street = OLD.street;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO opinion_tallies (solicitation_id, status, channel, street, n)
            VALUES (NEW.solicitation_id, NEW.status, NEW.channel, NEW.street, 1)
            ON CONFLICT (solicitation_id, status, channel, street)
            DO UPDATE SET n = opinion_tallies.n + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER opinion_tallies_insert AFTER INSERT OR DELETE ON opinions
    FOR EACH ROW EXECUTE FUNCTION opinion_tallies_keep();
CREATE TRIGGER opinion_tallies_update AFTER UPDATE OF solicitation_id, status, channel, street ON opinions
    FOR EACH ROW WHEN (OLD.solicitation_id <> NEW.solicitation_id OR OLD.status <> NEW.status
        OR OLD.channel <> NEW.channel OR OLD.street <> NEW.street)
    EXECUTE FUNCTION opinion_tallies_keep();

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

CREATE FUNCTION target_tallies_keep() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE target_tallies SET n = n - 1 WHERE solicitation_id = OLD.solicitation_id
            AND target = OLD.target AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO target_tallies (solicitation_id, target, status, n)
            VALUES (NEW.solicitation_id, NEW.target, NEW.status, 1)
            ON CONFLICT (solicitation_id, target, status)
            DO UPDATE SET n = target_tallies.n + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER target_tallies_insert AFTER INSERT OR DELETE ON opinions
    FOR EACH ROW EXECUTE FUNCTION target_tallies_keep();
CREATE TRIGGER target_tallies_update AFTER UPDATE OF solicitation_id, target, status ON opinions
    FOR EACH ROW WHEN (OLD.solicitation_id <> NEW.solicitation_id OR OLD.target <> NEW.target
        OR OLD.status <> NEW.status)
    EXECUTE FUNCTION target_tallies_keep();

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

CREATE FUNCTION feedback_waits_keep() RETURNS trigger AS $$
BEGIN
    INSERT INTO feedback_waits (opinion_id, solicitation_id, wait_ms)
        SELECT o.id, o.solicitation_id, NEW.at - o.created_at FROM opinions o WHERE o.id = NEW.opinion_id
        ON CONFLICT (opinion_id) DO NOTHING;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER feedback_waits_insert AFTER INSERT ON opinion_events
    FOR EACH ROW WHEN (NEW.to_status IN ('adopted', 'partially_adopted', 'not_adopted'))
    EXECUTE FUNCTION feedback_waits_keep();

-- The staff detail page compares an opinion with the newest others of its solicitation.
CREATE INDEX opinions_solicitation_recent ON opinions (solicitation_id, id);
