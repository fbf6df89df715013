package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Folds gateway events into per-gateway state: last heartbeat (fr-monitor's receipt time, so a
 * gateway's clock cannot make it look alive), client count, sessions and rejections. At most {@link
 * #MAX_GATEWAYS} gateways, at most {@link #MAX_REASONS} rejection reasons each.
 *
 * <p>Thread safety: written on the inbox's consumer thread, read by the poller.
 */
final class GatewayHandler implements Tap.Handler {
  static final int MAX_GATEWAYS = 100;
  static final int MAX_REASONS = 20;

  private final PayloadDecoder decoder;
  private final Clock clock;
  private final Map<String, State> gateways = new ConcurrentHashMap<>();
  private final LongAdder events = new LongAdder();
  private final LongAdder malformed = new LongAdder();

  GatewayHandler(PayloadDecoder decoder, Clock clock) {
    this.decoder = decoder;
    this.clock = clock;
  }

  /** One gateway's state. */
  static final class State {
    final AtomicReference<Instant> lastHeartbeat = new AtomicReference<>();
    final AtomicLong clients = new AtomicLong(-1);
    final LongAdder opened = new LongAdder();
    final LongAdder closed = new LongAdder();
    final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
  }

  @Override
  public void message(String routingKey, java.util.Map<String, Object> headers, byte[] body) {
    DecodeResult decoded = decoder.decode(body);
    Optional<GatewayEvent> event =
        decoded instanceof DecodeResult.Decoded d ? GatewayEvent.of(d.value()) : Optional.empty();
    if (event.isEmpty()
        || (!gateways.containsKey(event.get().gateway()) && gateways.size() >= MAX_GATEWAYS)) {
      malformed.increment();
      return;
    }
    events.increment();
    GatewayEvent e = event.get();
    State s = gateways.computeIfAbsent(e.gateway(), k -> new State());
    switch (e.type()) {
      case "heartbeat" -> {
        s.lastHeartbeat.set(clock.instant());
        e.clients().ifPresent(s.clients::set);
      }
      case "session_opened" -> s.opened.increment();
      case "session_closed" -> s.closed.increment();
      default -> {
        String reason = s.rejections.size() < MAX_REASONS ? e.reason() : "other";
        s.rejections.computeIfAbsent(reason, k -> new LongAdder()).increment();
      }
    }
  }

  @Override
  public void failed() {
    malformed.increment();
  }

  Map<String, State> gateways() {
    return gateways;
  }

  long events() {
    return events.sum();
  }

  long malformed() {
    return malformed.sum();
  }
}
