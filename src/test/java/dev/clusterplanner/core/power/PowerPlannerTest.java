package dev.clusterplanner.core.power;

import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Severity;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.clusterplanner.core.storage.Fixtures.get;
import static dev.clusterplanner.core.storage.Fixtures.has;
import static dev.clusterplanner.core.storage.Fixtures.hardware;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerPlannerTest {

    /** 48 threads, cpuScore 1, 1U, 100 W idle, 300 W max. */
    static Hardware rack(Double idle, Double max) {
        return hardware("rack-1u", HardwareCategory.RACK, 48, 1.0, 1, 1000, DiskType.NVME, 2, 10, 0, 0, 1, idle, max);
    }

    static Workload containers(int count, double vcpu, double util) {
        return new Workload("c", WorkloadKind.CONTAINER, count, vcpu, 1, 0, 0, false, 0, 0, 0, util, 0, null);
    }

    static Site site(SiteKind kind, Facility facility, List<Workload> w) {
        return new Site("s", kind, w, List.of(), Policy.defaultsFor(kind), facility);
    }

    static final Facility DC = new Facility(true, 0.20, 1.5, 50, 100, "test price");

    @Test
    void hostsDrawLinearlyBetweenIdleAndMaxByUtilisationAndTheDataCentreAddsItsPue() {
        // busy 10 x 4 vcpu x 0.36 = 14.4 threads of 3 x 48 = 144: 10 %
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of(containers(10, 4, 0.36))), rack(100.0, 300.0), 3);
        assertEquals(0.10, p.utilisation(), 1e-12);
        // 3 x (100 + 200 x 0.1) = 360 W
        assertEquals(360, p.itWatts(), 1e-9);
        // x PUE 1.5 = 540 W; x 730 h / 1000 = 394.2 kWh; x 0.20 = 78.84 USD
        assertEquals(1.5, p.pue());
        assertEquals(540, p.facilityWatts(), 1e-9);
        assertEquals(394.2, p.energyKwhMonth(), 1e-9);
        assertEquals(78.84, p.electricityUsdMonth(), 1e-9);
        // heat 360 x 3.412 = 1228.32 BTU/h
        assertEquals(1228.32, p.heatBtuPerHour(), 1e-9);
        // peak 3 x 300 = 900 W: 7.5 A at 120 V, 3.913 A at 230 V
        assertEquals(900, p.peakWatts(), 1e-9);
        assertEquals(7.5, p.ampsAt120V(), 1e-9);
        assertEquals(900.0 / 230, p.ampsAt230V(), 1e-9);
        // 3 U x 50 USD + 0.9 kW x 100 USD = 240 USD
        assertEquals(3, p.rackUnits());
        assertEquals(240, p.colocationUsdMonth(), 1e-9);
        assertTrue(p.explanations().stream().anyMatch(e -> e.figure().equals("powerWatts") && e.formula().contains("= 360 W")),
                p.explanations().toString());
    }

    @Test
    void virtualMachinesCountTheirCpuOverhead() {
        // 1 VM x 10 vcpu x (1 + 15 %) x util 1.0 = 11.5 busy threads of 48
        Workload vm = new Workload("vm", WorkloadKind.VM, 1, 10, 4, 0, 0, false, 0, 0, 0, 1.0, 0, null);
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.SINGLE_SERVER, Facility.OFFICE, List.of(vm)), rack(100.0, 300.0), 1);
        assertEquals(11.5 / 48, p.utilisation(), 1e-12);
        assertEquals(1.0, p.pue());
    }

    @Test
    void gpusAreIncludedIdleAndBusy() {
        Hardware gpuHost = hardware("gpu", HardwareCategory.DESKTOP, 32, 1.0, 1, 1000, DiskType.NVME, 1, 2.5, 1, 160, 0, 50.0, 250.0);
        // one workload on the GPU at util 0.5; CPU: 1 x 1 vcpu x 0.5 = 0.5 of 32 threads
        Workload ai = new Workload("ai", WorkloadKind.CONTAINER, 1, 1, 8, 0, 1, false, 0, 0, 0, 0.5, 0, null);
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.DESKTOP, Facility.OFFICE, List.of(ai)), gpuHost, 1);
        double host = 50 + 200 * (0.5 / 32);
        double gpu = 160 * 0.05 + 160 * 0.95 * 0.5; // 8 + 76 = 84 W
        assertEquals(host + gpu, p.itWatts(), 1e-9);
        assertEquals(250 + 160, p.peakWatts(), 1e-9);
    }

    @Test
    void aDesktopSiteHasNoPueAndNoRackEvenIfTheFacilitySaysDataCentre() {
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.DESKTOP, DC, List.of()), rack(100.0, 300.0), 1);
        assertEquals(1.0, p.pue());
        assertEquals(0, p.rackUnits());
        assertEquals(100, p.facilityWatts(), 1e-9);
        assertEquals(0.0, p.colocationUsdMonth());
    }

    @Test
    void aMissingPowerFigureStaysMissingWithAFinding() {
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of()), rack(null, 300.0), 3);
        assertNull(p.itWatts());
        assertNull(p.energyKwhMonth());
        assertNull(p.electricityUsdMonth());
        assertNull(p.ampsAt120V());
        assertNull(p.colocationUsdMonth(), "per-kW colocation cannot be priced without power");
        assertEquals(3, p.rackUnits());
        assertEquals(Severity.WARNING, get(p.findings(), PowerPlanner.RULE_FIGURE_MISSING).severity());
        assertFalse(has(PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of()), rack(100.0, 300.0), 3).findings(),
                PowerPlanner.RULE_FIGURE_MISSING));
    }

    @Test
    void aGpuWithoutAPowerFigureLeavesPowerMissing() {
        Hardware gpuHost = hardware("gpu", HardwareCategory.DESKTOP, 32, 1.0, 1, 1000, DiskType.NVME, 1, 2.5, 1, 0, 0, 50.0, 250.0);
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.DESKTOP, Facility.OFFICE, List.of()), gpuHost, 1);
        assertNull(p.itWatts());
        assertTrue(has(p.findings(), PowerPlanner.RULE_GPU_FIGURE_MISSING));
    }

    @Test
    void anOfficeCircuitOverEightyPercentIsWarned() {
        // 3 x 700 W = 2100 W / 120 V = 17.5 A > 12 A
        PowerAnalysis hot = PowerPlanner.analyse(site(SiteKind.CLUSTER, Facility.OFFICE, List.of()), rack(200.0, 700.0), 3);
        assertTrue(get(hot.findings(), PowerPlanner.RULE_CIRCUIT).text().contains("17.5 A"));
        // 3 x 300 W = 900 W / 120 V = 7.5 A
        assertFalse(has(PowerPlanner.analyse(site(SiteKind.CLUSTER, Facility.OFFICE, List.of()), rack(100.0, 300.0), 3).findings(),
                PowerPlanner.RULE_CIRCUIT));
    }

    @Test
    void rentedHardwareHasNoPowerFigures() {
        Hardware cloud = hardware("m7i", HardwareCategory.CLOUD, 4, 1.0, 0, 0, null, 1, 12.5, 0, 0, 0, null, null);
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of()), cloud, 3);
        assertFalse(p.applicable());
        assertNull(p.itWatts());
        assertTrue(p.findings().isEmpty(), "no missing-figure finding for rented hardware");
    }

    @Test
    void desktopsInADataCentreFacilityAreCountedAsInAnOffice() {
        Hardware desktop = hardware("mini", HardwareCategory.DESKTOP, 12, 1.0, 1, 4000, DiskType.SATA_SSD, 2, 2.5, 0, 0, 0, 10.0, 30.0);
        // no workloads: 3 x 10 W idle = 30 W, no PUE, no per-kW colocation
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of()), desktop, 3);
        assertEquals(30, p.facilityWatts(), 1e-9);
        assertEquals(1.0, p.pue());
        assertEquals(0.0, p.colocationUsdMonth());
        assertTrue(has(p.findings(), PowerPlanner.RULE_DESKTOPS_OUTSIDE_DC));
        assertFalse(has(PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of()), rack(100.0, 300.0), 3).findings(),
                PowerPlanner.RULE_DESKTOPS_OUTSIDE_DC));
    }

    @Test
    void mixedHostsAddUpAndShareTheUtilisation() {
        Hardware small = hardware("small", HardwareCategory.RACK, 16, 1.0, 1, 1000, DiskType.NVME, 2, 10, 0, 0, 1, 50.0, 150.0);
        // busy 8 x 4 x 0.5 = 16 threads of 48 + 16 + 16 = 80: 20 %
        PowerAnalysis p = PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of(containers(8, 4, 0.5))),
                List.of(rack(100.0, 300.0), small, small));
        assertEquals(0.2, p.utilisation(), 1e-12);
        // 1 x (100 + 200 x 0.2) + 2 x (50 + 100 x 0.2) = 140 + 140 = 280 W; peak 300 + 2 x 150 = 600 W; 3 U
        assertEquals(280, p.itWatts(), 1e-9);
        assertEquals(600, p.peakWatts(), 1e-9);
        assertEquals(3, p.rackUnits());
    }

    @Test
    void hardwareWithoutRackUnitsInAPerUDataCentreIsNoted() {
        Hardware tower = hardware("tower", HardwareCategory.RACK, 48, 1.0, 1, 1000, DiskType.NVME, 2, 10, 0, 0, 0, 100.0, 300.0);
        assertTrue(has(PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of()), tower, 3).findings(), PowerPlanner.RULE_NO_RACK_UNITS));
        assertFalse(has(PowerPlanner.analyse(site(SiteKind.CLUSTER, DC, List.of()), rack(100.0, 300.0), 3).findings(),
                PowerPlanner.RULE_NO_RACK_UNITS));
    }
}
