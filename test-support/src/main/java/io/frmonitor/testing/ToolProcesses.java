package io.frmonitor.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the tests' real servers of Debian's Prometheus packages ({@link PrometheusProcess}, {@link
 * AlertmanagerProcess}) share: finding the binary, a free port, the log, the stop and the cleanup.
 */
final class ToolProcesses {
  private ToolProcesses() {}

  /**
   * The first of {@code names} in {@code frmonitor.tools} ({@code .tools/bin}), else on the PATH.
   */
  static Optional<Path> find(String... names) {
    Path local = Path.of(System.getProperty("frmonitor.tools", "../.tools/bin"), names[0]);
    if (Files.isExecutable(local)) {
      return Optional.of(local);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      for (String name : names) {
        Path p = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String log(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops {@code process} (SIGTERM, then SIGKILL after 10 s) and deletes {@code tree}. */
  static void stop(Process process, Path tree) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(tree)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }
}
