package io.frmonitor.collect.gpu;

import io.frmonitor.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fixture proc root: a directory laid out like {@code /proc}, for what real processes cannot
 * show.
 */
final class FakeProc {
  final Path root;

  private FakeProc(Path root) {
    this.root = root;
  }

  /** A proc root of the host's PID namespace (pid 2 is {@code kthreadd}). */
  static FakeProc host(Path dir) throws IOException {
    return withPid2(dir, "proc/status-kthreadd-captured.txt");
  }

  /** A proc root of a container's own PID namespace. */
  static FakeProc container(Path dir) throws IOException {
    return withPid2(dir, "proc/status-container-pid2.txt");
  }

  private static FakeProc withPid2(Path dir, String fixture) throws IOException {
    Files.createDirectories(dir.resolve("2"));
    Files.writeString(dir.resolve("2/status"), Fixtures.text(fixture));
    return new FakeProc(dir);
  }

  /** A process started at {@code startTime} ticks with this environment and cgroup file. */
  Path process(long pid, long startTime, String environ, String cgroup) throws IOException {
    Path dir = Files.createDirectories(root.resolve(Long.toString(pid)));
    stat(pid, startTime);
    Files.write(dir.resolve("environ"), environ.getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("cgroup"), cgroup);
    return dir;
  }

  /** Rewrites the process's stat line with another start time (the pid was reused). */
  void stat(long pid, long startTime) throws IOException {
    Files.writeString(
        root.resolve(Long.toString(pid)).resolve("stat"),
        pid + " (python3) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 " + startTime + " 0 0\n");
  }
}
