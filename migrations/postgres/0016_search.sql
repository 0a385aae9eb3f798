-- Public search (issue 14): stories, calls for opinions, the articles of every version of their
-- drafts, consultation sessions and deputies, found by the words of a query in Chinese. Each is
-- a row of search_docs holding the plain text shown in results, indexed by its overlapping
-- two-character pieces as opinions are (migration 0013, domain::search) under the 'simple'
-- configuration: a word of the query is the phrase of its pieces. The title's pieces carry
-- weight A and the body's weight D, so a word in a title ranks higher (ts_rank).
-- Published opinions are found through opinion_grams, the index the staff queue already uses.
--
-- The rows are written by the server (domain::search::pieces cuts the text, the same cut for
-- both databases) from search_dirty: every change to a row the search shows marks it there, by
-- the triggers below, whichever code made the change, and the next search brings those rows up
-- to date before it answers. Whether a row may be shown is still checked against its source
-- table on every search, so a story taken down is gone from results at once.
CREATE TABLE search_docs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',
    tag TEXT NOT NULL DEFAULT '',
    href TEXT NOT NULL,
    day TEXT NOT NULL DEFAULT '',
    seq BIGINT NOT NULL DEFAULT 0,
    grams TSVECTOR NOT NULL
);
-- A story's pieces make a vector of several kilobytes, read twice per match (the phrase check and
-- the rank): kept out of line but uncompressed, a word found in every story is answered faster.
ALTER TABLE search_docs ALTER COLUMN grams SET STORAGE EXTERNAL;
CREATE INDEX search_docs_owner ON search_docs (owner, owner_id);
CREATE INDEX search_docs_grams ON search_docs USING gin (grams);

CREATE TABLE search_dirty (
    owner TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    PRIMARY KEY (owner, owner_id)
);

-- Marks the changed row: TG_ARGV[0] names its owner; draft versions mark their solicitation.
CREATE FUNCTION search_mark() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    IF TG_TABLE_NAME = 'draft_versions' THEN
        INSERT INTO search_dirty VALUES (TG_ARGV[0], r.solicitation_id) ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO search_dirty VALUES (TG_ARGV[0], r.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_story AFTER INSERT OR DELETE OR UPDATE OF slug, kind, title, summary,
    body_md, published_on, is_published ON stories
    FOR EACH ROW EXECUTE FUNCTION search_mark('story');
CREATE TRIGGER search_solicitation AFTER INSERT OR DELETE OR UPDATE OF title, stage, issuer,
    explanation_md, questions, status, outcome_md, closes_at ON solicitations
    FOR EACH ROW EXECUTE FUNCTION search_mark('solicitation');
CREATE TRIGGER search_version AFTER INSERT OR DELETE OR UPDATE OF label, parsed_json
    ON draft_versions FOR EACH ROW EXECUTE FUNCTION search_mark('solicitation');
CREATE TRIGGER search_consultation AFTER INSERT OR DELETE OR UPDATE OF kind, title, topic,
    description_md, address, starts_at, status, minutes_md, outcomes_md ON consultations
    FOR EACH ROW EXECUTE FUNCTION search_mark('consultation');
CREATE TRIGGER search_deputy AFTER INSERT OR DELETE OR UPDATE OF name, level, constituency, intro,
    reception_days, published ON deputies
    FOR EACH ROW EXECUTE FUNCTION search_mark('deputy');

INSERT INTO search_dirty SELECT 'story', id FROM stories;
INSERT INTO search_dirty SELECT 'solicitation', id FROM solicitations;
INSERT INTO search_dirty SELECT 'consultation', id FROM consultations;
INSERT INTO search_dirty SELECT 'deputy', id FROM deputies;
