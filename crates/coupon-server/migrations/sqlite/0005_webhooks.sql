-- Webhooks (issue 12). The account's global switch stays `accounts.global_webhook` (the rules
-- read it); its callback URL and signing secret live here. A rotated secret stays valid (and
-- signs too) until `previous_expires_at_ms`.
CREATE TABLE webhook_configs (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    callback_url TEXT NOT NULL DEFAULT '',
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_expires_at_ms INTEGER,
    updated_at TEXT NOT NULL
);

-- A group's own callback URL ('' = the account's): the vendor's rule, group settings win.
ALTER TABLE coupon_groups ADD COLUMN webhook_url TEXT NOT NULL DEFAULT '';

-- The outbox: one row per event, written in the transaction of the use or edit that causes it.
-- `id` is the commit order, and per coupon the order of its use numbers (uses of one coupon are
-- serialised by its row). No foreign key to the coupon: a deleted coupon's events are still sent.
-- status: pending (to send, `next_attempt_at_ms`), delivered, failed (gave up after 24 h).
-- `lease_until_ms`: a worker is sending it until then (a crashed worker's lease runs out).
CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    coupon_id INTEGER NOT NULL,
    cpn_no TEXT NOT NULL,
    grp_idx INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    use_no INTEGER,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at_ms INTEGER NOT NULL,
    lease_until_ms INTEGER,
    last_http_status INTEGER,
    last_error TEXT,
    delivered_at TEXT
);

CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at_ms) WHERE status = 'pending';
CREATE INDEX webhook_events_pending_by_coupon ON webhook_events (coupon_id, id) WHERE status = 'pending';
CREATE INDEX webhook_events_by_account ON webhook_events (account_id, id);

-- The delivery log: one row per attempt (HTTP status or the error, latency, the reply's first KB).
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    event_row INTEGER NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    request_id TEXT NOT NULL,
    webhook_type TEXT NOT NULL,
    url TEXT NOT NULL,
    attempted_at TEXT NOT NULL,
    http_status INTEGER,
    latency_ms INTEGER NOT NULL,
    reply TEXT NOT NULL DEFAULT '',
    error TEXT
);

CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_row, attempt);
