package io.frmonitor.config;

import java.util.Map;

/**
 * The fr-server's Redis, read-only.
 *
 * @param clientsKey the hash whose fields hold the client-state lists
 * @param stateKeys when not empty, hash field name to a separate key holding that list, read
 *     instead of the hash
 */
public record RedisSettings(
    String host,
    int port,
    int database,
    String username,
    Secret password,
    String clientsKey,
    Map<String, String> stateKeys) {
  public RedisSettings {
    stateKeys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stateKeys));
  }

  /** Where client states are read from, for status and API output (no credentials). */
  public String describe() {
    String where = "redis://" + host + ":" + port + "/" + database;
    return stateKeys.isEmpty() ? where + " " + clientsKey : where + " " + stateKeys.values();
  }
}
