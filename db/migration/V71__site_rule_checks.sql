-- Why an item's text may be incomplete when extraction knows it: a site rule that missed on
-- the page, so the generic extractor read it (partial is true then).
alter table item add column partial_reason text;

-- One row per article page read with a site rule for the body: did the rule find the article?
-- /admin/sources counts the misses among each source's last 20 pages, so that an operator
-- learns a site changed its template the day it happens. One row per page (the latest
-- check), so the table grows with the items, not with every crawl.
create table site_rule_check (
    source_id  bigint      not null references source (id) on delete cascade,
    url        text        not null,
    checked_at timestamptz not null,
    missed     boolean     not null,
    reason     text,
    primary key (source_id, url)
);
create index site_rule_check_recent on site_rule_check (source_id, checked_at desc);
