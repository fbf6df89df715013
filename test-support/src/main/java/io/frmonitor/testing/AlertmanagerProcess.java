package io.frmonitor.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real Alertmanager on a free loopback port, clustering off, its state in a temporary folder;
 * started ready, killed by {@link #close}. The binary is {@code alertmanager} in {@code
 * frmonitor.tools} ({@code .tools/bin}, installed by {@code scripts/install-test-tools}) or on the
 * PATH.
 */
public final class AlertmanagerProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final Process process;
  private final int port;

  private AlertmanagerProcess(Path binary, String config) throws IOException {
    dir = Files.createTempDirectory("alertmanager");
    Path configFile = Files.writeString(dir.resolve("alertmanager.yml"), config);
    port = ToolProcesses.freePort();
    process =
        new ProcessBuilder(
                binary.toString(),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--storage.path=" + dir.resolve("data"),
                "--config.file=" + configFile)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
  }

  /** The binary, if installed. */
  public static Optional<Path> binary() {
    return ToolProcesses.find("alertmanager", "prometheus-alertmanager");
  }

  /**
   * The binary, which {@code scripts/install-test-tools} (run by {@code scripts/test} and CI)
   * installs: its absence is a broken setup, not a reason to skip.
   *
   * @throws IllegalStateException saying how to install it
   */
  public static Path required() {
    return binary()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no alertmanager in .tools/bin nor on the PATH: run scripts/install-test-tools"));
  }

  /** Starts {@code binary} with {@code config} and waits until {@code /-/ready} answers 200. */
  public static AlertmanagerProcess start(Path binary, String config) throws IOException {
    AlertmanagerProcess am = new AlertmanagerProcess(binary, config);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> am.alive() && am.status("/-/ready") == 200);
      return am;
    } catch (RuntimeException e) {
      String log = am.log();
      am.close();
      throw new IllegalStateException(
          "Alertmanager did not get ready (scripts/install-test-tools installs it); its log:\n"
              + log,
          e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** {@code GET path}'s JSON. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = send(path);
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  public String log() {
    return ToolProcesses.log(dir.resolve("alertmanager.log"));
  }

  @Override
  public void close() {
    ToolProcesses.stop(process, dir);
  }

  private boolean alive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Alertmanager exited with " + process.exitValue());
    }
    return true;
  }

  private int status(String path) throws IOException, InterruptedException {
    return send(path).statusCode();
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
