package io.frmonitor.simulator;

import java.time.Clock;
import java.util.Random;

/**
 * The administrator, through the server manager's {@code POST /client/status/update}: pauses or
 * resumes, blocks or unblocks, a random client at the configured rates.
 */
final class ServerManagerAdmin {
  private final ClientRoster roster;
  private final Random random;
  private final Clock clock;

  ServerManagerAdmin(ClientRoster roster, Random random, Clock clock) {
    this.roster = roster;
    this.random = random;
    this.clock = clock;
  }

  /** A normal client is paused, a paused one resumed; a blocked one is left alone. */
  void pauseOrResume() {
    String c;
    synchronized (random) {
      c = roster.pick(random);
    }
    switch (roster.admin(c)) {
      case NORMAL -> roster.setAdmin(c, ClientRoster.Admin.PAUSED, clock.millis());
      case PAUSED -> roster.setAdmin(c, ClientRoster.Admin.NORMAL, clock.millis());
      default -> {
        // blocked: left to the block events
      }
    }
  }

  /** A normal client is blocked, a blocked one unblocked; a paused one is left alone. */
  void blockOrUnblock() {
    String c;
    synchronized (random) {
      c = roster.pick(random);
    }
    switch (roster.admin(c)) {
      case NORMAL -> roster.setAdmin(c, ClientRoster.Admin.BLOCKED, clock.millis());
      case BLOCKED -> roster.setAdmin(c, ClientRoster.Admin.NORMAL, clock.millis());
      default -> {
        // paused: left to the pause events
      }
    }
  }
}
