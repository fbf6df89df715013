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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket feed behind {@code /ws/metrics}: keeps the current value of every topic, turns
 * registry writes into one delta per burst of changes (writes within {@link #COALESCE_MS} are sent
 * together), and fans deltas and events out to the connections.
 *
 * <p>Thread safety: the registry calls the listener methods on collector threads; they only mark
 * topics dirty and hand work to the feed's own thread ({@code fr-live}), which owns the state and
 * the connections. Socket callbacks only touch each connection's atomic byte counter.
 */
final class LiveFeed implements RegistryListener, AutoCloseable {
  /** How long after a write the feed waits for the other writes of the same collection. */
  static final long COALESCE_MS = 20;

  /** The longest message a client may send (a subscription is a few dozen bytes). */
  static final int MAX_CLIENT_MESSAGE = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  private final MetricRegistry registry;
  private final LiveLimits limits;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fr-live");
            t.setDaemon(true);
            return t;
          });
  private final Set<LiveTopic> dirty = EnumSet.noneOf(LiveTopic.class);
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  // owned by the feed's thread
  private final Map<LiveTopic, ObjectNode> state = new EnumMap<>(LiveTopic.class);
  private final Map<String, LiveConnection> connections = new LinkedHashMap<>();
  private final ScheduledFuture<?> ticker;

  LiveFeed(MetricRegistry registry, LiveLimits limits) {
    this.registry = registry;
    this.limits = limits;
    ticker = thread.scheduleWithFixedDelay(() -> safely(this::tick), 1, 1, TimeUnit.SECONDS);
  }

  /** Registers a connection and sends it the full state. */
  void connect(String id, LiveSocket socket) {
    thread.execute(
        () ->
            safely(
                () -> {
                  renderMissing();
                  LiveConnection c = new LiveConnection(socket, limits);
                  connections.put(id, c);
                  c.sendSnapshot(state, now());
                }));
  }

  void disconnect(String id) {
    thread.execute(() -> connections.remove(id));
  }

  /** A message from a client: {@code subscribe} (with {@code topics}) or {@code resync}. */
  void receive(String id, String text) {
    thread.execute(
        () ->
            safely(
                () -> {
                  LiveConnection c = connections.get(id);
                  if (c != null) {
                    answer(c, text);
                  }
                }));
  }

  /** How many clients are connected (read on the feed's thread; for tests and the bench). */
  int connectionCount() throws InterruptedException {
    try {
      return thread.submit(connections::size).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void onSnapshot(Family<?> family, Latest<?> latest) {
    markDirty(LiveTopic.fedBy(family));
  }

  @Override
  public void onStatus(CollectorStatus status) {
    markDirty(
        status.name().equals("gpu")
            ? EnumSet.of(LiveTopic.COLLECTORS, LiveTopic.GPU)
            : EnumSet.of(LiveTopic.COLLECTORS));
  }

  @Override
  public void onEvent(Event event) {
    String json = new String(Json.bytes(EventsRoutes.render(event)), StandardCharsets.UTF_8);
    thread.execute(
        () ->
            safely(
                () -> {
                  Instant now = now();
                  connections.values().forEach(c -> c.sendEvent(json, now));
                  connections.values().removeIf(LiveConnection::isClosed);
                }));
  }

  private void markDirty(Set<LiveTopic> topics) {
    if (topics.isEmpty()) {
      return;
    }
    synchronized (dirty) {
      dirty.addAll(topics);
    }
    if (flushScheduled.compareAndSet(false, true)) {
      // safely() logs any failure itself: the future holds nothing to look at
      var unused = thread.schedule(() -> safely(this::flush), COALESCE_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void flush() {
    flushScheduled.set(false);
    Set<LiveTopic> topics;
    synchronized (dirty) {
      topics = EnumSet.copyOf(dirty.isEmpty() ? EnumSet.noneOf(LiveTopic.class) : dirty);
      dirty.clear();
    }
    Map<LiveTopic, ObjectNode> patches = new EnumMap<>(LiveTopic.class);
    Map<LiveTopic, ObjectNode> previous = new EnumMap<>(LiveTopic.class);
    for (LiveTopic t : topics) {
      ObjectNode before = state.get(t);
      ObjectNode after = t.render(registry);
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
    Map<Set<LiveTopic>, String> shared = new HashMap<>();
    connections.values().forEach(c -> c.sendChanges(patches, previous, state, shared, now));
  }

  private void tick() {
    Instant now = now();
    connections.values().forEach(c -> c.tick(state, now));
    connections.values().removeIf(LiveConnection::isClosed);
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
    if (!names.isArray() || names.isEmpty()) {
      c.sendError("subscribe needs \"topics\": a non-empty array of " + topicList(), now);
      return;
    }
    Set<LiveTopic> topics = EnumSet.noneOf(LiveTopic.class);
    for (JsonNode name : names) {
      LiveTopic topic = LiveTopic.parse(name.asText()).orElse(null);
      if (topic == null || !name.isTextual()) {
        c.sendError("unknown topic " + name + ": expected one of " + topicList(), now);
        return;
      }
      topics.add(topic);
    }
    c.subscribe(topics);
    c.sendSnapshot(state, now);
  }

  private static String topicList() {
    StringBuilder b = new StringBuilder();
    for (LiveTopic t : LiveTopic.values()) {
      b.append(b.length() == 0 ? "" : ", ").append(t.wireName());
    }
    return b.toString();
  }

  private void renderMissing() {
    for (LiveTopic t : LiveTopic.values()) {
      if (t.hasState() && !state.containsKey(t)) {
        state.put(t, t.render(registry));
      }
    }
  }

  private Instant now() {
    return registry.clock().instant();
  }

  /** Runs a task of the feed's thread; a failure is logged, never kills the thread. */
  private static void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("live feed task failed", e);
    }
  }

  @Override
  public void close() {
    ticker.cancel(false);
    thread.shutdownNow();
  }
}
