package io.frmonitor.config;

/** Limits on the payloads fr-monitor decodes (Redis values, RabbitMQ messages). */
public record PayloadSettings(int maxBytes, int maxDepth) {}
