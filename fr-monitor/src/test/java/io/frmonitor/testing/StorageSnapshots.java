package io.frmonitor.testing;

import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.model.StorageUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Storage snapshots for the API and export tests. */
public final class StorageSnapshots {
  private StorageSnapshots() {}

  /**
   * A MinIO without write quorum; {@code face-frames} listed at {@code listedAt} (3 frames, the
   * oldest 15 minutes before, 2 orphaned; no actions), {@code archive} missing.
   */
  public static StorageSnapshot sample(Instant listedAt) {
    return sample(
        listedAt,
        Optional.empty(),
        Optional.of("MinIO metrics /minio/v2/metrics/cluster: HTTP 403"));
  }

  /**
   * {@link #sample} with MinIO's metrics read: 100 GB usable, 40 GB free; {@code face-frames} holds
   * 1,310 objects and 52,837,376 bytes in all, and another bucket {@code exports} 5 objects.
   */
  public static StorageSnapshot withUsage(Instant listedAt) {
    return sample(
        listedAt,
        Optional.of(
            new StorageUsage(
                OptionalLong.of(100_000_000_000L),
                OptionalLong.of(40_000_000_000L),
                Map.of(
                    "face-frames",
                    new StorageUsage.BucketUsage(1310, 52_837_376),
                    "exports",
                    new StorageUsage.BucketUsage(5, 5000)))),
        Optional.empty());
  }

  private static StorageSnapshot sample(
      Instant listedAt, Optional<StorageUsage> usage, Optional<String> usageUnavailable) {
    return new StorageSnapshot(
        "minio:9000",
        true,
        Optional.of(true),
        Optional.of(true),
        Optional.of(false),
        12.5,
        Optional.of(listedAt),
        OptionalDouble.of(840.0),
        Optional.of(List.of("face-frames")),
        List.of(
            new StorageSnapshot.Bucket(
                "face-frames",
                Map.of(
                    "frames/",
                    new StorageSnapshot.Prefix(3, 3000, Optional.of(listedAt.minusSeconds(900))),
                    "actions/",
                    StorageSnapshot.Prefix.EMPTY),
                2,
                false,
                Optional.empty()),
            StorageSnapshot.Bucket.failed("archive", "NoSuchBucket")),
        usage,
        usageUnavailable);
  }
}
