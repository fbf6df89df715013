package io.frmonitor.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3 server for integration tests: S3Proxy (from Maven Central, copied into {@code target/}
 * by the build) with its filesystem backend, run as its own process with SigV4 authentication.
 * Buckets are directories and objects files under {@link #root()}, so a test lays out objects —
 * sizes and modification times included — without any S3 write, and the system under test is the
 * only S3 client.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "fr-monitor-test";
  public static final String SECRET_KEY = "fr-monitor-test-secret";

  private final Path root;
  private final int port;
  private Process process;

  private S3ProxyServer(Path root, int port) {
    this.root = root;
    this.port = port;
  }

  /** Starts a server over a fresh directory under {@code dir} and waits until it answers. */
  public static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
    S3ProxyServer server =
        new S3ProxyServer(Files.createDirectories(dir.resolve("data")), freePort());
    server.launch(dir);
    return server;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public Path root() {
    return root;
  }

  /** Creates {@code bucket/key} with {@code size} bytes, last modified {@code age} ago. */
  public void putObject(String bucket, String key, int size, Duration age) {
    try {
      Path file = root.resolve(bucket).resolve(key);
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[size]);
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void createBucket(String bucket) throws IOException {
    Files.createDirectories(root.resolve(bucket));
  }

  /** Stops the server process (the data stays), for outage tests. */
  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** Starts it again on the same port and data. */
  public void restart() throws IOException, InterruptedException {
    stop();
    launch(root.getParent());
  }

  @Override
  public void close() {
    stop();
  }

  private void launch(Path dir) throws IOException, InterruptedException {
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint(),
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + root,
            ""));
    String jar = System.getProperty("frmonitor.s3proxy", "target/s3proxy/s3proxy.jar");
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                jar,
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("s3proxy.log").toFile())
            .start();
    awaitListening(Duration.ofSeconds(30));
  }

  private void awaitListening(Duration limit) throws IOException {
    await()
        .alias("S3Proxy listening on " + port)
        .atMost(limit)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !process.isAlive() || listening());
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "S3Proxy exited: " + Files.readString(root.getParent().resolve("s3proxy.log")));
    }
  }

  private boolean listening() {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return s.isConnected();
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
