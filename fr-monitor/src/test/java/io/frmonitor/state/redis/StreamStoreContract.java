package io.frmonitor.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link StreamStore} does; each implementation's test extends it. */
abstract class StreamStoreContract {
  /** A store on which {@link #key} and {@link #other} are free; closed by the test. */
  abstract StreamStore store();

  /** A stream key the test may use. */
  abstract String key();

  /** Another one. */
  abstract String other();

  @Test
  void appendsInOrderAndReadsBackAfterAnId() {
    try (StreamStore s = store()) {
      List<Optional<String>> results =
          s.append(
              List.of(
                  new StreamStore.Entry(key(), 100, Map.of("t", "1", "k", "a")),
                  new StreamStore.Entry(other(), 100, Map.of("t", "2")),
                  new StreamStore.Entry(key(), 100, Map.of("t", "3", "k", "b"))));
      assertThat(results).containsExactly(Optional.empty(), Optional.empty(), Optional.empty());

      List<StreamStore.Stored> all = s.read(key(), "0-0", 10);
      assertThat(all)
          .extracting(StreamStore.Stored::fields)
          .containsExactly(Map.of("t", "1", "k", "a"), Map.of("t", "3", "k", "b"));
      assertThat(s.read(key(), all.get(0).id(), 10))
          .extracting(StreamStore.Stored::fields)
          .containsExactly(Map.of("t", "3", "k", "b"));
      assertThat(s.read(key(), "0-0", 1)).hasSize(1);
    }
  }

  @Test
  void keepsTheFieldsInTheirOrder() {
    try (StreamStore s = store()) {
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      fields.put("f", "system");
      fields.put("t", "1");
      fields.put("system.b", "2");
      fields.put("system.a", "1");
      s.append(List.of(new StreamStore.Entry(key(), 100, fields)));
      assertThat(s.read(key(), "0-0", 10).get(0).fields().keySet())
          .containsExactly("f", "t", "system.b", "system.a");
    }
  }

  @Test
  void trimsToAboutMaxLenKeepingTheNewest() {
    try (StreamStore s = store()) {
      for (int i = 0; i < 300; i++) {
        s.append(List.of(new StreamStore.Entry(key(), 10, Map.of("i", Integer.toString(i)))));
      }
      List<StreamStore.Stored> left = s.read(key(), "0-0", 1000);
      assertThat(left.size()).isBetween(10, 200); // "~": whole nodes only
      assertThat(left.get(left.size() - 1).fields()).containsEntry("i", "299");
    }
  }

  @Test
  void aMissingKeyReadsAsNothing() {
    try (StreamStore s = store()) {
      assertThat(s.read(key(), "0-0", 10)).isEmpty();
    }
  }
}
