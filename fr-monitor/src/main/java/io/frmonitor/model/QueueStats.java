package io.frmonitor.model;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One RabbitMQ queue. The fr-server's consumers have no prefetch limit, so a backlog sits in {@code
 * unacked}, not {@code ready}: {@code depth} = ready + unacked. Rates are messages per second as
 * the management API reports them; each is empty when the API reports none (never 0 by default).
 * With the passive-declare fallback only {@code ready} and {@code consumers} are known.
 *
 * @param drainEtaSeconds depth ÷ (ack rate − publish rate); empty when the queue is not draining
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
    OptionalDouble drainEtaSeconds) {}
