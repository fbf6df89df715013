package io.frmonitor.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the host collector finds the host: its procfs and its root filesystem. Outside a container
 * both are this machine's own ({@code /proc}, {@code /}); inside one they are the host's, mounted
 * read-only (for example {@code /host/proc} and {@code /host}; docs/operations.md).
 *
 * @param proc a procfs: a directory holding a readable {@code stat} that lists CPUs
 * @param root the directory the host's mount points are resolved under
 */
public record HostRootSettings(Path proc, Path root) {
  /** This machine's own procfs and root. */
  public static final HostRootSettings LOCAL = new HostRootSettings(Path.of("/proc"), Path.of("/"));

  /**
   * Reads {@code MONITORING_HOST_PROC} and {@code MONITORING_HOST_ROOT}.
   *
   * @param raw a variable's value, its default when unset
   * @throws ConfigException naming the variable when a path is no procfs or no directory
   */
  static HostRootSettings read(Function<Variable, String> raw) {
    return new HostRootSettings(procfs(raw), directory(raw, Variable.MONITORING_HOST_ROOT));
  }

  private static Path procfs(Function<Variable, String> raw) {
    Variable v = Variable.MONITORING_HOST_PROC;
    Path proc = directory(raw, v);
    // a procfs's stat starts with the aggregate "cpu " line; a plain directory has none
    try (InputStream in = Files.newInputStream(proc.resolve("stat"))) {
      String head = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
      if (head.equals("cpu ")) {
        return proc;
      }
    } catch (IOException e) {
      // unreadable or missing: not a procfs this process can use
    }
    throw new ConfigException(v.name(), raw.apply(v), v.expected());
  }

  private static Path directory(Function<Variable, String> raw, Variable v) {
    String value = raw.apply(v);
    try {
      Path path = Path.of(value);
      if (path.isAbsolute() && Files.isDirectory(path) && Files.isReadable(path)) {
        return path;
      }
    } catch (InvalidPathException e) {
      // falls through to the error naming the variable
    }
    throw new ConfigException(v.name(), value, v.expected());
  }
}
