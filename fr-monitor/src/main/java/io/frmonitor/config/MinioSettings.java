package io.frmonitor.config;

/** The fr-server's MinIO (read-only credentials). */
public record MinioSettings(String endpoint, Secret accessKey, Secret secretKey, boolean secure) {}
