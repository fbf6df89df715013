package io.frmonitor.collect.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The bearer token MinIO accepts on its metrics endpoints, as {@code mc admin prometheus generate}
 * makes it: a JWT signed HS512 with the secret key, whose subject is the access key and issuer
 * {@code prometheus}. Made fresh and short-lived rather than the 100-year token {@code mc} prints.
 */
final class MinioToken {
  private static final String HEADER = "{\"alg\":\"HS512\",\"typ\":\"JWT\"}";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private MinioToken() {}

  /** A token valid from {@code now} for {@code validity}. */
  static String bearer(String accessKey, String secretKey, Instant now, Duration validity) {
    String claims =
        "{\"exp\":"
            + now.plus(validity).getEpochSecond()
            + ",\"iss\":\"prometheus\",\"sub\":\""
            + jsonEscape(accessKey)
            + "\"}";
    String signed = base64url(HEADER) + "." + base64url(claims);
    return signed
        + "."
        + BASE64URL.encodeToString(
            Hmac.of(Hmac.SHA512, secretKey.getBytes(StandardCharsets.UTF_8), signed));
  }

  private static String base64url(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Access keys are printable ASCII; escape the two characters JSON strings cannot hold as-is. */
  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
