package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.clusterplanner.core.storage.Fixtures.cephSite;
import static dev.clusterplanner.core.storage.Fixtures.disks;
import static dev.clusterplanner.core.storage.Fixtures.has;
import static dev.clusterplanner.core.storage.Fixtures.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageNetworkPowerTest {

    @Test
    void aScenarioCarriesTheFiguresAndFindingsOfAllThreeAnalyses() {
        // 3 desktops-like hosts: 1 x 4000 GB SATA SSD, 2 x 2.5 GbE, 100/300 W, 1U (server fixture), size 3
        Hardware hw = server(1, 4000, DiskType.SATA_SSD, 2, 2.5);
        StorageNetworkPower r = StorageNetworkPower.analyse(cephSite(CephLayout.DEFAULT, List.of(disks(10, 300, 0))),
                Collections.nCopies(3, hw), 5);
        // raw 12 TB = 10.914 TiB; usable (12 - 4) / 3 x 0.85 = 2.2667 TB = 2.0615 TiB
        assertEquals(12e12 / Math.pow(1024, 4), r.rawTiB(), 1e-9);
        assertEquals(8e12 / 3 * 0.85 / Math.pow(1024, 4), r.usableTiB(), 1e-9);
        assertEquals(10, r.nicGbpsRequired());
        assertEquals(3, r.rackUnits());
        // utilisation: 10 containers x 1 vcpu x 0.3 = 3 of 144 threads; 3 x (100 + 200 x 3/144) = 312.5 W
        assertEquals(312.5, r.powerWatts(), 1e-9);
        // data centre PUE 1.58: 312.5 x 1.58 x 730 / 1000 = 360.4375 kWh
        assertEquals(360.4375, r.energyKwhMonth(), 1e-9);
        assertTrue(has(r.findings(), StoragePlanner.RULE_CANNOT_HEAL));
        assertTrue(has(r.findings(), NetworkPlanner.RULE_NIC_BELOW_REQUIRED));
        assertTrue(r.explanations().stream().anyMatch(e -> e.figure().equals("recoveryHoursHostLoss")));
        assertTrue(r.explanations().stream().anyMatch(e -> e.figure().equals("energyKwhMonth")));
    }

    @Test
    void aScenarioWithoutHostsHasNoCapacityAndSaysSo() {
        StorageNetworkPower r = StorageNetworkPower.analyse(cephSite(CephLayout.DEFAULT, List.of(disks(1, 10, 0))), List.of(), 5);
        assertEquals(0, r.usableTiB());
        assertEquals(0, r.rackUnits());
        assertTrue(has(r.findings(), StoragePlanner.RULE_OVER_CAPACITY));
        assertTrue(has(r.findings(), StoragePlanner.RULE_REPLICAS_EXCEED_HOSTS));
        assertTrue(Double.isNaN(r.recoveryHoursHostLoss()));
    }
}
