package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.power.PowerAnalysis;
import dev.clusterplanner.core.power.PowerPlanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Storage, network and power of one scenario together: the figures a scenario result shows, with every
 * explanation and finding of the three analyses.
 */
public record StorageNetworkPower(StorageAnalysis storage, NetworkAnalysis network, PowerAnalysis power) {

    /** Analyses the scenario's hosts (one entry per host, in host order) at {@code site} over {@code years}. */
    public static StorageNetworkPower analyse(Site site, List<Hardware> hosts, int years) {
        StorageAnalysis s = StoragePlanner.analyse(site, hosts, years);
        NetworkAnalysis n = NetworkPlanner.analyse(site, hosts, s);
        PowerAnalysis p = PowerPlanner.analyse(site, hosts);
        return new StorageNetworkPower(s, n, p);
    }

    public double usableTiB() {
        return storage.usableTiB();
    }

    public double rawTiB() {
        return storage.rawTiB();
    }

    /** NaN when unknown (no Ceph, or no NIC speed). */
    public double recoveryHoursHostLoss() {
        return network.recoveryHoursHostLoss();
    }

    public double replicationGbps() {
        return network.replicationGbps();
    }

    public double nicGbpsRequired() {
        return network.nicGbpsRequired();
    }

    /** Null when a power figure is missing or the hardware is rented. */
    public Double powerWatts() {
        return power.itWatts();
    }

    /** Null when a power figure is missing or the hardware is rented. */
    public Double energyKwhMonth() {
        return power.energyKwhMonth();
    }

    public int rackUnits() {
        return power.rackUnits();
    }

    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(storage.findings());
        all.addAll(network.findings());
        all.addAll(power.findings());
        return List.copyOf(all);
    }

    public List<Explanation> explanations() {
        List<Explanation> all = new ArrayList<>(storage.explanations());
        all.addAll(network.explanations());
        all.addAll(power.explanations());
        return List.copyOf(all);
    }
}
