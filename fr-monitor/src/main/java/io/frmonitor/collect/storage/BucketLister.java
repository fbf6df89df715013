package io.frmonitor.collect.storage;

import io.frmonitor.collect.Failures;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.schedule.NamedThreads;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Lists the configured buckets on its own thread, at most once per list interval: a listing of a
 * large bucket takes far longer than one poll may, so the poller only starts listings and reads the
 * last finished one.
 *
 * <p>Thread safety: {@link #startIfDue} and {@link #latest} are called from the poller's thread;
 * the listing runs on the lister's and hands over through a volatile field.
 */
final class BucketLister implements AutoCloseable {
  /**
   * A finished listing, how long it took, and what went wrong in it (null when nothing did).
   *
   * @param bucketNames all buckets visible, or null when they could not be listed
   */
  record Listing(
      Instant finishedAt,
      Duration took,
      @Nullable List<String> bucketNames,
      List<StorageSnapshot.Bucket> buckets,
      @Nullable String problem) {}

  private final S3Client s3;
  private final BucketScanner scanner;
  private final List<String> buckets;
  private final Duration interval;
  private final Clock clock;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(NamedThreads.daemon("fr-storage-lister"));
  private volatile @Nullable Listing latest;
  private @Nullable Future<?> running;
  private @Nullable Instant lastStart;

  BucketLister(
      S3Client s3, BucketScanner scanner, List<String> buckets, Duration interval, Clock clock) {
    this.s3 = s3;
    this.scanner = scanner;
    this.buckets = List.copyOf(buckets);
    this.interval = interval;
    this.clock = clock;
  }

  /** Starts a listing unless one is running or the last started less than an interval ago. */
  void startIfDue() {
    Instant now = clock.instant();
    boolean idle = running == null || running.isDone();
    if (idle && (lastStart == null || !now.isBefore(lastStart.plus(interval)))) {
      lastStart = now;
      running = thread.submit(this::listNow);
    }
  }

  /** The last finished listing, or null before the first. */
  @Nullable Listing latest() {
    return latest;
  }

  /** Lists every configured bucket once; visible to tests so they need not wait for the thread. */
  Listing listNow() throws InterruptedException {
    long start = System.nanoTime();
    List<String> problems = new ArrayList<>();
    List<String> names = bucketNames(problems);
    List<StorageSnapshot.Bucket> out = new ArrayList<>();
    for (String bucket : buckets) {
      out.add(scan(bucket, problems));
    }
    Listing listing =
        new Listing(
            clock.instant(),
            Duration.ofNanos(System.nanoTime() - start),
            names,
            out,
            problems.isEmpty() ? null : String.join("; ", problems));
    latest = listing;
    return listing;
  }

  /** All buckets visible, or null: a read-only policy may well not allow ListAllMyBuckets. */
  private @Nullable List<String> bucketNames(List<String> problems) throws InterruptedException {
    try {
      return s3.listBuckets();
    } catch (S3Exception e) {
      if (e.status() != 403) {
        problems.add(e.getMessage());
      }
      return null;
    } catch (IOException e) {
      problems.add("list buckets: " + Failures.describe(e));
      return null;
    }
  }

  private StorageSnapshot.Bucket scan(String bucket, List<String> problems)
      throws InterruptedException {
    try {
      return scanner.scan(bucket, clock.instant());
    } catch (S3Exception e) {
      problems.add(e.getMessage());
      return failed(bucket, e.code().isEmpty() ? "HTTP " + e.status() : e.code());
    } catch (IOException e) {
      problems.add("list " + bucket + ": " + Failures.describe(e));
      return failed(bucket, Failures.describe(e));
    }
  }

  private static StorageSnapshot.Bucket failed(String bucket, String error) {
    return StorageSnapshot.Bucket.failed(bucket, error);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
