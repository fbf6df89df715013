package io.frmonitor.collect.host;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.HostRootSettings;
import io.frmonitor.model.Family;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.registry.MetricSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The host collector: CPU, load, memory, swap, filesystems, disk IO and network, published as the
 * {@code system} family.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class HostPoller implements Poller {
  private final Supplier<HostReading> source;
  private final Clock clock;
  private final Instant monitorStart;
  private @Nullable HostReading previous;

  /**
   * A poller over the host's procfs and root; {@code monitorStart} is when this process started.
   */
  public static HostPoller create(HostRootSettings host, Clock clock, Instant monitorStart) {
    return new HostPoller(new ProcHostSource(host, clock)::read, clock, monitorStart);
  }

  HostPoller(Supplier<HostReading> source, Clock clock, Instant monitorStart) {
    this.source = source;
    this.clock = clock;
    this.monitorStart = monitorStart;
  }

  @Override
  public String name() {
    return "host";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(HostSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) {
    HostReading reading = source.get();
    long monitorUptime = Duration.between(monitorStart, clock.instant()).toSeconds();
    HostSnapshot snapshot = HostSnapshotBuilder.build(reading, previous, monitorUptime);
    previous = reading;
    sink.publish(HostSnapshot.FAMILY, snapshot);
    return PollOutcome.ok();
  }
}
