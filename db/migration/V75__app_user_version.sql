-- Optimistic locking of accounts (UserAccount's @Version): an admin's or the user's edit made
-- on a page that is out of date is refused with a message instead of silently overwriting.
alter table app_user add column version bigint not null default 0;
