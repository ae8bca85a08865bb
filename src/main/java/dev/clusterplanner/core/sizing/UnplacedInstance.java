package dev.clusterplanner.core.sizing;

/**
 * An instance the option could not place, with the rule that stopped it and a plain reason,
 * e.g. rule {@code capacity.gpu}, reason "needs 2 GPUs; desktop-thelio has 1".
 */
public record UnplacedInstance(String instance, String workload, String rule, String reason) {
}
