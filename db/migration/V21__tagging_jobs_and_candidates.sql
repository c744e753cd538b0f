-- Tagging: the gazetteer's version (bumped on every edit, so re-tagging knows what is stale),
-- background re-tag jobs with visible progress, and new names waiting for review.

create table gazetteer_version (
    id         integer     primary key check (id = 1),
    version    bigint      not null,
    changed_at timestamptz not null default now()
);
insert into gazetteer_version (id, version) values (1, 1);

-- Which gazetteer version each item was last tagged with.
create table item_tagging (
    item_id           bigint      primary key references item (id) on delete cascade,
    gazetteer_version bigint      not null,
    tagged_at         timestamptz not null
);

create table tag_job (
    id                bigserial   primary key,
    reason            text        not null,
    gazetteer_version bigint      not null,
    state             text        not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
    total             integer     not null default 0,
    done              integer     not null default 0,
    last_item_id      bigint      not null default 0,                -- keyset cursor: resumes after a restart
    error             text,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz
);
create index tag_job_open on tag_job (id) where state in ('queued', 'running');

-- Names that look like people, exercises or operations but are not in the gazetteer.
create table entity_candidate (
    id           bigserial   primary key,
    name         text        not null,
    folded       text        not null unique,                        -- lower case, no diacritics: one row per name
    kind         text        not null check (kind in ('person', 'programme')),
    cue          text        not null,                               -- the title or word that introduced it: 'Minister', 'Exercise'
    occurrences  integer     not null default 1,
    status       text        not null default 'new' check (status in ('new', 'accepted', 'merged', 'rejected')),
    entity_id    bigint      references entity (id) on delete set null,
    first_seen   timestamptz not null default now(),
    last_seen    timestamptz not null default now()
);
create index entity_candidate_status on entity_candidate (status, occurrences desc, id);

create table entity_candidate_context (
    id           bigserial primary key,
    candidate_id bigint    not null references entity_candidate (id) on delete cascade,
    item_id      bigint    references item (id) on delete cascade,
    context      text      not null,
    unique (candidate_id, item_id)
);

create index mention_entity on mention (entity_id);
