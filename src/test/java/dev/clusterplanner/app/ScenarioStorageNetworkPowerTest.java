package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Plan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage, network and power figures in the plan result: values worked out by hand below. */
class ScenarioStorageNetworkPowerTest {

    static final double TIB = Math.pow(1024, 4);
    static final double GIB = Math.pow(1024, 3);

    /** 12 threads, 32 GiB, one 4,000 GB SATA SSD, 2 x 2.5 GbE, 10.5 W idle, 35 W max, a desktop. */
    static Hardware desktop() {
        return new Hardware("d1", "desk", HardwareCategory.DESKTOP, "v", "cpu", 1, 12, 12, 3.0, 1.0, 32,
                1000.0, null, null, 0, 500, 1, 4000, DiskType.SATA_SSD, 2, 2.5, null, 0, 0, 0, 0, 10.5, 35.0,
                "us", "test row", null, true);
    }

    /** 48 threads, 384 GiB, two 3,840 GB NVMe, 2 x 10 GbE, 1U, 110 / 300 W. */
    static Hardware server() {
        return new Hardware("r1", "rack", HardwareCategory.RACK, "v", "cpu", 1, 24, 48, 2.5, 1.0, 384,
                5000.0, null, null, 0, 1000, 2, 3840, DiskType.NVME, 2, 10, null, 0, 0, 0, 1, 110.0, 300.0,
                "us", "test row", null, true);
    }

    static Plan plan(String hw, String policy) throws Exception {
        return new PlanService().parse("""
                {"format": 1, "name": "p", "sites": [{"name": "prod", "kind": "cluster", "hardware": ["%s"], %s "workloads": [
                  {"name": "app", "kind": "container", "count": 3, "vcpu": 1, "memoryGib": 2, "diskGib": 100, "cpuUtil": 0.4, "writeMbps": 5}]}]}
                """.formatted(hw, policy), "p.plan.json");
    }

    @Test
    void theJsonCarriesStorageNetworkAndPowerPerScenario() throws Exception {
        PlanningService svc = new PlanningService();
        JsonNode sc = new ObjectMapper().readTree(svc.toJson(svc.analyse(plan("d1", ""), Catalog.ofHardware(List.of(desktop())))))
                .get("sites").get(0).get("scenarios").get(0);
        assertEquals(3, sc.get("hosts").asInt());
        // raw 3 x 4,000 GB = 12e12 B = 10.9139 TiB; usable (12 - 4) / 3 x 0.85 TB = 2.2667e12 B = 2.0615 TiB
        assertEquals(12e12 / TIB, sc.get("rawTiB").asDouble(), 1e-4);
        assertEquals(8e12 / 3 * 0.85 / TIB, sc.get("usableTiB").asDouble(), 1e-4);
        // writes 3 x 5 MB/s = 15 MB/s x (3 - 1) x 8 / 1000 / 3 hosts = 0.08 Gb/s
        assertEquals(0.08, sc.get("replicationGbps").asDouble(), 1e-4);
        assertEquals(10, sc.get("nicGbpsRequired").asDouble(), 1e-9);
        // stored 300 GiB x 3 copies / 3 hosts = 300 GiB per host; no spare host, so a replacement backfills through
        // its 2.5 Gb/s port: 300 GiB x 8 / (2.5e9 x 0.7) = 1,472.6 s = 0.4091 h (throttle: 322.1 GB / 250 MB/s = 1,288 s)
        assertEquals(300 * GIB * 8 / (2.5e9 * 0.7) / 3600, sc.get("recoveryHoursHostLoss").asDouble(), 1e-4);
        // busy 3 x 1 x 0.4 = 1.2 of 36 threads; 3 x (10.5 + 24.5 / 30) = 33.95 W; desktops: no PUE; x 730 / 1000 = 24.7835 kWh
        assertEquals(33.95, sc.get("powerWatts").asDouble(), 1e-4);
        assertEquals(24.7835, sc.get("energyKwhMonth").asDouble(), 1e-4);
        assertEquals(0, sc.get("rackUnits").asInt());
        List<String> rules = new ArrayList<>();
        for (JsonNode f : sc.get("findings")) {
            assertFalse(f.get("severity").asText().isEmpty());
            assertFalse(f.get("text").asText().isEmpty());
            rules.add(f.get("rule").asText());
        }
        assertTrue(rules.contains("ceph.cannot-heal-after-host-loss"), rules.toString());
        assertTrue(rules.contains("network.nic-below-required"), rules.toString());
        boolean explained = false;
        for (JsonNode e : sc.get("explanations")) {
            if (e.get("figure").asText().equals("recoveryHoursHostLoss")) {
                explained = e.get("formula").asText().contains("efficiency 0.7") && !e.get("citation").asText().isEmpty();
            }
        }
        assertTrue(explained, "recoveryHoursHostLoss has a formula and a citation");
    }

    @Test
    void fourRackServersHealAfterAHostLossAndUseTheirRack() throws Exception {
        PlanningService svc = new PlanningService();
        PlanResult r = svc.analyse(plan("r1", "\"policy\": {\"minHosts\": 4},"), Catalog.ofHardware(List.of(server())));
        ScenarioResult s = r.sites().get(0).scenarios().get(0);
        assertEquals(4, s.hosts());
        var snp = s.storageNetworkPower();
        assertTrue(snp.storage().healsAfterHostLoss());
        assertEquals(4, snp.rackUnits());
        assertTrue(s.findings().stream().noneMatch(f -> f.rule().equals("ceph.cannot-heal-after-host-loss")));
        assertTrue(s.findings().stream().noneMatch(f -> f.rule().equals("network.nic-below-required")));
        // 300 GiB x 3 / 4 hosts = 225 GiB re-created by 3 survivors: 225 GiB x 8 / (3 x 10e9 x 0.7) = 92.0 s
        // (throttle: 241.6 GB / (6 OSDs x 2,000 MB/s x 0.5) = 40.3 s), so the network binds
        assertEquals(225 * GIB * 8 / (3 * 10e9 * 0.7) / 3600, snp.recoveryHoursHostLoss(), 1e-9);
        assertFalse(r.hasErrors());
    }

    @Test
    void anErrorInTheRecommendedScenariosStorageIsAPlanError() throws Exception {
        // Ceph on servers without data disks: the instances have no disks, so sizing places them (3 hosts, the Ceph
        // minimum), but Ceph has no OSD on such a server: the storage analysis reports an error, and so does the plan.
        Hardware noDisks = new Hardware("r0", "rack", HardwareCategory.RACK, "v", "cpu", 1, 24, 48, 2.5, 1.0, 384,
                5000.0, null, null, 0, 1000, 0, 0, null, 2, 10, null, 0, 0, 0, 1, 110.0, 300.0, "us", "test row", null, true);
        Plan plan = new PlanService().parse("""
                {"format": 1, "name": "p", "sites": [{"name": "prod", "kind": "cluster", "hardware": ["r0"], "workloads": [
                  {"name": "web", "kind": "container", "count": 3, "vcpu": 2, "memoryGib": 8, "diskGib": 0}]}]}
                """, "p.plan.json");
        PlanResult r = new PlanningService().analyse(plan, Catalog.ofHardware(List.of(noDisks)));
        ScenarioResult s = r.sites().get(0).recommended().orElseThrow();
        assertEquals(3, s.hosts());
        assertTrue(s.findings().stream().anyMatch(f -> f.rule().equals("storage.no-data-disks")), s.findings().toString());
        assertTrue(r.hasErrors());
    }

    @Test
    void sizingAddsAHostWhenCephUsableCapacityWouldNotHoldTheDisks() throws Exception {
        // 3 servers: usable (3 x 7.68 - 7.68) / 3 x 0.85 = 4.352 TB = 3.958 TiB; the workloads need 3 x 2,000 GiB = 5.86 TiB.
        // 4 servers: (4 x 7.68 - 7.68) / 3 x 0.85 = 6.528 TB = 5.937 TiB >= 5.86 TiB: sizing plans 4, and storage has no error.
        Plan big = new PlanService().parse("""
                {"format": 1, "name": "p", "sites": [{"name": "prod", "kind": "cluster", "hardware": ["r1"], "workloads": [
                  {"name": "db", "kind": "vm", "count": 3, "vcpu": 2, "memoryGib": 8, "diskGib": 2000}]}]}
                """, "p.plan.json");
        PlanResult r = new PlanningService().analyse(big, Catalog.ofHardware(List.of(server())));
        ScenarioResult s = r.sites().get(0).recommended().orElseThrow();
        assertEquals(4, s.hosts());
        assertTrue(s.findings().stream().noneMatch(f -> f.rule().equals("storage.over-usable-capacity")), s.findings().toString());
    }
}
