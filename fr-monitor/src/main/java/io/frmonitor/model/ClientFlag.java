package io.frmonitor.model;

import java.util.Locale;

/**
 * Membership of a client name in one field of the fr-server's {@code Clients_status} hash. A name
 * can carry several flags at once (facts §3.4: the states overlap).
 */
public enum ClientFlag {
  ACTIVE("active_clients", 1),
  PAUSED("paused_clients", 2),
  BLOCKED("blocked_clients", 4),
  DEACTIVATED("deactivate_clients", 8),
  INTERNET_ERROR("connecting_internet_error", 16),
  TO_CLOSE("clients_to_close", 32);

  private final String field;
  private final int bit;

  ClientFlag(String field, int bit) {
    this.field = field;
    this.bit = bit;
  }

  /** The hash field that holds this flag's list. */
  public String field() {
    return field;
  }

  /** The bit of this flag in a flag mask. */
  public int bit() {
    return bit;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The flag stored in {@code field}, if any. */
  public static java.util.Optional<ClientFlag> ofField(String field) {
    for (ClientFlag f : values()) {
      if (f.field.equals(field)) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }
}
