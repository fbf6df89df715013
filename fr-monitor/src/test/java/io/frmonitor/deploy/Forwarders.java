package io.frmonitor.deploy;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a server on the machine's loopback answer at a port inside a container's network namespace:
 * one socat inside the namespace ({@code nsenter -n}) listens on the port and passes each
 * connection over a UNIX socket to a second socat on the host, which connects to the server. A UNIX
 * socket needs no route between the container and the host, so it works on the fr-server's internal
 * networks and without iptables rules. Not thread-safe; {@link #close()} ends every process it
 * started, by its handle.
 */
final class Forwarders implements AutoCloseable {
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();

  Forwarders(Path dir) {
    this.dir = dir;
  }

  /** Forwards {@code port} in the namespace of the process {@code pid} to 127.0.0.1:target. */
  void forward(long pid, int port, int target) throws IOException, InterruptedException {
    Path socket = dir.resolve(pid + "-" + port + ".sock");
    start("socat", "UNIX-LISTEN:" + socket + ",fork,unlink-early", "TCP:127.0.0.1:" + target);
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> Files.exists(socket));
    start(
        "nsenter",
        "-t",
        Long.toString(pid),
        "-n",
        "socat",
        "TCP-LISTEN:" + port + ",fork,reuseaddr",
        "UNIX-CONNECT:" + socket);
  }

  private void start(String... command) throws IOException {
    processes.add(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start());
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
  }
}
