package io.frmonitor.collect.storage;

import java.time.Instant;

/** One object of a listing: its key, size in bytes and last-modified time. */
record S3Object(String key, long size, Instant lastModified) {}
