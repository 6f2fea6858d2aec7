package dev.carrier.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One server of the cluster as {@code carrier status} and {@code /health} show it.
 *
 * @param startedAt     ISO-8601 UTC
 * @param lastBeatSeconds how long ago its last beat was heard here; 0 for the server answering
 */
public record ServerState(String name, String version, @JsonProperty("started_at") String startedAt, int callers,
        @JsonProperty("last_beat_s") long lastBeatSeconds, boolean linked) {}
