-- Public pages are served from a cache of rendered pages (src/server/pages.rs), which must never
-- show what a write has changed. Every change to a table whose rows a public page may show bumps
-- one version number, in the change's own transaction; a cached page is served only while the
-- version it was rendered at is still the current one. The tables left out hold nothing a public
-- page shows: sessions, sign-in throttles, form drafts, the audit log, rate counters,
-- notifications, outgoing messages, server secrets, the tallies and their deltas (a fold moves
-- counts without changing a sum; the opinion change that made a delta bumps the version itself)
-- and the keyword index. tests/pages.rs checks that every other table is watched.
-- On PostgreSQL writers run side by side: each statement appends a row instead of updating a
-- shared one (no waiting, no deadlock), and the version is the folded count plus the rows not yet
-- folded. A row's number is not used: sequence numbers are taken before commit, so a smaller one can
-- become visible after a larger; the count only ever grows, one commit at a time.
CREATE TABLE page_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n BIGINT NOT NULL
);
INSERT INTO page_version (id, n) VALUES (1, 1);

CREATE TABLE page_changes (
    id BIGSERIAL PRIMARY KEY
);

CREATE FUNCTION page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO page_changes DEFAULT VALUES;
    RETURN NULL;
END
$$;

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['stations', 'accounts', 'stories', 'solicitations', 'solicitation_stations', 'draft_versions', 'opinions', 'opinion_events', 'reports', 'report_items', 'report_opinions', 'consultations', 'registrations', 'deputies', 'deputy_slots', 'appointments', 'feedback_waits']
    LOOP
        EXECUTE format('CREATE TRIGGER page_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION page_changed()', t);
    END LOOP;
END
$$;
