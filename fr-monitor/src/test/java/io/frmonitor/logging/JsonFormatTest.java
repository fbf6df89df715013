package io.frmonitor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class JsonFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-11-29T23:59:41.120Z");
  private final JsonFormat format = new JsonFormat();

  private JsonNode parse(LogEvent e) throws IOException {
    String line = format.format(e);
    assertThat(line).endsWith("}\n");
    assertThat(line.indexOf('\n')).as("one line").isEqualTo(line.length() - 1);
    return JSON.readTree(line);
  }

  @Test
  void writesTheStandardFieldsWithUtcMillisecondTime() throws IOException {
    JsonNode n = parse(LogEvent.of(T, Level.WARN, "io.frmonitor.app.Cli", "hello"));
    assertThat(n.get("time").asText()).isEqualTo("2026-11-29T23:59:41.120Z");
    assertThat(n.get("level").asText()).isEqualTo("WARN");
    assertThat(n.get("logger").asText()).isEqualTo("io.frmonitor.app.Cli");
    assertThat(n.get("thread").asText()).isEqualTo("main");
    assertThat(n.get("message").asText()).isEqualTo("hello");
    assertThat(n.has("error")).isFalse();
    assertThat(n.has("collector")).isFalse();
  }

  @Test
  void escapesQuotesBackslashesControlCharactersAndLoneSurrogates() throws IOException {
    String nasty =
        "quote \" backslash \\ newline \n return \r tab \t nul \u0000 bell \u0007 esc \u001b"
            + " del \u007f ls \u2028 ps \u2029 é ü 日本 emoji \uD83D\uDE00 lone \uD800 end";
    String line = format.format(LogEvent.of(T, Level.INFO, "x", nasty));
    assertThat(line.substring(0, line.length() - 1))
        .doesNotContain("\n", "\r", "\t", "\u0000", "\u0007", "\u2028", "\uD800 ");
    JsonNode n = JSON.readTree(line);
    assertThat(n.get("message").asText()).isEqualTo(nasty);
  }

  @Test
  void keepsNonAsciiCharactersAsTheyAreForUtf8() {
    String line = format.format(LogEvent.of(T, Level.INFO, "x", "é 日本 \uD83D\uDE00"));
    assertThat(line).contains("\"message\":\"é 日本 \uD83D\uDE00\"");
  }

  @Test
  void anExceptionIsAnErrorObjectWithTypeMessageAndStackTrace() throws IOException {
    Exception cause = new ConnectException("Connection refused");
    Exception e = new IOException("redis at 127.0.0.1:1 \"unreachable\"", cause);
    JsonNode n = parse(LogEvent.of(T, Level.ERROR, "x", "failed").withError(e));
    JsonNode error = n.get("error");
    assertThat(error.get("type").asText()).isEqualTo("java.io.IOException");
    assertThat(error.get("message").asText()).isEqualTo("redis at 127.0.0.1:1 \"unreachable\"");
    String trace = error.get("stack_trace").asText();
    assertThat(trace)
        .startsWith("java.io.IOException: redis at 127.0.0.1:1 \"unreachable\"\n\tat ")
        .contains("JsonFormatTest.anExceptionIsAnErrorObjectWithTypeMessageAndStackTrace")
        .contains("Caused by: java.net.ConnectException: Connection refused")
        .doesNotEndWith("\n");
  }

  @Test
  void anExceptionWithoutMessageHasNoMessageField() throws IOException {
    JsonNode n = parse(LogEvent.of(T, Level.ERROR, "x", "failed").withError(new Exception()));
    assertThat(n.get("error").get("type").asText()).isEqualTo("java.lang.Exception");
    assertThat(n.get("error").has("message")).isFalse();
  }

  @Test
  void theDiagnosticContextBecomesFieldsButNeverReplacesAStandardOne() throws IOException {
    LogEvent e =
        LogEvent.of(T, Level.INFO, "x", "polled")
            .withContext(Map.of("collector", "redis", "message", "spoof", "request\"id", "7"));
    JsonNode n = parse(e);
    assertThat(n.get("collector").asText()).isEqualTo("redis");
    assertThat(n.get("request\"id").asText()).isEqualTo("7");
    assertThat(n.get("message").asText()).isEqualTo("polled");
    assertThat(format.format(e)).containsOnlyOnce("\"message\"");
  }
}
