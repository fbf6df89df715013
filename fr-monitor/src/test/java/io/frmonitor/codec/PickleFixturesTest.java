package io.frmonitor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture made by real Python pickle decodes to what Python says it holds. */
class PickleFixturesTest {
  private static final PayloadDecoder DECODER = new PayloadDecoder(DecodeLimits.DEFAULT);

  static byte[] fixture(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode expected() {
    try {
      return Values.JSON.readTree(Fixtures.text("pickle/expected.json"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<String> fixtureNames() {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = expected().path("fixtures").fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names.stream();
  }

  static Object decoded(String name) {
    DecodeResult r = DECODER.decode(fixture(name));
    assertThat(r).as(name).isInstanceOf(DecodeResult.Decoded.class);
    assertThat(((DecodeResult.Decoded) r).format()).isEqualTo(DecodeResult.Format.PICKLE);
    return ((DecodeResult.Decoded) r).value();
  }

  @ParameterizedTest
  @MethodSource("fixtureNames")
  void decodesLikePython(String name) {
    JsonNode want = expected().path("fixtures").path(name).path("value");
    JsonNode got = Values.toJson(decoded(name));
    if (name.startsWith("mixed_types")) {
      for (String key : List.of("big", "neg", "nested")) {
        assertThat(got.path(key)).as(name + " " + key).isEqualTo(want.path(key));
      }
    } else {
      assertThat(got).as(name).isEqualTo(want);
    }
  }

  @Test
  void clientsStatusBytesFromTheFactsFileDecode() {
    byte[] facts = {
      (byte) 0x80,
      0x04,
      (byte) 0x95,
      0x15,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0x5d,
      (byte) 0x94,
      0x28,
      (byte) 0x8c,
      0x05,
      'o',
      'b',
      'a',
      'm',
      'a',
      (byte) 0x94,
      (byte) 0x8c,
      0x05,
      'b',
      'i',
      'd',
      'e',
      'n',
      (byte) 0x94,
      0x65,
      0x2e
    };
    assertThat(facts).isEqualTo(fixture("clients_status_active.p4.pkl"));
    assertThat(((DecodeResult.Decoded) DECODER.decode(facts)).value())
        .isEqualTo(List.of("obama", "biden"));
  }

  @Test
  void faceResultKeepsTheImageShapeAndTheSimilarityValue() {
    for (int protocol : new int[] {2, 4, 5}) {
      Map<?, ?> face = (Map<?, ?>) decoded("face_result_float64.p" + protocol + ".pkl");
      NdArray image = (NdArray) face.get("face_image");
      assertThat(image.shape()).containsExactly(240L, 240L, 3L);
      assertThat(image.dtype()).isEqualTo("u1");
      assertThat(image.size()).isEqualTo(240 * 240 * 3);
      assertThat(image.nbytes()).isEqualTo(240 * 240 * 3);
      NumpyScalar similarity = (NumpyScalar) face.get("recognition_metric_value");
      assertThat(similarity.asDouble()).hasValue(0.71);
      assertThat(face.get("face_bbox")).isEqualTo(List.of(41L, 30L, 198L, 212L));
      assertThat(face.get("check_spoof")).isEqualTo(false);
    }
  }

  @Test
  void numpyTwoNamesDecodeLikeNumpyOne() {
    // NumPy >= 2 writes numpy._core.*; protocol 2 names globals as plain text lines, so renaming
    // them in a real NumPy 1 pickle gives exactly what NumPy 2 would write for those globals
    String p2 =
        new String(
            fixture("face_result_float64.p2.pkl"), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(p2).contains("numpy.core.multiarray");
    byte[] numpy2 =
        p2.replace("numpy.core.multiarray", "numpy._core.multiarray")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Map<?, ?> face = (Map<?, ?>) ((DecodeResult.Decoded) DECODER.decode(numpy2)).value();
    assertThat(((NdArray) face.get("face_image")).shape()).containsExactly(240L, 240L, 3L);
    assertThat(((NumpyScalar) face.get("recognition_metric_value")).asDouble()).hasValue(0.71);
  }

  @Test
  void mixedTypesKeepTupleSetAndBytes() {
    for (int protocol : new int[] {2, 4, 5}) {
      Map<?, ?> m = (Map<?, ?>) decoded("mixed_types.p" + protocol + ".pkl");
      assertThat(m.get("t")).isEqualTo(new PyTuple(List.of(1L, "two", 3.5)));
      assertThat(m.get("s")).isEqualTo(Set.of(3L));
      assertThat(((PyBytes) m.get("b")).toByteArray()).containsExactly(0, 0xff);
      assertThat(((PyBytes) m.get("ba")).toByteArray()).containsExactly('a', 'b');
      assertThat(m.get("big")).isEqualTo(BigInteger.TWO.pow(70));
    }
  }

  @Test
  void decodedCollectionsAreImmutable() {
    Map<?, ?> frame = (Map<?, ?>) decoded("frame.p4.pkl");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> frame.remove("client_name"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(frame.get("user_image")).isEqualTo(PyNone.NONE);
  }
}
