package io.frmonitor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.RegistryListener;
import io.frmonitor.schedule.TaskScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket feed behind {@code /ws/metrics}: keeps the current value of every topic, turns
 * registry writes into one delta per burst of changes (writes within {@link #COALESCE} are sent
 * together), and fans deltas and events out to the connections.
 *
 * <p>Thread safety: the registry calls the listener methods on collector threads; they only mark
 * topics dirty and hand work to the feed's scheduler, which runs one task at a time and owns the
 * state and the connections. Socket callbacks only touch each connection's atomic byte counter.
 */
final class LiveFeed implements RegistryListener, AutoCloseable {
  /** How long after a write the feed waits for the other writes of the same collection. */
  static final Duration COALESCE = Duration.ofMillis(20);

  /** How often slow clients are checked: caught up, or behind for too long. */
  static final Duration TICK = Duration.ofSeconds(1);

  /** The longest message a client may send (a subscription is a few dozen bytes). */
  static final int MAX_CLIENT_MESSAGE = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  private final MetricRegistry registry;
  private final LiveTopics topics;
  private final LiveLimits limits;
  private final TaskScheduler scheduler;
  private final Set<String> dirty = new LinkedHashSet<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final Map<String, String> lastHealth = new ConcurrentHashMap<>();
  private volatile int connected;
  private volatile boolean closed;
  // owned by the scheduler's tasks
  private final Map<String, ObjectNode> state = new HashMap<>();
  private final Map<String, LiveConnection> connections = new LinkedHashMap<>();

  /**
   * @param scheduler runs the feed's tasks one at a time; the feed closes it
   */
  LiveFeed(MetricRegistry registry, LiveTopics topics, LiveLimits limits, TaskScheduler scheduler) {
    this.registry = registry;
    this.topics = topics;
    this.limits = limits;
    this.scheduler = scheduler;
    scheduleTick();
  }

  /** Registers a connection and sends it the full state. */
  void connect(String id, LiveSocket socket) {
    run(
        () -> {
          renderMissing();
          LiveConnection c =
              new LiveConnection(
                  socket, limits, new LinkedHashSet<>(topics.names()), topics.server());
          connections.put(id, c);
          connected = connections.size();
          c.sendSnapshot(state, now());
        });
  }

  void disconnect(String id) {
    run(
        () -> {
          connections.remove(id);
          connected = connections.size();
        });
  }

  /** A message from a client: {@code subscribe} (with {@code topics}) or {@code resync}. */
  void receive(String id, String text) {
    run(
        () -> {
          LiveConnection c = connections.get(id);
          if (c != null) {
            answer(c, text);
          }
        });
  }

  /** How many clients are connected, as of the feed's last task (for tests and the bench). */
  int connectionCount() {
    return connected;
  }

  @Override
  public void onSnapshot(Family<?> family, Latest<?> latest) {
    markDirty(topics.fedBy(family));
  }

  /**
   * A run finished: the {@code collectors} topic changes (run counts, times), and so do the topics
   * of the collector's families when its health or reason changed (a family's body says when its
   * collector is off or failing).
   */
  @Override
  public void onStatus(CollectorStatus status) {
    String health = status.health().label() + ":" + status.lastError().orElse("");
    String before = lastHealth.put(status.name(), health);
    markDirty(health.equals(before) ? Set.of(LiveTopics.COLLECTORS) : topics.showing(status));
  }

  @Override
  public void onEvent(Event event) {
    String json = new String(Json.bytes(EventsRoutes.render(event)), StandardCharsets.UTF_8);
    run(
        () -> {
          Instant now = now();
          connections.values().forEach(c -> c.sendEvent(json, now));
          removeClosed();
        });
  }

  private void markDirty(Set<String> changed) {
    if (changed.isEmpty()) {
      return;
    }
    synchronized (dirty) {
      dirty.addAll(changed);
    }
    if (flushScheduled.compareAndSet(false, true)) {
      schedule(this::flush, COALESCE);
    }
  }

  private void flush() {
    flushScheduled.set(false);
    Set<String> changed;
    synchronized (dirty) {
      changed = new LinkedHashSet<>(dirty);
      dirty.clear();
    }
    if (connections.isEmpty()) {
      // nobody listens: forget the changed values rather than render them; a client that
      // connects gets them rendered fresh (renderMissing)
      changed.forEach(state::remove);
      return;
    }
    Map<String, ObjectNode> patches = new LinkedHashMap<>();
    Map<String, @Nullable ObjectNode> previous = new HashMap<>();
    for (String t : changed) {
      ObjectNode before = state.get(t);
      ObjectNode after = topics.get(t).render(registry);
      ObjectNode patch = MergePatch.between(before, after);
      if (!patch.isEmpty()) {
        patches.put(t, patch);
        previous.put(t, before);
        state.put(t, after);
      }
    }
    if (patches.isEmpty()) {
      return;
    }
    Instant now = now();
    Map<Set<String>, String> shared = new HashMap<>();
    connections.values().forEach(c -> c.sendChanges(patches, previous, state, shared, now));
  }

  private void tick() {
    Instant now = now();
    connections.values().forEach(c -> c.tick(state, now));
    removeClosed();
  }

  private void scheduleTick() {
    schedule(
        () -> {
          tick();
          if (!closed) {
            scheduleTick();
          }
        },
        TICK);
  }

  private void removeClosed() {
    connections.values().removeIf(LiveConnection::isClosed);
    connected = connections.size();
  }

  private void answer(LiveConnection c, String text) {
    Instant now = now();
    if (text.length() > MAX_CLIENT_MESSAGE) {
      c.sendError("message longer than " + MAX_CLIENT_MESSAGE + " characters", now);
      return;
    }
    JsonNode message;
    try {
      message = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      c.sendError("not JSON: expected {\"type\": \"subscribe\" | \"resync\", ...}", now);
      return;
    }
    String type = message == null ? "" : message.path("type").asText("");
    switch (type) {
      case "resync" -> c.sendSnapshot(state, now);
      case "subscribe" -> subscribe(c, message.path("topics"), now);
      default ->
          c.sendError("unknown message type '" + type + "': expected subscribe or resync", now);
    }
  }

  private void subscribe(LiveConnection c, JsonNode names, Instant now) {
    String known = String.join(", ", topics.names());
    if (!names.isArray() || names.isEmpty()) {
      c.sendError("subscribe needs \"topics\": a non-empty array of " + known, now);
      return;
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (JsonNode name : names) {
      Optional<LiveTopics.Topic> topic =
          name.isTextual() ? topics.topic(name.asText()) : Optional.empty();
      if (topic.isEmpty()) {
        c.sendError("unknown topic " + name + ": expected one of " + known, now);
        return;
      }
      chosen.add(topic.get().name());
    }
    c.subscribe(topics.ordered(chosen));
    c.sendSnapshot(state, now);
  }

  private void renderMissing() {
    for (String name : topics.names()) {
      LiveTopics.Topic t = topics.get(name);
      if (t.hasState() && !state.containsKey(name)) {
        state.put(name, t.render(registry));
      }
    }
  }

  private Instant now() {
    return registry.clock().instant();
  }

  private void run(Runnable task) {
    schedule(task, Duration.ZERO);
  }

  /** Runs a task on the feed's scheduler; a failure is logged, never stops the feed. */
  private void schedule(Runnable task, Duration delay) {
    if (closed) {
      return;
    }
    // the handle is not needed: close() stops the scheduler, and with it every pending task
    var unused =
        scheduler.schedule(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.warn("live feed task failed", e);
              }
            },
            delay);
  }

  @Override
  public void close() {
    closed = true;
    scheduler.close();
  }
}
