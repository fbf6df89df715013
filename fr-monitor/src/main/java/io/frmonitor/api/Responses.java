package io.frmonitor.api;

import io.javalin.http.Context;
import java.io.IOException;

/** Writes JSON bodies with the right content type. */
final class Responses {
  static final String JSON = "application/json";

  private Responses() {}

  static void json(Context ctx, byte[] body) {
    ctx.contentType(JSON).result(body);
  }

  /** Bodies from this size on go through Javalin to a client that takes gzip, to be compressed. */
  static final int COMPRESS_FROM = 1500;

  /**
   * Writes a ready body straight to the response, in one write with its length: for the bodies
   * rendered once and served many times (a family's cached body), where Javalin's copy through an
   * input stream in small chunks costs more than the rest of the request. A large body for a client
   * that takes gzip goes through Javalin, which compresses it.
   */
  static void send(Context ctx, String contentType, byte[] body) throws IOException {
    if (body.length >= COMPRESS_FROM && acceptsGzip(ctx)) {
      ctx.contentType(contentType).result(body);
      return;
    }
    write(ctx, contentType, body);
  }

  /** Writes a body already encoded as the response says (the caller sets Content-Encoding). */
  static void write(Context ctx, String contentType, byte[] body) throws IOException {
    ctx.contentType(contentType);
    ctx.res().setContentLength(body.length);
    ctx.res().getOutputStream().write(body);
  }

  static boolean acceptsGzip(Context ctx) {
    String accept = ctx.header("Accept-Encoding");
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
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
