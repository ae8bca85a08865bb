package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;

/**
 * How many hosts of one hardware a site needs, with why; or that it cannot fit ({@code hosts == 0},
 * {@code reason} says what does not fit).
 */
public record SizedHosts(int hosts, Explanation explanation, String reason) {

    public static SizedHosts of(int hosts, Explanation why) {
        return new SizedHosts(hosts, why, "");
    }

    public static SizedHosts cannotFit(String reason) {
        return new SizedHosts(0, null, reason);
    }

    public boolean fits() {
        return hosts > 0;
    }
}
