-- migrate: statement by statement, without a transaction
-- 010: a customer's documents found by their owner.
--
-- Deleting or erasing a customer deletes its documents by customer id, which the key (org,
-- document id) cannot find: each such delete read every document row of the org. Built
-- concurrently, as 009; a build cut short is dropped and made again.

DROP INDEX CONCURRENTLY IF EXISTS ix_customer_documents_customer;
CREATE INDEX CONCURRENTLY ix_customer_documents_customer ON customer_documents (org, customer_id);
