-- Near-duplicate lookups when an item is stored: the same normalised title, or a similar opening
-- (pg_trgm), from another source. The expressions match ItemStore.linkStory exactly.
create index item_title_normalised on item (lower(regexp_replace(title, '[^[:alnum:]]+', ' ', 'g')));
create index item_head_trgm on item using gin (left(body_text, 500) gin_trgm_ops);
-- Item counts per source on the admin page, raw captures per source for reprocess.
create index raw_capture_source on raw_capture (source_id, item_id);
