//! No stale reads across servers: after a use or an edit answered by one server, the next read on
//! another shows it.

use coupon_rules::Plan;
use serde_json::json;

use crate::cluster::Cluster;
use crate::support::{send, Api};

const TRIALS: usize = 1_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_use_or_an_edit_on_one_server_is_seen_by_the_next_read_on_another() {
    let cluster = Cluster::start(3).await;
    let apis = cluster.account(Plan::Personal).await;
    // One coupon to use again and again, one to edit (a used coupon keeps all but its memo).
    let used = apis[0].coupon(json!({"useLimit": 0, "onsiteYn": "Y"})).await;
    let edited = apis[0].coupon(json!({})).await;
    let mut stale = Vec::new();
    for trial in 0..TRIALS {
        let (writer, reader): (&Api, &Api) = (&apis[trial % 3], &apis[(trial + 1) % 3]);
        // What the write makes the coupon show, as (field, value).
        let (code, field, expected) = if trial % 2 == 0 {
            let url = format!("{}/api/public/v1/coupons/{used}/use", writer.base);
            let receipt = send(&writer.http, reqwest::Method::POST, &url, None, Some(&json!({}))).await;
            assert_eq!(receipt.code(), 0, "{}", receipt.raw);
            (&used, "useCnt", receipt.result()["useCnt"].clone())
        } else {
            let name = format!("Trial {trial}");
            assert_eq!(writer.update(json!({"cpnNo": edited, "nm": name})).await.code(), 0);
            (&edited, "nm", json!(name))
        };
        let url = format!("{}/api/public/v1/coupons/{code}", reader.base);
        let public = send(&reader.http, reqwest::Method::GET, &url, None, None).await;
        for (read, reply) in
            [("public", public), ("get", reader.get(code).await), ("validate", reader.validate(code).await)]
        {
            if reply.result()[field] != expected {
                stale.push(format!(
                    "trial {trial}: {read} on {} showed {field} {}",
                    reader.base,
                    reply.result()[field]
                ));
            }
        }
    }
    assert!(stale.is_empty(), "{} stale reads in {TRIALS} trials: {stale:?}", stale.len());
}
