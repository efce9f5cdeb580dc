-- Version 5: the pairs table keeps only its primary key; filtering,
-- sorting, counting and statistics move to an in-memory column index (PairIndex) that every
-- process builds from this table and keeps current through change_log.
--
-- Why (measured on this 2-core machine, H2 2.5, docs/BENCHMARKS.md): a plain insert costs
-- ~10 us per row, but every secondary index whose keys arrive in random order (pair_id UUIDs,
-- timestamps, question prefixes) made inserts 3-4x slower and the file 4-8x larger, and the 14
-- sort indexes plus the statistics tables of V4 capped imports at a few thousand pairs/s.
DROP INDEX IF EXISTS pairs_ts;
DROP INDEX IF EXISTS pairs_question;
DROP INDEX IF EXISTS pairs_sql;
DROP INDEX IF EXISTS pairs_dbtype;
DROP INDEX IF EXISTS pairs_counts;
DROP INDEX IF EXISTS pairs_dbname;
DROP INDEX IF EXISTS pairs_qtype;
DROP INDEX IF EXISTS pairs_tables;
DROP INDEX IF EXISTS pairs_success;
DROP INDEX IF EXISTS pairs_exec;
DROP INDEX IF EXISTS pairs_status;
DROP INDEX IF EXISTS pairs_complexity;
DROP INDEX IF EXISTS pairs_flags;
DROP INDEX IF EXISTS pairs_updated;
DROP INDEX IF EXISTS pairs_live_id;
DROP INDEX IF EXISTS pairs_trash_batch;
-- pair_id stays unique by the store's own check (writers are serialised by store_clock).
ALTER TABLE pairs DROP CONSTRAINT pairs_pair_id;
ALTER TABLE pairs DROP COLUMN question_key;
ALTER TABLE pairs DROP COLUMN sql_key;
ALTER TABLE pairs DROP COLUMN tables_key;
ALTER TABLE pairs DROP COLUMN execution_ms;
DROP TABLE pair_tables;
DROP TABLE stat_days;
DROP TABLE stat_profiles;
DELETE FROM settings WHERE setting_key = 'stats.built';

-- The trash is its own narrow table: moving 100,000 pairs to the trash inserts 100,000 small
-- rows in id order (~10 us each) instead of updating as many wide rows spread over the table
-- (~150-400 us each in H2's copy-on-write pages).
CREATE TABLE trash (
    id         BIGINT       PRIMARY KEY,
    batch      VARCHAR(64)  NOT NULL,
    deleted_at TIMESTAMP(6) NOT NULL
);
INSERT INTO trash (id, batch, deleted_at)
    SELECT id, COALESCE(trash_batch, 'before-v5'), COALESCE(deleted_at, updated_at) FROM pairs WHERE in_trash = TRUE;
CREATE INDEX trash_by_batch ON trash (batch);
-- Derived analysis likewise: background analysis of a large import appends these rows in id
-- order, and duplicate marking rewrites small rows, instead of updating every wide pair row.
-- A pair without a row here is not analysed yet.
CREATE TABLE analysis (
    id              BIGINT        PRIMARY KEY,
    query_type      VARCHAR(16),
    fingerprint     VARCHAR(64),
    complexity      TINYINT,
    flags           BIGINT        NOT NULL DEFAULT 0,
    duplicate_group BIGINT,
    pii_types       VARCHAR(1000),
    parse_error     VARCHAR(1000),
    -- the tables the analysis found (JSON), when it ran after the pair was stored; else pairs.table_names
    table_names     VARCHAR
);
INSERT INTO analysis (id, query_type, fingerprint, complexity, flags, duplicate_group, pii_types, parse_error)
    SELECT id, query_type, fingerprint, complexity, flags, duplicate_group, pii_types, parse_error FROM pairs
    WHERE query_type IS NOT NULL OR fingerprint IS NOT NULL OR complexity IS NOT NULL OR flags <> 0
       OR duplicate_group IS NOT NULL OR pii_types IS NOT NULL OR parse_error IS NOT NULL;
ALTER TABLE pairs DROP COLUMN query_type;
ALTER TABLE pairs DROP COLUMN fingerprint;
ALTER TABLE pairs DROP COLUMN complexity;
ALTER TABLE pairs DROP COLUMN flags;
ALTER TABLE pairs DROP COLUMN duplicate_group;
ALTER TABLE pairs DROP COLUMN pii_types;
ALTER TABLE pairs DROP COLUMN parse_error;
ALTER TABLE pairs DROP COLUMN in_trash;
ALTER TABLE pairs DROP COLUMN deleted_at;
ALTER TABLE pairs DROP COLUMN trash_batch;

-- One row. Every write transaction first increments it: the row lock serialises writers across
-- processes (the GUI and a CLI command share a file), so seq numbers commit in order.
CREATE TABLE store_clock (
    id  INT    PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO store_clock VALUES (1, 0);

-- What each write transaction touched (ids: 8 bytes each), so that every process can bring its in-memory index up
-- to date by re-reading those rows: an id range (first_id..last_id) for inserts, else a list.
CREATE TABLE change_log (
    seq       BIGINT       PRIMARY KEY,
    first_id  BIGINT,
    last_id   BIGINT,
    ids       VARBINARY,    -- big-endian longs: no array cardinality limit for large bulk changes
    logged_at TIMESTAMP(6) NOT NULL
);
