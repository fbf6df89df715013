package io.frmonitor.model;

import java.util.Locale;

/**
 * The one state a client is displayed in, from its flags, by a fixed precedence: blocked > paused >
 * active > internet error > deactivated. {@link #LISTED} is a name found only in fields that carry
 * no state ({@code clients_to_close}); {@link #NONE} is a name not present at all (used for
 * transitions in and out of the hash).
 */
public enum ClientState {
  BLOCKED,
  PAUSED,
  ACTIVE,
  INTERNET_ERROR,
  DEACTIVATED,
  LISTED,
  NONE;

  /** The display state of a flag mask (see {@link ClientFlag#bit()}). */
  public static ClientState of(int flags) {
    if ((flags & ClientFlag.BLOCKED.bit()) != 0) {
      return BLOCKED;
    }
    if ((flags & ClientFlag.PAUSED.bit()) != 0) {
      return PAUSED;
    }
    if ((flags & ClientFlag.ACTIVE.bit()) != 0) {
      return ACTIVE;
    }
    if ((flags & ClientFlag.INTERNET_ERROR.bit()) != 0) {
      return INTERNET_ERROR;
    }
    if ((flags & ClientFlag.DEACTIVATED.bit()) != 0) {
      return DEACTIVATED;
    }
    return flags == 0 ? NONE : LISTED;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
