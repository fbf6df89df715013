package io.frmonitor.config;

/** The fr-server's Redis (read-only). */
public record RedisSettings(String host, int port, int database) {}
