-- The staff queue at a million opinions: a keyword found in one opinion and a month far back were
-- answered by reading every row. Chinese has no spaces between words and a two-character word such
-- as 养老 must be found, so the text is indexed by its overlapping two-character pieces (养老 老服
-- 服务 ...): a keyword is then the phrase of its own pieces, which every text holding the keyword
-- contains at consecutive positions. The queue still checks the exact text with LIKE, so the index
-- only narrows the rows; it never decides what matches. The last character of a text is a piece of
-- its own, so a one-character keyword is a prefix query.
CREATE INDEX opinions_received ON opinions (received_on);

CREATE VIRTUAL TABLE opinion_grams USING fts5 (grams, content = '', tokenize = 'unicode61');

-- The pieces of one text, as the triggers and the fill below compute them. FTS5 keeps no copy of
-- the text (content = ''), so removing a row means giving it the same pieces again.
CREATE TRIGGER opinion_grams_insert AFTER INSERT ON opinions BEGIN
    INSERT INTO opinion_grams (rowid, grams) VALUES (new.id, (
        WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(new.content))
        SELECT group_concat(substr(new.content, n, 2), ' ') FROM i));
END;

CREATE TRIGGER opinion_grams_update AFTER UPDATE OF content ON opinions BEGIN
    INSERT INTO opinion_grams (opinion_grams, rowid, grams) VALUES ('delete', old.id, (
        WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(old.content))
        SELECT group_concat(substr(old.content, n, 2), ' ') FROM i));
    INSERT INTO opinion_grams (rowid, grams) VALUES (new.id, (
        WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(new.content))
        SELECT group_concat(substr(new.content, n, 2), ' ') FROM i));
END;

CREATE TRIGGER opinion_grams_delete AFTER DELETE ON opinions BEGIN
    INSERT INTO opinion_grams (opinion_grams, rowid, grams) VALUES ('delete', old.id, (
        WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(old.content))
        SELECT group_concat(substr(old.content, n, 2), ' ') FROM i));
END;

INSERT INTO opinion_grams (rowid, grams)
SELECT o.id, (
    WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < length(o.content))
    SELECT group_concat(substr(o.content, n, 2), ' ') FROM i)
FROM opinions o;
