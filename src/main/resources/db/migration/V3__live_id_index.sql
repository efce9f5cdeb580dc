-- Insertion order (the default sort) of live or trashed pairs. Without it, H2 served
-- "WHERE in_trash = FALSE ORDER BY id LIMIT 100" from another in_trash-leading index and sorted
-- every row: 61 s for the first page on 100k pairs under load (StoreBenchmark).
CREATE INDEX pairs_live_id ON pairs (in_trash, id);
