-- Scheduled work is shared between instances by claiming rows with FOR UPDATE SKIP LOCKED
-- (sources due for a crawl, re-tag jobs), so the ShedLock table created in V1 is not used.
drop table if exists shedlock;
