-- The core schema every feature builds on. Later migrations are numbered by feature so that work on
-- different features never collides: ingest V10-V19, tagging V20-V29, timeline V30-V39, users and
-- searches V40-V49.

-- Sources: where items come from, how to read them, and how the last attempts went.
create table source (
    id                   bigserial primary key,
    key                  text        not null unique,            -- stable slug: 'nato', 'uk-mod', 'manual'
    name                 text        not null,
    kind                 text        not null check (kind in ('feed', 'json-listing', 'html-listing', 'manual', 'synthetic')),
    official             boolean     not null default true,       -- false for media such as Defence24
    country_code         char(2),                                 -- publisher's country; null for NATO, EU
    language             text,                                    -- default language of its items (ISO 639-1)
    urls                 text[]      not null default '{}',       -- feeds or listing pages
    selectors            jsonb       not null default '{}',       -- site rules: title, date, body, author, remove[]
    settings             jsonb       not null default '{}',       -- kind-specific options
    schedule_minutes     integer     not null default 30 check (schedule_minutes > 0),
    enabled              boolean     not null default true,
    next_check_at        timestamptz not null default now(),
    last_attempt_at      timestamptz,
    last_success_at      timestamptz,
    consecutive_failures integer     not null default 0,
    last_error           text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index source_due on source (next_check_at) where enabled;

-- Conditional GET state per fetched URL, so an unchanged feed costs one 304.
create table fetch_state (
    url           text primary key,
    source_id     bigint      not null references source (id) on delete cascade,
    etag          text,
    last_modified text,
    fetched_at    timestamptz not null
);

-- Stories: the same statement published by several sources.
create table story (
    id         bigserial primary key,
    created_at timestamptz not null default now()
);

-- Items: one per canonical key (normalised URL, rel=canonical, or a source id such as GOV.UK content_id).
create table item (
    id                  bigserial primary key,
    source_id           bigint      not null references source (id),
    canonical_key       text        not null unique,
    url                 text        not null,
    title               text        not null,
    item_type           text        not null default 'other'
                        check (item_type in ('press-release', 'speech', 'news', 'statement', 'other')),
    language            text,
    author              text,
    published_at        timestamptz,                                 -- null when no date could be read
    published_precision text        not null default 'time' check (published_precision in ('date', 'time')),
    published_raw       text,                                        -- the date as the page wrote it
    first_seen_at       timestamptz not null,
    updated_at          timestamptz not null,
    summary             text,
    body_html           text        not null default '',             -- sanitized, links absolute
    body_text           text        not null default '',             -- plain text of the body
    content_hash        text        not null,
    partial             boolean     not null default false,          -- paywalled teaser, feed-only record
    withdrawn_at        timestamptz,
    withdrawn_note      text,
    story_id            bigint      references story (id),
    version             integer     not null default 1
);
create index item_published on item (published_at desc, id desc);
create index item_source_published on item (source_id, published_at desc, id desc);
create index item_story on item (story_id) where story_id is not null;

-- Earlier versions of an item whose text was edited after we first stored it.
create table item_version (
    id           bigserial primary key,
    item_id      bigint      not null references item (id) on delete cascade,
    version      integer     not null,
    title        text        not null,
    body_html    text        not null,
    body_text    text        not null,
    content_hash text        not null,
    valid_from   timestamptz not null,
    valid_to     timestamptz not null,
    unique (item_id, version)
);

-- The raw response each item was extracted from (gzip), so extraction can be re-run offline.
create table raw_capture (
    id           bigserial primary key,
    source_id    bigint      not null references source (id) on delete cascade,
    item_id      bigint      references item (id) on delete cascade,
    url          text        not null,
    fetched_at   timestamptz not null,
    http_status  integer     not null,
    content_type text,
    charset      text,
    body_gzip    bytea       not null,
    extra        jsonb       not null default '{}'                   -- e.g. the feed entry the item came from
);
create index raw_capture_item on raw_capture (item_id, fetched_at desc);

-- Gazetteer: countries, people, programmes, organisations.
create table entity (
    id           bigserial primary key,
    type         text        not null check (type in ('country', 'person', 'programme', 'organisation')),
    key          text        not null,                              -- ISO code for countries, slug otherwise
    name         text        not null,
    wikidata     text,
    country_code char(2),
    kind         text,                                               -- programme/organisation kind
    parent_id    bigint      references entity (id),
    attributes   jsonb       not null default '{}',
    updated_at   timestamptz not null default now(),
    unique (type, key)
);

create table entity_alias (
    id        bigserial primary key,
    entity_id bigint not null references entity (id) on delete cascade,
    alias     text   not null,
    match     text   not null check (match in ('folded', 'exact', 'needs-context', 'surname', 'capital')),
    unique (entity_id, alias, match)
);

create table person_role (
    id         bigserial primary key,
    entity_id  bigint not null references entity (id) on delete cascade,
    role       text   not null,                                      -- 'PL.defence-minister', 'NATO.secretary-general'
    title      text,
    valid_from date,
    valid_to   date                                                  -- null while in office
);
create index person_role_role on person_role (role, valid_from);

create table role_phrase (
    id            bigserial primary key,
    role          text    not null,
    phrase        text    not null,
    bare          boolean not null default false,                    -- counts only in the in_context_of scope
    in_context_of text,
    unique (role, phrase)
);

-- Mentions: where an item names an entity, and how the tagger decided.
create table mention (
    id          bigserial primary key,
    item_id     bigint  not null references item (id) on delete cascade,
    entity_id   bigint  not null references entity (id) on delete cascade,
    start_pos   integer not null,                                    -- offsets into item.body_text, or the title when in_title
    end_pos     integer not null,
    in_title    boolean not null default false,                      -- offsets are into the title when true
    surface     text    not null,
    confidence  real    not null,
    resolved_by text    not null check (resolved_by in ('alias', 'fuzzy', 'surname', 'role', 'pattern'))
);
create index mention_item on mention (item_id);

-- One row per (item, entity): what the timeline filters and counts on. Maintained by the tagger.
create table item_entity (
    item_id       bigint      not null references item (id) on delete cascade,
    entity_id     bigint      not null references entity (id) on delete cascade,
    published_at  timestamptz,                                       -- copy of item.published_at for index-only filtering
    mentions      integer     not null,
    confidence    real        not null,
    primary key (item_id, entity_id)
);
create index item_entity_entity_published on item_entity (entity_id, published_at desc, item_id desc);
