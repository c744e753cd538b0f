-- Near-duplicate openings are now compared only with the items of the days around an item
-- (item_published / item_first_seen ranges); the trigram index over every opening read
-- posting lists spanning the whole table (4 s per lookup at 1,000,000 items) and slowed
-- every insert.
drop index if exists item_head_trgm;
