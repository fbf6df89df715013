package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's pickles loaded by real CPython with NumPy (Debian's python3 and python3-numpy,
 * installed by scripts/install-test-tools), which describes what it got as JSON.
 */
class PickleTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String DESCRIBE =
      """
      import json, pickle, sys, numpy
      def d(v):
          if isinstance(v, numpy.ndarray):
              return {'ndarray': v.dtype.str, 'shape': list(v.shape), 'sum': int(v.sum())}
          if isinstance(v, numpy.generic):
              return {'numpy': type(v).__name__, 'value': v.item()}
          if isinstance(v, bytes):
              return {'bytes': v.hex()}
          if isinstance(v, dict):
              return {k: d(x) for k, x in v.items()}
          if isinstance(v, list):
              return [d(x) for x in v]
          return v
      print(json.dumps(d(pickle.load(open(sys.argv[1], 'rb')))))
      """;

  @TempDir Path dir;

  @BeforeAll
  static void needsPython() throws Exception {
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "Debian's python3 with python3-numpy is needed: run scripts/install-test-tools");
    }
  }

  private JsonNode loadInPython(Object value) throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir, "p", ".pkl");
    Files.write(file, Pickle.dumps(value));
    Process p =
        new ProcessBuilder(PYTHON.toString(), "-W", "ignore", "-c", DESCRIBE, file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }

  @Test
  void aClientListIsByteForByteWhatCPythonWrites() {
    // fr-server-facts.md §3.3: pickle.dumps(["obama", "biden"], protocol=4)
    assertThat(HexFormat.of().formatHex(Pickle.dumps(List.of("obama", "biden"))))
        .isEqualTo("80049515000000000000005d94288c056f62616d61948c05626964656e94652e");
    assertThat(HexFormat.of().formatHex(Pickle.dumps(List.of()))).isEqualTo("80045d942e");
  }

  @Test
  void everyScalarTypeAndNesting() throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("s", "héllo");
    v.put("long", "x".repeat(300));
    v.put("small", 7);
    v.put("medium", 40_000);
    v.put("negative", -5);
    v.put("big", 1L << 40);
    v.put("huge_negative", -(1L << 40));
    v.put("f", 0.25);
    v.put("t", true);
    v.put("no", false);
    v.put("none", null);
    v.put("bytes", new byte[] {1, 2, 3});
    v.put("list", List.of(41, 30, 198, 212));
    v.put("one", List.of("x"));
    v.put("nested", Map.of("action", 1));

    JsonNode got = loadInPython(v);

    assertThat(got.path("s").asText()).isEqualTo("héllo");
    assertThat(got.path("long").asText()).hasSize(300);
    assertThat(got.path("small").asInt()).isEqualTo(7);
    assertThat(got.path("medium").asInt()).isEqualTo(40_000);
    assertThat(got.path("negative").asInt()).isEqualTo(-5);
    assertThat(got.path("big").asLong()).isEqualTo(1L << 40);
    assertThat(got.path("huge_negative").asLong()).isEqualTo(-(1L << 40));
    assertThat(got.path("f").asDouble()).isEqualTo(0.25);
    assertThat(got.path("t").asBoolean()).isTrue();
    assertThat(got.path("no").asBoolean()).isFalse();
    assertThat(got.path("none").isNull()).isTrue();
    assertThat(got.path("bytes").path("bytes").asText()).isEqualTo("010203");
    assertThat(got.path("list").toString()).isEqualTo("[41,30,198,212]");
    assertThat(got.path("one").toString()).isEqualTo("[\"x\"]");
    assertThat(got.path("nested").path("action").asInt()).isEqualTo(1);
  }

  @Test
  void numpyArraysAndScalarsAsNumpyOneWritesThem() throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("face_image", NdArray.image(240, 240, 2));
    v.put("recognition_metric_value", new NpFloat64(0.71));
    v.put("many", List.of(1, 2, 3, 4, 5));

    JsonNode got = loadInPython(v);

    assertThat(got.path("face_image").path("ndarray").asText()).isEqualTo("|u1");
    assertThat(got.path("face_image").path("shape").toString()).isEqualTo("[240,240,3]");
    assertThat(got.path("face_image").path("sum").asLong()).isEqualTo(240L * 240 * 3 * 2);
    assertThat(got.path("recognition_metric_value").path("numpy").asText()).isEqualTo("float64");
    assertThat(got.path("recognition_metric_value").path("value").asDouble()).isEqualTo(0.71);
    assertThat(got.path("many").size()).isEqualTo(5);
  }

  @Test
  void aDictWithMoreThanAThousandItemsIsBatched() throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < 2500; i++) {
      v.put("k" + i, i);
    }
    JsonNode got = loadInPython(v);
    assertThat(got.size()).isEqualTo(2500);
    assertThat(got.path("k2499").asInt()).isEqualTo(2499);
  }
}
