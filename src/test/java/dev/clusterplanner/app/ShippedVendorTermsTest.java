package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Billing;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CpuArch;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
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

    static Catalog shipped() throws Exception {
        return new CatalogService(null, Clock.systemUTC().withZone(ZoneOffset.UTC)).loadShipped();
    }

    @Test
    void everyEc2TypeIsBilledBySecondWithAOneMinuteMinimumAndIsArmExactlyWhenItsCpuIsGraviton() throws Exception {
        List<Hardware> aws = shipped().hardware(HardwareCategory.CLOUD);
        assertFalse(aws.isEmpty());
        for (Hardware h : aws) {
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
    void hourlyPhoenixNapServersBillWholeHoursAndMonthlyRentsBillByTheMonth() throws Exception {
        boolean sawHourly = false;
        for (Hardware h : shipped().hardware(HardwareCategory.BAREMETAL_CLOUD)) {
            assertTrue(h.runsVms(), h.id());
            if (h.vendor().equals("PhoenixNAP") && h.monthlyUsd() == null && h.hourlyUsd() != null) {
                // the row's source: PhoenixNAP knowledge base, billing models (a part hour counts as a whole hour, one-hour minimum)
                assertEquals(new Billing(Billing.Unit.HOUR, 1), h.billing(), h.id());
                sawHourly = true;
            } else if (h.monthlyUsd() != null) {
                assertEquals(Billing.Unit.MONTH, h.billing().unit(), h.id());
            }
        }
        assertTrue(sawHourly, "the catalog has an hourly PhoenixNAP server");
    }

    @Test
    void ownedDesktopsAndRackServersRunVms() throws Exception {
        Catalog c = shipped();
        for (HardwareCategory cat : List.of(HardwareCategory.DESKTOP, HardwareCategory.RACK)) {
            for (Hardware h : c.hardware(cat)) {
                assertTrue(h.runsVms(), h.id());
            }
        }
    }
}
