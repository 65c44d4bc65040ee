-- The admin console (issue 14): finding coupons, their history, undoing a use, named API keys.

-- Search: every list is one account's, walked in the order of its sort key with the code as the
-- tie-breaker (the cursor is the pair). Codes are stored normalized (A-Z0-9, no dashes), so a code
-- prefix is a range of this index. NULL end dates and last uses sort as given by the COALESCE,
-- which the queries repeat word for word so that these indexes serve them.
CREATE INDEX coupons_by_account_code ON coupons (account_id, cpn_no);
CREATE INDEX coupons_by_account_name ON coupons (account_id, lower(nm), cpn_no);
CREATE INDEX coupons_by_account_user ON coupons (account_id, user_id);
CREATE INDEX coupons_by_account_end ON coupons (account_id, COALESCE(end_ymd, '9999-12-31'), cpn_no);
CREATE INDEX coupons_by_account_last_use ON coupons (account_id, COALESCE(last_used_at, ''), cpn_no);
CREATE INDEX coupons_by_account_created ON coupons (account_id, created_at, cpn_no);

-- A coupon's uses are numbered by `use_seq` (every use ever, undone ones included), so that a use
-- keeps its number after an earlier one is undone; `use_cnt` is what counts against the limits.
ALTER TABLE coupons ADD COLUMN use_seq INTEGER NOT NULL DEFAULT 0;
UPDATE coupons SET use_seq = use_cnt;

-- A use's undoing (when, by whom, why), the use count right after the use, and the digest of the
-- one-time undo token the page's receipt carried (NULL once taken, or for API uses).
ALTER TABLE coupon_uses ADD COLUMN use_cnt_after INTEGER;
ALTER TABLE coupon_uses ADD COLUMN undone_at TEXT;
ALTER TABLE coupon_uses ADD COLUMN undone_by TEXT;
ALTER TABLE coupon_uses ADD COLUMN undo_reason TEXT;
ALTER TABLE coupon_uses ADD COLUMN undo_token_sha256 TEXT;
CREATE INDEX coupon_uses_by_coupon ON coupon_uses (coupon_id, use_no);
CREATE UNIQUE INDEX coupon_uses_by_undo_token ON coupon_uses (undo_token_sha256);

-- One row per edit of one coupon: when, who (`actor`: "api_key", "vendor" or "cli", and `actor_name`:
-- the key's label, the vendor id), and what changed (`changes`: a JSON array of {field, old, new};
-- the store password only as {field, changed: true}).
CREATE TABLE coupon_audits (
    id INTEGER PRIMARY KEY,
    coupon_id INTEGER NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_name TEXT NOT NULL DEFAULT '',
    changes TEXT NOT NULL
);
CREATE INDEX coupon_audits_by_coupon ON coupon_audits (coupon_id, at, id);

-- Named API keys: a label, the last use (written at most once a minute per server), and revocation
-- (a revoked key finds no account).
ALTER TABLE api_keys ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;
ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
CREATE INDEX api_keys_by_account ON api_keys (account_id, id);
