package io.frmonitor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads files under {@code src/test/resources/fixtures/}. */
public final class Fixtures {
  private Fixtures() {}

  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Field {@code index} (whitespace-separated) of the first line containing {@code marker}. */
  public static String field(String path, String marker, int index) {
    for (String line : text(path).split("\n", -1)) {
      if (line.contains(marker)) {
        return line.trim().split("\\s+", -1)[index];
      }
    }
    throw new IllegalArgumentException("no line with " + marker + " in " + path);
  }
}
