package io.frmonitor.state.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue between many producers that must never wait and one consumer: when full, an offer
 * drops the oldest item and counts it. Once closed it takes nothing more, and wakes the consumer.
 *
 * <p>Thread safety: safe for concurrent use; the lock is held only to move items, never while the
 * consumer works.
 */
final class DropOldestQueue<T> {
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private long dropped;
  private boolean closed;

  DropOldestQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds {@code item}, dropping the oldest when full; nothing once closed. Never waits. */
  void offer(T item) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (items.size() >= capacity) {
        items.removeFirst();
        dropped++;
      }
      items.addLast(item);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Up to {@code max} items, oldest first, without waiting. */
  List<T> take(int max) {
    lock.lock();
    try {
      List<T> out = new ArrayList<>(Math.min(Math.max(max, 0), items.size()));
      while (out.size() < max && !items.isEmpty()) {
        out.add(items.removeFirst());
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits {@code delayMs} (a pause after a failure), then — unless the consumer has work of its own
   * ({@code busy}) — until an item is there.
   *
   * @return false once the queue is closed (or the thread interrupted): the consumer should finish
   */
  boolean await(long delayMs, boolean busy) {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(delayMs);
      while (!closed && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      while (!closed && !busy && items.isEmpty()) {
        changed.await();
      }
      return !closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Takes nothing more and wakes the consumer; what is queued stays to be taken. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }

  /** Items dropped because the queue was full. */
  long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }
}
