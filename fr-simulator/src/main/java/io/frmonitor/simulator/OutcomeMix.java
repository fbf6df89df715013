package io.frmonitor.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How face results turn out (weights of pass, no face, spoof, wrong user) and the share of frames
 * with a phone in them.
 */
record OutcomeMix(double pass, double noFace, double spoof, double wrongUser, double phone) {
  static final String DEFAULT = "pass=85,no_face=5,spoof=3,wrong_user=7,phone=5";

  /** The verdict a face worker reaches. */
  enum Face {
    PASS,
    NO_FACE,
    SPOOF,
    WRONG_USER
  }

  static OutcomeMix parse(String text) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      String[] kv = part.trim().split("=", -1);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--outcomes: expected name=weight pairs, got " + text);
      }
      try {
        w.put(kv[0], Double.parseDouble(kv[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--outcomes: " + kv[1] + " is not a number", e);
      }
    }
    OutcomeMix mix =
        new OutcomeMix(
            w.getOrDefault("pass", 0.0),
            w.getOrDefault("no_face", 0.0),
            w.getOrDefault("spoof", 0.0),
            w.getOrDefault("wrong_user", 0.0),
            w.getOrDefault("phone", 0.0) / 100);
    w.keySet().removeAll(Set.of("pass", "no_face", "spoof", "wrong_user", "phone"));
    if (!w.isEmpty() || mix.faceTotal() <= 0 || mix.phone > 1) {
      throw new IllegalArgumentException(
          "--outcomes: weights of pass, no_face, spoof, wrong_user (some > 0) and phone (0-100)");
    }
    return mix;
  }

  private double faceTotal() {
    return pass + noFace + spoof + wrongUser;
  }

  Face face(RandomGenerator random) {
    double r = random.nextDouble() * faceTotal();
    if ((r -= pass) < 0) {
      return Face.PASS;
    }
    if ((r -= noFace) < 0) {
      return Face.NO_FACE;
    }
    return r - spoof < 0 ? Face.SPOOF : Face.WRONG_USER;
  }

  boolean phoneSeen(RandomGenerator random) {
    return random.nextDouble() < phone;
  }
}
