package io.frmonitor.collect.redis;

import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.RedisSettings;
import io.frmonitor.model.ClientAnomalies;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.model.TransitionCounts;
import io.frmonitor.registry.MetricSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The client-state collector ({@code redis}): reads the fr-server's {@code Clients_status} hash (or
 * configured keys) each interval, publishes the {@code clients} family and logs display-state
 * transitions. Undecodable fields make it {@code degraded} with the field named, the others are
 * still served; an unreachable Redis or a wrongly typed key fails the run ({@code down}, values
 * stale), and it recovers on its own.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class ClientStatePoller implements Poller {
  /** How long a client may stay active after being blocked before it counts as a stale entry. */
  static final Duration STALE_AFTER_BLOCK = Duration.ofSeconds(30);

  private final StatusSource source;
  private final StatusDecoder decoder;
  private final TransitionTracker tracker;
  private final Clock clock;

  /** Up to this many changed flags, the table is updated flag by flag rather than rebuilt. */
  private static final int INCREMENTAL_FLAGS = 2;

  private static final String[] NO_NAMES = new String[0];

  private ClientTable table = ClientTable.EMPTY;

  ClientStatePoller(StatusSource source, PayloadDecoder decoder, Clock clock) {
    this.source = source;
    this.decoder = new StatusDecoder(decoder);
    this.tracker = new TransitionTracker(STALE_AFTER_BLOCK);
    this.clock = clock;
  }

  public static ClientStatePoller create(
      RedisSettings settings, PayloadDecoder decoder, Clock clock, Duration timeout) {
    return new ClientStatePoller(new RedisStatusSource(settings, timeout), decoder, clock);
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(ClientsSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    StatusDecoder.Decoded decoded = decoder.decode(source.read(), table.names);
    table = updated(table, decoded);
    Instant now = clock.instant();
    List<Event> events = tracker.update(table, now);
    ClientAnomalies anomalies = tracker.anomalies(table, now);
    ClientsSnapshot snapshot =
        new ClientsSnapshot(
            table.names,
            table.flags,
            anomalies,
            new TransitionCounts(tracker.totals(), tracker.suppressed()),
            decoded.problems(),
            source.describe());
    events.forEach(sink::appendEvent);
    sink.publish(ClientsSnapshot.FAMILY, snapshot);
    return decoded.problems().isEmpty()
        ? PollOutcome.ok()
        : PollOutcome.degraded("undecodable " + String.join("; ", decoded.problems()));
  }

  /**
   * The table after this cycle's changes: the same instance when nothing changed; one two-way merge
   * per changed flag when one or two changed (the usual rewrite of {@code active_clients} or of an
   * admin list); else every list merged again.
   */
  private static ClientTable updated(ClientTable table, StatusDecoder.Decoded decoded) {
    Set<ClientFlag> changed = decoded.changedFlags();
    if (changed.size() > INCREMENTAL_FLAGS) {
      return ClientTable.of(decoded.members());
    }
    ClientTable out = table;
    for (ClientFlag flag : changed) {
      out = out.with(flag, decoded.members().getOrDefault(flag, NO_NAMES));
    }
    return out;
  }

  @Override
  public void close() {
    source.close();
  }
}
