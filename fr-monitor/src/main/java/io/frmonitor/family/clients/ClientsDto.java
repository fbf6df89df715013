package io.frmonitor.family.clients;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.model.ClientAnomalies;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientState;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.registry.Latest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics/clients}. The {@code *_clients} integers count the names in each hash field
 * (a client may be in several); {@code states} counts each client once, by display state.
 */
public record ClientsDto(
    @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription("Where the states were read: the Redis key") @Nullable String source,
    @Nullable Integer activeClients,
    @Nullable Integer pausedClients,
    @Nullable Integer blockedClients,
    @Nullable Integer deactivatedClients,
    @Nullable Integer internetErrorClients,
    @Nullable Integer totalClients,
    Map<String, Integer> states,
    List<Client> clients,
    int matched,
    int offset,
    int limit,
    Anomalies anomalies,
    @JsonPropertyDescription("Hash fields that could not be decoded (counted, skipped)")
        List<String> undecodableFields) {

  public record Client(String name, String state, List<String> flags) {}

  public record Anomalies(
      List<String> blockedAndActive,
      int blockedAndActiveTotal,
      List<String> activeAfterBlock,
      int activeAfterBlockTotal) {}

  static ClientsDto of(Optional<Latest<ClientsSnapshot>> latest, ClientQuery query) {
    if (latest.isEmpty()) {
      return new ClientsDto(
          null,
          true,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          Map.of(),
          List.of(),
          0,
          query.offset(),
          query.limit(),
          new Anomalies(List.of(), 0, List.of(), 0),
          List.of());
    }
    ClientsSnapshot s = latest.get().value();
    List<Integer> matches = s.select(i -> query.matches(s.name(i), s.state(i)));
    List<Client> page = new ArrayList<>();
    for (int k = query.offset(); k < matches.size() && page.size() < query.limit(); k++) {
      page.add(client(s, matches.get(k)));
    }
    ClientAnomalies a = s.anomalies();
    return new ClientsDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        s.source(),
        s.count(ClientFlag.ACTIVE),
        s.count(ClientFlag.PAUSED),
        s.count(ClientFlag.BLOCKED),
        s.count(ClientFlag.DEACTIVATED),
        s.count(ClientFlag.INTERNET_ERROR),
        s.size(),
        states(s),
        page,
        matches.size(),
        query.offset(),
        query.limit(),
        new Anomalies(
            a.blockedAndActive(),
            a.blockedAndActiveTotal(),
            a.activeAfterBlock(),
            a.activeAfterBlockTotal()),
        s.undecodableFields());
  }

  private static Map<String, Integer> states(ClientsSnapshot s) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (ClientState state : ClientState.values()) {
      if (state != ClientState.NONE) {
        out.put(state.label(), s.count(state));
      }
    }
    return out;
  }

  private static Client client(ClientsSnapshot s, int i) {
    List<String> flags = new ArrayList<>();
    s.flags(i).forEach(f -> flags.add(f.label()));
    return new Client(s.name(i), s.state(i).label(), flags);
  }
}
