package io.frmonitor.collect.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.frmonitor.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MinIO's HTTP-only endpoints as its documentation describes them, on a local port: health paths
 * answer their configured status (404 when none, as a plain S3 server does), metrics paths a
 * recorded body (from {@code fixtures/minio/}). Metrics need a valid bearer token — an HS512 JWT
 * signed with the secret key, issuer {@code prometheus}, subject the access key, not expired —
 * unless public, and answer 403 with MinIO's error body otherwise. Counts the requests per path.
 */
final class FakeMinio implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private volatile String accessKey;
  private volatile String secretKey;

  private FakeMinio() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** A server whose metrics endpoints are public ({@code MINIO_PROMETHEUS_AUTH_TYPE=public}). */
  static FakeMinio start() throws IOException {
    return new FakeMinio();
  }

  /** Metrics now need a token made from these keys. */
  FakeMinio requireToken(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    return this;
  }

  FakeMinio status(String path, int status) {
    statuses.put(path, status);
    return this;
  }

  FakeMinio healthy() {
    return status("/minio/health/live", 200)
        .status("/minio/health/ready", 200)
        .status("/minio/health/cluster", 200);
  }

  /** {@code path} answers 200 with the fixture {@code minio/<fixture>}. */
  FakeMinio serve(String path, String fixture) {
    bodies.put(path, Fixtures.text("minio/" + fixture));
    return status(path, 200);
  }

  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    int status = statuses.getOrDefault(path, 404);
    String body = bodies.getOrDefault(path, "");
    if (path.startsWith("/minio/v2/metrics/")
        && status == 200
        && accessKey != null
        && !validToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
      status = 403;
      body =
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
              + "<Message>Access Denied.</Message></Error>";
    }
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Verifies the JWT the way MinIO does: signature, issuer, subject, expiry. */
  private boolean validToken(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    String[] parts = authorization.substring("Bearer ".length()).split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    try {
      JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(secretKey.getBytes(UTF_8), "HmacSHA512"));
      byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(UTF_8));
      return header.path("alg").asText().equals("HS512")
          && MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))
          && claims.path("iss").asText().equals("prometheus")
          && claims.path("sub").asText().equals(accessKey)
          && claims.path("exp").asLong() > Instant.now().getEpochSecond();
    } catch (IOException | IllegalArgumentException | java.security.GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
