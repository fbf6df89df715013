package io.frmonitor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadDecoderTest {
  private final PayloadDecoder decoder = new PayloadDecoder(new DecodeLimits(1 << 20, 16));

  private Object value(byte[] payload) {
    DecodeResult r = decoder.decode(payload);
    assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
    return ((DecodeResult.Decoded) r).value();
  }

  private DecodeError error(byte[] payload) {
    DecodeResult r = decoder.decode(payload);
    assertThat(r).isInstanceOf(DecodeResult.Failed.class);
    return ((DecodeResult.Failed) r).error();
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void jsonIsRecognisedByItsFirstByte() {
    DecodeResult r = decoder.decode(ascii(" {\"active_clients\": [\"a\", \"b\"], \"n\": null}"));
    assertThat(((DecodeResult.Decoded) r).format()).isEqualTo(DecodeResult.Format.JSON);
    Map<?, ?> m = (Map<?, ?>) ((DecodeResult.Decoded) r).value();
    assertThat(m.get("active_clients")).isEqualTo(List.of("a", "b"));
    assertThat(m.get("n")).isEqualTo(PyNone.NONE);
    assertThat(value(ascii("[1, 2.5, true]"))).isEqualTo(List.of(1L, 2.5, true));
    assertThat(value(ascii("\"x\""))).isEqualTo("x");
  }

  @Test
  void brokenJsonIsTypedNotThrown() {
    assertThat(error(ascii("{\"a\": [1, 2"))).isEqualTo(DecodeError.TRUNCATED);
    assertThat(error(ascii("{\"a\": 1} trailing"))).isEqualTo(DecodeError.MALFORMED);
    assertThat(error(ascii("[".repeat(17) + "]".repeat(17)))).isEqualTo(DecodeError.TOO_DEEP);
    assertThat(value(ascii("[".repeat(16) + "]".repeat(16)))).isInstanceOf(List.class);
  }

  @Test
  void emptyAndOversizedPayloadsAreRefusedUnread() {
    assertThat(error(new byte[0])).isEqualTo(DecodeError.EMPTY);
    assertThat(error(new byte[(1 << 20) + 1])).isEqualTo(DecodeError.TOO_LARGE);
  }

  @Test
  void everyTruncationOfARealPayloadIsATypedError() {
    byte[] full = PickleFixturesTest.fixture("face_result_float64.p4.pkl");
    for (int n = 1; n < 2000; n++) {
      DecodeResult r = decoder.decode(java.util.Arrays.copyOf(full, n));
      assertThat(r).as("first %d bytes", n).isInstanceOf(DecodeResult.Failed.class);
      assertThat(((DecodeResult.Failed) r).error())
          .isIn(DecodeError.TRUNCATED, DecodeError.MALFORMED);
    }
  }

  @Test
  void aHugeDeclaredLengthFailsWithoutAllocating() {
    // BINUNICODE8 claiming 2^40 bytes, BINBYTES claiming 4 GiB - 1, BYTEARRAY8 claiming 2^63
    assertThat(error(bytes(0x80, 4, 0x8d, 0, 0, 0, 0, 0, 1, 0, 0, 'x')))
        .isEqualTo(DecodeError.TRUNCATED);
    assertThat(error(bytes(0x80, 4, 'B', 0xff, 0xff, 0xff, 0xff, 'x')))
        .isEqualTo(DecodeError.TRUNCATED);
    assertThat(error(bytes(0x80, 5, 0x96, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)))
        .isEqualTo(DecodeError.TRUNCATED);
  }

  @Test
  void deepNestingIsRefused() {
    assertThat(error(nestedLists(17))).isEqualTo(DecodeError.TOO_DEEP);
    assertThat(value(nestedLists(16))).isInstanceOf(List.class);
  }

  /** depth lists, each inside the previous: EMPTY_LIST x depth, then APPEND x (depth-1). */
  private static byte[] nestedLists(int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80);
    out.write(2);
    for (int i = 0; i < depth; i++) {
      out.write(']');
    }
    for (int i = 1; i < depth; i++) {
      out.write('a');
    }
    out.write('.');
    return out.toByteArray();
  }

  @Test
  void aListContainingItselfIsRefused() {
    // EMPTY_LIST, BINPUT 0, BINGET 0, APPEND, STOP
    assertThat(error(bytes(0x80, 2, ']', 'q', 0, 'h', 0, 'a', '.')))
        .isEqualTo(DecodeError.TOO_DEEP);
  }

  @Test
  void sharedValuesAreDecodedOnceAndMayRepeat() {
    // outer = []; inner = [] (memo 0); outer.append(inner); outer.append(memo 0)
    Object v = value(bytes(0x80, 2, ']', ']', 'q', 0, 'a', 'h', 0, 'a', '.'));
    assertThat(v).isEqualTo(List.of(List.of(), List.of()));
  }

  @Test
  void anUnhashableKeyIsMalformedInsteadOfHanging() {
    // EMPTY_DICT, EMPTY_LIST (as key), NONE, SETITEM
    assertThat(error(bytes(0x80, 2, '}', ']', 'N', 's', '.'))).isEqualTo(DecodeError.MALFORMED);
  }

  @Test
  void globalsAreNeverResolvedOrCalled() {
    // the classic exploit: os.system("touch /tmp/pwned") as a protocol-0 pickle
    Object v = value(ascii("cos\nsystem\n(S'touch /tmp/fr-monitor-pwned'\ntR."));
    assertThat(v)
        .isEqualTo(new PyObject("os.system", List.of("touch /tmp/fr-monitor-pwned"), PyNone.NONE));
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/fr-monitor-pwned")))
        .isFalse();
    // a Java class name is just a name too
    assertThat(value(ascii("cjava.lang\nRuntime\n)R.")))
        .isEqualTo(new PyObject("java.lang.Runtime", List.of(), PyNone.NONE));
  }

  @Test
  void outOfBandBuffersExtensionsAndNewerProtocolsAreUnsupported() {
    assertThat(error(bytes(0x80, 5, 0x97, '.'))).isEqualTo(DecodeError.UNSUPPORTED);
    assertThat(error(bytes(0x80, 2, 0x82, 1, '.'))).isEqualTo(DecodeError.UNSUPPORTED);
    assertThat(error(bytes(0x80, 6, 'N', '.'))).isEqualTo(DecodeError.UNSUPPORTED);
    assertThat(error(ascii("P1\n."))).isEqualTo(DecodeError.UNSUPPORTED);
  }

  @Test
  void stackAndMarkMisuseIsMalformed() {
    assertThat(error(bytes(0x80, 2, 'a', '.'))).isEqualTo(DecodeError.MALFORMED);
    assertThat(error(bytes(0x80, 2, 't', '.'))).isEqualTo(DecodeError.MALFORMED);
    assertThat(error(bytes(0x80, 2, 'h', 3, '.'))).isEqualTo(DecodeError.MALFORMED);
    assertThat(error(bytes(0x80, 2, 0xff, '.'))).isEqualTo(DecodeError.MALFORMED);
    assertThat(error(bytes(0x80, 2, 'N'))).isEqualTo(DecodeError.TRUNCATED);
  }

  @Test
  void protocolZeroAndOneValuesDecode() {
    assertThat(value(ascii("(lp0\nS'obama'\np1\naS'biden'\np2\na.")))
        .isEqualTo(List.of("obama", "biden"));
    assertThat(value(ascii("I42\n."))).isEqualTo(42L);
    assertThat(value(ascii("I01\n."))).isEqualTo(true);
    assertThat(value(ascii("F0.25\n."))).isEqualTo(0.25);
    assertThat(value(ascii("Vcaf\\u00e9\n."))).isEqualTo("café");
    assertThat(value(ascii("L12345678901234567890L\n.")))
        .isEqualTo(new java.math.BigInteger("12345678901234567890"));
  }
}
