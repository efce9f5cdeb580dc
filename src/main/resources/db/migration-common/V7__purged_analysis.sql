-- Version 7: emptying the trash deleted a pair but left its analysis row (parse errors can quote
-- the SQL, and duplicate groups still named the pair). Purge now deletes both; this removes the
-- rows earlier purges left behind. Plain SQL for H2 and PostgreSQL alike.
DELETE FROM analysis WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.id = analysis.id);
