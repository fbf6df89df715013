package io.frmonitor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonPickleTest {
  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void writesTheSameBytesAsCPython() throws IOException {
    assertThat(PythonPickle.listOfStrings(List.of("obama", "biden")))
        .isEqualTo(fixture("clients_status_active.p4.pkl"));
    assertThat(PythonPickle.listOfStrings(List.of("obama")))
        .isEqualTo(fixture("clients_status_obama.p4.pkl"));
    assertThat(PythonPickle.listOfStrings(List.of()))
        .isEqualTo(fixture("clients_status_empty.p4.pkl"));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(String.format("ci_user%05d", i));
    }
    assertThat(PythonPickle.listOfStrings(many)).isEqualTo(fixture("clients_status_many.p4.pkl"));
  }

  @Test
  void largeListsSpanSeveralFramesAndDecode() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      names.add("ci_client_" + i);
    }
    byte[] pickle = PythonPickle.listOfStrings(names);
    assertThat(pickle.length).isGreaterThan(3 * 64 * 1024);
    DecodeResult r = new PayloadDecoder(DecodeLimits.DEFAULT).decode(pickle);
    assertThat(((DecodeResult.Decoded) r).value()).isEqualTo(names);
  }
}
