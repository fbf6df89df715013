package io.frmonitor.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to simulate, from the command line, and where the broker and Redis are, from the same
 * environment variables as fr-monitor ({@code MONITORING_RMQ_URL}, {@code MONITORING_REDIS_*}).
 *
 * @param fps frames per second across all clients
 * @param latencyMeanMs mean processing time of a worker stage
 * @param errorRate share of results that are processing errors
 * @param mix the outcome mix of face and phone results
 * @param pauseRate pause/unpause events per second, across all clients
 * @param blockRate block/unblock events per second, across all clients
 * @param stuckConsumer a consumer that stops acknowledging ({@code face:N} or {@code phone:N})
 * @param routeToMissing whether the last pipeline gets no worker (its frames go nowhere)
 * @param improvedProducers whether the producers make the changes of docs/producers.md
 * @param heartbeatStopAfter when the gateway stops its heartbeats (improved producers only)
 * @param force whether to run even where the target holds data the simulator did not write ({@link
 *     TargetGuard})
 */
record SimOptions(
    int clients,
    double fps,
    int pipelines,
    Duration duration,
    double latencyMeanMs,
    double latencyStddevMs,
    double errorRate,
    OutcomeMix mix,
    double pauseRate,
    double blockRate,
    Optional<String> stuckConsumer,
    boolean routeToMissing,
    boolean improvedProducers,
    Duration heartbeatInterval,
    Optional<Duration> heartbeatStopAfter,
    Optional<Path> truth,
    long seed,
    URI rabbitUrl,
    String redisHost,
    int redisPort,
    int redisDb,
    String clientsKey,
    boolean force) {

  /**
   * The simulator's own vhost and Redis database when the variables do not name others: never the
   * fr-server's (vhost {@code /}, db 0, which it hard-codes), so that a new user's first run on a
   * machine with a real fr-server touches nothing of it.
   */
  static final String DEFAULT_RMQ_URL = "amqp://guest:guest@127.0.0.1:5672/fr-sim";

  static final String DEFAULT_REDIS_DB = "15";

  static final String USAGE =
      """
      fr-simulator: the fr-server's traffic through the real RabbitMQ and Redis, for fr-monitor.

        --clients N               clients (default 10)
        --fps F                   frames per second, all clients together (default 10)
        --pipelines N             GPU pipelines the manager routes to (default 4)
        --duration D              how long to send frames: 30s, 2m (default 30s)
        --latency-ms M[:S]        worker processing time, mean and standard deviation (default 40:10)
        --error-rate R            share of results that are processing errors, 0-1 (default 0)
        --outcomes LIST           face outcome weights and phone share, e.g.
                                  pass=85,no_face=5,spoof=3,wrong_user=7,phone=5 (the default)
        --pause-rate R            pause/unpause events per second (default 0)
        --block-rate R            block/unblock events per second (default 0)
        --stuck-consumer face:N   worker N's face (or phone) consumer stops acknowledging
        --route-to-missing        the last pipeline has no worker
        --improved-producers      results through pipeline_results, epoch timestamps, gateway
                                  events to the monitoring exchange (docs/producers.md)
        --heartbeat-interval D    gateway heartbeat period (default 10s)
        --heartbeat-stop-after D  the gateway stops its heartbeats after D
        --truth FILE              write the ground truth there as JSON
        --seed N                  random seed (default 1)
        --force                   run even where the vhost or the Redis database holds an
                                  fr-server's data (it would be overwritten: see docs/simulator.md)

      Environment: MONITORING_RMQ_URL (default amqp://guest:guest@127.0.0.1:5672/fr-sim, a vhost
      of its own), MONITORING_REDIS_HOST, MONITORING_REDIS_PORT, MONITORING_REDIS_DB (default 15),
      MONITORING_REDIS_CLIENTS_KEY (default Clients_status). It refuses (exit 2) to start where it
      finds an fr-server's Clients_status or queues in use that it did not write.
      """;

  /** Parses the arguments; a bad one throws with a message naming it. */
  static SimOptions parse(String[] args, Map<String, String> env) {
    Args a = new Args(args);
    String latency = a.value("--latency-ms", "40:10");
    String[] ms = latency.split(":", -1);
    SimOptions o =
        new SimOptions(
            a.integer("--clients", 10, 1, 100_000),
            a.decimal("--fps", 10, 0.01, 100_000),
            a.integer("--pipelines", 4, 1, 64),
            a.duration("--duration", "30s"),
            number("--latency-ms", ms[0], 0, 600_000),
            ms.length > 1 ? number("--latency-ms", ms[1], 0, 600_000) : 0,
            a.decimal("--error-rate", 0, 0, 1),
            OutcomeMix.parse(a.value("--outcomes", OutcomeMix.DEFAULT)),
            a.decimal("--pause-rate", 0, 0, 1000),
            a.decimal("--block-rate", 0, 0, 1000),
            a.optional("--stuck-consumer").map(SimOptions::stage),
            a.flag("--route-to-missing"),
            a.flag("--improved-producers"),
            a.duration("--heartbeat-interval", "10s"),
            a.optional("--heartbeat-stop-after")
                .map(v -> Args.parseDuration("--heartbeat-stop-after", v)),
            a.optional("--truth").map(Path::of),
            (long) a.integer("--seed", 1, 0, Integer.MAX_VALUE),
            URI.create(env.getOrDefault("MONITORING_RMQ_URL", DEFAULT_RMQ_URL)),
            env.getOrDefault("MONITORING_REDIS_HOST", "127.0.0.1"),
            Integer.parseInt(env.getOrDefault("MONITORING_REDIS_PORT", "6379")),
            Integer.parseInt(env.getOrDefault("MONITORING_REDIS_DB", DEFAULT_REDIS_DB)),
            env.getOrDefault("MONITORING_REDIS_CLIENTS_KEY", "Clients_status"),
            a.flag("--force"));
    a.requireAllUsed();
    if (o.routeToMissing && o.pipelines < 2) {
      throw new IllegalArgumentException("--route-to-missing needs --pipelines 2 or more");
    }
    return o;
  }

  /** The pipelines that have a worker: all, or all but the last with --route-to-missing. */
  int workers() {
    return routeToMissing ? pipelines - 1 : pipelines;
  }

  private static String stage(String value) {
    if (!value.matches("(face|phone):\\d{1,2}")) {
      throw new IllegalArgumentException(
          "--stuck-consumer: expected face:N or phone:N, got " + value);
    }
    return value;
  }

  private static double number(String name, String value, double min, double max) {
    try {
      double v = Double.parseDouble(value);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + ": expected a number " + min + "-" + max + ", got " + value);
  }

  /** The command line as flags and values, each used at most once. */
  private static final class Args {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)");
    private final Map<String, String> values = new LinkedHashMap<>();

    Args(String[] args) {
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (!name.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument " + name);
        }
        boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
        values.put(name, flag ? "" : args[++i]);
      }
    }

    /** The option's value, or {@code fallback} when it was not given. */
    String value(String name, String fallback) {
      String v = values.remove(name);
      return v == null ? fallback : v;
    }

    /** The option's value, when it was given. */
    Optional<String> optional(String name) {
      return Optional.ofNullable(values.remove(name));
    }

    boolean flag(String name) {
      return values.remove(name) != null;
    }

    int integer(String name, int fallback, int min, int max) {
      return (int) number(name, value(name, Integer.toString(fallback)), min, max);
    }

    double decimal(String name, double fallback, double min, double max) {
      return number(name, value(name, Double.toString(fallback)), min, max);
    }

    Duration duration(String name, String fallback) {
      return parseDuration(name, value(name, fallback));
    }

    static Duration parseDuration(String name, String v) {
      Matcher m = DURATION.matcher(v);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            name + ": expected a duration such as 30s or 2m, got " + v);
      }
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }

    void requireAllUsed() {
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("unknown option " + values.keySet().iterator().next());
      }
    }
  }
}
