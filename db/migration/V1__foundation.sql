-- Extensions Vigil's queries rely on: trigram similarity (autocomplete, near-duplicate titles)
-- and accent folding (search across Polish, Romanian, German and French text).
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- ShedLock: one instance at a time runs a scheduled job when several share this database.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
