const crypto = require("node:crypto");

// Whether a webhook request is ours: `signature` is its X-Coupon-Signature header, `rawBody` its
// raw body as a Buffer (before any JSON parsing), `secret` your whsec_… secret. Requests older
// than 5 minutes are refused (a replayed request).
function verifyWebhook(secret, signature, rawBody, now = Math.floor(Date.now() / 1000)) {
  const parts = signature.split(",").map((part) => part.split("="));
  const t = parts.find(([name]) => name === "t")?.[1];
  if (!t || Math.abs(now - Number(t)) > 300) return false;
  const expected = crypto.createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest();
  return parts
    .filter(([name]) => name === "v1")
    .some(([, v1]) => {
      const given = Buffer.from(v1, "hex");
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    });
}

module.exports = { verifyWebhook };
