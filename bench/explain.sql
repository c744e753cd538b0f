-- The timeline's main queries, for EXPLAIN (ANALYZE, BUFFERS) against a loaded database:
--   psql -h localhost -p PORT -U postgres -d vigil -v country=PL -v programme=k2pl -f bench/explain.sql
\set q '\'air defence\''
\timing on
-- The application resolves entity keys to ids first and binds the ids.
select id as country_id from entity where type = 'country' and key = :'country' \gset
select id as programme_id from entity where type = 'programme' and key = :'programme' \gset

-- 1. Timeline, first page.
explain (analyze, buffers, costs off)
select i.id from item i join source s on s.id = i.source_id
where i.published_at is not null order by i.published_at desc, i.id desc limit 31;

-- 2. One country + one programme + 30 days, as the application sends it: each entity condition
--    repeats the date bounds on item_entity.published_at (without them: seconds, not milliseconds).
explain (analyze, buffers, costs off)
select i.id from item i join source s on s.id = i.source_id
where i.published_at is not null
  and exists (select 1 from item_entity ie where ie.item_id = i.id
              and ie.entity_id in (:country_id)
              and ie.published_at >= now() - interval '30 days' and ie.published_at < now())
  and exists (select 1 from item_entity ie where ie.item_id = i.id
              and ie.entity_id in (:programme_id)
              and ie.published_at >= now() - interval '30 days' and ie.published_at < now())
  and i.published_at >= now() - interval '30 days' and i.published_at < now()
order by i.published_at desc, i.id desc limit 31;

-- 3. Full-text query.
explain (analyze, buffers, costs off)
select i.id from item i join source s on s.id = i.source_id
where i.published_at is not null and i.search @@ websearch_to_tsquery('simple', vigil_unaccent(:q))
order by i.published_at desc, i.id desc limit 31;

-- 4. Facets over the newest 1,000 matches of the full-text query.
explain (analyze, buffers, costs off)
with m as materialized (select i.id, i.source_id, i.item_type, i.language from item i
  join source s on s.id = i.source_id
  where i.published_at is not null and i.search @@ websearch_to_tsquery('simple', vigil_unaccent(:q))
  order by i.published_at desc, i.id desc limit 1000)
select e.type, e.key, count(*) from m join item_entity ie on ie.item_id = m.id join entity e on e.id = ie.entity_id
group by e.type, e.key;

-- 5. Entity page: weekly mentions over a year.
explain (analyze, buffers, costs off)
select date_trunc('week', published_at at time zone 'UTC')::date, sum(mentions) from item_entity
where entity_id = :country_id
  and published_at >= now() - interval '53 weeks'
group by 1;
