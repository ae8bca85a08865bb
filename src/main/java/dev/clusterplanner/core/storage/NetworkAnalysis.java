package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;

import java.util.List;

/**
 * What the plan asks of each host's network, and how long the cluster is at risk after a failure.
 * Hours are {@code NaN} when they cannot be known (no Ceph, NIC speed unknown).
 *
 * @param replicationGbps        steady Ceph replication traffic each host sends on the cluster network
 * @param portLoadGbps           steady traffic on the busiest port (replication, plus client traffic when there is one port)
 * @param nicGbps                the hardware's port speed
 * @param nicGbpsRequired        the standard port speed this plan needs (for Ceph at least the documented 10 Gb/s)
 * @param recoveryHoursDiskLoss  time to re-create one lost disk's data
 * @param recoveryHoursHostLoss  time to re-create one lost host's data (onto the survivors, or onto its replacement
 *                               when the survivors cannot take it)
 * @param recoveryHoursHostLossWhenFull the same when the cluster is filled to its usable capacity
 * @param riskWindow             what a second failure during the recovery does, in words
 */
public record NetworkAnalysis(
        double writeMBps,
        double replicationGbps,
        double portLoadGbps,
        double nicGbps,
        int nicPorts,
        double nicGbpsRequired,
        double recoveryHoursDiskLoss,
        double recoveryHoursHostLoss,
        double recoveryHoursHostLossWhenFull,
        String riskWindow,
        List<Explanation> explanations,
        List<Finding> findings) {

    public NetworkAnalysis {
        explanations = List.copyOf(explanations);
        findings = List.copyOf(findings);
    }
}
