package io.frmonitor.config;

/** Where the HTTP server listens. */
public record HttpSettings(String host, int port) {}
