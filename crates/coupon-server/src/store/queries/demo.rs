//! Writing the demo's data.

use super::{accounts, catalog, coupons, uses, vendors, Conn};
use crate::store::coupons::Inserted;
use crate::store::demo_seed::DemoSeed;
use crate::store::uses::{Channel, NewUse};
use crate::store::StoreError;

/// Writes the demo. Must run inside a transaction.
pub async fn seed(conn: &mut Conn, seed: &DemoSeed) -> Result<(), StoreError> {
    let account_id = accounts::insert(&mut *conn, &seed.account).await?;
    accounts::insert_key(&mut *conn, account_id, &seed.api_key_digest, "Demo key").await?;
    vendors::insert(&mut *conn, account_id, Some(seed.vendor_id), &seed.vendor_auth_digest).await?;
    for group in &seed.groups {
        catalog::insert_group(&mut *conn, account_id, group).await?;
    }
    for template in &seed.templates {
        catalog::insert_template(&mut *conn, account_id, template).await?;
    }
    for demo in &seed.coupons {
        let inserted = coupons::insert(&mut *conn, account_id, &demo.coupon, demo.password_hash.as_deref()).await?;
        let Inserted::Created(coupon_id) = inserted else {
            return Err(StoreError::corrupt("demo coupon code (taken)", &demo.coupon.cpn_no));
        };
        if let Some(used_at) = &demo.used_at {
            let log = NewUse {
                coupon_id,
                expected_version: 1,
                channel: Channel::Page,
                user_id: String::new(),
                memo: "demo".into(),
                idempotency_key: None,
                request_digest: None,
                event: None,
                undo_token_digest: None,
            };
            uses::insert_log(&mut *conn, &log, demo.coupon.use_cnt, demo.coupon.use_cnt, used_at).await?;
        }
    }
    Ok(())
}
