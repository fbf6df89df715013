package io.frmonitor.state;

import io.frmonitor.registry.TrendRing;
import java.util.Arrays;

/**
 * One series' one-minute trend: epoch minutes, oldest first, each with its min, average and max.
 * Immutable: the arrays are copied in and never handed out.
 */
public final class TrendHistory {
  private final String name;
  private final int[] minutes;
  private final float[] mins;
  private final float[] avgs;
  private final float[] maxs;

  public TrendHistory(String name, int[] minutes, float[] mins, float[] avgs, float[] maxs) {
    if (mins.length != minutes.length
        || avgs.length != minutes.length
        || maxs.length != minutes.length) {
      throw new IllegalArgumentException(name + ": arrays of different lengths");
    }
    this.name = name;
    this.minutes = minutes.clone();
    this.mins = mins.clone();
    this.avgs = avgs.clone();
    this.maxs = maxs.clone();
  }

  /** A trend ring's minutes. */
  static TrendHistory of(String name, TrendRing.TrendPoints p) {
    int n = p.size();
    int[] minutes = new int[n];
    float[] mins = new float[n];
    float[] avgs = new float[n];
    float[] maxs = new float[n];
    for (int i = 0; i < n; i++) {
      minutes[i] = p.minute(i);
      mins[i] = p.min(i);
      avgs[i] = p.avg(i);
      maxs[i] = p.max(i);
    }
    return new TrendHistory(name, minutes, mins, avgs, maxs);
  }

  public String name() {
    return name;
  }

  public int size() {
    return minutes.length;
  }

  public int minute(int i) {
    return minutes[i];
  }

  public float min(int i) {
    return mins[i];
  }

  public float avg(int i) {
    return avgs[i];
  }

  public float max(int i) {
    return maxs[i];
  }

  int[] minutes() {
    return minutes.clone();
  }

  float[] mins() {
    return mins.clone();
  }

  float[] avgs() {
    return avgs.clone();
  }

  float[] maxs() {
    return maxs.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrendHistory t
        && name.equals(t.name)
        && Arrays.equals(minutes, t.minutes)
        && Arrays.equals(mins, t.mins)
        && Arrays.equals(avgs, t.avgs)
        && Arrays.equals(maxs, t.maxs);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(minutes);
  }

  @Override
  public String toString() {
    return "TrendHistory[" + name + ", " + minutes.length + " minutes]";
  }
}
