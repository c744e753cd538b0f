-- Optimistic locking of saved searches (SavedSearch's @Version): an edit made in one browser tab
-- after the search was changed in another is refused with a message, not silently lost.
alter table saved_search add column version bigint not null default 0;
