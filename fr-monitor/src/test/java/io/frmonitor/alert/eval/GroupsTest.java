package io.frmonitor.alert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The aggregations, on the cases where PromQL's answer is easy to get wrong. */
class GroupsTest {
  private static double[] b(double le, double count) {
    return new double[] {le, count};
  }

  @Test
  void bucketQuantileInterpolatesWithinTheBucketOfTheRank() {
    List<double[]> buckets =
        List.of(b(0.5, 10), b(1, 20), b(2.5, 50), b(5, 100), b(Double.POSITIVE_INFINITY, 100));
    // rank 95 in (2.5, 5]: 2.5 + 2.5 × (95 - 50) / 50
    assertThat(Groups.bucketQuantile(0.95, buckets)).isEqualTo(4.75);
    // rank 5 in the first bucket, from 0
    assertThat(Groups.bucketQuantile(0.05, buckets)).isEqualTo(0.25);
  }

  @Test
  void bucketQuantileFollowsPrometheusAtTheEdges() {
    assertThat(Groups.bucketQuantile(0.5, List.of(b(1, 3), b(2, 4)))).as("no +Inf bucket").isNaN();
    assertThat(Groups.bucketQuantile(0.5, List.of(b(1, 0), b(Double.POSITIVE_INFINITY, 0))))
        .as("no observation")
        .isNaN();
    assertThat(
            Groups.bucketQuantile(0.99, List.of(b(1, 1), b(2, 2), b(Double.POSITIVE_INFINITY, 10))))
        .as("in the +Inf bucket: the highest finite bound")
        .isEqualTo(2);
    assertThat(
            Groups.bucketQuantile(0.5, List.of(b(Double.POSITIVE_INFINITY, 10), b(2, 5), b(1, 8))))
        .as("sorted, then counts made monotonic: 1 → 8, 2 → 8")
        .isEqualTo(0.625);
    assertThat(Groups.bucketQuantile(-1, List.of())).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Groups.bucketQuantile(2, List.of())).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void sumByDropsOtherLabelsAndARatioKeepsTheGroupsBothSidesHave() {
    Map<Map<String, String>, OptionalDouble> errors = new LinkedHashMap<>();
    errors.put(Map.of("pipeline", "face", "outcome", "processing_error"), OptionalDouble.of(2));
    Map<Map<String, String>, OptionalDouble> all = new LinkedHashMap<>();
    all.put(Map.of("pipeline", "face", "outcome", "pass"), OptionalDouble.of(6));
    all.put(Map.of("pipeline", "face", "outcome", "processing_error"), OptionalDouble.of(2));
    all.put(Map.of("pipeline", "phone", "outcome", "pass"), OptionalDouble.of(5));
    all.put(Map.of("pipeline", "phone", "outcome", "no_face"), OptionalDouble.empty());

    assertThat(Groups.sum(all, List.of("pipeline")))
        .containsExactly(
            Map.entry(Map.of("pipeline", "face"), OptionalDouble.of(8)),
            Map.entry(Map.of("pipeline", "phone"), OptionalDouble.of(5)));
    assertThat(
            Groups.ratio(
                Groups.sum(errors, List.of("pipeline")), Groups.sum(all, List.of("pipeline"))))
        .containsExactly(Map.entry(Map.of("pipeline", "face"), OptionalDouble.of(0.25)));
    assertThat(Groups.sum(Map.of(Map.of("pipeline", "x"), OptionalDouble.empty()), List.of()))
        .as("a group without any value has no verdict")
        .containsExactly(Map.entry(Map.of(), OptionalDouble.empty()));
  }
}
