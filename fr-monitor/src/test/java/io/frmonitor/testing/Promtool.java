package io.frmonitor.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's {@code promtool}: the one in {@code frmonitor.tools} (failsafe sets it to the
 * checkout's {@code .tools/bin}, where scripts/install-test-tools puts it), else on {@code PATH}.
 */
public final class Promtool {
  private Promtool() {}

  /** What a run said: its exit status and its output (stdout and stderr together). */
  public record Result(int exitCode, String output) {}

  /**
   * Runs {@code promtool args…} in {@code dir} and waits for it (at most two minutes).
   *
   * @throws IllegalStateException when promtool is not installed or does not finish
   */
  public static Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), output);
  }

  /** promtool from {@code frmonitor.tools} or {@code ../.tools/bin}, else from PATH. */
  public static Path binary() {
    Path local = Path.of(System.getProperty("frmonitor.tools", "../.tools/bin"), "promtool");
    if (Files.isExecutable(local)) {
      return local.toAbsolutePath();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path p = Path.of(dir, "promtool");
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "promtool not found on PATH or in .tools/bin; run scripts/install-test-tools");
  }
}
