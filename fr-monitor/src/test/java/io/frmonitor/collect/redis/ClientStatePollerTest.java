package io.frmonitor.collect.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientState;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.Event;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collector's logic on real pickled field values, with Redis replaced by a map. */
class ClientStatePollerTest {
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry =
      Registries.withFamilies(
          new MetricRegistry(
              clock, Duration.ofMinutes(10), 120, 500, 1000, Duration.ofSeconds(30)));
  private final Map<String, FieldValue> redis = new HashMap<>();
  private final ClientStatePoller poller = poller(() -> Map.copyOf(redis));

  /** A poller whose Redis is {@code read}. */
  private ClientStatePoller poller(java.util.function.Supplier<Map<String, FieldValue>> read) {
    return new ClientStatePoller(
        new StatusSource() {
          @Override
          public Map<String, FieldValue> read() {
            return read.get();
          }

          @Override
          public String describe() {
            return "test";
          }

          @Override
          public void close() {}
        },
        new PayloadDecoder(DecodeLimits.DEFAULT),
        clock);
  }

  static byte[] pickle(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void set(ClientFlag flag, String fixture) {
    redis.put(flag.field(), new FieldValue.Encoded(pickle(fixture)));
  }

  private ClientsSnapshot snapshot() {
    return registry.latest(ClientsSnapshot.FAMILY).orElseThrow().value();
  }

  private List<Event> transitions() {
    return registry.events().newest(100, TransitionTracker.EVENT_KIND);
  }

  @Test
  void missingHashMeansNoClientsNotAnError() throws Exception {
    assertThat(poller.poll(registry)).isEqualTo(PollOutcome.ok());
    assertThat(snapshot().size()).isZero();
  }

  @Test
  void countsEachFieldAndDisplaysEachClientOnceByPrecedence() throws Exception {
    set(ClientFlag.ACTIVE, "clients_status_active.p4.pkl"); // obama, biden
    set(ClientFlag.BLOCKED, "clients_status_obama.p4.pkl");
    set(ClientFlag.DEACTIVATED, "clients_status_biden.p2.pkl");
    set(ClientFlag.PAUSED, "clients_status_empty.p5.pkl");
    poller.poll(registry);

    ClientsSnapshot s = snapshot();
    assertThat(s.count(ClientFlag.ACTIVE)).isEqualTo(2);
    assertThat(s.count(ClientFlag.BLOCKED)).isEqualTo(1);
    assertThat(s.count(ClientFlag.PAUSED)).isZero();
    assertThat(s.state(s.indexOf("obama"))).isEqualTo(ClientState.BLOCKED);
    assertThat(s.flags(s.indexOf("obama"))).containsExactly(ClientFlag.ACTIVE, ClientFlag.BLOCKED);
    assertThat(s.state(s.indexOf("biden"))).isEqualTo(ClientState.ACTIVE);
    assertThat(s.count(ClientState.BLOCKED)).isEqualTo(1);
    assertThat(s.count(ClientState.ACTIVE)).isEqualTo(1);
    assertThat(s.anomalies().blockedAndActive()).containsExactly("obama");
    assertThat(
            registry.series("clients.active_clients").orElseThrow().stats(0).orElseThrow().last())
        .isEqualTo(2);
  }

  @Test
  void transitionsAreLoggedFromTheSecondSnapshotOn() throws Exception {
    set(ClientFlag.ACTIVE, "clients_status_active.p4.pkl");
    poller.poll(registry);
    assertThat(transitions()).isEmpty(); // the first snapshot is the baseline

    clock.advance(Duration.ofSeconds(5));
    set(ClientFlag.BLOCKED, "clients_status_obama.p4.pkl");
    set(ClientFlag.ACTIVE, "clients_status_biden.p4.pkl");
    redis.put(ClientFlag.INTERNET_ERROR.field(), new FieldValue.Encoded(json("[\"carter\"]")));
    poller.poll(registry);

    assertThat(transitions())
        .extracting(
            e ->
                e.fields().get("client")
                    + ":"
                    + e.fields().get("from")
                    + ">"
                    + e.fields().get("to"))
        .containsExactlyInAnyOrder("obama:active>blocked", "carter:none>internet_error");
    assertThat(transitions().get(0).time()).isEqualTo(clock.instant());
    assertThat(snapshot().transitions().totals().get(ClientState.ACTIVE))
        .containsEntry(ClientState.BLOCKED, 1L);

    clock.advance(Duration.ofSeconds(5));
    redis.clear();
    poller.poll(registry);
    assertThat(transitions()).hasSize(5); // all three left: to none
  }

  @Test
  void aClientActiveLongAfterItsBlockIsAStaleEntry() throws Exception {
    set(ClientFlag.ACTIVE, "clients_status_obama.p4.pkl");
    set(ClientFlag.BLOCKED, "clients_status_obama.p2.pkl");
    poller.poll(registry);
    assertThat(snapshot().anomalies().activeAfterBlock()).isEmpty();

    clock.advance(Duration.ofSeconds(29));
    poller.poll(registry);
    assertThat(snapshot().anomalies().activeAfterBlock()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    poller.poll(registry);
    assertThat(snapshot().anomalies().activeAfterBlock()).containsExactly("obama");

    set(ClientFlag.ACTIVE, "clients_status_empty.p4.pkl"); // the gateway finally cleaned up
    poller.poll(registry);
    assertThat(snapshot().anomalies().activeAfterBlockTotal()).isZero();
  }

  @Test
  void anUndecodableFieldDegradesButTheOthersAreServed() throws Exception {
    set(ClientFlag.ACTIVE, "clients_status_active.p4.pkl");
    redis.put(ClientFlag.PAUSED.field(), new FieldValue.Encoded(new byte[] {(byte) 0x80, 4, 0x5d}));
    redis.put(ClientFlag.BLOCKED.field(), new FieldValue.Encoded(json("{\"not\": \"a list\"}")));

    PollOutcome outcome = poller.poll(registry);
    assertThat(outcome.degradedReason().orElseThrow())
        .contains("paused_clients: truncated")
        .contains("blocked_clients: not a list of names");
    assertThat(snapshot().count(ClientFlag.ACTIVE)).isEqualTo(2);
    assertThat(snapshot().undecodableFields()).hasSize(2);
  }

  @Test
  void jsonListsAndRedisSetsAreAcceptedToo() throws Exception {
    redis.put(ClientFlag.ACTIVE.field(), new FieldValue.Encoded(json("[\"a\", \"b\", \"c\"]")));
    redis.put(ClientFlag.PAUSED.field(), new FieldValue.Members(List.of("b")));
    redis.put(ClientFlag.BLOCKED.field(), new FieldValue.WrongType("zset"));
    PollOutcome outcome = poller.poll(registry);
    assertThat(snapshot().count(ClientFlag.ACTIVE)).isEqualTo(3);
    assertThat(snapshot().state(snapshot().indexOf("b"))).isEqualTo(ClientState.PAUSED);
    assertThat(outcome.degradedReason().orElseThrow()).contains("blocked_clients: key is a zset");
  }

  @Test
  void aSourceFailureFailsTheRun() {
    ClientStatePoller broken =
        poller(
            () -> {
              throw new IllegalStateException("Clients_status is a string, expected a hash");
            });
    assertThatThrownBy(() -> broken.poll(registry)).hasMessageContaining("expected a hash");
  }

  @Test
  void manyTransitionsInOneCycleAreCappedAndCounted() throws Exception {
    poller.poll(registry);
    set(ClientFlag.ACTIVE, "clients_status_many.p4.pkl"); // 1000 names appear at once
    poller.poll(registry);
    assertThat(transitions()).hasSize(100); // the query's own limit
    assertThat(registry.events().size()).isEqualTo(TransitionTracker.MAX_EVENTS_PER_CYCLE);
    assertThat(snapshot().transitions().suppressed()).isEqualTo(500);
    assertThat(snapshot().transitions().totals().get(ClientState.NONE))
        .containsEntry(ClientState.ACTIVE, 1000L);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
