package io.frmonitor.collect.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientsSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientTableTest {
  private static String[] sorted(List<String> names) {
    String[] a = names.toArray(new String[0]);
    ClientsSnapshot.sort(a);
    return a;
  }

  private static Map<ClientFlag, String[]> randomLists(Random r) {
    Map<ClientFlag, String[]> lists = new EnumMap<>(ClientFlag.class);
    for (ClientFlag f : ClientFlag.values()) {
      List<String> names = new ArrayList<>();
      int n = r.nextInt(12);
      for (int i = 0; i < n; i++) {
        // a small name space, so lists overlap and repeat
        names.add("ci_client_" + r.nextInt(15));
      }
      lists.put(f, sorted(names));
    }
    return lists;
  }

  /** For random lists, replacing one flag's list gives the table a full merge would give. */
  @Test
  void replacingOneFlagEqualsMergingEverythingAgain() {
    Random r = new Random(11);
    for (int run = 0; run < 5000; run++) {
      Map<ClientFlag, String[]> lists = randomLists(r);
      ClientTable table = ClientTable.of(lists);
      List<ClientFlag> all = List.of(ClientFlag.values());
      ClientFlag flag = all.get(r.nextInt(all.size()));
      String[] replacement = randomLists(r).get(flag);
      lists.put(flag, replacement);

      ClientTable incremental = table.with(flag, replacement);
      ClientTable full = ClientTable.of(lists);

      assertThat(incremental.names).as("run %d", run).containsExactly(full.names);
      assertThat(incremental.flags).as("run %d", run).containsExactly(full.flags);
    }
  }

  @Test
  void aNameLeftWithoutFlagsIsDropped() {
    Map<ClientFlag, String[]> lists = new EnumMap<>(ClientFlag.class);
    lists.put(ClientFlag.ACTIVE, sorted(List.of("obama", "biden")));
    ClientTable table = ClientTable.of(lists).with(ClientFlag.ACTIVE, sorted(List.of("biden")));
    assertThat(table.names).containsExactly("biden");
    assertThat(table.with(ClientFlag.ACTIVE, new String[0]).names).isEmpty();
  }

  @Test
  void namesTheTableHoldsKeepTheirInstance() {
    String obama = new String("obama".toCharArray());
    Map<ClientFlag, String[]> lists = new EnumMap<>(ClientFlag.class);
    lists.put(ClientFlag.ACTIVE, new String[] {obama});
    ClientTable table =
        ClientTable.of(lists)
            .with(ClientFlag.BLOCKED, new String[] {new String("obama".toCharArray())});
    assertThat(table.names[0]).isSameAs(obama);
    assertThat(table.flags[0])
        .isEqualTo((byte) (ClientFlag.ACTIVE.bit() | ClientFlag.BLOCKED.bit()));
  }
}
