-- Public search (issue 14): stories, calls for opinions, the articles of every version of their
-- drafts, consultation sessions and deputies, found by the words of a query in Chinese. Each is
-- a row of search_docs holding the plain text shown in results, indexed by its overlapping
-- two-character pieces as opinions are (migration 0013, domain::search): a word of the query is
-- the phrase of its pieces. Title and body are separate columns, so a word in a title ranks
-- higher (bm25) and a phrase never runs from one into the other. Published opinions are found
-- through opinion_grams, the index the staff queue already uses.
--
-- The rows are written by the server (domain::search::pieces cuts the text, the same cut for
-- both databases) from search_dirty: every change to a row the search shows marks it there, by
-- the triggers below, whichever code made the change, and the next search brings those rows up
-- to date before it answers. Whether a row may be shown is still checked against its source
-- table on every search, so a story taken down is gone from results at once.
CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    -- The row of the table it was made from: 'story', 'solicitation' (the call and the articles
    -- of its drafts), 'consultation' or 'deputy', and its id.
    owner TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',
    tag TEXT NOT NULL DEFAULT '',
    href TEXT NOT NULL,
    day TEXT NOT NULL DEFAULT '',
    -- Within a kind, ties go to the newer: a later version's article before an earlier one's.
    seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX search_docs_owner ON search_docs (owner, owner_id);

CREATE VIRTUAL TABLE search_grams USING fts5 (
    title, body, content = '', contentless_delete = 1, tokenize = 'unicode61'
);

CREATE TABLE search_dirty (
    owner TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    PRIMARY KEY (owner, owner_id)
);

CREATE TRIGGER search_story_insert AFTER INSERT ON stories BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('story', new.id);
END;
CREATE TRIGGER search_story_update AFTER UPDATE OF slug, kind, title, summary, body_md, published_on,
    is_published ON stories BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('story', new.id);
END;
CREATE TRIGGER search_story_delete AFTER DELETE ON stories BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('story', old.id);
END;

CREATE TRIGGER search_solicitation_insert AFTER INSERT ON solicitations BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('solicitation', new.id);
END;
CREATE TRIGGER search_solicitation_update AFTER UPDATE OF title, stage, issuer, explanation_md,
    questions, status, outcome_md, closes_at ON solicitations BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('solicitation', new.id);
END;
CREATE TRIGGER search_solicitation_delete AFTER DELETE ON solicitations BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('solicitation', old.id);
END;
CREATE TRIGGER search_version_insert AFTER INSERT ON draft_versions BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('solicitation', new.solicitation_id);
END;
CREATE TRIGGER search_version_update AFTER UPDATE OF label, parsed_json ON draft_versions BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('solicitation', new.solicitation_id);
END;
CREATE TRIGGER search_version_delete AFTER DELETE ON draft_versions BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('solicitation', old.solicitation_id);
END;

CREATE TRIGGER search_consultation_insert AFTER INSERT ON consultations BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('consultation', new.id);
END;
CREATE TRIGGER search_consultation_update AFTER UPDATE OF kind, title, topic, description_md,
    address, starts_at, status, minutes_md, outcomes_md ON consultations BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('consultation', new.id);
END;
CREATE TRIGGER search_consultation_delete AFTER DELETE ON consultations BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('consultation', old.id);
END;

CREATE TRIGGER search_deputy_insert AFTER INSERT ON deputies BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('deputy', new.id);
END;
CREATE TRIGGER search_deputy_update AFTER UPDATE OF name, level, constituency, intro,
    reception_days, published ON deputies BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('deputy', new.id);
END;
CREATE TRIGGER search_deputy_delete AFTER DELETE ON deputies BEGIN
    INSERT OR IGNORE INTO search_dirty VALUES ('deputy', old.id);
END;

INSERT INTO search_dirty SELECT 'story', id FROM stories;
INSERT INTO search_dirty SELECT 'solicitation', id FROM solicitations;
INSERT INTO search_dirty SELECT 'consultation', id FROM consultations;
INSERT INTO search_dirty SELECT 'deputy', id FROM deputies;
