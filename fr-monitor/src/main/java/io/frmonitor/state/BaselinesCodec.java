package io.frmonitor.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counter baselines section's body (tag 7): the namespace count, then per namespace its name
 * and key count, per key its name, value count and the values as zigzag varints.
 *
 * <p>Thread safety: stateless.
 */
final class BaselinesCodec {
  private BaselinesCodec() {}

  static void write(ByteSink out, Map<String, Map<String, long[]>> baselines) {
    out.writeVarLong(baselines.size());
    baselines.forEach(
        (namespace, values) -> {
          out.writeString(namespace);
          out.writeVarLong(values.size());
          values.forEach(
              (key, v) -> {
                out.writeString(key);
                out.writeVarLong(v.length);
                for (long x : v) {
                  out.writeZigZag(x);
                }
              });
        });
  }

  static Map<String, Map<String, long[]>> read(ByteSource in) throws StateFormatException {
    Map<String, Map<String, long[]>> out = new TreeMap<>();
    int namespaces = in.readCount("baseline namespaces");
    for (int n = 0; n < namespaces; n++) {
      String namespace = in.readString();
      int keys = in.readCount("baselines of " + namespace);
      Map<String, long[]> values = new LinkedHashMap<>();
      for (int k = 0; k < keys; k++) {
        String key = in.readString();
        long[] v = new long[in.readCount("values of baseline " + key)];
        for (int i = 0; i < v.length; i++) {
          v[i] = in.readZigZag();
        }
        values.put(key, v);
      }
      if (out.put(namespace, values) != null) {
        throw in.corrupt("baseline namespace " + namespace + " appears twice");
      }
    }
    return out;
  }
}
