-- The coupon store. Portable SQL on purpose (PostgreSQL follows later): TEXT dates `YYYY-MM-DD`,
-- TEXT timestamps in RFC 3339 UTC, INTEGER flags, no SQLite-only types.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    plan TEXT NOT NULL,
    timezone TEXT NOT NULL,
    global_webhook INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

-- API keys are high-entropy secrets: a SHA-256 digest (hex) is enough to store them and lets a
-- request find its key by index.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    key_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE coupon_groups (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '',
    background TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, idx)
);

CREATE TABLE coupon_templates (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    usage TEXT NOT NULL DEFAULT '',
    precautions TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, idx)
);

-- Codes are unique across accounts: the public page `/c/{cpnNo}` names a coupon by its code alone.
-- `version` changes with every edit (not with uses): writes are conditional on the version that was
-- validated, so a rule never passes on data that changed underneath it.
CREATE TABLE coupons (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    cpn_no TEXT NOT NULL UNIQUE,
    nm TEXT NOT NULL,
    disc_type_idx INTEGER NOT NULL,
    disc REAL NOT NULL,
    disc_currency TEXT NOT NULL,
    strt_ymd TEXT NOT NULL,
    end_ymd TEXT,
    use_limit INTEGER NOT NULL DEFAULT 0,
    use_cnt INTEGER NOT NULL DEFAULT 0,
    grp_idx INTEGER NOT NULL DEFAULT 0,
    tmpl_idx INTEGER NOT NULL DEFAULT 0,
    onsite_yn TEXT NOT NULL DEFAULT 'N',
    onsite_pwd_hash TEXT,
    memo TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL,
    background TEXT NOT NULL,
    user_id TEXT NOT NULL DEFAULT '',
    user_nm TEXT NOT NULL DEFAULT '',
    user_phnno TEXT NOT NULL DEFAULT '',
    user_eml TEXT NOT NULL DEFAULT '',
    user_etc1 TEXT NOT NULL DEFAULT '',
    user_etc2 TEXT NOT NULL DEFAULT '',
    domain TEXT NOT NULL DEFAULT '',
    webhook_enable_yn TEXT NOT NULL DEFAULT 'N',
    last_used_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX coupons_by_account ON coupons (account_id);

-- One row per use. `use_no` is the coupon's use count right after this use. The idempotency key of
-- a page request lives on its use, so a retry finds the first answer and uses the coupon once.
CREATE TABLE coupon_uses (
    id INTEGER PRIMARY KEY,
    coupon_id INTEGER NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
    use_no INTEGER NOT NULL,
    used_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    user_id TEXT NOT NULL DEFAULT '',
    memo TEXT NOT NULL DEFAULT '',
    idempotency_key TEXT,
    UNIQUE (coupon_id, idempotency_key)
);
