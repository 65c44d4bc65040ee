-- A shop's own domain shows only its coupons: every page asked for on a host that could be a
-- domain asks whether some coupon names it, by this index (only coupons with a domain are in it).
CREATE INDEX coupons_domain ON coupons (lower(domain)) WHERE domain <> '';
