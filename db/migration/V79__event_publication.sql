-- Spring Modulith's JDBC event publication registry: one row per event and listener, written in
-- the transaction that publishes the event (an item stored and its ItemStored commit together)
-- and completed when the listener's own transaction has committed. Rows not completed are
-- published again at start; completed rows are deleted after vigil.events.completed-retention.
-- The schema is Modulith 2.1.1's schemas/v2/schema-postgresql.sql, unchanged (its own schema
-- initialization is off: Flyway owns every table).
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
