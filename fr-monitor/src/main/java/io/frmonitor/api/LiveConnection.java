package io.frmonitor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket subscriber: its topics, its message sequence, and what it has been sent.
 *
 * <p>Every message gets the next sequence number, so a client that sees a gap knows it missed
 * something and can ask for a {@code resync}. While the socket has more than {@link
 * LiveLimits#maxUnsentBytes} unwritten, the client is <em>behind</em>: deltas are not sent but
 * remembered as "last delivered state", and when it catches up one delta from that state to the
 * current one replaces all it missed; events are held (up to a limit). A client behind for longer
 * than {@link LiveLimits#maxBehind}, or with more held events than allowed, is closed with 1008 and
 * a reason. So one slow reader costs at most the unsent bytes plus references to shared state,
 * never a growing queue.
 *
 * <p>Thread safety: confined to the feed's thread, except the unsent-byte counter, which the
 * socket's completion callbacks decrement.
 */
final class LiveConnection {
  /** WebSocket close code for a policy violation: used for a client that cannot keep up. */
  static final int TOO_SLOW = 1008;

  private final LiveSocket socket;
  private final LiveLimits limits;
  private final String server;
  private final AtomicLong unsent = new AtomicLong();
  private final Map<String, ObjectNode> delivered = new HashMap<>();
  private final ArrayDeque<String> heldEvents = new ArrayDeque<>();
  private Set<String> topics;
  private long seq;
  private @Nullable Instant behindSince;
  private boolean closed;

  /**
   * @param topics every topic, in order: a new client subscribes to all
   * @param server the server stack's name, told in every snapshot
   */
  LiveConnection(LiveSocket socket, LiveLimits limits, Set<String> topics, String server) {
    this.socket = socket;
    this.limits = limits;
    this.server = server;
    this.topics = new LinkedHashSet<>(topics);
  }

  Set<String> topics() {
    return topics;
  }

  /** Replaces the client's topics ({@code newTopics} in topic order). */
  void subscribe(Set<String> newTopics) {
    topics = new LinkedHashSet<>(newTopics);
  }

  boolean isClosed() {
    return closed;
  }

  /** The whole current state of the client's topics. */
  void sendSnapshot(Map<String, ObjectNode> state, Instant now) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    for (String t : topics) {
      ObjectNode value = state.get(t);
      if (value != null) {
        data.set(t, value);
        delivered.put(t, value);
      }
    }
    ObjectNode message = header("snapshot", now);
    message.put("server", server);
    message.set("topics", Json.MAPPER.valueToTree(List.copyOf(topics)));
    message.set("data", data);
    write(message.toString());
  }

  /**
   * Sends what changed in the client's topics: the shared patch where the client had the previous
   * state, a patch of its own where it had an older one.
   *
   * @param patches per changed topic, the patch from {@code previous} to {@code state}
   * @param shared serialized {@code data} objects already built for other clients, by topic set
   */
  void sendChanges(
      Map<String, ObjectNode> patches,
      Map<String, @Nullable ObjectNode> previous,
      Map<String, ObjectNode> state,
      Map<Set<String>, String> shared,
      Instant now) {
    Set<String> changed = new LinkedHashSet<>();
    for (String t : patches.keySet()) {
      if (topics.contains(t)) {
        changed.add(t);
      }
    }
    if (changed.isEmpty() || isBehind(now)) {
      return;
    }
    boolean allShared =
        changed.stream().allMatch(t -> sameVersion(delivered.get(t), previous.get(t)));
    String data =
        allShared
            ? shared.computeIfAbsent(changed, c -> dataOf(c, patches).toString())
            : ownPatch(changed, state).toString();
    changed.forEach(t -> delivered.put(t, state.get(t)));
    writeDelta(data, now);
  }

  /** An event message, or held while the client is behind. */
  void sendEvent(String event, Instant now) {
    if (!topics.contains(LiveTopics.EVENTS)) {
      return;
    }
    if (isBehind(now)) {
      heldEvents.add(event);
      if (heldEvents.size() > limits.maxHeldEvents()) {
        drop("too slow: more than " + limits.maxHeldEvents() + " events waiting");
      }
      return;
    }
    writeEvent(event, now);
  }

  /**
   * Called every second: a client that has caught up gets one delta for all it missed and its held
   * events; one behind for too long is closed.
   */
  void tick(Map<String, ObjectNode> state, Instant now) {
    if (behindSince == null || closed) {
      return;
    }
    if (unsent.get() <= limits.maxUnsentBytes()) {
      behindSince = null;
      Set<String> stale = new LinkedHashSet<>();
      for (String t : topics) {
        if (state.containsKey(t) && !sameVersion(state.get(t), delivered.get(t))) {
          stale.add(t);
        }
      }
      if (!stale.isEmpty()) {
        String data = ownPatch(stale, state).toString();
        stale.forEach(t -> delivered.put(t, state.get(t)));
        writeDelta(data, now);
      }
      while (!heldEvents.isEmpty()) {
        writeEvent(heldEvents.poll(), now);
      }
    } else if (Duration.between(behindSince, now).compareTo(limits.maxBehind()) > 0) {
      drop("too slow: behind for more than " + limits.maxBehind().toSeconds() + " s");
    }
  }

  /** A reply to a message the client sent that could not be understood. */
  void sendError(String reason, Instant now) {
    ObjectNode message = header("error", now);
    message.put("error", "bad_message");
    message.put("message", reason);
    write(message.toString());
  }

  /**
   * Whether two values are the same version of a topic. The feed never modifies a rendered tree and
   * renders a new one for each change, so identity is version: cheaper than comparing trees, and
   * exact.
   */
  @SuppressWarnings("ReferenceEquality")
  private static boolean sameVersion(@Nullable ObjectNode a, @Nullable ObjectNode b) {
    return a == b;
  }

  private boolean isBehind(Instant now) {
    if (behindSince == null && unsent.get() > limits.maxUnsentBytes()) {
      behindSince = now;
    }
    return behindSince != null;
  }

  private ObjectNode ownPatch(Set<String> changed, Map<String, ObjectNode> state) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    for (String t : changed) {
      data.set(
          t,
          MergePatch.between(
              delivered.get(t),
              Objects.requireNonNull(state.get(t), "only topics with a state are patched")));
    }
    return data;
  }

  private static ObjectNode dataOf(Set<String> changed, Map<String, ObjectNode> patches) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    changed.forEach(t -> data.set(t, patches.get(t)));
    return data;
  }

  private void writeDelta(String data, Instant now) {
    write(envelope("delta", now, "data", data));
  }

  private void writeEvent(String event, Instant now) {
    write(envelope("event", now, "event", event));
  }

  /** A message around an already serialized member, without parsing it again. */
  private String envelope(String type, Instant now, String member, String json) {
    String head = header(type, now).toString();
    return head.substring(0, head.length() - 1) + ",\"" + member + "\":" + json + "}";
  }

  private ObjectNode header(String type, Instant now) {
    ObjectNode message = Json.MAPPER.createObjectNode();
    message.put("type", type);
    message.put("seq", ++seq);
    message.put("timestamp", now.toEpochMilli());
    return message;
  }

  private void write(String text) {
    if (closed) {
      return;
    }
    long size = text.length();
    unsent.addAndGet(size);
    socket.send(text, () -> unsent.addAndGet(-size));
  }

  private void drop(String reason) {
    closed = true;
    heldEvents.clear();
    delivered.clear();
    socket.close(TOO_SLOW, reason);
  }
}
