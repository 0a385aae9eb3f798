-- The staff queue at a million opinions: a keyword found in one opinion and a month far back were
-- answered by reading every row. Chinese has no spaces between words and a two-character word such
-- as 养老 must be found, so the text is indexed by its overlapping two-character pieces (养老 老服
-- 服务 ...) under the 'simple' configuration (no dictionary, no stop words): a keyword is then the
-- phrase of its own pieces, which every text holding the keyword contains at consecutive
-- positions. The queue still checks the exact text with LIKE, so the index only narrows the rows;
-- it never decides what matches. The last character of a text is a piece of its own, so a
-- one-character keyword is a prefix query. The pieces live in a table of their own, so that the
-- queue's scans of recent opinions read rows no larger than before.
CREATE INDEX opinions_received ON opinions (received_on, id);

CREATE FUNCTION minyi_grams(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(substr(t, i, 2), ' ' ORDER BY i), '')
    FROM generate_series(1, length(t)) AS i
$$;

CREATE TABLE opinion_grams (
    opinion_id BIGINT PRIMARY KEY REFERENCES opinions (id) ON DELETE CASCADE,
    grams TSVECTOR NOT NULL
);

CREATE FUNCTION opinion_grams_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO opinion_grams (opinion_id, grams)
    VALUES (NEW.id, to_tsvector('simple', minyi_grams(NEW.content)))
    ON CONFLICT (opinion_id) DO UPDATE SET grams = EXCLUDED.grams;
    RETURN NULL;
END
$$;

CREATE TRIGGER opinion_grams_sync AFTER INSERT OR UPDATE OF content ON opinions
    FOR EACH ROW EXECUTE FUNCTION opinion_grams_sync();

INSERT INTO opinion_grams (opinion_id, grams)
SELECT id, to_tsvector('simple', minyi_grams(content)) FROM opinions;

CREATE INDEX opinion_grams_words ON opinion_grams USING gin (grams);
