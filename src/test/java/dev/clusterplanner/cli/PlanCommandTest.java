package dev.clusterplanner.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandTest {

    @Test
    void planWithoutInputIsAUsageError() {
        CliTest.Result r = CliTest.run("plan");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("give PLAN.json"), r.err());
    }

    @Test
    void aBadStorageModeIsAUsageError(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("p.plan.json");
        Files.writeString(plan, "{}");
        CliTest.Result r = CliTest.run("plan", plan.toString(), "--storage", "nfs");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown storage mode 'nfs'"), r.err());
    }

    @Test
    void anUnknownHardwareIdIsRejectedWithExitOne(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("p.plan.json");
        Files.writeString(plan, """
                {"format": 1, "name": "p", "sites": [{"name": "s", "kind": "cluster", "hardware": ["no-such-host"], "workloads": [
                  {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2}]}]}
                """);
        CliTest.Result r = CliTest.run("plan", plan.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("sites/0/hardware/0: site 's': hardware 'no-such-host' is not in the catalog"), r.err());
    }

    @Test
    void theTableShowsStorageNetworkAndPowerPerOptionWithItsFindings(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("p.plan.json");
        Files.writeString(plan, """
                {"format": 1, "name": "p", "sites": [{"name": "s", "kind": "cluster", "hardware": ["desktop-meerkat-tall-i5"], "workloads": [
                  {"name": "web", "kind": "container", "count": 2, "vcpu": 1, "memoryGib": 2, "diskGib": 50}]}]}
                """);
        CliTest.Result r = CliTest.run("plan", plan.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Storage, network and power:"), r.out());
        assertTrue(r.out().contains("usable TiB") && r.out().contains("recovery h") && r.out().contains("kWh/month"), r.out());
        // three Meerkats with 2.5 GbE under Ceph: both findings are listed for option 1
        assertTrue(r.out().contains("option 1 warning: a size-3 pool on exactly 3 hosts cannot heal"), r.out());
        assertTrue(r.out().contains("[network.nic-below-required]"), r.out());
    }
}
