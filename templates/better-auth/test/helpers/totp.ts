import { TOTP, URI } from "otpauth";

/**
 * The current code of an authenticator app set up from an `otpauth://totp/…` URI, computed
 * here (RFC 6238) rather than by the library under test.
 */
export function totpCode(uri: string): string {
  const otp = URI.parse(uri);
  if (!(otp instanceof TOTP)) throw new Error("Not a TOTP URI");
  return otp.generate();
}

/** A well-formed code that is not the current one (nor in the window either side of it). */
export function wrongTotpCode(uri: string): string {
  const otp = URI.parse(uri) as TOTP;
  const valid = new Set(
    [-1, 0, 1].map((step) => otp.generate({ timestamp: Date.now() + step * otp.period * 1000 })),
  );
  for (let n = 0; ; n++) {
    const code = String(n).padStart(otp.digits, "0");
    if (!valid.has(code)) return code;
  }
}
