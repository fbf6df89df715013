package io.frmonitor.collect.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC of UTF-8 text, for the two signatures the collector makes (SigV4 and MinIO's JWT). */
final class Hmac {
  static final String SHA256 = "HmacSHA256";
  static final String SHA512 = "HmacSHA512";

  private Hmac() {}

  static byte[] of(String algorithm, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // both algorithms are required of every Java platform
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }
}
