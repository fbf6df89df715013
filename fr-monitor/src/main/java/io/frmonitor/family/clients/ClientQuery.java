package io.frmonitor.family.clients;

import io.frmonitor.family.BadQueryException;
import io.frmonitor.family.Param;
import io.frmonitor.family.Query;
import io.frmonitor.model.ClientState;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of {@code /metrics/clients}, validated: display states to keep (none means
 * all), a case-insensitive name substring, and a page (offset, limit).
 */
record ClientQuery(Set<ClientState> states, String text, int offset, int limit) {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;

  /** The client list in the live {@code clients} topic stops here; the REST endpoint pages on. */
  static final int LIVE_LIMIT = 200;

  static final ClientQuery LIVE = new ClientQuery(Set.of(), "", 0, LIVE_LIMIT);

  static final List<Param> PARAMS =
      List.of(
          new Param(
              "state",
              "string",
              "Comma-separated display states to keep: blocked, paused, active, internet_error,"
                  + " deactivated, listed"),
          new Param("q", "string", "Case-insensitive substring of the client name"),
          new Param("offset", "integer", "Matching clients to skip (default 0)"),
          new Param(
              "limit",
              "integer",
              "Clients per page, 1-" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")"));

  static ClientQuery parse(Query query) {
    String q = query.param("q");
    return new ClientQuery(
        states(query.param("state")),
        q == null ? "" : q.toLowerCase(Locale.ROOT),
        query.integer("offset", 0, 0, Integer.MAX_VALUE),
        query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
  }

  boolean matches(String name, ClientState state) {
    return (states.isEmpty() || states.contains(state))
        && (text.isEmpty() || name.toLowerCase(Locale.ROOT).contains(text));
  }

  private static Set<ClientState> states(@Nullable String raw) {
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
        throw new BadQueryException(
            "state '"
                + part
                + "' is not one of blocked, paused, active, internet_error, deactivated, listed");
      }
    }
    return out;
  }
}
