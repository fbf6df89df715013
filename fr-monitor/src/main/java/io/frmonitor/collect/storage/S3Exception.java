package io.frmonitor.collect.storage;

/**
 * An S3 request that failed: the HTTP status and the S3 error code ({@code AccessDenied}, {@code
 * NoSuchBucket}, {@code SignatureDoesNotMatch}, …) when the server sent one. The message names the
 * request and the problem, never a credential.
 */
final class S3Exception extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  S3Exception(String message, int status, String code) {
    super(message);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  /** The S3 error code, or empty when the answer carried none. */
  String code() {
    return code;
  }
}
