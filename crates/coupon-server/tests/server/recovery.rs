//! The store heals: after a connection that broke (a rollback that fails) or a write that panicked,
//! the next writes are answered as usual, not with 1099 forever.

use coupon_rules::Plan;
use coupon_server::store::Fault;
use serde_json::json;

use crate::support::TestServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_succeed_again_after_a_broken_connection_and_after_a_panicking_write() {
    let server = TestServer::start().await;
    let api = server.account(Plan::Personal).await;
    let code = api.coupon(json!({"useLimit": 0, "onsiteYn": "Y"})).await;
    for fault in [Fault::BrokenConnection, Fault::PanickingWrite, Fault::BrokenConnection] {
        server.store().inject(fault).await;
        for n in 0..3 {
            let memo = format!("after {fault:?}, write {n}");
            let reply = api.update(json!({"cpnNo": code, "memo": memo})).await;
            assert_eq!(reply.code(), 0, "after {fault:?}: {}", reply.raw);
            assert_eq!(api.get(&code).await.result()["memo"], memo);
        }
        assert_eq!(server.use_coupon(&code, json!({})).await.code(), 0, "uses work after {fault:?}");
        assert_eq!(api.coupon(json!({})).await.len(), 16, "creates work after {fault:?}");
    }
    server.stop().await;
}
