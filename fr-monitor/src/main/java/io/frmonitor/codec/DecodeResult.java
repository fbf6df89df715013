package io.frmonitor.codec;

import java.util.Objects;

/** The outcome of decoding one payload: a value, or a typed error with a reason. */
public sealed interface DecodeResult {
  /** A decoded value; see {@link PayloadDecoder} for the Java types values take. */
  record Decoded(Object value, Format format) implements DecodeResult {
    public Decoded {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A payload that could not be decoded; {@code detail} says where and why. */
  record Failed(DecodeError error, String detail) implements DecodeResult {}

  /** The encoding a payload was recognised as. */
  enum Format {
    PICKLE,
    JSON
  }
}
