-- Public pages are served from a cache of rendered pages (src/server/pages.rs), which must never
-- show what a write has changed. Every change to a table whose rows a public page may show bumps
-- one version number, in the change's own transaction; a cached page is served only while the
-- version it was rendered at is still the current one. The tables left out hold nothing a public
-- page shows: sessions, sign-in throttles, form drafts, the audit log, rate counters,
-- notifications, outgoing messages, server secrets, the tallies and their deltas (a fold moves
-- counts without changing a sum; the opinion change that made a delta bumps the version itself)
-- and the keyword index. tests/pages.rs checks that every other table is watched.
-- SQLite has one writer at a time, so one counter row costs writers no waiting.
CREATE TABLE page_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n BIGINT NOT NULL
);
INSERT INTO page_version (id, n) VALUES (1, 1);
CREATE TRIGGER page_version_stations_insert AFTER INSERT ON stations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_stations_update AFTER UPDATE ON stations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_stations_delete AFTER DELETE ON stations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_accounts_insert AFTER INSERT ON accounts BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_accounts_update AFTER UPDATE ON accounts BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_accounts_delete AFTER DELETE ON accounts BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_stories_insert AFTER INSERT ON stories BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_stories_update AFTER UPDATE ON stories BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_stories_delete AFTER DELETE ON stories BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_solicitations_insert AFTER INSERT ON solicitations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_solicitations_update AFTER UPDATE ON solicitations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_solicitations_delete AFTER DELETE ON solicitations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_solicitation_stations_insert AFTER INSERT ON solicitation_stations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_solicitation_stations_update AFTER UPDATE ON solicitation_stations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_solicitation_stations_delete AFTER DELETE ON solicitation_stations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_draft_versions_insert AFTER INSERT ON draft_versions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_draft_versions_update AFTER UPDATE ON draft_versions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_draft_versions_delete AFTER DELETE ON draft_versions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_opinions_insert AFTER INSERT ON opinions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_opinions_update AFTER UPDATE ON opinions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_opinions_delete AFTER DELETE ON opinions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_opinion_events_insert AFTER INSERT ON opinion_events BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_opinion_events_update AFTER UPDATE ON opinion_events BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_opinion_events_delete AFTER DELETE ON opinion_events BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_reports_insert AFTER INSERT ON reports BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_reports_update AFTER UPDATE ON reports BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_reports_delete AFTER DELETE ON reports BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_report_items_insert AFTER INSERT ON report_items BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_report_items_update AFTER UPDATE ON report_items BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_report_items_delete AFTER DELETE ON report_items BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_report_opinions_insert AFTER INSERT ON report_opinions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_report_opinions_update AFTER UPDATE ON report_opinions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_report_opinions_delete AFTER DELETE ON report_opinions BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_consultations_insert AFTER INSERT ON consultations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_consultations_update AFTER UPDATE ON consultations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_consultations_delete AFTER DELETE ON consultations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_registrations_insert AFTER INSERT ON registrations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_registrations_update AFTER UPDATE ON registrations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_registrations_delete AFTER DELETE ON registrations BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_deputies_insert AFTER INSERT ON deputies BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_deputies_update AFTER UPDATE ON deputies BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_deputies_delete AFTER DELETE ON deputies BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_deputy_slots_insert AFTER INSERT ON deputy_slots BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_deputy_slots_update AFTER UPDATE ON deputy_slots BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_deputy_slots_delete AFTER DELETE ON deputy_slots BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_appointments_insert AFTER INSERT ON appointments BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_appointments_update AFTER UPDATE ON appointments BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_appointments_delete AFTER DELETE ON appointments BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_feedback_waits_insert AFTER INSERT ON feedback_waits BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_feedback_waits_update AFTER UPDATE ON feedback_waits BEGIN UPDATE page_version SET n = n + 1; END;
CREATE TRIGGER page_version_feedback_waits_delete AFTER DELETE ON feedback_waits BEGIN UPDATE page_version SET n = n + 1; END;
