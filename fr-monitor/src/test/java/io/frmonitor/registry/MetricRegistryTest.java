package io.frmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {
  /** A snapshot whose history points are given with it. */
  private record Reading(String name, Map<String, Double> points) {
    static Reading of(String name) {
      return new Reading(name, Map.of());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Family<Reading> FAM = new Family<>("fam", Reading.class);
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry =
      new MetricRegistry(clock, Duration.ofMinutes(1), 12, 3, 5, Duration.ofSeconds(15));

  MetricRegistryTest() {
    registry.defineSeries(FAM, Reading::points);
  }

  @Test
  void hasNoValueBeforeTheFirstPublication() {
    assertThat(registry.latest(FAM)).isEmpty();
  }

  @Test
  void latestCarriesCollectionTimeAndFreshness() {
    registry.publish(FAM, new Reading("v1", Map.of("fam.a", 1.0)));
    Latest<Reading> l = registry.latest(FAM).orElseThrow();
    assertThat(l.value().name()).isEqualTo("v1");
    assertThat(l.collectedAt()).isEqualTo(clock.instant());
    assertThat(l.stale()).isFalse();
  }

  @Test
  void markStaleKeepsTheLastRealValue() {
    registry.publish(FAM, Reading.of("v1"));
    registry.markStale(FAM);
    Latest<Reading> l = registry.latest(FAM).orElseThrow();
    assertThat(l.stale()).isTrue();
    assertThat(l.value().name()).isEqualTo("v1");

    registry.publish(FAM, Reading.of("v2"));
    assertThat(registry.latest(FAM).orElseThrow().stale()).isFalse();
  }

  @Test
  void valueOlderThanTheLimitIsStaleEvenIfNobodySaidSo() {
    registry.publish(FAM, Reading.of("v1"));
    clock.advance(Duration.ofSeconds(16));
    assertThat(registry.latest(FAM).orElseThrow().stale()).isTrue();
  }

  @Test
  void capsTheNumberOfSeriesAndCountsRefusals() {
    registry.publish(FAM, new Reading("v", Map.of("fam.a", 1.0, "fam.b", 2.0, "fam.c", 3.0)));
    registry.publish(FAM, new Reading("v", Map.of("fam.d", 4.0, "fam.a", 5.0)));
    assertThat(registry.allSeries()).containsOnlyKeys("fam.a", "fam.b", "fam.c");
    assertThat(registry.droppedSeries()).isEqualTo(1);
    assertThat(registry.series("fam.a").orElseThrow().size()).isEqualTo(2);
  }

  @Test
  void refusesSeriesOfAnotherFamily() {
    assertThatThrownBy(() -> registry.publish(FAM, new Reading("v", Map.of("other.x", 1.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other.x");
  }

  @Test
  void notifiesListenersAfterEachWriteAndSurvivesAFailingOne() {
    List<String> seen = new ArrayList<>();
    registry.addListener(
        new RegistryListener() {
          @Override
          public void onSnapshot(Family<?> family, Latest<?> latest) {
            throw new IllegalStateException("listener bug");
          }
        });
    registry.addListener(
        new RegistryListener() {
          @Override
          public void onSnapshot(Family<?> family, Latest<?> latest) {
            seen.add(family.name() + "=" + latest.value() + (latest.stale() ? " stale" : ""));
          }

          @Override
          public void onEvent(Event event) {
            seen.add("event " + event.kind());
          }

          @Override
          public void onStatus(CollectorStatus status) {
            seen.add("status " + status.name());
          }
        });
    registry.publish(FAM, Reading.of("v1"));
    registry.markStale(FAM);
    registry.appendEvent(new Event(Instant.EPOCH, "k", Map.of()));
    registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "none"));

    assertThat(seen).containsExactly("fam=v1", "fam=v1 stale", "event k", "status gpu");
  }

  @Test
  void familySeriesSelectsByPrefix() {
    Family<Reading> other = new Family<>("famous", Reading.class);
    registry.defineSeries(other, Reading::points);
    registry.publish(FAM, new Reading("v", Map.of("fam.a", 1.0)));
    registry.publish(other, new Reading("v", Map.of("famous.b", 1.0)));
    assertThat(registry.familySeries(FAM)).containsOnlyKeys("fam.a");
  }

  @Test
  void aFamilyWithoutSeriesKeepsOnlyItsLatestSnapshot() {
    Family<Reading> quiet = new Family<>("quiet", Reading.class);
    registry.publish(quiet, new Reading("v", Map.of("quiet.a", 1.0)));
    assertThat(registry.latest(quiet)).isPresent();
    assertThat(registry.allSeries()).isEmpty();
  }

  @Test
  void theStatusesOfAFamilyAreThoseOfTheCollectorsThatPublishIt() {
    registry.updateStatus(CollectorStatus.disabled("b", List.of("fam", "other"), "off"));
    registry.updateStatus(CollectorStatus.disabled("a", List.of("fam"), "off"));
    registry.updateStatus(CollectorStatus.disabled("c", List.of("famous"), "off"));
    assertThat(registry.statusesOf(FAM))
        .extracting(CollectorStatus::name)
        .containsExactly("a", "b");
  }
}
