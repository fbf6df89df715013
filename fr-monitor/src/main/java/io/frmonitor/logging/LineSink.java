package io.frmonitor.logging;

import java.nio.charset.StandardCharsets;

/**
 * Where formatted lines go. Each call writes one whole event, so lines from many threads never
 * interleave. Implementations are thread-safe.
 */
@FunctionalInterface
public interface LineSink {
  void write(String lines);

  /**
   * Standard error, as UTF-8 whatever the locale (a container's is often POSIX, which would turn
   * every non-ASCII character into {@code ?}), in one {@code write} per event: {@link
   * java.io.PrintStream}'s writes hold its lock and, with auto-flush, reach the file descriptor at
   * once.
   */
  static LineSink stderr() {
    return lines -> {
      byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
      System.err.write(bytes, 0, bytes.length);
    };
  }
}
