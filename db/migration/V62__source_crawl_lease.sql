-- A crawl holds its source by a short lease that the running instance renews, so a source
-- claimed by an instance that died is crawled again within minutes, and a live crawl is
-- never claimed twice. The claim token makes every write of a crawl conditional: a crawl
-- that lost its claim (deadline passed, taken over) changes nothing on the source.
alter table source
    add column crawl_claim       uuid,         -- the holder's token, null when no crawl holds it
    add column crawl_owner       text,         -- which instance holds it ('pid@host')
    add column crawl_started_at  timestamptz,  -- when the current (or last) crawl started
    add column crawl_lease_until timestamptz,  -- held until then unless renewed
    add column crawl_progress    text,         -- what the running crawl has done so far
    add column last_outcome      text;         -- the last finished crawl's summary, or why it failed

