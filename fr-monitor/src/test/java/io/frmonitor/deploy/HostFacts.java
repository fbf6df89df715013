package io.frmonitor.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the host itself says about its memory and processors, to compare a container's view. */
final class HostFacts {
  private HostFacts() {}

  static long memTotalBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no MemTotal in /proc/meminfo");
  }

  static int processors() throws IOException {
    return (int)
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("processor"))
            .count();
  }
}
