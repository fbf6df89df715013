package io.frmonitor.family.clients;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientsSnapshot;
import java.util.Map;

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
}
