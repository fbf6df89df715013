package io.frmonitor.model;

import java.util.List;

/**
 * Inconsistencies the fr-server is known to produce (facts §3.4, §8 item 11), at most {@link
 * #MAX_NAMES} names each (the totals are exact).
 *
 * @param blockedAndActive clients both blocked and active now
 * @param activeAfterBlock clients that have stayed active for a while after being blocked: the
 *     gateway closes a blocked client's socket on its next frame, so this is a stale entry
 */
public record ClientAnomalies(
    List<String> blockedAndActive,
    int blockedAndActiveTotal,
    List<String> activeAfterBlock,
    int activeAfterBlockTotal) {
  public static final int MAX_NAMES = 1000;

  public static final ClientAnomalies NONE = new ClientAnomalies(List.of(), 0, List.of(), 0);

  public ClientAnomalies {
    blockedAndActive = List.copyOf(blockedAndActive);
    activeAfterBlock = List.copyOf(activeAfterBlock);
  }
}
