package io.frmonitor.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Docker daemon for the container tests: the machine's own when {@code docker info} answers, else
 * a {@code dockerd} this class starts with a data root, exec root, PID file and socket of its own
 * under a temporary directory (so it never meets another daemon), no default bridge and no iptables
 * or masquerading rules (so it leaves nothing behind on the host), and stops by its PID. Commands
 * run through {@link #run} talk to it through {@code DOCKER_HOST}. Not thread-safe.
 */
public final class DockerDaemon implements AutoCloseable {
  private final Map<String, String> env;
  private final @Nullable Process own;
  private final @Nullable Path dir;

  private DockerDaemon(Map<String, String> env, @Nullable Process own, @Nullable Path dir) {
    this.env = Map.copyOf(env);
    this.own = own;
    this.dir = dir;
  }

  /** The machine's daemon, or a new one; fails saying why when neither can be had. */
  public static DockerDaemon start() throws IOException, InterruptedException {
    if (exec(Map.of(), Duration.ofSeconds(20), "docker", "info").exit() == 0) {
      return new DockerDaemon(Map.of(), null, null);
    }
    Path dir = Files.createTempDirectory("fr-monitor-dockerd-");
    String socket = "unix://" + dir.resolve("docker.sock");
    ProcessBuilder pb =
        new ProcessBuilder(
                "dockerd",
                "--data-root=" + dir.resolve("root"),
                "--exec-root=" + dir.resolve("exec"),
                "--pidfile=" + dir.resolve("dockerd.pid"),
                "--host=" + socket,
                "--bridge=none",
                "--iptables=false",
                "--ip-masq=false")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("dockerd.log").toFile());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "no docker daemon answers and dockerd cannot be started (scripts/install-test-tools"
              + " installs Debian's docker.io): "
              + e.getMessage(),
          e);
    }
    DockerDaemon daemon = new DockerDaemon(Map.of("DOCKER_HOST", socket), process, dir);
    Instant until = Instant.now().plusSeconds(60);
    while (daemon.run(Duration.ofSeconds(10), "docker", "info").exit() != 0) {
      if (!process.isAlive() || Instant.now().isAfter(until)) {
        String log = Files.readString(dir.resolve("dockerd.log"), StandardCharsets.UTF_8);
        daemon.close();
        throw new IllegalStateException(
            "dockerd did not come up (it needs root); its log:\n" + log);
      }
      Thread.sleep(250);
    }
    return daemon;
  }

  /** {@code DOCKER_HOST} for this daemon (empty: the machine's default). */
  public Map<String, String> env() {
    return env;
  }

  /** What a command printed (stdout and stderr together) and its exit status. */
  public record Result(int exit, String output) {}

  /** Runs a command (docker, docker-compose, a script) against this daemon. */
  public Result run(Duration timeout, String... command) throws IOException, InterruptedException {
    return exec(env, timeout, command);
  }

  /** As {@link #run} with more environment. */
  public Result run(Map<String, String> extraEnv, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(extraEnv);
    return exec(all, timeout, command);
  }

  /** Runs a command that must succeed: fails with its output otherwise. */
  public String ok(Duration timeout, String... command) throws IOException, InterruptedException {
    return ok(Map.of(), timeout, command);
  }

  public String ok(Map<String, String> extraEnv, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Result r = run(extraEnv, timeout, command);
    if (r.exit() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " exited " + r.exit() + ":\n" + r.output());
    }
    return r.output();
  }

  private static Result exec(Map<String, String> env, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("fr-monitor-cmd-", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(List.of(command))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      pb.environment().putAll(env);
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        return new Result(127, command[0] + ": " + e.getMessage());
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        return new Result(124, "timed out after " + timeout + ":\n" + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Mount points at or under {@code dir}, deepest first. */
  private static List<String> mountsUnder(Path dir) throws IOException {
    String prefix = dir.toString();
    return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
        .map(line -> line.split(" ", 3)[1])
        .filter(m -> m.equals(prefix) || m.startsWith(prefix + "/"))
        .sorted(java.util.Comparator.reverseOrder())
        .toList();
  }

  /** Stops the daemon this class started (SIGTERM to its PID) and removes its directory. */
  @Override
  public void close() throws IOException {
    if (own == null || dir == null) {
      return;
    }
    try {
      own.destroy();
      if (!own.waitFor(30, TimeUnit.SECONDS)) {
        own.destroyForcibly().waitFor();
      }
      // dockerd leaves its network namespace bind-mounted (exec/netns/default) after it stops
      for (String mount : mountsUnder(dir)) {
        exec(Map.of(), Duration.ofSeconds(30), "umount", mount);
      }
      exec(Map.of(), Duration.ofMinutes(1), "rm", "-rf", "--one-file-system", dir.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
