package io.frmonitor.collect.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 for the bodiless GET requests the storage collector makes (service {@code
 * s3}). Signs {@code host}, {@code x-amz-content-sha256} and {@code x-amz-date}; the caller sends
 * exactly the returned headers, and must not let its HTTP client change the host it signed.
 */
final class SigV4 {
  /** SHA-256 of the empty body: what a GET carries. */
  static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final String accessKey;
  private final byte[] secretKey;
  private final String region;

  SigV4(String accessKey, String secretKey, String region) {
    this.accessKey = accessKey;
    this.secretKey = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
    this.region = region;
  }

  /** The headers to send with {@code GET uri} at {@code now}, {@code Authorization} included. */
  Map<String, String> sign(URI uri, Instant now) {
    String stamp = STAMP.format(now);
    String day = stamp.substring(0, 8);
    String scope = day + "/" + region + "/s3/aws4_request";
    String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
    String canonical =
        String.join(
            "\n",
            "GET",
            uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
            canonicalQuery(uri.getRawQuery()),
            "host:" + host(uri),
            "x-amz-content-sha256:" + EMPTY_SHA256,
            "x-amz-date:" + stamp,
            "",
            signedHeaders,
            EMPTY_SHA256);
    String toSign =
        String.join("\n", "AWS4-HMAC-SHA256", stamp, scope, HEX.formatHex(sha256(canonical)));
    byte[] key = Hmac.of(Hmac.SHA256, secretKey, day);
    key = Hmac.of(Hmac.SHA256, key, region);
    key = Hmac.of(Hmac.SHA256, key, "s3");
    key = Hmac.of(Hmac.SHA256, key, "aws4_request");
    String signature = HEX.formatHex(Hmac.of(Hmac.SHA256, key, toSign));
    return Map.of(
        "x-amz-date",
        stamp,
        "x-amz-content-sha256",
        EMPTY_SHA256,
        "Authorization",
        "AWS4-HMAC-SHA256 Credential="
            + accessKey
            + "/"
            + scope
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + signature);
  }

  /** The Host header an HTTP client sends for {@code uri}: the port only when the URI has one. */
  static String host(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /**
   * Parameters sorted by name, each {@code name=value}; the query must already be encoded the S3
   * way ({@link S3Client#encode}), which is also the canonical form.
   */
  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    Map<String, String> sorted = new TreeMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      sorted.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
    }
    StringBuilder out = new StringBuilder();
    sorted.forEach(
        (k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return out.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
