-- The reader's own state, per account: which items were read (opened or marked) and which
-- were starred, with an optional note. Owned by the timeline, whose page query filters
-- "unread only" with an anti-join on the primary key; deleting an account or an item
-- deletes its marks.

create table item_read (
    user_id  bigint      not null references app_user (id) on delete cascade,
    item_id  bigint      not null references item (id) on delete cascade,
    read_at  timestamptz not null,
    primary key (user_id, item_id)
);

create table item_star (
    user_id     bigint      not null references app_user (id) on delete cascade,
    item_id     bigint      not null references item (id) on delete cascade,
    note        text check (length(note) <= 2000),
    starred_at  timestamptz not null,
    version     bigint      not null default 0,
    primary key (user_id, item_id)
);
-- The Starred page lists a user's stars newest first.
create index item_star_user_starred on item_star (user_id, starred_at desc);
