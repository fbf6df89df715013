package io.frmonitor.codec;

/**
 * Bounds on what a payload may demand.
 *
 * @param maxBytes payloads larger than this are refused without being read
 * @param maxDepth deepest nesting of containers accepted (a value inside a list inside a dict is
 *     depth 2)
 */
public record DecodeLimits(int maxBytes, int maxDepth) {
  /** 8 MiB (the fr-server's largest payload, a saved action with a 1280×720 image, is ~2.7 MB). */
  public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

  public static final int DEFAULT_MAX_DEPTH = 64;

  public static final DecodeLimits DEFAULT = new DecodeLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

  public DecodeLimits {
    if (maxBytes < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
