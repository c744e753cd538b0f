-- Admin edits of a source carry the version they were made on: an edit of a source that
-- someone else changed meanwhile is refused instead of overwriting theirs (Source, @Version).
-- shipped_as is what db/sources/sources.yaml last said of a shipped source: when the file
-- changes, a field the admin left as shipped takes the new value, a field they edited keeps
-- theirs (ShippedSourcesRefresh). Null for sources that were not shipped.
alter table source
    add column version    bigint not null default 0,
    add column shipped_as jsonb;
