-- The entity page folds "Also called" after the most used forms and, where no mention used
-- a form, keeps the gazetteer's order: the alias id is that order, so the view publishes it.
create or replace view entity_alias_view as
select entity_id, alias, match, id
from entity_alias;
