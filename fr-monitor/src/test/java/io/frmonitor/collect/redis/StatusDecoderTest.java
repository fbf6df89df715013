package io.frmonitor.collect.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.ClientFlag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusDecoderTest {
  private final StatusDecoder decoder = new StatusDecoder(new PayloadDecoder(DecodeLimits.DEFAULT));

  private static Map<String, FieldValue> active(String json) {
    return Map.of(
        ClientFlag.ACTIVE.field(), new FieldValue.Encoded(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSameBytesAreNotDecodedAgainAndNotAChange() {
    StatusDecoder.Decoded first = decoder.decode(active("[\"obama\", \"biden\"]"), new String[0]);
    assertThat(first.changed()).isTrue();

    StatusDecoder.Decoded again = decoder.decode(active("[\"obama\", \"biden\"]"), new String[0]);
    assertThat(again.changed()).isFalse();
    assertThat(again.members().get(ClientFlag.ACTIVE))
        .isSameAs(first.members().get(ClientFlag.ACTIVE));
  }

  @Test
  void theSameNamesInAnotherOrderAreNotAChange() {
    String[] names =
        decoder
            .decode(active("[\"obama\", \"biden\", \"carter\"]"), new String[0])
            .members()
            .get(ClientFlag.ACTIVE);

    StatusDecoder.Decoded reordered =
        decoder.decode(active("[\"carter\", \"obama\", \"biden\"]"), names);

    assertThat(reordered.changed()).isFalse();
    assertThat(reordered.members().get(ClientFlag.ACTIVE)).isSameAs(names);
    // and the new bytes are what the next cycle compares with
    assertThat(decoder.decode(active("[\"carter\", \"obama\", \"biden\"]"), names).changed())
        .isFalse();
  }

  @Test
  void aDifferentMemberIsAChange() {
    String[] names =
        decoder
            .decode(active("[\"obama\", \"biden\"]"), new String[0])
            .members()
            .get(ClientFlag.ACTIVE);

    StatusDecoder.Decoded changed = decoder.decode(active("[\"obama\", \"carter\"]"), names);

    assertThat(changed.changed()).isTrue();
    assertThat(changed.members().get(ClientFlag.ACTIVE))
        .containsExactlyInAnyOrder("obama", "carter");
  }

  @Test
  void aFieldThatDisappearsIsAChange() {
    decoder.decode(active("[\"obama\"]"), new String[0]);
    assertThat(decoder.decode(Map.of(), new String[0]).changed()).isTrue();
    assertThat(decoder.decode(Map.of(), new String[0]).changed()).isFalse();
  }
}
