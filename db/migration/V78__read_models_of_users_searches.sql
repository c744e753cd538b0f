-- Read models of users and searches for the digest and the command line (see V77): who an
-- account is and when it wants its digest, never its password hash or role; a saved search's
-- name and parameters, never its feed token.

create view user_view as
select id, email, display_name, enabled, time_zone, locale, digest_enabled, digest_day, digest_hour, created_at
from app_user;

create view saved_search_view as
select id, user_id, name, parameters
from saved_search;
