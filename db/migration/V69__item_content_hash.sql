-- Re-importing a file finds the item it made by its content: a hash index (a hash is only ever
-- compared for equality, and a hash index keeps 4 bytes per row instead of the 64-character text).
create index item_content_hash on item using hash (content_hash);
