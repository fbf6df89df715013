package io.frmonitor.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: decoded values in the JSON terms scripts/pickle_fixtures.py writes. */
final class Values {
  static final ObjectMapper JSON = new ObjectMapper();

  private Values() {}

  static JsonNode toJson(Object decoded) {
    try {
      return JSON.readTree(JSON.writeValueAsString(plain(decoded)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Object plain(Object v) {
    if (v instanceof NdArray a) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dtype", a.dtype());
      m.put("nbytes", a.nbytes());
      m.put("shape", a.shape());
      return Map.of("$ndarray", m);
    }
    if (v instanceof NumpyScalar s) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("dtype", s.dtype());
      m.put("value", plain(s.value()));
      return Map.of("$scalar", m);
    }
    if (v instanceof PyBytes b) {
      return "bytes[" + b.size() + "]";
    }
    if (v instanceof java.util.Set<?> set) {
      return plain(new ArrayList<>(set));
    }
    if (v instanceof PyNone) {
      return null;
    }
    if (v instanceof PyTuple t) {
      return plain(t.items());
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(item -> out.add(plain(item)));
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put(String.valueOf(k), plain(val)));
      return out;
    }
    return v;
  }
}
