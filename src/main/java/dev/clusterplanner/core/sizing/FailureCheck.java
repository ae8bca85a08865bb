package dev.clusterplanner.core.sizing;

/**
 * How an option's tolerance of {@code failuresTolerated} host failures was checked.
 *
 * @param method       "none" (k = 0), "enumerated" (every set of k failed hosts evacuated) or
 *                     "bound" (the sound slot bound for large clusters, see docs/user/sizing.md)
 * @param setsChecked  failure sets evacuated (0 for "none" and "bound")
 * @param holds        every instance has a host after the loss of any k hosts
 * @param summary      one sentence, e.g. "every one of the 3 single-host failures heals"
 */
public record FailureCheck(int failuresTolerated, String method, long setsChecked, boolean holds, String summary) {
}
