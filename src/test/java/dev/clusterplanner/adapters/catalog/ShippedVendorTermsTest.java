package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.core.model.Billing;
import dev.clusterplanner.core.model.CpuArch;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped hardware catalog states its vendor behaviour in the typed columns (decision 0120): the code never reads
 * names, so these checks hold the data to what the rows' own descriptions say.
 */
class ShippedVendorTermsTest {

    static List<Hardware> rows(String file) throws Exception {
        Path p = Path.of(System.getProperty("project.basedir", "."), "catalogs", "hardware", file);
        return HardwareCsv.parse(Files.readString(p, StandardCharsets.UTF_8), p.toString(), LocalDate.now());
    }

    @Test
    void everyEc2TypeIsBilledBySecondWithAOneMinuteMinimumAndIsArmExactlyWhenItsCpuIsGraviton() throws Exception {
        List<Hardware> aws = rows("aws.csv");
        assertFalse(aws.isEmpty());
        for (Hardware h : aws) {
            assertEquals(HardwareCategory.CLOUD, h.category(), h.id());
            assertEquals(new Billing(Billing.Unit.SECOND, 60), h.billing(), h.id());
            boolean graviton = h.cpuModel().toLowerCase(Locale.ROOT).contains("graviton");
            assertEquals(graviton ? CpuArch.ARM64 : CpuArch.X86_64, h.cpuArch(), h.id() + " (" + h.cpuModel() + ")");
            // VMs need hardware virtualisation: on EC2 the bare-metal (.metal) types give it
            assertEquals(h.id().contains(".metal"), h.runsVms(), h.id());
        }
        assertTrue(aws.stream().anyMatch(Hardware::arm), "the catalog has Graviton types to leave out");
        assertTrue(aws.stream().anyMatch(h -> h.runsVms() && !h.arm()), "an x86 type can host a VM site");
    }

    @Test
    void phoenixNapBillsWholeHoursAndMonthlyRentsBillByTheMonth() throws Exception {
        for (Hardware h : rows("baremetal-cloud.csv")) {
            assertEquals(CpuArch.X86_64, h.cpuArch(), h.id());
            assertTrue(h.runsVms(), h.id());
            if (h.vendor().equals("PhoenixNAP")) {
                // the row's source: PhoenixNAP knowledge base, billing models (a part hour counts as a whole hour, one-hour minimum)
                assertEquals(new Billing(Billing.Unit.HOUR, 1), h.billing(), h.id());
            } else if (h.monthlyUsd() != null) {
                assertEquals(Billing.MONTHLY, h.billing(), h.id());
            }
        }
    }

    @Test
    void ownedDesktopsAndRackServersAreX86HostsThatRunVms() throws Exception {
        for (String file : List.of("desktop.csv", "rack.csv")) {
            for (Hardware h : rows(file)) {
                assertEquals(CpuArch.X86_64, h.cpuArch(), h.id());
                assertTrue(h.runsVms(), h.id());
            }
        }
    }
}
