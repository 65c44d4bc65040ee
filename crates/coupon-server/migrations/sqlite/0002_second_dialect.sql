-- The second vendor's dialect (`POST /2.1/product/update_coupon`): its credentials, and what its
-- coupons carry beyond the first dialect's.

-- vendor_id + vendor_auth_code name an account. The auth code is a long random secret (like an API
-- key): its SHA-256 digest is stored, never the code.
CREATE TABLE vendor_credentials (
    vendor_id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    auth_code_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Product IDs as comma-separated text ('' = every product); allowed_uses NULL = no total cap.
ALTER TABLE coupons ADD COLUMN product_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE coupons ADD COLUMN allowed_uses INTEGER;
ALTER TABLE coupons ADD COLUMN recurring INTEGER NOT NULL DEFAULT 0;

-- A group is selected by name, and its coupons listed and updated together, in code order.
CREATE UNIQUE INDEX coupon_groups_by_name ON coupon_groups (account_id, name);
CREATE INDEX coupons_by_group ON coupons (account_id, grp_idx, cpn_no);
DROP INDEX coupons_by_account;
