package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.StorageUsage;
import io.frmonitor.testing.Fixtures;
import org.junit.jupiter.api.Test;

class MinioMetricsTextTest {
  private static StorageUsage read(String... fixtures) {
    MinioMetricsText text = new MinioMetricsText();
    for (String f : fixtures) {
      text.read(Fixtures.text("minio/" + f));
    }
    return text.usage();
  }

  @Test
  void capacityFromTheClusterEndpointAndUsageFromTheBucketEndpoint() {
    StorageUsage u = read("metrics-v2-cluster.prom", "metrics-v2-bucket.prom");

    assertThat(u.usableTotalBytes()).hasValue(250_053_931_008L);
    assertThat(u.usableFreeBytes()).hasValue(199_926_929_408L);
    assertThat(u.buckets())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("archive", new StorageUsage.BucketUsage(0, 0)),
            org.assertj.core.api.Assertions.entry(
                "face-frames", new StorageUsage.BucketUsage(1310, 52_837_376)));
  }

  @Test
  void anOlderServerKeepsBucketUsageInTheClusterEndpoint() {
    StorageUsage u = read("metrics-v2-cluster-legacy.prom");

    assertThat(u.usableTotalBytes()).hasValue(100_000_000_000L);
    assertThat(u.buckets().get("face-frames"))
        .isEqualTo(new StorageUsage.BucketUsage(7, 1_048_576));
  }

  @Test
  void theClusterEndpointAloneHasNoBuckets() {
    MinioMetricsText text =
        new MinioMetricsText().read(Fixtures.text("minio/metrics-v2-cluster.prom"));

    assertThat(text.found()).isTrue();
    assertThat(text.usage().buckets()).isEmpty();
  }

  @Test
  void malformedAndForeignLinesAreSkipped() {
    MinioMetricsText text =
        new MinioMetricsText()
            .read(
                """
                minio_bucket_usage_total_bytes
                minio_bucket_usage_total_bytes{bucket="x"
                minio_bucket_usage_total_bytes{bucket="x"} not-a-number
                minio_bucket_usage_total_bytes{bucket="x"} NaN
                minio_bucket_usage_total_bytes{bucket="x"} -1
                minio_bucket_usage_total_bytes{server="s"} 12
                minio_bucket_usage_object_total{bucket="x"} 3
                minio_bucket_usage_total_bytes_other{bucket="x"} 5
                other_metric{bucket="x"} 5
                """);

    // the object count parsed, but no usable byte figure did: the bucket is left out
    assertThat(text.found()).isTrue();
    assertThat(text.usage().buckets()).isEmpty();
  }

  @Test
  void labelValuesWithEscapesAndTimestampsAreRead() {
    StorageUsage u =
        new MinioMetricsText()
            .read(
                """
                minio_bucket_usage_total_bytes{server="a \\"}\\" b",bucket="we\\\\ird"} 2e+03 1700000000000
                minio_bucket_usage_object_total{bucket="we\\\\ird"} 4
                minio_cluster_capacity_usable_free_bytes 7
                """)
            .usage();

    assertThat(u.buckets()).containsKey("we\\ird");
    assertThat(u.buckets().get("we\\ird")).isEqualTo(new StorageUsage.BucketUsage(4, 2000));
    assertThat(u.usableFreeBytes()).hasValue(7);
    assertThat(u.usableTotalBytes()).isEmpty();
  }

  @Test
  void nothingWantedIsNotFound() {
    assertThat(new MinioMetricsText().read("# HELP x\nup 1\n").found()).isFalse();
  }
}
