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

  /** A client that is not blocked: paused when normal, resumed when paused. */
  void pauseOrResume() {
    toggle(ClientRoster.Admin.PAUSED, ClientRoster.Admin.BLOCKED);
  }

  /** A client that is not paused: blocked when normal, unblocked when blocked. */
  void blockOrUnblock() {
    toggle(ClientRoster.Admin.BLOCKED, ClientRoster.Admin.PAUSED);
  }

  private void toggle(ClientRoster.Admin state, ClientRoster.Admin leftAlone) {
    String c;
    synchronized (random) {
      c = roster.pick(random, leftAlone);
    }
    if (c != null) {
      ClientRoster.Admin now = roster.admin(c);
      roster.setAdmin(c, now == state ? ClientRoster.Admin.NORMAL : state, clock.millis());
    }
  }
}
