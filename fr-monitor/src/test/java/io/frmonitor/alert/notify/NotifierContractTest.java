package io.frmonitor.alert.notify;

import static io.frmonitor.alert.notify.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Receiver;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Notifier} promises, checked against a real HTTP receiver on loopback: offer
 * never blocks, a full queue drops the oldest, failures are retried, counted and shown in its
 * health, credentials stay hidden, close is prompt and idempotent.
 */
abstract class NotifierContractTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  protected final ManualClock clock = new ManualClock(T0);
  protected Receiver receiver;
  private final List<Notifier> notifiers = new ArrayList<>();

  /** A notifier of the kind under test posting to {@code url}. */
  protected abstract Notifier create(URI url, DeliveryPolicy policy, Sleeper sleeper);

  /** Its kind. */
  protected abstract String kind();

  /** The path it posts to when given the receiver's {@code /recv}. */
  protected abstract String postedPath();

  /** The name of its delivery thread. */
  protected abstract String threadName(Notifier notifier);

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = Receiver.start();
  }

  @AfterEach
  void stop() {
    notifiers.forEach(Notifier::close);
    receiver.close();
  }

  /** An evaluation at which the instance {@code target-<i>} starts firing: one message. */
  protected static AlertBatch batch(int i) {
    return TestAlerts.batch(
        T0.plusSeconds(i), TestAlerts.firing("ContractRule", "target-" + i, T0.plusSeconds(i)));
  }

  private Notifier notifier(URI url, DeliveryPolicy policy, Sleeper sleeper) {
    Notifier n = create(url, policy, sleeper);
    notifiers.add(n);
    return n;
  }

  private Notifier notifier(DeliveryPolicy policy, Sleeper sleeper) {
    return notifier(receiver.url("/recv"), policy, sleeper);
  }

  private static DeliveryPolicy policy(int capacity, int attempts, Duration requestTimeout) {
    return new DeliveryPolicy(
        capacity,
        attempts,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        requestTimeout);
  }

  private static Map<String, Long> results(long sent, long failed, long dropped) {
    return Map.of("sent", sent, "failed", failed, "dropped", dropped);
  }

  @Test
  void postsJsonToItsUrl() {
    Notifier n = notifier(DeliveryPolicy.DEFAULTS, d -> {});
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> n.status().results().get("sent") == 1);
    Receiver.Request r = receiver.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo(postedPath());
    assertThat(r.type()).isEqualTo("application/json");
    assertThat(r.body()).contains("\"target-1\"");
  }

  @Test
  void offerReturnsAtOnceWhileTheReceiverHangs() {
    receiver.hang();
    Notifier n = notifier(policy(4, 5, Duration.ofSeconds(30)), d -> {});
    n.offer(batch(0));
    await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
    long start = System.nanoTime();
    for (int i = 1; i <= 200; i++) {
      n.offer(batch(i));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(n.status().queued()).isEqualTo(4);
    assertThat(n.status().results()).isEqualTo(results(0, 0, 196));
  }

  @Test
  void fullQueueDropsTheOldestAndCountsIt() {
    receiver.hang();
    Notifier n = notifier(policy(2, 1, Duration.ofSeconds(30)), d -> {});
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
    for (int i = 2; i <= 5; i++) {
      n.offer(batch(i));
    }
    assertThat(n.status().queued()).isEqualTo(2);
    assertThat(n.status().results().get("dropped")).isEqualTo(2);
    receiver.release();
    await().atMost(WAIT).until(() -> n.status().results().get("sent") == 3);
    assertThat(receiver.requests())
        .extracting(Receiver.Request::body)
        .satisfiesExactly(
            b -> assertThat(b).contains("\"target-1\""),
            b -> assertThat(b).contains("\"target-4\""),
            b -> assertThat(b).contains("\"target-5\""));
    assertThat(n.status().queued()).isZero();
  }

  @Test
  void serverErrorIsRetriedWithBackoffThenDroppedAndCounted() {
    receiver.respond(500, 500, 500);
    receiver.errorBody("database on fire");
    List<Duration> sleeps = new CopyOnWriteArrayList<>();
    Notifier n = notifier(policy(8, 3, Duration.ofSeconds(10)), sleeps::add);
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> n.status().results().get("dropped") == 1);
    assertThat(receiver.requests()).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    AlertsSnapshot.Notifier s = n.status();
    assertThat(s.results()).isEqualTo(results(0, 3, 1));
    assertThat(s.health()).isEqualTo(Health.DEGRADED);
    assertThat(s.lastError())
        .hasValue("127.0.0.1:" + receiver.port() + ": HTTP 500: database on fire");
  }

  @Test
  void tooManyRequestsIsRetried() {
    receiver.respond(429);
    Notifier n = notifier(policy(8, 3, Duration.ofSeconds(10)), d -> {});
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> n.status().results().get("sent") == 1);
    assertThat(n.status().results()).isEqualTo(results(1, 1, 0));
    assertThat(receiver.requests()).hasSize(2);
  }

  @Test
  void clientErrorIsNotRetriedAndQuotesTheBodysStart() {
    receiver.respond(400);
    receiver.errorBody("bad alert: " + "x".repeat(500));
    Notifier n = notifier(policy(8, 5, Duration.ofSeconds(10)), d -> {});
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> n.status().results().get("dropped") == 1);
    assertThat(receiver.requests()).hasSize(1);
    assertThat(n.status().results()).isEqualTo(results(0, 1, 1));
    String error = n.status().lastError().orElseThrow();
    assertThat(error).startsWith("127.0.0.1:" + receiver.port() + ": HTTP 400: bad alert: xxx");
    assertThat(error).hasSize(("127.0.0.1:" + receiver.port() + ": HTTP 400: ").length() + 200);
  }

  @Test
  void unreachableReceiverIsRetriedAndNamedInTheError() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Notifier n =
        notifier(
            URI.create("http://127.0.0.1:" + closedPort + "/recv"),
            policy(8, 2, Duration.ofSeconds(10)),
            d -> {});
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> n.status().results().get("dropped") == 1);
    assertThat(n.status().results()).isEqualTo(results(0, 2, 1));
    assertThat(n.status().lastError().orElseThrow())
        .startsWith("127.0.0.1:" + closedPort + ": cannot connect: ")
        .containsIgnoringCase("connection refused");
  }

  @Test
  void healthIsPendingThenDegradedAfterAFailureThenOkAfterASuccess() throws Exception {
    Semaphore backoff = new Semaphore(0);
    Notifier n = notifier(policy(8, 3, Duration.ofSeconds(10)), d -> backoff.acquire());
    AlertsSnapshot.Notifier before = n.status();
    assertThat(before.health()).isEqualTo(Health.PENDING);
    assertThat(before.results()).isEqualTo(results(0, 0, 0));
    assertThat(before.lastSuccess()).isEmpty();
    assertThat(before.kind()).isEqualTo(kind());
    receiver.respond(503);
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> n.status().health() == Health.DEGRADED);
    assertThat(n.status().lastError().orElseThrow()).contains("127.0.0.1").contains("HTTP 503");
    backoff.release();
    await().atMost(WAIT).until(() -> n.status().health() == Health.OK);
    assertThat(n.status().lastSuccess()).hasValue(clock.instant());
    assertThat(n.status().results()).isEqualTo(results(1, 1, 0));
  }

  @Test
  void credentialsAreSentAsBasicAuthAndNeverShown() {
    receiver.respond(500);
    URI url = receiver.url("/recv?token=abc");
    URI withCredentials = URI.create(url.toString().replace("http://", "http://alice:s3cret@"));
    Notifier n = notifier(withCredentials, policy(8, 2, Duration.ofSeconds(10)), d -> {});
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> n.status().results().get("sent") == 1);
    Receiver.Request r = receiver.requests().get(0);
    assertThat(r.authorization()).isEqualTo("Basic YWxpY2U6czNjcmV0");
    assertThat(r.query()).isEqualTo("token=abc");
    AlertsSnapshot.Notifier s = n.status();
    assertThat(s.name()).isEqualTo(kind() + " http://127.0.0.1:" + receiver.port() + "/recv");
    assertThat(s.toString()).doesNotContain("s3cret").doesNotContain("alice").doesNotContain("abc");
  }

  @Test
  void deliversOnANamedDaemonThread() {
    Notifier n = notifier(DeliveryPolicy.DEFAULTS, d -> {});
    assertThat(threadName(n)).matches("fr-notify-\\d+");
    assertThat(thread(threadName(n))).hasValueSatisfying(t -> assertThat(t.isDaemon()).isTrue());
  }

  @Test
  void closeStopsTheThreadPromptlyEvenMidRequestAndIsIdempotent() {
    receiver.hang();
    Notifier n = notifier(policy(8, 5, Duration.ofSeconds(30)), d -> {});
    n.offer(batch(1));
    await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
    long start = System.nanoTime();
    n.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(thread(threadName(n))).isEmpty();
    n.close();
    n.offer(batch(2));
    assertThat(n.status().queued()).isZero();
  }

  private static java.util.Optional<Thread> thread(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive())
        .findFirst();
  }
}
