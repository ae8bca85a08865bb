package dev.clusterplanner.core.usage;

import java.time.Instant;

/** A stretch of a watch with no figures for a member (it did not answer) or for the whole watch (it was interrupted). */
public record UsageGap(String who, Instant from, Instant to, String reason) {
}
