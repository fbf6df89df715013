package io.frmonitor.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@code fr-monitor.jar} run as a child process, for integration tests. */
final class JarProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();

  private JarProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("frmonitor.jar", "target/fr-monitor.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first (mvn package): " + jar);
    }
    return jar;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Runs {@code java -jar fr-monitor.jar args} with the extra environment. */
  static ProcessBuilder command(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx64m");
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // a service keeps its state in a directory of its own, not in one a former run left here
    try {
      pb.environment()
          .put("MONITORING_STATE_DIR", Files.createTempDirectory("fr-state-").toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    pb.environment().putAll(env);
    return pb;
  }

  /** Starts the service on a free port. */
  static JarProcess start(Map<String, String> env) throws IOException {
    int port = freePort();
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("MONITORING_HTTP_PORT", Integer.toString(port));
    Path log = Files.createTempFile("fr-monitor-it", ".log");
    Process p = command(all).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new JarProcess(p, log, port);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of GET path, or -1 while nothing listens. */
  int status(String path) {
    try {
      return get(path).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  int port() {
    return port;
  }

  /** {@code kill -9}: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** {@code kill} (SIGTERM): a graceful stop; its exit status. */
  int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(log);
  }
}
