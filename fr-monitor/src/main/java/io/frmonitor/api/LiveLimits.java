package io.frmonitor.api;

import java.time.Duration;

/**
 * How far a WebSocket subscriber may fall behind.
 *
 * @param maxUnsentBytes bytes handed to the socket but not yet written, beyond which the client is
 *     behind: its deltas are held back and later coalesced into one
 * @param maxBehind how long a client may stay behind before it is disconnected
 * @param maxHeldEvents events held for a client that is behind; one more disconnects it
 */
record LiveLimits(long maxUnsentBytes, Duration maxBehind, int maxHeldEvents) {
  static final LiveLimits DEFAULT = new LiveLimits(256 * 1024, Duration.ofSeconds(15), 256);
}
