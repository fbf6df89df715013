package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.app.Families;
import io.frmonitor.family.Output;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.HostSnapshots;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.ManualScheduler;
import io.frmonitor.testing.Registries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live feed's logic — snapshots, coalesced deltas, subscriptions, events, bad messages — with a
 * manual clock and scheduler and sockets that record what they are sent: no server, no waiting.
 * {@link LiveSocketTest} covers the wire (handshake, tokens, origins, a reader that stops).
 */
class LiveFeedTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final MetricRegistry registry = Registries.forApiTests(clock);
  private final LiveFeed feed =
      new LiveFeed(registry, new LiveTopics(Families.CATALOG, "S1"), LiveLimits.DEFAULT, scheduler);

  /** Records every message, each write completing at once. */
  private static final class RecordingSocket implements LiveSocket {
    final List<JsonNode> sent = new ArrayList<>();

    @Override
    public void send(String text, Runnable done) {
      try {
        sent.add(Json.MAPPER.readTree(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      done.run();
    }

    @Override
    public void close(int code, String reason) {}

    JsonNode last() {
      return sent.get(sent.size() - 1);
    }
  }

  {
    registry.addListener(feed);
  }

  @AfterEach
  void close() {
    feed.close();
  }

  private RecordingSocket connect() {
    RecordingSocket socket = new RecordingSocket();
    feed.connect("c" + System.identityHashCode(socket), socket);
    scheduler.runDue();
    return socket;
  }

  private void publishCpu(double cpu) {
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(cpu));
  }

  /** Lets the feed's coalescing delay pass: the writes so far become one delta. */
  private void settle() {
    scheduler.advance(LiveFeed.COALESCE);
  }

  @Test
  void aNewClientGetsOneSnapshotOfEveryTopicInOrder() {
    publishCpu(12.5);
    RecordingSocket socket = connect();

    JsonNode m = socket.last();
    assertThat(m.path("type").asText()).isEqualTo("snapshot");
    assertThat(m.path("seq").asLong()).isEqualTo(1);
    assertThat(m.path("timestamp").asLong()).isEqualTo(clock.instant().toEpochMilli());
    List<String> stateTopics = new ArrayList<>(List.of(LiveTopics.COLLECTORS));
    Families.CATALOG.specs().stream()
        .filter(spec -> spec.outputs().contains(Output.LIVE))
        .forEach(spec -> stateTopics.add(spec.name()));
    assertThat(m.path("data").properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyElementsOf(stateTopics);
    List<String> topics = new ArrayList<>(stateTopics);
    topics.add(LiveTopics.EVENTS);
    assertThat(m.path("topics")).extracting(JsonNode::asText).containsExactlyElementsOf(topics);
    assertThat(m.path("data").path("system").path("cpu_percent").asDouble()).isEqualTo(12.5);
    assertThat(m.path("data").path("storage").path("stale").asBoolean()).isTrue();
  }

  @Test
  void writesWithinTheCoalescingDelayBecomeOneDeltaOfWhatChanged() {
    publishCpu(10);
    RecordingSocket socket = connect();

    clock.advance(Duration.ofSeconds(5));
    publishCpu(20);
    publishCpu(25);
    Instant collected = clock.instant();
    assertThat(socket.sent).as("nothing before the delay").hasSize(1);
    settle();

    assertThat(socket.sent).hasSize(2);
    JsonNode delta = socket.last();
    assertThat(delta.path("type").asText()).isEqualTo("delta");
    assertThat(delta.path("seq").asLong()).isEqualTo(2);
    assertThat(delta.path("data").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("system");
    JsonNode system = delta.path("data").path("system");
    assertThat(system.path("cpu_percent").asDouble()).isEqualTo(25);
    assertThat(system.path("timestamp").asLong()).isEqualTo(collected.toEpochMilli());
    assertThat(system.has("mem_percent")).as("unchanged members are left out").isFalse();
  }

  @Test
  void theSameValuesAtTheSameTimeSendNothingAtAll() {
    publishCpu(10);
    RecordingSocket socket = connect();

    publishCpu(10);
    settle();
    scheduler.advance(Duration.ofSeconds(3)); // ticks too

    assertThat(socket.sent).hasSize(1);
  }

  @Test
  void aMemberThatBecomesUnknownIsSentAsNull() {
    publishCpu(10);
    RecordingSocket socket = connect();

    registry.markStale(HostSnapshot.FAMILY);
    settle();

    JsonNode system = socket.last().path("data").path("system");
    assertThat(system.path("stale").asBoolean()).isTrue();
    assertThat(system.has("cpu_percent")).as("still there: stale keeps the last values").isFalse();
  }

  @Test
  void subscriptionsNarrowWhatIsSentAndStartWithASnapshot() {
    RecordingSocket socket = connect();
    feed.receive(
        "c" + System.identityHashCode(socket),
        "{\"type\": \"subscribe\", \"topics\": [\"gpu\", \"events\"]}");
    scheduler.runDue();

    JsonNode snapshot = socket.last();
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
    settle();

    assertThat(socket.sent).hasSize(3);
    JsonNode event = socket.last();
    assertThat(event.path("type").asText()).isEqualTo("event");
    assertThat(event.path("seq").asLong()).isEqualTo(3);
    assertThat(event.path("event").path("client").asText()).isEqualTo("obama");
  }

  @Test
  void aCollectorThatTurnsOffChangesItsFamilysTopicToo() {
    RecordingSocket socket = connect();

    registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found"));
    settle();

    JsonNode data = socket.last().path("data");
    assertThat(data.path("collectors").path("collectors").path("gpu").path("status").asText())
        .isEqualTo(Health.DISABLED.label());
    assertThat(data.path("gpu").path("status").asText()).isEqualTo("disabled");
    assertThat(data.path("gpu").path("reason").asText()).isEqualTo("NVML not found");
  }

  @Test
  void aRunThatChangesNothingButTheCountsTouchesOnlyTheCollectorsTopic() {
    registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found"));
    RecordingSocket socket = connect();

    CollectorStatus again = CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found");
    registry.updateStatus(again);
    settle();

    assertThat(socket.last().path("data").properties())
        .as("the gpu topic is not rendered again for a run that changed no health")
        .extracting(Map.Entry::getKey)
        .containsExactly(LiveTopics.COLLECTORS);
  }

  @Test
  void garbageGetsAnErrorMessageAndTheConnectionGoesOn() {
    RecordingSocket socket = connect();
    String id = "c" + System.identityHashCode(socket);

    for (String bad :
        List.of(
            "not json at all",
            "{\"type\": \"subscribe\", \"topics\": [\"system\", \"nope\"]}",
            "{\"type\": \"dance\"}",
            "[1, 2]",
            "x".repeat(LiveFeed.MAX_CLIENT_MESSAGE + 1))) {
      feed.receive(id, bad);
    }
    feed.receive(id, "{\"type\": \"resync\"}");
    scheduler.runDue();

    assertThat(socket.sent.subList(1, 6))
        .extracting(m -> m.path("type").asText())
        .containsOnly("error");
    assertThat(socket.sent.get(1).path("message").asText()).contains("not JSON");
    assertThat(socket.sent.get(2).path("message").asText()).contains("unknown topic \"nope\"");
    assertThat(socket.sent.get(3).path("message").asText())
        .contains("unknown message type 'dance'");
    assertThat(socket.sent.get(5).path("message").asText()).contains("longer than");
    assertThat(socket.last().path("type").asText()).isEqualTo("snapshot");
    assertThat(socket.last().path("seq").asLong()).isEqualTo(7);
  }

  @Test
  void aDisconnectedClientIsForgotten() {
    RecordingSocket socket = connect();
    assertThat(feed.connectionCount()).isEqualTo(1);

    feed.disconnect("c" + System.identityHashCode(socket));
    scheduler.runDue();
    publishCpu(30);
    settle();

    assertThat(feed.connectionCount()).isZero();
    assertThat(socket.sent).hasSize(1);
  }
}
