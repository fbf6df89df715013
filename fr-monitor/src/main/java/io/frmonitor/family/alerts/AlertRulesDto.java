package io.frmonitor.family.alerts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.registry.Latest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** {@code GET /alerts/rules}: every rule in force, its health and its instances. */
public record AlertRulesDto(@Nullable Long timestamp, @Nullable String reason, List<Rule> rules) {

  /** One rule. */
  public record Rule(
      String name,
      String severity,
      @JsonPropertyDescription("The condition as PromQL writes it") String expression,
      @JsonPropertyDescription("Seconds the condition must hold before it fires") double forSeconds,
      double keepFiringForSeconds,
      @JsonPropertyDescription("The threshold the value must come back past to resolve")
          @Nullable Double clear,
      @JsonPropertyDescription("What missing data means: keep_state, alerting or ok") String noData,
      Map<String, String> labels,
      Map<String, String> annotations,
      @JsonPropertyDescription("default (shipped) or the rules file it comes from") String source,
      @JsonPropertyDescription(
              "ok; no_data (its collector is stale); inactive (its metric is not observable on"
                  + " this deployment)")
          String health,
      @Nullable String reason,
      @Nullable Long lastEvaluation,
      @JsonPropertyDescription("Series its selector matched at the last evaluation") int series,
      List<AlertsDto.Alert> instances) {}

  /** The rules of the latest evaluation, or why there are none yet. */
  public static AlertRulesDto of(Optional<Latest<AlertsSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new AlertRulesDto(null, AlertsDto.NOT_EVALUATED, List.of());
    }
    AlertsSnapshot s = latest.get().value();
    List<Rule> rules =
        s.rules().stream()
            .map(
                r ->
                    rule(
                        r,
                        Ordering.bySeverityThenAge(s.alerts()).stream()
                            .filter(a -> a.rule().equals(r.name()))
                            .map(AlertsDto::alert)
                            .toList()))
            .toList();
    return new AlertRulesDto(s.evaluatedAt().toEpochMilli(), null, rules);
  }

  private static Rule rule(AlertsSnapshot.Rule r, List<AlertsDto.Alert> instances) {
    return new Rule(
        r.name(),
        r.severity(),
        r.expression(),
        seconds(r.forDuration()),
        seconds(r.keepFiringFor()),
        r.clear().isPresent() ? r.clear().getAsDouble() : null,
        r.noData(),
        new TreeMap<>(r.labels()),
        new TreeMap<>(r.annotations()),
        r.source(),
        r.health(),
        r.reason().orElse(null),
        r.lastEvaluation().toEpochMilli(),
        r.series(),
        instances);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
