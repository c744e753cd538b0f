-- Read models: each table has one owning feature (src/test/resources/table-owners.yaml), and
-- another feature reads it only through a view its owner publishes here. A view names the
-- columns the owner promises to keep, so the owner may reshape its tables behind it.
-- PostgreSQL inlines these simple views into the queries that read them: the plans and the
-- indexes used are the same as on the tables (checked with EXPLAIN on the timeline queries).

-- Published by sources: what a source is, not how it is crawled (no settings, lease or errors).
create view source_view as
select id, key, name, kind, official, country_code, language, enabled
from source;

-- Published by items: an item as readers show and filter it (no content hash).
create view item_view as
select id, source_id, canonical_key, url, title, item_type, language, author, published_at,
       published_precision, published_raw, first_seen_at, updated_at, summary, body_html, body_text,
       partial, partial_reason, withdrawn_at, withdrawn_note, story_id, version, search
from item;

-- Published by items: earlier versions of an item's text.
create view item_version_view as
select item_id, version, title, body_html, body_text, valid_from, valid_to
from item_version;

-- Published by items: each stored raw response with the item it was extracted into, for
-- re-running extraction offline.
create view item_capture_view as
select c.item_id, i.source_id, i.canonical_key, i.url, c.url as fetched_url, c.fetched_at, c.http_status,
       c.content_type, c.charset, c.body_gzip, c.extra
from raw_capture c
join item i on i.id = c.item_id;

-- Published by tagging: the gazetteer and what each item names.
create view entity_view as
select id, type, key, name, wikidata, country_code, kind, parent_id, attributes
from entity;

create view entity_alias_view as
select entity_id, alias, match
from entity_alias;

create view person_role_view as
select entity_id, role, title, valid_from, valid_to
from person_role;

create view mention_view as
select item_id, entity_id, start_pos, end_pos, in_title, surface, confidence, resolved_by
from mention;

create view item_entity_view as
select item_id, entity_id, published_at, mentions, confidence
from item_entity;
