-- Store passwords guessed, counted in the database so that every server sees one count and a
-- lockout survives a restart. A guess is written when it arrives, before the password is checked
-- (a client that hangs up cannot escape it); a right one is deleted once checked. When a coupon is
-- deleted its guesses keep counting for the account, never for another coupon (coupon_id NULL).
CREATE TABLE password_guesses (
    id INTEGER PRIMARY KEY,
    coupon_id INTEGER REFERENCES coupons (id) ON DELETE SET NULL,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    guessed_at_ms INTEGER NOT NULL
);

CREATE INDEX password_guesses_by_coupon ON password_guesses (coupon_id, guessed_at_ms);
CREATE INDEX password_guesses_by_account ON password_guesses (account_id, guessed_at_ms);
