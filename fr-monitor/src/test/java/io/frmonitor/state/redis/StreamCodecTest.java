package io.frmonitor.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.model.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamCodecTest {
  private static final long T = 1_795_826_940_012L;

  @Test
  void aHistoryEntryIsTheFamilyTheTimeAndEachSeriesValueInCompactText() {
    Map<String, Double> points = new LinkedHashMap<>();
    points.put("system.cpu_percent", 12.5);
    points.put("system.memory_used_bytes", 8.0e9);
    points.put("system.load1", 0.1);
    Map<String, String> fields = StreamCodec.history("system", T, points);

    assertThat(fields)
        .containsExactly(
            Map.entry("f", "system"),
            Map.entry("t", "1795826940012"),
            Map.entry("system.cpu_percent", "12.5"),
            Map.entry("system.memory_used_bytes", "8000000000"),
            Map.entry("system.load1", "0.1"));
    StreamCodec.HistoryEntry back = StreamCodec.readHistory(fields);
    assertThat(back.family()).isEqualTo("system");
    assertThat(back.time()).isEqualTo(T);
    assertThat(back.points()).isEqualTo(Map.copyOf(points));
  }

  @ParameterizedTest
  @CsvSource({"0,0", "-3,-3", "42,42", "0.25,0.25", "1e-5,1.0E-5", "1e20,1.0E20", "-0.5,-0.5"})
  void numbersAreWholeWhenTheyAreAndShortestTextOtherwise(double value, String text) {
    assertThat(StreamCodec.number(value)).isEqualTo(text);
    assertThat(Double.parseDouble(StreamCodec.number(value))).isEqualTo(value);
  }

  @Test
  void everyDoubleSurvivesTheTrip() {
    double[] values = {Math.PI, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, 123456789.123, 1e15};
    for (double v : values) {
      assertThat(Double.parseDouble(StreamCodec.number(v))).isEqualTo(v);
    }
  }

  @Test
  void anEventIsItsTimeItsKindAndItsFieldsWithClashingNamesEscaped() {
    Event e =
        new Event(
            Instant.ofEpochMilli(T),
            "client_state_change",
            Map.of("client", "obama", "from", "active", "t", "x", "k", "y", "_z", "w"));
    Map<String, String> fields = StreamCodec.event(e);

    assertThat(fields)
        .containsEntry("t", "1795826940012")
        .containsEntry("k", "client_state_change")
        .containsEntry("client", "obama")
        .containsEntry("_t", "x")
        .containsEntry("_k", "y")
        .containsEntry("__z", "w")
        .hasSize(7);
    assertThat(StreamCodec.readEvent(fields)).isEqualTo(e);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "t=1|no family (f)",
        "f=|no family (f)",
        "f=system|no time (t)",
        "f=system,t=soon|not epoch milliseconds",
        "f=system,t=-1|a negative time",
        "f=system,t=1,queues.depth=3|queues.depth is not a series of family system",
        "f=system,t=1,system.=3|system. is not a series of family system",
        "f=system,t=1,system.cpu=high|system.cpu is not a finite number",
        "f=system,t=1,system.cpu=NaN|system.cpu is not a finite number",
        "f=system,t=1,system.cpu=Infinity|system.cpu is not a finite number",
        "f=system,t=1,system.cpu= 3|system.cpu is not a finite number"
      })
  void aHistoryEntryFrMonitorDidNotWriteIsMalformed(String fields, String reason) {
    assertThatThrownBy(() -> StreamCodec.readHistory(parse(fields)))
        .isInstanceOf(StreamCodec.MalformedEntryException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "k=x|no time (t)",
        "t=1|no kind (k)",
        "t=1,k=|no kind (k)",
        "t=1,k=x,_=y|a field named \"_\"",
        "t=1.5,k=x|not epoch milliseconds"
      })
  void anEventEntryFrMonitorDidNotWriteIsMalformed(String fields, String reason) {
    assertThatThrownBy(() -> StreamCodec.readEvent(parse(fields)))
        .isInstanceOf(StreamCodec.MalformedEntryException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void aLongBadValueIsCutInTheReason() {
    String value = "x".repeat(1000);
    assertThatThrownBy(
            () -> StreamCodec.readHistory(Map.of("f", "system", "t", "1", "system.a", value)))
        .hasMessageContaining("x".repeat(40) + "...")
        .hasMessageNotContaining("x".repeat(41));
  }

  /** {@code a=b,c=d} (a value may be empty or start with a space). */
  private static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      out.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return out;
  }
}
