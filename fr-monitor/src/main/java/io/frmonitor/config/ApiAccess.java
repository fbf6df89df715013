package io.frmonitor.config;

import java.util.List;

/**
 * Who may read the API.
 *
 * @param apiToken the bearer token every endpoint but the public ones requires; empty for none
 * @param prometheusToken the token {@code /prometheus} requires instead; empty to use {@code
 *     apiToken}
 * @param corsOrigins origins (such as {@code https://gui.example:3000}) whose pages may call the
 *     API from a browser; {@code *} for any; empty for none
 */
public record ApiAccess(Secret apiToken, Secret prometheusToken, List<String> corsOrigins) {
  /** No token, no cross-origin access. */
  public static final ApiAccess OPEN = new ApiAccess(new Secret(""), new Secret(""), List.of());

  public ApiAccess {
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** The token {@code /prometheus} requires; empty for none. */
  public Secret scrapeToken() {
    return prometheusToken.isEmpty() ? apiToken : prometheusToken;
  }
}
