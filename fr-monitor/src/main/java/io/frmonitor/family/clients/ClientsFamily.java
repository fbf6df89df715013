package io.frmonitor.family.clients;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.ClientAnomalies;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.TransitionCounts;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The clients' states from the fr-server's {@code Clients_status} hash ({@code redis}). */
public final class ClientsFamily {
  public static final FamilySpec<ClientsSnapshot> SPEC =
      FamilySpec.of(ClientsSnapshot.FAMILY, "Clients")
          .rest(
              new Rest(
                  ClientsDto.class,
                  (registry, query) ->
                      ClientsDto.of(
                          registry.latest(ClientsSnapshot.FAMILY), ClientQuery.parse(query)),
                  (registry, query) ->
                      ClientsDto.of(registry.latest(ClientsSnapshot.FAMILY), ClientQuery.LIVE),
                  "Client states from the fr-server's Redis",
                  "`*_clients` count the names in each Clients_status list (a client may be in"
                      + " several); `states` counts each client once by display state (blocked >"
                      + " paused > active > internet_error > deactivated > listed). `clients` is"
                      + " one page of the matching clients, sorted by name (the live topic"
                      + " carries the first "
                      + ClientQuery.LIVE_LIMIT
                      + ").",
                  ClientQuery.PARAMS))
          .example(example())
          .samples(ClientsSamples.METRICS, SampleSource.whenFresh(ClientsSamples::write))
          .series(ClientsFamily::series)
          .card(Card.custom())
          .build();

  private ClientsFamily() {}

  static Map<String, Double> series(ClientsSnapshot s) {
    Points p = new Points(ClientsSnapshot.FAMILY);
    for (ClientFlag f : ClientFlag.values()) {
      p.put(f.field(), s.count(f));
    }
    p.put("blocked_and_active", s.anomalies().blockedAndActiveTotal());
    return p.map();
  }

  /**
   * biden active, bush deactivated, carter paused (and still active), obama blocked (and still
   * active: the blocked-and-active anomaly).
   */
  static ClientsSnapshot example() {
    Map<String, Integer> flags =
        Map.of(
            "biden",
            ClientFlag.ACTIVE.bit(),
            "bush",
            ClientFlag.DEACTIVATED.bit(),
            "carter",
            ClientFlag.PAUSED.bit() | ClientFlag.ACTIVE.bit(),
            "obama",
            ClientFlag.BLOCKED.bit() | ClientFlag.ACTIVE.bit());
    String[] names = flags.keySet().toArray(String[]::new);
    ClientsSnapshot.sort(names);
    byte[] masks = new byte[names.length];
    for (int i = 0; i < names.length; i++) {
      masks[i] = (byte) (int) Objects.requireNonNull(flags.get(names[i]), "names are its keys");
    }
    return new ClientsSnapshot(
        names,
        masks,
        new ClientAnomalies(List.of("obama"), 1, List.of(), 0),
        TransitionCounts.NONE,
        List.of(),
        "redis://127.0.0.1:6379/0 Clients_status");
  }
}
