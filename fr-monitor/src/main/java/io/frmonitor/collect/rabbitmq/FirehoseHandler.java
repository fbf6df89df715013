package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads the firehose's copies of default-exchange publishes ({@code publish.} on {@code
 * amq.rabbitmq.trace}; the original routing key is in the {@code routing_keys} header): worker
 * results go to the result tap's handler, {@code actions} are counted by action and reason and
 * those other than NO_ACTION become {@code action} events, {@code saved_actions} are counted.
 *
 * <p>Thread safety: written on the consumer thread; events wait in a bounded queue the poller
 * drains.
 */
final class FirehoseHandler implements Tap.Handler {
  static final int MAX_PENDING_EVENTS = 1000;
  static final String[] ACTIONS = {"no_action", "lock_screen", "sign_out", "warning", "error"};
  static final String[] REASONS = {
    "empty_reason",
    "phone_detection",
    "cable_remove",
    "camera_not_attach",
    "connect_to_internet",
    "spoof_image",
    "wrong_user",
    "no_face",
    "blocked_client",
    "paused_client",
    "resume_client",
    "client_not_available",
    "rate_limit_exceeded"
  };

  private final PayloadDecoder decoder;
  private final ResultHandler results;
  private final Clock clock;
  private final Map<String, Map<String, LongAdder>> actions = new ConcurrentHashMap<>();
  private final LongAdder saved = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingCount = new AtomicInteger();
  private final LongAdder eventsDropped = new LongAdder();

  FirehoseHandler(PayloadDecoder decoder, ResultHandler results, Clock clock) {
    this.decoder = decoder;
    this.results = results;
    this.clock = clock;
  }

  @Override
  public void message(String routingKey, Map<String, Object> headers, byte[] body) {
    switch (originalKey(headers)) {
      case "face_pipeline_results" -> results.traced("face_results", body);
      case "phone_pipeline_results" -> results.traced("phone_results", body);
      case "actions" -> action(body);
      case "saved_actions" -> saved.increment();
      default -> {
        // another stream: not the monitor's business
      }
    }
  }

  /** The routing key the message was published with (first of the header's list). */
  static String originalKey(Map<String, Object> headers) {
    if (headers.get("routing_keys") instanceof List<?> keys && !keys.isEmpty()) {
      Object first = keys.get(0);
      return first instanceof byte[] b
          ? new String(b, StandardCharsets.UTF_8)
          : String.valueOf(first);
    }
    return "";
  }

  private void action(byte[] body) {
    DecodeResult decoded = decoder.decode(body);
    if (!(decoded instanceof DecodeResult.Decoded d)
        || !(d.value() instanceof Map<?, ?> m)
        || !(m.get("action") instanceof Long action)
        || !(m.get("reason") instanceof Long reason)) {
      malformed.increment();
      return;
    }
    String actionName = name(ACTIONS, action);
    String reasonName = name(REASONS, reason);
    actions
        .computeIfAbsent(actionName, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(reasonName, k -> new LongAdder())
        .increment();
    if (action != 0) {
      String client = m.get("client_name") instanceof String c ? c : "";
      offer(
          new Event(
              clock.instant(),
              "action",
              Map.of("client", client, "action", actionName, "reason", reasonName)));
    }
  }

  private void offer(Event event) {
    if (pendingCount.incrementAndGet() > MAX_PENDING_EVENTS) {
      pendingCount.decrementAndGet();
      eventsDropped.increment();
      return;
    }
    pending.add(event);
  }

  /** Events waiting for the poller, oldest first; removes them. */
  List<Event> drainEvents() {
    List<Event> out = new java.util.ArrayList<>();
    for (Event e = pending.poll(); e != null; e = pending.poll()) {
      pendingCount.decrementAndGet();
      out.add(e);
    }
    return out;
  }

  private static String name(String[] names, long code) {
    return code >= 0 && code < names.length ? names[(int) code] : "code_" + code;
  }

  Map<String, Map<String, Long>> actionTotals() {
    Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
    actions.forEach(
        (a, reasons) -> {
          Map<String, Long> r = new java.util.TreeMap<>();
          reasons.forEach((k, v) -> r.put(k, v.sum()));
          out.put(a, r);
        });
    return out;
  }

  long savedActions() {
    return saved.sum();
  }

  long malformed() {
    return malformed.sum();
  }

  @Override
  public void failed() {
    malformed.increment();
  }
}
