// The JavaScript package as a JavaScript program uses it: `node smoke.mjs <package dir>`.
// Run by `cargo xtask test` after `cargo xtask js-package`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
const rules = await import(pathToFileURL(join(dir, "coupon_rules_js.js")).href);
rules.initSync({ module: readFileSync(join(dir, "coupon_rules_js_bg.wasm")) });

const context = { today: "2026-11-21", plan: "personal" };

// A plain object in, a plain object out, in Korean.
const refused = rules.validateCouponUpdate({ cpnNo: "ZJLF0399WQBEQZJM", endYmd: "2028-01-01" }, context, "ko");
assert.deepEqual(Object.keys(refused), ["errors", "warnings"]);
assert.equal(refused.errors.length, 1);
assert.equal(refused.errors[0].field, "endYmd");
assert.equal(refused.errors[0].code, "date_beyond_limit");
assert.equal(refused.errors[0].params.max, "2027-12-31");
assert.match(refused.errors[0].message, /종료일/);

// The last allowed day passes; a typo in a name is pointed out.
assert.equal(rules.validateCouponUpdate({ cpnNo: "ZJLF0399WQBEQZJM", endYmd: "2027-12-31" }, context).errors.length, 0);
const typo = rules.validateCouponUpdate({ cpNo: "ZJLF0399WQBEQZJM" }, context, "en");
assert.equal(typo.errors[0].code, "unknown_field");
assert.equal(typo.errors[0].params.suggestion, "cpnNo");

// Create needs the essentials.
const create = rules.validateCouponCreate({}, context, "en");
assert.deepEqual(create.errors.map((e) => e.field), ["nm", "discTypeIdx", "disc", "endYmd"]);

// The second vendor's dialect, numbers as text.
const paddle = rules.validatePaddleUpdate(
  { vendor_id: "12", vendor_auth_code: "0af", group: "Spring", discount_amount: "0" },
  context,
  "en",
);
assert.deepEqual(paddle.errors.map((e) => [e.field, e.code]), [["discount_amount", "not_positive"]]);

// Helpers, and bad arguments throw instead of crashing.
assert.equal(rules.latestEndDate("2026-11-21"), "2027-12-31");
assert.equal(rules.normalizeCouponCode("zjlf-0399 wqbe-qzjm"), "ZJLF0399WQBEQZJM");
assert.throws(() => rules.validateCouponUpdate(42, context));
assert.throws(() => rules.validateCouponUpdate({}, { plan: "personal" }));

console.log("JavaScript package: every check passed");
