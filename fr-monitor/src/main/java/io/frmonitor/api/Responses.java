package io.frmonitor.api;

import io.javalin.http.Context;

/** Writes JSON bodies with the right content type. */
final class Responses {
  static final String JSON = "application/json";

  private Responses() {}

  static void json(Context ctx, byte[] body) {
    ctx.contentType(JSON).result(body);
  }

  static void json(Context ctx, Object dto) {
    json(ctx, Json.bytes(dto));
  }

  /** Request attribute marking a body already written by {@link #error}. */
  static final String ERROR_WRITTEN = "fr.error-written";

  static void error(Context ctx, int status, String code, String message) {
    ctx.attribute(ERROR_WRITTEN, true);
    ctx.status(status);
    json(ctx, new ErrorDto(code, message, status));
  }
}
