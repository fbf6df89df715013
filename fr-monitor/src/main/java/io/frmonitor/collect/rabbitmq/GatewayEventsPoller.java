package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.registry.MetricSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gateway events ({@code gateway_events}): fr-monitor's own durable inbox {@code
 * monitoring.gateway_events} on its own topic exchange {@code monitoring}, bound to {@code
 * gateway.#}. Publishes the {@code gateways} family each interval and logs a {@code
 * gateway_status_change} event when a gateway's heartbeats stop or resume.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class GatewayEventsPoller implements Poller {
  static final String EXCHANGE = "monitoring";
  static final String QUEUE = "monitoring.gateway_events";
  static final int MAX_LENGTH = 100_000;

  private final TapLink inbox;
  private final GatewayHandler handler;
  private final Clock clock;
  private final Duration heartbeatTimeout;
  private final Map<String, Boolean> wasUp = new HashMap<>();

  GatewayEventsPoller(
      TapLink inbox, GatewayHandler handler, Clock clock, Duration heartbeatTimeout) {
    this.inbox = inbox;
    this.handler = handler;
    this.clock = clock;
    this.heartbeatTimeout = heartbeatTimeout;
  }

  public static GatewayEventsPoller create(
      RabbitSettings settings, PayloadDecoder decoder, Clock clock, Duration timeout) {
    GatewayHandler handler = new GatewayHandler(decoder, clock);
    Tap.Spec spec =
        new Tap.Spec(
            QUEUE,
            true,
            EXCHANGE,
            "topic",
            List.of("gateway.#"),
            Map.of("x-max-length", MAX_LENGTH, "x-overflow", "drop-head"));
    return new GatewayEventsPoller(
        new Tap(settings, spec, handler, timeout), handler, clock, settings.heartbeatTimeout());
  }

  @Override
  public String name() {
    return "gateway_events";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(GatewaysSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    inbox.ensureStarted();
    Instant now = clock.instant();
    List<GatewaysSnapshot.Gateway> gateways = new ArrayList<>();
    new TreeMap<>(handler.gateways()).forEach((name, s) -> gateways.add(gateway(name, s, now)));
    for (GatewaysSnapshot.Gateway g : gateways) {
      Boolean before = wasUp.put(g.name(), g.up());
      if (before != null && before != g.up()) {
        sink.appendEvent(
            new Event(
                now,
                "gateway_status_change",
                Map.of("gateway", g.name(), "to", g.up() ? "up" : "down")));
      }
    }
    sink.publish(
        GatewaysSnapshot.FAMILY,
        new GatewaysSnapshot(gateways, handler.events(), handler.malformed()));
    return PollOutcome.ok();
  }

  private GatewaysSnapshot.Gateway gateway(String name, GatewayHandler.State s, Instant now) {
    Optional<Instant> heartbeat = Optional.ofNullable(s.lastHeartbeat.get());
    boolean up =
        heartbeat.isPresent()
            && Duration.between(heartbeat.get(), now).compareTo(heartbeatTimeout) <= 0;
    long clients = s.clients.get();
    Map<String, Long> rejections = new TreeMap<>();
    s.rejections.forEach((k, v) -> rejections.put(k, v.sum()));
    return new GatewaysSnapshot.Gateway(
        name,
        up,
        heartbeat,
        clients < 0 ? OptionalLong.empty() : OptionalLong.of(clients),
        s.opened.sum(),
        s.closed.sum(),
        rejections);
  }

  @Override
  public void close() {
    inbox.close();
  }
}
