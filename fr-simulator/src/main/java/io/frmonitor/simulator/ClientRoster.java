package io.frmonitor.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;

/**
 * The clients: who is enrolled, who has a session, who is paused or blocked — kept in memory and
 * written to the {@code Clients_status} hash the way the gateway and the server manager write it
 * (each field a pickled {@code list[str]}, whole lists rewritten; fr-server-facts.md §3.3).
 *
 * <p>Thread safety: every method is synchronized; the Redis connection is used under the lock.
 */
final class ClientRoster implements AutoCloseable {
  /** An administrator's setting for a client. */
  enum Admin {
    NORMAL,
    PAUSED,
    BLOCKED
  }

  private final Jedis redis;
  private final byte[] key;
  private final Truth truth;
  private final Map<String, Admin> admin = new TreeMap<>();
  private final Map<String, Boolean> session = new TreeMap<>();
  private final Map<String, String> shown = new TreeMap<>();

  ClientRoster(Jedis redis, String key, List<String> clients, Truth truth) {
    this.redis = redis;
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.truth = truth;
    for (String c : clients) {
      admin.put(c, Admin.NORMAL);
      session.put(c, false);
      shown.put(c, "deactivated");
    }
  }

  /** The gateway's start: all six fields, as empty lists where nothing is known yet. */
  synchronized void prime() {
    redis.del(key);
    write("active_clients", List.of());
    write("paused_clients", List.of());
    write("blocked_clients", List.of());
    write("connecting_internet_error", List.of());
    write("clients_to_close", List.of());
    write("deactivate_clients", deactivated());
  }

  synchronized Admin admin(String client) {
    return adminOf(client);
  }

  synchronized boolean hasSession(String client) {
    return Boolean.TRUE.equals(session.get(client));
  }

  /** Every client is enrolled at start: it has an administrative state. */
  private Admin adminOf(String client) {
    return Objects.requireNonNull(admin.get(client), client);
  }

  /** The gateway registers or ends a session and rewrites {@code active_clients}. */
  synchronized void session(String client, boolean open, long nowMs) {
    if (session.put(client, open) != open) {
      write("active_clients", active());
      recordDisplay(client, nowMs);
    }
  }

  /**
   * The server manager's {@code POST /client/status/update}: changes one client and rewrites the
   * fields it read (facts §3.3).
   */
  synchronized void setAdmin(String client, Admin to, long nowMs) {
    if (admin.put(client, to) == to) {
      return;
    }
    write("paused_clients", with(Admin.PAUSED));
    write("blocked_clients", with(Admin.BLOCKED));
    write("active_clients", active());
    write("deactivate_clients", deactivated());
    recordDisplay(client, nowMs);
  }

  /** The server manager's 0.5 s recomputation of {@code deactivate_clients}. */
  synchronized void refreshDeactivated() {
    write("deactivate_clients", deactivated());
  }

  /** A random client not in state {@code except}, for the administrator's next change. */
  synchronized @Nullable String pick(RandomGenerator random, Admin except) {
    List<String> names = new ArrayList<>();
    admin.forEach(
        (name, state) -> {
          if (state != except) {
            names.add(name);
          }
        });
    return names.isEmpty() ? null : names.get(random.nextInt(names.size()));
  }

  /** Clients with a session now: the gateway's heartbeat reports them. */
  synchronized int activeCount() {
    return active().size();
  }

  /** The lists as they stand, by field, for the truth file. */
  synchronized Map<String, List<String>> snapshot() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("active_clients", active());
    out.put("paused_clients", with(Admin.PAUSED));
    out.put("blocked_clients", with(Admin.BLOCKED));
    out.put("deactivate_clients", deactivated());
    Map<String, Integer> states = new TreeMap<>();
    shown.values().forEach(s -> states.merge(s, 1, Integer::sum));
    out.put(
        "display_states",
        states.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    return out;
  }

  private List<String> active() {
    return session.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }

  private List<String> with(Admin state) {
    return admin.entrySet().stream()
        .filter(e -> e.getValue() == state)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** (enrolled − active) ∪ (enrolled ∩ blocked); every client is enrolled. */
  private List<String> deactivated() {
    return admin.keySet().stream()
        .filter(c -> !hasSession(c) || adminOf(c) == Admin.BLOCKED)
        .toList();
  }

  /** fr-monitor's display state: blocked > paused > active > deactivated. */
  private String display(String client) {
    return switch (adminOf(client)) {
      case BLOCKED -> "blocked";
      case PAUSED -> "paused";
      default -> hasSession(client) ? "active" : "deactivated";
    };
  }

  private void recordDisplay(String client, long nowMs) {
    String now = display(client);
    String before = shown.put(client, now);
    if (!now.equals(before)) {
      truth.transition(nowMs, client, before, now);
      truth.count("clients.transitions");
    }
  }

  private void write(String field, List<String> names) {
    redis.hset(key, field.getBytes(StandardCharsets.UTF_8), Pickle.dumps(names));
  }

  @Override
  public synchronized void close() {
    redis.close();
  }
}
