package io.frmonitor.testing;

import io.frmonitor.model.ClientAnomalies;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.TransitionCounts;
import java.util.List;

/** Client-state snapshots for the API and dashboard tests. */
public final class ClientsSnapshots {
  private ClientsSnapshots() {}

  /**
   * biden active, bush deactivated, carter paused (and active), obama blocked (and still active:
   * the blocked-and-active anomaly).
   */
  public static ClientsSnapshot sample() {
    String[] names = {"biden", "bush", "carter", "obama"};
    byte[] flags = {
      (byte) ClientFlag.ACTIVE.bit(),
      (byte) ClientFlag.DEACTIVATED.bit(),
      (byte) (ClientFlag.PAUSED.bit() | ClientFlag.ACTIVE.bit()),
      (byte) (ClientFlag.BLOCKED.bit() | ClientFlag.ACTIVE.bit())
    };
    return new ClientsSnapshot(
        names,
        flags,
        new ClientAnomalies(List.of("obama"), 1, List.of(), 0),
        TransitionCounts.NONE,
        List.of(),
        "redis://127.0.0.1:6379/0 Clients_status");
  }
}
