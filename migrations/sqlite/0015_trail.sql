-- The legislative trail. Until now the per-article tallies were keyed by the article's anchor
-- alone, so once a second version of a draft renumbered its articles, 第十二条 of the first
-- version and 第十二条 of the second were counted as one. The tallies are now kept per version
-- (0 for an opinion given where the solicitation had no draft), rebuilt from the opinions in
-- this migration's own transaction; the opinion tallies are untouched.
DROP TRIGGER opinion_tallies_insert;
DROP TRIGGER opinion_tallies_update;
DROP TRIGGER opinion_tallies_delete;
DROP TABLE target_tallies;
DROP TABLE target_tally_deltas;

CREATE TABLE target_tallies (
    solicitation_id BIGINT NOT NULL,
    draft_version_id BIGINT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (solicitation_id, draft_version_id, target, status)
);

INSERT INTO target_tallies (solicitation_id, draft_version_id, target, status, n)
    SELECT solicitation_id, COALESCE(draft_version_id, 0), target, status, COUNT(*) FROM opinions
    GROUP BY solicitation_id, COALESCE(draft_version_id, 0), target, status;

CREATE TABLE target_tally_deltas (
    id INTEGER PRIMARY KEY,
    solicitation_id BIGINT NOT NULL,
    draft_version_id BIGINT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    d BIGINT NOT NULL
);
CREATE INDEX target_tally_deltas_solicitation ON target_tally_deltas (solicitation_id);

CREATE TRIGGER opinion_tallies_insert AFTER INSERT ON opinions
BEGIN
    INSERT INTO opinion_tally_deltas (solicitation_id, status, channel, street, d)
        VALUES (NEW.solicitation_id, NEW.status, NEW.channel, NEW.street, 1);
    INSERT INTO target_tally_deltas (solicitation_id, draft_version_id, target, status, d)
        VALUES (NEW.solicitation_id, COALESCE(NEW.draft_version_id, 0), NEW.target, NEW.status, 1);
END;

CREATE TRIGGER opinion_tallies_update
    AFTER UPDATE OF solicitation_id, status, channel, street, target, draft_version_id ON opinions
    WHEN OLD.solicitation_id <> NEW.solicitation_id OR OLD.status <> NEW.status
        OR OLD.channel <> NEW.channel OR OLD.street <> NEW.street OR OLD.target <> NEW.target
        OR COALESCE(OLD.draft_version_id, 0) <> COALESCE(NEW.draft_version_id, 0)
BEGIN
    INSERT INTO opinion_tally_deltas (solicitation_id, status, channel, street, d)
        VALUES (OLD.solicitation_id, OLD.status, OLD.channel, OLD.street, -1),
               (NEW.solicitation_id, NEW.status, NEW.channel, NEW.street, 1);
    INSERT INTO target_tally_deltas (solicitation_id, draft_version_id, target, status, d)
        VALUES (OLD.solicitation_id, COALESCE(OLD.draft_version_id, 0), OLD.target, OLD.status, -1),
               (NEW.solicitation_id, COALESCE(NEW.draft_version_id, 0), NEW.target, NEW.status, 1);
END;

CREATE TRIGGER opinion_tallies_delete AFTER DELETE ON opinions
BEGIN
    INSERT INTO opinion_tally_deltas (solicitation_id, status, channel, street, d)
        VALUES (OLD.solicitation_id, OLD.status, OLD.channel, OLD.street, -1);
    INSERT INTO target_tally_deltas (solicitation_id, draft_version_id, target, status, d)
        VALUES (OLD.solicitation_id, COALESCE(OLD.draft_version_id, 0), OLD.target, OLD.status, -1);
END;

-- The alignment of each version with the one before it (domain::trail::Step as JSON), as staff
-- confirmed it when saving; NULL for versions saved before alignments were kept, which are
-- aligned when read.
ALTER TABLE draft_versions ADD COLUMN links_json TEXT;

-- The version a report's table is grouped by: the current one when it was compiled.
ALTER TABLE reports ADD COLUMN draft_version_id BIGINT REFERENCES draft_versions (id);

-- A version may be the enacted text (通过稿): the day it was adopted, the day it was
-- promulgated, and the address of its official publication ('' for a draft).
ALTER TABLE draft_versions ADD COLUMN adopted_on TEXT NOT NULL DEFAULT '';
ALTER TABLE draft_versions ADD COLUMN promulgated_on TEXT NOT NULL DEFAULT '';
ALTER TABLE draft_versions ADD COLUMN official_url TEXT NOT NULL DEFAULT '';
