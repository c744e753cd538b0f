-- Timeline: full-text search over items and the indexes the timeline's queries were measured with.

-- unaccent() is only STABLE (its dictionary could change), so a generated column cannot call it;
-- this wrapper names the dictionary explicitly and promises immutability, which holds as long as
-- nobody edits unaccent.rules (re-run the migration's UPDATE if they do).
create or replace function vigil_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- 'simple' (no stemming) because items are in several languages: English, Polish, German,
-- French, Romanian... A stemmer for one language would mangle the others; accent folding and
-- prefix queries cover most of what stemming would give.
create or replace function vigil_search_vector(title text, body text) returns tsvector
    language sql immutable parallel safe
    as $$ select setweight(to_tsvector('simple', vigil_unaccent(coalesce(title, ''))), 'A')
              || setweight(to_tsvector('simple', vigil_unaccent(left(coalesce(body, ''), 200000))), 'B') $$;

alter table item add column search tsvector
    generated always as (vigil_search_vector(title, body_text)) stored;

create index item_search on item using gin (search);

-- Facet and filter columns: the timeline filters on type and language beside the date order.
create index item_type_published on item (item_type, published_at desc, id desc);
create index item_language_published on item (language, published_at desc, id desc);

-- Autocomplete over the gazetteer: names and aliases by trigram similarity.
create index entity_name_trgm on entity using gin (lower(name) gin_trgm_ops);
create index entity_alias_trgm on entity_alias using gin (lower(alias) gin_trgm_ops);
create index person_role_entity on person_role (entity_id);
