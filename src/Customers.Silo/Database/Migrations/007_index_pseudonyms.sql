-- 007: index grains keyed by a pseudonym of their value.
--
-- A unique value's index grain was keyed by the value itself (telco/document/NIF:12345678Z), so
-- the value sat in the storage table's key column and went wherever Orleans writes a grain id:
-- log lines, exception messages, traces, the dashboard. The key now holds an HMAC of org, kind
-- and value under this deployment's secret (IndexKeys in the grains). The secret is made here,
-- once, from PostgreSQL's strong random source, and every silo reads it at start: all silos of a
-- deployment share this database, so they agree on every key without a setting to distribute.
--
-- After this SQL, the same transaction renames the index rows already stored (IndexPseudonyms in
-- the silo: the HMAC is computed there). Silos of an earlier version still key by value: stop
-- them all before the first silo of this version starts, or their rows would be orphaned.

CREATE TABLE customers_secrets
(
    name       text        PRIMARY KEY,
    value      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Two random UUIDs: 244 random bits.
INSERT INTO customers_secrets (name, value)
VALUES ('index-keys', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
