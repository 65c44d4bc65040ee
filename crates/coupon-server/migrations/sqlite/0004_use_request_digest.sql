-- What request a use under an idempotency key answered (a SHA-256 of its fields, never of a
-- password): a retry with the same key but another request is refused instead of answered with
-- the first use. NULL for uses logged before.
ALTER TABLE coupon_uses ADD COLUMN request_digest TEXT;
