//! The coupon page's one route: which paths name a coupon.

use coupon_app::route::coupon_code;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn coupon_paths_give_their_code() {
    assert_eq!(coupon_code("/c/DEMOACTIVE000001").as_deref(), Some("DEMOACTIVE000001"));
    assert_eq!(coupon_code("/c/DEMOACTIVE000001/").as_deref(), Some("DEMOACTIVE000001"));
    // People retype codes as printed: in groups, in small letters.
    assert_eq!(coupon_code("/c/zjlf-0399-wqbe-qzjm").as_deref(), Some("ZJLF0399WQBEQZJM"));
}

#[wasm_bindgen_test]
fn other_paths_name_no_coupon() {
    for path in ["/", "/c/", "/c/SHORT", "/admin", "/c/ABCDEFGH/extra", "/c/ABC%20DEFGH", "/x/DEMOACTIVE000001"] {
        assert_eq!(coupon_code(path), None, "{path}");
    }
}
