package io.frmonitor.codec;

/** Why decoding stopped, with the byte offset; internal to the codec, turned into a result. */
final class PickleFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final DecodeError error;
  private final String detail;

  PickleFailure(DecodeError error, String message) {
    super(message, null, false, false); // no stack trace: fuzzed input fails often and cheaply
    this.error = error;
    this.detail = message;
  }

  DecodeError error() {
    return error;
  }

  /** The message it was made with: never null, unlike {@link #getMessage()} in general. */
  String detail() {
    return detail;
  }
}
