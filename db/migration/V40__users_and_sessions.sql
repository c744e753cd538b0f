-- Accounts, invitations, login throttling and HTTP sessions (Spring Session JDBC), so that
-- several Vigil instances on one database serve the same logged-in users.

create table app_user (
    id              bigint generated always as identity primary key,
    email           text not null check (email = lower(email) and email like '%_@_%'),
    display_name    text,
    -- null while an invitation is pending: nobody can log in with an empty password
    password_hash   text,
    role            text not null default 'analyst' check (role in ('analyst', 'admin')),
    enabled         boolean not null default true,
    time_zone       text not null default 'UTC',
    -- language of dates and month names (en, pl, ro, de, fr)
    locale          text not null default 'en',
    digest_enabled  boolean not null default true,
    -- ISO day of week, 1 = Monday
    digest_day      smallint not null default 1 check (digest_day between 1 and 7),
    digest_hour     smallint not null default 7 check (digest_hour between 0 and 23),
    created_at      timestamptz not null default now(),
    last_login_at   timestamptz
);
create unique index app_user_email on app_user (email);

-- One-time links to set a password: invitations by an admin. Only a hash of the token is kept.
create table user_invitation (
    token_hash  text primary key,
    user_id     bigint not null references app_user (id) on delete cascade,
    created_by  bigint references app_user (id) on delete set null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index user_invitation_user on user_invitation (user_id);

-- Failed logins per account ('account:<email>') and per address ('address:<ip>'), in the
-- database so that the limit holds across instances and restarts.
create table login_throttle (
    key            text primary key,
    failures       integer not null,
    window_start   timestamptz not null,
    blocked_until  timestamptz
);

-- Spring Session JDBC's PostgreSQL schema (org/springframework/session/jdbc/schema-postgresql.sql).
create table spring_session (
    primary_id             char(36) not null,
    session_id             char(36) not null,
    creation_time          bigint not null,
    last_access_time       bigint not null,
    max_inactive_interval  int not null,
    expiry_time            bigint not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36) not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Secrets that every instance must share (signing of unsubscribe links), made once here.
create table signing_key (
    name    text primary key,
    secret  text not null
);
insert into signing_key (name, secret)
values ('digest', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
