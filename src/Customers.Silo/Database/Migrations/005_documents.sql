-- 005: bytes of the customers' identification documents. The customer grain keeps the metadata
-- (name, media type, size, process); a row here is written and committed before the grain
-- records it, so a listed document always has its bytes.
--
-- The org is part of the key: a document id of one org never finds another org's document.
-- PDF, JPEG and PNG content is already compressed, so TOAST stores it out of line uncompressed
-- (STORAGE EXTERNAL) instead of trying to compress every upload again.

CREATE TABLE customer_documents
(
    org          text        NOT NULL,
    document_id  uuid        NOT NULL,
    customer_id  uuid        NOT NULL,
    media_type   text        NOT NULL,
    name         text        NOT NULL,
    size_bytes   integer     NOT NULL,
    content      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customer_documents_pkey PRIMARY KEY (org, document_id)
);

ALTER TABLE customer_documents ALTER COLUMN content SET STORAGE EXTERNAL;
