package io.frmonitor.model;

import java.time.Instant;

/**
 * Where the history before this process's start came from: restored at {@code restoredAt} from
 * {@code source} (e.g. the state file's path), holding points up to {@code upTo}. Between {@code
 * upTo} and the first collection after {@code restoredAt}, nothing was collected: a gap.
 */
public record Provenance(String source, Instant restoredAt, Instant upTo) {}
