// A TypeScript caller of the package, type-checked (never run) by `cargo xtask test` against the
// `.d.ts` that wasm-bindgen writes from the Rust types (tsify). Each `@ts-expect-error` line must be
// an error: if a generated type were looser than the rules (`any`, `string` for a closed set), tsc
// would report the unused directive and the step fails.
import init, {
  latestEndDate,
  normalizeCouponCode,
  validateCouponCreate,
  validateCouponUpdate,
  validatePaddleUpdate,
  type Coupon,
  type CouponContext,
  type CouponUpdateRequest,
  type ErrorCode,
  type FieldError,
  type PaddleUpdateRequest,
  type Report,
} from "./coupon_rules_js.js";

await init();

const stored: Coupon = { cpnNo: "ZJLF0399WQBEQZJM", strtYmd: "2026-11-01", endYmd: null, allowedUses: null };
const context: CouponContext = { today: "2026-11-21", plan: "personal", stored, groups: null };
const request: CouponUpdateRequest = { cpnNo: "ZJLF0399WQBEQZJM", endYmd: "2031-01-01", discTypeIdx: 458, disc: 5 };
const report: Report = validateCouponUpdate(request, context, "ko");
const first: FieldError | undefined = report.errors[0];
const code: ErrorCode | undefined = first?.code;
const message: string | undefined = first?.message;
const created: Report = validateCouponCreate({ nm: "Spring", onsiteYn: "Y" }, { today: "2026-11-21", plan: "free" }, undefined);
const paddle: PaddleUpdateRequest = { vendor_id: "12", discount_amount: "7.50", currency: "EUR", recurring: 1 };
const paddleReport: Report = validatePaddleUpdate(paddle, context, "en");
const end: string = latestEndDate("2026-11-21");
const typed: string = normalizeCouponCode("zjlf-0399");
console.log(code, message, created.warnings.length, paddleReport.errors.length, end, typed);

// @ts-expect-error a discount type is 457 or 458
validateCouponUpdate({ discTypeIdx: 459 }, context, "en");
// @ts-expect-error messages are in English or Korean
validateCouponUpdate(request, context, "fr");
// @ts-expect-error a plan is one of the plans
validateCouponCreate(request, { today: "2026-11-21", plan: "gold" }, "en");
// @ts-expect-error the field names are the API's
validateCouponUpdate({ cpnNO: "ZJLF0399WQBEQZJM" }, context, "en");
// @ts-expect-error the second dialect takes USD, GBP or EUR
validatePaddleUpdate({ currency: "KRW" }, context, "en");
// @ts-expect-error a code is one of the rules' codes
const unknown: ErrorCode = "no_such_code";
// @ts-expect-error a report's errors are field errors, not strings
const notText: string = report.errors[0];
console.log(unknown, notText);
