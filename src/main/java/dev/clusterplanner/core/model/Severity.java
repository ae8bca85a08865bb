package dev.clusterplanner.core.model;

/** How much a finding matters. Ordered: INFO &lt; WARNING &lt; ERROR. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
