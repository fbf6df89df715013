package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.app.Families;
import io.frmonitor.config.ApiAccess;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.model.Event;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.schedule.ExecutorTaskScheduler;
import io.frmonitor.testing.HostSnapshots;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.WsClient;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/metrics} on the wire: a real WebSocket client against the server on a loopback port —
 * the handshake, tokens, origins, a reader that stops reading. The feed's logic is {@link
 * LiveFeedTest}'s.
 */
class LiveSocketTest {
  private static final String TOKEN = "a-token-of-sufficient-length";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final MetricRegistry registry = Registries.forApiTests(clock);
  private ApiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private URI start(ApiAccess access, LiveLimits limits) {
    server =
        new ApiServer(
                new HttpSettings("127.0.0.1", 0, access),
                "S1",
                Families.CATALOG,
                registry,
                () -> true,
                Optional.empty(),
                Optional.empty(),
                limits,
                new ExecutorTaskScheduler("fr-live"))
            .start();
    return URI.create("ws://127.0.0.1:" + server.port() + "/ws/metrics");
  }

  private URI start() {
    return start(ApiAccess.OPEN, LiveLimits.DEFAULT);
  }

  private void publishCpu(double cpu) {
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(cpu));
  }

  @Test
  void aClientGetsTheSnapshotThenADeltaOverTheWire() throws Exception {
    publishCpu(12.5);
    try (WsClient ws = WsClient.connect(start())) {
      JsonNode snapshot = ws.next();
      assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
      assertThat(snapshot.path("data").path("system").path("cpu_percent").asDouble())
          .isEqualTo(12.5);

      clock.advance(Duration.ofSeconds(5));
      publishCpu(20);
      JsonNode delta = ws.next();
      assertThat(delta.path("type").asText()).isEqualTo("delta");
      assertThat(delta.path("seq").asLong()).isEqualTo(2);
      assertThat(delta.path("data").path("system").path("cpu_percent").asDouble()).isEqualTo(20);
    }
  }

  @Test
  void withATokenTheSocketNeedsIt() throws Exception {
    URI uri =
        start(new ApiAccess(new Secret(TOKEN), new Secret(""), List.of()), LiveLimits.DEFAULT);

    assertThatThrownBy(() -> WsClient.connect(uri))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(401));
    assertThatThrownBy(() -> WsClient.connect(URI.create(uri + "?token=wrong-token-of-length")))
        .isInstanceOf(CompletionException.class);

    try (WsClient byQuery = WsClient.connect(URI.create(uri + "?token=" + TOKEN));
        WsClient byHeader = WsClient.connect(uri, TOKEN, true)) {
      assertThat(byQuery.next().path("type").asText()).isEqualTo("snapshot");
      assertThat(byHeader.next().path("type").asText()).isEqualTo("snapshot");
    }
  }

  @Test
  void onlyTheDashboardsOwnOriginAndAllowedOnesMayOpenTheSocket() throws Exception {
    URI uri =
        start(
            new ApiAccess(new Secret(""), new Secret(""), List.of("http://gui.example:3000")),
            LiveLimits.DEFAULT);
    String own = "http://" + uri.getAuthority();

    assertThatThrownBy(() -> WsClient.connect(uri, null, true, "http://evil.example"))
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(403));
    try (WsClient dashboard = WsClient.connect(uri, null, true, own);
        WsClient gui = WsClient.connect(uri, null, true, "http://gui.example:3000")) {
      assertThat(dashboard.next().path("type").asText()).isEqualTo("snapshot");
      assertThat(gui.next().path("type").asText()).isEqualTo("snapshot");
    }
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedWithAReason() throws Exception {
    URI uri = start(ApiAccess.OPEN, new LiveLimits(64 * 1024, Duration.ofSeconds(1), 10));
    try (WsClient slow = WsClient.connect(uri, null, false);
        WsClient fast = WsClient.connect(uri)) {
      slow.next();
      fast.next();
      // big events until the slow reader's socket stops taking them and it is dropped
      for (int i = 0; i < 20_000 && server.liveConnections() == 2; i++) {
        registry.appendEvent(
            new Event(clock.instant(), "noise", Map.of("n", "x".repeat(4000) + i)));
      }
      assertThat(server.liveConnections()).isEqualTo(1);

      // once it reads again it finds the reason behind what was queued for it
      slow.resumeReading();
      assertThat(slow.closed)
          .succeedsWithin(Duration.ofSeconds(10))
          .satisfies(r -> assertThat(r).startsWith("1008 too slow"));
      // the other client is not affected
      assertThat(fast.nextWithin(Duration.ofSeconds(1))).isNotNull();
    }
  }
}
