\set id random(1, 100000)
INSERT INTO bench_upsert (id, version, payload) VALUES (:id, 1, convert_to(repeat('x', 700), 'UTF8'))
ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, version = bench_upsert.version + 1;
