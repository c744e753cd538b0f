-- Saved searches: a user's named timeline filter, kept as the timeline's own URL parameters
-- (q=...&country=PL&range=30d), so a saved search means exactly what the timeline shows.

create table saved_search (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references app_user (id) on delete cascade,
    name          text not null check (length(name) between 1 and 200),
    parameters    text not null,
    notes         text,
    -- secret of the private Atom feed; null when the feed is off, replaced to revoke it
    feed_token    text unique,
    -- items first seen after this instant are "new" to the user
    last_seen_at  timestamptz not null default now(),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (user_id, name)
);
create index saved_search_user on saved_search (user_id, lower(name));

-- "New since" counts and the weekly digest look at items by the time Vigil first saw them.
create index item_first_seen on item (first_seen_at desc, id desc);
