package io.frmonitor.api;

import io.frmonitor.model.ClientState;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The query parameters of {@code /metrics/clients}, validated: display states to keep (none means
 * all), a case-insensitive name substring, and a page (offset, limit).
 */
record ClientQuery(Set<ClientState> states, String text, int offset, int limit) {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;

  static ClientQuery parse(String state, String q, String offset, String limit) {
    return new ClientQuery(
        states(state),
        q == null ? "" : q.toLowerCase(Locale.ROOT),
        integer("offset", offset, 0, 0, Integer.MAX_VALUE),
        integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
  }

  boolean matches(String name, ClientState state) {
    return (states.isEmpty() || states.contains(state))
        && (text.isEmpty() || name.toLowerCase(Locale.ROOT).contains(text));
  }

  private static Set<ClientState> states(String raw) {
    Set<ClientState> out = EnumSet.noneOf(ClientState.class);
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String part : raw.split(",", -1)) {
      try {
        ClientState s = ClientState.valueOf(part.trim().toUpperCase(Locale.ROOT));
        if (s == ClientState.NONE) {
          throw new IllegalArgumentException();
        }
        out.add(s);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "state '"
                + part
                + "' is not one of blocked, paused, active, internet_error, deactivated, listed");
      }
    }
    return out;
  }

  static int integer(String name, String raw, int fallback, int min, int max) {
    if (raw == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          name + " must be an integer " + min + "-" + max + ", got '" + raw + "'");
    }
  }
}
