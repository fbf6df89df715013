package io.frmonitor.collect.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a procfs file whole. Thread safety: stateless. */
final class ProcFiles {
  private ProcFiles() {}

  /** The file's text (procfs files report size 0, so it is read to the end). */
  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
