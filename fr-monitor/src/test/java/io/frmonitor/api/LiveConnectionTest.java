package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The back-pressure policy, with a socket whose writes complete only when the test says. */
class LiveConnectionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** Records messages; holds each write's completion until {@link #drain}. */
  private static final class HeldSocket implements LiveSocket {
    final List<JsonNode> sent = new ArrayList<>();
    final List<Runnable> pending = new ArrayList<>();
    String closed;

    @Override
    public void send(String text, Runnable done) {
      try {
        sent.add(Json.MAPPER.readTree(text));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      pending.add(done);
    }

    @Override
    public void close(int code, String reason) {
      closed = code + " " + reason;
    }

    void drain() {
      pending.forEach(Runnable::run);
      pending.clear();
    }
  }

  private final HeldSocket socket = new HeldSocket();
  // behind as soon as anything is unwritten
  private final LiveConnection c =
      new LiveConnection(
          socket,
          new LiveLimits(0, Duration.ofSeconds(10), 2),
          new LinkedHashSet<>(List.of("system", "gpu", LiveTopics.EVENTS)),
          "S1");
  private final Map<String, ObjectNode> state = new HashMap<>();

  private static ObjectNode system(double cpu, double mem) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("cpu_percent", cpu);
    o.put("mem_percent", mem);
    return o;
  }

  /** Moves the state's system topic to {@code next} and offers the change to the connection. */
  private void change(ObjectNode next, Instant now) {
    ObjectNode before = state.get("system");
    state.put("system", next);
    Map<String, ObjectNode> patches = new HashMap<>();
    patches.put("system", MergePatch.between(before, next));
    Map<String, ObjectNode> previous = new HashMap<>();
    previous.put("system", before);
    c.sendChanges(patches, previous, state, new HashMap<>(), now);
  }

  @Test
  void deltasMissedWhileBehindArriveAsOneDeltaFromWhatTheClientHad() {
    state.put("system", system(1, 50));
    c.sendSnapshot(state, T0);
    // the snapshot is not written yet: the client is behind
    change(system(2, 50), T0.plusSeconds(1));
    change(system(3, 60), T0.plusSeconds(2));
    change(system(4, 60), T0.plusSeconds(3));
    assertThat(socket.sent).hasSize(1);

    socket.drain();
    c.tick(state, T0.plusSeconds(4));

    assertThat(socket.sent).hasSize(2);
    JsonNode delta = socket.sent.get(1);
    assertThat(delta.path("type").asText()).isEqualTo("delta");
    assertThat(delta.path("seq").asLong()).as("no gap: nothing was numbered and lost").isEqualTo(2);
    assertThat(delta.path("data").path("system"))
        .isEqualTo(Json.MAPPER.createObjectNode().put("cpu_percent", 4.0).put("mem_percent", 60.0));
  }

  @Test
  void eventsWaitWhileBehindAndFollowTheCatchUpDelta() {
    c.sendSnapshot(state, T0);
    c.sendEvent("{\"kind\":\"a\"}", T0);
    c.sendEvent("{\"kind\":\"b\"}", T0);
    socket.drain();
    c.tick(state, T0.plusSeconds(1));

    assertThat(socket.sent)
        .extracting(m -> m.path("event").path("kind").asText())
        .containsExactly("", "a", "b");
    assertThat(socket.sent).extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void tooManyHeldEventsDisconnect() {
    c.sendSnapshot(state, T0);
    for (int i = 0; i < 3; i++) {
      c.sendEvent("{}", T0);
    }
    assertThat(c.isClosed()).isTrue();
    assertThat(socket.closed).isEqualTo("1008 too slow: more than 2 events waiting");
  }

  @Test
  void behindForTooLongDisconnects() {
    state.put("system", system(1, 50));
    c.sendSnapshot(state, T0);
    change(system(2, 50), T0.plusSeconds(1));
    c.tick(state, T0.plusSeconds(5));
    assertThat(c.isClosed()).isFalse();

    c.tick(state, T0.plusSeconds(12));
    assertThat(socket.closed).isEqualTo("1008 too slow: behind for more than 10 s");
  }

  @Test
  void unsubscribedTopicsAndEventsAreNotSent() {
    c.subscribe(Set.of("gpu"));
    c.sendSnapshot(state, T0);
    socket.drain();
    change(system(2, 50), T0);
    c.sendEvent("{}", T0);
    assertThat(socket.sent).hasSize(1);
  }
}
