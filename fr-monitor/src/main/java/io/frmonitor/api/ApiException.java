package io.frmonitor.api;

/** A request the API refuses, with the HTTP status and a reason the caller can act on. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  private ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
