package io.frmonitor.testing;

import io.frmonitor.model.StorageSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Storage snapshots for the API and export tests. */
public final class StorageSnapshots {
  private StorageSnapshots() {}

  /**
   * A MinIO without write quorum; {@code face-frames} listed at {@code listedAt} (3 frames, the
   * oldest 15 minutes before, 2 orphaned; no actions), {@code archive} missing.
   */
  public static StorageSnapshot sample(Instant listedAt) {
    return new StorageSnapshot(
        "minio:9000",
        true,
        true,
        true,
        false,
        12.5,
        listedAt,
        840.0,
        List.of("face-frames"),
        List.of(
            new StorageSnapshot.Bucket(
                "face-frames",
                Map.of(
                    "frames/",
                    new StorageSnapshot.Prefix(3, 3000, listedAt.minusSeconds(900)),
                    "actions/",
                    new StorageSnapshot.Prefix(0, 0, null)),
                2,
                false,
                null),
            new StorageSnapshot.Bucket("archive", Map.of(), 0, false, "NoSuchBucket")));
  }
}
