-- migrate: statement by statement, without a transaction
-- 009: each feed read has an index that holds what it asks for, and nothing else.
--
-- A customer's or account's feed asks for one id (customer_id = @id, account_id = @id), which
-- never matches a null, yet both indexes took an entry for every positioned event: the account
-- index one for every event of a customer itself, the customer index one for every catalogue
-- event. Each entry is written when the event gets its position and kept in memory with the rest
-- of the index. Leaving the nulls out keeps the same plans (an equality implies IS NOT NULL).
--
-- The org feed filtered by type (a reader's `types`, a webhook subscription's) walked the feed in
-- position order and skipped what did not match: for a rare type, a read of every event since
-- `after`. With an index by type it reads each wanted type's next page and merges them.
--
-- The indexes are built concurrently, so the silos already running keep writing events while a
-- large log is indexed; the new index takes the old one's name once built. Each statement can run
-- again after a crash anywhere: a build cut short leaves an invalid index under the new name,
-- which the next run drops first.

DROP INDEX CONCURRENTLY IF EXISTS ix_customer_events_customer_next;
CREATE INDEX CONCURRENTLY ix_customer_events_customer_next ON customer_events (service_id, org_id, customer_id, position)
    WHERE position IS NOT NULL AND customer_id IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS ix_customer_events_customer;
ALTER INDEX ix_customer_events_customer_next RENAME TO ix_customer_events_customer;

DROP INDEX CONCURRENTLY IF EXISTS ix_customer_events_account_next;
CREATE INDEX CONCURRENTLY ix_customer_events_account_next ON customer_events (service_id, org_id, account_id, position)
    WHERE position IS NOT NULL AND account_id IS NOT NULL;
DROP INDEX CONCURRENTLY IF EXISTS ix_customer_events_account;
ALTER INDEX ix_customer_events_account_next RENAME TO ix_customer_events_account;

DROP INDEX CONCURRENTLY IF EXISTS ix_customer_events_type;
CREATE INDEX CONCURRENTLY ix_customer_events_type ON customer_events (service_id, org_id, type, position)
    WHERE position IS NOT NULL;
