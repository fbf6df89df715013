package io.frmonitor.codec;

/** Why a payload could not be decoded. */
public enum DecodeError {
  /** Zero bytes. */
  EMPTY,
  /** Larger than the configured maximum payload size. */
  TOO_LARGE,
  /** Nested deeper than the configured maximum depth, or self-referencing. */
  TOO_DEEP,
  /** The data ends before the value does. */
  TRUNCATED,
  /** Not a well-formed pickle or JSON value. */
  MALFORMED,
  /** Well-formed, but uses a feature fr-monitor refuses (out-of-band buffers, extensions). */
  UNSUPPORTED
}
