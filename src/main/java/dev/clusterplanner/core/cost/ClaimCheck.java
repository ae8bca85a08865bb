package dev.clusterplanner.core.cost;

/**
 * A claim of the chuck-stack Incus guide (https://www.chuck-stack.org/) checked against the catalog's numbers: the ratio found, whether it bears the claim
 * out ({@code null} when it cannot be checked), and a sentence saying so.
 */
public record ClaimCheck(String claim, String site, Double ratio, Boolean holds, String text) {
}
