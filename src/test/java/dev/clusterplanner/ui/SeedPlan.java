package dev.clusterplanner.ui;

import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;

import java.util.List;

/**
 * The seed's Meerkat cluster as a fixed test plan (the shipped example may be reworded by others):
 * postgres 2 VMs x 2 vCPU / 6 GiB (spread), app 4 x 1 vCPU / 2 GiB, proxy 2 x 1 vCPU / 1 GiB (spread),
 * monitoring 1 x 1 vCPU / 2 GiB, on Meerkat desktops as a Ceph cluster tolerating one host failure.
 */
public final class SeedPlan {

    public static final String MEERKAT = "desktop-meerkat-tall-i5";

    private SeedPlan() {
    }

    public static Plan plan() {
        List<Workload> workloads = List.of(
                Workload.of("postgres", WorkloadKind.VM, 2, 2, 6, 100).withAntiAffinity(true),
                Workload.of("app", WorkloadKind.CONTAINER, 4, 1, 2, 20),
                Workload.of("proxy", WorkloadKind.CONTAINER, 2, 1, 1, 10).withAntiAffinity(true),
                Workload.of("monitoring", WorkloadKind.CONTAINER, 1, 1, 2, 50));
        Site site = new Site("production", SiteKind.CLUSTER, workloads, List.of(MEERKAT), null, null);
        return new Plan("Seed Meerkat cluster (test)", "", List.of(site), null);
    }
}
