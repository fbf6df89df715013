package io.frmonitor.simulator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * Runs every stage against the real broker and Redis for the configured duration, prints a progress
 * line per second, lets the pipeline drain, and returns the truth.
 */
final class Simulation {
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);

  private final SimOptions o;
  private final PrintStream out;
  private final Clock clock = Clock.systemUTC();
  private final Truth truth = new Truth();
  private final Ledger ledger = new Ledger();
  private final Random random;

  Simulation(SimOptions options, PrintStream out) {
    this.o = options;
    this.out = out;
    this.random = new Random(options.seed());
  }

  Truth run() throws Exception {
    recordConfig();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(o.rabbitUrl());
    factory.setConnectionTimeout(10_000);
    List<String> clients = new ArrayList<>();
    for (int i = 0; i < o.clients(); i++) {
      clients.add(String.format("ci_client_%05d", i));
    }
    ScheduledExecutorService ticks =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-gateway"));
    ScheduledExecutorService inference =
        Executors.newScheduledThreadPool(4, r -> daemon(r, "sim-inference"));
    Jedis jedis = new Jedis(o.redisHost(), o.redisPort());
    jedis.select(o.redisDb());
    try (Connection connection = connect(factory);
        ClientRoster roster = new ClientRoster(jedis, o.clientsKey(), clients, truth)) {
      // before the first write: a live fr-server's data is refused, not overwritten
      new TargetGuard(o, where(factory)).clear(jedis, connection, out);
      Topology.declare(connection.createChannel(), o.workers(), o.improvedProducers());
      roster.prime();
      startConsumers(connection, inference);
      Gateway gateway =
          new Gateway(
              connection.createChannel(),
              clients,
              roster,
              ledger,
              truth,
              random,
              clock,
              o.improvedProducers());
      if (!o.duration().isZero()) { // --duration 0s: the topology and the hash, no traffic
        sendFor(o.duration(), startSending(ticks, gateway, roster));
      }
      truth.finalStates(roster.snapshot());
    } finally {
      ticks.shutdownNow();
      inference.shutdownNow();
    }
    return truth;
  }

  private static String where(ConnectionFactory f) {
    return "RabbitMQ " + f.getHost() + ":" + f.getPort() + " vhost " + f.getVirtualHost();
  }

  /**
   * The connection; a vhost that is missing or closed to the user (530) is reported with the way to
   * create it, since the simulator's default vhost, {@code fr-sim}, is not there on a new broker.
   */
  private static Connection connect(ConnectionFactory f) throws IOException, TimeoutException {
    try {
      return f.newConnection("fr-simulator");
    } catch (IOException e) {
      if (e.getCause() instanceof ShutdownSignalException s
          && s.getReason() instanceof AMQP.Connection.Close close
          && close.getReplyCode() == 530) {
        throw new IOException(where(f) + ": " + close.getReplyText() + ". " + createVhost(f), e);
      }
      throw e;
    }
  }

  /**
   * How to create the vhost: through the management API (the user who creates it may use it) or
   * rabbitmqctl.
   */
  static String createVhost(ConnectionFactory f) {
    return String.format(
        "The simulator runs in a vhost of its own; create it: `curl -u %2$s -X PUT"
            + " http://%3$s:15672/api/vhosts/%1$s` or `rabbitmqctl add_vhost %1$s && rabbitmqctl"
            + " set_permissions -p %1$s %2$s '.*' '.*' '.*'`",
        f.getVirtualHost(), f.getUsername(), f.getHost());
  }

  /** Every stage downstream of the gateway, last stage first so nothing is published unread. */
  private void startConsumers(Connection connection, ScheduledExecutorService inference)
      throws IOException {
    // the server manager saves an image only when there is one, and there usually is none (§2.7);
    // the gateway forwards each action to its WebSocket client
    AckEach.consume(
        connection.createChannel(),
        Topology.SAVED_ACTIONS,
        body -> truth.count("saved_actions.consumed"));
    AckEach.consume(
        connection.createChannel(), Topology.ACTIONS, body -> truth.count("actions.delivered"));
    new DecisionManager(connection.createChannel(), ledger, truth, clock).start();
    for (int n = 0; n < o.workers(); n++) {
      new Worker(n, connection.createChannel(), o, ledger, truth, random, inference, clock).start();
    }
    new PipelinesManager(connection.createChannel(), o.pipelines(), o.workers(), ledger, truth)
        .start();
  }

  /** Lets the gateway send for {@code duration} with a progress line a second, then drains. */
  private void sendFor(Duration duration, List<ScheduledFuture<?>> sending)
      throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < duration.toNanos()) {
      Thread.sleep(1000);
      progress(start);
    }
    sending.forEach(f -> f.cancel(false));
    drain(start);
    truth.config("duration_s", (System.nanoTime() - start) / 1e9);
  }

  private List<ScheduledFuture<?>> startSending(
      ScheduledExecutorService ticks, Gateway gateway, ClientRoster roster) {
    List<ScheduledFuture<?>> tasks = new ArrayList<>();
    long periodMicros = (long) (1_000_000 / o.fps());
    tasks.add(
        ticks.scheduleAtFixedRate(safely(gateway::tick), 0, periodMicros, TimeUnit.MICROSECONDS));
    if (o.improvedProducers()) {
      long beatMs = o.heartbeatInterval().toMillis();
      long stopAt = o.heartbeatStopAfter().map(Duration::toMillis).orElse(Long.MAX_VALUE);
      long started = clock.millis();
      tasks.add(
          ticks.scheduleAtFixedRate(
              safely(
                  () -> {
                    if (clock.millis() - started < stopAt) {
                      gateway.heartbeat(roster.activeCount());
                    }
                  }),
              0,
              beatMs,
              TimeUnit.MILLISECONDS));
    }
    tasks.add(
        ticks.scheduleAtFixedRate(
            safely(roster::refreshDeactivated), 500, 500, TimeUnit.MILLISECONDS));
    ServerManagerAdmin admin = new ServerManagerAdmin(roster, random, clock);
    if (o.pauseRate() > 0) {
      tasks.add(
          ticks.scheduleAtFixedRate(
              safely(admin::pauseOrResume),
              period(o.pauseRate()),
              period(o.pauseRate()),
              TimeUnit.MILLISECONDS));
    }
    if (o.blockRate() > 0) {
      tasks.add(
          ticks.scheduleAtFixedRate(
              safely(admin::blockOrUnblock),
              period(o.blockRate()),
              period(o.blockRate()),
              TimeUnit.MILLISECONDS));
    }
    return tasks;
  }

  private static long period(double perSecond) {
    return Math.max(1, (long) (1000 / perSecond));
  }

  /** Waits until the counters stop moving (the in-flight frames are done), at most 15 s. */
  private void drain(long start) throws InterruptedException {
    long until = System.nanoTime() + DRAIN_LIMIT.toNanos();
    Map<String, Long> last = Map.of();
    while (System.nanoTime() < until) {
      Thread.sleep(500);
      Map<String, Long> now = truth.counts();
      if (now.equals(last)) {
        break;
      }
      last = now;
    }
    progress(start);
  }

  private void progress(long start) {
    out.printf(
        "t=%ds sent=%d routed=%d unroutable=%d results=%d actions=%d saved=%d transitions=%d%n",
        (System.nanoTime() - start) / 1_000_000_000,
        truth.get("frames.sent"),
        truth.get("frames.routed.total"),
        truth.get("frames.unroutable"),
        truth.get("results.face.total") + truth.get("results.phone.total"),
        truth.get("actions.total"),
        truth.get("saved_actions.total"),
        truth.get("clients.transitions"));
    out.flush();
  }

  private void recordConfig() {
    truth.config("clients", o.clients());
    truth.config("fps", o.fps());
    truth.config("pipelines", o.pipelines());
    truth.config("workers", o.workers());
    truth.config("latency_ms", o.latencyMeanMs() + ":" + o.latencyStddevMs());
    truth.config("error_rate", o.errorRate());
    truth.config("improved_producers", o.improvedProducers());
    truth.config("stuck_consumer", o.stuckConsumer().orElse("none"));
    truth.config("route_to_missing", o.routeToMissing());
    truth.config("seed", o.seed());
  }

  /** A task body that may throw; the scheduler would otherwise stop it silently. */
  interface Step {
    void run() throws IOException;
  }

  private Runnable safely(Step step) {
    return () -> {
      try {
        step.run();
      } catch (IOException | RuntimeException e) {
        truth.count("errors.simulator");
        LOG.warn("a simulation step failed", e);
      }
    };
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
