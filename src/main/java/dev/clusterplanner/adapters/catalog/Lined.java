package dev.clusterplanner.adapters.catalog;

/** A value read from a file and the line it starts on. */
record Lined<T>(T value, int line) {
}
