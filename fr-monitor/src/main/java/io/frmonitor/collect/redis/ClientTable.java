package io.frmonitor.collect.redis;

import io.frmonitor.model.ClientFlag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the sorted name array and flag masks from the name lists per flag. Pure. */
final class ClientTable {
  final String[] names;
  final byte[] flags;

  private ClientTable(String[] names, byte[] flags) {
    this.names = names;
    this.flags = flags;
  }

  static ClientTable of(Map<ClientFlag, List<String>> members) {
    Map<String, Integer> masks = new HashMap<>();
    for (Map.Entry<ClientFlag, List<String>> e : members.entrySet()) {
      int bit = e.getKey().bit();
      for (String name : e.getValue()) {
        masks.merge(name, bit, (a, b) -> a | b);
      }
    }
    String[] names = masks.keySet().toArray(new String[0]);
    java.util.Arrays.sort(names);
    byte[] flags = new byte[names.length];
    for (int i = 0; i < names.length; i++) {
      flags[i] = (byte) (int) masks.get(names[i]);
    }
    return new ClientTable(names, flags);
  }
}
