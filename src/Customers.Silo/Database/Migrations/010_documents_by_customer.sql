-- 010: a customer's documents found by their owner.
--
-- Deleting or erasing a customer deletes its documents by customer id, which the key (org,
-- document id) cannot find: each such delete read every document row of the org.

CREATE INDEX ix_customer_documents_customer ON customer_documents (org, customer_id);
