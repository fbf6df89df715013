package io.frmonitor.model;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One RabbitMQ queue. The fr-server's consumers have no prefetch limit, so a backlog sits in {@code
 * unacked}, not {@code ready}: {@code depth} = ready + unacked. Rates are messages per second as
 * the management API reports them: 0 when it reports a zero rate, empty when it reports none (a
 * queue that never had that traffic) — the same rule for every queue. With the passive-declare
 * fallback only {@code ready} and {@code consumers} are known.
 *
 * @param drainEtaSeconds depth ÷ (ack rate − publish rate); empty when the queue is not draining
 * @param counters what went through the queue since fr-monitor started watching it
 */
public record QueueStats(
    String name,
    long ready,
    OptionalLong unacked,
    OptionalLong depth,
    long consumers,
    OptionalDouble publishPerSec,
    OptionalDouble deliverPerSec,
    OptionalDouble ackPerSec,
    OptionalDouble redeliverPerSec,
    OptionalDouble drainEtaSeconds,
    QueueCounters counters) {
  /** The prefix of fr-monitor's own queues (its taps, the gateway-event inbox). */
  public static final String OWN_PREFIX = "monitoring.";

  /** Without counters: the passive fallback. */
  public QueueStats(
      String name,
      long ready,
      OptionalLong unacked,
      OptionalLong depth,
      long consumers,
      OptionalDouble publishPerSec,
      OptionalDouble deliverPerSec,
      OptionalDouble ackPerSec,
      OptionalDouble redeliverPerSec,
      OptionalDouble drainEtaSeconds) {
    this(
        name,
        ready,
        unacked,
        depth,
        consumers,
        publishPerSec,
        deliverPerSec,
        ackPerSec,
        redeliverPerSec,
        drainEtaSeconds,
        QueueCounters.NONE);
  }

  /** Whether this is one of fr-monitor's own queues, not the fr-server's. */
  public boolean own() {
    return name.startsWith(OWN_PREFIX);
  }

  /** A copy with other counters. */
  public QueueStats withCounters(QueueCounters newCounters) {
    return new QueueStats(
        name,
        ready,
        unacked,
        depth,
        consumers,
        publishPerSec,
        deliverPerSec,
        ackPerSec,
        redeliverPerSec,
        drainEtaSeconds,
        newCounters);
  }
}
