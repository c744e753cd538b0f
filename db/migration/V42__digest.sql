-- The weekly digest. digest_delivery is the exactly-once record: one row per user and week,
-- inserted before the mail is sent, so a restart, a retry or a second instance finds the
-- row and neither sends it twice nor forgets it.

create table digest_run (
    id            bigint generated always as identity primary key,
    trigger       text not null check (trigger in ('schedule', 'command', 'admin')),
    started_at    timestamptz not null,
    finished_at   timestamptz,
    instance      text not null,
    sent          integer not null default 0,
    skipped       integer not null default 0,
    failed        integer not null default 0
);

create table digest_delivery (
    user_id          bigint not null references app_user (id) on delete cascade,
    -- the local date (in the user's time zone) of the scheduled send; one digest per week
    week             date not null,
    status           text not null check (status in ('pending', 'sending', 'sent', 'skipped', 'failed')),
    -- the window of items the digest covers (first seen at)
    period_start     timestamptz not null,
    period_end       timestamptz not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    claimed_by       text,
    claimed_until    timestamptz,
    last_error       text,
    searches         integer,
    items            integer,
    message_id       text,
    sent_at          timestamptz,
    run_id           bigint references digest_run (id) on delete set null,
    created_at       timestamptz not null default now(),
    primary key (user_id, week)
);
create index digest_delivery_open on digest_delivery (next_attempt_at) where status in ('pending', 'sending');
create index digest_delivery_run on digest_delivery (run_id);
