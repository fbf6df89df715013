package io.frmonitor.bench;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.redis.ClientStatePoller;
import io.frmonitor.config.RedisSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.PythonPickle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.Jedis;

/**
 * Measures one client-state collection against the machine's real Redis (database 13, a unique key,
 * deleted afterwards), at 10,000 and 100,000 clients: CPU time of the collecting thread per cycle
 * when nothing changed, when a list changed every cycle and when a list was rewritten with the same
 * names in another order, and Redis's own time per cycle from {@code INFO commandstats}. Run by
 * {@code scripts/bench-clients}.
 */
public final class ClientStateBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int DB = 13;
  private static final int CYCLES = 40;

  private ClientStateBench() {}

  public static void main(String[] args) throws Exception {
    for (int clients : new int[] {10_000, 100_000}) {
      run(clients);
    }
  }

  private static void run(int clients) throws Exception {
    String key = "fr-monitor-bench:" + UUID.randomUUID() + ":Clients_status";
    List<String> names = new ArrayList<>(clients);
    for (int i = 0; i < clients; i++) {
      names.add("ci_client_" + i);
    }
    try (Jedis admin = new Jedis("127.0.0.1", 6379)) {
      admin.select(DB);
      write(admin, key, "active_clients", names);
      write(admin, key, "deactivate_clients", names.subList(clients / 2, clients));
      write(admin, key, "blocked_clients", names.subList(0, 100));
      write(admin, key, "paused_clients", names.subList(100, 200));
      write(admin, key, "connecting_internet_error", List.of());
      write(admin, key, "clients_to_close", List.of());
      MetricRegistry registry =
          new MetricRegistry(
              Clock.systemUTC(), Duration.ofMinutes(5), 60, 500, 1000, Duration.ofMinutes(1));
      RedisSettings settings =
          new RedisSettings("127.0.0.1", 6379, DB, "", new Secret(""), key, Map.of());
      try (ClientStatePoller poller =
          ClientStatePoller.create(
              settings,
              new PayloadDecoder(DecodeLimits.DEFAULT),
              Clock.systemUTC(),
              Duration.ofSeconds(5))) {
        double first = cpuMillis(() -> poller.poll(registry));
        double[] steady = new double[CYCLES];
        double[] changing = new double[CYCLES];
        RedisTime redis = new RedisTime(admin);
        for (int i = 0; i < CYCLES; i++) {
          steady[i] = cpuMillis(() -> poller.poll(registry));
        }
        double redisUsec = redis.usecPerCall();
        System.gc();
        long liveMib = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        for (int i = 0; i < CYCLES; i++) {
          // the gateway rewrote active_clients: one client left, another came back
          List<String> active = new ArrayList<>(names);
          active.remove(i % clients);
          write(admin, key, "active_clients", active);
          changing[i] = cpuMillis(() -> poller.poll(registry));
        }
        double[] reordered = new double[CYCLES];
        java.util.Random shuffle = new java.util.Random(1);
        for (int i = 0; i < CYCLES; i++) {
          // the server manager rewrote every list from a set: the same names in another order
          List<String> active = new ArrayList<>(names);
          java.util.Collections.shuffle(active, shuffle);
          write(admin, key, "active_clients", active);
          reordered[i] = cpuMillis(() -> poller.poll(registry));
        }
        System.out.printf(
            "clients=%d reordered_cycle_cpu_ms median=%.2f p90=%.2f%n",
            clients, median(reordered), p90(reordered));
        System.out.printf(
            "clients=%d first_cycle_cpu_ms=%.2f steady_cycle_cpu_ms median=%.3f p90=%.3f"
                + " changing_cycle_cpu_ms median=%.2f p90=%.2f redis_hgetall_usec_per_call=%.0f"
                + " hash_bytes=%d live_heap_mib_incl_bench_data=%d%n",
            clients,
            first,
            median(steady),
            p90(steady),
            median(changing),
            p90(changing),
            redisUsec,
            admin.memoryUsage(key),
            liveMib);
      } finally {
        admin.del(key);
      }
    }
  }

  private static void write(Jedis j, String key, String field, List<String> names) {
    j.hset(
        key.getBytes(StandardCharsets.UTF_8),
        field.getBytes(StandardCharsets.UTF_8),
        PythonPickle.listOfStrings(names));
  }

  interface Cycle {
    void run() throws Exception;
  }

  private static double cpuMillis(Cycle cycle) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    cycle.run();
    return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double p90(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) (s.length * 0.9)];
  }

  /** HGETALL's server-side time from INFO commandstats, between construction and the call. */
  private static final class RedisTime {
    private final Jedis admin;
    private final long calls;
    private final long usec;

    RedisTime(Jedis admin) {
      this.admin = admin;
      long[] now = read();
      this.calls = now[0];
      this.usec = now[1];
    }

    double usecPerCall() {
      long[] now = read();
      return (double) (now[1] - usec) / Math.max(1, now[0] - calls);
    }

    private long[] read() {
      for (String line : admin.info("commandstats").split("\r?\n", -1)) {
        if (line.startsWith("cmdstat_hgetall:")) {
          long c = Long.parseLong(line.replaceAll("^cmdstat_hgetall:calls=(\\d+),.*", "$1"));
          long u =
              Long.parseLong(line.replaceAll("^cmdstat_hgetall:calls=\\d+,usec=(\\d+),.*", "$1"));
          return new long[] {c, u};
        }
      }
      return new long[] {0, 0};
    }
  }
}
