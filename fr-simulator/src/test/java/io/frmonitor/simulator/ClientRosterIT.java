package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The roster's writes to the machine's real Redis (db 12, a key of the test's own). */
class ClientRosterIT {
  private final String key = "roster-it:" + System.nanoTime();
  private final Truth truth = new Truth();

  @AfterEach
  void clean() {
    try (Jedis r = redis()) {
      r.del(key);
    }
  }

  private static Jedis redis() {
    Jedis r = new Jedis("127.0.0.1", 6379);
    r.select(12);
    return r;
  }

  private byte[] field(String name) {
    try (Jedis r = redis()) {
      return r.hget(key.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void writesTheHashTheWayTheGatewayAndServerManagerDo() {
    try (ClientRoster roster = new ClientRoster(redis(), key, List.of("biden", "obama"), truth)) {
      roster.prime();
      assertThat(field("active_clients")).isEqualTo(Pickle.dumps(List.of()));
      assertThat(field("clients_to_close")).isEqualTo(Pickle.dumps(List.of()));
      assertThat(field("deactivate_clients")).isEqualTo(Pickle.dumps(List.of("biden", "obama")));

      roster.session("obama", true, 1);
      assertThat(field("active_clients")).isEqualTo(Pickle.dumps(List.of("obama")));
      roster.refreshDeactivated();
      assertThat(field("deactivate_clients")).isEqualTo(Pickle.dumps(List.of("biden")));

      roster.setAdmin("obama", ClientRoster.Admin.BLOCKED, 2);
      assertThat(field("blocked_clients")).isEqualTo(Pickle.dumps(List.of("obama")));
      // blocked counts as deactivated even with a session (facts §3.3)
      assertThat(field("deactivate_clients")).isEqualTo(Pickle.dumps(List.of("biden", "obama")));

      roster.setAdmin("biden", ClientRoster.Admin.PAUSED, 3);
      assertThat(field("paused_clients")).isEqualTo(Pickle.dumps(List.of("biden")));

      Map<String, List<String>> snapshot = roster.snapshot();
      assertThat(snapshot.get("display_states")).containsExactly("blocked=1", "paused=1");
    }
    assertThat(truth.toMap().get("transitions").toString())
        .contains("client=obama, from=deactivated, to=active")
        .contains("client=obama, from=active, to=blocked")
        .contains("client=biden, from=deactivated, to=paused");
    assertThat(truth.get("clients.transitions")).isEqualTo(3);
  }
}
