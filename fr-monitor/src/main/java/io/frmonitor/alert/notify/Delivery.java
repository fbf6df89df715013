package io.frmonitor.alert.notify;

import io.frmonitor.model.AlertsSnapshot;
import java.time.Clock;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one notifier's messages to its endpoint: a bounded queue and one daemon thread ({@code
 * fr-notify-<n>}) that posts them in order, retrying with exponential backoff.
 *
 * <p>A full queue drops its oldest message; a message whose attempts are used up, or that the
 * receiver rejects (4xx other than 429), is dropped too; both are counted {@code dropped}, every
 * failed attempt {@code failed}. Health is logged when it changes, not at every attempt.
 *
 * <p>Thread safety: {@link #offer}, {@link #status} and {@link #close} may be called from any
 * thread; {@link #offer} never blocks.
 */
final class Delivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String name;
  private final String kind;
  private final HttpSender sender;
  private final DeliveryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final LinkedBlockingDeque<Message> queue;
  private final DeliveryStats stats = new DeliveryStats();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;

  /** One message to deliver: its JSON and what it says, for logs. */
  record Message(String what, String json) {}

  private Delivery(
      String name,
      String kind,
      Endpoint endpoint,
      DeliveryPolicy policy,
      Clock clock,
      Sleeper sleeper) {
    this.name = name;
    this.kind = kind;
    this.sender = new HttpSender(endpoint, policy);
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.queue = new LinkedBlockingDeque<>(policy.capacity());
    this.thread = new Thread(this::run, "fr-notify-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
  }

  /** A delivery with its thread started. */
  static Delivery start(
      String name,
      String kind,
      Endpoint endpoint,
      DeliveryPolicy policy,
      Clock clock,
      Sleeper sleeper) {
    Delivery d = new Delivery(name, kind, endpoint, policy, clock, sleeper);
    d.thread.start();
    return d;
  }

  /** Queues {@code message}, dropping the oldest waiting one if the queue is full. */
  void offer(Message message) {
    if (closed.get()) {
      return;
    }
    while (!queue.offerLast(message)) {
      Message oldest = queue.pollFirst();
      if (oldest != null) {
        stats.dropped();
        LOG.debug("notifier {}: queue full, dropped {}", name, oldest.what());
      }
    }
  }

  AlertsSnapshot.Notifier status() {
    return stats.snapshot(name, kind, queue.size());
  }

  /** The name of the thread that delivers, e.g. {@code fr-notify-3}. */
  String threadName() {
    return thread.getName();
  }

  /** Interrupts the thread (an attempt in flight is cancelled) and waits a moment for it. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    thread.interrupt();
    queue.clear();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (!closed.get()) {
        Message message = queue.takeFirst();
        try {
          deliver(message);
        } catch (RuntimeException e) {
          stats.failed(e.toString());
          stats.dropped();
          LOG.error("notifier {}: delivering {} failed unexpectedly", name, message.what(), e);
        }
      }
    } catch (InterruptedException e) {
      LOG.debug("notifier {} stopped", name);
    }
  }

  private void deliver(Message message) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpSender.Attempt a = sender.post(message.json());
      if (a.result() == HttpSender.Attempt.Result.SENT) {
        if (stats.sent(clock.instant())) {
          LOG.info("notifier {} delivers again", name);
        }
        return;
      }
      if (stats.failed(a.error())) {
        LOG.warn("notifier {} degraded: {}", name, a.error());
      }
      if (a.result() == HttpSender.Attempt.Result.GIVE_UP || attempt >= policy.maxAttempts()) {
        stats.dropped();
        LOG.warn(
            "notifier {}: dropped {} after {} attempt(s), not retried further: {}",
            name,
            message.what(),
            attempt,
            a.error());
        return;
      }
      LOG.debug("notifier {}: attempt {} failed: {}", name, attempt, a.error());
      sleeper.sleep(policy.backoff(attempt));
    }
  }
}
