-- Secondary indexes, separate from V1 so that they can be measured (and dropped/rebuilt around
-- a large first import) as one set. Every index leads with in_trash and ends with id, the
-- keyset tie-breaker, so that a list query (live or trash, any sort) is one ordered index range.
CREATE INDEX pairs_ts          ON pairs (in_trash, ts, id);
CREATE INDEX pairs_question    ON pairs (in_trash, question_key, id);
CREATE INDEX pairs_sql         ON pairs (in_trash, sql_key, id);
CREATE INDEX pairs_dbtype      ON pairs (in_trash, database_type, id);
-- The common "date range + success + database type" count is one range of this index.
CREATE INDEX pairs_counts      ON pairs (in_trash, database_type, success, ts);
CREATE INDEX pairs_dbname      ON pairs (in_trash, database_name, id);
CREATE INDEX pairs_qtype       ON pairs (in_trash, query_type, id);
CREATE INDEX pairs_tables      ON pairs (in_trash, tables_key, id);
CREATE INDEX pairs_success     ON pairs (in_trash, success, id);
CREATE INDEX pairs_exec        ON pairs (in_trash, execution_ms, id);
CREATE INDEX pairs_status      ON pairs (in_trash, status, id);
CREATE INDEX pairs_complexity  ON pairs (in_trash, complexity, id);
CREATE INDEX pairs_flags       ON pairs (in_trash, flags, id);
CREATE INDEX pairs_updated     ON pairs (in_trash, updated_at, id);
CREATE INDEX pairs_trash_batch ON pairs (trash_batch);
