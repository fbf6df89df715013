package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.app.Families;
import io.frmonitor.config.ApiAccess;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.family.Output;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /ws/metrics} with a real WebSocket client against the server on a loopback port. */
class LiveFeedTest {
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
                Families.CATALOG,
                registry,
                () -> true,
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
  void aNewClientGetsOneSnapshotOfEveryTopic() throws Exception {
    publishCpu(12.5);
    try (WsClient ws = WsClient.connect(start())) {
      JsonNode m = ws.next();

      assertThat(m.path("type").asText()).isEqualTo("snapshot");
      assertThat(m.path("seq").asLong()).isEqualTo(1);
      assertThat(m.path("timestamp").asLong()).isEqualTo(clock.instant().toEpochMilli());
      List<String> stateTopics = new ArrayList<>(List.of("collectors"));
      Families.CATALOG.specs().stream()
          .filter(spec -> spec.outputs().contains(Output.LIVE))
          .forEach(spec -> stateTopics.add(spec.name()));
      assertThat(m.path("data").properties())
          .extracting(Map.Entry::getKey)
          .containsExactlyElementsOf(stateTopics);
      assertThat(m.path("topics")).hasSize(stateTopics.size() + 1); // and events
      // each topic is exactly its REST body
      assertThat(m.path("data").path("system").path("cpu_percent").asDouble()).isEqualTo(12.5);
      assertThat(m.path("data").path("storage").path("stale").asBoolean()).isTrue();
    }
  }

  @Test
  void deltasCarryOnlyWhatChangedAndNothingWhenNothingDid() throws Exception {
    publishCpu(10);
    try (WsClient ws = WsClient.connect(start())) {
      ws.next();

      clock.advance(Duration.ofSeconds(5));
      publishCpu(20);
      JsonNode delta = ws.next();
      assertThat(delta.path("type").asText()).isEqualTo("delta");
      assertThat(delta.path("seq").asLong()).isEqualTo(2);
      JsonNode system = delta.path("data").path("system");
      assertThat(delta.path("data").properties()).hasSize(1);
      assertThat(system.path("cpu_percent").asDouble()).isEqualTo(20);
      assertThat(system.path("timestamp").asLong()).isEqualTo(clock.instant().toEpochMilli());
      assertThat(system.has("mem_percent")).as("unchanged members are left out").isFalse();
      assertThat(system.has("disks")).isFalse();

      // the same values at the same time: no message at all
      publishCpu(20);
      assertThat(ws.nextWithin(Duration.ofMillis(300))).isNull();

      clock.advance(Duration.ofSeconds(5));
      publishCpu(30);
      assertThat(ws.next().path("seq").asLong()).isEqualTo(3);
    }
  }

  @Test
  void aMemberThatBecomesUnknownIsSentAsNull() throws Exception {
    publishCpu(10);
    try (WsClient ws = WsClient.connect(start())) {
      ws.next();
      registry.markStale(HostSnapshot.FAMILY);

      JsonNode system = ws.next().path("data").path("system");
      assertThat(system.path("stale").asBoolean()).isTrue();
      assertThat(system.has("cpu_percent")).as("stale keeps the last values").isFalse();
    }
  }

  @Test
  void subscriptionsNarrowWhatIsSentAndStartWithASnapshot() throws Exception {
    try (WsClient ws = WsClient.connect(start())) {
      ws.next();
      ws.send("{\"type\": \"subscribe\", \"topics\": [\"gpu\", \"events\"]}");

      JsonNode snapshot = ws.next();
      assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
      assertThat(snapshot.path("seq").asLong()).isEqualTo(2);
      assertThat(snapshot.path("data").properties())
          .extracting(Map.Entry::getKey)
          .containsExactly("gpu");

      publishCpu(50);
      registry.appendEvent(
          new Event(
              clock.instant(),
              "client_state_change",
              Map.of("client", "obama", "from", "active", "to", "blocked")));
      JsonNode event = ws.next();
      assertThat(event.path("type").asText()).isEqualTo("event");
      assertThat(event.path("seq").asLong()).isEqualTo(3);
      assertThat(event.path("event").path("kind").asText()).isEqualTo("client_state_change");
      assertThat(event.path("event").path("client").asText()).isEqualTo("obama");
      assertThat(ws.nextWithin(Duration.ofMillis(200))).as("no system delta").isNull();
    }
  }

  @Test
  void aCollectorStatusChangeIsADeltaOfTheCollectorsTopic() throws Exception {
    try (WsClient ws = WsClient.connect(start())) {
      ws.next();
      registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found"));

      JsonNode data = ws.next().path("data");
      assertThat(data.path("collectors").path("collectors").path("gpu").path("status").asText())
          .isEqualTo(Health.DISABLED.label());
      assertThat(data.path("gpu").path("status").asText()).isEqualTo("disabled");
    }
  }

  @Test
  void garbageGetsAnErrorMessageAndTheConnectionGoesOn() throws Exception {
    try (WsClient ws = WsClient.connect(start())) {
      ws.next();
      ws.send("not json at all");
      JsonNode error = ws.next();
      assertThat(error.path("type").asText()).isEqualTo("error");
      assertThat(error.path("error").asText()).isEqualTo("bad_message");
      assertThat(error.path("message").asText()).contains("not JSON");

      ws.send("{\"type\": \"subscribe\", \"topics\": [\"system\", \"nope\"]}");
      assertThat(ws.next().path("message").asText()).contains("unknown topic \"nope\"");
      ws.send("{\"type\": \"dance\"}");
      assertThat(ws.next().path("message").asText()).contains("unknown message type 'dance'");
      ws.send("[1, 2]");
      assertThat(ws.next().path("type").asText()).isEqualTo("error");
      ws.send("x".repeat(LiveFeed.MAX_CLIENT_MESSAGE + 1));
      assertThat(ws.next().path("message").asText()).contains("longer than");

      ws.send("{\"type\": \"resync\"}");
      JsonNode snapshot = ws.next();
      assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
      assertThat(snapshot.path("seq").asLong()).isEqualTo(7);
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
