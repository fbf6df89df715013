package io.frmonitor.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Prometheus on a free loopback port, its configuration and data in a folder of its own;
 * started ready, killed by {@link #close}. The binary is {@code prometheus} in {@code
 * frmonitor.tools} ({@code .tools/bin}, unpacked from Debian's package by {@code
 * scripts/install-test-tools}) or on the PATH; its absence is a broken setup, not a reason to skip.
 */
public final class PrometheusProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final Process process;
  private final int port;

  private PrometheusProcess(Path dir, Path config) throws IOException {
    this.dir = dir;
    port = ToolProcesses.freePort();
    process =
        new ProcessBuilder(
                required("prometheus").toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
  }

  /**
   * A tool of Debian's prometheus packages ({@code prometheus}, {@code promtool}, {@code amtool}).
   *
   * @throws IllegalStateException saying how to install it
   */
  public static Path required(String tool) {
    return ToolProcesses.find(tool)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no "
                        + tool
                        + " in .tools/bin nor on the PATH: run scripts/install-test-tools"));
  }

  /**
   * Starts Prometheus on {@code config}, a file in {@code dir} (the folder it then owns: rules
   * files and token files named relative to the configuration lie there), and waits until it is
   * ready.
   */
  public static PrometheusProcess start(Path dir, Path config) throws IOException {
    PrometheusProcess p = new PrometheusProcess(dir, config);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> p.alive() && p.status("/-/ready") == 200);
      return p;
    } catch (RuntimeException e) {
      String log = p.log();
      p.close();
      throw new IllegalStateException("Prometheus did not get ready; its log:\n" + log, e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** {@code GET /api/v1/query?query=promql}'s {@code data}; fails on an error answer. */
  public JsonNode query(String promql) throws IOException, InterruptedException {
    JsonNode answer =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (!"success".equals(answer.path("status").asText())) {
      throw new IOException(promql + ": " + answer);
    }
    return answer.path("data");
  }

  /** {@code GET path}'s JSON (any status: Prometheus's API answers errors as JSON). */
  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  public String log() {
    return ToolProcesses.log(dir.resolve("prometheus.log"));
  }

  @Override
  public void close() {
    ToolProcesses.stop(process, dir.resolve("data"));
  }

  private boolean alive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Prometheus exited with " + process.exitValue());
    }
    return true;
  }

  private int status(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
