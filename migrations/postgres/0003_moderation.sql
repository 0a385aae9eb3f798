-- Moderation: which station handles an opinion (station staff see only their own), why an opinion
-- was rejected, and the indexes that keep the staff queue fast at a million opinions (keyset
-- pagination on id, newest or oldest first, within the usual filters).

ALTER TABLE opinions ADD COLUMN station_id BIGINT REFERENCES stations (id);
-- 'spam', 'off_topic', 'abusive', 'duplicate', 'petition', 'litigation', 'arbitration' or ''.
ALTER TABLE opinions ADD COLUMN reject_reason TEXT NOT NULL DEFAULT '';

-- Opinions already stored go to the station in their street, where there is one.
UPDATE opinions SET station_id = (
    SELECT st.id FROM stations st WHERE st.street <> '' AND st.street = opinions.street
    ORDER BY st.id LIMIT 1
);

CREATE INDEX opinions_queue_status ON opinions (status, id);
CREATE INDEX opinions_queue_station ON opinions (station_id, status, id);
CREATE INDEX opinions_queue_station_all ON opinions (station_id, id);
CREATE INDEX opinions_queue_solicitation ON opinions (solicitation_id, status, id);
