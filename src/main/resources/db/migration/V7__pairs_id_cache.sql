-- The identity of pairs hands out ids from a cache of 10,000 instead of H2's 32. Each time the
-- cache runs out H2 records the sequence in its own committed transaction, and with WRITE_DELAY=0
-- every commit writes a chunk: an import of 1M pairs wrote 31,250 extra chunks (16 % of the
-- writer thread's CPU, docs/BENCHMARKS.md, issue 24 item 4). A kill may now skip up to 10,000
-- ids (a normal close records the exact value); ids were never promised to be dense.
ALTER TABLE pairs ALTER COLUMN id SET CACHE 10000;
