-- The timeline, entity page, item page and digest queries as the application sends them,
-- over the read models (views) of items, sources and tagging. bench/read-models.sh runs each
-- with EXPLAIN over the views and over the tables behind them and compares the plans.
-- psql variables: country_id, programme_id (entity ids), q (a full-text query).

-- 1. Timeline, first page.
select p.*, left(coalesce(nullif(p.summary, ''), p.body_text), 320) as snippet
from (select i.id, i.title, i.item_type, i.language, i.published_at, i.published_precision, i.summary, i.body_text,
             s.key as source_key, s.name as source_name, s.kind as source_kind, s.official
      from item_view i join source_view s on s.id = i.source_id
      where i.published_at is not null order by i.published_at desc, i.id desc limit 31) p
order by p.published_at desc, p.id desc;

-- 2. One country + one programme + 30 days.
select i.id from item_view i join source_view s on s.id = i.source_id
where i.published_at is not null
  and exists (select 1 from item_entity_view ie where ie.item_id = i.id and ie.entity_id in (:country_id)
              and ie.published_at >= now() - interval '30 days' and ie.published_at < now())
  and exists (select 1 from item_entity_view ie where ie.item_id = i.id and ie.entity_id in (:programme_id)
              and ie.published_at >= now() - interval '30 days' and ie.published_at < now())
  and i.published_at >= now() - interval '30 days' and i.published_at < now()
order by i.published_at desc, i.id desc limit 31;

-- 3. Full text.
select i.id from item_view i join source_view s on s.id = i.source_id
where i.published_at is not null and i.search @@ websearch_to_tsquery('simple', vigil_unaccent(:'q'))
order by i.published_at desc, i.id desc limit 31;

-- 4. Facets over the newest 1,000 matches of the full-text query.
with m as materialized (select i.id, i.source_id, i.item_type, i.language from item_view i
  join source_view s on s.id = i.source_id
  where i.published_at is not null and i.search @@ websearch_to_tsquery('simple', vigil_unaccent(:'q'))
  order by i.published_at desc, i.id desc limit 1000)
select e.type, e.key, e.name, count(*) from m join item_entity_view ie on ie.item_id = m.id
  join entity_view e on e.id = ie.entity_id group by e.type, e.key, e.name
union all
select 'source', s.key, s.name, count(*) from m join source_view s on s.id = m.source_id group by s.key, s.name;

-- 5. New in the last week for a country (saved searches, digest): window first.
select i.id, s.key from (select * from item_view where first_seen_at >= now() - interval '7 days'
                         and first_seen_at < now() offset 0) i
join source_view s on s.id = i.source_id
where i.published_at is not null
  and exists (select 1 from item_entity_view ie where ie.item_id = i.id and ie.entity_id in (:country_id))
order by i.first_seen_at desc, i.id desc limit 50;

-- 6. Digest: the entities named most by the week's new items.
select e.type, e.key, e.name, count(*) as n
from item_view i join item_entity_view ie on ie.item_id = i.id join entity_view e on e.id = ie.entity_id
where i.first_seen_at >= now() - interval '7 days' and i.first_seen_at < now()
group by e.id, e.type, e.key, e.name order by n desc, e.name limit 10;

-- 7. Entity page: the latest items naming the country.
select i.id, i.title, s.name from (select item_id from item_entity_view where entity_id = :country_id
  and published_at is not null order by published_at desc, item_id desc limit 20) r
join item_view i on i.id = r.item_id join source_view s on s.id = i.source_id
order by i.published_at desc, i.id desc;

-- 8. Item page: related items (sharing entities, within four weeks).
select i.id, i.title, s.name as source_name, r.shared
from (select o.item_id, count(*) as shared
      from item_entity_view me
      join item_entity_view o on o.entity_id = me.entity_id and o.item_id <> me.item_id
       and o.published_at >= now() - interval '60 days' and o.published_at < now()
      where me.item_id = (select max(item_id) from item_entity_view)
      group by o.item_id order by count(*) desc, max(o.published_at) desc limit 5) r
join item_view i on i.id = r.item_id join source_view s on s.id = i.source_id
order by r.shared desc, i.published_at desc;
