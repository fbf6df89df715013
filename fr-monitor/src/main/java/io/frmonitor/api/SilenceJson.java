package io.frmonitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.rule.LabelMatcher;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Silences in Alertmanager's API v2 JSON, so that its tools and habits carry over: {@code matchers}
 * of {@code {name, value, isRegex, isEqual}}, {@code startsAt}, {@code endsAt}, {@code createdBy},
 * {@code comment}; listed with {@code id} and {@code status.state}.
 */
final class SilenceJson {
  private SilenceJson() {}

  /** A silence as posted. */
  record Request(
      List<LabelMatcher> matchers,
      Optional<Instant> startsAt,
      Instant endsAt,
      String createdBy,
      String comment) {}

  /**
   * Reads a posted silence.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  static Request parse(JsonNode body) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    JsonNode matchers = body.path("matchers");
    if (!matchers.isArray()) {
      throw new IllegalArgumentException("matchers: a list of {name, value, isRegex, isEqual}");
    }
    List<LabelMatcher> out = new ArrayList<>();
    for (JsonNode m : matchers) {
      out.add(matcher(m));
    }
    JsonNode start = body.path("startsAt");
    return new Request(
        out,
        start.isMissingNode() || start.isNull()
            ? Optional.empty()
            : Optional.of(time(body, "startsAt")),
        time(body, "endsAt"),
        text(body, "createdBy"),
        text(body, "comment"));
  }

  private static LabelMatcher matcher(JsonNode m) {
    String name = m.path("name").asText("");
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("matchers: name must be a label name, got '" + name + "'");
    }
    if (!m.path("value").isTextual()) {
      throw new IllegalArgumentException("matchers: " + name + ": value must be a string");
    }
    boolean regex = m.path("isRegex").asBoolean(false);
    boolean equal = m.path("isEqual").asBoolean(true);
    LabelMatcher.Op op =
        regex
            ? equal ? LabelMatcher.Op.RE : LabelMatcher.Op.NRE
            : equal ? LabelMatcher.Op.EQ : LabelMatcher.Op.NE;
    return LabelMatcher.of(name, op, m.path("value").asText());
  }

  private static Instant time(JsonNode body, String field) {
    String value = body.path(field).asText("");
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + ": an RFC 3339 time such as 2026-11-29T18:00:00Z, got '" + value + "'");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.path(field);
    if (!n.isTextual()) {
      throw new IllegalArgumentException(field + ": a string");
    }
    return n.asText();
  }

  /** A silence as listed. */
  static Map<String, Object> render(Silences.Silence s, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("status", Map.of("state", s.state(now)));
    m.put(
        "matchers",
        s.matchers().stream()
            .map(
                x ->
                    Map.of(
                        "name",
                        x.label(),
                        "value",
                        x.value(),
                        "isRegex",
                        x.op() == LabelMatcher.Op.RE || x.op() == LabelMatcher.Op.NRE,
                        "isEqual",
                        x.op() == LabelMatcher.Op.EQ || x.op() == LabelMatcher.Op.RE))
            .toList());
    m.put("startsAt", s.startsAt().toString());
    m.put("endsAt", s.endsAt().toString());
    m.put("createdBy", s.createdBy());
    m.put("comment", s.comment());
    return m;
  }
}
